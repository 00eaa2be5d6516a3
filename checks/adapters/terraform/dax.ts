import { asBool, attr, linkRef, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/** aws_dax_cluster: server-side encryption off and a plaintext endpoint unless configured (both force a new cluster). */
const cluster: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.dax.cluster', [rec.values.cluster_name]);
  r.attrs = {
    name: attr<string>(rec, 'cluster_name'),
    sseEnabled: attr(rec, 'server_side_encryption.enabled', { default: false, map: asBool }),
    endpointEncryptionType: attr<string>(rec, 'cluster_endpoint_encryption_type', { default: 'NONE' }),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'securityGroups', 'security_group_ids', ['aws.ec2.security-group'], { inverse: 'attachedResources' }));
  return r;
};

export const daxAdapters: Record<string, TfAdapter> = { aws_dax_cluster: cluster };
