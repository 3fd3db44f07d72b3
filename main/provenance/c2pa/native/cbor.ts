import { strictUtf8 } from './utf8';

/**
 * A strict, bounded CBOR decoder (RFC 8949) for C2PA claims, assertions and COSE signatures. It keeps byte strings
 * as views (no copies) and tags as {tag, value}. Anything it does not expect throws: the caller then leaves the
 * manifest to c2pa-rs, so an unusual encoding costs time, never a verdict.
 */

export class CborTag {
  constructor(readonly tag: number, readonly value: CborValue) {}
}

export type CborValue = number | bigint | string | boolean | null | undefined | Uint8Array | CborValue[] | CborMap | CborTag;
/** C2PA maps have text keys, COSE maps integer keys: both kept in one Map, in the order written. */
export type CborMap = Map<string | number, CborValue>;

const MAX_DEPTH = 64;
const MAX_ITEMS = 100_000;

class Reader {
  at = 0;
  items = 0;
  constructor(readonly bytes: Uint8Array, readonly view: DataView) {}

  need(n: number): void {
    if (n < 0 || this.at + n > this.bytes.length) throw new Error('CBOR: truncated');
  }

  argument(info: number): number | bigint {
    if (info < 24) return info;
    if (info === 24) { this.need(1); return this.bytes[this.at++] as number; }
    if (info === 25) { this.need(2); const v = this.view.getUint16(this.at); this.at += 2; return v; }
    if (info === 26) { this.need(4); const v = this.view.getUint32(this.at); this.at += 4; return v; }
    if (info === 27) {
      this.need(8);
      const v = this.view.getBigUint64(this.at);
      this.at += 8;
      return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
    }
    throw new Error('CBOR: indefinite or reserved length');
  }

  /** True (and consumed) when the next byte is the "break" ending an indefinite-length item. */
  atBreak(): boolean {
    this.need(1);
    if (this.bytes[this.at] !== 0xff) return false;
    this.at++;
    return true;
  }

  /** The chunks of an indefinite-length byte or text string, each a definite string of the same major type. */
  chunks(major: number): Uint8Array {
    const parts: Uint8Array[] = [];
    while (!this.atBreak()) {
      const initial = this.bytes[this.at++] as number;
      if (initial >> 5 !== major || (initial & 31) === 31) throw new Error('CBOR: bad string chunk');
      const n = this.length(initial & 31);
      this.need(n);
      parts.push(this.bytes.subarray(this.at, this.at + n));
      this.at += n;
    }
    return Buffer.concat(parts);
  }

  length(info: number): number {
    const n = this.argument(info);
    if (typeof n !== 'number') throw new Error('CBOR: length too large');
    return n;
  }

  item(depth: number): CborValue {
    if (depth > MAX_DEPTH) throw new Error('CBOR: nested too deeply');
    if (++this.items > MAX_ITEMS) throw new Error('CBOR: too many items');
    this.need(1);
    const initial = this.bytes[this.at++] as number;
    const major = initial >> 5;
    const info = initial & 31;
    switch (major) {
      case 0: return this.argument(info);
      case 1: {
        const n = this.argument(info);
        return typeof n === 'number' ? -1 - n : -1n - n;
      }
      case 2: {
        if (info === 31) return this.chunks(2);
        const n = this.length(info);
        this.need(n);
        const value = this.bytes.subarray(this.at, this.at + n);
        this.at += n;
        return value;
      }
      case 3: {
        if (info === 31) return strictUtf8(this.chunks(3));
        const n = this.length(info);
        this.need(n);
        const text = strictUtf8(this.bytes.subarray(this.at, this.at + n));
        this.at += n;
        return text;
      }
      case 4: {
        const list: CborValue[] = [];
        if (info === 31) {
          while (!this.atBreak()) list.push(this.item(depth + 1));
          return list;
        }
        const n = this.length(info);
        if (n > this.bytes.length - this.at) throw new Error('CBOR: array longer than its input');
        for (let i = 0; i < n; i++) list.push(this.item(depth + 1));
        return list;
      }
      case 5: {
        const map: CborMap = new Map();
        const entry = () => {
          const key = this.item(depth + 1);
          if (typeof key !== 'string' && typeof key !== 'number') throw new Error('CBOR: unsupported map key');
          if (map.has(key)) throw new Error('CBOR: duplicate map key');
          map.set(key, this.item(depth + 1));
        };
        if (info === 31) {
          while (!this.atBreak()) entry();
          return map;
        }
        const n = this.length(info);
        if (n > this.bytes.length - this.at) throw new Error('CBOR: map longer than its input');
        for (let i = 0; i < n; i++) entry();
        return map;
      }
      case 6: {
        const tag = this.argument(info);
        if (typeof tag !== 'number') throw new Error('CBOR: tag too large');
        return new CborTag(tag, this.item(depth + 1));
      }
      default: {
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
        if (info === 23) return undefined;
        // Floats: nothing a manifest of the shape read here holds is a float, and c2pa-rs reads integers strictly.
        throw new Error('CBOR: unsupported simple value');
      }
    }
  }
}

/** Decodes exactly one CBOR item filling `bytes`; throws on trailing bytes or anything unexpected. */
export function decodeCbor(bytes: Uint8Array): CborValue {
  const reader = new Reader(bytes, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const value = reader.item(0);
  if (reader.at !== bytes.length) throw new Error('CBOR: trailing bytes');
  return value;
}

/** Minimal CBOR encoding of the few shapes COSE needs to rebuild (arrays of text and byte strings). */
export function encodeCbor(value: string | Uint8Array | (string | Uint8Array)[]): Buffer {
  if (Array.isArray(value)) return Buffer.concat([head(4, value.length), ...value.map((v) => encodeCbor(v))]);
  if (typeof value === 'string') {
    const text = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, text.length), text]);
  }
  return Buffer.concat([head(2, value.length), value]);
}

function head(major: number, length: number): Buffer {
  if (length < 24) return Buffer.from([(major << 5) | length]);
  if (length < 0x100) return Buffer.from([(major << 5) | 24, length]);
  if (length < 0x10000) { const b = Buffer.alloc(3); b[0] = (major << 5) | 25; b.writeUInt16BE(length, 1); return b; }
  const b = Buffer.alloc(5);
  b[0] = (major << 5) | 26;
  b.writeUInt32BE(length, 1);
  return b;
}

export function isMap(value: CborValue): value is CborMap {
  return value instanceof Map;
}
