import { DSQLClient, ListTagsForResourceCommand as DsqlTags, paginateListClusters as paginateDsqlClusters } from '@aws-sdk/client-dsql';
import { DescribeClusterCommand, EMRClient, paginateListClusters as paginateEmrClusters } from '@aws-sdk/client-emr';
import { GetBucketsCommand, GetInstancesCommand, GetRelationalDatabasesCommand, LightsailClient } from '@aws-sdk/client-lightsail';
import { ListTagsForResourceCommand as GraphTags, NeptuneGraphClient, paginateListGraphs } from '@aws-sdk/client-neptune-graph';
import { ListTagsForResourceCommand as QuickSightTags, QuickSightClient, paginateListDataSets } from '@aws-sdk/client-quicksight';
import { ListTagsForResourceCommand as TableBucketTags, S3TablesClient, paginateListTableBuckets } from '@aws-sdk/client-s3tables';
import { ListTagsForResourceCommand as InfluxTags, TimestreamInfluxDBClient, paginateListDbClusters, paginateListDbInstances } from '@aws-sdk/client-timestream-influxdb';
import type { SnapshotResource } from '../snapshot.js';
import { facet, items, listAll, tagMap, type Collector, type Read } from './context.js';

/**
 * Data stores the model does not know yet (policies/data-stores.yaml, the entries without kinds): each is
 * listed with its name, state and tags and nothing else, so that the inventory counts it. No policy judges
 * its settings, so aws-data-store-evaluated reports it `unknown` and aws-data-store-classified judges its
 * tags: an account holding student records there is never called ready unseen. A list that fails is
 * recorded with the types it would have produced, and the inventory reports an `error` store in its place.
 */

type Tagged = Record<string, string>;

/** One record: the identifying fields the list returned, and the tags (read, or recorded as failed). */
function storeRecord(c: Collector, type: string, arn: string, region: string, data: Record<string, unknown>, tags: Read<Tagged>): SnapshotResource {
  const rec: SnapshotResource = { type, arn, region, account: c.accountId, data: Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)) };
  facet(rec, 'tags', tags);
  return rec;
}

const given = (tags: Tagged): Read<Tagged> => ({ ok: true, value: tags });

/** Aurora DSQL clusters: ListClusters, then each cluster's tags. */
export async function collectDsql(c: Collector, region: string): Promise<void> {
  const client = c.client(DSQLClient, region);
  const clusters = await listAll(c, 'dsql', region, 'dsql:ListClusters', ['AWS::DSQL::Cluster'], () => items(paginateDsqlClusters({ client }, {}), (p) => p.clusters));
  for (const cl of clusters ?? []) {
    if (!cl.arn) continue;
    const arn = cl.arn;
    const tags = await c.read('dsql', region, 'dsql:ListTagsForResource', async () => (await client.send(new DsqlTags({ resourceArn: arn }))).tags ?? {});
    c.add(storeRecord(c, 'AWS::DSQL::Cluster', arn, region, { identifier: cl.identifier }, tags));
  }
}

/** Lightsail managed databases, buckets and instances: each Get* list carries the resources' tags. */
export async function collectLightsail(c: Collector, region: string): Promise<void> {
  const client = c.client(LightsailClient, region);
  type Item = { name?: string; arn?: string; state?: unknown; engine?: string; tags?: Array<{ key?: string; value?: string }> };
  const kinds: Array<{ type: string; action: string; list: (pageToken?: string) => Promise<{ items?: Item[]; next?: string }> }> = [
    { type: 'AWS::Lightsail::Database', action: 'lightsail:GetRelationalDatabases', list: async (pageToken) => ((r) => ({ items: r.relationalDatabases, next: r.nextPageToken }))(await client.send(new GetRelationalDatabasesCommand({ pageToken }))) },
    { type: 'AWS::Lightsail::Bucket', action: 'lightsail:GetBuckets', list: async (pageToken) => ((r) => ({ items: r.buckets, next: r.nextPageToken }))(await client.send(new GetBucketsCommand({ pageToken }))) },
    { type: 'AWS::Lightsail::Instance', action: 'lightsail:GetInstances', list: async (pageToken) => ((r) => ({ items: r.instances, next: r.nextPageToken }))(await client.send(new GetInstancesCommand({ pageToken }))) },
  ];
  await Promise.all(
    kinds.map(async ({ type, action, list }) => {
      const found = await listAll(c, 'lightsail', region, action, [type], async function* () {
        let token: string | undefined;
        do {
          const page = await list(token);
          yield page.items;
          token = page.next;
        } while (token);
      });
      for (const x of found ?? []) {
        if (!x.arn) continue;
        const state = typeof x.state === 'string' ? x.state : (x.state as { name?: string; code?: string } | undefined)?.name ?? (x.state as { code?: string } | undefined)?.code;
        c.add(storeRecord(c, type, x.arn, region, { name: x.name, state, engine: x.engine }, given(tagMap(x.tags))));
      }
    }),
  );
}

