// The add-in manifest (manifest.xml), checked offline: well-formed, in the XSD's element order,
// every resid resolved to one resource of the right kind, strings within Office's limits with an
// en-US override, https URLs on the dev origin only, icons of the sizes they claim, one shared
// runtime. The checks live in support/manifest-checks.ts as pure functions returning problems, and
// the second half of this file breaks the manifest on purpose to show each check can fail.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  DEV_ORIGIN,
  REQUIRED_TOP_LEVEL,
  at,
  checkIcons,
  checkIdentity,
  checkManifest,
  checkRequirements,
  checkResids,
  checkRoot,
  checkSharedRuntime,
  checkStrings,
  checkTopLevelOrder,
  checkUrls,
  checkVersionOverridesOrder,
  collectResources,
  collectUrls,
  findAll,
  localName,
  parseManifest,
  pngSize,
  type Problem,
} from './support/manifest-checks';

const REPO = resolve(__dirname, '..', '..');
const MANIFEST_PATH = join(REPO, 'manifest.xml');
const xml = readFileSync(MANIFEST_PATH, 'utf8');

function readAsset(relativePath: string): Uint8Array | null {
  const file = join(REPO, relativePath);
  return existsSync(file) ? readFileSync(file) : null;
}

const codes = (problems: Problem[]): string[] => problems.map((p) => p.code);

