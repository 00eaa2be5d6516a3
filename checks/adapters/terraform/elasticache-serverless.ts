import { awsManagedKeyAttr, computedAttr, linkRef, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/** aws_elasticache_serverless_cache: always encrypted at rest; kms_key_id unset means a key AWS owns. */
const cache: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.elasticache.serverless-cache', [rec.values.name]);
  r.attrs = {
    name: computedAttr<string>(rec, 'name'),
    kmsKeyId: computedAttr<string>(rec, 'kms_key_id'),
    kmsKeyIsAwsManaged: awsManagedKeyAttr(rec, 'kms_key_id'),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'kms_key_id', ['aws.kms.key']));
  r.linkRefs!.push(linkRef(rec, 'securityGroups', 'security_group_ids', ['aws.ec2.security-group'], { inverse: 'attachedResources' }));
  return r;
};

export const elasticacheServerlessAdapters: Record<string, TfAdapter> = { aws_elasticache_serverless_cache: cache };
