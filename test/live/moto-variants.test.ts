import { BackupClient, CreateBackupVaultCommand, CreateLogicallyAirGappedBackupVaultCommand } from '@aws-sdk/client-backup';
import { CreateClusterCommand, CreateClusterSnapshotCommand, RedshiftClient } from '@aws-sdk/client-redshift';
import { CreateDBClusterCommand, CreateDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { Finding } from '../../checks/engine/types.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/**
 * The variants slice (issue 14, wave 4) against moto_server on loopback: Neptune instances read through the RDS
 * API and typed by engine (moto rejects Engine "docdb", so DocumentDB instances are typed by the same switch and
 * tested on their live fixtures). One compliant and one broken resource of each.
 */
const REGION = 'us-east-1';
const STUDENT = [{ Key: 'DataClassification', Value: 'student-data' }];
let moto: Moto;
let snapshot: Snapshot;
let findings: Finding[];
const arns: Record<string, string> = {};

async function seed(endpoint: string): Promise<void> {
  const cfg = { region: REGION, endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  const rds = new RDSClient(cfg);
  await rds.send(new CreateDBClusterCommand({ DBClusterIdentifier: 'graph', Engine: 'neptune', StorageEncrypted: true, Tags: STUDENT }));
  for (const [role, open] of [
    ['privateGraph', false],
    ['publicGraph', true],
  ] as const) {
    const out = await rds.send(new CreateDBInstanceCommand({ DBInstanceIdentifier: role.toLowerCase(), DBClusterIdentifier: 'graph', Engine: 'neptune', DBInstanceClass: 'db.r6g.large', PubliclyAccessible: open, Tags: STUDENT }));
    arns[role] = out.DBInstance!.DBInstanceArn!;
  }
  const redshift = new RedshiftClient(cfg);
  for (const [role, encrypted] of [
    ['encryptedSnap', true],
    ['plainSnap', false],
  ] as const) {
    const id = `${role.toLowerCase()}-wh`;
    await redshift.send(new CreateClusterCommand({ ClusterIdentifier: id, NodeType: 'ra3.xlplus', MasterUsername: 'sisadmin', MasterUserPassword: 'Seed-only-pass1', Encrypted: encrypted, Tags: STUDENT }));
    await redshift.send(new CreateClusterSnapshotCommand({ ClusterIdentifier: id, SnapshotIdentifier: `${id}-term-end`, Tags: STUDENT }));
    arns[role] = `arn:aws:redshift:${REGION}:123456789012:snapshot:${id}/${id}-term-end`;
  }
  const backup = new BackupClient(cfg);
  arns.vault = (await backup.send(new CreateBackupVaultCommand({ BackupVaultName: 'sis-vault', BackupVaultTags: { DataClassification: 'student-data' } }))).BackupVaultArn!;
  try {
    const out = await backup.send(new CreateLogicallyAirGappedBackupVaultCommand({ BackupVaultName: 'sis-isolated', MinRetentionDays: 7, MaxRetentionDays: 35, BackupVaultTags: { DataClassification: 'student-data' } }));
    arns.airGapped = out.BackupVaultArn!;
  } catch (e) {
    airGappedCreateError = String((e as Error).name);
  }
}

let airGappedCreateError: string | undefined;

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  await seed(moto.endpoint);
  snapshot = await collectSnapshot({ regions: [REGION], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2, now: () => new Date('2026-01-15T12:00:00Z') });
  findings = evaluateSnapshot(snapshot);
}, 120_000);

afterAll(async () => {
  await moto?.stop();
});

describe('variants collectors against moto', () => {
  it('types Neptune instances by engine, not as RDS instances', () => {
    const typeOf = (arn: string) => snapshot.resources.find((r) => r.arn === arn)?.type;
    expect(typeOf(arns.privateGraph!)).toBe('AWS::Neptune::DBInstance');
    expect(typeOf(arns.publicGraph!)).toBe('AWS::Neptune::DBInstance');
    expect(snapshot.resources.filter((r) => r.type === 'AWS::RDS::DBInstance')).toEqual([]);
  });

  it('asks for logically air-gapped vaults by type and types each vault by its own VaultType', () => {
    const calls = snapshot.calls.filter((c) => c.operation === 'ListBackupVaults');
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(snapshot.resources.filter((r) => r.arn === arns.vault).map((r) => r.type)).toEqual(['AWS::Backup::BackupVault']);
    // moto 5 does not implement CreateLogicallyAirGappedBackupVault and ignores ByVaultType (it answers the plain
    // vault again): the plain vault is still typed by its VaultType, once. The air-gapped typing and verdicts are
    // proven by the live fixtures of aws-backup-vault-cmk.
    expect(arns.airGapped).toBeUndefined();
    expect(airGappedCreateError).toBeDefined();
  });

  it('lists DocumentDB elastic clusters, which moto does not implement: a failed read, never an empty answer (rest slice: test/live/moto-rest.test.ts)', () => {
    expect(snapshot.resources.filter((r) => r.type === 'AWS::DocDBElastic::Cluster')).toEqual([]);
    expect(snapshot.errors).toContainEqual(expect.objectContaining({ service: 'docdb-elastic', code: 'NotImplemented', resourceTypes: ['AWS::DocDBElastic::Cluster'] }));
  });
});

describe('variants live findings against moto', () => {
  const cases: Array<[string, string, 'pass' | 'fail']> = [
    ['aws-neptune-instance-not-publicly-accessible', 'privateGraph', 'pass'],
    ['aws-neptune-instance-not-publicly-accessible', 'publicGraph', 'fail'],
    ['aws-redshift-snapshot-encrypted', 'encryptedSnap', 'pass'],
    ['aws-redshift-snapshot-encrypted', 'plainSnap', 'fail'],
  ];
  it.each(cases)('%s on %s: %s', (policy, role, status) => {
    expect(statusAt(findings, policy, arns[role]!)).toBe(status);
  });

  it('no RDS instance policy judges a Neptune instance', () => {
    expect(findings.filter((f) => f.policyId.startsWith('aws-rds-') && Object.values(arns).includes(f.resource.arn ?? ''))).toEqual([]);
  });
});
