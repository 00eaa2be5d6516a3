import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { loadContext } from '../../checks/cli/context.js';
import { scanPaths } from '../../checks/pipeline/scan.js';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { Finding } from '../../checks/engine/types.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';
import { seedLedgers, type SeededLedgers } from './seed-ledgers.js';

/**
 * The ledgers slice's collectors against moto: each service moto implements seeded with a compliant resource and
 * a broken one, collected through the SDK and judged by the catalog; the services moto lacks give `error`.
 */
const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
let moto: Moto;
let seeded: SeededLedgers;
let snapshot: Snapshot;
let findings: Finding[];

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const cfg = (region: string) => ({ region, endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  const key = (await new KMSClient(cfg(REGION)).send(new CreateKeyCommand({ Description: 'student data' }))).KeyMetadata!;
  seeded = await seedLedgers(cfg, REGION, ACCOUNT, key.Arn!);
  snapshot = await collectSnapshot({ regions: [REGION], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2, now: () => new Date('2026-01-15T12:00:00Z') });
  findings = evaluateSnapshot(snapshot);
});

afterAll(async () => {
  await moto?.stop();
});

const record = (arn: string) => snapshot.resources.find((r) => r.arn === arn);

describe('DAX collected from moto', () => {
  it('reads each cluster with its encryption settings and tags', () => {
    const good = record(seeded.goodDax)!;
    expect(good.type).toBe('AWS::DAX::Cluster');
    expect(good.errors).toBeUndefined();
    expect(good.data).toMatchObject({ ClusterName: 'sis-sessions', SSEDescription: { Status: 'ENABLED' }, ClusterEndpointEncryptionType: 'TLS', tags: { DataClassification: 'student-data' } });
  });

  it.each([['aws-dax-cluster-encrypted-at-rest'], ['aws-dax-cluster-tls-endpoint']])('%s: the compliant cluster passes, the bare one fails', (policy) => {
    expect(statusAt(findings, policy, seeded.goodDax)).toBe('pass');
    expect(statusAt(findings, policy, seeded.badDax)).toBe('fail');
  });
});

describe('Aurora global databases collected from moto', () => {
  it('reads them once, account-wide, with region global', () => {
    const good = record(seeded.goodGlobal)!;
    expect(good.type).toBe('AWS::RDS::GlobalCluster');
    expect(good.region).toBe('global');
    expect(good.data).toMatchObject({ GlobalClusterIdentifier: 'sis-global', StorageEncrypted: true });
    expect(snapshot.resources.filter((r) => r.type === 'AWS::RDS::GlobalCluster')).toHaveLength(2);
  });

  it('aws-rds-global-cluster-storage-encrypted: the encrypted one passes, the other fails', () => {
    expect(statusAt(findings, 'aws-rds-global-cluster-storage-encrypted', seeded.goodGlobal)).toBe('pass');
    expect(statusAt(findings, 'aws-rds-global-cluster-storage-encrypted', seeded.badGlobal)).toBe('fail');
  });

  it('aws-rds-global-cluster-deletion-protection: the protected one passes, the other fails', () => {
    expect(statusAt(findings, 'aws-rds-global-cluster-deletion-protection', seeded.goodGlobal)).toBe('pass');
    expect(statusAt(findings, 'aws-rds-global-cluster-deletion-protection', seeded.badGlobal)).toBe('fail');
  });
});

describe('Timestream collected from moto', () => {
  it('reads databases with their key and tables with their database, both with tags', () => {
    expect(record(seeded.goodTimestreamDb)!.data).toMatchObject({ DatabaseName: 'sis-activity', tags: { DataClassification: 'student-data' } });
    expect(record(seeded.goodTimestreamTable)!.data).toMatchObject({ TableName: 'logins', DatabaseName: 'sis-activity', tags: { DataClassification: 'student-data' } });
  });

  it('the database under the customer-managed key passes, and so does its table', () => {
    expect(statusAt(findings, 'aws-timestream-database-cmk', seeded.goodTimestreamDb)).toBe('pass');
    expect(statusAt(findings, 'aws-timestream-table-cmk', seeded.goodTimestreamTable)).toBe('pass');
  });

  // moto gives a database created without a key the made-up key ARN .../key/default_key, which no KMS listing
  // has: who manages it is not known, so neither the database nor its table passes. Against AWS the key is the
  // listed AWS managed key and both fail (the live fixtures of both policies prove that path).
  it('the database under moto\'s unlisted default key, and its table, are unknown, never pass', () => {
    expect(statusAt(findings, 'aws-timestream-database-cmk', seeded.badTimestreamDb)).toBe('unknown');
    expect(statusAt(findings, 'aws-timestream-table-cmk', seeded.badTimestreamTable)).toBe('unknown');
  });
});

describe('services moto does not implement', () => {
  it.each(['aws-elasticache-serverless-cache-cmk', 'aws-elasticache-serverless-cache-access-control'])('ElastiCache serverless caches: the failed DescribeServerlessCaches is recorded and %s reports error', (policy) => {
    expect(snapshot.errors.some((e) => e.region === REGION && e.resourceTypes.includes('AWS::ElastiCache::ServerlessCache'))).toBe(true);
    const f = findings.filter((x) => x.policyId === policy);
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => x.status === 'error')).toBe(true);
  });

  it.each([
    ['aws-qldb-ledger-cmk', 'AWS::QLDB::Ledger'],
    ['aws-qldb-ledger-deletion-protection', 'AWS::QLDB::Ledger'],
    ['aws-keyspaces-table-cmk', 'AWS::Cassandra::Table'],
    ['aws-keyspaces-table-point-in-time-recovery', 'AWS::Cassandra::Table'],
    ['aws-keyspaces-keyspace-tables-cmk', 'AWS::Cassandra::Keyspace'],
  ])('%s: the failed list of %s is recorded and the policy reports error, never pass', (policy, type) => {
    expect(snapshot.errors.some((e) => e.region === REGION && e.resourceTypes.includes(type))).toBe(true);
    const f = findings.filter((x) => x.policyId === policy);
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => x.status === 'error')).toBe(true);
  });
});

describe('the ledgers data stores are evaluated', () => {
  it('a scan of the snapshot reports every seeded store as evaluated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledgers-live-'));
    const file = join(dir, 'snapshot.json');
    writeFileSync(file, JSON.stringify(snapshot));
    const { config, catalog } = loadContext({});
    const scanned = (await scanPaths([file], { config, catalog, now: new Date('2026-01-15T12:00:00Z') })).results.findings;
    const all = Object.values(seeded);
    const evaluated = scanned.filter((f) => f.policyId === 'aws-data-store-evaluated' && all.includes(f.resource.arn ?? ''));
    expect(evaluated.map((f) => `${f.resource.arn} ${f.status}`).sort()).toEqual(all.map((a) => `${a} pass`).sort());
  });
});
