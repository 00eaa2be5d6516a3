import { CreateSnapshotCommand, CreateVolumeCommand, CreateImageCommand, DescribeImagesCommand, EC2Client, ModifyImageAttributeCommand, ModifySnapshotAttributeCommand, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { CreateDBClusterCommand, CreateDBClusterParameterGroupCommand, CreateDBClusterSnapshotCommand, CreateDBInstanceCommand, CreateDBSnapshotCommand, ModifyDBClusterParameterGroupCommand, ModifyDBSnapshotAttributeCommand, RDSClient } from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectSnapshot, serializeSnapshot } from '../../checks/sources/live/index.js';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { scanPaths } from '../../checks/pipeline/scan.js';
import { defaultProfile } from '../../checks/engine/config.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { Finding } from '../../checks/engine/types.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/**
 * The stores2 collectors against moto_server on loopback: Neptune clusters (read through the RDS API and
 * typed by engine), RDS DB snapshots with their restore attribute, EBS snapshots with
 * their createVolumePermission, and AMIs. One compliant and one broken resource of each.
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
  const ec2 = new EC2Client(cfg);
  // Neptune writes an audit log only where its cluster parameter group sets neptune_enable_audit_log = 1
  await rds.send(new CreateDBClusterParameterGroupCommand({ DBClusterParameterGroupName: 'graph-audited', DBParameterGroupFamily: 'neptune1.3', Description: 'audit log on' }));
  await rds.send(new ModifyDBClusterParameterGroupCommand({ DBClusterParameterGroupName: 'graph-audited', Parameters: [{ ParameterName: 'neptune_enable_audit_log', ParameterValue: '1', ApplyMethod: 'pending-reboot' }] }));
  for (const [role, engine, good] of [
    ['goodNeptune', 'neptune', true],
    ['badNeptune', 'neptune', false],
  ] as const) {
    const out = await rds.send(
      new CreateDBClusterCommand({
        DBClusterIdentifier: role.toLowerCase(),
        Engine: engine,
        StorageEncrypted: good,
        DeletionProtection: good,
        BackupRetentionPeriod: good ? 14 : 1,
        EnableCloudwatchLogsExports: good ? ['audit'] : [],
        ...(good ? { DBClusterParameterGroupName: 'graph-audited' } : {}),
        Tags: STUDENT,
      }),
    );
    arns[role] = out.DBCluster!.DBClusterArn!;
  }
  const clusterSnap = await rds.send(new CreateDBClusterSnapshotCommand({ DBClusterIdentifier: 'goodneptune', DBClusterSnapshotIdentifier: 'goodneptune-manual', Tags: STUDENT }));
  arns.clusterSnap = clusterSnap.DBClusterSnapshot!.DBClusterSnapshotArn!;
  for (const [role, encrypted] of [
    ['goodDb', true],
    ['badDb', false],
  ] as const) {
    await rds.send(new CreateDBInstanceCommand({ DBInstanceIdentifier: role.toLowerCase(), Engine: 'postgres', DBInstanceClass: 'db.t3.micro', AllocatedStorage: 20, MasterUsername: 'admin1', MasterUserPassword: 'seed-only-pass1', StorageEncrypted: encrypted, Tags: STUDENT }));
    const snap = await rds.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier: role.toLowerCase(), DBSnapshotIdentifier: `${role.toLowerCase()}-snap`, Tags: STUDENT }));
    arns[`${role}Snap`] = snap.DBSnapshot!.DBSnapshotArn!;
  }
  await rds.send(new ModifyDBSnapshotAttributeCommand({ DBSnapshotIdentifier: 'baddb-snap', AttributeName: 'restore', ValuesToAdd: ['all'] }));

  for (const [role, encrypted] of [
    ['goodEbsSnap', true],
    ['badEbsSnap', false],
  ] as const) {
    const vol = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: `${REGION}a`, Size: 8, Encrypted: encrypted }));
    const snap = await ec2.send(new CreateSnapshotCommand({ VolumeId: vol.VolumeId, TagSpecifications: [{ ResourceType: 'snapshot', Tags: STUDENT }] }));
    arns[role] = `arn:aws:ec2:${REGION}:123456789012:snapshot/${snap.SnapshotId}`;
  }
  const bad = arns.badEbsSnap!.split('/').pop()!;
  await ec2.send(new ModifySnapshotAttributeCommand({ SnapshotId: bad, Attribute: 'createVolumePermission', OperationType: 'add', GroupNames: ['all'] }));
  // a third snapshot, encrypted and not public, shared with one other account (aws-ebs-snapshot-not-shared)
  const sharedVol = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: `${REGION}a`, Size: 8, Encrypted: true }));
  const shared = await ec2.send(new CreateSnapshotCommand({ VolumeId: sharedVol.VolumeId, TagSpecifications: [{ ResourceType: 'snapshot', Tags: STUDENT }] }));
  arns.sharedEbsSnap = `arn:aws:ec2:${REGION}:123456789012:snapshot/${shared.SnapshotId}`;
  await ec2.send(new ModifySnapshotAttributeCommand({ SnapshotId: shared.SnapshotId, Attribute: 'createVolumePermission', OperationType: 'add', UserIds: ['777788889999'] }));

  const images = (await ec2.send(new DescribeImagesCommand({ Owners: ['amazon'] }))).Images ?? [];
  const base = images.find((i) => i.ImageId)!.ImageId!;
  for (const role of ['privateAmi', 'publicAmi']) {
    const inst = (await ec2.send(new RunInstancesCommand({ ImageId: base, MinCount: 1, MaxCount: 1, InstanceType: 't3.micro' }))).Instances![0]!;
    const img = await ec2.send(new CreateImageCommand({ InstanceId: inst.InstanceId, Name: role, TagSpecifications: [{ ResourceType: 'image', Tags: STUDENT }] }));
    arns[role] = `arn:aws:ec2:${REGION}:123456789012:image/${img.ImageId}`;
  }
  await ec2.send(new ModifyImageAttributeCommand({ ImageId: arns.publicAmi!.split('/').pop(), LaunchPermission: { Add: [{ Group: 'all' }] } }));
}

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

describe('stores2 collectors against moto', () => {
  it('types DocumentDB and Neptune clusters by engine, not as RDS clusters', () => {
    const typeOf = (arn: string) => snapshot.resources.find((r) => r.arn === arn)?.type;
    // moto rejects Engine "docdb" (its RDS engines are aurora-*, mysql, neptune, postgres): DocumentDB is typed by
    // the same engine switch, tested on its live fixtures.
    expect(typeOf(arns.goodNeptune!)).toBe('AWS::Neptune::DBCluster');
    expect(typeOf(arns.badNeptune!)).toBe('AWS::Neptune::DBCluster');
    expect(snapshot.resources.filter((r) => r.type === 'AWS::RDS::DBCluster')).toEqual([]);
  });

  it('reads who may restore a manual DB snapshot, who may use an EBS snapshot, and whether an AMI is public', () => {
    const rec = (arn: string) => snapshot.resources.find((r) => r.arn === arn)!;
    expect(rec(arns.badDbSnap!).data.attributes).toMatchObject({ restore: ['all'] });
    expect(rec(arns.goodDbSnap!).data.attributes).toMatchObject({ restore: [] });
    expect(rec(arns.badEbsSnap!).data.createVolumePermission).toEqual([{ Group: 'all' }]);
    expect(rec(arns.goodEbsSnap!).data.createVolumePermission).toEqual([]);
    expect(rec(arns.publicAmi!).data.Public).toBe(true);
    expect(rec(arns.privateAmi!).data.Public).toBe(false);
  });

  it('keeps only what the account owns (moto answers `self` with Amazon-owned images and snapshots too)', () => {
    const owned = snapshot.resources.filter((r) => r.type === 'AWS::EC2::Image' || r.type === 'AWS::EC2::Snapshot');
    // the seeded ones, and the snapshots CreateImage made of the instances' root volumes
    expect(owned.map((r) => r.arn)).toEqual(expect.arrayContaining([arns.goodEbsSnap, arns.badEbsSnap, arns.privateAmi, arns.publicAmi]));
    for (const r of owned) {
      expect(r.account).toBe('123456789012');
      expect((r.data.OwnerId as string | undefined) ?? '123456789012').toBe('123456789012');
    }
    expect(owned.filter((r) => r.type === 'AWS::EC2::Image')).toHaveLength(2);
  });

  it('reaches the snapshot attribute reads the shared moto audit lists as not reached there', () => {
    const calls = new Set(snapshot.calls.filter((c) => c.ok).map((c) => `${c.service}:${c.operation}`));
    for (const a of ['rds:DescribeDBSnapshotAttributes', 'rds:DescribeDBClusterSnapshotAttributes', 'ec2:DescribeSnapshotAttribute', 'rds:DescribeDBSnapshots', 'rds:DescribeDBClusterSnapshots', 'ec2:DescribeSnapshots', 'ec2:DescribeImages']) expect(calls, a).toContain(a);
    expect(snapshot.resources.find((r) => r.arn === arns.clusterSnap)?.data.attributes).toMatchObject({ restore: [] });
  });
});

describe('stores2 live findings against moto', () => {
  const cases: Array<[string, string, 'pass' | 'fail']> = [
    ['aws-neptune-cluster-storage-encrypted', 'goodNeptune', 'pass'],
    ['aws-neptune-cluster-storage-encrypted', 'badNeptune', 'fail'],
    ['aws-neptune-cluster-deletion-protection', 'goodNeptune', 'pass'],
    ['aws-neptune-cluster-deletion-protection', 'badNeptune', 'fail'],
    ['aws-neptune-cluster-backup-retention-floor', 'goodNeptune', 'pass'],
    ['aws-neptune-cluster-backup-retention-floor', 'badNeptune', 'fail'],
    ['aws-neptune-cluster-audit-log-export', 'goodNeptune', 'pass'],
    ['aws-neptune-cluster-audit-log-export', 'badNeptune', 'fail'],
    ['aws-rds-snapshot-not-public', 'goodDbSnap', 'pass'],
    ['aws-rds-snapshot-not-public', 'badDbSnap', 'fail'],
    ['aws-rds-snapshot-not-public', 'clusterSnap', 'pass'],
    ['aws-rds-snapshot-encrypted', 'goodDbSnap', 'pass'],
    ['aws-rds-snapshot-encrypted', 'badDbSnap', 'fail'],
    ['aws-ebs-snapshot-encrypted', 'goodEbsSnap', 'pass'],
    ['aws-ebs-snapshot-encrypted', 'badEbsSnap', 'fail'],
    ['aws-ebs-snapshot-not-public', 'goodEbsSnap', 'pass'],
    ['aws-ebs-snapshot-not-public', 'badEbsSnap', 'fail'],
    ['aws-ebs-snapshot-not-shared', 'goodEbsSnap', 'pass'],
    ['aws-ebs-snapshot-not-shared', 'sharedEbsSnap', 'fail'],
    ['aws-ebs-snapshot-not-public', 'sharedEbsSnap', 'pass'],
    ['aws-ami-not-public', 'privateAmi', 'pass'],
    ['aws-ami-not-public', 'publicAmi', 'fail'],
  ];
  it.each(cases)('%s on %s is %s', (policy, role, expected) => {
    expect(statusAt(findings, policy, arns[role]!)).toBe(expected);
  });

  it('judges Neptune clusters by their own policies only, never as RDS clusters', () => {
    expect(findings.filter((f) => f.resource.arn === arns.badNeptune && f.policyId.startsWith('aws-rds-'))).toEqual([]);
  });
});

describe('services this build does not collect live', () => {
  it('are none now; a service moto does not implement is a failed read whose error findings reach the results, not a note', async () => {
    // rest slice (issue 14, wave 4): Redshift Serverless namespaces and DocumentDB elastic clusters are collected now.
    expect(snapshot.notes?.join(' ') ?? '').not.toMatch(/not collected by this audit/);
    // lakes-apis slice: Glue databases and tables are collected now (test/live/lakes.test.ts).
    expect(snapshot.notes?.join(' ') ?? '').not.toMatch(/Glue/);
    const dir = mkdtempSync(join(tmpdir(), 'ferpa-stores2-'));
    const file = join(dir, 'snapshot.json');
    writeFileSync(file, serializeSnapshot(snapshot));
    const { results } = await scanPaths([file], { config: { profile: defaultProfile(), policyDirs: [], disable: [], waivers: [], attestations: [] }, catalog: loadCatalog(), now: new Date('2026-01-15T12:00:00Z'), cwd: dir });
    const namespaces = results.findings.filter((f) => f.policyId === 'aws-redshiftserverless-namespace-cmk');
    expect(namespaces.length).toBeGreaterThan(0);
    expect(namespaces.every((f) => f.status === 'error')).toBe(true);
  });
});
