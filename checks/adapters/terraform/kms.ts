import type { Resource } from '../../model/resource.js';
import type { Val } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { asBool, asNumber, attr, computedAttr, isConfigured, jsonAttr, linkRef, policyDocumentRef, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const kmsKey: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.kms.key', [rec.values.key_id]);
  const rotation = attr<boolean>(rec, 'enable_key_rotation', { default: false, map: asBool });
  const period = computedAttr<number>(rec, 'rotation_period_in_days', { map: asNumber });
  const { tags, dataClass } = tagAttrs(rec);
  r.attrs = {
    keyId: attr<string>(rec, 'key_id'),
    description: attr<string>(rec, 'description'),
    customerManaged: { value: true, origin: 'default', loc: r.loc },
    enabled: attr<boolean>(rec, 'is_enabled', { default: true, map: asBool }),
    keyUsage: attr<string>(rec, 'key_usage', { default: 'ENCRYPT_DECRYPT' }),
    keySpec: attr<string>(rec, 'customer_master_key_spec', { default: 'SYMMETRIC_DEFAULT' }),
    rotationEnabled: rotation,
    // AWS applies a 365-day period when rotation is on and no period is given.
    rotationPeriodDays:
      period.origin === 'default' && period.value === undefined && rotation.value === true ? { value: 365, origin: 'default', loc: period.loc } : period,
    deletionWindowDays: attr<number>(rec, 'deletion_window_in_days', { default: 30, map: asNumber }),
    pendingDeletion: { value: false, origin: 'default', loc: r.loc },
    // Optional+Computed: not configured, AWS gives the key its default key policy (whose text is not known here).
    keyPolicy: isConfigured(rec, 'policy') === false && attr(rec, 'policy').origin === 'unknown' ? computedAttr(rec, 'policy') : jsonAttr(rec, 'policy'),
    multiRegion: attr<boolean>(rec, 'multi_region', { default: false, map: asBool }),
    keyOrigin: keyOrigin(rec),
    replica: { value: false, origin: 'default', loc: r.loc },
    tags,
    dataClass,
  };
  r.linkRefs = [policyDocumentRef(rec, 'keyPolicySource', 'policy')];
  return r;
};

/** AWS_KMS unless the key lives in a custom key store (CloudHSM or external). */
function keyOrigin(rec: TfRecord): Val<string> {
  const store = attr<string>(rec, 'custom_key_store_id');
  const xks = attr<string>(rec, 'xks_key_id');
  if (store.origin === 'unknown' || xks.origin === 'unknown') return { value: undefined, origin: 'unknown', loc: store.loc };
  if (typeof xks.value === 'string' && xks.value) return { value: 'EXTERNAL_KEY_STORE', origin: 'explicit', loc: xks.loc };
  if (typeof store.value === 'string' && store.value) return { value: 'AWS_CLOUDHSM', origin: 'explicit', loc: store.loc };
  return { value: 'AWS_KMS', origin: 'default', loc: store.loc };
}

/**
 * Imported key material (aws_kms_external_key) and multi-Region replicas: customer-managed keys whose
 * rotation is not theirs to set (imported material cannot rotate automatically; a replica shares its
 * primary's rotation).
 */
function otherKey(kind: 'external' | 'replica' | 'replica-external'): TfAdapter {
  return (rec) => {
    const r = tfResource(rec, 'aws.kms.key', [rec.values.key_id]);
    const { tags, dataClass } = tagAttrs(rec);
    const replica = kind !== 'external';
    r.attrs = {
      keyId: attr<string>(rec, 'key_id'),
      description: attr<string>(rec, 'description'),
      customerManaged: { value: true, origin: 'default', loc: r.loc },
      enabled: attr<boolean>(rec, 'enabled', { default: true, map: asBool }),
      keyUsage: attr<string>(rec, 'key_usage', { default: 'ENCRYPT_DECRYPT' }),
      keySpec: { value: 'SYMMETRIC_DEFAULT', origin: 'default', loc: r.loc },
      deletionWindowDays: attr<number>(rec, 'deletion_window_in_days', { default: 30, map: asNumber }),
      pendingDeletion: { value: false, origin: 'default', loc: r.loc },
      keyPolicy: jsonAttr(rec, 'policy'),
      multiRegion: replica ? { value: true, origin: 'default', loc: r.loc } : attr<boolean>(rec, 'multi_region', { default: false, map: asBool }),
      keyOrigin: { value: kind === 'replica' ? 'AWS_KMS' : 'EXTERNAL', origin: 'default', loc: r.loc },
      replica: { value: replica, origin: 'default', loc: r.loc },
      tags,
      dataClass,
    };
    r.linkRefs = [policyDocumentRef(rec, 'keyPolicySource', 'policy')];
    if (replica) r.linkRefs.push(linkRef(rec, 'primaryKey', 'primary_key_arn', ['aws.kms.key']));
    return r;
  };
}

/**
 * aws_kms_alias is a facet of its key: it adds the alias name to the key's `aliases` and its name and
 * ARN to the key's identifiers, so `alias/x` literals and `aws_kms_alias.x` references reach the key.
 */
const kmsAlias: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.kms.key', [rec.values.name]);
  const name = attr<string>(rec, 'name');
  r.attrs = {};
  if (name.origin !== 'unknown' && typeof name.value === 'string') r.attrs.aliases = { value: [name.value], origin: name.origin, loc: name.loc };
  r.linkRefs = [linkRef(rec, 'key', 'target_key_id', ['aws.kms.key'])];
  r.mergeInto = 'key';
  r.appendAttrs = ['aliases'];
  return r as Resource;
};

/**
 * aws_kms_key_policy sets a key's policy apart from the key: a facet of the key whose policy replaces the one the key
 * would otherwise have (without it the key's own `policy` is unset, and the key looked like it kept AWS's default).
 */
const kmsKeyPolicy: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.kms.key', []);
  r.identifiers = [];
  r.attrs = { keyPolicy: jsonAttr(rec, 'policy') };
  r.linkRefs = [linkRef(rec, 'key', 'key_id', ['aws.kms.key']), policyDocumentRef(rec, 'keyPolicySource', 'policy')];
  r.mergeInto = 'key';
  return r as Resource;
};

/** Terraform resource type -> adapter. */
export const kmsAdapters: Record<string, TfAdapter> = {
  aws_kms_key: kmsKey,
  aws_kms_replica_key: otherKey('replica'),
  aws_kms_external_key: otherKey('external'),
  aws_kms_replica_external_key: otherKey('replica-external'),
  aws_kms_alias: kmsAlias,
  aws_kms_key_policy: kmsKeyPolicy,
};
