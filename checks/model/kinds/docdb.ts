import { defineKinds } from './spec.js';

export const docdbKinds = defineKinds([
  {
    kind: 'aws.docdb.cluster',
    title: 'DocumentDB cluster',
    terraform: ['aws_docdb_cluster'],
    attrs: {
      identifier: { type: 'string', description: 'Cluster identifier (cluster_identifier; live: DBClusterIdentifier); computed in a plan when not configured.' },
      engine: { type: 'string', description: 'Engine (engine; live: Engine). Default "docdb".' },
      storageEncrypted: { type: 'boolean', description: 'Storage is encrypted at rest (storage_encrypted; live: StorageEncrypted). Default false.' },
      kmsKeyId: { type: 'string', description: 'KMS key of the storage (kms_key_id; live: KmsKeyId); unset with encryption on means the AWS-managed aws/rds key.' },
      kmsKeyIsAwsManaged: { type: 'boolean', description: 'The storage key is the AWS-managed aws/rds key (kms_key_id unset or an aws/ alias); false for a customer-managed key; unknown otherwise.' },
      backupRetentionPeriod: { type: 'number', description: 'Days of automated backups (backup_retention_period; live: BackupRetentionPeriod). Default 1.' },
      deletionProtection: { type: 'boolean', description: 'The cluster cannot be deleted while on (deletion_protection; live: DeletionProtection). Default false.' },
      enabledCloudwatchLogsExports: { type: 'string[]', description: 'Log types exported to CloudWatch Logs, "audit" and "profiler" (enabled_cloudwatch_logs_exports; live: EnabledCloudwatchLogsExports). Default none.' },
      clusterParameterGroupName: {
        type: 'string',
        description: 'Cluster parameter group (db_cluster_parameter_group_name; live: DBClusterParameterGroup). Unset: the engine default group (default.docdb<version>: tls enabled, audit_logs disabled).',
      },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag list as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'The KMS key of kms_key_id, when it is in the model.' },
      securityGroups: { kinds: ['aws.ec2.security-group'], description: 'VPC security groups (vpc_security_group_ids); each group gets the inverse link `attachedResources`.' },
      clusterParameterGroup: { kinds: ['aws.rds.parameter-group'], description: 'The cluster parameter group (its tls and audit_logs parameters), when it is in the input or was read live.' },
    },
  },
  // variants slice (issue 14, wave 4)
  {
    kind: 'aws.docdb.instance',
    title: 'DocumentDB cluster instance',
    terraform: ['aws_docdb_cluster_instance'],
    attrs: {
      identifier: { type: 'string', description: 'Instance identifier (identifier; live: DBInstanceIdentifier); computed in a plan when not configured.' },
      clusterIdentifier: { type: 'string', description: 'The cluster the instance serves (cluster_identifier; live: DBClusterIdentifier). The cluster holds the storage.' },
      caCertIdentifier: {
        type: 'string',
        description:
          'Certificate authority of the server certificate clients verify over TLS (ca_cert_identifier, Optional+Computed; live: CACertificateIdentifier). Default rds-ca-rsa2048-g1, the CA AWS gives new instances since January 2024.',
      },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag list as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      cluster: { kinds: ['aws.docdb.cluster'], description: 'The cluster (cluster_identifier; live DBClusterIdentifier).' },
    },
  },
  {
    kind: 'aws.docdb.elastic-cluster',
    title: 'DocumentDB elastic cluster',
    terraform: ['aws_docdb_elastic_cluster'],
    attrs: {
      name: { type: 'string', description: 'Cluster name (name; live: clusterName).' },
      kmsKeyId: { type: 'string', description: 'KMS key encrypting the cluster (kms_key_id, Optional+Computed; live: kmsKeyId). Unset: the AWS managed key of DocumentDB elastic clusters.' },
      kmsKeyIsAwsManaged: {
        type: 'boolean',
        description:
          'The storage key is one AWS manages (kms_key_id unset or an aws/ alias; live: kmsKeyId whose KeyManager is AWS); false for a customer-managed key (a key resource or customer alias in Terraform; live KeyManager CUSTOMER); unknown for a literal key ARN not in the input.',
      },
      backupRetentionPeriod: { type: 'number', description: 'Days of automatic snapshots (backup_retention_period; live: backupRetentionPeriod). Default 1.' },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag list as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'The KMS key of kms_key_id, when it is in the model.' },
      securityGroups: { kinds: ['aws.ec2.security-group'], description: 'VPC security groups (vpc_security_group_ids; live vpcSecurityGroupIds); each group gets the inverse link `attachedResources`.' },
    },
  },
]);
