import { BedrockAgentClient, ListTagsForResourceCommand as KnowledgeBaseTags, paginateListKnowledgeBases } from '@aws-sdk/client-bedrock-agent';
import { DSQLClient, ListTagsForResourceCommand as DsqlTags, paginateListClusters as paginateDsqlClusters } from '@aws-sdk/client-dsql';
import { DescribeClusterCommand, EMRClient, paginateListClusters as paginateEmrClusters } from '@aws-sdk/client-emr';
import { KendraClient, ListTagsForResourceCommand as KendraTags, paginateListIndices } from '@aws-sdk/client-kendra';
import { KinesisVideoClient, ListTagsForStreamCommand, paginateListStreams } from '@aws-sdk/client-kinesis-video';
import { GetBucketsCommand, GetInstancesCommand, GetRelationalDatabasesCommand, LightsailClient } from '@aws-sdk/client-lightsail';
import { ListTagsForResourceCommand as GraphTags, NeptuneGraphClient, paginateListGraphs } from '@aws-sdk/client-neptune-graph';
import { ListTagsForResourceCommand as QuickSightTags, QuickSightClient, paginateListDataSets } from '@aws-sdk/client-quicksight';
import { ListTagsCommand as SageMakerTags, paginateListFeatureGroups, SageMakerClient } from '@aws-sdk/client-sagemaker';
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

/** One listed type: its list call, what identifies an item, and how its tags are read (one call per item). */
interface Listed<T> {
  service: string;
  region: string;
  type: string;
  action: string;
  pages: () => AsyncIterable<T[] | undefined>;
  arnOf: (item: T) => string | undefined;
  data: (item: T) => Record<string, unknown>;
  tagAction: string;
  tags: (arn: string, item: T) => Promise<Tagged>;
}

/** List a type (a failure is recorded with the type it would have produced) and add each item with its tags. */
async function listWithTags<T>(c: Collector, l: Listed<T>): Promise<void> {
  const found = await listAll(c, l.service, l.region, l.action, [l.type], l.pages);
  for (const item of found ?? []) {
    const arn = l.arnOf(item);
    if (!arn) continue;
    const tags = await c.read(l.service, l.region, l.tagAction, () => l.tags(arn, item));
    c.add(storeRecord(c, l.type, arn, l.region, l.data(item), tags));
  }
}

/** Aurora DSQL clusters: ListClusters, then each cluster's tags. */
export async function collectDsql(c: Collector, region: string): Promise<void> {
  const client = c.client(DSQLClient, region);
  await listWithTags(c, {
    service: 'dsql',
    region,
    type: 'AWS::DSQL::Cluster',
    action: 'dsql:ListClusters',
    pages: () => items(paginateDsqlClusters({ client }, {}), (p) => p.clusters),
    arnOf: (cl) => cl.arn,
    data: (cl) => ({ identifier: cl.identifier }),
    tagAction: 'dsql:ListTagsForResource',
    tags: async (arn) => (await client.send(new DsqlTags({ resourceArn: arn }))).tags ?? {},
  });
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
  await listWithTags(c, {
    service: 's3tables',
    region,
    type: 'AWS::S3Tables::TableBucket',
    action: 's3tables:ListTableBuckets',
    pages: () => items(paginateListTableBuckets({ client }, {}), (p) => p.tableBuckets),
    arnOf: (b) => b.arn,
    data: (b) => ({ name: b.name, bucketType: b.type }),
    tagAction: 's3tables:ListTagsForResource',
    tags: async (arn) => (await client.send(new TableBucketTags({ resourceArn: arn }))).tags ?? {},
  });
}

/** Neptune Analytics graphs: ListGraphs, then each graph's tags. */
export async function collectNeptuneGraph(c: Collector, region: string): Promise<void> {
  const client = c.client(NeptuneGraphClient, region);
  await listWithTags(c, {
    service: 'neptune-graph',
    region,
    type: 'AWS::NeptuneGraph::Graph',
    action: 'neptune-graph:ListGraphs',
    pages: () => items(paginateListGraphs({ client }, {}), (p) => p.graphs),
    arnOf: (g) => g.arn,
    data: (g) => ({ name: g.name, status: g.status }),
    tagAction: 'neptune-graph:ListTagsForResource',
    tags: async (arn) => (await client.send(new GraphTags({ resourceArn: arn }))).tags ?? {},
  });
}

/** Timestream for InfluxDB instances and clusters: the two lists, then each one's tags. */
export async function collectTimestreamInfluxDb(c: Collector, region: string): Promise<void> {
  const client = c.client(TimestreamInfluxDBClient, region);
  const common = {
    service: 'timestream-influxdb',
    region,
    arnOf: (x: { arn?: string }) => x.arn,
    data: (x: { name?: string; status?: string }) => ({ name: x.name, status: x.status }),
    tagAction: 'timestream-influxdb:ListTagsForResource',
    tags: async (arn: string) => (await client.send(new InfluxTags({ resourceArn: arn }))).tags ?? {},
  };
  await Promise.all([
    listWithTags(c, { ...common, type: 'AWS::Timestream::InfluxDBInstance', action: 'timestream-influxdb:ListDbInstances', pages: () => items(paginateListDbInstances({ client }, {}), (p) => p.items) }),
    listWithTags(c, { ...common, type: 'AWS::Timestream::InfluxDBCluster', action: 'timestream-influxdb:ListDbClusters', pages: () => items(paginateListDbClusters({ client }, {}), (p) => p.items) }),
  ]);
}

