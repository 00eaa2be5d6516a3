import { dataAt, keyFlag, keyIsAwsManaged, liveAttr, liveDerived, liveFacetAttr, liveLink, liveResource, locAt, tagVals, unlistedKeyUnknown, type LiveAdapter } from './helpers/index.js';

/** A serverless cache as DescribeServerlessCaches describes it, with its tags. */
const cache: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.elasticache.serverless-cache', ctx, [dataAt(rec, 'ServerlessCacheName')]);
  const key = dataAt(rec, 'KmsKeyId') as string | undefined;
  const group = (dataAt(rec, 'UserGroupId') as string | undefined) || undefined;
  r.attrs = {
    name: liveAttr(rec, ctx, 'ServerlessCacheName'),
    engine: liveAttr(rec, ctx, 'Engine', { map: (x) => String(x).toLowerCase() }),
    userGroupIds: liveDerived(rec, ctx, 'UserGroupId', group ? [group] : [], [], group ? 'explicit' : 'default'),
    // read only for a cache with a user group
    userGroupUsers: group ? liveFacetAttr(rec, ctx, 'userGroupUsers') : { value: [], origin: 'default', loc: locAt(rec, ctx, 'userGroupUsers') },
    kmsKeyId: liveAttr(rec, ctx, 'KmsKeyId'),
    kmsKeyIsAwsManaged: keyFlag(ctx, key, unlistedKeyUnknown(liveDerived(rec, ctx, 'KmsKeyId', key ? keyIsAwsManaged(ctx, key) : true, [], key ? 'explicit' : 'default'))),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  if (key) r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', key, ['aws.kms.key'], { attribute: 'KmsKeyId' }));
  r.linkRefs!.push(liveLink(rec, ctx, 'securityGroups', (dataAt(rec, 'SecurityGroupIds') as string[] | undefined) ?? [], ['aws.ec2.security-group'], { inverse: 'attachedResources', attribute: 'SecurityGroupIds' }));
  return r;
};

export const elasticacheServerlessLiveAdapters: Record<string, LiveAdapter> = { 'AWS::ElastiCache::ServerlessCache': cache };
