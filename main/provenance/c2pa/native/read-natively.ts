import { DeferToReader } from './defer';
import { readStoreNatively, type NativeStore } from './read-store';

/** Why the latest manifest was left to c2pa-rs, null when it was read natively (tests and diagnostics). */
let lastDeferral: string | null = null;

/**
 * The manifest store read and validated natively, or null when c2pa-rs must judge it: an unusual shape, a failed
 * check, or a parse error in hostile bytes. Never throws.
 */
export function readNatively(bytes: Uint8Array): NativeStore | null {
  try {
    const store = readStoreNatively(bytes);
    lastDeferral = null;
    return store;
  } catch (error) {
    lastDeferral = error instanceof DeferToReader ? error.message : `unreadable: ${(error as Error).message}`;
    return null;
  }
}

export function whyDeferred(): string | null {
  return lastDeferral;
}
