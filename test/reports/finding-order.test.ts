// One finding order (checks/engine/order.ts) for the results document, every output format, the
// readiness report and the run-store diff: worst status, most severe, then policy, resource, source,
// input and id, compared by code point (localeCompare puts `alpha` before `Zeta`, code points do not).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { defaultProfile } from '../../checks/engine/config.js';
import { compareFindingKeys, countByStatus, sortFindings, STATUS_ORDER, type FindingOrderKey } from '../../checks/engine/order.js';
import type { Finding, Results } from '../../checks/engine/types.js';
import { policyMeta } from '../../checks/cli/context.js';
import { scanPaths } from '../../checks/pipeline/scan.js';
import { diffRuns } from '../../checks/store/diff.js';
import { buildReport } from '../../reports/ferpa/model.js';
import { render } from '../../reports/index.js';

const NOW = new Date('2026-11-22T00:00:00Z');

/** Two roots with the same two buckets, named so that locale order and code-point order disagree. */
function stack(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ferpa-order-'));
  const tf = ['alpha', 'Zeta'].map((n) => `resource "aws_s3_bucket" "${n}" {\n  bucket = "${n.toLowerCase()}-records"\n  tags = { DataClassification = "student-data" }\n}\n`).join('\n');
  for (const root of ['b-root', 'a-root']) {
    mkdirSync(join(dir, root));
    writeFileSync(join(dir, root, 'main.tf'), tf);
  }
  return dir;
}

describe('the finding order', async () => {
  const dir = stack();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const catalog = loadCatalog();
  const config = { profile: defaultProfile(), policyDirs: [], disable: [], waivers: [], attestations: [] };
  const { results } = await scanPaths([join(dir, 'b-root'), join(dir, 'a-root')], { config, catalog, now: NOW, cwd: dir });
  const meta = policyMeta(catalog.policies);
  const ids = (fs: Array<{ id: string }>) => fs.map((f) => f.id);

  it('the scan found both buckets in both roots, with more than one status', () => {
    const addresses = new Set(results.findings.map((f) => f.resource.address));
    expect([...addresses]).toEqual(expect.arrayContaining(['aws_s3_bucket.alpha', 'aws_s3_bucket.Zeta']));
    expect(new Set(results.findings.map((f) => f.input)).size).toBe(2);
    expect(new Set(results.findings.map((f) => f.status)).size).toBeGreaterThan(1);
  });

  it('the results document lists findings worst status first, then by code point: Zeta before alpha, a-root before b-root', () => {
    const statuses = results.findings.map((f) => f.status);
    expect(statuses).toEqual([...statuses].sort((a, b) => STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b)));
    const policy = results.findings[0]!.policyId;
    const same = results.findings.filter((f) => f.policyId === policy && f.status === results.findings[0]!.status);
    expect(same.map((f) => `${f.resource.address} ${f.input}`)).toEqual([
      'aws_s3_bucket.Zeta a-root',
      'aws_s3_bucket.Zeta b-root',
      'aws_s3_bucket.alpha a-root',
      'aws_s3_bucket.alpha b-root',
    ]);
    expect(ids(sortFindings([...results.findings].reverse()))).toEqual(ids(results.findings));
  });

  it('json and sarif list them in that order too', () => {
    expect(ids(JSON.parse(render('json', results, meta)).findings)).toEqual(ids(results.findings));
    const sarif = JSON.parse(render('sarif', results, meta));
    const open = results.findings.filter((f) => f.status !== 'pass');
    expect(sarif.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => Object.values(r.partialFingerprints)[0])).toEqual(ids(open));
  });

  it('the readiness report lists each control’s evidence in that order', () => {
    const report = buildReport([{ results, path: 'r.json', sha256: '0'.repeat(64) }], catalog.framework, meta, { now: NOW, attestations: [] });
    const position = new Map(results.findings.map((f, i) => [f.id, i]));
    let rows = 0;
    for (const c of report.controls) {
      const at = c.evidence.map((e) => position.get(e.findingId)!);
      expect(at, c.id).toEqual([...at].sort((a, b) => a - b));
      rows += at.length;
    }
    expect(rows).toBeGreaterThan(4);
  });

  it('a run-store diff lists new findings in that order', () => {
    const d = diffRuns({ id: 'r0', findings: [] }, { id: 'r1', findings: results.findings });
    const open = results.findings.filter((f) => ['fail', 'error', 'unknown'].includes(f.status));
    expect(d.new.length).toBeGreaterThan(1);
    expect(ids(d.new)).toEqual(ids(open));
  });
});

