/**
 * Thrown when the native checks meet anything outside the common shape they reproduce exactly: the manifest is then
 * left to c2pa-rs, which gives the verdict. The reason is for tests and diagnostics, never shown as a verdict.
 */
export class DeferToReader extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'DeferToReader';
  }
}

export function defer(reason: string): never {
  throw new DeferToReader(reason);
}
