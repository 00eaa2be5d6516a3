import type { Val } from '../../model/value.js';
import { asBool, asNumber, attr, computedAttr, derived, isConfigured, linkRef, locOf, secretSet, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const replicationGroup: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.elasticache.replication-group', [rec.values.replication_group_id]);
  const engine = computedAttr<string>(rec, 'engine', { default: 'redis' });
  // AWS default: at-rest encryption on for Valkey, off for Redis OSS.
  const atRestDefault = engine.origin === 'unknown' ? undefined : String(engine.value).toLowerCase() === 'valkey';
  let atRest = computedAttr(rec, 'at_rest_encryption_enabled', { default: atRestDefault, map: asBool });
  if (atRest.origin === 'default' && atRestDefault === undefined) atRest = { ...atRest, origin: 'unknown' };
  const token = secretSet(rec, 'auth_token');
  const tokenWo = secretSet(rec, 'auth_token_wo');
  r.attrs = {
    replicationGroupId: attr<string>(rec, 'replication_group_id'),
    engine,
    engineVersion: computedAttr<string>(rec, 'engine_version', { map: (x) => String(x) }),
    atRestEncryptionEnabled: atRest,
    transitEncryptionEnabled: computedAttr(rec, 'transit_encryption_enabled', { default: false, map: asBool }),
    transitEncryptionMode: computedAttr<string>(rec, 'transit_encryption_mode'),
    authTokenSet: tokenWo.value === true ? tokenWo : token,
    userGroupIds: computedAttr<unknown[]>(rec, 'user_group_ids', { default: [] }),
    kmsKeyId: computedAttr<string>(rec, 'kms_key_id'),
    snapshotRetentionLimit: computedAttr(rec, 'snapshot_retention_limit', { default: 0, map: asNumber }),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'kms_key_id', ['aws.kms.key']));
  r.linkRefs!.push(linkRef(rec, 'securityGroups', 'security_group_ids', ['aws.ec2.security-group'], { inverse: 'attachedResources' }));
  r.linkRefs!.push(linkRef(rec, 'userGroups', 'user_group_ids', ['aws.elasticache.user-group']));
  return r;
};

/** aws_elasticache_user_group: its users by id (the built-in `default` user is never a resource of the input). */
const userGroup: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.elasticache.user-group', [rec.values.user_group_id]);
  r.attrs = { userGroupId: attr<string>(rec, 'user_group_id'), userIds: computedAttr<unknown[]>(rec, 'user_ids', { default: [] }) };
  r.linkRefs!.push(linkRef(rec, 'users', 'user_ids', ['aws.elasticache.user']));
  return r;
};

/** aws_elasticache_user_group_association: one more user of a group, appended to the group's userIds. */
const userGroupAssociation: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.elasticache.user-group-association');
  r.identifiers = [];
  const user = attr<string>(rec, 'user_id');
  r.attrs = { userIds: user.origin === 'unknown' ? user : { ...user, value: user.value === undefined ? [] : [user.value] } };
  r.appendAttrs = ['userIds'];
  r.linkRefs!.push(linkRef(rec, 'group', 'user_group_id', ['aws.elasticache.user-group']), linkRef(rec, 'users', 'user_id', ['aws.elasticache.user']));
  r.mergeInto = 'group';
  return r;
};

/** aws_elasticache_user: passwordless when no_password_required or an authentication_mode of no-password-required. */
const user: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.elasticache.user', [rec.values.user_id]);
  const flag = attr<boolean>(rec, 'no_password_required', { default: false, map: asBool });
  const mode = computedAttr<string>(rec, 'authentication_mode.0.type', { configuredAt: 'authentication_mode' });
  r.attrs = {
    userId: attr<string>(rec, 'user_id'),
    userName: attr<string>(rec, 'user_name'),
    accessString: attr<string>(rec, 'access_string'),
    passwordless:
      flag.value === true || mode.value === 'no-password-required'
        ? { value: true, origin: 'explicit', loc: flag.value === true ? flag.loc : mode.loc }
        : flag.origin === 'unknown' || (mode.origin === 'unknown' && isConfigured(rec, 'authentication_mode') !== false)
          ? { value: undefined, origin: 'unknown', loc: flag.loc }
          : derived(false, [flag]),
  };
  return r;
};

const cacheCluster: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.elasticache.cluster', [rec.values.cluster_id]);
  const rg = attr<string>(rec, 'replication_group_id');
  const member = rg.origin === 'unknown' || rg.value !== undefined || (rec.references.replication_group_id?.length ?? 0) > 0;
  const engine = computedAttr<string>(rec, 'engine');
  const standalone: Val<boolean> = rg.origin === 'unknown' && !(rec.references.replication_group_id?.length) ? { value: undefined, origin: 'unknown', loc: rg.loc } : { value: !member, origin: rg.origin === 'default' ? 'default' : 'explicit', loc: rg.loc };
  r.attrs = {
    clusterId: attr<string>(rec, 'cluster_id'),
    replicationGroupId: rg,
    standalone,
    engine,
    engineVersion: computedAttr<string>(rec, 'engine_version', { map: (x) => String(x) }),
    // aws_elasticache_cluster cannot enable at-rest encryption: a standalone cache cluster is unencrypted.
    atRestEncryptionEnabled: derived(false, [engine], locOf(rec, 'engine')),
    transitEncryptionEnabled: computedAttr(rec, 'transit_encryption_enabled', { default: false, map: asBool }),
    snapshotRetentionLimit: computedAttr(rec, 'snapshot_retention_limit', { default: 0, map: asNumber }),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'replicationGroup', 'replication_group_id', ['aws.elasticache.replication-group'], { inverse: 'members' }));
  r.linkRefs!.push(linkRef(rec, 'securityGroups', 'security_group_ids', ['aws.ec2.security-group'], { inverse: 'attachedResources' }));
  return r;
};

/** Terraform resource type -> adapter. */
export const elasticacheAdapters: Record<string, TfAdapter> = {
  aws_elasticache_replication_group: replicationGroup,
  aws_elasticache_cluster: cacheCluster,
  aws_elasticache_user_group: userGroup,
  aws_elasticache_user_group_association: userGroupAssociation,
  aws_elasticache_user: user,
};
