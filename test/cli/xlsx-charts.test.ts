/**
 * Native charts in the .xlsx the command line writes: the DrawingML parts, their
 * relationships and content types, each series pointing at the グラフ sheet's ranges with the
 * engine's values cached, and input workbooks that already hold drawings or charts carried
 * over byte for byte (part names never collide). LibreOffice drawing them is in
 * xlsx-charts-render.test.ts.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { catalogPrograms, simulate, Results } from '../../engine';
import { WorkbookPatch, renderResults } from '../../workbook';
import { floorDscr } from '../../workbook/layout';
import { readCaseInput } from '../../cli/read-case-input';
import { writeXlsx } from '../../cli/xlsx/write-xlsx';
import { runCli } from './run-cli';

const LODGING = 'scenarios/lodging-crisis-refinance.case.json';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) =>
    ['c:ser', 'c:pt', 'xdr:twoCellAnchor', 'Relationship', 'Override', 'sheet'].includes(name),
});

type Files = Record<string, Uint8Array>;
/** A parsed XML element (fast-xml-parser gives untyped trees). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Node = any;
const xml = (files: Files, part: string) => {
  expect(files[part]).toBeDefined();
  return parser.parse(strFromU8(files[part]));
};
const rels = (files: Files, part: string): { Id: string; Type: string; Target: string }[] => {
  const relsPart = part.replace(/([^/]+)$/, '_rels/$1.rels');
  return (xml(files, relsPart).Relationships.Relationship ?? []).map(
    (r: Record<string, string>) => ({ Id: r['@Id'], Type: r['@Type'], Target: r['@Target'] }),
  );
};
/** `xl/worksheets/sheet5.xml` + `../drawings/drawing1.xml` → `xl/drawings/drawing1.xml`. */
const resolve = (from: string, target: string) => {
  const out = from.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') out.pop();
    else out.push(p);
  }
  return out.join('/');
};

/** Sheet name → part, from the workbook and its relationships. */
function sheetPart(files: Files, name: string): string {
  const sheets = xml(files, 'xl/workbook.xml').workbook.sheets.sheet;
  const sheet = sheets.find((s: Record<string, string>) => s['@name'] === name);
  const rel = rels(files, 'xl/workbook.xml').find((r) => r.Id === sheet['@r:id'])!;
  return resolve('xl/workbook.xml', rel.Target);
}

interface ParsedSeries {
  name: string;
  nameRef: string;
  categoriesRef: string;
  categories: string[];
  valuesRef: string;
  values: Map<number, number>;
  colour: string | undefined;
  dash: string | undefined;
}
interface ParsedChart {
  part: string;
  kind: 'column' | 'line';
  title: string;
  series: ParsedSeries[];
}

/** The charts of a sheet, following sheet → drawing → chart relationships. */
function chartsOf(files: Files, sheetName: string) {
  const sheet = sheetPart(files, sheetName);
  const drawingId = xml(files, sheet).worksheet.drawing['@r:id'];
  const drawingRel = rels(files, sheet).find((r) => r.Id === drawingId)!;
  expect(drawingRel.Type).toBe(
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  );
  const drawing = resolve(sheet, drawingRel.Target);
  const anchors = xml(files, drawing)['xdr:wsDr']['xdr:twoCellAnchor'];
  const chartRels = rels(files, drawing);
  const charts: ParsedChart[] = anchors.map((a: Node) => {
    const id = a['xdr:graphicFrame']['a:graphic']['a:graphicData']['c:chart']['@r:id'];
    const rel = chartRels.find((r) => r.Id === id)!;
    expect(rel.Type).toBe(
      'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
    );
    const part = resolve(drawing, rel.Target);
    const chart = xml(files, part)['c:chartSpace']['c:chart'];
    const plot = chart['c:plotArea'];
    const group = plot['c:barChart'] ?? plot['c:lineChart'];
    return {
      part,
      kind: plot['c:barChart'] ? 'column' : 'line',
      title: chart['c:title']['c:tx']['c:rich']['a:p']['a:r']['a:t'],
      series: group['c:ser'].map((s: Node) => {
        const line = s['c:spPr']['a:ln'];
        const fill = (line ?? s['c:spPr'])['a:solidFill'];
        return {
          name: s['c:tx']['c:strRef']['c:strCache']['c:pt'][0]['c:v'],
          nameRef: s['c:tx']['c:strRef']['c:f'],
          categoriesRef: s['c:cat']['c:strRef']['c:f'],
          categories: s['c:cat']['c:strRef']['c:strCache']['c:pt'].map((p: Node) =>
            String(p['c:v']),
          ),
          valuesRef: s['c:val']['c:numRef']['c:f'],
          values: new Map(
            (s['c:val']['c:numRef']['c:numCache']['c:pt'] ?? []).map((p: Node) => [
              Number(p['@idx']),
              Number(p['c:v']),
            ]),
          ),
          colour: fill?.['a:srgbClr']['@val'],
          dash: line?.['a:prstDash']?.['@val'],
        };
      }),
    };
  });
  return {
    charts,
    anchors: anchors.map((a: Node) => ({
      from: [Number(a['xdr:from']['xdr:col']), Number(a['xdr:from']['xdr:row'])],
      to: [Number(a['xdr:to']['xdr:col']), Number(a['xdr:to']['xdr:row'])],
    })),
    drawing,
  };
}

