import { digitalSourceTypeOf } from '../digital-source-type';
import type { IptcRecord } from '../types';
import { namespaceProperties, xmpText } from './xmp-values';

const IPTC_EXT_NS = 'http://iptc.org/std/Iptc4xmpExt/2008-02-29/';
const XMP_BASIC_NS = 'http://ns.adobe.com/xap/1.0/';

/** IPTC Extension fields (digital source type, the IPTC 2025.1 AI fields) and xmp:CreatorTool from XMP packets. */
export function iptcFromXmp(packets: Record<string, unknown>[]): IptcRecord | null {
  const record: IptcRecord = {
    digitalSourceType: null,
    aiSystemUsed: null,
    aiSystemVersionUsed: null,
    aiPromptInformation: null,
    aiPromptWriterName: null,
    creatorTool: null,
  };
  // The main packet comes first and wins over extended XMP.
  for (const packet of packets) {
    const iptc = namespaceProperties(packet, IPTC_EXT_NS, 'Iptc4xmpExt');
    if (iptc) {
      const sourceType = xmpText(iptc.DigitalSourceType);
      record.digitalSourceType ??= sourceType ? digitalSourceTypeOf(sourceType) : null;
      record.aiSystemUsed ??= xmpText(iptc.AISystemUsed);
      record.aiSystemVersionUsed ??= xmpText(iptc.AISystemVersionUsed);
      record.aiPromptInformation ??= xmpText(iptc.AIPromptInformation);
      record.aiPromptWriterName ??= xmpText(iptc.AIPromptWriterName);
    }
    const basic = namespaceProperties(packet, XMP_BASIC_NS, 'xmp');
    if (basic) record.creatorTool ??= xmpText(basic.CreatorTool);
  }
  return Object.values(record).some((value) => value !== null) ? record : null;
}
