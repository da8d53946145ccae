import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * manifest.xml against Microsoft's published XSDs for add-in manifests (kept in
 * test/addin/manifest-xsd/, source and changes in its README), with xmllint, offline. A manifest
 * with elements out of order or an element the schema does not know must fail: the validator
 * is shown to see both.
 */
const ROOT = join(__dirname, '../..');
const SCHEMA = join(__dirname, 'manifest-xsd/OfficeAppManifestV1_1.xsd');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const XMLLINT = process.env.XMLLINT ?? 'xmllint';
const hasXmllint = spawnSync(XMLLINT, ['--version']).status === 0;

/** xmllint's verdict on a manifest text: ok, and its messages. */
function validate(xml: string): { ok: boolean; messages: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rateshock-manifest-'));
  try {
    const file = join(dir, 'manifest.xml');
    writeFileSync(file, xml);
    const r = spawnSync(XMLLINT, ['--noout', '--nonet', '--schema', SCHEMA, file], {
      encoding: 'utf8',
    });
    return { ok: r.status === 0, messages: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const suite = hasXmllint ? describe : process.env.CI === 'true' ? describe : describe.skip;

suite('manifest.xml against the add-in manifest XSDs (xmllint)', () => {
  if (!hasXmllint) {
    test('xmllint is installed', () => {
      throw new Error('xmllint is missing: apt-get install -y libxml2-utils');
    });
    return;
  }

  test('manifest.xml validates', () => {
    const r = validate(MANIFEST);
    expect(r.messages).toContain('validates');
    expect(r.ok).toBe(true);
  });

  test('elements out of order fail (ProviderName before Version)', () => {
    const swapped = MANIFEST.replace(
      /(<Version>[^<]*<\/Version>)(\s*)(<ProviderName>[^<]*<\/ProviderName>)/,
      '$3$2$1',
    );
    expect(swapped).not.toBe(MANIFEST);
    const r = validate(swapped);
    expect(r.ok).toBe(false);
    expect(r.messages).toMatch(/ProviderName': This element is not expected/);
  });

  test('an unknown element fails, at the top and inside the version overrides', () => {
    const top = validate(
      MANIFEST.replace('</Permissions>', '</Permissions>\n  <Telemetry>on</Telemetry>'),
    );
    expect(top.ok).toBe(false);
    expect(top.messages).toMatch(/Telemetry': This element is not expected/);
    const inner = validate(
      MANIFEST.replace('<Runtimes>', '<Runtimes>\n<Runtime2 resid="Taskpane.Url" />'),
    );
    expect(inner.ok).toBe(false);
    expect(inner.messages).toMatch(/Runtime2': This element is not expected/);
  });

  test('a bad attribute value fails (lifetime must be short or long)', () => {
    const r = validate(MANIFEST.replace('lifetime="long"', 'lifetime="forever"'));
    expect(r.ok).toBe(false);
    expect(r.messages).toMatch(/lifetime/);
  });
});
