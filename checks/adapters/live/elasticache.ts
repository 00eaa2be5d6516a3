import { dataAt, liveAttr, liveDerived, liveFacetAttr, liveLink, liveResource, locAt, tagVals, type LiveAdapter } from './helpers/index.js';

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
    // read only for a group with user groups; never read for one that has them (an older snapshot) is unknown
    userGroupUsers: (dataAt(rec, 'UserGroupIds') as unknown[] | undefined)?.length ? liveFacetAttr(rec, ctx, 'userGroupUsers') : { value: [], origin: 'default', loc: locAt(rec, ctx, 'userGroupUsers') },
    kmsKeyId: liveAttr(rec, ctx, 'KmsKeyId'),
    snapshotRetentionLimit: liveAttr(rec, ctx, 'SnapshotRetentionLimit', { default: 0 }),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', dataAt(rec, 'KmsKeyId'), ['aws.kms.key'], { attribute: 'KmsKeyId' }));
  return r;
};

const cacheCluster: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.elasticache.cluster', ctx, [dataAt(rec, 'CacheClusterId')]);
  const group = dataAt(rec, 'ReplicationGroupId') as string | undefined;
  const transit = dataAt(rec, 'TransitEncryptionEnabled') === true;
  r.attrs = {
    clusterId: liveAttr(rec, ctx, 'CacheClusterId'),
    replicationGroupId: liveAttr(rec, ctx, 'ReplicationGroupId'),
    standalone: liveDerived(rec, ctx, 'ReplicationGroupId', group === undefined),
    engine: liveAttr(rec, ctx, 'Engine'),
    engineVersion: liveAttr(rec, ctx, 'EngineVersion'),
    atRestEncryptionEnabled: liveAttr(rec, ctx, 'AtRestEncryptionEnabled', { default: false }),
    transitEncryptionEnabled: liveAttr(rec, ctx, 'TransitEncryptionEnabled', { default: false }),
    transitEncryptionMode: liveAttr(rec, ctx, 'TransitEncryptionMode', transit ? { default: 'required' } : {}),
    authTokenSet: liveAttr(rec, ctx, 'AuthTokenEnabled', { default: false }),
    snapshotRetentionLimit: liveAttr(rec, ctx, 'SnapshotRetentionLimit', { default: 0 }),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  const sgs = ((dataAt(rec, 'SecurityGroups') as Array<{ SecurityGroupId?: string }> | undefined) ?? []).map((g) => g.SecurityGroupId);
  r.linkRefs!.push(liveLink(rec, ctx, 'securityGroups', sgs, ['aws.ec2.security-group'], { inverse: 'attachedResources', attribute: 'SecurityGroups' }));
  if (group) r.linkRefs!.push(liveLink(rec, ctx, 'replicationGroup', group, ['aws.elasticache.replication-group'], { inverse: 'members', attribute: 'ReplicationGroupId' }));
  return r;
};

export const elasticacheLiveAdapters: Record<string, LiveAdapter> = {
  'AWS::ElastiCache::ReplicationGroup': replicationGroup,
  'AWS::ElastiCache::CacheCluster': cacheCluster,
};
