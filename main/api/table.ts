import type { InputOf, MethodDef, ResultOf } from './method';
import type { Envelope } from './envelope';
import { logMethods } from './methods/log-methods';
import { complianceMethods } from './methods/compliance-methods';
import { ingestMethods } from './methods/ingest-methods';
import { packetMethods } from './methods/packet-methods';
import { databaseMethods } from './methods/database-methods';

/** The one API: every transport (Electron IPC, loopback HTTP, CLI) calls these handlers and nothing else. */
export const apiTable = {
  ...logMethods,
  ...complianceMethods,
  ...ingestMethods,
  ...packetMethods,
  ...databaseMethods,
};

export type ApiTable = typeof apiTable;
export type MethodName = keyof ApiTable;

/** What a renderer or script holds: every method, returning an envelope instead of throwing. */
export type GenlogClient = {
  [K in MethodName]: (input: InputOf<ApiTable[K]>) => Promise<Envelope<ResultOf<ApiTable[K]>>>;
};

export const methodTable: Record<string, MethodDef> = apiTable as unknown as Record<string, MethodDef>;
