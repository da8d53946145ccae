import { TextDecoder } from 'node:util';

/**
 * The encodings of text files people give us: UTF-8 (with or without BOM), UTF-16 with a BOM
 * (Excel's 「Unicode テキスト」), or Shift_JIS / CP932 (Japanese Excel's 「CSV (コンマ区切り)」,
 * and Windows editors' default) when the start of the file is not UTF-8 but is valid Shift_JIS.
 */

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis';

export const SAVE_AS_UTF8 =
  'Excel で「名前を付けて保存 > CSV UTF-8 (コンマ区切り)」で保存し直してください / save it from Excel as "CSV UTF-8 (Comma delimited)"';

/** The encoding of a file from its first bytes (and the BOM's length to skip). */
export function detectEncoding(head: Uint8Array): { encoding: CsvEncoding; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'utf-8', bom: 0 };
  } catch {
    try {
      new TextDecoder('shift_jis', { fatal: true }).decode(head, { stream: true });
      return { encoding: 'shift_jis', bom: 0 };
    } catch {
      return { encoding: 'utf-8', bom: 0 }; // reported as not UTF-8 when decoded
    }
  }
}

/** A whole file's text in its encoding, or the reason it is none (with how to save as UTF-8). */
export function decodeText(
  bytes: Uint8Array,
  howTo = 'UTF-8 で保存し直してください / save it as UTF-8',
): { text: string } | { error: string } {
  const { encoding, bom } = detectEncoding(bytes.subarray(0, 1 << 16));
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(bom)) };
  } catch {
    return {
      error: `${encoding === 'shift_jis' ? 'Shift_JIS' : encoding.toUpperCase()} として読めない文字があります / the text is not valid ${encoding} — ${howTo}`,
    };
  }
}
