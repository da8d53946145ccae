import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { InputError } from '../read-input';
import { CsvEncoding, SAVE_AS_UTF8, detectEncoding } from '../text-encoding';

/**
 * The lines of a CSV file, decoded: UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's
 * 「Unicode テキスト」), or Shift_JIS / CP932 (Japanese Excel's 「CSV (コンマ区切り)」) when the
 * start of the file is not UTF-8 but is valid Shift_JIS. A line is at most MAX_LINE_CHARS
 * long: a file without line breaks is refused at once, not read whole into one message.
 */

export const MAX_LINE_CHARS = 1 << 20;

/** True when the bytes hold U+FFFD itself, written in the file in this encoding. */
function hasLiteralReplacement(bytes: Uint8Array, encoding: CsvEncoding): boolean {
  const literal = {
    'utf-8': [0xef, 0xbf, 0xbd],
    'utf-16le': [0xfd, 0xff],
    'utf-16be': [0xff, 0xfd],
  }[encoding as string];
  if (!literal) return false;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes(Buffer.from(literal));
}

/** Yields each line (no line break, no BOM) of the file; reports bytes read as it goes. */
export async function* csvFileLines(
  path: string,
  name: string,
  onBytes?: (read: number) => void,
): AsyncGenerator<string> {
  const stream = createReadStream(path, { highWaterMark: 1 << 18 });
  let decoder: TextDecoder | undefined;
  let encoding: CsvEncoding = 'utf-8';
  let carry = '';
  let row = 0;
  const tooLong = () =>
    new InputError(
      `${name}: row ${row + 1}: 1 行が ${MAX_LINE_CHARS.toLocaleString('en')} 文字を超えます (改行のない CSV?) / the line is longer than ${MAX_LINE_CHARS.toLocaleString('en')} characters (a file without line breaks?)`,
    );
  // One lenient decoder: a byte that is no text becomes U+FFFD, found in the line it is on
  // (a U+FFFD written in the file itself, rare, is told apart by its bytes).
  const decode = (bytes: Uint8Array, final: boolean) => {
    const text = decoder!.decode(bytes, { stream: !final });
    const at = text.indexOf('\uFFFD');
    if (at >= 0 && !hasLiteralReplacement(bytes, encoding)) {
      const breaks = text.slice(0, at).split('\n').length - 1;
      throw new InputError(
        `${name}: row ${row + 1 + breaks}: ${encoding === 'shift_jis' ? 'Shift_JIS' : encoding.toUpperCase()} として読めない文字があります / the text is not valid ${encoding} — ${SAVE_AS_UTF8}`,
      );
    }
    return text;
  };
  try {
    for await (const block of stream as AsyncIterable<Buffer>) {
      let bytes: Uint8Array = block;
      if (!decoder) {
        const found = detectEncoding(block);
        encoding = found.encoding;
        decoder = new TextDecoder(encoding);
        bytes = block.subarray(found.bom);
      }
      const parts = (carry + decode(bytes, false)).split('\n');
      carry = parts.pop()!;
      if (carry.length > MAX_LINE_CHARS) throw tooLong();
      for (const part of parts) {
        if (part.length > MAX_LINE_CHARS) throw tooLong();
        row++;
        yield part.endsWith('\r') ? part.slice(0, -1) : part;
      }
      onBytes?.(stream.bytesRead);
    }
    if (decoder) carry += decode(new Uint8Array(0), true);
    if (carry !== '') {
      if (carry.length > MAX_LINE_CHARS) throw tooLong();
      yield carry.endsWith('\r') ? carry.slice(0, -1) : carry;
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      `${name}: cannot read the file (${code === 'ENOENT' ? 'no such file' : (code ?? String(e))})`,
    );
  } finally {
    stream.destroy();
  }
}
