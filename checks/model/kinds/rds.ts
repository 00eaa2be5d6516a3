import { defineKinds, type AttrSpec } from './spec.js';

const tagAttrs = {
  tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: the tag list as an object).' },
  dataClass: {
    type: 'string',
    description: 'Lowercased value of the first of DataClassification, DataClass, data_classification, data-classification, Classification tags.',
  },
} satisfies Record<string, AttrSpec>;

/** Attributes RDS instances and clusters share (same names, same meaning). */
const dbCommon = {
  identifier: { type: 'string', description: 'DB instance or cluster identifier.' },
  engine: { type: 'string', description: 'Engine name as RDS reports it: postgres, mysql, mariadb, aurora-postgresql, aurora-mysql, sqlserver-*, oracle-*.' },
  engineVersion: { type: 'string', description: 'Engine version as configured (may be a major version only, e.g. "16").' },
  engineFamily: {
    type: 'string',
    description: 'Normalised engine family: postgres, mysql (MySQL and MariaDB, Aurora MySQL), sqlserver, oracle, db2, or other.',
  },
  aurora: { type: 'boolean', description: 'True for Aurora engines (aurora-postgresql, aurora-mysql).' },
  storageEncrypted: { type: 'boolean', description: 'Storage encryption at rest (RDS StorageEncrypted). Provider default false (true for Aurora Serverless v1 clusters).' },
  kmsKeyId: { type: 'string', description: 'KMS key (ARN, id or alias) for storage encryption, when configured or known.' },
  kmsKeyIsAwsManaged: {
    type: 'boolean',
    description:
      'True when storage encryption uses the AWS-managed key aws/rds (kms_key_id left unset, or alias/aws/rds, or its ARN); false when the key is known to be customer-managed (a managed aws_kms_key or a customer alias); unknown otherwise (literal key ARN or a data source).',
  },
  publiclyAccessible: { type: 'boolean', description: 'Whether the endpoint resolves to a public IP (RDS PubliclyAccessible). Default false.' },
  backupRetentionPeriod: { type: 'number', description: 'Automated backup retention in days (0 = automated backups disabled). RDS API default 1.' },
  deletionProtection: { type: 'boolean', description: 'Deletion protection. Default false.' },
  iamDatabaseAuthenticationEnabled: { type: 'boolean', description: 'IAM database authentication. Default false.' },
  manageMasterUserPassword: { type: 'boolean', description: 'Master password managed by RDS in Secrets Manager. Default false.' },
  masterPasswordSet: {
    type: 'boolean',
    description: 'A master password is written in the configuration (`password` / `master_password`), so it lands in Terraform state. Write-only `*_wo` arguments do not count.',
  },
  masterUserSecretKmsKeyId: { type: 'string', description: 'KMS key of the RDS-managed master user secret, when configured.' },
  enabledCloudwatchLogsExports: { type: 'string[]', description: 'Log types exported to CloudWatch Logs (postgresql, upgrade, audit, error, general, slowquery, iam-db-auth-error, ...).' },
  copyTagsToSnapshot: { type: 'boolean', description: 'Copy resource tags (data classification) to snapshots. Default false.' },
  performanceInsightsEnabled: { type: 'boolean', description: 'Performance Insights enabled. Default false.' },
  performanceInsightsKmsKeyId: { type: 'string', description: 'KMS key for Performance Insights data, when configured.' },
  performanceInsightsKmsKeyIsAwsManaged: {
    type: 'boolean',
    description: 'True when Performance Insights uses the AWS-managed aws/rds key (unset or alias/aws/rds), false for a known customer-managed key, unknown otherwise.',
  },
  parameterGroupName: { type: 'string', description: 'DB parameter group name (instance). Absent means the engine default group default.<family>.' },
  ...tagAttrs,
} satisfies Record<string, AttrSpec>;

