import { ElastiCacheClient, ListTagsForResourceCommand, paginateDescribeServerlessCaches } from '@aws-sdk/client-elasticache';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, plain, tagMap, type Collector } from './context.js';
import { userGroupUsers } from './elasticache.js';

/**
 * ElastiCache serverless caches (at-rest key, RBAC user group and its users) with their tags. moto 5 does not implement
 * DescribeServerlessCaches.
 */
export async function collectElastiCacheServerless(c: Collector, region: string): Promise<void> {
  const client = c.client(ElastiCacheClient, region);
  const caches = await listAll(c, 'elasticache', region, 'elasticache:DescribeServerlessCaches', ['AWS::ElastiCache::ServerlessCache'], () =>
    items(paginateDescribeServerlessCaches({ client }, {}), (p) => p.ServerlessCaches),
  );
  const rbac = (caches ?? []).some((sc) => sc.UserGroupId) ? await userGroupUsers(c, client, region) : undefined;
  await Promise.all(
    (caches ?? []).map(async (sc) => {
      const arn = sc.ARN ?? c.arn('elasticache', region, `serverlesscache:${sc.ServerlessCacheName}`);
      const rec: SnapshotResource = { type: 'AWS::ElastiCache::ServerlessCache', arn, region, account: c.accountId, data: plain(sc) as Record<string, unknown> };
      const group = sc.UserGroupId;
      if (rbac && group) facet(rec, 'userGroupUsers', rbac, (m) => (m.has(group) ? [m.get(group)!] : []));
      facet(rec, 'tags', await c.read('elasticache', region, 'elasticache:ListTagsForResource', () => client.send(new ListTagsForResourceCommand({ ResourceName: arn }))), (v) => tagMap(v.TagList));
      c.add(rec);
    }),
  );
}
