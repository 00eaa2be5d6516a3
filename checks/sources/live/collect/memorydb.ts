import { ListTagsCommand, MemoryDBClient, paginateDescribeClusters } from '@aws-sdk/client-memorydb';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, plain, tagMap, type Collector } from './context.js';

/** MemoryDB: clusters (at-rest key, TLS) with their tags. */
export async function collectMemoryDb(c: Collector, region: string): Promise<void> {
  const client = c.client(MemoryDBClient, region);
  const clusters = await listAll(c, 'memorydb', region, 'memorydb:DescribeClusters', ['AWS::MemoryDB::Cluster'], () => items(paginateDescribeClusters({ client }, {}), (p) => p.Clusters));
  await Promise.all(
    (clusters ?? []).map(async (cl) => {
      const arn = cl.ARN ?? c.arn('memorydb', region, `cluster/${cl.Name}`);
      const rec: SnapshotResource = { type: 'AWS::MemoryDB::Cluster', arn, region, account: c.accountId, data: plain(cl) as Record<string, unknown> };
      facet(rec, 'tags', await c.read('memorydb', region, 'memorydb:ListTags', () => client.send(new ListTagsCommand({ ResourceArn: arn }))), (v) => tagMap(v.TagList));
      c.add(rec);
    }),
  );
}
