import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { Finding } from '../../checks/engine/types.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';
import { seedFilesStreams, type SeededFilesStreams } from './seed-files-streams.js';

/**
 * The files-streams collectors (FSx, Amazon MQ, Transfer Family, MSK) against moto: each service seeded with a
 * compliant resource and a broken one, collected through the SDK and judged by the catalog. moto 5 answers MSK's
 * ListClustersV2 with creation times the SDK cannot parse, so there the list fails and the MSK policies report error.
 */
const REGION = 'us-east-1';
let moto: Moto;
let seeded: SeededFilesStreams;
let snapshot: Snapshot;
let findings: Finding[];

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const cfg = (region: string) => ({ region, endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  const key = (await new KMSClient(cfg(REGION)).send(new CreateKeyCommand({ Description: 'student data' }))).KeyMetadata!;
  seeded = await seedFilesStreams(cfg, REGION, key.Arn!);
  snapshot = await collectSnapshot({ regions: [REGION], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2, now: () => new Date('2026-01-15T12:00:00Z') });
  findings = evaluateSnapshot(snapshot);
});

afterAll(async () => {
  await moto?.stop();
});

const record = (arn: string) => snapshot.resources.find((r) => r.arn === arn);

describe('FSx file systems collected from moto', () => {
  it('reads each file system with its type, key and tags', () => {
    const good = record(seeded.goodFileSystem)!;
    expect(good.type).toBe('AWS::FSx::FileSystem');
    expect(good.data).toMatchObject({ FileSystemType: 'WINDOWS', tags: { DataClassification: 'student-data' } });
    expect(good.data.KmsKeyId).toBeTruthy();
    expect(record(seeded.badFileSystem)!.data).toMatchObject({ FileSystemType: 'LUSTRE', LustreConfiguration: { DeploymentType: 'SCRATCH_2' } });
  });

  it('aws-fsx-file-system-cmk: the file system under the customer-managed key passes, the scratch one without a key fails', () => {
    expect(statusAt(findings, 'aws-fsx-file-system-cmk', seeded.goodFileSystem)).toBe('pass');
    expect(statusAt(findings, 'aws-fsx-file-system-cmk', seeded.badFileSystem)).toBe('fail');
  });

  it('aws-fsx-windows-file-system-audit-logging: the auditing Windows file system passes; the Lustre one is not judged', () => {
    expect(statusAt(findings, 'aws-fsx-windows-file-system-audit-logging', seeded.goodFileSystem)).toBe('pass');
    expect(findings.filter((f) => f.policyId === 'aws-fsx-windows-file-system-audit-logging' && f.resource.arn === seeded.badFileSystem)).toEqual([]);
  });
});

describe('Amazon MQ brokers collected from moto', () => {
  it('describes each broker and keeps no user password', () => {
    const good = record(seeded.goodBroker)!;
    expect(good.type).toBe('AWS::AmazonMQ::Broker');
    expect(good.errors).toBeUndefined();
    expect(good.data).toMatchObject({ BrokerName: 'sis-queue', broker: { PubliclyAccessible: false, Tags: { DataClassification: 'student-data' } } });
    expect(JSON.stringify(snapshot)).not.toContain('not-a-real-password-1');
  });

  it.each([['aws-mq-broker-not-public'], ['aws-mq-broker-logging']])('%s: the private logging broker passes, the public one without logs fails', (policy) => {
    expect(statusAt(findings, policy, seeded.goodBroker)).toBe('pass');
    expect(statusAt(findings, policy, seeded.badBroker)).toBe('fail');
  });
});

describe('Transfer Family servers collected from moto', () => {
  it('describes each server with its protocols and tags as an object', () => {
    const bad = record(seeded.badServer)!;
    expect(bad.type).toBe('AWS::Transfer::Server');
    expect(bad.data).toMatchObject({ server: { Protocols: ['SFTP', 'FTP'], Tags: { DataClassification: 'student-data' } } });
  });

  it.each([['aws-transfer-server-no-plain-ftp'], ['aws-transfer-server-logging']])('%s: the logging SFTP server passes, the one offering FTP without logs fails', (policy) => {
    expect(statusAt(findings, policy, seeded.goodServer)).toBe('pass');
    expect(statusAt(findings, policy, seeded.badServer)).toBe('fail');
  });
});

describe('MSK against moto (a moto gap)', () => {
  it('records the failed ListClustersV2 and reports error, never pass, for every MSK policy', () => {
    expect(record(seeded.cluster)).toBeUndefined();
    for (const policy of ['aws-msk-cluster-cmk', 'aws-msk-cluster-encryption-in-transit', 'aws-msk-serverless-cluster-iam-auth']) {
      const own = findings.filter((f) => f.policyId === policy);
      expect(own.length, policy).toBeGreaterThan(0);
      expect(own.every((f) => f.status === 'error'), policy).toBe(true);
      expect(own[0]!.message).toContain('kafka:ListClustersV2');
    }
  });
});
