// The application checks are data with fixtures, like every other policy: policies/app/<id>.app.yaml
// (schema policies/schema/app-check.schema.json), mapped to FERPA controls by `appChecks` in
// policies/frameworks/ferpa.yaml, and fixtures/<id>/{pass,fail}/api.yaml run by the real conformance
// suite against the real reference API on a real PostgreSQL: the API as it ships passes, and a
// breakage of it (test/api/helpers/broken-builds.ts) fails exactly where its fixture says.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadAppChecks } from '../../reference-stack/api/conformance/checks.js';
import type { Results } from '../../reference-stack/api/conformance/results.js';
import { APP_CHECK_IDS, runConformance } from '../../reference-stack/api/conformance/suite.js';
import { fixtureProblems, readAppFixture } from './helpers/app-fixtures.js';
import { BREAKAGES, isBreakage } from './helpers/broken-builds.js';
import { configFor } from './helpers/conformance-config.js';
import { startHarness, type Harness } from './helpers/harness.js';

const ROOT = join(__dirname, '../..');
const checks = loadAppChecks(APP_CHECK_IDS);

describe('application checks as data', () => {
  it('the suite reads one valid file per check it implements, with the controls the framework maps it to', () => {
    expect([...checks.keys()].sort()).toEqual([...APP_CHECK_IDS].sort());
    expect(checks.get('app-tenant-isolation')).toMatchObject({ severity: 'critical', category: 'access', controls: ['FERPA-ACC-01'] });
    for (const c of checks.values()) expect(c.controls.length, `${c.id} is in no control's appChecks`).toBeGreaterThan(0);
  });

  it("every id a control's appChecks names has a check file", () => {
    const fw = parse(readFileSync(join(ROOT, 'policies/frameworks/ferpa.yaml'), 'utf8')) as { controls: Record<string, { appChecks?: string[] }> };
    const named = Object.values(fw.controls).flatMap((c) => c.appChecks ?? []);
    expect(named.filter((id) => !checks.has(id))).toEqual([]);
  });

  describe('a broken check folder stops the suite with one line naming the file', () => {
    const copy = (): string => {
      const root = mkdtempSync(join(tmpdir(), 'frapp-'));
      for (const p of ['policies/app', 'policies/schema', 'policies/frameworks']) cpSync(join(ROOT, p), join(root, p), { recursive: true });
      return root;
    };
    const file = (root: string, id: string) => join(root, 'policies/app', `${id}.app.yaml`);
    it.each([
      ['a severity outside the list', (root: string) => writeFileSync(file(root, 'app-retention-purge'), readFileSync(file(root, 'app-retention-purge'), 'utf8').replace('severity: high', 'severity: urgent')), /app-retention-purge\.app\.yaml: \/severity must be equal to one of the allowed values$/],
      ['an unknown field', (root: string) => writeFileSync(file(root, 'app-retention-purge'), `${readFileSync(file(root, 'app-retention-purge'), 'utf8')}controls: [FERPA-RET-01]\n`), /app-retention-purge\.app\.yaml: \/ must NOT have additional properties \(controls\)$/],
      ['an id that is not the file name', (root: string) => writeFileSync(file(root, 'app-retention-purge'), readFileSync(file(root, 'app-retention-purge'), 'utf8').replace('id: app-retention-purge', 'id: app-retention-purged')), /app-retention-purge\.app\.yaml: id app-retention-purged does not match the file name$/],
      ['a check the suite does not implement', (root: string) => writeFileSync(file(root, 'app-mfa-enforced'), readFileSync(file(root, 'app-retention-purge'), 'utf8').replace('id: app-retention-purge', 'id: app-mfa-enforced')), /app-mfa-enforced\.app\.yaml: the conformance suite does not implement app-mfa-enforced$/],
      ['an implemented check without a file', (root: string) => rmSync(file(root, 'app-disclosure-ledger')), /policies\/app: no check file for app-disclosure-ledger \(the suite implements them\)$/],
    ] as const)('%s', (_name, breakIt, message) => {
      const root = copy();
      breakIt(root);
      expect(() => loadAppChecks(APP_CHECK_IDS, root)).toThrow(message);
    });
  });

  it('every check has a pass fixture on the reference build and a fail fixture on a breakage; every breakage is some check\'s fail fixture', () => {
    const used: string[] = [];
    for (const id of APP_CHECK_IDS) {
      expect(readAppFixture(id, 'pass').build, id).toBe('reference');
      const fail = readAppFixture(id, 'fail');
      expect(isBreakage(fail.build), `${id}: unknown breakage ${fail.build}`).toBe(true);
      expect(fail.findings.every((f) => f.status !== 'pass'), id).toBe(true);
      used.push(fail.build);
    }
    expect(used.sort()).toEqual(Object.keys(BREAKAGES).sort());
  });
});

describe('application check fixtures against the reference API on PostgreSQL', () => {
  let h: Harness;
  let reference: Results;
  beforeAll(async () => {
    h = await startHarness();
    const { url } = await h.build(undefined, true);
    reference = await runConformance({ baseUrl: url, config: configFor(h.seed) });
  });
  afterAll(async () => {
    await h?.close();
  });

  for (const id of APP_CHECK_IDS) {
    it(`${id}: passes on the reference API exactly where its pass fixture says`, () => {
      expect(fixtureProblems(id, 'pass', readAppFixture(id, 'pass'), reference)).toEqual([]);
    });
    const fail = readAppFixture(id, 'fail');
    it(`${id}: fails on the ${fail.build} build exactly where its fail fixture says`, async () => {
      if (!isBreakage(fail.build)) throw new Error(`unknown breakage ${fail.build}`);
      const b = BREAKAGES[fail.build];
      const { url } = await h.build('overrides' in b ? b.overrides : undefined, true, 'prepare' in b ? b.prepare : undefined);
      const results = await runConformance({ baseUrl: url, config: configFor(h.seed) });
      expect(fixtureProblems(id, 'fail', fail, results)).toEqual([]);
    });
  }
});
