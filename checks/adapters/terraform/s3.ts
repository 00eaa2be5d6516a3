import type { Resource } from '../../model/resource.js';
import { isUnknown, UNKNOWN, type Val } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { accountFacet, asBool, asNumber, attr, awsManagedKeyAttr, computedAttr, isConfigured, jsonAttr, linkRef, policyDocumentRef, rawAt, tagAttrs, tfResource, type AttrOptions, type TfAdapter } from './helpers/index.js';

/*
 * S3 buckets. aws_s3_bucket carries the inline (provider v3) blocks; provider v4+ moved each of them
 * into a split resource, adapted here as a facet (`mergeInto: 'bucket'`) that the linker merges into
 * the bucket its `bucket` argument names (by reference, or by the literal bucket name).
 *
 * In provider v4+ the inline blocks are Optional+Computed, so a plan shows them as computed for a new
 * bucket even when the configuration never mentions them. When the block is not configured, the value
 * is what AWS gives a new bucket (its default), not unknown; an existing bucket's plan shows the real
 * values from state.
 */

/** `computedAttr` for a value inside an inline block: the block as a whole decides. */
function inline<T>(rec: TfRecord, path: string, opts: AttrOptions<T> = {}): Val<T> {
  return computedAttr<T>(rec, path, { ...opts, configuredAt: path.split('.')[0]! });
}

function str(raw: unknown): string | undefined {
  return typeof raw === 'string' && raw !== '' ? raw : undefined;
}

/** Normalise one raw field: unknown stays an UnknownValue marker, absent becomes undefined. */
function field<T>(raw: unknown, map: (x: unknown) => T | undefined): T | undefined | typeof UNKNOWN {
  if (isUnknown(raw)) return UNKNOWN;
  if (raw === null || raw === undefined) return undefined;
  return map(raw);
}

function first(raw: unknown): unknown {
  if (isUnknown(raw)) return raw;
  return Array.isArray(raw) ? raw[0] : raw;
}

function nonEmpty(raw: unknown): boolean | typeof UNKNOWN {
  if (isUnknown(raw)) return UNKNOWN;
  if (raw === null || raw === undefined || raw === '') return false;
  if (Array.isArray(raw)) return raw.length > 0;
  if (typeof raw === 'object') return Object.keys(raw).length > 0;
  return true;
}

/** Whether a lifecycle rule is narrowed to part of the bucket (prefix, tags, object size). */
function ruleFiltered(rule: Record<string, unknown>): boolean | typeof UNKNOWN {
  const parts: unknown[] = [rule.prefix, rule.tags];
  const filter = first(rule.filter);
  if (isUnknown(filter)) return UNKNOWN;
  if (filter && typeof filter === 'object') {
    const f = filter as Record<string, unknown>;
    parts.push(f.prefix, f.tag, f.object_size_greater_than, f.object_size_less_than);
    const and = first(f.and);
    if (isUnknown(and)) return UNKNOWN;
    if (and && typeof and === 'object') {
      const a = and as Record<string, unknown>;
      parts.push(a.prefix, a.tags, a.object_size_greater_than, a.object_size_less_than);
    }
  }
  let unknown = false;
  for (const p of parts) {
    const n = nonEmpty(p);
    if (n === true) {
      // A size bound of 0 does not narrow anything.
      if (typeof p === 'number' && p === 0) continue;
      return true;
    }
    if (n === UNKNOWN) unknown = true;
  }
  return unknown ? UNKNOWN : false;
}

/** Lifecycle rules of either shape (v3 lifecycle_rule, v4 aws_s3_bucket_lifecycle_configuration.rule). */
function lifecycleRules(raw: unknown, v4: boolean): unknown {
  if (isUnknown(raw)) return raw;
  if (!Array.isArray(raw)) return [];
  return raw.map((el) => {
    if (isUnknown(el) || !el || typeof el !== 'object') return UNKNOWN;
    const rule = el as Record<string, unknown>;
    const exp = first(rule.expiration);
    const nce = first(rule.noncurrent_version_expiration);
    const expObj = (exp && typeof exp === 'object' && !isUnknown(exp) ? exp : {}) as Record<string, unknown>;
    const nceObj = (nce && typeof nce === 'object' && !isUnknown(nce) ? nce : {}) as Record<string, unknown>;
    const transitions = isUnknown(rule.transition)
      ? UNKNOWN
      : (Array.isArray(rule.transition) ? rule.transition : []).map((t) =>
          isUnknown(t) || !t || typeof t !== 'object'
            ? UNKNOWN
            : { days: field((t as Record<string, unknown>).days, asNumber), storageClass: field((t as Record<string, unknown>).storage_class, str) },
        );
    const days = (x: unknown): number | undefined => {
      const n = asNumber(x);
      return n === undefined || n === 0 ? undefined : n;
    };
    return {
      id: field(rule.id, str),
      enabled: v4 ? field(rule.status, (s) => s === 'Enabled') : field(rule.enabled, asBool),
      filtered: ruleFiltered(rule),
      expirationDays: isUnknown(exp) ? UNKNOWN : field(expObj.days, days),
      expirationDate: isUnknown(exp) ? UNKNOWN : field(expObj.date, str),
      noncurrentExpirationDays: isUnknown(nce) ? UNKNOWN : field(v4 ? nceObj.noncurrent_days : nceObj.days, days),
      transitions,
    };
  });
}

