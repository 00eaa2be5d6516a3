import type { Val } from '../../model/value.js';
import { isUnknown, UNKNOWN } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { asBool, attr, awsManagedKeyAttr, computedAttr, derived, isConfigured, linkRef, locOf, rawAt, resourcePolicyFacet, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/**
 * Whether the table's key is one AWS controls. server_side_encryption is Optional+Computed: absent (or
 * enabled = false) means the AWS owned key; enabled without kms_key_arn means aws/dynamodb.
 */
function tableKeyAwsManaged(rec: TfRecord): Val<boolean> {
  const enabled = computedAttr<boolean>(rec, 'server_side_encryption.enabled', { default: false, map: asBool, configuredAt: 'server_side_encryption' });
  if (enabled.origin === 'unknown') return { value: undefined, origin: 'unknown', loc: enabled.loc };
  if (enabled.value !== true) return { value: true, origin: enabled.origin, loc: enabled.loc };
  return awsManagedKeyAttr(rec, 'server_side_encryption.0.kms_key_arn');
}

function replicas(rec: TfRecord): Val<unknown[]> {
  const raw = rawAt(rec.values, 'replica');
  const loc = locOf(rec, 'replica');
  if (isUnknown(raw)) return isConfigured(rec, 'replica') === false ? { value: [], origin: 'default', loc } : { value: undefined, origin: 'unknown', loc };
  if (!Array.isArray(raw) || raw.length === 0) return { value: [], origin: 'default', loc };
  return {
    value: raw.map((x, i) => {
      if (isUnknown(x) || !x || typeof x !== 'object') return x;
      const o = x as Record<string, unknown>;
      const managed = awsManagedKeyAttr(rec, `replica.${i}.kms_key_arn`);
      return { region: o.region_name, kmsKeyArn: o.kms_key_arn || null, kmsKeyIsAwsManaged: managed.origin === 'unknown' ? UNKNOWN : managed.value, _loc: locOf(rec, `replica.${i}`) };
    }),
    origin: 'explicit',
    loc,
  };
}

const table: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.dynamodb.table', [rec.values.name]);
  const ttlEnabled = computedAttr<boolean>(rec, 'ttl.enabled', { default: false, map: asBool, configuredAt: 'ttl' });
  r.attrs = {
    name: attr<string>(rec, 'name'),
    kmsKeyArn: computedAttr<string>(rec, 'server_side_encryption.kms_key_arn', { configuredAt: 'server_side_encryption.kms_key_arn' }),
    kmsKeyIsAwsManaged: tableKeyAwsManaged(rec),
    pointInTimeRecovery: computedAttr<boolean>(rec, 'point_in_time_recovery.enabled', { default: false, map: asBool, configuredAt: 'point_in_time_recovery' }),
    deletionProtection: attr<boolean>(rec, 'deletion_protection_enabled', { default: false, map: asBool }),
    ttlEnabled,
    ttlAttributeName: derived(ttlEnabled.value === true ? (rawAt(rec.values, 'ttl.attribute_name') as string | undefined) : undefined, [ttlEnabled]),
    replicas: replicas(rec),
    // aws_dynamodb_resource_policy resources append theirs (resourcePolicy below)
    resourcePolicies: { value: [], origin: 'default', loc: r.loc },
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'server_side_encryption.kms_key_arn', ['aws.kms.key']));
  return r;
};

// variants slice (issue 14, wave 4)
/**
 * aws_dynamodb_table_replica: a replica of a global table (2019.11.21) in its provider's region, the same table to
 * every reader. Its own arguments: the key, point-in-time recovery and deletion protection (all Optional, defaults
 * aws/dynamodb, false, false). Time to live is the global table's, set on the aws_dynamodb_table: unknown here.
 */
const tableReplica: TfAdapter = (rec) => {
  const arn = rec.values.global_table_arn;
  const name = typeof arn === 'string' ? arn.split('/').pop() : undefined;
  const r = tfResource(rec, 'aws.dynamodb.table');
  const loc = locOf(rec, 'global_table_arn');
  r.attrs = {
    name: name ? { value: name, origin: 'explicit', loc } : { value: undefined, origin: 'unknown', loc },
    kmsKeyArn: attr<string>(rec, 'kms_key_arn'),
    kmsKeyIsAwsManaged: awsManagedKeyAttr(rec, 'kms_key_arn'),
    pointInTimeRecovery: attr<boolean>(rec, 'point_in_time_recovery', { default: false, map: asBool }),
    deletionProtection: attr<boolean>(rec, 'deletion_protection_enabled', { default: false, map: asBool }),
    ttlEnabled: { value: undefined, origin: 'unknown', loc },
    ttlAttributeName: { value: undefined, origin: 'unknown', loc },
    replicas: { value: [], origin: 'default', loc },
    resourcePolicies: { value: [], origin: 'default', loc: r.loc },
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'kms_key_arn', ['aws.kms.key']));
  return r;
};

// rest slice (issue 14, wave 4)
/** The regions of the replica blocks of an aws_dynamodb_global_table (Required: one block per region). */
function replicaRegions(rec: TfRecord): Val<unknown[]> {
  const raw = rawAt(rec.values, 'replica');
  const loc = locOf(rec, 'replica');
  if (isUnknown(raw) || !Array.isArray(raw)) return { value: undefined, origin: 'unknown', loc };
  const regions: unknown[] = [];
  for (const b of raw) {
    const region = isUnknown(b) ? b : (b as Record<string, unknown>).region_name;
    if (isUnknown(region) || typeof region !== 'string') return { value: undefined, origin: 'unknown', loc };
    regions.push(region);
  }
  return { value: regions, origin: 'explicit', loc };
}

/**
 * aws_dynamodb_global_table (version 2017.11.29): holds no items; its replicas are the aws_dynamodb_table resources
 * of the same name in each replica region, judged by the global table's check through them.
 */
const globalTable: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.dynamodb.global-table', [rec.values.name]);
  r.attrs = {
    name: attr<string>(rec, 'name'),
    replicaRegions: replicaRegions(rec),
    ...tagAttrs(rec),
  };
  // No tags of its own: classified as its replica tables (same name).
  r.linkRefs!.push(linkRef(rec, 'replicas', 'name', ['aws.dynamodb.table']));
  r.classifiedBy = 'replicas';
  return r;
};

/** aws_dynamodb_resource_policy: the policy of a table or of its stream (`<table ARN>/stream/<label>`), a facet of the table. */
const resourcePolicy: TfAdapter = (rec) => resourcePolicyFacet(rec, 'aws.dynamodb.resource-policy', 'table', ['aws.dynamodb.table'], (arn) => arn.replace(/\/stream\/.*$/, ''));

/** Terraform resource type -> adapter. */
export const dynamodbAdapters: Record<string, TfAdapter> = {
  aws_dynamodb_table: table,
  aws_dynamodb_table_replica: tableReplica,
  aws_dynamodb_global_table: globalTable,
  aws_dynamodb_resource_policy: resourcePolicy,
};
