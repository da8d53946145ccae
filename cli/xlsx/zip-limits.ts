import { inflateRawSync } from 'node:zlib';

/**
 * Opens an .xlsx (a zip) within fixed bounds, so a hostile file is refused in seconds and in
 * bounded memory: each part and all parts together may inflate only so far, a large part only
 * at a plausible compression ratio, and inflation stops at the size the zip declares (a part
 * that lies about its size is refused, not followed). Encrypted workbooks and old .xls files
 * (both OLE compound files) are named as what they are.
 */

/** One part may inflate to at most this (a 1,048,576-row sheet of figures fits). */
export const MAX_PART_BYTES = 256 * 2 ** 20;
/** All parts together. */
export const MAX_TOTAL_BYTES = 400 * 2 ** 20;
/** Inflated ÷ compressed size allowed for parts over RATIO_FLOOR_BYTES (real XML: ~5–50). */
export const MAX_RATIO = 500;
const RATIO_FLOOR_BYTES = 2 ** 20;

export class ZipLimitError extends Error {}

const MiB = (n: number) => `${Math.round(n / 2 ** 20)} MB`;

/** An OLE compound file: what Excel writes for a password-protected workbook, and for .xls. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressed: number;
  size: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 2 ** 32;

function centralDirectory(bytes: Uint8Array): Entry[] {
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 65557); at--) {
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipLimitError('not an .xlsx workbook (not a zip file)');
  let count = u16(bytes, end + 10);
  let offset = u32(bytes, end + 16);
  if (end >= 20 && u32(bytes, end - 20) === 0x07064b50) {
    const z = u64(bytes, end - 12);
    if (u32(bytes, z) === 0x06064b50) {
      count = u64(bytes, z + 32);
      offset = u64(bytes, z + 48);
    }
  }
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || u32(bytes, offset) !== 0x02014b50) {
      throw new ZipLimitError('not an .xlsx workbook (damaged zip directory)');
    }
    const nameLength = u16(bytes, offset + 28);
    const extraLength = u16(bytes, offset + 30);
    const commentLength = u16(bytes, offset + 32);
    const name = Buffer.from(bytes.subarray(offset + 46, offset + 46 + nameLength)).toString();
    let compressed = u32(bytes, offset + 20);
    let size = u32(bytes, offset + 24);
    let localOffset = u32(bytes, offset + 42);
    // Zip64: the sizes that did not fit are in extra field 1, in this order.
    for (let x = offset + 46 + nameLength; x < offset + 46 + nameLength + extraLength;) {
      const id = u16(bytes, x);
      const length = u16(bytes, x + 2);
      if (id === 1) {
        let at = x + 4;
        if (size === 0xffffffff) {
          size = u64(bytes, at);
          at += 8;
        }
        if (compressed === 0xffffffff) {
          compressed = u64(bytes, at);
          at += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(bytes, at);
      }
      x += 4 + length;
    }
    entries.push({
      name,
      method: u16(bytes, offset + 10),
      flags: u16(bytes, offset + 8),
      compressed,
      size,
      localOffset,
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The parts of an .xlsx (name → bytes), those `wanted` only (default: all), each checked
 * against the caps before it is inflated. Throws ZipLimitError with the reason in both languages.
 */
export function unzipWithinLimits(
  bytes: Uint8Array,
  wanted: (name: string) => boolean = () => true,
): Record<string, Uint8Array> {
  if (OLE_SIGNATURE.every((b, i) => bytes[i] === b)) {
    throw new ZipLimitError(
      'パスワードで保護 (暗号化) されたブック、または古い .xls 形式です。Excel で開き「ファイル > 情報 > ブックの保護 > パスワードを使用して暗号化」でパスワードを消してから「.xlsx」で保存してください / ' +
        'the workbook is password-protected (encrypted) or an old .xls: open it in Excel, clear the password (File > Info > Protect Workbook > Encrypt with Password) and save it as .xlsx',
    );
  }
  const entries = centralDirectory(bytes);
  const files: Record<string, Uint8Array> = {};
  let total = 0;
  const chosen = entries.filter((e) => !e.name.endsWith('/') && wanted(e.name));
  // Every cap is checked on the declared sizes before any part is inflated.
  for (const e of chosen) {
    if (e.flags & 1) {
      throw new ZipLimitError(
        `${e.name}: 暗号化された部品があります。パスワードなしで保存し直してください / the part is encrypted: save the workbook without a password`,
      );
    }
    if (e.size > MAX_PART_BYTES) {
      throw new ZipLimitError(
        `${e.name}: 展開後 ${MiB(e.size)} で上限 ${MiB(MAX_PART_BYTES)} を超えます / inflates to ${MiB(e.size)}, over the ${MiB(MAX_PART_BYTES)} limit per part (a zip bomb?)`,
      );
    }
    total += e.size;
    if (total > MAX_TOTAL_BYTES) {
      throw new ZipLimitError(
        `展開後の合計が上限 ${MiB(MAX_TOTAL_BYTES)} を超えます / the parts inflate to over ${MiB(MAX_TOTAL_BYTES)} in total (a zip bomb?)`,
      );
    }
    if (e.size > RATIO_FLOOR_BYTES && e.size > MAX_RATIO * Math.max(1, e.compressed)) {
      throw new ZipLimitError(
        `${e.name}: 圧縮率 ${Math.round(e.size / Math.max(1, e.compressed))}:1 は異常です / compressed ${Math.round(e.size / Math.max(1, e.compressed))}:1, beyond any workbook (a zip bomb?)`,
      );
    }
  }
  for (const e of chosen) {
    const local = e.localOffset;
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) {
      throw new ZipLimitError(`${e.name}: not an .xlsx workbook (damaged zip entry)`);
    }
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    const data = bytes.subarray(start, start + e.compressed);
    if (e.method === 0) {
      files[e.name] = data.slice();
    } else if (e.method === 8) {
      try {
        // Inflation stops at the declared size: a part cannot grow past what was checked.
        files[e.name] = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw new ZipLimitError(
          code === 'ERR_BUFFER_TOO_LARGE'
            ? `${e.name}: 宣言より大きく展開されます / inflates past its declared size (a zip bomb?)`
            : `${e.name}: not an .xlsx workbook (damaged data: ${(err as Error).message})`,
        );
      }
      if (files[e.name].length !== e.size) {
        throw new ZipLimitError(`${e.name}: not an .xlsx workbook (damaged data: wrong size)`);
      }
    } else {
      throw new ZipLimitError(`${e.name}: not an .xlsx workbook (compression ${e.method})`);
    }
  }
  return files;
}
