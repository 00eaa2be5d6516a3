import type { Resource } from '../../model/resource.js';
import { isSensitive, isUnknown, type Val } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { asBool, asNumber, attr, derived, linkRef, locOf, rawAt, tagAttrs, tfResource, type AttrOptions, type TfAdapter } from './helpers.js';

// ---------------------------------------------------------------------------------------------
// Helpers shared by the data-store adapters (rds, elasticache, backup).
// ---------------------------------------------------------------------------------------------

function isConfigured(rec: TfRecord, path: string): boolean | undefined {
  if (!rec.configured) return undefined;
  return rec.configured.has(path);
}

/**
 * Like `attr`, for Optional+Computed arguments: a plan shows an unset computed argument as
 * "known after apply", but when the configuration is known not to set it, AWS applies its documented
 * default, so the default is the honest value (origin `default`). Unknown stays unknown when the
 * argument is written in the configuration or when the source cannot say.
 */
export function attrComputed<T>(rec: TfRecord, path: string, opts: AttrOptions<T> = {}): Val<T> {
  const v = attr<T>(rec, path, opts);
  if (v.origin === 'unknown' && isConfigured(rec, path) === false) return { value: opts.default, origin: 'default', loc: v.loc };
  return v;
}

export const bool = { map: asBool };
export const num = { map: asNumber };

const MANAGED_KEY_TYPES = /(^|\.)(aws_kms_key|aws_kms_replica_key|aws_kms_external_key|aws_kms_replica_external_key|aws_kms_alias)\.[^.]+$/;

/**
 * Whether a KMS key argument means the AWS-managed key `alias/aws/<service>`:
 * unset -> true (AWS uses its managed key); alias/aws/* or its ARN -> true; a customer alias or a
 * reference to a managed key resource -> false; a literal key id/ARN or a data source -> unknown.
 */
