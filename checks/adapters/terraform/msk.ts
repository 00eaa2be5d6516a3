import { asBool, attr, awsManagedKeyAttr, computedAttr, linkRef, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const AT_REST_KEY = 'encryption_info.0.encryption_at_rest_kms_key_arn';
const IN_TRANSIT = 'encryption_info.0.encryption_in_transit.0';

/** aws_msk_cluster: broker volumes under aws/kafka unless a key is named; client traffic TLS-only and in-cluster TLS by default. */
const cluster: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.msk.cluster', [rec.values.cluster_name]);
  r.attrs = {
    name: attr<string>(rec, 'cluster_name'),
    kmsKeyArn: computedAttr<string>(rec, AT_REST_KEY),
    kmsKeyIsAwsManaged: awsManagedKeyAttr(rec, AT_REST_KEY),
    clientBroker: computedAttr<string>(rec, `${IN_TRANSIT}.client_broker`, { default: 'TLS' }),
    inCluster: computedAttr(rec, `${IN_TRANSIT}.in_cluster`, { default: true, map: asBool }),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'kmsKey', AT_REST_KEY, ['aws.kms.key']));
  r.linkRefs!.push(linkRef(rec, 'securityGroups', 'broker_node_group_info.0.security_groups', ['aws.ec2.security-group'], { inverse: 'attachedResources' }));
  return r;
};

/** aws_msk_serverless_cluster: the provider requires client_authentication.sasl.iam.enabled (the only mechanism MSK Serverless has). */
const serverless: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.msk.serverless-cluster', [rec.values.cluster_name]);
  r.attrs = {
    name: attr<string>(rec, 'cluster_name'),
    iamAuthEnabled: attr(rec, 'client_authentication.0.sasl.0.iam.0.enabled', { map: asBool }),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'securityGroups', 'vpc_config.0.security_group_ids', ['aws.ec2.security-group'], { inverse: 'attachedResources' }));
  return r;
};

export const mskAdapters: Record<string, TfAdapter> = { aws_msk_cluster: cluster, aws_msk_serverless_cluster: serverless };