function lodging(): { patch: WorkbookPatch; results: Results } {
  const { c } = readCaseInput(LODGING);
  const outcome = simulate(c, catalogPrograms(c.programOverrides));
  if (!outcome.ok) throw new Error('the lodging case does not simulate');
  return { patch: renderResults(c, outcome.results), results: outcome.results };
}

const workdir = () => mkdtempSync(join(tmpdir(), 'rateshock-charts-'));
const CT = (files: Files) => strFromU8(files['[Content_Types].xml']);

describe('charts in the .xlsx the CLI writes', () => {
  const { patch, results } = lodging();
  const files = unzipSync(Buffer.concat(writeXlsx(patch)));
  const { charts, anchors, drawing } = chartsOf(files, 'グラフ');

  test('four chart parts and a drawing on グラフ, registered in [Content_Types].xml', () => {
    expect(charts.map((c) => c.part)).toEqual([
      'xl/charts/chart1.xml',
      'xl/charts/chart2.xml',
      'xl/charts/chart3.xml',
      'xl/charts/chart4.xml',
    ]);
    expect(drawing).toBe('xl/drawings/drawing1.xml');
    for (const part of charts.map((c) => c.part)) {
      expect(CT(files)).toContain(
        `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
      );
    }
    expect(CT(files)).toContain(
      `<Override PartName="/${drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
    );
    // Only グラフ has charts.
    expect(
      Object.keys(files).filter((f) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(f)),
    ).toHaveLength(5);
    expect(charts.map((c) => [c.kind, c.title])).toEqual([
      [
        'column',
        '返済計 / debt service — 危機対応後経営安定貸付 20年に一本化 / all into the 20-year crisis-recovery loan',
      ],
      ['line', 'DSCR'],
      ['line', '借入残高 / balance'],
      ['column', '債務償還年数 (計画最終年度) / debt repayment years at plan end'],
    ]);
  });

  test('series point at the グラフ ranges (5 fiscal years, tables 19 rows apart)', () => {
    // Hand-derived layout: tables at rows 2, 21, 40, 59 (gap = 15-row chart + 4), column A the
    // categories; the debt-service table has ±0 and 4 shocks, the others 2 strategies.
    const g = "'グラフ'!";
    const [debtService, dscr, balance, debtYears] = charts;
    expect(debtService.series.map((s) => [s.name, s.nameRef, s.valuesRef])).toEqual([
      ['±0', `${g}$B$2`, `${g}$B$3:$B$7`],
      ['+0.25%', `${g}$C$2`, `${g}$C$3:$C$7`],
      ['+0.50%', `${g}$D$2`, `${g}$D$3:$D$7`],
      ['+1.00%', `${g}$E$2`, `${g}$E$3:$E$7`],
      ['+2.00%', `${g}$F$2`, `${g}$F$3:$F$7`],
    ]);
    expect(debtService.series.every((s) => s.categoriesRef === `${g}$A$3:$A$7`)).toBe(true);
    expect(debtService.series[0].categories).toEqual([
      '2027年3月期',
      '2028年3月期',
      '2029年3月期',
      '2030年3月期',
      '2031年3月期',
    ]);
    expect(dscr.series.map((s) => [s.name, s.nameRef, s.valuesRef, s.categoriesRef])).toEqual([
      ['status-quo', `${g}$B$21`, `${g}$B$22:$B$26`, `${g}$A$22:$A$26`],
      ['crisis-20y', `${g}$C$21`, `${g}$C$22:$C$26`, `${g}$A$22:$A$26`],
      ['基準 / threshold', `${g}$D$21`, `${g}$D$22:$D$26`, `${g}$A$22:$A$26`],
    ]);
    expect(balance.series.map((s) => s.valuesRef)).toEqual([`${g}$B$41:$B$45`, `${g}$C$41:$C$45`]);
    expect(debtYears.series.map((s) => [s.name, s.valuesRef, s.categoriesRef])).toEqual([
      ['status-quo', `${g}$B$60:$B$64`, `${g}$A$60:$A$64`],
      ['crisis-20y', `${g}$C$60:$C$64`, `${g}$A$60:$A$64`],
    ]);
    expect(debtYears.series[0].categories).toEqual(['±0', '+0.25%', '+0.50%', '+1.00%', '+2.00%']);
    // Anchored as the add-in places them: from the spec's cell over 8 columns × 15 rows.
    const specs = patch.sheets.find((s) => s.name === 'グラフ')!.charts;
    expect(anchors).toEqual(
      specs.map((s) => ({ from: [s.column - 1, s.row - 1], to: [s.column + 7, s.row + 14] })),
    );
    expect(specs.map((s) => [s.row, s.column])).toEqual([
      [2, 8],
      [21, 6],
      [40, 5],
      [59, 5],
    ]);
  });

  test("cached values are the engine's, and the same as the cells the ranges name", async () => {
    const realistic = results.cells.filter((x) => x.mode === 'realistic');
    const cell = (strategy: string, shock: string) =>
      realistic.find((x) => x.strategyId === strategy && x.shockLabel === shock)!;
    const [debtService, dscr, balance, debtYears] = charts;
    const values = (s: ParsedSeries) => [0, 1, 2, 3, 4].map((i) => s.values.get(i));
    expect(values(debtService.series[4])).toEqual(
      cell('crisis-20y', '+2.00%').years.map((y) => y.debtService),
    );
    expect(values(dscr.series[0])).toEqual(
      // DSCR is cut to two decimals everywhere (a failing 0.998 never shows as 1.00).
      cell('status-quo', '±0').measures.map((m) => floorDscr(m.dscr.value!)),
    );
    // The lodging case's status quo: DSCR 1.02 … 1.09 (as the terminal prints it).
    expect(values(dscr.series[0]).map((v) => v!.toFixed(2))).toEqual([
      '1.02',
      '1.04',
      '1.05',
      '1.07',
      '1.09',
    ]);
    expect(values(dscr.series[2])).toEqual([1, 1, 1, 1, 1]);
    expect(values(balance.series[1])).toEqual(
      cell('crisis-20y', '±0').years.map((y) => y.seniorDebt + y.capitalDebt),
    );
    expect(values(debtYears.series[0])).toEqual(
      ['±0', '+0.25%', '+0.50%', '+1.00%', '+2.00%'].map(
        (shock) => cell('status-quo', shock).summary.debtYearsAtEnd,
      ),
    );
    expect(values(debtYears.series[0]).map((v) => v!.toFixed(1))).toEqual([
      '8.6',
      '8.8',
      '8.9',
      '9.3',
      '10.0',
    ]);

    // An independent reader (exceljs) finds the same numbers at the referenced cells.
    const path = join(workdir(), 'charts.xlsx');
    writeFileSync(path, Buffer.concat(writeXlsx(patch)));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sheet = wb.getWorksheet('グラフ')!;
    for (const chart of charts) {
      for (const s of chart.series) {
        const [from, to] = s.valuesRef.replace("'グラフ'!", '').replace(/\$/g, '').split(':');
        const column = from.replace(/\d+/, '');
        const first = Number(from.replace(/\D+/, ''));
        const last = Number(to.replace(/\D+/, ''));
        expect(sheet.getCell(s.nameRef.replace("'グラフ'!", '').replace(/\$/g, '')).value).toBe(
          s.name,
        );
        for (let r = first; r <= last; r++) {
          const v = sheet.getCell(`${column}${r}`).value;
          expect(v === null ? undefined : v).toBe(s.values.get(r - first));
        }
      }
    }
  });

  test('the DSCR threshold is a dashed red line; other series take the palette', () => {
    const dscr = charts[1].series;
    expect(dscr.map((s) => [s.colour, s.dash])).toEqual([
      ['4472C4', undefined],
      ['ED7D31', undefined],
      ['C00000', 'dash'],
    ]);
    expect(charts[0].series.map((s) => s.colour)).toEqual([
      '4472C4',
      'ED7D31',
      'A5A5A5',
      'FFC000',
      '5B9BD5',
    ]);
  });
});

describe('input workbooks with their own drawings and charts', () => {
  /** An input workbook whose 借入一覧 carries a picture (exceljs writes xl/drawings/drawing1.xml). */
  async function inputWithPicture(dir: string): Promise<string> {
    const template = join(dir, 'template.xlsx');
    expect(runCli('template', '-o', template).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    // A 1×1 PNG.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
      'base64',
    );
    const image = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
    wb.getWorksheet('借入一覧')!.addImage(image, 'K2:L4');
    const input = join(dir, 'input.xlsx');
    await wb.xlsx.writeFile(input);
    return input;
  }

  test("the input's drawing stays byte for byte; ours takes the next free numbers", async () => {
    const dir = workdir();
    const input = await inputWithPicture(dir);
    const before = unzipSync(readFileSync(input));
    // Parts, not the folder entries exceljs also writes (a workbook needs none).
    const theirs = Object.keys(before).filter(
      (p) => /^xl\/(drawings|media)\//.test(p) && !p.endsWith('/'),
    );
    expect(theirs).toContain('xl/drawings/drawing1.xml');

    const out = join(dir, 'out.xlsx');
    const r = runCli('run', input, '-o', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const after = unzipSync(readFileSync(out));
    for (const part of theirs) expect(Buffer.from(after[part])).toEqual(Buffer.from(before[part]));
    const { charts, drawing } = chartsOf(after, 'グラフ');
    expect(drawing).toBe('xl/drawings/drawing2.xml');
    expect(charts).toHaveLength(4);
    // 借入一覧 still points at its own picture.
    const loans = sheetPart(after, '借入一覧');
    expect(rels(after, loans).map((x) => resolve(loans, x.Target))).toContain(
      'xl/drawings/drawing1.xml',
    );

    // Run again on the output: the old グラフ's drawing and charts go with it (no orphans),
    // the picture stays, and the new charts point at the new sheet.
    const again = join(dir, 'again.xlsx');
    expect(runCli('run', out, '-o', again).code).toBe(0);
    const third = unzipSync(readFileSync(again));
    for (const part of theirs) expect(Buffer.from(third[part])).toEqual(Buffer.from(before[part]));
    const chartParts = Object.keys(third).filter((p) => /^xl\/charts\/[^/]+\.xml$/.test(p));
    expect(chartParts.sort()).toEqual(
      chartsOf(third, 'グラフ')
        .charts.map((c) => c.part)
        .sort(),
    );
    expect(Object.keys(third).filter((p) => /^xl\/drawings\/[^/]+\.xml$/.test(p))).toHaveLength(2);
    const overrides = [...CT(third).matchAll(/PartName="\/([^"]+)"/g)]
      .map((m) => m[1])
      .filter((part) => /^xl\/(charts|drawings|tables|worksheets)\//.test(part));
    expect(overrides.filter((part) => !third[part])).toEqual([]);
  });

  test("a base workbook's own charts keep their parts; the new ones are numbered after them", () => {
    const { patch } = lodging();
    // A user's sheet with a chart of its own (written here by the same writer, tables renamed).
    const graf = patch.sheets.find((s) => s.name === 'グラフ')!;
    const rename = (n: string) => `User${n}`;
    const userSheet = {
      ...graf,
      name: '私のグラフ',
      tables: graf.tables.map((t) => ({ ...t, name: rename(t.name) })),
      charts: graf.charts.slice(0, 2).map((c) => ({ ...c, table: rename(c.table) })),
    };
    const base = unzipSync(Buffer.concat(writeXlsx({ replaces: [], sheets: [userSheet] })));
    expect(Object.keys(base).filter((p) => p.startsWith('xl/charts/'))).toEqual([
      'xl/charts/chart1.xml',
      'xl/charts/chart2.xml',
    ]);
    const baseBytes = Buffer.concat(writeXlsx({ replaces: [], sheets: [userSheet] }));
    const out = unzipSync(Buffer.concat(writeXlsx(patch, baseBytes)));
    for (const part of [
      'xl/charts/chart1.xml',
      'xl/charts/chart2.xml',
      'xl/drawings/drawing1.xml',
      'xl/drawings/_rels/drawing1.xml.rels',
    ]) {
      expect(Buffer.from(out[part])).toEqual(Buffer.from(base[part]));
    }
    expect(chartsOf(out, '私のグラフ').charts.map((c) => c.part)).toEqual([
      'xl/charts/chart1.xml',
      'xl/charts/chart2.xml',
    ]);
    const ours = chartsOf(out, 'グラフ');
    expect(ours.drawing).toBe('xl/drawings/drawing2.xml');
    expect(ours.charts.map((c) => c.part)).toEqual([
      'xl/charts/chart3.xml',
      'xl/charts/chart4.xml',
      'xl/charts/chart5.xml',
      'xl/charts/chart6.xml',
    ]);
    // The user's chart still plots the user's sheet.
    expect(chartsOf(out, '私のグラフ').charts[0].series[0].valuesRef).toBe(
      "'私のグラフ'!$B$3:$B$7",
    );
  });
});
