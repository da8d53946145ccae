// Offline checks of the add-in's XML manifest. Each check is a pure function from the parsed
// manifest to a list of problems (empty when it passes), so that a test can assert both that the
// real manifest passes and that a deliberately broken one is reported with the right code.
// Rules come from Microsoft's add-in only manifest reference (the XSD element order, resid
// length and kinds, ShortStrings ≤ 125 and LongStrings ≤ 250 characters, the shared runtime).
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface Problem {
  code: string;
  detail: string;
}

export interface XmlNode {
  /** Qualified name as written, e.g. `bt:Image`. */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
  /** Slash-separated local names from the root, for messages. */
  path: string;
}

export const NS = {
  officeApp: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  basicTypes: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  taskpaneOverrides: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

/**
 * OfficeApp's children for xsi:type="TaskPaneApp", in the order the XSD's sequences require
 * (OfficeApp's own sequence, then the TaskPaneApp extension). From "How to find the proper order
 * of manifest elements", section "Basic task pane add-in element ordering".
 */
export const TASKPANE_APP_ORDER = [
  'Id',
  'AlternateId',
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
  'Dictionary',
  'VersionOverrides',
];

/** What this add-in's manifest must contain at the top level. */
export const REQUIRED_TOP_LEVEL = TASKPANE_APP_ORDER.filter(
  (name) => name !== 'AlternateId' && name !== 'Dictionary',
);

/**
 * Child order inside VersionOverrides (task pane 1.0), for the elements this manifest uses
 * ("Task pane add-in element ordering within VersionOverrides", and the shared-runtime article:
 * Runtimes comes first in Host).
 */
export const CHILD_ORDER: Record<string, string[]> = {
  VersionOverrides: [
    'Description',
    'Requirements',
    'Hosts',
    'Resources',
    'WebApplicationInfo',
    'EquivalentAddins',
  ],
  Host: ['Runtimes', 'AllFormFactors', 'DesktopFormFactor'],
  'ExtensionPoint[CustomFunctions]': ['Script', 'Page', 'Metadata', 'Namespace'],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  GetStarted: ['Title', 'Description', 'LearnMoreUrl'],
  Group: ['Label', 'Icon', 'Control'],
  Control: ['Label', 'Supertip', 'Icon', 'Action'],
  Supertip: ['Title', 'Description'],
  'Action[ShowTaskpane]': ['TaskpaneId', 'SourceLocation', 'Title'],
  Resources: ['Images', 'Urls', 'ShortStrings', 'LongStrings'],
};

export const MAX_RESID_LENGTH = 32;
export const MAX_SHORT_STRING = 125;
export const MAX_LONG_STRING = 250;
export const DEV_ORIGIN = 'https://localhost:3000';

export type ResourceKind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';

/** Which Resources collection a resid on a given element must point into. */
export const RESID_KIND: Record<string, ResourceKind> = {
  Image: 'Images',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  LearnMoreUrl: 'Urls',
  Runtime: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Namespace: 'ShortStrings',
  Description: 'LongStrings',
};

export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

// ---------------------------------------------------------------------------------------------
// Parsing

type Ordered = Record<string, unknown>;

function toNode(entry: Ordered, parentPath: string): XmlNode | null {
  const name = Object.keys(entry).find((k) => k !== ':@');
  if (name === undefined || name === '#text' || name === '#comment' || name.startsWith('?')) {
    return null;
  }
  const path = parentPath === '' ? localName(name) : `${parentPath}/${localName(name)}`;
  const rawChildren = (entry[name] as Ordered[]) ?? [];
  const children: XmlNode[] = [];
  let text = '';
  for (const child of rawChildren) {
    if ('#text' in child) text += String(child['#text']);
    const node = toNode(child, path);
    if (node) children.push(node);
  }
  const attrs = (entry[':@'] as Record<string, string> | undefined) ?? {};
  return { name, attrs, children, text: text.trim(), path };
}

/** Problems that stop any further checking: not well-formed, or no single root element. */
export function checkWellFormed(xml: string): Problem[] {
  const result = XMLValidator.validate(xml);
  if (result === true) return [];
  return [
    {
      code: 'not-well-formed',
      detail: `${result.err.code} at line ${result.err.line}, column ${result.err.col}: ${result.err.msg}`,
    },
  ];
}

export function parseManifest(xml: string): XmlNode {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  const entries = parser.parse(xml) as Ordered[];
  const roots = entries.map((e) => toNode(e, '')).filter((n): n is XmlNode => n !== null);
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  return roots[0];
}

// ---------------------------------------------------------------------------------------------
// Tree helpers

export function walk(node: XmlNode, visit: (n: XmlNode, parent: XmlNode | null) => void): void {
  const go = (n: XmlNode, parent: XmlNode | null): void => {
    visit(n, parent);
    for (const c of n.children) go(c, n);
  };
  go(node, null);
}

export function findAll(root: XmlNode, predicate: (n: XmlNode) => boolean): XmlNode[] {
  const found: XmlNode[] = [];
  walk(root, (n) => {
    if (predicate(n)) found.push(n);
  });
  return found;
}

export function child(node: XmlNode | undefined, local: string): XmlNode | undefined {
  return node?.children.find((c) => localName(c.name) === local);
}

/** A path of local names below `node`, e.g. `at(root, 'VersionOverrides', 'Resources')`. */
export function at(node: XmlNode | undefined, ...locals: string[]): XmlNode | undefined {
  return locals.reduce<XmlNode | undefined>((n, l) => child(n, l), node);
}

function problem(code: string, detail: string): Problem {
  return { code, detail };
}

/** Checks that `names` follows `order` (unknown names are reported too). */
function checkSequence(where: string, names: string[], order: string[]): Problem[] {
  const problems: Problem[] = [];
  let last = -1;
  for (const name of names) {
    const rank = order.indexOf(name);
    if (rank < 0) {
      problems.push(problem('unexpected-element', `${where}: <${name}> is not expected here`));
    } else if (rank < last) {
      problems.push(
        problem('element-order', `${where}: <${name}> must come before <${order[last]}>`),
      );
    } else {
      last = rank;
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Checks

export function checkRoot(root: XmlNode): Problem[] {
  const problems: Problem[] = [];
  if (root.name !== 'OfficeApp') {
    problems.push(problem('root', `root element is <${root.name}>, expected <OfficeApp>`));
  }
  if (root.attrs['xsi:type'] !== 'TaskPaneApp') {
    problems.push(problem('root', `xsi:type is "${root.attrs['xsi:type']}", expected TaskPaneApp`));
  }
  const expected: Record<string, string> = {
    xmlns: NS.officeApp,
    'xmlns:xsi': NS.xsi,
    'xmlns:bt': NS.basicTypes,
  };
  for (const [attr, value] of Object.entries(expected)) {
    if (root.attrs[attr] !== value) {
      problems.push(problem('namespace', `${attr} is "${root.attrs[attr]}", expected ${value}`));
    }
  }
  const overrides = child(root, 'VersionOverrides');
  if (overrides) {
    // A task pane add-in supports only VersionOverrides 1.0 (Microsoft's VersionOverrides reference).
    if (overrides.attrs.xmlns !== NS.taskpaneOverrides) {
      problems.push(problem('namespace', `VersionOverrides xmlns is "${overrides.attrs.xmlns}"`));
    }
    if (overrides.attrs['xsi:type'] !== 'VersionOverridesV1_0') {
      problems.push(
        problem('namespace', `VersionOverrides xsi:type is "${overrides.attrs['xsi:type']}"`),
      );
    }
  }
  return problems;
}

export function checkTopLevelOrder(root: XmlNode): Problem[] {
  const names = root.children.map((c) => c.name);
  const problems = checkSequence('OfficeApp', names, TASKPANE_APP_ORDER);
  for (const required of REQUIRED_TOP_LEVEL) {
    const count = names.filter((n) => n === required).length;
    if (count === 0) problems.push(problem('missing-element', `OfficeApp has no <${required}>`));
    if (count > 1)
      problems.push(problem('duplicate-element', `OfficeApp has ${count} <${required}>`));
  }
  return problems;
}

function orderKey(node: XmlNode): string {
  const local = localName(node.name);
  const type = node.attrs['xsi:type'];
  return type && `${local}[${type}]` in CHILD_ORDER ? `${local}[${type}]` : local;
}

export function checkVersionOverridesOrder(root: XmlNode): Problem[] {
  const overrides = child(root, 'VersionOverrides');
  if (!overrides) return [problem('missing-element', 'OfficeApp has no <VersionOverrides>')];
  const problems: Problem[] = [];
  walk(overrides, (node) => {
    const order = CHILD_ORDER[orderKey(node)];
    if (order) {
      const names = node.children.map((c) => localName(c.name));
      problems.push(...checkSequence(node.path, names, order));
    }
  });
  return problems;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FOUR_PART_VERSION = /^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/;

export function checkIdentity(root: XmlNode): Problem[] {
  const problems: Problem[] = [];
  const id = child(root, 'Id')?.text ?? '';
  if (!GUID.test(id)) problems.push(problem('id-not-guid', `Id "${id}" is not a GUID`));
  const version = child(root, 'Version')?.text ?? '';
  if (!FOUR_PART_VERSION.test(version)) {
    problems.push(problem('version-format', `Version "${version}" is not n.n.n.n`));
  }
  const permissions = child(root, 'Permissions')?.text;
  if (permissions !== 'ReadWriteDocument') {
    problems.push(
      problem('permissions', `Permissions is "${permissions}", expected ReadWriteDocument`),
    );
  }
  const hosts = child(root, 'Hosts')?.children.map((h) => h.attrs.Name) ?? [];
  if (hosts.join() !== 'Workbook') {
    problems.push(problem('hosts', `Hosts are [${hosts.join(', ')}], expected [Workbook]`));
  }
  return problems;
}

/** Every URL the manifest declares, with where it was found. */
export function collectUrls(root: XmlNode): { where: string; url: string }[] {
  const urls: { where: string; url: string }[] = [];
  const urlSettings = new Set(['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation']);
  walk(root, (node, parent) => {
    const local = localName(node.name);
    const parentLocal = parent ? localName(parent.name) : '';
    const isUrlResource =
      (local === 'Image' || local === 'Url') &&
      (parentLocal === 'Images' || parentLocal === 'Urls');
    if ((urlSettings.has(local) || isUrlResource) && node.attrs.DefaultValue !== undefined) {
      urls.push({ where: node.path, url: node.attrs.DefaultValue });
    }
    const parentIsUrl =
      parent !== null &&
      (urlSettings.has(parentLocal) ||
        ((parentLocal === 'Image' || parentLocal === 'Url') && parent.attrs.id !== undefined));
    if (local === 'Override' && parentIsUrl && node.attrs.Value !== undefined) {
      urls.push({ where: node.path, url: node.attrs.Value });
    }
    if (local === 'AppDomain') urls.push({ where: node.path, url: node.text });
  });
  return urls;
}

/**
 * Every URL is https and on `origin` (the dev server; the build swaps the origin), so nothing
 * the add-in loads comes from anywhere else.
 */
export function checkUrls(root: XmlNode, origin = DEV_ORIGIN): Problem[] {
  const problems: Problem[] = [];
  const urls = collectUrls(root);
  if (urls.length === 0) problems.push(problem('no-urls', 'no URLs found'));
  for (const { where, url } of urls) {
    if (!url.startsWith('https://')) {
      problems.push(problem('not-https', `${where}: "${url}"`));
    } else if (url !== origin && !url.startsWith(`${origin}/`)) {
      problems.push(problem('foreign-origin', `${where}: "${url}" is not on ${origin}`));
    }
  }
  return problems;
}

export interface ResourceEntry {
  id: string;
  kind: ResourceKind;
  node: XmlNode;
}

export function collectResources(root: XmlNode): ResourceEntry[] {
  const resources = at(root, 'VersionOverrides', 'Resources');
  const entries: ResourceEntry[] = [];
  for (const group of resources?.children ?? []) {
    const kind = localName(group.name) as ResourceKind;
    for (const item of group.children) entries.push({ id: item.attrs.id ?? '', kind, node: item });
  }
  return entries;
}

/** Every resid reference: each resolves to exactly one entry of the right kind; every entry used. */
export function checkResids(root: XmlNode): Problem[] {
  const problems: Problem[] = [];
  const resources = collectResources(root);
  const byId = new Map<string, ResourceEntry[]>();
  for (const entry of resources) {
    if (entry.id === '') problems.push(problem('resource-no-id', `${entry.node.path} has no id`));
    if (entry.id.length > MAX_RESID_LENGTH) {
      problems.push(
        problem(
          'resid-too-long',
          `"${entry.id}" has ${entry.id.length} characters (max ${MAX_RESID_LENGTH})`,
        ),
      );
    }
    byId.set(entry.id, [...(byId.get(entry.id) ?? []), entry]);
  }
  for (const [id, entries] of byId) {
    if (entries.length > 1) {
      problems.push(problem('resid-duplicate', `"${id}" is defined ${entries.length} times`));
    }
  }
  const used = new Set<string>();
  walk(root, (node) => {
    const resid = node.attrs.resid;
    if (resid === undefined) return;
    used.add(resid);
    if (resid.length > MAX_RESID_LENGTH) {
      problems.push(problem('resid-too-long', `${node.path}: resid "${resid}" is too long`));
    }
    const kind = RESID_KIND[localName(node.name)];
    if (!kind) {
      problems.push(problem('resid-unknown-element', `${node.path} has a resid`));
      return;
    }
    const targets = byId.get(resid) ?? [];
    if (targets.length === 0) {
      problems.push(
        problem('resid-unresolved', `${node.path}: resid "${resid}" is not a resource`),
      );
    } else if (targets.length === 1 && targets[0].kind !== kind) {
      problems.push(
        problem(
          'resid-wrong-kind',
          `${node.path}: resid "${resid}" is in ${targets[0].kind}, expected ${kind}`,
        ),
      );
    }
  });
  for (const entry of resources) {
    if (!used.has(entry.id))
      problems.push(problem('resource-unused', `"${entry.id}" is never used`));
  }
  return problems;
}

function overrideFor(node: XmlNode, locale: string): XmlNode | undefined {
  return node.children.find(
    (c) =>
      localName(c.name) === 'Override' && c.attrs.Locale?.toLowerCase() === locale.toLowerCase(),
  );
}

/** String lengths (in characters, as Office counts them) and an en-US override for each string. */
export function checkStrings(root: XmlNode): Problem[] {
  const problems: Problem[] = [];
  const limited: { node: XmlNode; max: number; label: string }[] = [];
  const displayName = child(root, 'DisplayName');
  const description = child(root, 'Description');
  if (displayName) limited.push({ node: displayName, max: MAX_SHORT_STRING, label: 'DisplayName' });
  if (description) limited.push({ node: description, max: MAX_LONG_STRING, label: 'Description' });
  for (const entry of collectResources(root)) {
    if (entry.kind === 'ShortStrings') {
      limited.push({ node: entry.node, max: MAX_SHORT_STRING, label: entry.id });
    }
    if (entry.kind === 'LongStrings') {
      limited.push({ node: entry.node, max: MAX_LONG_STRING, label: entry.id });
    }
  }
  for (const { node, max, label } of limited) {
    const values = [
      node.attrs.DefaultValue ?? '',
      ...node.children.map((c) => c.attrs.Value ?? ''),
    ];
    if ((node.attrs.DefaultValue ?? '').trim() === '') {
      problems.push(problem('string-empty', `${label} has no DefaultValue`));
    }
    for (const value of values) {
      const length = [...value].length;
      if (length > max) {
        problems.push(problem('string-too-long', `${label}: ${length} characters (max ${max})`));
      }
    }
    const english = overrideFor(node, 'en-US');
    if (!english || (english.attrs.Value ?? '').trim() === '') {
      problems.push(problem('missing-en-US-override', `${label} has no en-US Override`));
    }
  }
  return problems;
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const type = String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]);
  if (type !== 'IHDR') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * Icons: every image URL names `assets/icon-<n>.png`, the file exists (read through
 * `readAsset`, which returns null for a missing file) and is an n×n PNG; an `<Image size>` in an
 * Icon points at an image of that size.
 */
export function checkIcons(
  root: XmlNode,
  readAsset: (relativePath: string) => Uint8Array | null,
): Problem[] {
  const problems: Problem[] = [];
  const imageUrls: { where: string; url: string }[] = [];
  for (const name of ['IconUrl', 'HighResolutionIconUrl']) {
    const node = child(root, name);
    if (node?.attrs.DefaultValue) imageUrls.push({ where: name, url: node.attrs.DefaultValue });
  }
  const images = collectResources(root).filter((e) => e.kind === 'Images');
  for (const image of images) {
    imageUrls.push({ where: image.id, url: image.node.attrs.DefaultValue ?? '' });
  }
  const sizeOf = new Map<string, number>();
  for (const { where, url } of imageUrls) {
    const match = /\/(assets\/icon-(\d+)\.png)$/.exec(url);
    if (!match) {
      problems.push(problem('icon-name', `${where}: "${url}" is not assets/icon-<size>.png`));
      continue;
    }
    const [, relativePath, sizeText] = match;
    const expected = Number(sizeText);
    sizeOf.set(where, expected);
    const bytes = readAsset(relativePath);
    if (bytes === null) {
      problems.push(problem('icon-missing', `${where}: ${relativePath} does not exist`));
      continue;
    }
    const size = pngSize(bytes);
    if (!size) {
      problems.push(problem('icon-not-png', `${where}: ${relativePath} is not a PNG`));
    } else if (size.width !== expected || size.height !== expected) {
      problems.push(
        problem(
          'icon-size',
          `${where}: ${relativePath} is ${size.width}×${size.height}, expected ${expected}×${expected}`,
        ),
      );
    }
  }
  walk(root, (node, parent) => {
    if (localName(node.name) !== 'Image' || !parent || localName(parent.name) !== 'Icon') return;
    const declared = Number(node.attrs.size);
    const actual = sizeOf.get(node.attrs.resid ?? '');
    if (actual !== undefined && actual !== declared) {
      problems.push(
        problem(
          'icon-size',
          `${node.path}: size="${node.attrs.size}" points at ${node.attrs.resid} (${actual} px)`,
        ),
      );
    }
  });
  return problems;
}

function setVersion(sets: XmlNode | undefined, name: string): string | undefined {
  const set = sets?.children.find((s) => s.attrs.Name === name);
  if (!set) return undefined;
  return set.attrs.MinVersion ?? sets?.attrs.DefaultMinVersion ?? '1.1';
}

function versionAtLeast(version: string | undefined, minimum: string): boolean {
  if (version === undefined) return false;
  const a = version.split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

/** Requirement sets: ExcelApi ≥ 1.9 for the add-in; SharedRuntime ≥ 1.1 for the overrides. */
export function checkRequirements(root: XmlNode): Problem[] {
  const problems: Problem[] = [];
  const baseSets = at(root, 'Requirements', 'Sets');
  if (!versionAtLeast(setVersion(baseSets, 'ExcelApi'), '1.9')) {
    problems.push(problem('requirement-excelapi', 'OfficeApp Requirements lack ExcelApi 1.9'));
  }
  const overrideSets = at(root, 'VersionOverrides', 'Requirements', 'Sets');
  if (!versionAtLeast(setVersion(overrideSets, 'SharedRuntime'), '1.1')) {
    problems.push(
      problem('requirement-shared-runtime', 'VersionOverrides Requirements lack SharedRuntime 1.1'),
    );
  }
  return problems;
}

/**
 * One shared runtime: Runtime (lifetime long), the custom functions Page, the FunctionFile and
 * every ShowTaskpane action name the same URL resource, which is also the base task pane page;
 * the custom functions namespace is RATESHOCK.
 */
export function checkSharedRuntime(root: XmlNode, namespace = 'RATESHOCK'): Problem[] {
  const problems: Problem[] = [];
  const host = at(root, 'VersionOverrides', 'Hosts', 'Host');
  const runtimes = findAll(root, (n) => localName(n.name) === 'Runtime');
  if (runtimes.length !== 1) {
    problems.push(problem('shared-runtime', `expected one <Runtime>, found ${runtimes.length}`));
    return problems;
  }
  const runtime = runtimes[0];
  if (runtime.attrs.lifetime !== 'long') {
    problems.push(
      problem('shared-runtime-lifetime', `Runtime lifetime is "${runtime.attrs.lifetime}"`),
    );
  }
  const runtimeResid = runtime.attrs.resid;
  const customFunctions = findAll(
    host ?? root,
    (n) => localName(n.name) === 'ExtensionPoint' && n.attrs['xsi:type'] === 'CustomFunctions',
  )[0];
  const users: { where: string; resid: string | undefined }[] = [
    {
      where: 'custom functions Page',
      resid: at(customFunctions, 'Page', 'SourceLocation')?.attrs.resid,
    },
    {
      where: 'FunctionFile',
      resid: at(host, 'DesktopFormFactor', 'FunctionFile')?.attrs.resid,
    },
  ];
  const taskpaneActions = findAll(
    root,
    (n) => localName(n.name) === 'Action' && n.attrs['xsi:type'] === 'ShowTaskpane',
  );
  if (taskpaneActions.length === 0) {
    problems.push(problem('shared-runtime', 'no ShowTaskpane action'));
  }
  for (const action of taskpaneActions) {
    users.push({
      where: `${action.path} (ShowTaskpane)`,
      resid: child(action, 'SourceLocation')?.attrs.resid,
    });
  }
  for (const { where, resid } of users) {
    if (resid !== runtimeResid) {
      problems.push(
        problem(
          'shared-runtime-mismatch',
          `${where} uses "${resid}", the Runtime "${runtimeResid}"`,
        ),
      );
    }
  }
  const runtimeUrl = collectResources(root).find((e) => e.id === runtimeResid && e.kind === 'Urls');
  const defaultPage = at(root, 'DefaultSettings', 'SourceLocation')?.attrs.DefaultValue;
  if (runtimeUrl && runtimeUrl.node.attrs.DefaultValue !== defaultPage) {
    problems.push(
      problem(
        'shared-runtime-mismatch',
        `DefaultSettings opens "${defaultPage}", the Runtime "${runtimeUrl.node.attrs.DefaultValue}"`,
      ),
    );
  }
  const namespaceResid = child(customFunctions, 'Namespace')?.attrs.resid;
  const namespaceString = collectResources(root).find(
    (e) => e.id === namespaceResid && e.kind === 'ShortStrings',
  );
  const values = namespaceString
    ? [
        namespaceString.node.attrs.DefaultValue,
        ...namespaceString.node.children.map((c) => c.attrs.Value),
      ]
    : [undefined];
  if (values.some((v) => v !== namespace)) {
    problems.push(
      problem(
        'functions-namespace',
        `custom functions namespace is [${values.join(', ')}], expected ${namespace}`,
      ),
    );
  }
  return problems;
}

/** All checks; `readAsset` reads a file under the repository (null when missing). */
export function checkManifest(
  xml: string,
  readAsset: (relativePath: string) => Uint8Array | null,
  origin = DEV_ORIGIN,
): Problem[] {
  const wellFormed = checkWellFormed(xml);
  if (wellFormed.length > 0) return wellFormed;
  const root = parseManifest(xml);
  return [
    ...checkRoot(root),
    ...checkTopLevelOrder(root),
    ...checkVersionOverridesOrder(root),
    ...checkIdentity(root),
    ...checkUrls(root, origin),
    ...checkResids(root),
    ...checkStrings(root),
    ...checkIcons(root, readAsset),
    ...checkRequirements(root),
    ...checkSharedRuntime(root),
  ];
}
