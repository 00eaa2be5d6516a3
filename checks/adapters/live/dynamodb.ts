import { dataAt, keyFlag, keyIsAwsManaged, liveAttr, liveDerived, liveLink, livePolicyList, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/**
 * A table as DescribeTable describes it (facet `Table`), with DescribeContinuousBackups
 * (`continuousBackups`), DescribeTimeToLive (`ttl`) and its tags. No SSEDescription means the AWS owned key.
 */
const table: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.dynamodb.table', ctx, [dataAt(rec, 'TableName'), dataAt(rec, 'Table.TableArn')]);
  const key = dataAt(rec, 'Table.SSEDescription.KMSMasterKeyArn') as string | undefined;
  const pitr = dataAt(rec, 'continuousBackups.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus') as string | undefined;
  const ttl = dataAt(rec, 'ttl.TimeToLiveStatus') as string | undefined;
  const ttlOn = ttl === 'ENABLED' || ttl === 'ENABLING';
  const replicas = (dataAt(rec, 'Table.Replicas') as Array<Record<string, unknown>> | undefined) ?? [];
  r.attrs = {
    name: liveAttr(rec, ctx, 'TableName'),
    kmsKeyArn: liveAttr(rec, ctx, 'Table.SSEDescription.KMSMasterKeyArn', { facet: 'Table' }),
    kmsKeyIsAwsManaged: keyFlag(ctx, key, liveDerived(rec, ctx, 'Table.SSEDescription', key ? keyIsAwsManaged(ctx, key) : true, ['Table'], key ? 'explicit' : 'default')),
    pointInTimeRecovery: liveDerived(rec, ctx, 'continuousBackups', pitr === 'ENABLED', ['continuousBackups'], pitr ? 'explicit' : 'default'),
    deletionProtection: liveAttr(rec, ctx, 'Table.DeletionProtectionEnabled', { default: false, facet: 'Table' }),
    ttlEnabled: liveDerived(rec, ctx, 'ttl', ttlOn, ['ttl'], ttl ? 'explicit' : 'default'),
    ttlAttributeName: liveAttr(rec, ctx, 'ttl.AttributeName', { facet: 'ttl' }),
    replicas: liveDerived(
      rec,
      ctx,
      'Table.Replicas',
      replicas.map((x) => {
        const k = (x.KMSMasterKeyId as string | undefined) ?? null;
        return { region: x.RegionName, kmsKeyArn: k, kmsKeyIsAwsManaged: k ? keyIsAwsManaged(ctx, k) : true };
      }),
      ['Table'],
      replicas.length ? 'explicit' : 'default',
    ),
    // the stream's policy is read only when the table has a stream
    resourcePolicies: livePolicyList(rec, ctx, 'resourcePolicies', dataAt(rec, 'Table.StreamSpecification.StreamEnabled') === true ? ['resourcePolicy', 'streamResourcePolicy'] : ['resourcePolicy']),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  if (key) r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', key, ['aws.kms.key'], { attribute: 'Table.SSEDescription.KMSMasterKeyArn' }));
  return r;
};

// rest slice (issue 14, wave 4)
/** A global table (2017.11.29) as ListGlobalTables answers it: its name and the regions of its replicas. */
const globalTable: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.dynamodb.global-table', ctx, [dataAt(rec, 'GlobalTableName')]);
  const group = dataAt(rec, 'ReplicationGroup') as Array<{ RegionName?: string }> | undefined;
  r.attrs = {
    name: liveAttr(rec, ctx, 'GlobalTableName'),
    replicaRegions: liveDerived(rec, ctx, 'ReplicationGroup', group ? group.map((g) => g.RegionName) : undefined),
    ...tagVals(rec, ctx),
  };
  // No tags of its own: classified as its replica tables (the tables of its name in each replica region).
  r.linkRefs!.push(liveLink(rec, ctx, 'replicas', dataAt(rec, 'GlobalTableName'), ['aws.dynamodb.table'], { attribute: 'GlobalTableName' }));
  r.classifiedBy = 'replicas';
  return r;
};

export const dynamodbLiveAdapters: Record<string, LiveAdapter> = { 'AWS::DynamoDB::Table': table, 'AWS::DynamoDB::GlobalTable': globalTable };