/** ACL grants as one element per (grantee, permission). */
function grantsV3(raw: unknown): unknown {
  if (isUnknown(raw)) return raw;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((g): unknown[] => {
    if (isUnknown(g) || !g || typeof g !== 'object') return [UNKNOWN];
    const o = g as Record<string, unknown>;
    const perms = isUnknown(o.permissions) ? [UNKNOWN] : Array.isArray(o.permissions) ? o.permissions : [];
    return perms.map((p: unknown) => ({ granteeType: field(o.type, str), uri: field(o.uri, str), id: field(o.id, str), permission: field(p, str) }));
  });
}

function grantsV4(raw: unknown): unknown {
  if (isUnknown(raw)) return raw;
  if (!Array.isArray(raw)) return [];
  return raw.map((g) => {
    if (isUnknown(g) || !g || typeof g !== 'object') return UNKNOWN;
    const o = g as Record<string, unknown>;
    const grantee = first(o.grantee);
    if (isUnknown(grantee)) return { granteeType: UNKNOWN, uri: UNKNOWN, id: UNKNOWN, permission: field(o.permission, str) };
    const ge = (grantee && typeof grantee === 'object' ? grantee : {}) as Record<string, unknown>;
    return { granteeType: field(ge.type, str), uri: field(ge.uri, str), id: field(ge.id, str), permission: field(o.permission, str) };
  });
}

function replicationOf(role: unknown, rules: unknown): unknown {
  if (isUnknown(rules)) return UNKNOWN;
  if (!Array.isArray(rules) || rules.length === 0) return undefined;
  return {
    role: field(role, str),
    rules: rules.map((el) => {
      if (isUnknown(el) || !el || typeof el !== 'object') return UNKNOWN;
      const o = el as Record<string, unknown>;
      const dest = first(o.destination);
      const d = (dest && typeof dest === 'object' && !isUnknown(dest) ? dest : {}) as Record<string, unknown>;
      return {
        id: field(o.id, str),
        enabled: field(o.status, (s) => s === 'Enabled'),
        destinationBucket: isUnknown(dest) ? UNKNOWN : field(d.bucket, str),
        destinationStorageClass: isUnknown(dest) ? UNKNOWN : field(d.storage_class, str),
      };
    }),
  };
}

/** A Val from a normalised raw value (unknown when the whole value is unknown). */
function valOf<T>(raw: unknown, base: Val): Val<T> {
  if (base.origin === 'unknown' || isUnknown(raw)) return { value: undefined, origin: 'unknown', loc: base.loc };
  return { value: raw as T, origin: base.origin, loc: base.loc };
}

/** SSE attrs from a rule block (`<prefix>rule.apply_server_side_encryption_by_default...`). */
function sseAttrs(rec: TfRecord, prefix: string, get: typeof inline): Record<string, Val> {
  const algoPath = `${prefix}rule.apply_server_side_encryption_by_default.sse_algorithm`;
  const keyPath = `${prefix}rule.apply_server_side_encryption_by_default.kms_master_key_id`;
  const sseAlgorithm = get<string>(rec, algoPath, { default: 'AES256' });
  const kms = typeof sseAlgorithm.value === 'string' && sseAlgorithm.value.startsWith('aws:kms');
  const out: Record<string, Val> = {
    sseAlgorithm,
    kmsKeyId: get<string>(rec, keyPath),
    bucketKeyEnabled: get<boolean>(rec, `${prefix}rule.bucket_key_enabled`, { default: false, map: asBool }),
    kmsKeyIsAwsManaged:
      sseAlgorithm.origin === 'unknown'
        ? { value: undefined, origin: 'unknown', loc: sseAlgorithm.loc }
        : kms
          ? awsManagedKeyAttr(rec, keyPath)
          : { value: undefined, origin: 'default', loc: sseAlgorithm.loc },
  };
  return out;
}

