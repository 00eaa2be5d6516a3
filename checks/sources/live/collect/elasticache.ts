import { ElastiCacheClient, ListTagsForResourceCommand, paginateDescribeCacheClusters, paginateDescribeReplicationGroups, paginateDescribeUserGroups, paginateDescribeUsers } from '@aws-sdk/client-elasticache';
import { allPages, facet, items, listAll, plain, tagMap, type Collector, type Read } from './context.js';
import type { SnapshotResource } from '../snapshot.js';

interface GroupUsers {
  userGroupId: string;
  users: Array<{ userId: string; userName: string | null; accessString: string | null; passwordless: boolean }>;
}

/**
 * The users of every RBAC user group of the region (DescribeUserGroups, DescribeUsers: one paginated read each, made
 * only when some replication group or serverless cache names a user group). A group the region does not list stays out:
 * its users are unseen.
 */
export function userGroupUsers(c: Collector, client: ElastiCacheClient, region: string): Promise<Read<Map<string, GroupUsers>>> {
  // replication groups and serverless caches of a region share one read
  let byRegion = READS.get(c);
  if (!byRegion) READS.set(c, (byRegion = new Map()));
  let read = byRegion.get(region);
  if (!read) byRegion.set(region, (read = readUserGroupUsers(c, client, region)));
  return read;
}

const READS = new WeakMap<Collector, Map<string, Promise<Read<Map<string, GroupUsers>>>>>();

async function readUserGroupUsers(c: Collector, client: ElastiCacheClient, region: string): Promise<Read<Map<string, GroupUsers>>> {
  const [groups, users] = await Promise.all([
    c.read('elasticache', region, 'elasticache:DescribeUserGroups', () => allPages(paginateDescribeUserGroups({ client }, {}), (p) => p.UserGroups)),
    c.read('elasticache', region, 'elasticache:DescribeUsers', () => allPages(paginateDescribeUsers({ client }, {}), (p) => p.Users)),
  ]);
  if (!groups.ok) return groups;
  if (!users.ok) return users;
  const byId = new Map(users.value.map((u) => [u.UserId, u]));
  const out = new Map<string, GroupUsers>();
  for (const g of groups.value) {
    if (!g.UserGroupId) continue;
    const members = (g.UserIds ?? []).map((id) => {
      const u = byId.get(id);
      return { userId: id, userName: u?.UserName ?? null, accessString: u?.AccessString ?? null, passwordless: u?.Authentication?.Type === 'no-password' };
    });
    out.set(g.UserGroupId, { userGroupId: g.UserGroupId, users: members });
  }
  return { ok: true, value: out };
}

/** ElastiCache: replication groups and cache clusters (encryption at rest and in transit, AUTH, RBAC users) with tags. */
export async function collectElastiCache(c: Collector, region: string): Promise<void> {
  const client = c.client(ElastiCacheClient, region);
  const groups = await listAll(c, 'elasticache', region, 'elasticache:DescribeReplicationGroups', ['AWS::ElastiCache::ReplicationGroup'], () =>
    items(paginateDescribeReplicationGroups({ client }, {}), (p) => p.ReplicationGroups),
  );
  const rbac = (groups ?? []).some((g) => (g.UserGroupIds ?? []).length > 0) ? await userGroupUsers(c, client, region) : undefined;
  await Promise.all(
    (groups ?? []).map(async (g) => {
      const arn = g.ARN ?? c.arn('elasticache', region, `replicationgroup:${g.ReplicationGroupId}`);
      const rec: SnapshotResource = { type: 'AWS::ElastiCache::ReplicationGroup', arn, region, account: c.accountId, data: plain(g) as Record<string, unknown> };
      const tags = await c.read('elasticache', region, 'elasticache:ListTagsForResource', () => client.send(new ListTagsForResourceCommand({ ResourceName: arn })));
      facet(rec, 'tags', tags, (v) => tagMap(v.TagList));
      if (rbac && (g.UserGroupIds ?? []).length) facet(rec, 'userGroupUsers', rbac, (m) => (g.UserGroupIds ?? []).flatMap((id) => (m.has(id) ? [m.get(id)!] : [])));
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
