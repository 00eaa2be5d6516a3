import { ElastiCacheClient, ListTagsForResourceCommand, paginateDescribeCacheClusters, paginateDescribeReplicationGroups } from '@aws-sdk/client-elasticache';
import { facet, items, listAll, plain, tagMap, type Collector } from './context.js';
import type { SnapshotResource } from '../snapshot.js';

/** ElastiCache: replication groups and cache clusters (encryption at rest and in transit, AUTH) with tags. */
export async function collectElastiCache(c: Collector, region: string): Promise<void> {
  const client = c.client(ElastiCacheClient, region);
  const groups = await listAll(c, 'elasticache', region, 'elasticache:DescribeReplicationGroups', ['AWS::ElastiCache::ReplicationGroup'], () =>
    items(paginateDescribeReplicationGroups({ client }, {}), (p) => p.ReplicationGroups),
  );
  await Promise.all(
    (groups ?? []).map(async (g) => {
      const arn = g.ARN ?? c.arn('elasticache', region, `replicationgroup:${g.ReplicationGroupId}`);
      const rec: SnapshotResource = { type: 'AWS::ElastiCache::ReplicationGroup', arn, region, account: c.accountId, data: plain(g) as Record<string, unknown> };
      const tags = await c.read('elasticache', region, 'elasticache:ListTagsForResource', () => client.send(new ListTagsForResourceCommand({ ResourceName: arn })));
      facet(rec, 'tags', tags, (v) => tagMap(v.TagList));
      c.add(rec);
    }),
  );
}

/** Cache clusters (standalone Memcached or single-node Redis/Valkey, and replication-group members). */
export async function collectCacheClusters(c: Collector, region: string): Promise<void> {
  const client = c.client(ElastiCacheClient, region);
  const clusters = await listAll(c, 'elasticache', region, 'elasticache:DescribeCacheClusters', ['AWS::ElastiCache::CacheCluster'], () =>
    items(paginateDescribeCacheClusters({ client }, { ShowCacheNodeInfo: false }), (p) => p.CacheClusters),
  );
  await Promise.all(
    (clusters ?? []).map(async (cl) => {
      const arn = cl.ARN ?? c.arn('elasticache', region, `cluster:${cl.CacheClusterId}`);
      const rec: SnapshotResource = { type: 'AWS::ElastiCache::CacheCluster', arn, region, account: c.accountId, data: plain(cl) as Record<string, unknown> };
      const tags = await c.read('elasticache', region, 'elasticache:ListTagsForResource', () => client.send(new ListTagsForResourceCommand({ ResourceName: arn })));
      facet(rec, 'tags', tags, (v) => tagMap(v.TagList));
      c.add(rec);
    }),
  );
}
