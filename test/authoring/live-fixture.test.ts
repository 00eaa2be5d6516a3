import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adaptSnapshot } from '../../checks/adapters/live/index.js';
import { expandCompactLive, readLiveFixture } from '../../checks/authoring/live-fixture.js';
import { InputError } from '../../checks/errors.js';
import { readSnapshot, validateSnapshot } from '../../checks/sources/live/snapshot.js';

const KEY = 'arn:aws:kms:us-west-2:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('a compact live fixture expands into a snapshot as the collectors write it', () => {
  const snap = expandCompactLive(
    {
      accountSettings: { 'us-east-1': { ebsEncryptionByDefault: false }, global: { data: { s3AccountPublicAccessBlock: null }, errors: { iamAccountSummary: { code: 'AccessDenied', message: 'denied', call: 'iam:GetAccountSummary' } } } },
      resources: {
        'AWS::RDS::DBCluster': [{ arn: 'arn:aws:rds:us-east-1:111122223333:cluster:sis', data: { DBClusterIdentifier: 'sis', CopyTagsToSnapshot: false } }],
        'AWS::KMS::Key': [{ arn: KEY, data: { KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab', KeyManager: 'CUSTOMER' }, errors: { rotation: { code: 'AccessDenied', message: 'no', call: 'kms:GetKeyRotationStatus' } } }],
        'AWS::IAM::Role': [{ arn: 'arn:aws:iam::111122223333:role/app', data: { RoleName: 'app' } }],
        'AWS::S3::Bucket': [{ arn: 'arn:aws:s3:::sis-exports', data: { Name: 'sis-exports' } }],
      },
    },
    'live.yaml',
  );

  it('is valid against the published snapshot schema', () => {
    expect(validateSnapshot(JSON.parse(JSON.stringify(snap)), 'x')).toBeTruthy();
    expect(snap.snapshotVersion).toBe('1');
    expect(snap.account).toEqual({ id: '111122223333', partition: 'aws', callerArn: 'arn:aws:sts::111122223333:assumed-role/ferpa-audit/ferpa-ready-audit' });
    expect(snap.calls).toEqual([]);
    expect(snap.errors).toEqual([]);
  });

  it('takes region and account from the ARN, global for IAM, the first region for S3', () => {
    const by = new Map(snap.resources.map((r) => [r.type, r]));
    expect(by.get('AWS::KMS::Key')).toMatchObject({ region: 'us-west-2', account: '444455556666' });
    expect(by.get('AWS::KMS::Key')!.errors!.rotation!.code).toBe('AccessDenied');
    expect(by.get('AWS::IAM::Role')).toMatchObject({ region: 'global', account: '111122223333' });
    expect(by.get('AWS::S3::Bucket')).toMatchObject({ region: 'us-east-1', account: '111122223333' });
    expect(snap.regions).toEqual(['us-east-1', 'us-west-2']);
  });

  it('account settings: data per region, or data with errors', () => {
    expect(snap.accountSettings).toEqual([
      { region: 'us-east-1', data: { ebsEncryptionByDefault: false } },
      { region: 'global', data: { s3AccountPublicAccessBlock: null }, errors: { iamAccountSummary: { code: 'AccessDenied', message: 'denied', call: 'iam:GetAccountSummary' } } },
    ]);
  });

  it('the live adapter reads it into the model kinds of its records', () => {
    const kinds = adaptSnapshot(snap, 'live.yaml').map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['aws.rds.cluster', 'aws.kms.key', 'aws.iam.role', 'aws.s3.bucket']));
    const cluster = adaptSnapshot(snap, 'live.yaml').find((r) => r.kind === 'aws.rds.cluster')!;
    expect(cluster.attrs.copyTagsToSnapshot!.value).toBe(false);
  });

  it('an expanded file is what `scan` reads as a snapshot', () => {
    const dir = mkdtempSync(join(tmpdir(), 'frlivefx-'));
    writeFileSync(join(dir, 'live.yaml'), 'regions: [us-east-1]\nresources:\n  AWS::Logs::LogGroup:\n    - arn: "arn:aws:logs:us-east-1:111122223333:log-group:/app"\n      data: { logGroupName: /app, retentionInDays: 30 }\n');
    const out = join(dir, 'live.json');
    writeFileSync(out, JSON.stringify(readLiveFixture(join(dir, 'live.yaml'))));
    expect(readSnapshot(out).resources[0]!.type).toBe('AWS::Logs::LogGroup');
  });

  it('an empty file is an empty account', () => {
    expect(expandCompactLive(null, 'live.yaml').resources).toEqual([]);
  });
});

describe('a broken compact live fixture is one line naming the field', () => {
  it.each([
    ['unknown field', { resourcez: {} }, /unknown field "resourcez"/],
    ['not a snapshot type', { resources: { 'RDS::DBInstance': [] } }, /\/resources/],
    ['no ARN', { resources: { 'AWS::KMS::Key': [{ data: {} }] } }, /\/resources\/AWS::KMS::Key\/0: must have required property 'arn'/],
    ['not an ARN', { resources: { 'AWS::KMS::Key': [{ arn: 'arn:aws:kms', data: {} }] } }, /is not an ARN/],
    ['duplicate', { resources: { 'AWS::KMS::Key': [{ arn: KEY, data: {} }, { arn: KEY, data: {} }] } }, /\/resources\/AWS::KMS::Key\/1\/arn: duplicate record/],
    ['bad account', { account: '12' }, /\/account/],
    ['snapshot-invalid region', { regions: ['mars'] }, /invalid snapshot: \/regions\/0/],
  ])('%s', (_n, doc, re) => {
    let err: unknown;
    try {
      expandCompactLive(doc, 'live.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(re);
    expect((err as Error).message).not.toContain('\n');
  });
});
