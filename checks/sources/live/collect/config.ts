import { BatchGetAggregateResourceConfigCommand, ConfigServiceClient, SelectAggregateResourceConfigCommand, type AggregateResourceIdentifier, type BaseConfigurationItem, type ResourceType } from '@aws-sdk/client-config-service';
import { CloudTrailClient, GetEventSelectorsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { GetKeyPolicyCommand, GetKeyRotationStatusCommand, KMSClient } from '@aws-sdk/client-kms';
import type { SnapshotError, SnapshotResource } from '../snapshot.js';
import { facet, type Collector } from './context.js';
import { parameterReader } from './rds.js';
import { CONFIG_TYPES } from './config-types.js';

/**
 * Organisation-scale reads through an AWS Config aggregator: `SelectAggregateResourceConfig` enumerates
 * the resources of a type in every account and region the aggregator sees, `BatchGetAggregateResourceConfig`
 * fetches their configuration items (100 per call), and each item is mapped to the snapshot record the
 * describe collectors would have written (the live adapters read one shape). Types Config does not
 * record, or records without what the catalog reads, stay with the describe APIs.
 */

export { CONFIG_TYPES };

/** Regional types are filtered to the audited regions; buckets are kept wherever they are (where data lives is a finding). */
const ACCOUNT_WIDE = new Set<string>(['AWS::S3::Bucket']);

const BATCH = 100;
const GONE = new Set(['ResourceDeleted', 'ResourceDeletedNotRecorded', 'ResourceNotRecorded']);

type Json = Record<string, unknown>;

function parse(text: string | undefined): unknown {
  if (text === undefined || text === null || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Keys with their first letter changed, recursively (Config writes `dBInstanceIdentifier`, the RDS API `DBInstanceIdentifier`). */
function recase(v: unknown, first: (c: string) => string): unknown {
  if (Array.isArray(v)) return v.map((x) => recase(x, first));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k ? first(k[0]!) + k.slice(1) : k, recase(x, first)]));
  return v;
}
const pascal = (v: unknown) => recase(v, (c) => c.toUpperCase()) as Json;
const camel = (v: unknown) => recase(v, (c) => c.toLowerCase()) as Json;

/** A facet Config does not record: an error naming the describe call that would have read it. */
function notRecorded(call: string, what: string): SnapshotError {
  return { code: 'NotRecordedByConfig', message: `AWS Config does not record ${what}; audit without --config-aggregator (or with --org) to read it`, call };
}

/** First defined value among several spellings of a field. */
function pick(o: Json, ...keys: string[]): unknown {
  for (const k of keys) if (o[k] !== undefined) return o[k];
  return undefined;
}

const GROUP_URI: Record<string, string> = {
  AllUsers: 'http://acs.amazonaws.com/groups/global/AllUsers',
  AuthenticatedUsers: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
  LogDelivery: 'http://acs.amazonaws.com/groups/s3/LogDelivery',
};