describe('compareFindingKeys', () => {
  const key = (over: Partial<FindingOrderKey>): FindingOrderKey => ({ status: 'pass', severity: 'info', policyId: 'p', resource: 'r', source: 'hcl', id: 'x', ...over });
  it('status before severity before policy before resource before source before input before id', () => {
    const keys = [
      key({ status: 'pass', severity: 'critical' }),
      key({ status: 'fail', severity: 'info' }),
      key({ status: 'unknown' }),
      key({ status: 'error' }),
      key({ status: 'waived' }),
      key({ severity: 'high', policyId: 'b' }),
      key({ severity: 'high', policyId: 'a', resource: 'z' }),
      key({ severity: 'high', policyId: 'a', resource: 'Z', source: 'plan' }),
      key({ severity: 'high', policyId: 'a', resource: 'Z', source: 'live' }),
      key({ severity: 'high', policyId: 'a', resource: 'Z', source: 'live', input: 'b', id: 'a' }),
      key({ severity: 'high', policyId: 'a', resource: 'Z', source: 'live', input: 'a', id: 'b' }),
    ];
    const order = [...keys].sort(compareFindingKeys).map((k) => keys.indexOf(k));
    expect(order).toEqual([1, 3, 2, 4, 0, 8, 10, 9, 7, 6, 5]);
  });
  it('counts by status in the results summary key order, whatever the input order', () => {
    const fs = [{ status: 'error' }, { status: 'pass' }, { status: 'pass' }, { status: 'bogus' }] as Finding[];
    const c = countByStatus(fs);
    expect(Object.keys(c)).toEqual(['pass', 'fail', 'unknown', 'waived', 'error'] satisfies Array<keyof Results['summary']>);
    expect(c).toEqual({ pass: 2, fail: 0, unknown: 0, waived: 0, error: 1 });
  });
});

describe('sortFindings by buckets', () => {
  // Random findings over every status and severity, policies that share prefixes (`aws-a` < `aws-a-b` < `aws-ab`),
  // resources, sources and inputs: the bucketed sort gives exactly the order of the one comparator.
  const pick = <T>(xs: readonly T[], n: number): T => xs[n % xs.length]!;
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const findings = Array.from({ length: 3000 }, (_, i) => {
    const address = pick(['aws_s3_bucket.b', 'aws_s3_bucket.a', 'aws_db_instance.Z', 'module.m.aws_s3_bucket.a', null], rnd());
    return {
      id: `id-${rnd().toString(16)}-${i}`,
      status: pick(STATUS_ORDER, rnd()),
      severity: pick(['critical', 'high', 'medium', 'low', 'info'] as const, rnd()),
      policyId: pick(['aws-a', 'aws-a-b', 'aws-ab', 'aws-b'], rnd()),
      source: pick(['hcl', 'plan', 'live'], rnd()),
      resource: { kind: 'aws.s3.bucket', address, arn: address ? null : pick(['arn:aws:s3:::x', 'arn:aws:s3:::a'], rnd()) },
      ...(rnd() % 3 === 0 ? { input: pick(['b.json', 'a.json'], rnd()) } : {}),
    } as unknown as Finding;
  });
  const key = (f: Finding): FindingOrderKey => ({ status: f.status, severity: f.severity, policyId: f.policyId, resource: f.resource.address ?? f.resource.arn ?? f.resource.kind, source: f.source, input: f.input, id: f.id });
  const expected = [...findings].sort((a, b) => compareFindingKeys(key(a), key(b))).map((f) => f.id);

  it('equals the comparator sort on shuffled input, and on input already in order', () => {
    expect(sortFindings(findings).map((f) => f.id)).toEqual(expected);
    const ordered = [...findings].sort((a, b) => compareFindingKeys(key(a), key(b)));
    expect(sortFindings(ordered).map((f) => f.id)).toEqual(expected);
    // each bucket in order already, the buckets not: the per-bucket fast path still gives the whole order
    expect(sortFindings([...ordered].reverse().sort((a, b) => (a.policyId < b.policyId ? 1 : a.policyId > b.policyId ? -1 : 0)).reverse()).map((f) => f.id)).toEqual(expected);
  });

  it('leaves its argument as it was', () => {
    const before = findings.map((f) => f.id);
    sortFindings(findings);
    expect(findings.map((f) => f.id)).toEqual(before);
  });
});
