/**
 * JUMBF (ISO/IEC 19566-5) boxes as C2PA uses them: a superbox ("jumb") starts with a description box ("jumd": a
 * type UUID, toggles and a label) followed by content boxes or further superboxes. Boxes are views into the input.
 */
import { strictUtf8 } from './utf8';

export interface JumbfBox {
  type: string;
  /** The box's content after its header. */
  payload: Uint8Array;
}

export interface Superbox {
  /** The superbox content after its header (description box and children). */
  payload: Uint8Array;
  uuid: string;
  /** Description toggles: 0x01 requestable, 0x02 label present, 0x04 id present, 0x08 signature present. */
  toggles: number;
  /** Bytes in the description after its label (an id, signature or private box). */
  descriptionTail: number;
  label: string;
  children: (Superbox | JumbfBox)[];
}

const MAX_DEPTH = 16;

function readBoxes(bytes: Uint8Array): JumbfBox[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxes: JumbfBox[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (at + 8 > bytes.length) throw new Error('JUMBF: truncated box header');
    let size = view.getUint32(at);
    let header = 8;
    if (size === 1) {
      if (at + 16 > bytes.length) throw new Error('JUMBF: truncated box header');
      const big = view.getBigUint64(at + 8);
      if (big > BigInt(bytes.length)) throw new Error('JUMBF: box larger than its container');
      size = Number(big);
      header = 16;
    } else if (size === 0) {
      size = bytes.length - at;
    }
    if (size < header || at + size > bytes.length) throw new Error('JUMBF: box size out of range');
    const type = String.fromCharCode(bytes[at + 4] as number, bytes[at + 5] as number, bytes[at + 6] as number, bytes[at + 7] as number);
    boxes.push({ type, payload: bytes.subarray(at + header, at + size) });
    at += size;
  }
  return boxes;
}

function parseSuperbox(box: JumbfBox, depth: number): Superbox {
  if (depth > MAX_DEPTH) throw new Error('JUMBF: nested too deeply');
  const [description, ...rest] = readBoxes(box.payload);
  if (!description || description.type !== 'jumd' || description.payload.length < 17) throw new Error('JUMBF: superbox without a description');
  const d = description.payload;
  const uuid = Buffer.from(d.subarray(0, 16)).toString('hex');
  const toggles = d[16] as number;
  let label = '';
  let labelEnd = 17;
  if (toggles & 0x02) {
    const end = d.indexOf(0, 17);
    if (end < 0) throw new Error('JUMBF: unterminated label');
    label = strictUtf8(d.subarray(17, end));
    labelEnd = end + 1;
  }
  const children = rest.map((child) => (child.type === 'jumb' ? parseSuperbox(child, depth + 1) : child));
  return { payload: box.payload, uuid, toggles, descriptionTail: d.length - labelEnd, label, children };
}

/** Parses a buffer holding exactly one superbox. */
export function parseJumbf(bytes: Uint8Array): Superbox {
  const boxes = readBoxes(bytes);
  if (boxes.length !== 1 || boxes[0]?.type !== 'jumb') throw new Error('JUMBF: expected one superbox');
  return parseSuperbox(boxes[0], 0);
}

export function isSuperbox(box: Superbox | JumbfBox): box is Superbox {
  return 'children' in box;
}

/** C2PA's JUMBF type UUIDs: four ASCII letters followed by the ISO suffix. */
export const C2PA_UUID = {
  store: '6332706100110010800000aa00389b71',
  manifest: '63326d6100110010800000aa00389b71',
  assertions: '6332617300110010800000aa00389b71',
  claim: '6332636c00110010800000aa00389b71',
  signature: '6332637300110010800000aa00389b71',
  cbor: '63626f7200110010800000aa00389b71',
} as const;
