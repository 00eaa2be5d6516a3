import { dataAt, keyFlag, keyIsAwsManaged, liveAttr, liveDerived, liveLink, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/** A cluster as DescribeClusters describes it, with its tags. */
const cluster: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.memorydb.cluster', ctx, [dataAt(rec, 'Name')]);
  const key = dataAt(rec, 'KmsKeyId') as string | undefined;
  r.attrs = {
    name: liveAttr(rec, ctx, 'Name'),
    kmsKeyArn: liveAttr(rec, ctx, 'KmsKeyId'),
    kmsKeyIsAwsManaged: keyFlag(ctx, key, liveDerived(rec, ctx, 'KmsKeyId', key ? keyIsAwsManaged(ctx, key) : true, [], key ? 'explicit' : 'default')),
    tlsEnabled: liveAttr(rec, ctx, 'TLSEnabled', { default: true }),
    aclName: liveAttr(rec, ctx, 'ACLName'),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  if (key) r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', key, ['aws.kms.key'], { attribute: 'KmsKeyId' }));
  const sgs = ((dataAt(rec, 'SecurityGroups') as Array<{ SecurityGroupId?: string }> | undefined) ?? []).map((g) => g.SecurityGroupId);
  r.linkRefs!.push(liveLink(rec, ctx, 'securityGroups', sgs, ['aws.ec2.security-group'], { inverse: 'attachedResources', attribute: 'SecurityGroups' }));
  return r;
};

export const memorydbLiveAdapters: Record<string, LiveAdapter> = { 'AWS::MemoryDB::Cluster': cluster };