function s3Record(base: SnapshotResource, cfg: Json, sup: Record<string, string>, tags: Record<string, string>): void {
  const d = base.data;
  d.Name = cfg.name ?? base.arn.split(':::')[1];
  if (cfg.creationDate) d.CreationDate = cfg.creationDate;
  const enc = parse(sup.ServerSideEncryptionConfiguration) as { rules?: Json[] } | undefined;
  d.encryption = enc?.rules?.length
    ? {
        Rules: enc.rules.map((r) => {
          const by = (r.applyServerSideEncryptionByDefault ?? {}) as Json;
          return { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: by.sseAlgorithm, ...(by.kmsMasterKeyID ? { KMSMasterKeyID: by.kmsMasterKeyID } : {}) }, BucketKeyEnabled: r.bucketKeyEnabled ?? false };
        }),
      }
    : null;
  const pab = parse(sup.PublicAccessBlockConfiguration);
  d.publicAccessBlock = pab ? pascal(pab) : null;
  const ver = parse(sup.BucketVersioningConfiguration) as Json | undefined;
  // Config writes "Off" for a bucket that never had versioning; the S3 API omits Status.
  d.versioning = { Status: ver?.status && ver.status !== 'Off' ? ver.status : null, MFADelete: ver?.isMfaDeleteEnabled ? 'Enabled' : null };
  const pol = parse(sup.BucketPolicy) as { policyText?: string | null } | undefined;
  d.policy = pol?.policyText ? (parse(pol.policyText) ?? null) : null;
  const log = parse(sup.BucketLoggingConfiguration) as Json | undefined;
  d.logging = log?.destinationBucketName ? { TargetBucket: log.destinationBucketName, TargetPrefix: log.logFilePrefix ?? '' } : null;
  const life = parse(sup.BucketLifecycleConfiguration) as { rules?: Json[] } | undefined;
  d.lifecycle = (life?.rules ?? []).map((r) => {
    const predicate = ((r.filter as Json | undefined)?.predicate ?? {}) as Json;
    const prefix = (r.prefix as string | undefined) ?? (predicate.type === 'LifecyclePrefixPredicate' ? (predicate.prefix as string | undefined) : undefined);
    return {
      ID: r.id,
      Status: r.status,
      ...(prefix ? { Filter: { Prefix: prefix } } : predicate.type && predicate.type !== 'LifecyclePrefixPredicate' ? { Filter: { And: predicate } } : { Filter: {} }),
      ...(typeof r.expirationInDays === 'number' && r.expirationInDays > 0 ? { Expiration: { Days: r.expirationInDays } } : {}),
      ...(typeof r.noncurrentVersionExpirationInDays === 'number' && r.noncurrentVersionExpirationInDays > 0 ? { NoncurrentVersionExpiration: { NoncurrentDays: r.noncurrentVersionExpirationInDays } } : {}),
      Transitions: ((r.transitions as Json[] | undefined) ?? []).map((t) => ({ Days: t.days, StorageClass: t.storageClass })),
    };
  });
  const acl = parse(sup.AccessControlList) as { grantList?: Json[]; owner?: Json } | undefined;
  d.acl = {
    Owner: (acl?.owner?.id as string | undefined) ?? null,
    Grants: (acl?.grantList ?? []).map((g) => {
      const who = g.grantee;
      const grantee = typeof who === 'string' ? { Type: 'Group', URI: GROUP_URI[who] ?? who } : { Type: 'CanonicalUser', ID: (who as Json | undefined)?.id };
      return { Grantee: grantee, Permission: g.permission };
    }),
  };
  const tagSets = (parse(sup.BucketTaggingConfiguration) as { tagSets?: Array<{ tags?: Record<string, string> }> } | undefined)?.tagSets;
  d.tags = tagSets ? tagSets.reduce<Record<string, string>>((all, t) => Object.assign(all, t.tags ?? {}), {}) : tags;
}

function securityGroupData(cfg: Json): Json {
  const fix = (perms: unknown) =>
    ((perms as Json[] | undefined) ?? []).map((p) => {
      const q = pascal(p);
      // Config keeps both `ipRanges` (plain CIDR strings) and `ipv4Ranges` ({cidrIp}); the EC2 API's IpRanges is the latter.
      const v4 = (q.Ipv4Ranges as Json[] | undefined) ?? ((q.IpRanges as unknown[] | undefined) ?? []).map((c) => (typeof c === 'string' ? { CidrIp: c } : (c as Json)));
      const { Ipv4Ranges: _drop, ...rest } = q;
      return { ...rest, IpRanges: v4 };
    });
  const d = pascal(cfg);
  return { ...d, IpPermissions: fix(cfg.ipPermissions), IpPermissionsEgress: fix(cfg.ipPermissionsEgress) };
}

