import { createStore } from 'zustand/vanilla';
import type { GenlogClient } from '../../main/api/table';
import type { BuildInput, ExportedEml, Packet, PacketDetail, PacketPdf, VerifyResult } from '../packets/types';
import type { Call, Outcome } from './call';

export interface PacketsState {
  /** Every packet, newest first (drafts included). */
  packets: Packet[];
  loaded: boolean;
  /** The packet selected on the Packets screen (the Outbox screen has its own selection). */
  selectedId: number | null;
  /** The packet whose detail pane is shown, with its history and manifest summary. */
  detail: PacketDetail | null;
  detailLoading: boolean;
  /** Rule id -> what it is about, in plain language (the tooltip of a rule an item still has open). */
  ruleTexts: Record<string, string>;
  load(): Promise<void>;
  select(id: number | null): void;
  /** Loads the detail pane for a packet (null empties it). */
  show(id: number | null): Promise<void>;
  /** Reloads the list and the packet shown: after a change here or in the outbox. */
  refresh(): Promise<void>;
  build(input: BuildInput): Promise<Outcome<Packet>>;
  rebuild(id: number): Promise<Outcome<Packet>>;
  approve(id: number): Promise<Outcome<Packet>>;
  exportEml(id: number, out: string): Promise<Outcome<ExportedEml>>;
  confirmSent(id: number, note: string): Promise<Outcome<Packet>>;
  resend(id: number, reason: string): Promise<Outcome<Packet>>;
  pdf(id: number): Promise<Outcome<PacketPdf>>;
  /** Checks the packet file as an outsider would: every hash, the signature, the manifest schema. */
  verify(packet: Pick<Packet, 'id' | 'path'>): Promise<Outcome<VerifyResult>>;
}

export interface PacketsDeps {
  /** Who is acting (the artist name from settings); the API falls back to its own default when undefined. */
  actor(): string | undefined;
  /** A packet changed state: the outbox reloads. */
  changed(): void;
  notify(message: string): void;
}

/** Disclosure packets: build, review, approve, export, and the person's decisions after a send. */
export function createPacketsStore(api: GenlogClient, call: Call, deps: PacketsDeps) {
  let request = 0;
  const by = () => deps.actor() || undefined;
  return createStore<PacketsState>()((set, get) => {
    /** After any action, success or refusal: the packet may have moved meanwhile (another window, the CLI). */
    async function settle<T>(res: Outcome<T>, message: (value: T) => string, showId?: number): Promise<Outcome<T>> {
      if (res.ok) deps.notify(message(res.value));
      const shown = showId ?? get().detail?.id;
      await Promise.all([get().load(), shown === undefined ? undefined : get().show(shown)]);
      deps.changed();
      return res;
    }
    async function loadRuleTexts() {
      if (Object.keys(get().ruleTexts).length > 0) return;
      const res = await call(api.getComplianceCatalog({}), 'load the rule explanations');
      // A principle's neutral statement, not its "no" explanation: the summary does not say whether the answer was no or unsure.
      if (res.ok) set({ ruleTexts: Object.fromEntries(res.value.rules.map((r) => [r.id, r.kind === 'principle' ? (r.statement ?? r.explanation) : r.explanation])) });
    }

    return {
      packets: [],
      loaded: false,
      selectedId: null,
      detail: null,
      detailLoading: false,
      ruleTexts: {},
      async load() {
        const res = await call(api.listPackets({}), 'load the packets');
        set({ packets: res.ok ? res.value : get().packets, loaded: true });
        void loadRuleTexts();
      },
      select(id) {
        set({ selectedId: id });
        void get().show(id);
      },
      async show(id) {
        const mine = ++request;
        if (id === null) return set({ detail: null, detailLoading: false });
        set({ detailLoading: true });
        const res = await call(api.getPacket({ id }), `open packet ${id}`);
        if (mine !== request) return;
        set({ detail: res.ok ? res.value : null, detailLoading: false });
      },
      async refresh() {
        const shown = get().detail?.id;
        await Promise.all([get().load(), shown === undefined ? undefined : get().show(shown)]);
      },
      async build(input) {
        const res = await call(api.buildPacket({ ...input, by: by() }), `build a packet for ${input.production}`);
        if (res.ok) set({ selectedId: res.value.id });
        return settle(res, (p) => `Draft packet ${p.id} built with ${p.assets} asset${p.assets === 1 ? '' : 's'}. Review it, then approve it.`,
          res.ok ? res.value.id : undefined);
      },
      async rebuild(id) {
        return settle(await call(api.rebuildPacket({ id, by: by() }), `rebuild packet ${id}`),
          (p) => `Packet ${p.id} rebuilt from the log: ${p.assets} asset${p.assets === 1 ? '' : 's'}.`);
      },
      async approve(id) {
        return settle(await call(api.approvePacket({ id, by: by() }), `approve packet ${id}`),
          (p) => `Packet ${p.id} approved by ${p.approvedBy ?? 'you'}: frozen and queued in the outbox.`);
      },
      async exportEml(id, out) {
        return settle(await call(api.exportPacketEml({ id, out, by: by() }), `export packet ${id} as .eml`),
          (p) => `Packet ${p.id} written to ${p.emlPath}. Send it from your mail program, then confirm it was sent.`);
      },
      async confirmSent(id, note) {
        return settle(await call(api.confirmPacketSent({ id, by: by(), note: note.trim() || undefined }), `confirm packet ${id} as sent`),
          (p) => `Packet ${p.id} recorded as sent.`);
      },
      async resend(id, reason) {
        return settle(await call(api.resendPacket({ id, by: by(), reason: reason.trim() || undefined }), `queue packet ${id} again`),
          (p) => `Packet ${p.id} is queued to be sent again.`);
      },
      pdf(id) {
        return call(api.getPacketPdf({ id }), `read the summary.pdf of packet ${id}`);
      },
      verify(packet) {
        return call(api.verifyPacketFile({ path: packet.path }), `verify the file of packet ${packet.id}`);
      },
    };
  });
}

export type PacketsStore = ReturnType<typeof createPacketsStore>;
