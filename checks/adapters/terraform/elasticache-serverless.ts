import { isUnknown, UNKNOWN, type Val } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { attr, awsManagedKeyAttr, computedAttr, linkRef, locOf, rawAt, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/**
 * user_group_id as a list of none or one, as replication groups name theirs: a reference known only after apply is
 * a list of one unknown id, so the check follows the userGroups link to the group it names.
 */
function userGroupIds(rec: TfRecord): Val<unknown[]> {
  const raw = rawAt(rec.values, 'user_group_id');
  if (isUnknown(raw)) return { value: [UNKNOWN], origin: 'explicit', loc: locOf(rec, 'user_group_id') };
  return attr<unknown[]>(rec, 'user_group_id', { default: [], map: (x) => (x === '' ? [] : [x]) });
}

/** aws_elasticache_serverless_cache: always encrypted at rest; kms_key_id unset means a key AWS owns. */
const cache: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.elasticache.serverless-cache', [rec.values.name]);
  r.attrs = {
    name: computedAttr<string>(rec, 'name'),
    engine: attr<string>(rec, 'engine', { map: (x) => String(x).toLowerCase() }),
    userGroupIds: userGroupIds(rec),
    kmsKeyId: computedAttr<string>(rec, 'kms_key_id'),
    kmsKeyIsAwsManaged: awsManagedKeyAttr(rec, 'kms_key_id'),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'kms_key_id', ['aws.kms.key']));
  r.linkRefs!.push(linkRef(rec, 'userGroups', 'user_group_id', ['aws.elasticache.user-group']));
  r.linkRefs!.push(linkRef(rec, 'securityGroups', 'security_group_ids', ['aws.ec2.security-group'], { inverse: 'attachedResources' }));
  return r;
};

export const elasticacheServerlessAdapters: Record<string, TfAdapter> = { aws_elasticache_serverless_cache: cache };
