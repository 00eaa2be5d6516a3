import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { Finding } from '../../checks/engine/types.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';
import { seedPipes, type SeededPipes } from './seed-pipes.js';

/**
 * The pipes slice's collectors (Kinesis, Firehose, EKS) against moto: each service seeded with a compliant resource
 * and a broken one, collected through the SDK and judged by the catalog.
 */
const REGION = 'us-east-1';
let moto: Moto;
let seeded: SeededPipes;
let snapshot: Snapshot;
let findings: Finding[];

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const cfg = (region: string) => ({ region, endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  const key = (await new KMSClient(cfg(REGION)).send(new CreateKeyCommand({ Description: 'student data' }))).KeyMetadata!;
  seeded = await seedPipes(cfg, REGION, key.Arn!);
  snapshot = await collectSnapshot({ regions: [REGION], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2, now: () => new Date('2026-01-15T12:00:00Z') });
  findings = evaluateSnapshot(snapshot);
});

afterAll(async () => {
  await moto?.stop();
});

const record = (arn: string) => snapshot.resources.find((r) => r.arn === arn)!;

describe('Kinesis data streams collected from moto', () => {
  it('reads each stream with its summary and tags', () => {
    const good = record(seeded.goodStream);
    expect(good.type).toBe('AWS::Kinesis::Stream');
    expect(good.errors).toBeUndefined();
    expect(good.data).toMatchObject({ StreamName: 'attendance-events-good', StreamDescriptionSummary: { EncryptionType: 'KMS' }, tags: { DataClassification: 'student-data' } });
  });

  it('aws-kinesis-stream-encrypted: the encrypted stream passes, the other fails', () => {
    expect(statusAt(findings, 'aws-kinesis-stream-encrypted', seeded.goodStream)).toBe('pass');
    expect(statusAt(findings, 'aws-kinesis-stream-encrypted', seeded.badStream)).toBe('fail');
  });
});

describe('Firehose delivery streams collected from moto', () => {
  it('reads each delivery stream with its description and tags', () => {
    const good = record(seeded.goodDelivery);
    expect(good.type).toBe('AWS::KinesisFirehose::DeliveryStream');
    expect(good.errors).toBeUndefined();
    expect(good.data).toMatchObject({ DeliveryStreamName: 'roster-to-lake-good', DeliveryStreamDescription: { DeliveryStreamEncryptionConfiguration: { Status: 'ENABLED' } }, tags: { DataClassification: 'student-data' } });
  });

  it.each([
    ['aws-firehose-delivery-stream-encrypted', 'goodDelivery', 'pass', 'badDelivery', 'fail'],
    // The bad stream writes to a bucket without SSE-KMS and names no key of its own.
    ['aws-firehose-s3-destination-encrypted', 'goodDelivery', 'pass', 'badDelivery', 'fail'],
    ['aws-firehose-http-endpoint-https', 'goodVendor', 'pass', 'badVendor', 'fail'],
  ] as const)('%s: %s %s, %s %s', (policy, good, goodStatus, bad, badStatus) => {
    expect(statusAt(findings, policy, seeded[good])).toBe(goodStatus);
    expect(statusAt(findings, policy, seeded[bad])).toBe(badStatus);
  });

  it('does not judge a stream to S3 by the HTTP endpoint policy', () => {
    expect(findings.some((f) => f.policyId === 'aws-firehose-http-endpoint-https' && f.resource.arn === seeded.goodDelivery)).toBe(false);
  });
});

describe('EKS clusters collected from moto', () => {
  it('reads each cluster as DescribeCluster answers', () => {
    const good = record(seeded.goodCluster);
    expect(good.type).toBe('AWS::EKS::Cluster');
    expect(good.errors).toBeUndefined();
    expect(good.data).toMatchObject({ name: 'workers-good', cluster: { name: 'workers-good', tags: { DataClassification: 'student-data' } } });
  });

  it.each([
    ['aws-eks-secrets-encrypted-cmk', 'pass', 'fail'],
    ['aws-eks-endpoint-restricted', 'pass', 'fail'],
    ['aws-eks-control-plane-audit-logs', 'pass', 'fail'],
  ])('%s: the compliant cluster %s, the broken one %s', (policy, good, bad) => {
    expect(statusAt(findings, policy, seeded.goodCluster)).toBe(good);
    expect(statusAt(findings, policy, seeded.badCluster)).toBe(bad);
  });
});

