import type { IpcMainInvokeEvent } from 'electron';
import type { ApiContext } from '../api/context';
import { dispatch } from '../api/dispatch';
import type { MethodDef } from '../api/method';
import { IPC_PREFIX } from '../../preload/desktop-bridge';

export interface IpcRegistrar {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, payload: unknown) => unknown): void;
}

/**
 * One IPC channel per API method, generated from the table. Every call is checked for a trusted sender before
 * its payload is even parsed (a compromised or navigated frame must not reach the evidence log).
 */
export function registerApiIpc(
  ipc: IpcRegistrar,
  table: Record<string, MethodDef>,
  ctx: ApiContext,
  isTrusted: (event: IpcMainInvokeEvent) => boolean,
): string[] {
  const channels: string[] = [];
  for (const name of Object.keys(table)) {
    const channel = `${IPC_PREFIX}${name}`;
    ipc.handle(channel, (event, payload) => {
      if (!isTrusted(event)) return { ok: false, error: { code: 'forbidden', message: 'IPC call from an untrusted sender refused' } };
      return dispatch(table, ctx, name, payload);
    });
    channels.push(channel);
  }
  return channels;
}
