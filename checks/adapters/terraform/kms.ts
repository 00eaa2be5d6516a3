import type { LinkRef, Resource } from '../../model/resource.js';
import { isUnknown, type Val } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { asBool, asNumber, attr, jsonAttr, linkRef, locOf, rawAt, tagAttrs, tfResource, type TfAdapter } from './helpers.js';

/** A link to the data.aws_iam_policy_document an attribute's expression references (address only). */
export function policyDocumentRef(rec: TfRecord, name: string, path: string): LinkRef {
  const key = path.replace(/\.\d+(?=\.|$)/g, '');
  const addresses = (rec.references[key] ?? rec.references[path] ?? []).filter((a) => /(^|\.)data\.aws_iam_policy_document\./.test(a));
  return { name, kinds: ['aws.iam.policy-document'], addresses, literals: [], loc: locOf(rec, path) };
}

/**
 * True for a literal that names an AWS-managed key: `alias/aws/<service>` or an alias ARN
 * `arn:aws:kms:<region>:<account>:alias/aws/<service>`. AWS-managed keys never appear in a Terraform
 * model; a key ARN by id (`key/<uuid>`) cannot be told apart and is not matched here.
 */
export function isAwsManagedKeyRef(ref: string): boolean {
  return /^alias\/aws\//.test(ref) || /^arn:aws[a-z-]*:kms:[^:]*:[^:]*:alias\/aws\//.test(ref);
}

/**
 * Whether a KMS key attribute of `rec` (e.g. `kms_key_id`) names the AWS-managed key of the service:
 * - absent/null, when the service then uses its AWS-managed key (pass `absentMeansAwsManaged`): true (origin default)
 * - a literal `alias/aws/...` (or its ARN): true
 * - an expression referencing a managed resource (`aws_kms_key.x.arn`, `aws_kms_alias.x.arn`): false
 * - a literal customer alias (`alias/app`, `...:alias/app`): false
 * - a data source reference, an unknown value, or a literal key id/ARN: unknown (the kmsKey link may settle it)
 */
export function kmsKeyIsAwsManaged(rec: TfRecord, path: string, absentMeansAwsManaged: boolean): Val<boolean> {
  const key = path.replace(/\.\d+(?=\.|$)/g, '');
  const refs = rec.references[key] ?? rec.references[path] ?? [];
  const raw = rawAt(rec.values, path);
  const loc = locOf(rec, path);
  const managedRefs = refs.filter((a) => !/(^|\.)data\./.test(a));
  if (managedRefs.length > 0 && managedRefs.length === refs.length) return { value: false, origin: 'explicit', loc };
  if (isUnknown(raw) || refs.length > 0) return { value: undefined, origin: 'unknown', loc };
  if (raw === undefined || raw === null || raw === '') {
    return absentMeansAwsManaged ? { value: true, origin: 'default', loc } : { value: undefined, origin: 'default', loc };
  }
  if (typeof raw !== 'string') return { value: undefined, origin: 'unknown', loc };
  if (isAwsManagedKeyRef(raw)) return { value: true, origin: 'explicit', loc };
  if (/^alias\//.test(raw) || /:alias\//.test(raw)) return { value: false, origin: 'explicit', loc };
  return { value: undefined, origin: 'unknown', loc };
}

/**
 * `attr` for an Optional+Computed argument: a plan shows it as known after apply when the configuration
 * leaves it out, yet AWS then applies its default (the default key policy, the 365-day period), which
 * is what the HCL source reports too.
 */
function computedAttr<T>(rec: TfRecord, path: string, opts: { default?: T; map?: (raw: unknown) => T | undefined } = {}): Val<T> {
  const v = attr<T>(rec, path, opts);
  if (v.origin === 'unknown' && rec.configured && !rec.configured.has(path)) return { value: opts.default, origin: 'default', loc: v.loc };
  return v;
}

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
    keyPolicy: rec.configured && !rec.configured.has('policy') && attr(rec, 'policy').origin === 'unknown' ? computedAttr(rec, 'policy') : jsonAttr(rec, 'policy'),
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

/** Terraform resource type -> adapter. */
export const kmsAdapters: Record<string, TfAdapter> = {
  aws_kms_key: kmsKey,
  aws_kms_replica_key: otherKey('replica'),
  aws_kms_external_key: otherKey('external'),
  aws_kms_replica_external_key: otherKey('replica-external'),
  aws_kms_alias: kmsAlias,
};