describe('manifest.xml', () => {
  const root = parseManifest(xml);

  test('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  test('is an OfficeApp of type TaskPaneApp with the manifest namespaces', () => {
    // Read independently of the checker: the raw parser's view of the root element.
    const raw = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml);
    expect(Object.keys(raw).filter((k) => !k.startsWith('?'))).toEqual(['OfficeApp']);
    expect(raw.OfficeApp['@xsi:type']).toBe('TaskPaneApp');
    expect(checkRoot(root)).toEqual([]);
  });

  test('has the required top-level elements in the XSD order', () => {
    expect(root.children.map((c) => c.name)).toEqual(REQUIRED_TOP_LEVEL);
    expect(REQUIRED_TOP_LEVEL).toEqual([
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ]);
    expect(checkTopLevelOrder(root)).toEqual([]);
  });

  test('keeps the XSD order inside VersionOverrides', () => {
    expect(checkVersionOverridesOrder(root)).toEqual([]);
  });

  test('has a GUID Id, a four-part Version, ReadWriteDocument, Japanese by default', () => {
    expect(at(root, 'Id')?.text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(at(root, 'Version')?.text).toBe('1.0.0.0');
    expect(at(root, 'ProviderName')?.text).toBe('RateShock');
    expect(at(root, 'DefaultLocale')?.text).toBe('ja-JP');
    expect(at(root, 'Permissions')?.text).toBe('ReadWriteDocument');
    expect(at(root, 'DefaultSettings', 'SourceLocation')?.attrs.DefaultValue).toBe(
      `${DEV_ORIGIN}/taskpane.html`,
    );
    expect(checkIdentity(root)).toEqual([]);
  });

  test('uses https URLs on the dev origin only', () => {
    const urls = collectUrls(root);
    // Icons, support page and its override, app domain, default page, 3 images, 4 URLs + 1 override.
    expect(urls.length).toBeGreaterThanOrEqual(14);
    for (const { url } of urls) expect(url.startsWith(`${DEV_ORIGIN}`)).toBe(true);
    expect(checkUrls(root)).toEqual([]);
  });

  test('resolves every resid to exactly one resource of the right kind, and uses every resource', () => {
    const resources = collectResources(root);
    expect(resources.length).toBeGreaterThan(0);
    for (const { id } of resources) expect(id.length).toBeLessThanOrEqual(32);
    expect(new Set(resources.map((r) => r.id)).size).toBe(resources.length);
    expect(checkResids(root)).toEqual([]);
  });

  test('keeps strings within Office limits, each with an en-US override', () => {
    expect(checkStrings(root)).toEqual([]);
  });

  test('references icons that exist in assets/ at the sizes their names say', () => {
    expect(checkIcons(root, readAsset)).toEqual([]);
    const icons = readdirSync(join(REPO, 'assets')).filter((f) => /^icon-\d+\.png$/.test(f));
    expect(icons.sort()).toEqual(
      ['icon-128.png', 'icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png'].sort(),
    );
    for (const file of icons) {
      const n = Number(/\d+/.exec(file)?.[0]);
      expect(pngSize(readFileSync(join(REPO, 'assets', file)))).toEqual({ width: n, height: n });
    }
  });

  test('requires ExcelApi 1.9 to install and SharedRuntime 1.1 for the overrides', () => {
    expect(checkRequirements(root)).toEqual([]);
  });

  test('runs the task pane, the ribbon and the custom functions in one shared runtime', () => {
    const runtime = findAll(root, (n) => localName(n.name) === 'Runtime');
    expect(runtime.map((r) => r.attrs)).toEqual([{ resid: 'Taskpane.Url', lifetime: 'long' }]);
    const sourceResids = findAll(root, (n) => localName(n.name) === 'SourceLocation')
      .map((n) => n.attrs.resid)
      .filter((r) => r !== undefined);
    expect(sourceResids).toEqual([
      'Functions.Script.Url',
      'Taskpane.Url', // custom functions Page
      'Functions.Metadata.Url',
      'Taskpane.Url', // ShowTaskpane
    ]);
    expect(
      at(root, 'VersionOverrides', 'Hosts', 'Host', 'DesktopFormFactor', 'FunctionFile')?.attrs,
    ).toEqual({ resid: 'Taskpane.Url' });
    expect(findAll(root, (n) => localName(n.name) === 'TaskpaneId').map((n) => n.text)).toEqual([
      'ButtonId1',
    ]);
    expect(checkSharedRuntime(root)).toEqual([]);
  });

  test('passes every check at once', () => {
    expect(checkManifest(xml, readAsset)).toEqual([]);
  });

  test('still passes with the production origin the build substitutes (ADDIN_ORIGIN)', () => {
    const origin = 'https://addins.example.co.jp';
    const production = xml.split(DEV_ORIGIN).join(origin);
    const urls = collectUrls(parseManifest(production)).map((u) => u.url);
    expect(urls.filter((u) => u.includes('localhost'))).toEqual([]);
    expect(checkManifest(production, readAsset, origin)).toEqual([]);
    // …and the dev manifest is not accepted as if it were on that origin.
    expect(codes(checkManifest(xml, readAsset, origin))).toContain('foreign-origin');
  });
});

