import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding, Results, Status } from '../../checks/engine/types.js';
import { findingId } from '../../checks/engine/run.js';

export function tempDir(tag = 'store'): string {
  return mkdtempSync(join(tmpdir(), `ferpa-ready-${tag}-`));
}

/** A finding for `policy` on the plan resource `address`, with the engine's own stable id. */
export function finding(policy: string, address: string, status: Status, extra: Partial<Finding> = {}): Finding {
  return {
    id: findingId(policy, { id: address, source: 'plan' }),
    policyId: policy,
    status,
    severity: 'high',
    category: 'encryption',
    controls: [],
    resource: { kind: 'aws.s3.bucket', address, arn: null, file: 'plan.json', line: null },
    message: `${policy} ${status} on ${address}`,
    evidence: {},
    source: 'plan',
    ...extra,
  };
}

/** A results document with these findings at this time. */
export function results(findings: Finding[], time = '2026-11-22T00:00:00Z', input = 'plan.json'): Results {
  const summary = { pass: 0, fail: 0, unknown: 0, waived: 0, error: 0 };
  for (const f of findings) summary[f.status]++;
  return {
    schemaVersion: '1',
    tool: { name: 'ferpa-ready', version: '0.1.0', catalogVersion: 'test' },
    generatedAt: time,
    inputs: [{ kind: 'plan', path: input, sha256: 'a'.repeat(64) }],
    findings,
    summary,
  };
}

/** The n-th of a series of distinct runs (different time and findings). */
export function nthResults(n: number): Results {
  return results(
    [finding('s3-encrypted', `aws_s3_bucket.b${n}`, n % 2 ? 'fail' : 'pass'), finding('rds-encrypted', 'aws_db_instance.main', 'pass')],
    new Date(Date.UTC(2026, 10, 1 + n)).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  );
}
