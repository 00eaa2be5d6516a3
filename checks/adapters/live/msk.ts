import { dataAt, keyFlag, keyIsAwsManaged, liveAttr, liveDerived, liveLink, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

const AT_REST_KEY = 'Provisioned.EncryptionInfo.EncryptionAtRest.DataVolumeKMSKeyId';
const IN_TRANSIT = 'Provisioned.EncryptionInfo.EncryptionInTransit';

/** A provisioned cluster as ListClustersV2 describes it (ClusterType PROVISIONED). */
const cluster: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.msk.cluster', ctx, [dataAt(rec, 'ClusterName')]);
  const key = dataAt(rec, AT_REST_KEY) as string | undefined;
  r.attrs = {
    name: liveAttr(rec, ctx, 'ClusterName'),
    kmsKeyArn: liveAttr(rec, ctx, AT_REST_KEY),
    kmsKeyIsAwsManaged: keyFlag(ctx, key, liveDerived(rec, ctx, AT_REST_KEY, key ? keyIsAwsManaged(ctx, key) : true, [], key ? 'explicit' : 'default')),
    clientBroker: liveAttr(rec, ctx, `${IN_TRANSIT}.ClientBroker`, { default: 'TLS' }),
    inCluster: liveAttr(rec, ctx, `${IN_TRANSIT}.InCluster`, { default: true }),
    ...tagVals(rec, ctx, 'Tags'),
  };
  if (key) r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', key, ['aws.kms.key'], { attribute: AT_REST_KEY }));
  const sgs = dataAt(rec, 'Provisioned.BrokerNodeGroupInfo.SecurityGroups') ?? [];
  r.linkRefs!.push(liveLink(rec, ctx, 'securityGroups', sgs, ['aws.ec2.security-group'], { inverse: 'attachedResources', attribute: 'Provisioned.BrokerNodeGroupInfo.SecurityGroups' }));
  return r;
};

/** A serverless cluster as ListClustersV2 describes it (ClusterType SERVERLESS). */
const serverless: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.msk.serverless-cluster', ctx, [dataAt(rec, 'ClusterName')]);
  r.attrs = {
    name: liveAttr(rec, ctx, 'ClusterName'),
    iamAuthEnabled: liveAttr(rec, ctx, 'Serverless.ClientAuthentication.Sasl.Iam.Enabled', { default: false }),
    ...tagVals(rec, ctx, 'Tags'),
  };
  const sgs = ((dataAt(rec, 'Serverless.VpcConfigs') as Array<{ SecurityGroupIds?: string[] }> | undefined) ?? []).flatMap((v) => v.SecurityGroupIds ?? []);
  r.linkRefs!.push(liveLink(rec, ctx, 'securityGroups', sgs, ['aws.ec2.security-group'], { inverse: 'attachedResources', attribute: 'Serverless.VpcConfigs' }));
  return r;
};

export const mskLiveAdapters: Record<string, LiveAdapter> = { 'AWS::MSK::Cluster': cluster, 'AWS::MSK::ServerlessCluster': serverless };
