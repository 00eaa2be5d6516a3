import { asBool, attr, awsManagedKeyAttr, computedAttr, linkRef, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/** aws_memorydb_cluster: always encrypted at rest (kms_key_arn unset: a key AWS owns); TLS on by default. */
const cluster: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.memorydb.cluster', [rec.values.name]);
  r.attrs = {
    name: computedAttr<string>(rec, 'name'),
    kmsKeyArn: computedAttr<string>(rec, 'kms_key_arn'),
    kmsKeyIsAwsManaged: awsManagedKeyAttr(rec, 'kms_key_arn'),
    tlsEnabled: computedAttr(rec, 'tls_enabled', { default: true, map: asBool }),
    aclName: attr<string>(rec, 'acl_name'),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'kms_key_arn', ['aws.kms.key']));
  r.linkRefs!.push(linkRef(rec, 'securityGroups', 'security_group_ids', ['aws.ec2.security-group'], { inverse: 'attachedResources' }));
  return r;
};

export const memorydbAdapters: Record<string, TfAdapter> = { aws_memorydb_cluster: cluster };