/** Map one configuration item to a snapshot record (undefined for an item of a type this file does not read). */
export function recordFromItem(item: BaseConfigurationItem, partition: string, tags: Record<string, string> = {}): SnapshotResource | undefined {
  const type = item.resourceType as string;
  const cfg = (parse(item.configuration) as Json | undefined) ?? {};
  const sup = (item.supplementaryConfiguration ?? {}) as Record<string, string>;
  const account = item.accountId ?? '';
  const region = item.awsRegion ?? 'global';
  const base = (arn: string, data: Json = {}): SnapshotResource => ({ type, arn, region, account, via: 'config', data });
  switch (type) {
    case 'AWS::S3::Bucket': {
      const rec = base(item.arn ?? `arn:${partition}:s3:::${item.resourceName ?? item.resourceId}`);
      s3Record(rec, cfg, sup, tags);
      return rec;
    }
    case 'AWS::RDS::DBInstance':
    case 'AWS::RDS::DBCluster': {
      const d = pascal(cfg);
      delete d.TagList;
      d.Tags = tags;
      const cluster = type === 'AWS::RDS::DBCluster';
      const arn = item.arn ?? (cluster ? (d.DBClusterArn as string) : (d.DBInstanceArn as string));
      const rec = base(arn, d);
      // Config records which parameter group is attached, not the values in it.
      const group = cluster ? d.DBClusterParameterGroup : (d.DBParameterGroups as Json[] | undefined)?.[0]?.DBParameterGroupName;
      if (group) rec.errors = { parameters: notRecorded(cluster ? 'rds:DescribeDBClusterParameters' : 'rds:DescribeDBParameters', 'DB parameter group values') };
      return rec;
    }
    case 'AWS::EC2::SecurityGroup': {
      const d = securityGroupData(cfg);
      d.Tags = tags;
      return base(item.arn ?? `arn:${partition}:ec2:${region}:${account}:security-group/${item.resourceId}`, d);
    }
    case 'AWS::EC2::VPC': {
      const d = pascal(cfg);
      d.Tags = tags;
      return base(item.arn ?? `arn:${partition}:ec2:${region}:${account}:vpc/${item.resourceId}`, d);
    }
    case 'AWS::KMS::Key': {
      const d = pascal(cfg);
      const arn = item.arn ?? (d.Arn as string);
      const rec = base(arn, { ...d, KeyArn: arn, KeyId: d.KeyId ?? item.resourceId, Aliases: [] });
      if (d.KeyManager !== 'AWS') {
        rec.data.tags = tags;
        rec.errors = { rotation: notRecorded('kms:GetKeyRotationStatus', 'key rotation status'), policy: notRecorded('kms:GetKeyPolicy', 'key policies') };
      }
      return rec;
    }
    case 'AWS::CloudTrail::Trail': {
      const d = pascal(cfg);
      const data: Json = {
        ...d,
        Name: pick(d, 'Name', 'TrailName') ?? item.resourceName,
        TrailARN: pick(d, 'TrailARN', 'TrailArn', 'Arn') ?? item.arn,
        LogFileValidationEnabled: pick(d, 'LogFileValidationEnabled', 'EnableLogFileValidation'),
        KmsKeyId: pick(d, 'KmsKeyId', 'KMSKeyId'),
        CloudWatchLogsLogGroupArn: pick(d, 'CloudWatchLogsLogGroupArn'),
        tags,
      };
      const rec = base(item.arn ?? (data.TrailARN as string), data);
      const logging = pick(d, 'IsLogging');
      if (typeof logging === 'boolean') data.status = { IsLogging: logging, LatestDeliveryError: null };
      else (rec.errors ??= {}).status = notRecorded('cloudtrail:GetTrailStatus', 'whether a trail is logging');
      const selectors = pick(d, 'EventSelectors');
      const advanced = pick(d, 'AdvancedEventSelectors');
      if (selectors !== undefined || advanced !== undefined) data.eventSelectors = { EventSelectors: selectors ?? [], AdvancedEventSelectors: advanced ?? [] };
      else (rec.errors ??= {}).eventSelectors = notRecorded('cloudtrail:GetEventSelectors', 'trail event selectors');
      return rec;
    }
    case 'AWS::Logs::LogGroup': {
      const d = camel(cfg);
      const arn = (item.arn ?? (d.arn as string) ?? `arn:${partition}:logs:${region}:${account}:log-group:${item.resourceName}`).replace(/:\*$/, '');
      return base(arn, { ...d, logGroupName: d.logGroupName ?? item.resourceName, tags });
    }
    default:
      return undefined;
  }
}

interface Listed {
  id: AggregateResourceIdentifier;
  tags: Record<string, string>;
}

function quote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/**
 * Read CONFIG_TYPES through the aggregator into the collector's records. A failed query or batch is
 * recorded as a list error for that type (its resources are then unknown, never absent). Returns the
 * accounts the aggregator returned resources for, and notes for the snapshot.
 */
