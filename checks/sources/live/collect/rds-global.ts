import { RDSClient, paginateDescribeGlobalClusters } from '@aws-sdk/client-rds';
import type { SnapshotResource } from '../snapshot.js';
import { items, listAll, plain, tagMap, type Collector } from './context.js';

/**
 * Aurora global databases: account-wide (any region's DescribeGlobalClusters lists them all), read once from the
 * first audited region; the answer carries StorageEncrypted, DeletionProtection and the TagList (kept as `tags`). Records carry
 * region `global`, as their ARNs do.
 */
export async function collectRdsGlobalClusters(c: Collector, home: string): Promise<void> {
  const client = c.client(RDSClient, home);
  const clusters = await listAll(c, 'rds', 'global', 'rds:DescribeGlobalClusters', ['AWS::RDS::GlobalCluster'], () => items(paginateDescribeGlobalClusters({ client }, {}), (p) => p.GlobalClusters));
  for (const g of clusters ?? []) {
    const arn = g.GlobalClusterArn ?? `arn:${c.partition}:rds::${c.accountId}:global-cluster:${g.GlobalClusterIdentifier}`;
    const rec: SnapshotResource = { type: 'AWS::RDS::GlobalCluster', arn, region: 'global', account: c.accountId, data: { ...(plain(g) as Record<string, unknown>), tags: tagMap(g.TagList) } };
    c.add(rec);
  }
}
