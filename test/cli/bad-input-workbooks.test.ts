import {
  existsSync,
  linkSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { OUTPUT_SHEETS, WorkbookPatch, WorkbookSnapshot, inputTemplate } from '../../workbook';
import { writeXlsx } from '../../cli/xlsx/write-xlsx';
import { applyEdits, snapshotOfPatch } from '../support/patch-snapshot';
import { BAD_INPUTS } from '../workbook/bad-input-catalogue';
import { runCli } from './run-cli';

/** The template patch with an edited snapshot's tables, headers and sheets put back. */
function patchOf(template: WorkbookPatch, edited: WorkbookSnapshot): WorkbookPatch {
  return {
    ...template,
    sheets: template.sheets
      .filter((s) => edited.sheetNames.includes(s.name))
      .map((s) => ({
        ...s,
        tables: s.tables.flatMap((t) => {
          const e = edited.tables.find((x) => x.name === t.name);
          if (!e) return [];
          return [
            {
              ...t,
              columns: t.columns.map((c, j) => ({ ...c, header: e.headers[j] })),
              rows: e.rows,
            },
          ];
        }),
      })),
  };
}

/**
 * The catalogue of bad input replayed on real .xlsx files through the command line: each is
 * reported at its cell in Japanese and English, the run exits 1 and writes nothing.
 */
describe('bad input workbooks through `rateshock run`', () => {
  const template = inputTemplate();
  const snapshot = snapshotOfPatch(template);
  const dir = mkdtempSync(join(tmpdir(), 'rateshock-bad-'));

  test('the catalogue holds at least 25 kinds', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(25);
  });

  test.each(BAD_INPUTS.map((b, i) => [i, b.title] as const))('%i %s', (i) => {
    const bad = BAD_INPUTS[i];
    const input = join(dir, `bad-${i}.xlsx`);
    const out = join(dir, `out-${i}.xlsx`);
    writeFileSync(
      input,
      Buffer.concat(writeXlsx(patchOf(template, applyEdits(snapshot, bad.edits)))),
    );
    const r = runCli('run', input, '-o', out);
    expect(r.code).toBe(1);
    const lines = r.err.split('\n').map((l) => l.replace(/^\s+- /, ''));
    const line = lines.find((l) => l.startsWith(`${bad.expected.address}: `));
    expect(line).toBeDefined();
    // `address: 日本語 (value: …) / address: English (value: …)`
    const withoutValue = (s: string) => s.replace(/ \(value: .*\)$/, '');
    const [ja, en] = line!.split(` / ${bad.expected.address}: `).map(withoutValue);
    expect(ja.slice(bad.expected.address.length + 2)).toMatch(bad.expected.ja);
    expect(en).toMatch(bad.expected.en);
    expect(existsSync(out)).toBe(false);
  });
});

/**
 * Bad files and outputs through `rateshock run` (and `schedule`), issue 15: each exits 1 with a
 * message naming the file (or cell), writes nothing, and leaves every input byte for byte.
 */
