import { CreateVaultCommand, GlacierClient } from '@aws-sdk/client-glacier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import { iamAction } from '../../checks/sources/live/collect/context.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { Finding } from '../../checks/engine/types.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/**
 * org slice (issue 14, wave 4): the S3 directory bucket and S3 Glacier vault collectors against moto. moto 5 answers
 * ListDirectoryBuckets but cannot create a directory bucket (CreateBucket with a Directory configuration answers
 * NoSuchBucket), so the emulator shows the listing and its IAM action; the fixtures of
 * aws-s3-directory-bucket-sse-kms show the verdicts on listed buckets. moto lists Glacier vaults but answers
 * GetVaultAccessPolicy and ListTagsForVault with its HTML 404 page: the vault's policy verdict is `error`, never a
 * pass (the fixtures of aws-glacier-vault-no-public-policy show pass and fail).
 */
const REGION = 'us-east-1';
let moto: Moto;
let snapshot: Snapshot;
let findings: Finding[];

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const glacier = new GlacierClient({ region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  await glacier.send(new CreateVaultCommand({ accountId: '-', vaultName: 'sis-records-archive' }));
  snapshot = await collectSnapshot({ regions: [REGION], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2 });
  findings = evaluateSnapshot(snapshot);
}, 120_000);

afterAll(async () => {
  await moto?.stop();
});

describe('S3 directory buckets', () => {
  it('are listed in each audited region under the s3express action, not as general-purpose buckets', () => {
    const calls = snapshot.calls.filter((c) => c.service === 's3express');
    expect(calls.map((c) => `${c.operation} ${c.region} ${c.ok}`)).toEqual([`ListAllMyDirectoryBuckets ${REGION} true`]);
    expect(snapshot.errors.filter((e) => e.resourceTypes.includes('AWS::S3Express::DirectoryBucket'))).toEqual([]);
    expect(snapshot.resources.filter((r) => r.type === 'AWS::S3Express::DirectoryBucket')).toEqual([]);
  });

  it('names the s3express action for a directory bucket and the s3 action for any other bucket', () => {
    expect(iamAction('S3Client', 'GetBucketEncryptionCommand', 'sis-exports--use1-az4--x-s3')).toBe('s3express:GetEncryptionConfiguration');
    expect(iamAction('S3Client', 'GetBucketEncryptionCommand', 'sis-exports')).toBe('s3:GetEncryptionConfiguration');
    expect(iamAction('S3Client', 'ListDirectoryBucketsCommand')).toBe('s3express:ListAllMyDirectoryBuckets');
  });
});

describe('S3 Glacier vaults', () => {
  it('are listed with their access policy and tags facets; what moto does not answer is a recorded error', () => {
    const vaults = snapshot.resources.filter((r) => r.type === 'AWS::Glacier::Vault');
    expect(vaults.map((r) => r.data.VaultName)).toEqual(['sis-records-archive']);
    const vault = vaults[0]!;
    expect(vault.arn).toBe(`arn:aws:glacier:${REGION}:123456789012:vaults/sis-records-archive`);
    expect(vault.errors?.accessPolicy).toMatchObject({ call: 'glacier:GetVaultAccessPolicy' });
    expect(vault.errors?.tags).toMatchObject({ call: 'glacier:ListTagsForVault' });
    const calls = new Set(snapshot.calls.filter((c) => c.service === 'glacier').map((c) => `${c.operation} ${c.ok}`));
    expect([...calls].sort()).toEqual(['GetVaultAccessPolicy false', 'ListTagsForVault false', 'ListVaults true']);
  });

  it('gives the access-policy verdict error, never a pass, when the policy could not be read', () => {
    expect(statusAt(findings, 'aws-glacier-vault-no-public-policy', `arn:aws:glacier:${REGION}:123456789012:vaults/sis-records-archive`)).toBe('error');
  });
});
