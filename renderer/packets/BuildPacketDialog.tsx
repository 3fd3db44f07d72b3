import { useState } from 'react';
import { useApp, useStores } from '../app/stores-context';
import { fieldErrors } from '../stores/call';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import type { BuildInput, Packet } from './types';

const FIELDS = ['production', 'episode', 'since', 'until'] as const;

/**
 * Builds a draft packet for a production, optionally one episode/reel and a date range of creation. A new build
 * of a scope whose packet was approved supersedes it (the API works that out).
 */
export function BuildPacketDialog({ initial, onClose }: { initial?: BuildInput; onClose(built?: Packet): void }) {
  const { packets } = useStores();
  const productions = useApp('catalog', (s) => s.productions);
  const [form, setForm] = useState({
    production: initial?.production ?? productions[0]?.code ?? '',
    episode: initial?.episode ?? '',
    since: initial?.since ?? '',
    until: initial?.until ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const production = productions.find((p) => p.code === form.production);
  const set = (k: keyof typeof form, v: string) => setForm((f) => ({ ...f, [k]: v, ...(k === 'production' ? { episode: '' } : {}) }));

  async function build() {
    if (!form.production) {
      setErrors({ production: 'Choose the production the packet is for.' });
      return;
    }
    if (form.since && form.until && form.since > form.until) {
      setErrors({ until: `The range is empty: "until" is before "since" (${form.since}).` });
      return;
    }
    setBusy(true);
    const res = await packets.getState().build({
      production: form.production,
      episode: form.episode || undefined,
      since: form.since || undefined,
      until: form.until || undefined,
    });
    setBusy(false);
    if (res.ok) return onClose(res.value);
    const f = fieldErrors(res.error, FIELDS);
    setErrors(f.fields);
    setGeneral(f.general);
  }

  return (
    <Dialog title="Build a disclosure packet" confirmLabel={busy ? 'Building…' : 'Build draft'} onConfirm={() => void build()}
      onCancel={() => onClose()} busy={busy || productions.length === 0} cancelWhileBusy={productions.length === 0}>
      <p className="dialog-text muted">
        Collects the production's active assets in scope with their findings, approvals and consents into one signed
        file. It stays a draft you can rebuild until you approve it.
      </p>
      {general ? <div className="form-error" role="alert">{general}</div> : null}
      {productions.length === 0 ? <div className="notice">Add a production first (Catalog → Productions).</div> : null}
      <Field label="Production" error={errors.production}>
        <select className="input" value={form.production} onChange={(e) => set('production', e.target.value)} data-autofocus>
          {productions.map((p) => <option key={p.id} value={p.code}>{p.code} · {p.title}</option>)}
        </select>
      </Field>
      <Field label="Episode / reel" error={errors.episode}
        hint={production && production.episodes.length === 0 ? 'This production lists no episodes: the packet covers all of it.' : undefined}>
        <select className="input" value={form.episode} onChange={(e) => set('episode', e.target.value)}
          disabled={!production || production.episodes.length === 0}>
          <option value="">All episodes</option>
          {production?.episodes.map((e) => <option key={e} value={e}>{e}</option>)}
        </select>
      </Field>
      <div className="form-grid">
        <Field label="Created since (optional)" error={errors.since}>
          <input className="input" type="date" value={form.since} onChange={(e) => set('since', e.target.value)} />
        </Field>
        <Field label="Created until (optional)" error={errors.until}>
          <input className="input" type="date" value={form.until} onChange={(e) => set('until', e.target.value)} />
        </Field>
      </div>
    </Dialog>
  );
}
