import { describe, expect, it } from 'vitest';
import { expandCompactLive } from '../../checks/authoring/live-fixture.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';

// A live resource names a KMS key no KMS listing of the snapshot shows (another account's key, or a
// region the audit did not read): who manages that key is not known, so a CMK policy is unknown, never
// fail (nor pass). A listed customer-managed key passes and a listed AWS-managed key fails.
const OTHER = 'arn:aws:kms:us-east-1:444455556666:key/7d1e0c5a-2b3f-4c6d-8e9f-0a1b2c3d4e5f';
const OWN = 'arn:aws:kms:us-east-1:111122223333:key/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const cluster = (name: string, key: string) => ({ arn: `arn:aws:memorydb:us-east-1:111122223333:cluster/${name}`, data: { Name: name, ARN: `arn:aws:memorydb:us-east-1:111122223333:cluster/${name}`, KmsKeyId: key, TLSEnabled: true, tags: { DataClassification: 'student-data' } } });
const key = (arn: string, manager: 'CUSTOMER' | 'AWS') => ({ arn, data: { KeyId: arn.split('/').pop(), Arn: arn, KeyManager: manager, KeyState: 'Enabled', KeySpec: 'SYMMETRIC_DEFAULT', KeyRotationEnabled: true } });

describe('a CMK policy on a key the snapshot does not list', () => {
  it('is unknown; listed keys decide', () => {
    const snap = expandCompactLive({ resources: { 'AWS::MemoryDB::Cluster': [cluster('foreign', OTHER), cluster('own', OWN)], 'AWS::KMS::Key': [key(OWN, 'CUSTOMER')] } }, 'live.yaml');
    const f = evaluateSnapshot(snap);
    expect(statusAt(f, 'aws-memorydb-cluster-cmk', cluster('foreign', OTHER).arn)).toBe('unknown');
    expect(statusAt(f, 'aws-memorydb-cluster-cmk', cluster('own', OWN).arn)).toBe('pass');
    const managed = expandCompactLive({ resources: { 'AWS::MemoryDB::Cluster': [cluster('managed', OWN)], 'AWS::KMS::Key': [key(OWN, 'AWS')] } }, 'live.yaml');
    expect(statusAt(evaluateSnapshot(managed), 'aws-memorydb-cluster-cmk', cluster('managed', OWN).arn)).toBe('fail');
  });
});