export const rdsKinds = defineKinds([
  {
    kind: 'aws.rds.instance',
    title: 'RDS DB instance (standalone, or a member of an Aurora / Multi-AZ cluster)',
    terraform: ['aws_db_instance', 'aws_rds_cluster_instance'],
    attrs: {
      ...dbCommon,
      instanceClass: { type: 'string', description: 'DB instance class.' },
      isClusterMember: {
        type: 'boolean',
        description:
          'True for an instance of a DB cluster (aws_rds_cluster_instance; live: DBClusterIdentifier set). Storage encryption, backups, master password and log exports are then cluster settings.',
      },
      clusterIdentifier: { type: 'string', description: 'Identifier of the cluster this instance belongs to.' },
      isReadReplica: { type: 'boolean', description: 'True for a read replica (replicate_source_db set); it inherits encryption and the master password.' },
      multiAz: { type: 'boolean', description: 'Multi-AZ deployment. Default false.' },
      caCertIdentifier: {
        type: 'string',
        description:
          'Certificate authority of the server certificate the instance serves TLS with (ca_cert_identifier; live: CACertificateIdentifier). Optional+Computed: left out, AWS\'s default for new instances, rds-ca-rsa2048-g1.',
      },
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'Storage encryption key (kms_key_id).' },
      performanceInsightsKmsKey: { kinds: ['aws.kms.key'], description: 'Performance Insights key (performance_insights_kms_key_id).' },
      parameterGroup: { kinds: ['aws.rds.parameter-group'], description: 'Attached DB parameter group (parameter_group_name).' },
      securityGroups: { kinds: ['aws.ec2.security-group'], description: 'VPC security groups (vpc_security_group_ids).' },
      cluster: { kinds: ['aws.rds.cluster'], description: 'The cluster of a cluster member (cluster_identifier); the cluster gets the inverse link `instances`.' },
    },
  },
  {
    kind: 'aws.rds.cluster',
    title: 'RDS DB cluster (Aurora or Multi-AZ DB cluster)',
    terraform: ['aws_rds_cluster'],
    attrs: {
      ...dbCommon,
      engineMode: { type: 'string', description: 'Aurora engine mode: provisioned (default), serverless (v1), parallelquery, global, multimaster.' },
      clusterParameterGroupName: { type: 'string', description: 'DB cluster parameter group name. Absent means the engine default cluster group.' },
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'Storage encryption key (kms_key_id).' },
      performanceInsightsKmsKey: { kinds: ['aws.kms.key'], description: 'Performance Insights key (Multi-AZ DB clusters).' },
      clusterParameterGroup: { kinds: ['aws.rds.parameter-group'], description: 'Attached DB cluster parameter group (db_cluster_parameter_group_name).' },
      parameterGroup: { kinds: ['aws.rds.parameter-group'], description: 'DB parameter group applied to member instances (db_instance_parameter_group_name).' },
      securityGroups: { kinds: ['aws.ec2.security-group'], description: 'VPC security groups (vpc_security_group_ids).' },
      instances: { kinds: ['aws.rds.instance'], description: 'Member instances (inverse of aws_rds_cluster_instance.cluster_identifier).' },
    },
  },
  {
    kind: 'aws.rds.parameter-group',
    title: 'RDS DB parameter group or DB cluster parameter group (DocumentDB and Neptune cluster parameter groups included)',
    terraform: ['aws_db_parameter_group', 'aws_rds_cluster_parameter_group', 'aws_docdb_cluster_parameter_group', 'aws_neptune_cluster_parameter_group'],
    attrs: {
      name: { type: 'string', description: 'Parameter group name.' },
      family: { type: 'string', description: 'Parameter group family, e.g. postgres16, aurora-postgresql15, mysql8.0, docdb5.0, neptune1.3.' },
      parameters: {
        type: 'object',
        description:
          'Parameters set in the group: name -> value (strings as RDS stores them, e.g. {"rds.force_ssl": "1"}). Parameters not listed take the family default. Names contain dots, so read them with code checks.',
      },
      isClusterGroup: { type: 'boolean', description: 'True for a DB cluster parameter group.' },
      isDefaultGroup: { type: 'boolean', description: 'True for an AWS default group (name starts with "default.").' },
      ...tagAttrs,
    },
    links: {},
  },
]);