export function awsManagedKey(rec: TfRecord, path: string): Val<boolean> {
  const loc = locOf(rec, path);
  const refs = rec.references[path] ?? [];
  const raw = rawAt(rec.values, path);
  if (refs.length) {
    const stripped = refs.map((r) => r.replace(/\[[^\]]*\]/g, ''));
    if (stripped.some((r) => !r.startsWith('data.') && !r.includes('.data.') && MANAGED_KEY_TYPES.test(r))) return { value: false, origin: 'explicit', loc };
  }
  if (typeof raw === 'string' && raw !== '') {
    if (/(^|:)alias\/aws\//.test(raw)) return { value: true, origin: 'explicit', loc };
    if (/(^|:)alias\//.test(raw)) return { value: false, origin: 'explicit', loc };
    return { value: undefined, origin: 'unknown', loc };
  }
  if (isUnknown(raw)) {
    if (isConfigured(rec, path) === false && refs.length === 0) return { value: true, origin: 'default', loc };
    return { value: undefined, origin: 'unknown', loc };
  }
  if (refs.length) return { value: undefined, origin: 'unknown', loc };
  return { value: true, origin: 'default', loc };
}

/** A secret argument is written (its value is never kept): configured, or a SensitiveValue/string present. */
export function secretSet(rec: TfRecord, path: string): Val<boolean> {
  const loc = locOf(rec, path);
  if (isConfigured(rec, path) === true) return { value: true, origin: 'explicit', loc };
  const raw = rawAt(rec.values, path);
  if (isSensitive(raw)) return { value: raw.present, origin: raw.present ? 'explicit' : 'default', loc };
  if (typeof raw === 'string') return { value: raw.length > 0, origin: raw.length > 0 ? 'explicit' : 'default', loc };
  if (isUnknown(raw)) return isConfigured(rec, path) === false ? { value: false, origin: 'default', loc } : { value: undefined, origin: 'unknown', loc };
  return { value: false, origin: 'default', loc };
}

/** String list attribute; unknown elements stay as UnknownValue markers. */
function stringList(rec: TfRecord, path: string): Val<unknown[]> {
  return attrComputed<unknown[]>(rec, path, { default: [], map: (raw) => (Array.isArray(raw) ? raw : [raw]) });
}

// ---------------------------------------------------------------------------------------------
// RDS
// ---------------------------------------------------------------------------------------------

export function engineFamily(engine: string | undefined): string | undefined {
  if (engine === undefined) return undefined;
  const e = engine.toLowerCase();
  if (e === 'postgres' || e === 'aurora-postgresql') return 'postgres';
  if (e === 'mysql' || e === 'mariadb' || e === 'aurora-mysql' || e === 'aurora') return 'mysql';
  if (e.startsWith('sqlserver')) return 'sqlserver';
  if (e.startsWith('oracle') || e.startsWith('custom-oracle')) return 'oracle';
  if (e.startsWith('db2')) return 'db2';
  return 'other';
}

function engineAttrs(rec: TfRecord, defaultEngine?: string): Record<string, Val> {
  // String(): HCL may write `engine = 5`; Terraform converts it to the provider's string type
  const engine = attrComputed<string>(rec, 'engine', { default: defaultEngine, map: (r) => String(r) });
  const e = engine.value;
  return {
    engine,
    engineVersion: attrComputed<string>(rec, 'engine_version', { map: (r) => String(r) }),
    engineFamily: derived(engineFamily(e), [engine], engine.loc),
    aurora: derived(e === undefined ? undefined : e.startsWith('aurora'), [engine], engine.loc),
  };
}

function piAttrs(rec: TfRecord, r: Resource): Record<string, Val> {
  if (rec.values.performance_insights_kms_key_id !== undefined || rec.references.performance_insights_kms_key_id)
    r.linkRefs!.push(linkRef(rec, 'performanceInsightsKmsKey', 'performance_insights_kms_key_id', ['aws.kms.key']));
  return {
    performanceInsightsEnabled: attrComputed(rec, 'performance_insights_enabled', { default: false, ...bool }),
    performanceInsightsKmsKeyId: attrComputed<string>(rec, 'performance_insights_kms_key_id'),
    performanceInsightsKmsKeyIsAwsManaged: awsManagedKey(rec, 'performance_insights_kms_key_id'),
  };
}

function dbCommonAttrs(rec: TfRecord, r: Resource, passwordPath: string): Record<string, Val> {
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'kms_key_id', ['aws.kms.key']));
  r.linkRefs!.push(linkRef(rec, 'securityGroups', 'vpc_security_group_ids', ['aws.ec2.security-group'], { inverse: 'attachedResources' }));
  return {
    kmsKeyId: attrComputed<string>(rec, 'kms_key_id'),
    kmsKeyIsAwsManaged: awsManagedKey(rec, 'kms_key_id'),
    publiclyAccessible: attrComputed(rec, 'publicly_accessible', { default: false, ...bool }),
    backupRetentionPeriod: attrComputed(rec, 'backup_retention_period', { default: 1, ...num }),
    deletionProtection: attrComputed(rec, 'deletion_protection', { default: false, ...bool }),
    iamDatabaseAuthenticationEnabled: attrComputed(rec, 'iam_database_authentication_enabled', { default: false, ...bool }),
    manageMasterUserPassword: attrComputed(rec, 'manage_master_user_password', { default: false, ...bool }),
    masterPasswordSet: secretSet(rec, passwordPath),
    masterUserSecretKmsKeyId: attrComputed<string>(rec, 'master_user_secret_kms_key_id'),
    enabledCloudwatchLogsExports: stringList(rec, 'enabled_cloudwatch_logs_exports'),
    copyTagsToSnapshot: attrComputed(rec, 'copy_tags_to_snapshot', { default: false, ...bool }),
    ...piAttrs(rec, r),
    ...tagAttrs(rec),
  };
}

const dbInstance: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.rds.instance', [rec.values.identifier, rec.values.resource_id]);
  const common = dbCommonAttrs(rec, r, 'password');
  const replica = attr<string>(rec, 'replicate_source_db');
  r.attrs = {
    identifier: attrComputed<string>(rec, 'identifier'),
    ...engineAttrs(rec),
    instanceClass: attr<string>(rec, 'instance_class'),
    storageEncrypted: attrComputed(rec, 'storage_encrypted', { default: false, ...bool }),
    ...common,
    parameterGroupName: attrComputed<string>(rec, 'parameter_group_name'),
    isClusterMember: { value: false, origin: 'default', loc: r.loc },
    isReadReplica: derived(replica.value !== undefined, [replica], replica.loc),
    multiAz: attrComputed(rec, 'multi_az', { default: false, ...bool }),
  };
  r.linkRefs!.push(linkRef(rec, 'parameterGroup', 'parameter_group_name', ['aws.rds.parameter-group']));
  return r;
};

