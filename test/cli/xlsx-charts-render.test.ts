/**
 * LibreOffice draws the charts the .xlsx writer puts on グラフ: the sheet is written alone, once
 * without charts and once with each chart, converted to PDF by headless LibreOffice and
 * rasterised by pdftoppm; each chart's series colours must cover a real area of the page, and
 * the sheet without charts must show none of them (the tables are black on white and light
 * blue). The page of each rendering with the most chart colour is kept in test-artifacts/charts/.
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { catalogPrograms, simulate } from '../../engine';
import { ChartSpec, PatchSheet, renderResults } from '../../workbook';
import { readCaseInput } from '../../cli/read-case-input';
import { writeXlsx } from '../../cli/xlsx/write-xlsx';
import { SOFFICE_TIMEOUT_MS, describeWithLibreOffice } from '../support/libreoffice';

const ARTIFACTS = join(__dirname, '../../test-artifacts/charts');
const RESOLUTION = 40; // dots per inch: an A4 page is about 330 × 470 pixels

/** The chart writer's palette (cli/xlsx/chart-xml.ts) and the threshold's red. */
const COLOURS: Record<string, [number, number, number]> = {
  blue: [0x44, 0x72, 0xc4],
  orange: [0xed, 0x7d, 0x31],
  grey: [0xa5, 0xa5, 0xa5],
  gold: [0xff, 0xc0, 0x00],
  lightBlue: [0x5b, 0x9b, 0xd5],
  red: [0xc0, 0x00, 0x00],
};

/**
 * Pixels of each colour (within 20 per channel) over every page of a PDF; the page with the
 * most of them is kept as a PNG artifact.
 */
function colourCounts(pdf: string, name: string): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'rateshock-ppm-'));
  execFileSync('pdftoppm', ['-r', String(RESOLUTION), pdf, join(dir, 'page')]);
  const counts: Record<string, number> = Object.fromEntries(
    Object.keys(COLOURS).map((k) => [k, 0]),
  );
  let best = { page: 1, pixels: -1 };
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ppm'))) {
    const { width, height, pixels } = readPpm(readFileSync(join(dir, file)));
    let coloured = 0;
    for (let i = 0; i < width * height; i++) {
      const [r, g, b] = [pixels[3 * i], pixels[3 * i + 1], pixels[3 * i + 2]];
      for (const [colour, [cr, cg, cb]] of Object.entries(COLOURS)) {
        if (Math.abs(r - cr) <= 20 && Math.abs(g - cg) <= 20 && Math.abs(b - cb) <= 20) {
          counts[colour]++;
          if (colour !== 'grey') coloured++;
        }
      }
    }
    const page = Number(/(\d+)\.ppm$/.exec(file)![1]);
    if (coloured > best.pixels) best = { page, pixels: coloured };
  }
  const page = String(best.page);
  execFileSync('pdftoppm', [
    '-r',
    '60',
    '-png',
    '-singlefile',
    '-f',
    page,
    '-l',
    page,
    pdf,
    join(dir, 'kept'),
  ]);
  mkdirSync(ARTIFACTS, { recursive: true });
  copyFileSync(join(dir, 'kept.png'), join(ARTIFACTS, `${name}.png`));
  return counts;
}

/** A binary PPM (P6, maxval 255) as pdftoppm writes it. */
function readPpm(bytes: Buffer): { width: number; height: number; pixels: Buffer } {
  const header: string[] = [];
  let at = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[at]))) at++;
    let token = '';
    while (!/\s/.test(String.fromCharCode(bytes[at]))) token += String.fromCharCode(bytes[at++]);
    header.push(token);
  }
  expect(header[0]).toBe('P6');
  expect(header[3]).toBe('255');
  return { width: Number(header[1]), height: Number(header[2]), pixels: bytes.subarray(at + 1) };
}

describeWithLibreOffice('LibreOffice renders the .xlsx charts', (soffice) => {
  const { c } = readCaseInput('scenarios/lodging-crisis-refinance.case.json');
  const outcome = simulate(c, catalogPrograms(c.programOverrides));
  if (!outcome.ok) throw new Error('the lodging case does not simulate');
  const graf = renderResults(c, outcome.results).sheets.find((s) => s.name === 'グラフ')!;
  const renderings: [string, ChartSpec[]][] = [
    ['no-charts', []],
    ['chart1-debt-service', [graf.charts[0]]],
    ['chart2-dscr', [graf.charts[1]]],
    ['chart3-balance', [graf.charts[2]]],
    ['chart4-debt-years', [graf.charts[3]]],
  ];
  const counts = new Map<string, Record<string, number>>();

  // One LibreOffice start for all five files (its own profile: no lock shared with others).
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'rateshock-chart-render-'));
    const paths = renderings.map(([name, charts]) => {
      const sheet: PatchSheet = { ...graf, charts };
      const path = join(dir, `${name}.xlsx`);
      writeFileSync(path, Buffer.concat(writeXlsx({ replaces: [], sheets: [sheet] })));
      return path;
    });
    const profile = pathToFileURL(join(dir, 'profile')).href;
    execFileSync(
      soffice,
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=${profile}`,
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...paths,
      ],
      { timeout: SOFFICE_TIMEOUT_MS, stdio: 'ignore' },
    );
    for (const [name] of renderings) counts.set(name, colourCounts(join(dir, `${name}.pdf`), name));
  }, SOFFICE_TIMEOUT_MS);

  /** Pixels of a colour a chart adds to the sheet drawn without charts. */
  const added = (name: string, colour: string) =>
    counts.get(name)![colour] - counts.get('no-charts')![colour];
  // A column of one series at 40 dpi is at least 3 × 10 pixels; a line 1 pixel × 100.
  const AREA = 60;

  test('without charts the sheet has none of the series colours (grey aside: text edges)', () => {
    const none = counts.get('no-charts')!;
    expect([none.blue, none.orange, none.gold, none.lightBlue, none.red]).toEqual([0, 0, 0, 0, 0]);
  });

  test('debt service by shock: five coloured column series', () => {
    for (const colour of ['blue', 'orange', 'grey', 'gold', 'lightBlue']) {
      expect(added('chart1-debt-service', colour)).toBeGreaterThan(AREA);
    }
  });

  test('DSCR: two strategy lines and the dashed red 1.0 line', () => {
    expect(added('chart2-dscr', 'blue')).toBeGreaterThan(AREA);
    expect(added('chart2-dscr', 'orange')).toBeGreaterThan(AREA);
    expect(added('chart2-dscr', 'red')).toBeGreaterThan(AREA);
    expect(added('chart2-dscr', 'gold')).toBe(0);
  });

  test('balance run-off: two strategy lines', () => {
    expect(added('chart3-balance', 'blue')).toBeGreaterThan(AREA);
    expect(added('chart3-balance', 'orange')).toBeGreaterThan(AREA);
    expect(added('chart3-balance', 'red')).toBe(0);
  });

  test('債務償還年数 by shock × strategy: two column series', () => {
    expect(added('chart4-debt-years', 'blue')).toBeGreaterThan(AREA);
    expect(added('chart4-debt-years', 'orange')).toBeGreaterThan(AREA);
    expect(added('chart4-debt-years', 'gold')).toBe(0);
  });
});
