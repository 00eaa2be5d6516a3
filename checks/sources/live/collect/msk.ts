import { KafkaClient, paginateListClustersV2 } from '@aws-sdk/client-kafka';
import type { SnapshotResource } from '../snapshot.js';
import { items, listAll, plain, type Collector } from './context.js';

/**
 * MSK: provisioned and serverless clusters from ListClustersV2 (encryption, client authentication, tags).
 * moto 5 answers the list with creation times the SDK cannot parse, so against moto the list fails and
 * every MSK policy reports `error` (test/live/files-streams.test.ts).
 */
export async function collectMsk(c: Collector, region: string): Promise<void> {
  const client = c.client(KafkaClient, region);
  const clusters = await listAll(c, 'kafka', region, 'kafka:ListClustersV2', ['AWS::MSK::Cluster', 'AWS::MSK::ServerlessCluster'], () => items(paginateListClustersV2({ client }, {}), (p) => p.ClusterInfoList));
  for (const cl of clusters ?? []) {
    if (!cl.ClusterArn) continue;
    const type = cl.ClusterType === 'SERVERLESS' ? 'AWS::MSK::ServerlessCluster' : 'AWS::MSK::Cluster';
    const rec: SnapshotResource = { type, arn: cl.ClusterArn, region, account: c.accountId, data: { ...(plain(cl) as Record<string, unknown>), Tags: cl.Tags ?? {} } };
    c.add(rec);
  }
}
