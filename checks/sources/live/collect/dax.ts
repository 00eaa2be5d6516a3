import { DAXClient, DescribeClustersCommand, ListTagsCommand, type Cluster } from '@aws-sdk/client-dax';
import type { SnapshotResource } from '../snapshot.js';
import { facet, listAll, plain, tagMap, type Collector } from './context.js';

/** DescribeClusters pages by NextToken; the DAX client ships no paginator. */
async function* clusterPages(client: DAXClient): AsyncIterable<Cluster[] | undefined> {
  let NextToken: string | undefined;
  do {
    const page = await client.send(new DescribeClustersCommand({ NextToken }));
    yield page.Clusters;
    NextToken = page.NextToken;
  } while (NextToken);
}

/** DAX: clusters (server-side encryption, endpoint encryption) with their tags. */
export async function collectDax(c: Collector, region: string): Promise<void> {
  const client = c.client(DAXClient, region);
  const clusters = await listAll(c, 'dax', region, 'dax:DescribeClusters', ['AWS::DAX::Cluster'], () => clusterPages(client));
  await Promise.all(
    (clusters ?? []).map(async (cl) => {
      const arn = cl.ClusterArn ?? c.arn('dax', region, `cache/${cl.ClusterName}`);
      const rec: SnapshotResource = { type: 'AWS::DAX::Cluster', arn, region, account: c.accountId, data: plain(cl) as Record<string, unknown> };
      facet(rec, 'tags', await c.read('dax', region, 'dax:ListTags', () => client.send(new ListTagsCommand({ ResourceName: arn }))), (v) => tagMap(v.Tags));
      c.add(rec);
    }),
  );
}
