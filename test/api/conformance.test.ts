import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runConformance } from '../../reference-stack/api/conformance/suite.js';
import { loadSpec } from '../../reference-stack/api/src/spec.js';
import { schemaValidator, describeAjvError } from '../../checks/util/schemas.js';
import type { Results } from '../../checks/engine/types.js';
import { configFor } from './helpers/conformance-config.js';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
let good: Results;
let goodUrl: string;
beforeAll(async () => {
  h = await startHarness();
  goodUrl = (await h.build(undefined, true)).url;
  // the district admin signs in with a bearer JWT, the other roles with API keys: both paths are exercised
  good = await runConformance({ baseUrl: goodUrl, config: configFor(h.seed, await h.jwt(h.seed.users.districtAdmin.id, { expiresIn: '30m' })) });
});
afterAll(async () => {
  await h?.close();
});

const failing = (r: Results) => r.findings.filter((f) => f.status !== 'pass').map((f) => `${f.status} ${f.policyId} ${f.resource.address}: ${f.message}`);

describe('conformance suite against the reference API', () => {
  it('passes every check and leaves no fixture student behind', async () => {
    expect(failing(good)).toEqual([]);
    expect(good.summary.pass).toBe(good.findings.length);
    expect((await h.pool.query("SELECT count(*)::int AS n FROM students WHERE given_name LIKE 'Marker%'")).rows[0].n).toBe(0);
  });
  it('covers every policy, every student-record operation and every guarded operation', () => {
    const ids = new Set(good.findings.map((f) => f.policyId));
    for (const p of ['app-audit-every-student-record-access', 'app-audit-refused-access', 'app-audit-log-no-student-data', 'app-rbac-role-matrix', 'app-tenant-isolation', 'app-export-complete', 'app-deletion-complete', 'app-retention-purge', 'app-disclosure-ledger']) expect(ids, p).toContain(p);
    const audited = good.findings.filter((f) => f.policyId === 'app-audit-every-student-record-access').map((f) => f.resource.address);
    expect(audited).toEqual(expect.arrayContaining(['GET /api/v1/students/{studentId}', 'POST /api/v1/schools/{schoolId}/students', 'POST /api/v1/districts/{districtId}/deletion-requests', 'POST /api/v1/admin/retention-purge']));
    const ops = loadSpec().operations;
    expect(audited.sort()).toEqual(ops.filter((o) => o.studentRecord).map((o) => `${o.method} ${o.path}`).sort());
    expect(audited).toHaveLength(13);
    expect(good.findings.filter((f) => f.policyId === 'app-rbac-role-matrix')).toHaveLength(ops.filter((o) => !o.roles.includes('public')).length);
  });
  it('writes a results document that validates against the published schema, source app, FERPA controls', () => {
    const v = schemaValidator('reports/schema/results.schema.json');
    expect(v(good), describeAjvError(v.errors)).toBe(true);
    expect(new Set(good.findings.map((f) => f.source))).toEqual(new Set(['app']));
    expect(good.inputs[0]!.kind).toBe('app');
    const controls = new Set(good.findings.flatMap((f) => f.controls));
    for (const c of ['FERPA-LOG-03', 'FERPA-ACC-01', 'FERPA-ACC-03', 'FERPA-DEL-01', 'FERPA-RET-01', 'FERPA-LOG-04']) expect(controls).toContain(c);
  });
});

// Each application check's failing case (a broken build it must catch) is its fixture: app-checks.test.ts.

describe('conformance CLI', () => {
  // The API under test runs in this process: the CLI must run asynchronously, or nothing answers it.
  const run = (args: string[]) =>
    new Promise<{ status: number; stderr: string }>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', ...args], { encoding: 'utf8' }, (err, _out, stderr) => resolve({ status: err ? Number(err.code ?? 1) : 0, stderr }));
    });
  it('writes the results file and exits 0 against the reference API; exits 2 on a bad config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frconf-'));
    writeFileSync(join(dir, 'conf.yaml'), stringify(configFor(h.seed, await h.jwt(h.seed.users.districtAdmin.id))));
    const cli = join(import.meta.dirname, '../../reference-stack/api/conformance/cli.ts');
    const ok = await run([cli, '--base-url', goodUrl, '--config', join(dir, 'conf.yaml'), '--out', join(dir, 'results.json')]);
    expect(ok.status, ok.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Results;
    expect(results.summary.fail).toBe(0);
    expect(results.summary.pass).toBeGreaterThan(40);
    writeFileSync(join(dir, 'bad.yaml'), 'schoolId: x\ndistrictId: y\nroles: {}\notherTenants: []\n');
    const bad = await run([cli, '--base-url', goodUrl, '--config', join(dir, 'bad.yaml')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/bad\.yaml: \/roles must have required property 'school_admin'/);
  });
});
