import sharp from 'sharp';

export async function plainJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: '#884422' } }).jpeg().toBuffer();
}

/** One JPEG marker segment (length counts itself). */
export function segment(marker: number, payload: Uint8Array): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt8(0xff, 0);
  head.writeUInt8(marker, 1);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** Inserts segments right after SOI. */
export function jpegWithSegments(jpeg: Buffer, segments: Buffer[]): Buffer {
  return Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);
}

export function exifSegment(tiff: Buffer): Buffer {
  return segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]));
}

export const IPTC_EXT = 'http://iptc.org/std/Iptc4xmpExt/2008-02-29/';
export const DST = 'http://cv.iptc.org/newscodes/digitalsourcetype/';

/** An XMP packet with the given Iptc4xmpExt / xmp properties (values are XML-escaped here). */
export function xmpPacket(properties: Record<string, string>): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = Object.entries(properties)
    .map(([name, value]) => `<${name}>${escape(value)}</${name}>`)
    .join('');
  return (
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">' +
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    `<rdf:Description rdf:about="" xmlns:Iptc4xmpExt="${IPTC_EXT}" xmlns:xmp="http://ns.adobe.com/xap/1.0/">${body}</rdf:Description>` +
    '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
  );
}