describe('bad files and outputs through `rateshock run`', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rateshock-bad-files-'));
  const templateBytes = Buffer.concat(writeXlsx(inputTemplate()));
  const lodging = readFileSync(
    join(__dirname, '../../scenarios/lodging-crisis-refinance.case.json'),
  );
  let n = 0;
  const fresh = (name: string, bytes: Uint8Array | string) => {
    const path = join(dir, `${n++}-${name}`);
    writeFileSync(path, bytes);
    return path;
  };
  const filesIn = (folder: string) => readdirSync(folder).sort();
  /** Runs and checks the promises: exit 1, the message, no new file, inputs unchanged. */
  const refused = (args: string[], inputs: string[], message: RegExp | string) => {
    const before = inputs.map((p) => readFileSync(p));
    const listing = filesIn(dir);
    const r = runCli(...args);
    expect({ code: r.code, out: r.out }).toEqual({ code: 1, out: '' });
    if (typeof message === 'string') expect(r.err).toContain(message);
    else expect(r.err).toMatch(message);
    expect(filesIn(dir)).toEqual(listing);
    inputs.forEach((p, i) => expect(readFileSync(p).equals(before[i])).toBe(true));
    return r.err;
  };
  /** The template with its parts edited (name → new text, or null to remove the part). */
  const editedTemplate = (edit: (parts: Record<string, Uint8Array>) => void) => {
    const parts = unzipSync(templateBytes);
    edit(parts);
    return zipSync(parts);
  };

  test('the results JSON over the case file: refused, the case kept', () => {
    const c = fresh('case.json', lodging);
    refused(['run', c, '--json', c], [c], `${c}: 出力先が入力ファイル ${c} と同じです`);
    refused(['run', c, '-o', c], [c], 'the output would overwrite the input');
  });

  test('an output reaching the input through a hard link, a symbolic link or ./: refused', () => {
    const c = fresh('case.json', lodging);
    const hard = join(dir, `${n++}-hard.json`);
    linkSync(c, hard);
    const soft = join(dir, `${n++}-soft.json`);
    symlinkSync(c, soft);
    for (const out of [hard, soft, join(dir, '.', basename(c))])
      refused(['run', c, '--json', out], [c], 'the output would overwrite the input');
  });

  test('-o and --json naming one file: refused', () => {
    const c = fresh('case.json', lodging);
    const out = join(dir, 'same-out');
    refused(['run', c, '-o', out, '--json', out], [c], 'two outputs name the same file');
  });

  test('the input workbook as its own -o is the one allowed overwrite: only our sheets change', () => {
    const input = fresh('input.xlsx', templateBytes);
    const r = runCli('run', input, '-o', input);
    expect(r.code).toBe(0);
    const parts = unzipSync(readFileSync(input));
    const original = unzipSync(templateBytes);
    // The input sheets are carried over byte for byte.
    for (const name of Object.keys(original).filter((p) => p.startsWith('xl/worksheets/sheet')))
      expect(Buffer.from(parts[name]).equals(Buffer.from(original[name]))).toBe(true);
  });

  test('an output path under a file (ENOTDIR): named, not a crash', () => {
    const c = fresh('case.json', lodging);
    const file = fresh('some.csv', 'id\n');
    refused(
      ['run', c, '-o', join(file, 'out.xlsx')],
      [c, file],
      `${join(file, 'out.xlsx')}: ${file} はファイルでフォルダではありません / ${file} is a file, not a folder`,
    );
    refused(['run', c, '--json', dir], [c], 'is a folder — give a file name');
  });

  test('deeply nested JSON: a message, not a stack overflow', () => {
    const deep = fresh('deep.json', '['.repeat(200_000) + ']'.repeat(200_000));
    refused(
      ['run', deep],
      [deep],
      `${deep}: 入れ子が深すぎます / not a usable JSON file: nested deeper than 64 levels (at character 65)`,
    );
    const value = fresh('deep-value.json', `{"profile": ${'['.repeat(60)}${']'.repeat(60)}}`);
    const err = refused(['run', value], [value], 'profile: must be an object');
    expect(err.length).toBeLessThan(5_000);
  });

  test('a zip without [Content_Types].xml: named as no workbook', () => {
    const bad = fresh(
      'no-types.xlsx',
      editedTemplate((p) => delete p['[Content_Types].xml']),
    );
    refused(
      ['run', bad, '-o', join(dir, 'x.xlsx')],
      [bad],
      `${bad}: not an .xlsx workbook (no [Content_Types].xml)`,
    );
  });

  test('a password-protected (encrypted) workbook: said so, with how to save it without one', () => {
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    const bad = fresh('locked.xlsx', ole);
    refused(
      ['run', bad],
      [bad],
      /locked\.xlsx: パスワードで保護.*password-protected \(encrypted\).*Encrypt with Password/,
    );
    // Named as a workbook by `schedule` too, not parsed as JSON.
    refused(['schedule', bad], [bad], 'is a workbook, not a JSON file');
  });

  test('a malformed or enormous table range: refused with the sheet and table named, in bounds', () => {
    const ref = (to: string | ((given: string) => string)) =>
      editedTemplate((p) => {
        const name = Object.keys(p).find(
          (k) => k.startsWith('xl/tables/') && strFromU8(p[k]).includes('name="Loans"'),
        )!;
        p[name] = strToU8(
          strFromU8(p[name]).replace(
            /ref="([^"]*)"/,
            (_, given: string) => `ref="${typeof to === 'string' ? to : to(given)}"`,
          ),
        );
      });
    const malformed = fresh('ref.xlsx', ref('A4'));
    refused(
      ['run', malformed],
      [malformed],
      /借入一覧: 表 Loans の範囲 "A4" が読めません \/ table Loans has an unusable range "A4" \(expected a range such as B4:M20\)/,
    );
    const wide = fresh('wide.xlsx', ref('A4:XFD1048576'));
    refused(['run', wide], [wide], 'over 1000 columns');
    // A million rows claimed, a handful held: read as the rows there are, at once.
    const tall = fresh(
      'tall.xlsx',
      ref((given) => given.replace(/\d+$/, '1048576')),
    );
    const started = Date.now();
    expect(runCli('run', tall).code).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test('zip bombs: a part declaring 4 GB, one inflating past its size, one compressed 1000:1', () => {
    const withPart = (name: string, data: Uint8Array, declared?: number) => {
      const parts = unzipSync(templateBytes);
      parts[name] = data as (typeof parts)[string];
      const zip: Uint8Array = zipSync(parts, { level: 9 });
      if (declared === undefined) return zip;
      // Patch the part's uncompressed size in the central directory and its local header.
      const b = Buffer.from(zip);
      for (let at = 0; at + 46 < b.length; at++) {
        const sig = b.readUInt32LE(at);
        if (
          sig === 0x02014b50 &&
          b.toString('utf8', at + 46, at + 46 + b.readUInt16LE(at + 28)) === name
        )
          b.writeUInt32LE(declared, at + 24);
        if (
          sig === 0x04034b50 &&
          b.toString('utf8', at + 30, at + 30 + b.readUInt16LE(at + 26)) === name
        )
          b.writeUInt32LE(declared, at + 22);
      }
      return b;
    };
    const zeros = new Uint8Array(32 * 2 ** 20);
    const huge = fresh('huge.xlsx', withPart('xl/media/image1.png', zeros, 0xfff00000));
    refused(
      ['run', huge, '-o', join(dir, 'h.xlsx')],
      [huge],
      'xl/media/image1.png: 展開後 4095 MB で上限 256 MB を超えます / inflates to 4095 MB, over the 256 MB limit per part (a zip bomb?)',
    );
    const lying = fresh('lying.xlsx', withPart('xl/worksheets/sheet1.xml', zeros, 1000));
    refused(
      ['run', lying],
      [lying],
      'xl/worksheets/sheet1.xml: 宣言より大きく展開されます / inflates past its declared size (a zip bomb?)',
    );
    // Two parts declaring 250 MB each: under the cap per part, over the 400 MB in total.
    const twoParts = unzipSync(withPart('xl/media/image1.png', randomBytes(2 ** 20)));
    twoParts['xl/media/image2.png'] = twoParts['xl/media/image1.png'];
    const total = Buffer.from(zipSync(twoParts, { level: 9 }));
    for (let at = 0; at + 46 < total.length; at++) {
      if (total.readUInt32LE(at) !== 0x02014b50) continue;
      const name = total.toString('utf8', at + 46, at + 46 + total.readUInt16LE(at + 28));
      if (name.startsWith('xl/media/')) total.writeUInt32LE(250 * 2 ** 20, at + 24);
    }
    const totalPath = fresh('total.xlsx', total);
    refused(
      ['run', totalPath, '-o', join(dir, 't.xlsx')],
      [totalPath],
      `${totalPath}: 展開後の合計が上限 400 MB を超えます / the parts inflate to over 400 MB in total (a zip bomb?)`,
    );
    const ratio = fresh('ratio.xlsx', withPart('xl/media/image1.png', zeros));
    // Pictures are never inflated to be read; writing the workbook back (-o) inflates them.
    expect(runCli('run', ratio).code).toBe(0);
    refused(
      ['run', ratio, '-o', join(dir, 'r.xlsx')],
      [ratio],
      /xl\/media\/image1\.png: 圧縮率 \d+:1 は異常です/,
    );
  });

  test('result sheets the user renamed still hold our tables: the sheet is named, nothing written', () => {
    const first = fresh('first.xlsx', templateBytes);
    const out = join(dir, `${n++}-out.xlsx`);
    expect(runCli('run', first, '-o', out).code).toBe(0);
    const renamed = fresh(
      'renamed.xlsx',
      editedTemplate((p) => {
        Object.assign(p, unzipSync(readFileSync(out)));
        p['xl/workbook.xml'] = strToU8(
          strFromU8(p['xl/workbook.xml']).replace(
            `name="${OUTPUT_SHEETS.summary}"`,
            'name="前回の結果"',
          ),
        );
      }),
    );
    refused(
      ['run', renamed, '-o', join(dir, 'again.xlsx')],
      [renamed],
      `シート「前回の結果」に RateShock の表 RateShockMatrix があります`,
    );
  });

  test('an .xlsm input: read as a workbook (not JSON); the .xlsx written has no macro type or VBA', () => {
    const xlsm = fresh(
      'macro.xlsm',
      editedTemplate((p) => {
        p['[Content_Types].xml'] = strToU8(
          strFromU8(p['[Content_Types].xml'])
            .replace('spreadsheetml.sheet.main+xml', 'PLACEHOLDER')
            .replace('PLACEHOLDER', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'.slice(0))
            .replace(
              '</Types>',
              '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
            ),
        );
        p['xl/vbaProject.bin'] = new Uint8Array([1, 2, 3]);
        p['xl/_rels/workbook.xml.rels'] = strToU8(
          strFromU8(p['xl/_rels/workbook.xml.rels']).replace(
            '</Relationships>',
            '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
          ),
        );
      }),
    );
    expect(strFromU8(unzipSync(readFileSync(xlsm))['[Content_Types].xml'])).toContain(
      'macroEnabled',
    );
    const out = join(dir, `${n++}-from-xlsm.xlsx`);
    expect(runCli('run', xlsm, '-o', out).code).toBe(0);
    const parts = unzipSync(readFileSync(out));
    expect(strFromU8(parts['[Content_Types].xml'])).not.toMatch(/macroEnabled|vbaProject/);
    expect(strFromU8(parts['[Content_Types].xml'])).toContain('spreadsheetml.sheet.main+xml');
    expect(parts['xl/vbaProject.bin']).toBeUndefined();
    expect(strFromU8(parts['xl/_rels/workbook.xml.rels'])).not.toContain('vbaProject');
  });

  test('OOXML written with x: prefixes reads as the same workbook', () => {
    const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const prefixed = fresh(
      'prefixed.xlsx',
      editedTemplate((p) => {
        for (const name of Object.keys(p).filter((k) => k.endsWith('.xml'))) {
          const xml = strFromU8(p[name]);
          if (!xml.includes(`xmlns="${MAIN}"`)) continue;
          p[name] = strToU8(
            xml
              .replace(/<(\/?)([A-Za-z][\w]*)(?=[\s>/])/g, '<$1x:$2')
              .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`),
          );
        }
      }),
    );
    expect(strFromU8(unzipSync(readFileSync(prefixed))['xl/workbook.xml'])).toContain('<x:sheets>');
    const plain = fresh('plain.xlsx', templateBytes);
    const a = runCli('run', prefixed, '-o', join(dir, `${n++}-p.xlsx`));
    const b = runCli('run', plain);
    expect(a.code).toBe(0);
    expect(a.out.split('\n\n書き出し')[0]).toBe(b.out.trimEnd());
  });

  test('control characters from a file reach the terminal escaped', () => {
    const json = JSON.parse(lodging.toString());
    json.profile.name = 'Evil\u001b[31m\u001b]0;title\u0007 Co\r';
    const c = fresh('ansi.json', JSON.stringify(json));
    const r = runCli('run', c);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Evil\\x1b[31m\\x1b]0;title\\x07 Co\\x0d');
    // eslint-disable-next-line no-control-regex -- the point
    expect(r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  test('case files in UTF-16 read as the same case; bytes of no encoding refused with how to save', () => {
    const utf16 = fresh(
      'utf16.json',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lodging.toString(), 'utf16le')]),
    );
    const plain = fresh('utf8.json', lodging);
    expect(runCli('run', utf16).out).toBe(runCli('run', plain).out);
    const bad = fresh(
      'bad-bytes.json',
      Buffer.concat([
        lodging.subarray(0, 40),
        Buffer.from([0xff, 0xff, 0xff]),
        lodging.subarray(40),
      ]),
    );
    refused(
      ['run', bad],
      [bad],
      `${bad}: UTF-8 として読めない文字があります / the text is not valid utf-8 — UTF-8 で保存し直してください / save it as UTF-8`,
    );
  });

  test('two strategies with one id in a case file: refused at the second', () => {
    const json = JSON.parse(lodging.toString());
    json.strategies[1].id = 'STATUS-QUO';
    const c = fresh('dup.json', JSON.stringify(json));
    refused(
      ['run', c],
      [c],
      'strategies[1].id: repeats the id "status-quo" of an earlier strategy (ids are compared without regard to case) (value: "STATUS-QUO")',
    );
    // Without a strategy of no actions the status quo is added first, under its id.
    json.strategies = [{ ...json.strategies[1], id: 'Status-Quo' }];
    const reserved = fresh('reserved.json', JSON.stringify(json));
    refused(
      ['run', reserved],
      [reserved],
      'strategies[0].id: repeats the id "status-quo" of an earlier strategy (ids are compared without regard to case; status-quo is the status quo added first)',
    );
  });

  test('`schedule` loan files: misspelt and unknown fields refused with did-you-mean', () => {
    const loan = {
      principal: 10_000_000,
      annualRate: '1.5%',
      termMonths: 60,
      graceMonth: 6,
      method: 'equal-principal',
      startDate: '2026-04-01',
      resets: [{ fromPeriod: 13, annualRate: '2%', note: 'x' }],
    };
    const f = fresh('loan.json', JSON.stringify(loan));
    const err = refused(
      ['schedule', f],
      [f],
      'graceMonth: is not a known field (did you mean "graceMonths"?)',
    );
    expect(err).toContain('resets[0].note: is not a known field');
  });
});
