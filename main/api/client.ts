import type { Envelope } from './envelope';
import type { GenlogClient } from './table';
import { METHOD_NAMES } from './method-names';

export type Call = (method: string, input: unknown) => Promise<Envelope<unknown>>;

/** Builds the typed API object from one transport function: IPC in the preload, fetch in the browser, direct in tests. */
export function makeClient(call: Call): GenlogClient {
  return Object.fromEntries(
    METHOD_NAMES.map((name) => [name, (input: unknown) => call(name, input ?? {})]),
  ) as unknown as GenlogClient;
}
