import type { Resource } from '../../model/resource.js';
import { isUnknown, type Val } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { engineFamily } from '../shared/rds-engines.js';
import { asBool, asNumber, attr, awsManagedKeyAttr, computedAttr, derived, linkRef, locOf, secretSet, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/** String list attribute; unknown elements stay as UnknownValue markers. */
function stringList(rec: TfRecord, path: string): Val<unknown[]> {
  return computedAttr<unknown[]>(rec, path, { default: [], map: (raw) => (Array.isArray(raw) ? raw : [raw]) });
}

function engineAttrs(rec: TfRecord, defaultEngine?: string): Record<string, Val> {
  // String(): HCL may write `engine = 5`; Terraform converts it to the provider's string type
  const engine = computedAttr<string>(rec, 'engine', { default: defaultEngine, map: (r) => String(r) });
  const e = engine.value;
  return {
    engine,
    engineVersion: computedAttr<string>(rec, 'engine_version', { map: (r) => String(r) }),
    engineFamily: derived(engineFamily(e), [engine], engine.loc),
    aurora: derived(e === undefined ? undefined : e.startsWith('aurora'), [engine], engine.loc),
  };
}

function piAttrs(rec: TfRecord, r: Resource): Record<string, Val> {
  if (rec.values.performance_insights_kms_key_id !== undefined || rec.references.performance_insights_kms_key_id)
    r.linkRefs!.push(linkRef(rec, 'performanceInsightsKmsKey', 'performance_insights_kms_key_id', ['aws.kms.key']));
  return {
    performanceInsightsEnabled: computedAttr(rec, 'performance_insights_enabled', { default: false, map: asBool }),
    performanceInsightsKmsKeyId: computedAttr<string>(rec, 'performance_insights_kms_key_id'),
    performanceInsightsKmsKeyIsAwsManaged: awsManagedKeyAttr(rec, 'performance_insights_kms_key_id'),
  };
}

function dbCommonAttrs(rec: TfRecord, r: Resource, passwordPath: string): Record<string, Val> {
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'kms_key_id', ['aws.kms.key']));
  r.linkRefs!.push(linkRef(rec, 'securityGroups', 'vpc_security_group_ids', ['aws.ec2.security-group'], { inverse: 'attachedResources' }));
  return {
    kmsKeyId: computedAttr<string>(rec, 'kms_key_id'),
    kmsKeyIsAwsManaged: awsManagedKeyAttr(rec, 'kms_key_id'),
    publiclyAccessible: computedAttr(rec, 'publicly_accessible', { default: false, map: asBool }),
    backupRetentionPeriod: computedAttr(rec, 'backup_retention_period', { default: 1, map: asNumber }),
    deletionProtection: computedAttr(rec, 'deletion_protection', { default: false, map: asBool }),
    iamDatabaseAuthenticationEnabled: computedAttr(rec, 'iam_database_authentication_enabled', { default: false, map: asBool }),
    manageMasterUserPassword: computedAttr(rec, 'manage_master_user_password', { default: false, map: asBool }),
    masterPasswordSet: secretSet(rec, passwordPath),
    masterUserSecretKmsKeyId: computedAttr<string>(rec, 'master_user_secret_kms_key_id'),
    enabledCloudwatchLogsExports: stringList(rec, 'enabled_cloudwatch_logs_exports'),
    copyTagsToSnapshot: computedAttr(rec, 'copy_tags_to_snapshot', { default: false, map: asBool }),
    ...piAttrs(rec, r),
    ...tagAttrs(rec),
  };
}

const dbInstance: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.rds.instance', [rec.values.identifier, rec.values.resource_id]);
  const common = dbCommonAttrs(rec, r, 'password');
  const replica = attr<string>(rec, 'replicate_source_db');
  r.attrs = {
    identifier: computedAttr<string>(rec, 'identifier'),
    ...engineAttrs(rec),
    instanceClass: attr<string>(rec, 'instance_class'),
    storageEncrypted: computedAttr(rec, 'storage_encrypted', { default: false, map: asBool }),
    ...common,
    parameterGroupName: computedAttr<string>(rec, 'parameter_group_name'),
    isClusterMember: { value: false, origin: 'default', loc: r.loc },
    isReadReplica: derived(replica.value !== undefined, [replica], replica.loc),
    multiAz: computedAttr(rec, 'multi_az', { default: false, map: asBool }),
    caCertIdentifier: computedAttr<string>(rec, 'ca_cert_identifier', { default: 'rds-ca-rsa2048-g1' }),
  };
  r.linkRefs!.push(linkRef(rec, 'parameterGroup', 'parameter_group_name', ['aws.rds.parameter-group']));
  return r;
};

const clusterInstance: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.rds.instance', [rec.values.identifier]);
  r.linkRefs!.push(linkRef(rec, 'cluster', 'cluster_identifier', ['aws.rds.cluster'], { inverse: 'instances' }));
  r.linkRefs!.push(linkRef(rec, 'parameterGroup', 'db_parameter_group_name', ['aws.rds.parameter-group']));
  r.attrs = {
    identifier: computedAttr<string>(rec, 'identifier'),
    ...engineAttrs(rec),
    instanceClass: attr<string>(rec, 'instance_class'),
    clusterIdentifier: attr<string>(rec, 'cluster_identifier'),
    isClusterMember: { value: true, origin: 'explicit', loc: locOf(rec, 'cluster_identifier') },
    isReadReplica: { value: false, origin: 'default', loc: r.loc },
    publiclyAccessible: computedAttr(rec, 'publicly_accessible', { default: false, map: asBool }),
    copyTagsToSnapshot: computedAttr(rec, 'copy_tags_to_snapshot', { default: false, map: asBool }),
    parameterGroupName: computedAttr<string>(rec, 'db_parameter_group_name'),
    caCertIdentifier: computedAttr<string>(rec, 'ca_cert_identifier', { default: 'rds-ca-rsa2048-g1' }),
    ...piAttrs(rec, r),
    ...tagAttrs(rec),
  };
  return r;
};

const cluster: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.rds.cluster', [rec.values.cluster_identifier, rec.values.cluster_resource_id]);
  const common = dbCommonAttrs(rec, r, 'master_password');
  const engineMode = computedAttr<string>(rec, 'engine_mode', { default: 'provisioned' });
  // Aurora Serverless v1 clusters are always encrypted; otherwise the default is unencrypted.
  const encDefault = engineMode.origin === 'unknown' ? undefined : engineMode.value === 'serverless';
  let storageEncrypted = computedAttr(rec, 'storage_encrypted', { default: encDefault, map: asBool });
  if (storageEncrypted.origin === 'default' && encDefault === undefined) storageEncrypted = { ...storageEncrypted, origin: 'unknown' };
  r.attrs = {
    identifier: computedAttr<string>(rec, 'cluster_identifier'),
    ...engineAttrs(rec, 'aurora-mysql'),
    engineMode,
    storageEncrypted,
    ...common,
    parameterGroupName: computedAttr<string>(rec, 'db_instance_parameter_group_name'),
    clusterParameterGroupName: computedAttr<string>(rec, 'db_cluster_parameter_group_name'),
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
    const name = computedAttr<string>(rec, 'name');
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
  // DocumentDB's and Neptune's cluster parameter groups are the RDS API's (tls, audit_logs, neptune_enable_audit_log, ...)
  aws_docdb_cluster_parameter_group: parameterGroup(true),
  aws_neptune_cluster_parameter_group: parameterGroup(true),
};
