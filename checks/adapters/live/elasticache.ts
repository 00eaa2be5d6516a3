import { computed, dataAt, liveAttr, liveLink, liveResource, tagVals, type LiveAdapter } from './helpers.js';

const replicationGroup: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.elasticache.replication-group', ctx, [dataAt(rec, 'ReplicationGroupId')]);
  const transit = dataAt(rec, 'TransitEncryptionEnabled') === true;
  r.attrs = {
    replicationGroupId: liveAttr(rec, ctx, 'ReplicationGroupId'),
    engine: liveAttr(rec, ctx, 'Engine', { default: 'redis' }),
    atRestEncryptionEnabled: liveAttr(rec, ctx, 'AtRestEncryptionEnabled', { default: false }),
    transitEncryptionEnabled: liveAttr(rec, ctx, 'TransitEncryptionEnabled', { default: false }),
    transitEncryptionMode: liveAttr(rec, ctx, 'TransitEncryptionMode', transit ? { default: 'required' } : {}),
    authTokenSet: liveAttr(rec, ctx, 'AuthTokenEnabled', { default: false }),
    userGroupIds: liveAttr(rec, ctx, 'UserGroupIds', { default: [] }),
    kmsKeyId: liveAttr(rec, ctx, 'KmsKeyId'),
    snapshotRetentionLimit: liveAttr(rec, ctx, 'SnapshotRetentionLimit', { default: 0 }),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  void computed;
  r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', dataAt(rec, 'KmsKeyId'), ['aws.kms.key'], { attribute: 'KmsKeyId' }));
  return r;
};

export const elasticacheLiveAdapters: Record<string, LiveAdapter> = { 'AWS::ElastiCache::ReplicationGroup': replicationGroup };