/** EMR clusters that still have instances (their disks hold what jobs read and write); DescribeCluster gives the tags. */
const EMR_LIVE_STATES = ['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING', 'TERMINATING'] as const;

export async function collectEmr(c: Collector, region: string): Promise<void> {
  const client = c.client(EMRClient, region);
  await listWithTags(c, {
    service: 'elasticmapreduce',
    region,
    type: 'AWS::EMR::Cluster',
    action: 'elasticmapreduce:ListClusters',
    pages: () => items(paginateEmrClusters({ client }, { ClusterStates: [...EMR_LIVE_STATES] }), (p) => p.Clusters),
    arnOf: (cl) => (cl.Id ? (cl.ClusterArn ?? c.arn('elasticmapreduce', region, `cluster/${cl.Id}`)) : undefined),
    data: (cl) => ({ id: cl.Id, name: cl.Name, state: cl.Status?.State }),
    tagAction: 'elasticmapreduce:DescribeCluster',
    tags: async (_arn, cl) => tagMap((await client.send(new DescribeClusterCommand({ ClusterId: cl.Id! }))).Cluster?.Tags),
  });
}

/** QuickSight datasets of the account in the region: ListDataSets, then each dataset's tags. */
export async function collectQuickSight(c: Collector, region: string): Promise<void> {
  const client = c.client(QuickSightClient, region);
  await listWithTags(c, {
    service: 'quicksight',
    region,
    type: 'AWS::QuickSight::DataSet',
    action: 'quicksight:ListDataSets',
    pages: () => items(paginateListDataSets({ client }, { AwsAccountId: c.accountId }), (p) => p.DataSetSummaries),
    arnOf: (d) => d.Arn,
    data: (d) => ({ id: d.DataSetId, name: d.Name, importMode: d.ImportMode }),
    tagAction: 'quicksight:ListTagsForResource',
    tags: async (arn) => tagMap((await client.send(new QuickSightTags({ ResourceArn: arn }))).Tags),
  });
}

/** Bedrock knowledge bases (documents indexed for retrieval): ListKnowledgeBases, then each one's tags. */
export async function collectBedrockKnowledgeBases(c: Collector, region: string): Promise<void> {
  const client = c.client(BedrockAgentClient, region);
  await listWithTags(c, {
    service: 'bedrock',
    region,
    type: 'AWS::Bedrock::KnowledgeBase',
    action: 'bedrock:ListKnowledgeBases',
    pages: () => items(paginateListKnowledgeBases({ client }, {}), (p) => p.knowledgeBaseSummaries),
    arnOf: (k) => (k.knowledgeBaseId ? c.arn('bedrock', region, `knowledge-base/${k.knowledgeBaseId}`) : undefined),
    data: (k) => ({ id: k.knowledgeBaseId, name: k.name, status: k.status }),
    tagAction: 'bedrock:ListTagsForResource',
    tags: async (arn) => (await client.send(new KnowledgeBaseTags({ resourceArn: arn }))).tags ?? {},
  });
}

/** Kendra indexes (documents indexed for search): ListIndices, then each index's tags. */
export async function collectKendra(c: Collector, region: string): Promise<void> {
  const client = c.client(KendraClient, region);
  await listWithTags(c, {
    service: 'kendra',
    region,
    type: 'AWS::Kendra::Index',
    action: 'kendra:ListIndices',
    pages: () => items(paginateListIndices({ client }, {}), (p) => p.IndexConfigurationSummaryItems),
    arnOf: (x) => (x.Id ? c.arn('kendra', region, `index/${x.Id}`) : undefined),
    data: (x) => ({ id: x.Id, name: x.Name, status: x.Status }),
    tagAction: 'kendra:ListTagsForResource',
    tags: async (arn) => tagMap((await client.send(new KendraTags({ ResourceARN: arn }))).Tags),
  });
}

/** Kinesis video streams (classroom and campus video): ListStreams, then each stream's tags. */
export async function collectKinesisVideo(c: Collector, region: string): Promise<void> {
  const client = c.client(KinesisVideoClient, region);
  await listWithTags(c, {
    service: 'kinesisvideo',
    region,
    type: 'AWS::KinesisVideo::Stream',
    action: 'kinesisvideo:ListStreams',
    pages: () => items(paginateListStreams({ client }, {}), (p) => p.StreamInfoList),
    arnOf: (x) => x.StreamARN,
    data: (x) => ({ name: x.StreamName, status: x.Status }),
    tagAction: 'kinesisvideo:ListTagsForStream',
    tags: async (arn) => (await client.send(new ListTagsForStreamCommand({ StreamARN: arn }))).Tags ?? {},
  });
}

/** SageMaker feature groups (an offline store of features about people, in S3): ListFeatureGroups, then tags. */
export async function collectSageMakerFeatureGroups(c: Collector, region: string): Promise<void> {
  const client = c.client(SageMakerClient, region);
  await listWithTags(c, {
    service: 'sagemaker',
    region,
    type: 'AWS::SageMaker::FeatureGroup',
    action: 'sagemaker:ListFeatureGroups',
    pages: () => items(paginateListFeatureGroups({ client }, {}), (p) => p.FeatureGroupSummaries),
    arnOf: (g) => g.FeatureGroupArn,
    data: (g) => ({ name: g.FeatureGroupName, status: g.FeatureGroupStatus }),
    tagAction: 'sagemaker:ListTags',
    tags: async (arn) => tagMap((await client.send(new SageMakerTags({ ResourceArn: arn }))).Tags),
  });
}
