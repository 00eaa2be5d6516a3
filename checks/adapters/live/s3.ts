import type { SnapshotResource } from '../../sources/live/snapshot.js';
import { asBool, dataAt, keyFlag, keyIsAwsManaged, liveAttr, liveDerived, liveLink, liveResource, tagVals, type LiveAdapter, type LiveCtx } from './helpers/index.js';

interface LifecycleRule {
  ID?: string;
  Status?: string;
  Filter?: Record<string, unknown>;
  Prefix?: string;
  Expiration?: { Days?: number; Date?: string };
  NoncurrentVersionExpiration?: { NoncurrentDays?: number };
  Transitions?: Array<{ Days?: number; StorageClass?: string }>;
}

function filtered(rule: LifecycleRule): boolean {
  if (rule.Prefix) return true;
  const f = rule.Filter;
  if (!f) return false;
  if (typeof f.Prefix === 'string' && f.Prefix !== '') return true;
  return f.Tag !== undefined || f.And !== undefined || f.ObjectSizeGreaterThan !== undefined || f.ObjectSizeLessThan !== undefined;
}

function lifecycle(rec: SnapshotResource): unknown[] {
  const rules = (dataAt(rec, 'lifecycle') as LifecycleRule[] | null | undefined) ?? [];
  return rules.map((r) => ({
    id: r.ID ?? null,
    enabled: r.Status === 'Enabled',
    filtered: filtered(r),
    ...(r.Expiration?.Days !== undefined ? { expirationDays: r.Expiration.Days } : {}),
    ...(r.Expiration?.Date !== undefined ? { expirationDate: r.Expiration.Date } : {}),
    ...(r.NoncurrentVersionExpiration?.NoncurrentDays !== undefined ? { noncurrentExpirationDays: r.NoncurrentVersionExpiration.NoncurrentDays } : {}),
    transitions: (r.Transitions ?? []).map((t) => ({ days: t.Days ?? null, storageClass: t.StorageClass ?? null })),
  }));
}

function pab(rec: SnapshotResource, ctx: LiveCtx, field: string) {
  return liveAttr(rec, ctx, `publicAccessBlock.${field}`, { default: false, map: asBool, facet: 'publicAccessBlock' });
}

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTH_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';

interface Grant {
  Grantee?: { Type?: string; URI?: string; ID?: string };
  Permission?: string;
}

function grants(rec: SnapshotResource): Array<{ granteeType: string | null; uri: string | null; id: string | null; permission: string | null }> {
  return ((dataAt(rec, 'acl.Grants') as Grant[] | undefined) ?? []).map((g) => ({ granteeType: g.Grantee?.Type ?? null, uri: g.Grantee?.URI ?? null, id: g.Grantee?.ID ?? null, permission: g.Permission ?? null }));
}

/** The canned ACL the grants amount to (the API returns grants, never the canned name). */
function cannedAcl(list: ReturnType<typeof grants>): string {
  const to = (uri: string, perms: string[]) => list.some((g) => g.uri === uri && perms.includes(g.permission ?? ''));
  if (to(ALL_USERS, ['WRITE', 'FULL_CONTROL'])) return 'public-read-write';
  if (to(ALL_USERS, ['READ'])) return 'public-read';
  if (to(AUTH_USERS, ['READ', 'WRITE', 'FULL_CONTROL'])) return 'authenticated-read';
  return 'private';
}

/**
 * A bucket. No default-encryption configuration means SSE-S3 (AES256, origin default): AWS encrypts
 * every bucket since January 2023, whatever an emulator answers.
 */
const bucket: LiveAdapter = (rec, ctx) => {
  const name = dataAt(rec, 'Name') as string;
  const r = liveResource(rec, 'aws.s3.bucket', ctx, [name]);
  const byDefault = 'encryption.Rules.0.ApplyServerSideEncryptionByDefault';
  const sse = dataAt(rec, `${byDefault}.SSEAlgorithm`) as string | undefined;
  const key = dataAt(rec, `${byDefault}.KMSMasterKeyID`) as string | undefined;
  const kms = sse === 'aws:kms' || sse === 'aws:kms:dsse';
  const logging = dataAt(rec, 'logging') as { TargetBucket?: string } | null | undefined;
  r.attrs = {
    bucketName: liveDerived(rec, ctx, 'Name', name),
    sseAlgorithm: liveAttr(rec, ctx, `${byDefault}.SSEAlgorithm`, { default: 'AES256', facet: 'encryption' }),
    kmsKeyId: liveAttr(rec, ctx, `${byDefault}.KMSMasterKeyID`, { facet: 'encryption' }),
    kmsKeyIsAwsManaged: keyFlag(ctx, kms ? key : undefined, liveDerived(rec, ctx, 'encryption', kms ? (key ? keyIsAwsManaged(ctx, key) : true) : undefined, ['encryption'])),
    bucketKeyEnabled: liveAttr(rec, ctx, 'encryption.Rules.0.BucketKeyEnabled', { default: false, facet: 'encryption' }),
    versioningEnabled: liveDerived(rec, ctx, 'versioning', dataAt(rec, 'versioning.Status') === 'Enabled', ['versioning']),
    mfaDelete: liveDerived(rec, ctx, 'versioning', dataAt(rec, 'versioning.MFADelete') === 'Enabled', ['versioning']),
    blockPublicAcls: pab(rec, ctx, 'BlockPublicAcls'),
    ignorePublicAcls: pab(rec, ctx, 'IgnorePublicAcls'),
    blockPublicPolicy: pab(rec, ctx, 'BlockPublicPolicy'),
    restrictPublicBuckets: pab(rec, ctx, 'RestrictPublicBuckets'),
    acl: liveDerived(rec, ctx, 'acl', cannedAcl(grants(rec)), ['acl']),
    aclGrants: liveDerived(rec, ctx, 'acl', grants(rec), ['acl']),
    policy: liveAttr(rec, ctx, 'policy'),
    lifecycleRules: liveDerived(rec, ctx, 'lifecycle', lifecycle(rec), ['lifecycle']),
    loggingEnabled: liveDerived(rec, ctx, 'logging', !!logging?.TargetBucket, ['logging']),
    loggingTargetBucket: liveAttr(rec, ctx, 'logging.TargetBucket', { facet: 'logging' }),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  if (kms && key) r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', key, ['aws.kms.key'], { attribute: 'encryption' }));
  if (logging?.TargetBucket) r.linkRefs!.push(liveLink(rec, ctx, 'loggingTarget', `arn:${ctx.snapshot.account.partition}:s3:::${logging.TargetBucket}`, ['aws.s3.bucket'], { inverse: 'accessLogSources', attribute: 'logging' }));
  return r;
};

export const s3LiveAdapters: Record<string, LiveAdapter> = { 'AWS::S3::Bucket': bucket };
