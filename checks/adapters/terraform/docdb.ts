import type { Val } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { asBool, asNumber, awsManagedKeyAttr, computedAttr, linkRef, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

function stringList(rec: TfRecord, path: string): Val<unknown[]> {
  return computedAttr<unknown[]>(rec, path, { default: [], map: (raw) => (Array.isArray(raw) ? raw : [raw]) });
}

/** aws_docdb_cluster: the defaults are the provider's (storage unencrypted, 1 day of backups, no log export). */
const cluster: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.docdb.cluster', [rec.values.cluster_identifier, rec.values.cluster_resource_id]);
  r.attrs = {
    identifier: computedAttr<string>(rec, 'cluster_identifier'),
    engine: computedAttr<string>(rec, 'engine', { default: 'docdb' }),
    storageEncrypted: computedAttr(rec, 'storage_encrypted', { default: false, map: asBool }),
    kmsKeyId: computedAttr<string>(rec, 'kms_key_id'),
    kmsKeyIsAwsManaged: awsManagedKeyAttr(rec, 'kms_key_id'),
    backupRetentionPeriod: computedAttr(rec, 'backup_retention_period', { default: 1, map: asNumber }),
    deletionProtection: computedAttr(rec, 'deletion_protection', { default: false, map: asBool }),
    enabledCloudwatchLogsExports: stringList(rec, 'enabled_cloudwatch_logs_exports'),
    // Optional+Computed: unset is the engine's default group (default.docdb<version>)
    clusterParameterGroupName: computedAttr<string>(rec, 'db_cluster_parameter_group_name'),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'kms_key_id', ['aws.kms.key']));
  r.linkRefs!.push(linkRef(rec, 'securityGroups', 'vpc_security_group_ids', ['aws.ec2.security-group'], { inverse: 'attachedResources' }));
  r.linkRefs!.push(linkRef(rec, 'clusterParameterGroup', 'db_cluster_parameter_group_name', ['aws.rds.parameter-group']));
  return r;
};

// variants slice (issue 14, wave 4)
/** aws_docdb_cluster_instance: the TLS certificate clients verify; the storage belongs to its cluster. */
const instance: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.docdb.instance', [rec.values.identifier]);
  r.attrs = {
    identifier: computedAttr<string>(rec, 'identifier'),
    clusterIdentifier: computedAttr<string>(rec, 'cluster_identifier'),
    caCertIdentifier: computedAttr<string>(rec, 'ca_cert_identifier', { default: 'rds-ca-rsa2048-g1' }),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'cluster', 'cluster_identifier', ['aws.docdb.cluster']));
  return r;
};

/** aws_docdb_elastic_cluster: always encrypted; kms_key_id unset means the AWS managed key. */
const elasticCluster: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.docdb.elastic-cluster', [rec.values.name]);
  r.attrs = {
    name: computedAttr<string>(rec, 'name'),
    kmsKeyId: computedAttr<string>(rec, 'kms_key_id'),
    kmsKeyIsAwsManaged: awsManagedKeyAttr(rec, 'kms_key_id'),
    backupRetentionPeriod: computedAttr(rec, 'backup_retention_period', { default: 1, map: asNumber }),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'kms_key_id', ['aws.kms.key']));
  r.linkRefs!.push(linkRef(rec, 'securityGroups', 'vpc_security_group_ids', ['aws.ec2.security-group'], { inverse: 'attachedResources' }));
  return r;
};

export const docdbAdapters: Record<string, TfAdapter> = { aws_docdb_cluster: cluster, aws_docdb_cluster_instance: instance, aws_docdb_elastic_cluster: elasticCluster };
