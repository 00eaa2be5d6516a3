import { DescribeSnapshotAttributeCommand, EC2Client, paginateDescribeImages, paginateDescribeSnapshots } from '@aws-sdk/client-ec2';
import { DescribeDBClusterSnapshotAttributesCommand, DescribeDBSnapshotAttributesCommand, RDSClient, paginateDescribeDBClusterSnapshots, paginateDescribeDBSnapshots } from '@aws-sdk/client-rds';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, plain, tagMap, type Collector } from './context.js';

type Attributes = Array<{ AttributeName?: string; AttributeValues?: string[] }> | undefined;

/** DescribeDB[Cluster]SnapshotAttributes as name -> values (`restore` lists the accounts, or "all"). */
function attributeMap(list: Attributes): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const a of list ?? []) if (a.AttributeName) out[a.AttributeName] = a.AttributeValues ?? [];
  return out;
}

/**
 * Copies of data stores the account owns: RDS DB and cluster snapshots (with who may restore a manual
 * one), EBS snapshots (with who may create volumes from them) and AMIs (Public is in the answer).
 * Automated RDS snapshots cannot be shared, so their attributes are not read.
 */
export async function collectSnapshots(c: Collector, region: string): Promise<void> {
  const rds = c.client(RDSClient, region);
  const ec2 = c.client(EC2Client, region);
  const [dbSnaps, clusterSnaps, ebsSnaps, images] = await Promise.all([
    listAll(c, 'rds', region, 'rds:DescribeDBSnapshots', ['AWS::RDS::DBSnapshot'], () => items(paginateDescribeDBSnapshots({ client: rds }, {}), (p) => p.DBSnapshots)),
    listAll(c, 'rds', region, 'rds:DescribeDBClusterSnapshots', ['AWS::RDS::DBClusterSnapshot'], () => items(paginateDescribeDBClusterSnapshots({ client: rds }, {}), (p) => p.DBClusterSnapshots)),
    listAll(c, 'ec2', region, 'ec2:DescribeSnapshots', ['AWS::EC2::Snapshot'], () => items(paginateDescribeSnapshots({ client: ec2 }, { OwnerIds: ['self'] }), (p) => p.Snapshots)),
    listAll(c, 'ec2', region, 'ec2:DescribeImages', ['AWS::EC2::Image'], () => items(paginateDescribeImages({ client: ec2 }, { Owners: ['self'] }), (p) => p.Images)),
  ]);

  await Promise.all([
    ...(dbSnaps ?? []).map(async (s) => {
      const rec: SnapshotResource = {
        type: 'AWS::RDS::DBSnapshot',
        arn: s.DBSnapshotArn ?? c.arn('rds', region, `snapshot:${s.DBSnapshotIdentifier}`),
        region,
        account: c.accountId,
        data: plain({ ...s, TagList: undefined, Tags: tagMap(s.TagList) }) as Record<string, unknown>,
      };
      if (s.SnapshotType !== 'automated')
        facet(rec, 'attributes', await c.read('rds', region, 'rds:DescribeDBSnapshotAttributes', () => rds.send(new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier: s.DBSnapshotIdentifier }))), (v) =>
          attributeMap(v.DBSnapshotAttributesResult?.DBSnapshotAttributes),
        );
      c.add(rec);
    }),
    ...(clusterSnaps ?? []).map(async (s) => {
      const rec: SnapshotResource = {
        type: 'AWS::RDS::DBClusterSnapshot',
        arn: s.DBClusterSnapshotArn ?? c.arn('rds', region, `cluster-snapshot:${s.DBClusterSnapshotIdentifier}`),
        region,
        account: c.accountId,
        data: plain({ ...s, TagList: undefined, Tags: tagMap(s.TagList) }) as Record<string, unknown>,
      };
      if (s.SnapshotType !== 'automated')
        facet(
          rec,
          'attributes',
          await c.read('rds', region, 'rds:DescribeDBClusterSnapshotAttributes', () => rds.send(new DescribeDBClusterSnapshotAttributesCommand({ DBClusterSnapshotIdentifier: s.DBClusterSnapshotIdentifier }))),
          (v) => attributeMap(v.DBClusterSnapshotAttributesResult?.DBClusterSnapshotAttributes),
        );
      c.add(rec);
    }),
    // Owned only: an emulator (and an SDK quirk) may answer `self` with others' public snapshots and images, which are not this account's data.
    ...(ebsSnaps ?? []).filter((s) => !s.OwnerId || s.OwnerId === c.accountId).map(async (s) => {
      const rec: SnapshotResource = {
        type: 'AWS::EC2::Snapshot',
        arn: c.arn('ec2', region, `snapshot/${s.SnapshotId}`),
        region,
        account: c.accountId,
        data: plain({ ...s, Tags: tagMap(s.Tags) }) as Record<string, unknown>,
      };
      facet(rec, 'createVolumePermission', await c.read('ec2', region, 'ec2:DescribeSnapshotAttribute', () => ec2.send(new DescribeSnapshotAttributeCommand({ SnapshotId: s.SnapshotId, Attribute: 'createVolumePermission' }))), (v) => v.CreateVolumePermissions ?? []);
      c.add(rec);
    }),
  ]);
  for (const i of (images ?? []).filter((x) => !x.OwnerId || x.OwnerId === c.accountId)) {
    c.add({ type: 'AWS::EC2::Image', arn: c.arn('ec2', region, `image/${i.ImageId}`), region, account: c.accountId, data: plain({ ...i, Tags: tagMap(i.Tags) }) as Record<string, unknown> });
  }
}
