const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

type Script = 'ascii' | 'letters' | 'cjk' | 'kana' | 'hangul' | 'rare' | 'bad' | 'none';

/** Which kind of text a UTF-16 code unit is, for telling its byte order (surrogates are handled by the caller). */
function scriptOf(unit: number): Script {
  if ((unit >= 0x20 && unit <= 0x7e) || unit === 0x09 || unit === 0x0a || unit === 0x0d) return 'ascii';
  if (unit === 0) return 'none'; // padding
  if (unit >= 0x3000 && unit <= 0x30ff) return 'kana'; // with CJK punctuation (the ideographic space)
  if (unit >= 0x4e00 && unit <= 0x9fff) return 'cjk';
  if (unit >= 0xac00 && unit <= 0xd7a3) return 'hangul';
  if ((unit >= 0xa0 && unit <= 0x04ff) || (unit >= 0x2000 && unit <= 0x206f) || (unit >= 0xff00 && unit <= 0xffef)) return 'letters';
  if (unit < 0x20 || (unit >= 0x7f && unit < 0xa0) || (unit >= 0xe000 && unit <= 0xf8ff)) return 'bad';
  return 'rare'; // CJK extension A, symbols blocks: what byte-swapped text lands in, seldom what people type
}

const SCRIPT_SCORE: Record<Script, number> = { ascii: 3, kana: 2, cjk: 2, hangul: 2, letters: 1, none: 0, rare: -1, bad: -3 };

/**
 * The most used Chinese characters (most are common kanji too), and some that prompts are made of. Byte-swapped CJK
 * is CJK again, so only how usual the characters are tells "傍晚的街道" from "赐婦葶垈厐".
 */
const COMMON_CJK = new Set(
  '的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天' +
  '而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些' +
  '与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相' +
  '次东海口使教西再平真听世气信北少关并内加化由却代产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命' +
  '活难神数件安表原车白应路期叫死常提感金何更反合放做系计或利受光王果亲界今京务制解各任至清物台象记边共风战干接它' +
  '许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资跟带花快条院变言权往' +
  '展该领传近留红决周保达运武半候七必城父强步完深区即求品士转量空众技轻程告江语英基满式息写识极令黄德收脸钱倒未持' +
  '取设始双历越史商千片容研像找友孩站广改形早房火际则首单据导影失拿网香似专石若弟谁校读志飞观争究包组造落视喜离' +
  '雨星云夜街猫犬鳥鸟森桜空海山川木草雪月光影灯窓城町駅女男子少年古风景画絵写真美人顔髪眼服',
);

/**
 * How much the body reads as text in one byte order. Bytes read in the wrong order turn ASCII into CJK-looking units
 * (and U+3000 or U+4E00 into "0" or "N"), and CJK into a mix of kana, Hangul and rare blocks: real prompts are
 * ASCII, letters, CJK and kana, or Hangul, and seldom Hangul mixed with CJK or kana, so that mix counts against.
 */
function scoreAs(body: Uint8Array, bigEndian: boolean): number {
  const counts: Record<Script, number> = { ascii: 0, letters: 0, cjk: 0, kana: 0, hangul: 0, rare: 0, bad: 0, none: 0 };
  let pairs = 0;
  let lone = 0;
  let common = 0;
  let highSurrogate = false;
  for (let index = 0; index + 1 < body.length; index += 2) {
    const unit = bigEndian ? (body[index]! << 8) | body[index + 1]! : (body[index + 1]! << 8) | body[index]!;
    const isHigh = unit >= 0xd800 && unit <= 0xdbff;
    const isLow = unit >= 0xdc00 && unit <= 0xdfff;
    if (isLow) {
      if (highSurrogate) pairs += 1; // an emoji
      else lone += 1;
    } else {
      if (highSurrogate) lone += 1;
      if (!isHigh) counts[scriptOf(unit)] += 1;
      if (COMMON_CJK.has(String.fromCharCode(unit))) common += 1;
    }
    highSurrogate = isHigh;
  }
  let score = 2 * pairs - 4 * lone + 2 * common;
  for (const script of Object.keys(counts) as Script[]) score += SCRIPT_SCORE[script] * counts[script];
  return score - 2 * Math.min(counts.hangul, counts.cjk + counts.kana);
}

/** The byte order that reads as text; on a tie, the TIFF's (the order EXIF asks writers to use), else big-endian. */
function utf16ByteOrder(body: Uint8Array, tiffBigEndian: boolean | null): 'utf-16be' | 'utf-16le' {
  const big = scoreAs(body, true);
  const little = scoreAs(body, false);
  if (big !== little) return big > little ? 'utf-16be' : 'utf-16le';
  return tiffBigEndian === false ? 'utf-16le' : 'utf-16be';
}

/**
 * Text of an EXIF UserComment: an 8-byte character code ("ASCII", "UNICODE", "JIS" or none) then the text.
 * Stable Diffusion WebUI writes "UNICODE" + UTF-16BE whatever the TIFF's byte order, so the order is read from the
 * text itself, falling back to the TIFF's.
 */
export function decodeUserComment(raw: Uint8Array, tiffBigEndian: boolean | null): string | null {
  if (raw.length === 0) return null;
  const code = latin1.decode(raw.subarray(0, 8)).replace(/\0+$/, '');
  const body = raw.length >= 8 && /^(ASCII|UNICODE|JIS)?$/.test(code) ? raw.subarray(8) : raw;
  let text: string;
  if (code === 'UNICODE') {
    const order = utf16ByteOrder(body, tiffBigEndian);
    text = new TextDecoder(order).decode(body.subarray(0, body.length - (body.length % 2)));
  } else {
    // ASCII and undefined comments are often UTF-8 in practice.
    text = utf8.decode(body);
  }
  const cleaned = text.replace(/\0+$/, '').trim();
  return cleaned === '' ? null : cleaned;
}
