import { dataAt, liveAttr, liveLink, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/** A cluster as DescribeClusters describes it, with its tags (ListTags). */
const cluster: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.dax.cluster', ctx, [dataAt(rec, 'ClusterName')]);
  r.attrs = {
    name: liveAttr(rec, ctx, 'ClusterName'),
    sseEnabled: liveAttr(rec, ctx, 'SSEDescription.Status', { default: false, map: (s) => s === 'ENABLED' || s === 'ENABLING' }),
    endpointEncryptionType: liveAttr(rec, ctx, 'ClusterEndpointEncryptionType', { default: 'NONE' }),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  const sgs = ((dataAt(rec, 'SecurityGroups') as Array<{ SecurityGroupIdentifier?: string }> | undefined) ?? []).map((g) => g.SecurityGroupIdentifier);
  r.linkRefs!.push(liveLink(rec, ctx, 'securityGroups', sgs, ['aws.ec2.security-group'], { inverse: 'attachedResources', attribute: 'SecurityGroups' }));
  return r;
};

export const daxLiveAdapters: Record<string, LiveAdapter> = { 'AWS::DAX::Cluster': cluster };