const bucket: TfAdapter = (rec) => {
  const name = typeof rec.values.bucket === 'string' ? rec.values.bucket : undefined;
  const r = tfResource(rec, 'aws.s3.bucket', [name, name ? `arn:aws:s3:::${name}` : undefined]);
  const { tags, dataClass } = tagAttrs(rec);

  const sse = sseAttrs(rec, 'server_side_encryption_configuration.', inline);

  const versioning = inline<boolean>(rec, 'versioning.enabled', { default: false, map: asBool });
  const lifecycleBase = inline<unknown>(rec, 'lifecycle_rule', { default: [] });
  const grantsBase = inline<unknown>(rec, 'grant', { default: [] });
  const loggingTarget = inline<string>(rec, 'logging.target_bucket');
  const policy = jsonAttr(rec, 'policy');
  const policyVal: Val = policy.origin === 'unknown' && isConfigured(rec, 'policy') === false ? { value: undefined, origin: 'default', loc: policy.loc } : policy;
  if (policyVal.value === '') policyVal.value = undefined;
  // object_lock_enabled (v4+, top level) or object_lock_configuration.object_lock_enabled = "Enabled" (v3):
  // either one on means on; otherwise the more uncertain of the two.
  const lockTop = inline<boolean>(rec, 'object_lock_enabled', { default: false, map: asBool });
  const lockV3 = inline<boolean>(rec, 'object_lock_configuration.object_lock_enabled', { default: false, map: (x) => x === 'Enabled' });
  const objectLockEnabled: Val<boolean> =
    lockTop.value === true ? lockTop : lockV3.value === true ? lockV3 : lockTop.origin === 'unknown' ? lockTop : lockV3.origin === 'unknown' ? lockV3 : lockTop.origin === 'explicit' ? lockTop : lockV3;
  const replBase = inline<unknown>(rec, 'replication_configuration');
  const replRaw = rawAt(rec.values, 'replication_configuration');
  const repl = first(replRaw);
  const replObj = (repl && typeof repl === 'object' && !isUnknown(repl) ? repl : {}) as Record<string, unknown>;

  r.attrs = {
    bucketName: attr<string>(rec, 'bucket'),
    ...sse,
    versioningEnabled: versioning,
    mfaDelete: inline<boolean>(rec, 'versioning.mfa_delete', { default: false, map: asBool }),
    blockPublicAcls: { value: false, origin: 'default', loc: r.loc },
    ignorePublicAcls: { value: false, origin: 'default', loc: r.loc },
    blockPublicPolicy: { value: false, origin: 'default', loc: r.loc },
    restrictPublicBuckets: { value: false, origin: 'default', loc: r.loc },
    acl: inline<string>(rec, 'acl', { default: 'private' }),
    aclGrants: valOf(known(rawAt(rec.values, 'grant'), grantsV3), grantsBase),
    policy: policyVal,
    lifecycleRules: valOf(known(rawAt(rec.values, 'lifecycle_rule'), (x) => lifecycleRules(x, false)), lifecycleBase),
    loggingEnabled: loggingOn(loggingTarget, isConfigured(rec, 'logging') === true),
    loggingTargetBucket: loggingTarget,
    objectLockEnabled,
    objectLockDefaultRetention: inline<unknown>(rec, 'object_lock_configuration.rule.default_retention', {
      map: (x) => retention(first(x)),
    }),
    replication: replBase.origin === 'unknown' ? replBase : replBase.value === undefined ? replBase : valOf(replicationOf(replObj.role, replObj.rules), replBase),
    tags,
    dataClass,
  };
  r.linkRefs = [
    linkRef(rec, 'kmsKey', 'server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.kms_master_key_id', ['aws.kms.key']),
    linkRef(rec, 'loggingTarget', 'logging.target_bucket', ['aws.s3.bucket'], { inverse: 'accessLogSources' }),
    policyDocumentRef(rec, 'policySource', 'policy'),
  ];
  return r;
};

/** Normalise a raw block list; an unknown one here belongs to an unconfigured block (AWS default: none). */
function known(raw: unknown, normalise: (raw: unknown) => unknown): unknown {
  return isUnknown(raw) || raw === undefined || raw === null ? [] : normalise(raw);
}

/**
 * Server access logging is on when a target bucket is set. target_bucket is required in the block and
 * in aws_s3_bucket_logging, so a configured block whose target is known only after apply (a reference
 * to another bucket's id) is on all the same.
 */
function loggingOn(target: Val<string>, configured = false): Val<boolean> {
  if (target.origin === 'unknown') return configured ? { value: true, origin: 'explicit', loc: target.loc } : { value: undefined, origin: 'unknown', loc: target.loc };
  return { value: typeof target.value === 'string' && target.value !== '', origin: target.origin, loc: target.loc };
}

function retention(x: unknown): unknown {
  if (isUnknown(x)) return UNKNOWN;
  if (!x || typeof x !== 'object') return undefined;
  const o = x as Record<string, unknown>;
  return { mode: field(o.mode, str), days: field(o.days, asNumber), years: field(o.years, asNumber) };
}

