import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import { iamAction } from '../../checks/sources/live/collect/context.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/**
 * org slice (issue 14, wave 4): the S3 directory bucket collector against moto. moto 5 answers
 * ListDirectoryBuckets but cannot create a directory bucket (CreateBucket with a Directory configuration answers
 * NoSuchBucket), so the emulator shows the listing and its IAM action; the fixtures of
 * aws-s3-directory-bucket-sse-kms show the verdicts on listed buckets.
 */
const REGION = 'us-east-1';
let moto: Moto;
let snapshot: Snapshot;

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  snapshot = await collectSnapshot({ regions: [REGION], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2 });
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
