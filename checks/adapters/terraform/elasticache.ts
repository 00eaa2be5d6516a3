import type { Val } from '../../model/value.js';
import { asBool, asNumber, attr, computedAttr, derived, linkRef, locOf, secretSet, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

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
};
