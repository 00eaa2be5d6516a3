import { describe, expect, it } from 'vitest';
import { applyWaivers } from '../../checks/engine/waivers.js';
import type { Finding } from '../../checks/engine/types.js';

function finding(status: Finding['status'], address: string, policyId = 'aws-rds-instance-storage-encrypted'): Finding {
  return {
    id: `${policyId}:${address}`,
    policyId,
    status,
    severity: 'high',
    category: 'encryption',
    controls: ['FERPA-ENC-01'],
    resource: { kind: 'aws.rds.instance', address, arn: null, file: 'main.tf', line: 3 },
    message: 'm',
    evidence: {},
    source: 'hcl',
  };
}

describe('waivers', () => {
  const base = { policy: 'aws-rds-instance-storage-encrypted', reason: 'migrating in Q1', owner: 'platform@example.com' };
  it('a live waiver turns a failing finding into waived and keeps the waiver', () => {
    const f = [finding('fail', 'aws_db_instance.legacy'), finding('fail', 'aws_db_instance.other')];
    const d = applyWaivers(f, [{ ...base, resource: 'aws_db_instance.legacy', expires: '2027-01-31' }], '2026-11-22');
    expect(f[0]!.status).toBe('waived');
    expect(f[0]!.waiver).toMatchObject({ owner: 'platform@example.com', expired: false });
    expect(f[1]!.status).toBe('fail');
    expect(d).toHaveLength(0);
  });
  it('an expired waiver re-opens the finding and is reported', () => {
    const f = [finding('fail', 'aws_db_instance.legacy')];
    const d = applyWaivers(f, [{ ...base, resource: 'aws_db_instance.legacy', expires: '2026-11-21' }], '2026-11-22');
    expect(f[0]!.status).toBe('fail');
    expect(f[0]!.waiver?.expired).toBe(true);
    expect(d[0]!.message).toMatch(/expired on 2026-11-21/);
  });
  it('a malformed waiver waives nothing and is reported', () => {
    const f = [finding('fail', 'aws_db_instance.legacy')];
    const d = applyWaivers(f, [{ policy: base.policy, resource: 'aws_db_instance.legacy', reason: '', owner: 'x', expires: '2027-01-01' }], '2026-11-22');
    expect(f[0]!.status).toBe('fail');
    expect(d[0]!.message).toMatch(/no reason/);
    const g = [finding('fail', 'aws_db_instance.legacy')];
    applyWaivers(g, [{ ...base, expires: '2027-02-30' }], '2026-11-22');
    expect(g[0]!.status).toBe('fail');
  });
  it('globs match addresses; passes are never waived', () => {
    const f = [finding('fail', 'module.db.aws_db_instance.a[0]'), finding('pass', 'module.db.aws_db_instance.b')];
    applyWaivers(f, [{ ...base, resource: 'module.db.*', expires: '2027-01-01' }], '2026-11-22');
    expect(f[0]!.status).toBe('waived');
    expect(f[1]!.status).toBe('pass');
    expect(f[1]!.waiver).toBeUndefined();
  });
});