export async function collectFromConfig(c: Collector, aggregator: string, region: string, regions: string[] | 'all'): Promise<{ accounts: string[]; notes: string[] }> {
  const client = c.client(ConfigServiceClient, region);
  const accounts = new Set<string>();
  const errRegions = regions === 'all' ? [region] : regions;
  const failed = (type: string, error: SnapshotError) => {
    for (const r of errRegions) c.listFailed('config', r, error, [type]);
  };
  for (const type of CONFIG_TYPES) {
    const where = [`resourceType = ${quote(type)}`];
    if (!ACCOUNT_WIDE.has(type) && regions !== 'all') where.push(`awsRegion IN (${regions.map(quote).join(', ')})`);
    const expression = `SELECT resourceId, resourceName, resourceType, accountId, awsRegion, tags WHERE ${where.join(' AND ')}`;
    const listed = await c.read('config', region, 'config:SelectAggregateResourceConfig', async () => {
      const out: Listed[] = [];
      let NextToken: string | undefined;
      do {
        const page = await client.send(new SelectAggregateResourceConfigCommand({ ConfigurationAggregatorName: aggregator, Expression: expression, Limit: 100, NextToken }));
        for (const row of page.Results ?? []) {
          const r = parse(row) as Json | undefined;
          if (!r?.resourceId || !r.accountId || !r.awsRegion) continue;
          const tags: Record<string, string> = {};
          for (const t of (r.tags as Array<{ key?: string; value?: string; tag?: string }> | undefined) ?? []) if (t.key !== undefined) tags[t.key] = t.value ?? '';
          out.push({
            id: { SourceAccountId: String(r.accountId), SourceRegion: String(r.awsRegion), ResourceId: String(r.resourceId), ResourceType: type as ResourceType, ...(r.resourceName ? { ResourceName: String(r.resourceName) } : {}) },
            tags,
          });
        }
        NextToken = page.NextToken;
      } while (NextToken);
      return out;
    });
    if (!listed.ok) {
      failed(type, listed.notConfigured ? { code: listed.code, message: `aggregator ${aggregator}`, call: 'config:SelectAggregateResourceConfig' } : listed.error);
      continue;
    }
    const tagsOf = new Map(listed.value.map((l) => [`${l.id.SourceAccountId}|${l.id.SourceRegion}|${l.id.ResourceId}`, l.tags]));
    for (let i = 0; i < listed.value.length; i += BATCH) {
      let ids = listed.value.slice(i, i + BATCH).map((l) => l.id);
      // Unprocessed identifiers (throttling inside the batch) are asked again, a bounded number of times.
      for (let attempt = 0; attempt < 3 && ids.length; attempt++) {
        const batch = ids;
        const r = await c.read('config', region, 'config:BatchGetAggregateResourceConfig', () => client.send(new BatchGetAggregateResourceConfigCommand({ ConfigurationAggregatorName: aggregator, ResourceIdentifiers: batch })));
        if (!r.ok) {
          if (!r.notConfigured) failed(type, r.error);
          ids = [];
          break;
        }
        for (const item of r.value.BaseConfigurationItems ?? []) {
          if (GONE.has(item.configurationItemStatus ?? '')) continue;
          const rec = recordFromItem(item, c.partition, tagsOf.get(`${item.accountId}|${item.awsRegion}|${item.resourceId}`) ?? {});
          if (!rec) continue;
          accounts.add(rec.account);
          c.add(rec);
        }
        ids = r.value.UnprocessedResourceIdentifiers ?? [];
      }
      if (ids.length) failed(type, { code: 'Unprocessed', message: `${ids.length} ${type} configuration item(s) stayed unprocessed after 3 attempts`, call: 'config:BatchGetAggregateResourceConfig' });
    }
  }
  const notes = [
    `AWS Config aggregator ${aggregator} (${region}) supplied ${CONFIG_TYPES.join(', ')}; every other type, and account settings (EBS defaults, S3 account public access block, IAM summary), came from the describe APIs.`,
    'Not in AWS Config configuration items: RDS parameter group values, KMS key rotation status and key policies, and CloudTrail logging status and event selectors when the item lacks them. They are read through the describe APIs in every account the audit reaches; in accounts only the aggregator sees they stay read errors (NotRecordedByConfig).',
  ];
  return { accounts: [...accounts].sort(), notes };
}

