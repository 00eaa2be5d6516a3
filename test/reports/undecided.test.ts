import { describe, expect, it } from 'vitest';
import type { Finding } from '../../checks/engine/types.js';
import { undecided, undecidedLine } from '../../reports/undecided.js';
import { finding } from './sample.js';

const err = (n: number, message: string, region: string | null = 'us-east-1'): Finding[] =>
  Array.from({ length: n }, (_, i) => finding({ policyId: `p-${i}`, status: 'error', arn: `arn:x:${i}`, source: 'live', region, message }));

describe('checks that could not be decided', () => {
  const findings = [
    ...err(30, 'arn:aws:unlisted:us-east-1:1:aws.rds.instance: could not be read: rds:DescribeDBInstances failed (AccessDenied): not authorized; the aws.rds.instance resources of us-east-1 could not be listed'),
    ...err(2, 'arn:aws:s3:::b: could not be read: s3:GetEncryptionConfiguration failed (AccessDenied): Access Denied; s3:GetBucketVersioning failed (Throttling): slow down', null),
    ...err(1, 'arn:x: could not be read: unknown code check foo'),
    finding({ policyId: 'ok', status: 'pass', address: 'a' }),
    finding({ policyId: 'bad', status: 'fail', address: 'b' }),
  ];

  it('groups error findings by failed call, code and region, most frequent first, and names the services', () => {
    const u = undecided(findings);
    expect(u.count).toBe(33);
    expect(u.reasons).toEqual([
      { reason: 'AccessDenied on rds:DescribeDBInstances (us-east-1)', count: 30 },
      { reason: 'AccessDenied on s3:GetEncryptionConfiguration', count: 2 },
      { reason: 'Throttling on s3:GetBucketVersioning', count: 2 },
      { reason: 'unknown code check foo (us-east-1)', count: 1 },
    ]);
    expect(u.services).toEqual(['rds', 's3']);
  });

  it('says it in one line, capped, and nothing when every check was decided', () => {
    expect(undecidedLine(findings, 2)).toBe('33 checks could not be decided: AccessDenied on rds:DescribeDBInstances (us-east-1) ×30, AccessDenied on s3:GetEncryptionConfiguration ×2, 2 more reasons; services with failed reads: rds, s3');
    expect(undecidedLine(err(1, 'x: could not be read: kms:ListKeys failed (Timeout)'))).toBe('1 check could not be decided: Timeout on kms:ListKeys (us-east-1) ×1; services with failed reads: kms');
    expect(undecidedLine(findings.filter((f) => f.status !== 'error'))).toBeNull();
  });
});