const clusterInstance: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.rds.instance', [rec.values.identifier]);
  r.linkRefs!.push(linkRef(rec, 'cluster', 'cluster_identifier', ['aws.rds.cluster'], { inverse: 'instances' }));
  r.linkRefs!.push(linkRef(rec, 'parameterGroup', 'db_parameter_group_name', ['aws.rds.parameter-group']));
  r.attrs = {
    identifier: attrComputed<string>(rec, 'identifier'),
    ...engineAttrs(rec),
    instanceClass: attr<string>(rec, 'instance_class'),
    clusterIdentifier: attr<string>(rec, 'cluster_identifier'),
    isClusterMember: { value: true, origin: 'explicit', loc: locOf(rec, 'cluster_identifier') },
    isReadReplica: { value: false, origin: 'default', loc: r.loc },
    publiclyAccessible: attrComputed(rec, 'publicly_accessible', { default: false, ...bool }),
    copyTagsToSnapshot: attrComputed(rec, 'copy_tags_to_snapshot', { default: false, ...bool }),
    parameterGroupName: attrComputed<string>(rec, 'db_parameter_group_name'),
    ...piAttrs(rec, r),
    ...tagAttrs(rec),
  };
  return r;
};

const cluster: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.rds.cluster', [rec.values.cluster_identifier, rec.values.cluster_resource_id]);
  const common = dbCommonAttrs(rec, r, 'master_password');
  const engineMode = attrComputed<string>(rec, 'engine_mode', { default: 'provisioned' });
  // Aurora Serverless v1 clusters are always encrypted; otherwise the default is unencrypted.
  const encDefault = engineMode.origin === 'unknown' ? undefined : engineMode.value === 'serverless';
  let storageEncrypted = attrComputed(rec, 'storage_encrypted', { default: encDefault, ...bool });
  if (storageEncrypted.origin === 'default' && encDefault === undefined) storageEncrypted = { ...storageEncrypted, origin: 'unknown' };
  r.attrs = {
    identifier: attrComputed<string>(rec, 'cluster_identifier'),
    ...engineAttrs(rec, 'aurora-mysql'),
    engineMode,
    storageEncrypted,
    ...common,
    parameterGroupName: attrComputed<string>(rec, 'db_instance_parameter_group_name'),
    clusterParameterGroupName: attrComputed<string>(rec, 'db_cluster_parameter_group_name'),
  };
  r.linkRefs!.push(linkRef(rec, 'clusterParameterGroup', 'db_cluster_parameter_group_name', ['aws.rds.parameter-group']));
  r.linkRefs!.push(linkRef(rec, 'parameterGroup', 'db_instance_parameter_group_name', ['aws.rds.parameter-group']));
  return r;
};

function parameterGroup(isCluster: boolean): TfAdapter {
  return (rec) => {
    const r = tfResource(rec, 'aws.rds.parameter-group', [rec.values.name]);
    const params = attr<unknown[]>(rec, 'parameter', { default: [] });
    let parameters: Val;
    if (params.origin === 'unknown') parameters = { value: undefined, origin: 'unknown', loc: params.loc };
    else {
      const map: Record<string, unknown> = {};
      for (const p of Array.isArray(params.value) ? params.value : []) {
        if (isUnknown(p) || !p || typeof p !== 'object') continue;
        const { name, value } = p as { name?: unknown; value?: unknown };
        if (typeof name !== 'string') continue;
        map[name] = isUnknown(value) ? value : value === null || value === undefined ? undefined : String(value);
      }
      parameters = { value: map, origin: params.origin, loc: params.loc };
    }
    const name = attrComputed<string>(rec, 'name');
    r.attrs = {
      name,
      family: attr<string>(rec, 'family'),
      parameters,
      isClusterGroup: { value: isCluster, origin: 'explicit', loc: r.loc },
      isDefaultGroup: derived(typeof name.value === 'string' ? name.value.startsWith('default.') : false, [name], name.loc),
      ...tagAttrs(rec),
    };
    return r;
  };
}

/** Terraform resource type -> adapter. */
export const rdsAdapters: Record<string, TfAdapter> = {
  aws_db_instance: dbInstance,
  aws_rds_cluster: cluster,
  aws_rds_cluster_instance: clusterInstance,
  aws_db_parameter_group: parameterGroup(false),
  aws_rds_cluster_parameter_group: parameterGroup(true),
};
