import { dataAt, liveAttr, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/** A global cluster as DescribeGlobalClusters describes it (its TagList as `tags`). */
const globalCluster: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.rds.global-cluster', ctx, [dataAt(rec, 'GlobalClusterIdentifier')]);
  r.attrs = {
    identifier: liveAttr(rec, ctx, 'GlobalClusterIdentifier'),
    storageEncrypted: liveAttr(rec, ctx, 'StorageEncrypted', { default: false }),
    deletionProtection: liveAttr(rec, ctx, 'DeletionProtection', { default: false }),
    engine: liveAttr(rec, ctx, 'Engine'),
    ...tagVals(rec, ctx, 'tags'),
  };
  return r;
};

export const rdsGlobalLiveAdapters: Record<string, LiveAdapter> = { 'AWS::RDS::GlobalCluster': globalCluster };