/**
 * In an account the audit can reach, read through the describe APIs the facets Config items lack
 * (recorded as NotRecordedByConfig on the record): RDS parameter values, KMS rotation and key policy,
 * a trail's status and event selectors. `c` is that account's collector (its calls are logged there).
 * In accounts only the aggregator sees, the NotRecordedByConfig errors stay.
 */
export async function completeFromDescribe(c: Collector, records: SnapshotResource[]): Promise<void> {
  const readers = new Map<string, ReturnType<typeof parameterReader>>();
  const params = (region: string) => {
    let r = readers.get(region);
    if (!r) readers.set(region, (r = parameterReader(c, region)));
    return r;
  };
  const settle = (rec: SnapshotResource, name: string) => {
    if (rec.errors?.[name]?.code !== 'NotRecordedByConfig') return false;
    delete rec.errors[name];
    if (Object.keys(rec.errors).length === 0) delete rec.errors;
    return true;
  };
  await Promise.all(
    records.map(async (rec) => {
      const pending = (name: string) => rec.errors?.[name]?.code === 'NotRecordedByConfig';
      if ((rec.type === 'AWS::RDS::DBInstance' || rec.type === 'AWS::RDS::DBCluster') && pending('parameters')) {
        const cluster = rec.type === 'AWS::RDS::DBCluster';
        const group = cluster ? (rec.data.DBClusterParameterGroup as string | undefined) : (rec.data.DBParameterGroups as Array<{ DBParameterGroupName?: string }> | undefined)?.[0]?.DBParameterGroupName;
        if (!group) return;
        const r = await params(rec.region)(group, cluster);
        settle(rec, 'parameters');
        facet(rec, 'parameters', r);
      } else if (rec.type === 'AWS::KMS::Key' && (pending('rotation') || pending('policy'))) {
        const client = c.client(KMSClient, rec.region);
        const KeyId = rec.data.KeyId as string;
        const symmetric = (rec.data.KeySpec ?? 'SYMMETRIC_DEFAULT') === 'SYMMETRIC_DEFAULT';
        const [rotation, policy] = await Promise.all([
          symmetric ? c.read('kms', rec.region, 'kms:GetKeyRotationStatus', () => client.send(new GetKeyRotationStatusCommand({ KeyId }))) : undefined,
          c.read('kms', rec.region, 'kms:GetKeyPolicy', () => client.send(new GetKeyPolicyCommand({ KeyId, PolicyName: 'default' }))),
        ]);
        settle(rec, 'rotation');
        settle(rec, 'policy');
        if (rotation) facet(rec, 'rotation', rotation, (v) => ({ enabled: v.KeyRotationEnabled ?? false, periodInDays: v.RotationPeriodInDays ?? null }));
        else rec.data.rotation = { enabled: false, periodInDays: null, applicable: false };
        facet(rec, 'policy', policy, (v) => (v.Policy ? JSON.parse(v.Policy) : null));
      } else if (rec.type === 'AWS::CloudTrail::Trail' && (pending('status') || pending('eventSelectors'))) {
        const client = c.client(CloudTrailClient, rec.region);
        if (settle(rec, 'status')) facet(rec, 'status', await c.read('cloudtrail', rec.region, 'cloudtrail:GetTrailStatus', () => client.send(new GetTrailStatusCommand({ Name: rec.arn }))), (v) => ({ IsLogging: v.IsLogging ?? false, LatestDeliveryError: v.LatestDeliveryError ?? null }));
        if (settle(rec, 'eventSelectors'))
          facet(rec, 'eventSelectors', await c.read('cloudtrail', rec.region, 'cloudtrail:GetEventSelectors', () => client.send(new GetEventSelectorsCommand({ TrailName: rec.arn }))), (v) => ({ EventSelectors: v.EventSelectors ?? [], AdvancedEventSelectors: v.AdvancedEventSelectors ?? [] }));
      }
    }),
  );
}
