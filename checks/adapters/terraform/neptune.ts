import type { Val } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { asBool, asNumber, attr, awsManagedKeyAttr, computedAttr, linkRef, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

function stringList(rec: TfRecord, path: string): Val<unknown[]> {
  return computedAttr<unknown[]>(rec, path, { default: [], map: (raw) => (Array.isArray(raw) ? raw : [raw]) });
}

/** aws_neptune_cluster: the defaults are the provider's (storage unencrypted, 1 day of backups, no log export). */
const cluster: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.neptune.cluster', [rec.values.cluster_identifier, rec.values.cluster_resource_id]);
  r.attrs = {
    identifier: computedAttr<string>(rec, 'cluster_identifier'),
    engine: computedAttr<string>(rec, 'engine', { default: 'neptune' }),
    storageEncrypted: computedAttr(rec, 'storage_encrypted', { default: false, map: asBool }),
    kmsKeyId: computedAttr<string>(rec, 'kms_key_arn'),
    kmsKeyIsAwsManaged: awsManagedKeyAttr(rec, 'kms_key_arn'),
    backupRetentionPeriod: computedAttr(rec, 'backup_retention_period', { default: 1, map: asNumber }),
    deletionProtection: computedAttr(rec, 'deletion_protection', { default: false, map: asBool }),
    enabledCloudwatchLogsExports: stringList(rec, 'enable_cloudwatch_logs_exports'),
    // Optional+Computed: unset is the engine's default group (default.neptune<version>)
    clusterParameterGroupName: computedAttr<string>(rec, 'neptune_cluster_parameter_group_name'),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'kms_key_arn', ['aws.kms.key']));
  r.linkRefs!.push(linkRef(rec, 'securityGroups', 'vpc_security_group_ids', ['aws.ec2.security-group'], { inverse: 'attachedResources' }));
  r.linkRefs!.push(linkRef(rec, 'clusterParameterGroup', 'neptune_cluster_parameter_group_name', ['aws.rds.parameter-group']));
  return r;
};

// variants slice (issue 14, wave 4)
/** aws_neptune_cluster_instance: whether it has a public endpoint; the storage belongs to its cluster. */
const instance: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.neptune.instance', [rec.values.identifier]);
  r.attrs = {
    identifier: computedAttr<string>(rec, 'identifier'),
    clusterIdentifier: computedAttr<string>(rec, 'cluster_identifier'),
    publiclyAccessible: attr(rec, 'publicly_accessible', { default: false, map: asBool }),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'cluster', 'cluster_identifier', ['aws.neptune.cluster']));
  return r;
};

export const neptuneAdapters: Record<string, TfAdapter> = { aws_neptune_cluster: cluster, aws_neptune_cluster_instance: instance };
