import { DescribeLoggingStatusCommand, RedshiftClient, paginateDescribeClusterParameterGroups, paginateDescribeClusterParameters, paginateDescribeClusterSnapshots, paginateDescribeClusters } from '@aws-sdk/client-redshift';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, plain, tagMap, type Collector } from './context.js';

/** Parameters the catalog reads; the snapshot keeps only these of each group. */
const PARAMETERS = new Set(['require_ssl']);

/**
 * Redshift: clusters (encryption, public access, parameter group, tags) with their audit logging status,
 * and the cluster parameter groups with the parameters the catalog reads.
 */
export async function collectRedshift(c: Collector, region: string): Promise<void> {
  const client = c.client(RedshiftClient, region);
  const clusters = await listAll(c, 'redshift', region, 'redshift:DescribeClusters', ['AWS::Redshift::Cluster'], () => items(paginateDescribeClusters({ client }, {}), (p) => p.Clusters));
  const groups = await listAll(c, 'redshift', region, 'redshift:DescribeClusterParameterGroups', ['AWS::Redshift::ClusterParameterGroup'], () =>
    items(paginateDescribeClusterParameterGroups({ client }, {}), (p) => p.ParameterGroups),
  );
  await Promise.all(
    (clusters ?? []).map(async (cl) => {
      const id = cl.ClusterIdentifier!;
      const arn = c.arn('redshift', region, `cluster:${id}`);
      const rec: SnapshotResource = { type: 'AWS::Redshift::Cluster', arn, region, account: c.accountId, data: { ...(plain(cl) as Record<string, unknown>), Tags: tagMap(cl.Tags) } };
      facet(rec, 'logging', await c.read('redshift', region, 'redshift:DescribeLoggingStatus', () => client.send(new DescribeLoggingStatusCommand({ ClusterIdentifier: id }))), (v) => ({
        LoggingEnabled: v.LoggingEnabled ?? false,
        LogDestinationType: v.LogDestinationType,
        BucketName: v.BucketName,
      }));
      c.add(rec);
    }),
  );
  // variants slice: cluster snapshots this account owns (a snapshot shared with it is its owner's)
  const snapshots = await listAll(c, 'redshift', region, 'redshift:DescribeClusterSnapshots', ['AWS::Redshift::ClusterSnapshot'], () =>
    items(paginateDescribeClusterSnapshots({ client }, {}), (p) => p.Snapshots),
  );
  for (const sn of snapshots ?? []) {
    if (sn.OwnerAccount && sn.OwnerAccount !== c.accountId) continue;
    const arn = c.arn('redshift', region, `snapshot:${sn.ClusterIdentifier}/${sn.SnapshotIdentifier}`);
    c.add({ type: 'AWS::Redshift::ClusterSnapshot', arn, region, account: c.accountId, data: { ...(plain(sn) as Record<string, unknown>), Tags: tagMap(sn.Tags) } });
  }
  await Promise.all(
    (groups ?? []).map(async (g) => {
      const name = g.ParameterGroupName!;
      const rec: SnapshotResource = { type: 'AWS::Redshift::ClusterParameterGroup', arn: c.arn('redshift', region, `parametergroup:${name}`), region, account: c.accountId, data: plain(g) as Record<string, unknown> };
      const read = await c.read('redshift', region, 'redshift:DescribeClusterParameters', async () => {
        const out: Record<string, string | null> = {};
        for await (const page of paginateDescribeClusterParameters({ client }, { ParameterGroupName: name })) {
          for (const p of page.Parameters ?? []) if (p.ParameterName && PARAMETERS.has(p.ParameterName)) out[p.ParameterName] = p.ParameterValue ?? null;
        }
        return out;
      });
      facet(rec, 'parameters', read);
      c.add(rec);
    }),
  );
}
