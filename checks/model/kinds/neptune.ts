import { defineKinds } from './spec.js';

export const neptuneKinds = defineKinds([
  {
    kind: 'aws.neptune.cluster',
    title: 'Neptune cluster',
    terraform: ['aws_neptune_cluster'],
    attrs: {
      identifier: { type: 'string', description: 'Cluster identifier (cluster_identifier; live: DBClusterIdentifier); computed in a plan when not configured.' },
      engine: { type: 'string', description: 'Engine (engine; live: Engine). Default "neptune".' },
      storageEncrypted: { type: 'boolean', description: 'Storage is encrypted at rest (storage_encrypted; live: StorageEncrypted). Default false.' },
      kmsKeyId: { type: 'string', description: 'KMS key of the storage (kms_key_arn; live: KmsKeyId); unset with encryption on means the AWS-managed aws/rds key.' },
      kmsKeyIsAwsManaged: { type: 'boolean', description: 'The storage key is the AWS-managed aws/rds key (kms_key_arn unset or an aws/ alias); false for a customer-managed key; unknown otherwise.' },
      backupRetentionPeriod: { type: 'number', description: 'Days of automated backups (backup_retention_period; live: BackupRetentionPeriod). Default 1.' },
      deletionProtection: { type: 'boolean', description: 'The cluster cannot be deleted while on (deletion_protection; live: DeletionProtection). Default false.' },
      enabledCloudwatchLogsExports: { type: 'string[]', description: 'Log types exported to CloudWatch Logs, "audit" and "slowquery" (enable_cloudwatch_logs_exports; live: EnabledCloudwatchLogsExports). Default none.' },
      clusterParameterGroupName: {
        type: 'string',
        description: 'Cluster parameter group (neptune_cluster_parameter_group_name; live: DBClusterParameterGroup). Unset: the engine default group (default.neptune<version>: neptune_enable_audit_log 0).',
      },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag list as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'The KMS key of kms_key_arn, when it is in the model.' },
      securityGroups: { kinds: ['aws.ec2.security-group'], description: 'VPC security groups (vpc_security_group_ids); each group gets the inverse link `attachedResources`.' },
      clusterParameterGroup: { kinds: ['aws.rds.parameter-group'], description: 'The cluster parameter group (its neptune_enable_audit_log), when it is in the input or was read live.' },
    },
  },
  // variants slice (issue 14, wave 4)
  {
    kind: 'aws.neptune.instance',
    title: 'Neptune cluster instance',
    terraform: ['aws_neptune_cluster_instance'],
    attrs: {
      identifier: { type: 'string', description: 'Instance identifier (identifier; live: DBInstanceIdentifier); computed in a plan when not configured.' },
      clusterIdentifier: { type: 'string', description: 'The cluster the instance serves (cluster_identifier; live: DBClusterIdentifier). The cluster holds the storage.' },
      publiclyAccessible: {
        type: 'boolean',
        description: 'The instance has a public endpoint (publicly_accessible; live: PubliclyAccessible). Default false.',
      },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag list as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      cluster: { kinds: ['aws.neptune.cluster'], description: 'The cluster (cluster_identifier; live DBClusterIdentifier).' },
    },
  },
]);