/** A split resource of provider v4+: merged into the bucket its `bucket` argument names. */
function facet(rec: TfRecord): Resource {
  const r = tfResource(rec, 'aws.s3.bucket');
  r.identifiers = [];
  r.mergeInto = 'bucket';
  // org slice (wave 4): the encryption and policy facets also name directory buckets (the other facets cannot).
  r.linkRefs = [linkRef(rec, 'bucket', 'bucket', ['aws.s3.bucket', 'aws.s3.directory-bucket'])];
  return r;
}

function flag(rec: TfRecord, path: string): Val<boolean> {
  return attr<boolean>(rec, path, { default: false, map: asBool });
}

/** Terraform resource type -> adapter. */
export const s3Adapters: Record<string, TfAdapter> = {
  aws_s3_bucket: bucket,

  aws_s3_bucket_server_side_encryption_configuration: (rec) => {
    const r = facet(rec);
    r.attrs = sseAttrs(rec, '', attr);
    r.linkRefs!.push(linkRef(rec, 'kmsKey', 'rule.apply_server_side_encryption_by_default.kms_master_key_id', ['aws.kms.key']));
    return r;
  },

  aws_s3_bucket_versioning: (rec) => {
    const r = facet(rec);
    r.attrs = {
      // status Enabled | Suspended | Disabled (Disabled only for a bucket that never had versioning).
      versioningEnabled: attr<boolean>(rec, 'versioning_configuration.status', { default: false, map: (x) => x === 'Enabled' }),
      mfaDelete: attr<boolean>(rec, 'versioning_configuration.mfa_delete', { default: false, map: (x) => x === 'Enabled' }),
    };
    return r;
  },

  aws_s3_bucket_public_access_block: (rec) => {
    const r = facet(rec);
    r.attrs = {
      blockPublicAcls: flag(rec, 'block_public_acls'),
      ignorePublicAcls: flag(rec, 'ignore_public_acls'),
      blockPublicPolicy: flag(rec, 'block_public_policy'),
      restrictPublicBuckets: flag(rec, 'restrict_public_buckets'),
    };
    return r;
  },

  aws_s3_bucket_lifecycle_configuration: (rec) => {
    const r = facet(rec);
    const base = attr<unknown>(rec, 'rule', { default: [] });
    r.attrs = { lifecycleRules: valOf(lifecycleRules(rawAt(rec.values, 'rule') ?? [], true), base) };
    return r;
  },

  aws_s3_bucket_logging: (rec) => {
    const r = facet(rec);
    const target = attr<string>(rec, 'target_bucket');
    r.attrs = { loggingEnabled: loggingOn(target, true), loggingTargetBucket: target };
    r.linkRefs!.push(linkRef(rec, 'loggingTarget', 'target_bucket', ['aws.s3.bucket'], { inverse: 'accessLogSources' }));
    return r;
  },

  aws_s3_bucket_policy: (rec) => {
    const r = facet(rec);
    r.attrs = { policy: jsonAttr(rec, 'policy') };
    r.linkRefs!.push(policyDocumentRef(rec, 'policySource', 'policy'));
    return r;
  },

  aws_s3_bucket_acl: (rec) => {
    const r = facet(rec);
    const grants = attr<unknown>(rec, 'access_control_policy.grant', { default: [] });
    r.attrs = {
      // With access_control_policy instead of a canned acl, the canned value is absent (private plus the grants).
      acl: attr<string>(rec, 'acl', { default: 'private' }),
      aclGrants: valOf(grants.origin === 'default' ? [] : grantsV4(rawAt(rec.values, 'access_control_policy.grant')), grants),
    };
    return r;
  },

  aws_s3_bucket_object_lock_configuration: (rec) => {
    const r = facet(rec);
    r.attrs = {
      objectLockEnabled: attr<boolean>(rec, 'object_lock_enabled', { default: true, map: (x) => x === 'Enabled' }),
      objectLockDefaultRetention: attr<unknown>(rec, 'rule.default_retention', { map: (x) => retention(first(x)) }),
    };
    return r;
  },

  aws_s3_bucket_replication_configuration: (rec) => {
    const r = facet(rec);
    const base = attr<unknown>(rec, 'rule');
    r.attrs = { replication: valOf(replicationOf(rawAt(rec.values, 'role'), rawAt(rec.values, 'rule')), base) };
    return r;
  },

  aws_s3_account_public_access_block: (rec) => {
    const r = accountFacet(rec);
    r.attrs = {
      s3BlockPublicAcls: flag(rec, 'block_public_acls'),
      s3IgnorePublicAcls: flag(rec, 'ignore_public_acls'),
      s3BlockPublicPolicy: flag(rec, 'block_public_policy'),
      s3RestrictPublicBuckets: flag(rec, 'restrict_public_buckets'),
    };
    return r;
  },
};
