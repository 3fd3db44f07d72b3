import type { GenlogClient } from '../../main/api/table';
import type { Call } from './call';
import type { NoticeKind } from './notifications';
import { createOutboxStore } from './outbox-store';
import { createPacketSettingsStore } from './packet-settings-store';
import { createPacketsStore } from './packets-store';

export interface PacketStoreDeps {
  actor(): string | undefined;
  notify(kind: NoticeKind, message: string): void;
}

/** The disclosure stores (packets, outbox, email settings), wired so a change in one reloads the others. */
export function createPacketStores(api: GenlogClient, call: Call, deps: PacketStoreDeps) {
  const success = (message: string) => deps.notify('success', message);
  const packets = createPacketsStore(api, call, {
    actor: deps.actor,
    changed: () => void outbox.getState().load(),
    notify: success,
  });
  const outbox = createOutboxStore(api, call, {
    actor: deps.actor,
    changed: () => void packets.getState().refresh(),
    notify: deps.notify,
  });
  const packetSettings = createPacketSettingsStore(api, call, success);
  return { packets, outbox, packetSettings };
}
