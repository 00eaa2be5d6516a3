import { DescribeClusterCommand, EKSClient, paginateListClusters } from '@aws-sdk/client-eks';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, plain, type Collector } from './context.js';

/** EKS: clusters as DescribeCluster answers (endpoint access, secrets encryption, control-plane logging, tags). */
export async function collectEks(c: Collector, region: string): Promise<void> {
  const client = c.client(EKSClient, region);
  const names = await listAll(c, 'eks', region, 'eks:ListClusters', ['AWS::EKS::Cluster'], () => items(paginateListClusters({ client }, {}), (p) => p.clusters));
  await Promise.all(
    (names ?? []).map(async (name) => {
      const read = await c.read('eks', region, 'eks:DescribeCluster', () => client.send(new DescribeClusterCommand({ name })));
      const arn = (read.ok ? read.value.cluster?.arn : undefined) ?? c.arn('eks', region, `cluster/${name}`);
      const rec: SnapshotResource = { type: 'AWS::EKS::Cluster', arn, region, account: c.accountId, data: { name } };
      facet(rec, 'cluster', read, (v) => plain(v.cluster ?? {}));
      c.add(rec);
    }),
  );
}