describe('Athena workgroups collected from moto', () => {
  it('reads each workgroup with its configuration and tags, the primary one included', () => {
    const good = record(seeded.goodWorkgroup);
    expect(good.type).toBe('AWS::Athena::WorkGroup');
    expect(good.errors).toBeUndefined();
    expect(good.data).toMatchObject({ Name: 'analysts-good', WorkGroup: { Configuration: { EnforceWorkGroupConfiguration: true } }, tags: { DataClassification: 'student-data' } });
    expect(snapshot.resources.some((r) => r.arn === `arn:aws:athena:${REGION}:123456789012:workgroup/primary`)).toBe(true);
  });

  it.each([
    ['aws-athena-workgroup-results-encrypted', 'pass', 'fail'],
    ['aws-athena-workgroup-configuration-enforced', 'pass', 'fail'],
  ])('%s: the compliant workgroup %s, the broken one %s', (policy, good, bad) => {
    expect(statusAt(findings, policy, seeded.goodWorkgroup)).toBe(good);
    expect(statusAt(findings, policy, seeded.badWorkgroup)).toBe(bad);
  });
});

describe('the Glue Data Catalog collected from moto', () => {
  // The seed leaves the catalog as every account starts: no encryption configured.
  const catalog = `arn:aws:glue:${REGION}:123456789012:catalog`;

  it('reads the encryption settings once per region', () => {
    const recs = snapshot.resources.filter((r) => r.type === 'AWS::Glue::DataCatalogEncryptionSettings');
    expect(recs.map((r) => r.arn)).toEqual([catalog]);
    expect(recs[0]!.errors).toBeUndefined();
  });

  it.each([['aws-glue-data-catalog-encrypted'], ['aws-glue-connection-passwords-encrypted']])('%s: the default settings fail', (policy) => {
    expect(statusAt(findings, policy, catalog)).toBe('fail');
  });
});

describe('SSM parameters collected from moto', () => {
  it('reads each parameter with its metadata and tags, never its value', () => {
    const good = record(seeded.goodParameter);
    expect(good.type).toBe('AWS::SSM::Parameter');
    expect(good.errors).toBeUndefined();
    expect(good.data).toMatchObject({ Name: '/pipes/db-password', Type: 'SecureString', tags: { DataClassification: 'student-data' } });
    expect(JSON.stringify(snapshot)).not.toContain('seed-only-parameter-value');
  });

  it('aws-ssm-parameter-secret-name-secure-string: the SecureString password passes, the String token fails', () => {
    expect(statusAt(findings, 'aws-ssm-parameter-secret-name-secure-string', seeded.goodParameter)).toBe('pass');
    expect(statusAt(findings, 'aws-ssm-parameter-secret-name-secure-string', seeded.plainParameter)).toBe('fail');
  });

  it('aws-ssm-secure-string-cmk: the parameter under the customer key passes, the one under alias/aws/ssm fails, the String is not judged', () => {
    expect(statusAt(findings, 'aws-ssm-secure-string-cmk', seeded.goodParameter)).toBe('pass');
    expect(statusAt(findings, 'aws-ssm-secure-string-cmk', seeded.awsKeyParameter)).toBe('fail');
    expect(findings.some((f) => f.policyId === 'aws-ssm-secure-string-cmk' && f.resource.arn === seeded.plainParameter)).toBe(false);
  });
});

describe('the auditor policy covers the pipes collectors', () => {
  it('allows every call they made, and no call failed', () => {
    const policy = JSON.parse(readFileSync(new URL('../../checks/sources/live/iam-policy.json', import.meta.url), 'utf8')) as { Statement: Array<{ Action: string[] }> };
    const allowed = new Set(policy.Statement.flatMap((s) => s.Action));
    const pipes = snapshot.calls.filter((c) => ['kinesis', 'firehose', 'eks', 'athena', 'glue', 'ssm'].includes(c.service));
    expect(new Set(pipes.map((c) => `${c.service}:${c.operation}`))).toEqual(
      new Set(['kinesis:ListStreams', 'kinesis:DescribeStreamSummary', 'kinesis:ListTagsForStream', 'kinesis:GetResourcePolicy', 'kinesis:ListStreamConsumers', 'firehose:ListDeliveryStreams', 'firehose:DescribeDeliveryStream', 'firehose:ListTagsForDeliveryStream', 'eks:ListClusters', 'eks:DescribeCluster', 'athena:ListWorkGroups', 'athena:GetWorkGroup', 'athena:ListTagsForResource', 'glue:GetDataCatalogEncryptionSettings', 'glue:GetDatabases', 'ssm:DescribeParameters', 'ssm:ListTagsForResource']),
    );
    expect(pipes.filter((c) => !allowed.has(`${c.service}:${c.operation}`))).toEqual([]);
    expect(pipes.filter((c) => !c.ok)).toEqual([]);
  });
});