/** S3 table buckets (S3 Tables): ListTableBuckets, then each bucket's tags. */
export async function collectS3Tables(c: Collector, region: string): Promise<void> {
  const client = c.client(S3TablesClient, region);
  const buckets = await listAll(c, 's3tables', region, 's3tables:ListTableBuckets', ['AWS::S3Tables::TableBucket'], () => items(paginateListTableBuckets({ client }, {}), (p) => p.tableBuckets));
  for (const b of buckets ?? []) {
    if (!b.arn) continue;
    const arn = b.arn;
    const tags = await c.read('s3tables', region, 's3tables:ListTagsForResource', async () => (await client.send(new TableBucketTags({ resourceArn: arn }))).tags ?? {});
    c.add(storeRecord(c, 'AWS::S3Tables::TableBucket', arn, region, { name: b.name, bucketType: b.type }, tags));
  }
}

/** Neptune Analytics graphs: ListGraphs, then each graph's tags. */
export async function collectNeptuneGraph(c: Collector, region: string): Promise<void> {
  const client = c.client(NeptuneGraphClient, region);
  const graphs = await listAll(c, 'neptune-graph', region, 'neptune-graph:ListGraphs', ['AWS::NeptuneGraph::Graph'], () => items(paginateListGraphs({ client }, {}), (p) => p.graphs));
  for (const g of graphs ?? []) {
    if (!g.arn) continue;
    const arn = g.arn;
    const tags = await c.read('neptune-graph', region, 'neptune-graph:ListTagsForResource', async () => (await client.send(new GraphTags({ resourceArn: arn }))).tags ?? {});
    c.add(storeRecord(c, 'AWS::NeptuneGraph::Graph', arn, region, { name: g.name, status: g.status }, tags));
  }
}

/** Timestream for InfluxDB instances and clusters: the two lists, then each one's tags. */
export async function collectTimestreamInfluxDb(c: Collector, region: string): Promise<void> {
  const client = c.client(TimestreamInfluxDBClient, region);
  const tagsOf = (arn: string) => c.read('timestream-influxdb', region, 'timestream-influxdb:ListTagsForResource', async () => (await client.send(new InfluxTags({ resourceArn: arn }))).tags ?? {});
  const [instances, clusters] = await Promise.all([
    listAll(c, 'timestream-influxdb', region, 'timestream-influxdb:ListDbInstances', ['AWS::Timestream::InfluxDBInstance'], () => items(paginateListDbInstances({ client }, {}), (p) => p.items)),
    listAll(c, 'timestream-influxdb', region, 'timestream-influxdb:ListDbClusters', ['AWS::Timestream::InfluxDBCluster'], () => items(paginateListDbClusters({ client }, {}), (p) => p.items)),
  ]);
  for (const [type, found] of [['AWS::Timestream::InfluxDBInstance', instances], ['AWS::Timestream::InfluxDBCluster', clusters]] as const) {
    for (const x of found ?? []) {
      if (!x.arn) continue;
      c.add(storeRecord(c, type, x.arn, region, { name: x.name, status: x.status }, await tagsOf(x.arn)));
    }
  }
}

/** EMR clusters that still have instances (their disks hold what jobs read and write); DescribeCluster gives the tags. */
const EMR_LIVE_STATES = ['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING', 'TERMINATING'] as const;

export async function collectEmr(c: Collector, region: string): Promise<void> {
  const client = c.client(EMRClient, region);
  const clusters = await listAll(c, 'elasticmapreduce', region, 'elasticmapreduce:ListClusters', ['AWS::EMR::Cluster'], () =>
    items(paginateEmrClusters({ client }, { ClusterStates: [...EMR_LIVE_STATES] }), (p) => p.Clusters),
  );
  for (const cl of clusters ?? []) {
    const id = cl.Id;
    if (!id) continue;
    const arn = cl.ClusterArn ?? c.arn('elasticmapreduce', region, `cluster/${id}`);
    const tags = await c.read('elasticmapreduce', region, 'elasticmapreduce:DescribeCluster', async () => tagMap((await client.send(new DescribeClusterCommand({ ClusterId: id }))).Cluster?.Tags));
    c.add(storeRecord(c, 'AWS::EMR::Cluster', arn, region, { id, name: cl.Name, state: cl.Status?.State }, tags));
  }
}

/** QuickSight datasets of the account in the region: ListDataSets, then each dataset's tags. */
export async function collectQuickSight(c: Collector, region: string): Promise<void> {
  const client = c.client(QuickSightClient, region);
  const sets = await listAll(c, 'quicksight', region, 'quicksight:ListDataSets', ['AWS::QuickSight::DataSet'], () =>
    items(paginateListDataSets({ client }, { AwsAccountId: c.accountId }), (p) => p.DataSetSummaries),
  );
  for (const d of sets ?? []) {
    if (!d.Arn) continue;
    const arn = d.Arn;
    const tags = await c.read('quicksight', region, 'quicksight:ListTagsForResource', async () => tagMap((await client.send(new QuickSightTags({ ResourceArn: arn }))).Tags));
    c.add(storeRecord(c, 'AWS::QuickSight::DataSet', arn, region, { id: d.DataSetId, name: d.Name, importMode: d.ImportMode }, tags));
  }
}
