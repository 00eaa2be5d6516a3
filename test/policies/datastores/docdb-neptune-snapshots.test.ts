import { describe, expect, it } from 'vitest';
import { expandCompactLive } from '../../../checks/authoring/live-fixture.js';
import { expandCompactPlan } from '../../../checks/authoring/plan-fixture.js';
import { scanText } from '../../helpers/scan-file.js';

// DocumentDB and Neptune cluster snapshots: DescribeDBClusterSnapshots lists them with the RDS ones, so a live
// audit judged them as RDS snapshots, while from Terraform (aws_docdb_cluster_snapshot, aws_neptune_cluster_snapshot)
// they were neither modelled nor data stores: a snapshot of an unencrypted cluster of student records was unseen.
// Now the three sources give the same verdict.

const verdicts = async (name: string, text: string, policy: string) =>
  Object.fromEntries((await scanText(name, text)).filter((f) => f.policyId === policy).map((f) => [f.resource.address ?? f.resource.arn, f.status]));

const HCL = `resource "aws_docdb_cluster" "rosters" {
  cluster_identifier = "rosters"
  tags               = { DataClassification = "student-data" }
}
resource "aws_docdb_cluster_snapshot" "rosters" {
  db_cluster_identifier          = aws_docdb_cluster.rosters.id
  db_cluster_snapshot_identifier = "rosters-pre-migration"
}
resource "aws_neptune_cluster" "guardians" {
  cluster_identifier = "guardians"
  storage_encrypted  = true
  tags               = { DataClassification = "student-data" }
}
resource "aws_neptune_cluster_snapshot" "guardians" {
  db_cluster_identifier          = aws_neptune_cluster.guardians.id
  db_cluster_snapshot_identifier = "guardians-nightly"
}
`;

describe('DocumentDB and Neptune cluster snapshots', () => {
  it('HCL: the snapshot of an unencrypted cluster fails aws-rds-snapshot-encrypted; that of an encrypted one passes', async () => {
    expect(await verdicts('main.tf', HCL, 'aws-rds-snapshot-encrypted')).toMatchObject({ 'aws_docdb_cluster_snapshot.rosters': 'fail', 'aws_neptune_cluster_snapshot.guardians': 'pass' });
  });

  it('HCL: they are data stores, classified by their cluster (the Terraform types take no tags)', async () => {
    expect(await verdicts('main.tf', HCL, 'aws-data-store-evaluated')).toMatchObject({ 'aws_docdb_cluster_snapshot.rosters': 'pass', 'aws_neptune_cluster_snapshot.guardians': 'pass' });
    expect(await verdicts('main.tf', HCL, 'aws-data-store-classified')).toMatchObject({ 'aws_docdb_cluster_snapshot.rosters': 'pass', 'aws_neptune_cluster_snapshot.guardians': 'pass' });
  });

  it('plan: the same verdicts', async () => {
    const plan = expandCompactPlan(
      {
        resources: [
          { address: 'aws_docdb_cluster.rosters', values: { cluster_identifier: 'rosters', storage_encrypted: false, tags: { DataClassification: 'student-data' } }, unknown: ['arn', 'id'] },
          { address: 'aws_docdb_cluster_snapshot.rosters', values: { db_cluster_identifier: 'rosters', db_cluster_snapshot_identifier: 'rosters-pre-migration' }, unknown: ['storage_encrypted', 'kms_key_id', 'db_cluster_snapshot_arn'], references: { db_cluster_identifier: ['aws_docdb_cluster.rosters.id', 'aws_docdb_cluster.rosters'] } },
          { address: 'aws_neptune_cluster.guardians', values: { cluster_identifier: 'guardians', storage_encrypted: true, tags: { DataClassification: 'student-data' } }, unknown: ['arn', 'id'] },
          { address: 'aws_neptune_cluster_snapshot.guardians', values: { db_cluster_identifier: 'guardians', db_cluster_snapshot_identifier: 'guardians-nightly' }, unknown: ['storage_encrypted', 'kms_key_id', 'db_cluster_snapshot_arn'], references: { db_cluster_identifier: ['aws_neptune_cluster.guardians.id', 'aws_neptune_cluster.guardians'] } },
        ],
      },
      'plan.yaml',
    );
    expect(await verdicts('plan.json', JSON.stringify(plan), 'aws-rds-snapshot-encrypted')).toMatchObject({ 'aws_docdb_cluster_snapshot.rosters': 'fail', 'aws_neptune_cluster_snapshot.guardians': 'pass' });
  });

  it('live: the RDS API lists them as cluster snapshots (Engine docdb, neptune), judged the same', async () => {
    const snap = (id: string, engine: string, encrypted: boolean) => ({
      arn: `arn:aws:rds:us-east-1:111122223333:cluster-snapshot:${id}`,
      data: { DBClusterSnapshotIdentifier: id, DBClusterIdentifier: id.split('-')[0], Engine: engine, SnapshotType: 'manual', StorageEncrypted: encrypted },
    });
    const snapshot = expandCompactLive({ account: '111122223333', regions: ['us-east-1'], resources: { 'AWS::RDS::DBClusterSnapshot': [snap('rosters-pre-migration', 'docdb', false), snap('guardians-nightly', 'neptune', true)] } } as never, 'test');
    expect(await verdicts('snapshot.json', JSON.stringify(snapshot), 'aws-rds-snapshot-encrypted')).toEqual({
      'arn:aws:rds:us-east-1:111122223333:cluster-snapshot:rosters-pre-migration': 'fail',
      'arn:aws:rds:us-east-1:111122223333:cluster-snapshot:guardians-nightly': 'pass',
    });
  });
});
