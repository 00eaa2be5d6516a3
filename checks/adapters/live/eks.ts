import { dataAt, keyFlag, keyIsAwsManaged, liveAttr, liveDerived, liveLink, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/** A cluster as DescribeCluster describes it (facet `cluster`, tags included). */
const cluster: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.eks.cluster', ctx, [dataAt(rec, 'name')]);
  const configs = (dataAt(rec, 'cluster.encryptionConfig') as Array<{ resources?: string[]; provider?: { keyArn?: string } }> | undefined) ?? [];
  const key = configs.find((e) => e.resources?.includes('secrets'))?.provider?.keyArn;
  const logging = (dataAt(rec, 'cluster.logging.clusterLogging') as Array<{ types?: string[]; enabled?: boolean }> | undefined) ?? [];
  r.attrs = {
    name: liveAttr(rec, ctx, 'name'),
    secretsKeyArn: liveDerived(rec, ctx, 'cluster.encryptionConfig', key, ['cluster'], key ? 'explicit' : 'default'),
    secretsKeyIsAwsManaged: keyFlag(ctx, key, liveDerived(rec, ctx, 'cluster.encryptionConfig', key ? keyIsAwsManaged(ctx, key) : true, ['cluster'], key ? 'explicit' : 'default')),
    endpointPublicAccess: liveAttr(rec, ctx, 'cluster.resourcesVpcConfig.endpointPublicAccess', { default: true }),
    endpointPrivateAccess: liveAttr(rec, ctx, 'cluster.resourcesVpcConfig.endpointPrivateAccess', { default: false }),
    publicAccessCidrs: liveAttr(rec, ctx, 'cluster.resourcesVpcConfig.publicAccessCidrs', { default: ['0.0.0.0/0'] }),
    enabledLogTypes: liveDerived(rec, ctx, 'cluster.logging', logging.filter((l) => l.enabled).flatMap((l) => l.types ?? []), ['cluster'], logging.length ? 'explicit' : 'default'),
    ...tagVals(rec, ctx, 'cluster.tags', 'cluster'),
  };
  if (key) r.linkRefs!.push(liveLink(rec, ctx, 'secretsKey', key, ['aws.kms.key'], { attribute: 'cluster.encryptionConfig' }));
  return r;
};

export const eksLiveAdapters: Record<string, LiveAdapter> = { 'AWS::EKS::Cluster': cluster };
