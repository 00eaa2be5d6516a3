import { DocDBElasticClient, GetClusterCommand, ListTagsForResourceCommand, paginateListClusters } from '@aws-sdk/client-docdb-elastic';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, plain, type Collector } from './context.js';

/** Fields of GetCluster the live adapter reads: a failed GetCluster makes each an error, never a default. */
const CLUSTER_FIELDS = ['kmsKeyId', 'backupRetentionPeriod', 'vpcSecurityGroupIds'];

/**
 * DocumentDB elastic clusters: ListClusters, then GetCluster of each (its fields at the top of the record, as the
 * live adapter reads them) and its tags. moto does not implement this API: against it the list fails and every
 * elastic-cluster policy reports `error` for the region, never a pass.
 */
export async function collectDocDbElastic(c: Collector, region: string): Promise<void> {
  const client = c.client(DocDBElasticClient, region);
  const clusters = await listAll(c, 'docdb-elastic', region, 'docdb-elastic:ListClusters', ['AWS::DocDBElastic::Cluster'], () => items(paginateListClusters({ client }, {}), (p) => p.clusters));
  for (const cl of clusters ?? []) {
    const arn = cl.clusterArn;
    if (!arn) continue;
    const rec: SnapshotResource = { type: 'AWS::DocDBElastic::Cluster', arn, region, account: c.accountId, data: { clusterName: cl.clusterName, clusterArn: arn, status: cl.status } };
    const got = await c.read('docdb-elastic', region, 'docdb-elastic:GetCluster', () => client.send(new GetClusterCommand({ clusterArn: arn })));
    if (got.ok) Object.assign(rec.data, plain(got.value.cluster) as Record<string, unknown>);
    else if (!got.notConfigured) for (const f of CLUSTER_FIELDS) (rec.errors ??= {})[f] = got.error;
    facet(rec, 'Tags', await c.read('docdb-elastic', region, 'docdb-elastic:ListTagsForResource', () => client.send(new ListTagsForResourceCommand({ resourceArn: arn }))), (v) => v.tags ?? {});
    c.add(rec);
  }
}