describe('pngSize', () => {
  test('reads width and height from IHDR and rejects other bytes', () => {
    const header = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0,
      0x01, 0x2c, 0, 0, 0, 0x50,
    ]);
    expect(pngSize(header)).toEqual({ width: 300, height: 80 });
    expect(pngSize(Uint8Array.from([0x47, 0x49, 0x46]))).toBeNull();
    expect(
      pngSize(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>                ')),
    ).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Broken manifests: each mutation must apply to the real manifest (else the test fails), and the
// checker must name the problem.

function replaceOnce(source: string, from: string | RegExp, to: string): string {
  const pattern =
    typeof from === 'string' ? new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : from;
  const global = new RegExp(
    pattern.source,
    pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
  );
  const matches = source.match(global) ?? [];
  if (matches.length !== 1) {
    throw new Error(`mutation expected one match of ${String(from)}, found ${matches.length}`);
  }
  return source.replace(new RegExp(global.source, global.flags.replace('g', '')), to);
}

function replaceAll(source: string, from: string, to: string): string {
  if (!source.includes(from)) throw new Error(`mutation found no ${from}`);
  return source.split(from).join(to);
}

const LONG_ID = 'Icon.16x16.ThisNameIsTooLongForOffice';
const UNUSED_STRING =
  '<bt:ShortStrings>\n<bt:String id="Unused.Label" DefaultValue="未使用"><bt:Override Locale="en-US" Value="Unused" /></bt:String>';

const mutations: { name: string; apply: (source: string) => string; expected: string[] }[] = [
  {
    name: 'not well-formed (a closing tag removed)',
    apply: (s) => replaceOnce(s, '</Permissions>', ''),
    expected: ['not-well-formed'],
  },
  {
    name: 'a content add-in instead of a task pane add-in',
    apply: (s) => replaceOnce(s, 'xsi:type="TaskPaneApp"', 'xsi:type="ContentApp"'),
    expected: ['root'],
  },
  {
    name: 'VersionOverrides 1.1, which task pane add-ins do not support',
    apply: (s) => replaceOnce(s, 'VersionOverridesV1_0', 'VersionOverridesV1_1'),
    expected: ['namespace'],
  },
  {
    name: 'Permissions moved before DefaultSettings',
    apply: (s) =>
      replaceOnce(
        replaceOnce(s, /\n\s*<Permissions>ReadWriteDocument<\/Permissions>/, ''),
        '<DefaultSettings>',
        '<Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>',
      ),
    expected: ['element-order'],
  },
  {
    name: 'ProviderName missing',
    apply: (s) => replaceOnce(s, /<ProviderName>[^<]*<\/ProviderName>/, ''),
    expected: ['missing-element'],
  },
  {
    name: 'Supertip Description before Title',
    apply: (s) =>
      replaceOnce(
        s,
        /<Title resid="TaskpaneButton.Title" \/>(\s*)<Description resid="TaskpaneButton.Tooltip" \/>/,
        '<Description resid="TaskpaneButton.Tooltip" />$1<Title resid="TaskpaneButton.Title" />',
      ),
    expected: ['element-order'],
  },
  {
    name: 'Id not a GUID',
    apply: (s) => replaceOnce(s, /<Id>[^<]*<\/Id>/, '<Id>rateshock</Id>'),
    expected: ['id-not-guid'],
  },
  {
    name: 'Version with three parts',
    apply: (s) => replaceOnce(s, '<Version>1.0.0.0</Version>', '<Version>1.0.0</Version>'),
    expected: ['version-format'],
  },
  {
    name: 'Permissions ReadDocument',
    apply: (s) => replaceOnce(s, '>ReadWriteDocument<', '>ReadDocument<'),
    expected: ['permissions'],
  },
  {
    name: 'an http URL',
    apply: (s) =>
      replaceOnce(s, `"${DEV_ORIGIN}/functions.js"`, '"http://localhost:3000/functions.js"'),
    expected: ['not-https'],
  },
  {
    name: 'an http URL in a locale override',
    apply: (s) =>
      replaceOnce(
        s,
        `<Override Locale="en-US" Value="${DEV_ORIGIN}/help.html#en"`,
        '<Override Locale="en-US" Value="http://localhost:3000/help.html#en"',
      ),
    expected: ['not-https'],
  },
  {
    name: 'a URL on another origin',
    apply: (s) =>
      replaceOnce(s, `"${DEV_ORIGIN}/functions.json"`, '"https://cdn.example.com/functions.json"'),
    expected: ['foreign-origin'],
  },
  {
    name: 'a broken resid (FunctionFile names no resource)',
    apply: (s) =>
      replaceOnce(
        s,
        '<FunctionFile resid="Taskpane.Url" />',
        '<FunctionFile resid="Taskpane.Ulr" />',
      ),
    expected: ['resid-unresolved', 'shared-runtime-mismatch'],
  },
  {
    name: 'a Label pointing at a URL resource',
    apply: (s) =>
      replaceOnce(
        s,
        '<Label resid="TaskpaneButton.Label" />',
        '<Label resid="Functions.Script.Url" />',
      ),
    expected: ['resid-wrong-kind', 'resource-unused'],
  },
  {
    name: 'a resource id over 32 characters',
    apply: (s) => replaceAll(s, '"Icon.16x16"', `"${LONG_ID}"`),
    expected: ['resid-too-long'],
  },
  {
    name: 'two resources with one id',
    apply: (s) => replaceOnce(s, '<bt:Url id="Functions.Script.Url"', '<bt:Url id="Taskpane.Url"'),
    expected: ['resid-duplicate', 'resid-unresolved'],
  },
  {
    name: 'a resource nothing uses',
    apply: (s) => replaceOnce(s, '<bt:ShortStrings>', UNUSED_STRING),
    expected: ['resource-unused'],
  },
  {
    name: 'a ShortString over 125 characters',
    apply: (s) => replaceOnce(s, 'DefaultValue="試算パネル"', `DefaultValue="${'試'.repeat(126)}"`),
    expected: ['string-too-long'],
  },
  {
    name: 'a LongString override over 250 characters',
    apply: (s) => replaceOnce(s, /Value="Opens the task pane[^"]*"/, `Value="${'x'.repeat(251)}"`),
    expected: ['string-too-long'],
  },
  {
    name: 'a string without its en-US override',
    apply: (s) => replaceOnce(s, /<bt:Override Locale="en-US" Value="Simulator" \/>/, ''),
    expected: ['missing-en-US-override'],
  },
  {
    name: 'DisplayName without its en-US override',
    apply: (s) => replaceOnce(s, /(<DisplayName[^>]*>)\s*<Override[^>]*\/>/, '$1'),
    expected: ['missing-en-US-override'],
  },
  {
    name: 'an 80 px icon slot given the 64 px image',
    apply: (s) =>
      replaceOnce(s, `${DEV_ORIGIN}/assets/icon-80.png`, `${DEV_ORIGIN}/assets/icon-64.png`),
    expected: ['icon-size'],
  },
  {
    name: 'an icon file that does not exist',
    apply: (s) =>
      replaceOnce(s, `${DEV_ORIGIN}/assets/icon-16.png`, `${DEV_ORIGIN}/assets/icon-17.png`),
    expected: ['icon-missing'],
  },
  {
    name: 'ExcelApi 1.8',
    apply: (s) =>
      replaceOnce(
        s,
        '<Set Name="ExcelApi" MinVersion="1.9" />',
        '<Set Name="ExcelApi" MinVersion="1.8" />',
      ),
    expected: ['requirement-excelapi'],
  },
  {
    name: 'no SharedRuntime requirement',
    apply: (s) => replaceOnce(s, /<bt:Set Name="SharedRuntime"[^>]*\/>/, ''),
    expected: ['requirement-shared-runtime'],
  },
  {
    name: 'a short-lived runtime',
    apply: (s) => replaceOnce(s, 'lifetime="long"', 'lifetime="short"'),
    expected: ['shared-runtime-lifetime'],
  },
  {
    name: 'custom functions on their own page',
    apply: (s) =>
      replaceOnce(
        s,
        /<Page>(\s*)<SourceLocation resid="Taskpane.Url" \/>/,
        '<Page>$1<SourceLocation resid="Functions.Script.Url" />',
      ),
    expected: ['shared-runtime-mismatch'],
  },
  {
    name: 'another custom functions namespace',
    apply: (s) => replaceOnce(s, 'DefaultValue="RATESHOCK"', 'DefaultValue="CONTOSO"'),
    expected: ['functions-namespace'],
  },
];

describe('the checker reports broken manifests', () => {
  test.each(mutations)('$name', ({ apply, expected }) => {
    const broken = apply(xml);
    expect(broken).not.toBe(xml);
    const found = codes(checkManifest(broken, readAsset));
    for (const code of expected) expect(found).toContain(code);
  });
});
