// Generates the data-store policies (policies/aws-{rds,elasticache,backup}-*.policy.yaml). Run from the repo root:
//   node test/datastores/fixture-gen/policies.mjs
// Generates policies/<id>.policy.yaml for the data-store domain (run from /work/main).
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';

const INST = 'aws.rds.instance', CL = 'aws.rds.cluster';
const standalone = { all: [{ path: 'isClusterMember', equals: false, ifAbsent: 'true' }] };
const standaloneNoReplica = { all: [{ path: 'isClusterMember', equals: false, ifAbsent: 'true' }, { path: 'isReadReplica', equals: false, ifAbsent: 'true' }] };
const cmk = (flag, link) => ({ check: 'kms-key-customer-managed', options: { link, awsManagedAttr: flag } });
const AWS = {
  rdsEnc: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html',
  auroraEnc: 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html',
  rdsSsl: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.SSL.html',
  pgSsl: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.html',
  mysqlSsl: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/mysql-ssl-connections.html',
  auroraPgSsl: 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraPostgreSQL.Security.html',
  pgAudit: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Appendix.PostgreSQL.CommonDBATasks.pgaudit.html',
  auroraAudit: 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Auditing.html',
  logExports: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html',
  backups: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html',
  delprot: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeletionProtection',
  iamAuth: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html',
  secrets: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html',
  pi: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PerfInsights.access-control.html',
  publicAccess: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding',
  ecRest: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html',
  ecTransit: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html',
  ecAuth: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html',
  ecRbac: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Clusters.RBAC.html',
  bkEnc: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html',
  bkLifecycle: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/creating-a-backup-plan.html',
  bkLock: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html',
  tfDb: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance',
  tfCluster: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster',
};

const P = [];
const add = (p) => P.push({ sources: ['hcl', 'plan', 'live'], ...p });

// ---- encryption at rest ----
add({
  id: 'aws-rds-instance-storage-encrypted', title: 'RDS DB instance storage is encrypted at rest', severity: 'high', category: 'encryption', resource: INST,
  description: 'An RDS DB instance (not a member of an Aurora or Multi-AZ cluster, whose storage the cluster controls) has storage_encrypted = true. The Terraform default is false, so an instance that does not set it is unencrypted, together with its automated backups, snapshots and read replicas.',
  rationale: 'Student education records in a database must be encrypted at rest (NDPA Art. V §3, NY Ed Law 2-d / Part 121.3(c)(6), NIST 800-53 SC-28(1), CIS AWS 2.3.1). Encryption cannot be turned on for an existing instance: it needs a snapshot copy and restore, so it must be right at creation.',
  remediation: { terraform: 'resource "aws_db_instance" "main" {\n  # ...\n  storage_encrypted = true\n  kms_key_id        = aws_kms_key.rds.arn\n}', cli: 'aws rds copy-db-snapshot --source-db-snapshot-identifier <snap> --target-db-snapshot-identifier <snap>-enc --kms-key-id <cmk-arn>\naws rds restore-db-instance-from-db-snapshot --db-instance-identifier <new-id> --db-snapshot-identifier <snap>-enc' },
  references: [AWS.rdsEnc, AWS.tfDb + '#storage_encrypted', 'CIS AWS Foundations 2.3.1', 'NIST SP 800-53 SC-28(1)', 'AWS Security Hub RDS.3'],
  where: standalone, rule: { assert: { path: 'storageEncrypted', equals: true } },
});
add({
  id: 'aws-rds-cluster-storage-encrypted', title: 'RDS DB cluster storage is encrypted at rest', severity: 'high', category: 'encryption', resource: CL,
  description: 'An Aurora or Multi-AZ DB cluster has storage_encrypted = true. The provider default is false for provisioned clusters (only Aurora Serverless v1 is always encrypted), and the cluster setting covers every member instance and snapshot.',
  rationale: 'Encryption at rest of databases holding education records (NDPA Art. V §3, NIST 800-53 SC-28(1), CIS AWS 2.3.1). It cannot be enabled after creation without a snapshot restore.',
  remediation: { terraform: 'resource "aws_rds_cluster" "main" {\n  # ...\n  storage_encrypted = true\n  kms_key_id        = aws_kms_key.rds.arn\n}', cli: 'aws rds restore-db-cluster-from-snapshot --db-cluster-identifier <new-id> --snapshot-identifier <snap> --engine <engine> --kms-key-id <cmk-arn>' },
  references: [AWS.auroraEnc, AWS.tfCluster + '#storage_encrypted', 'CIS AWS Foundations 2.3.1', 'NIST SP 800-53 SC-28(1)', 'AWS Security Hub RDS.27'],
  rule: { assert: { path: 'storageEncrypted', equals: true } },
});
for (const [kind, id, tf, label] of [[INST, 'aws-rds-instance-encrypted-with-cmk', 'aws_db_instance', 'instance'], [CL, 'aws-rds-cluster-encrypted-with-cmk', 'aws_rds_cluster', 'cluster']]) {
  add({
    id, title: `RDS DB ${label} storage is encrypted with a customer-managed KMS key`, severity: 'medium', category: 'encryption', resource: kind,
    description: `The DB ${label} is encrypted and its kms_key_id names a customer-managed KMS key. Leaving kms_key_id unset, or setting alias/aws/rds (or its ARN), uses the AWS-managed key aws/rds, whose key policy the account cannot restrict and which cannot be disabled or scheduled for deletion. A literal key ARN that is not in this input is unknown until checked live.`,
    rationale: 'A customer-managed key lets the vendor restrict who can decrypt student data, audit its use, and crypto-shred the data and every backup at disposition (NDPA Exh. D, PTAC data destruction, NIST 800-53 SC-12, SC-28(1), MP-6). The AWS-managed aws/rds key offers none of these.',
    remediation: { terraform: `resource "aws_kms_key" "rds" {\n  enable_key_rotation = true\n}\n\nresource "${tf}" "main" {\n  # ...\n  storage_encrypted = true\n  kms_key_id        = aws_kms_key.rds.arn\n}`, cli: 'aws kms create-key --description "RDS student data"\n# existing databases: copy a snapshot with --kms-key-id <cmk-arn> and restore from it' },
    references: [kind === INST ? AWS.rdsEnc : AWS.auroraEnc, 'https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-mgmt', 'NIST SP 800-53 SC-12', 'NIST SP 800-53 SC-28(1)'],
    ...(kind === INST ? { where: standalone } : {}),
    rule: { assert: { all: [{ path: 'storageEncrypted', equals: true }, cmk('kmsKeyIsAwsManaged', 'kmsKey')] } },
  });
}
add({
  id: 'aws-rds-not-publicly-accessible', title: 'RDS DB instances are not publicly accessible', severity: 'critical', category: 'network', resource: INST,
  description: 'publicly_accessible is false on every RDS DB instance, including Aurora cluster members (aws_rds_cluster_instance). A publicly accessible instance gets a public DNS name and IP reachable from the internet wherever its security groups allow.',
  rationale: 'Education records may be disclosed only to school officials with legitimate educational interest (34 CFR 99.31(a)(1)(ii)); a database endpoint on the internet removes the network layer of that control (NIST 800-53 SC-7, AC-3; CIS AWS 2.3.3).',
  remediation: { terraform: 'resource "aws_db_instance" "main" {\n  # ...\n  publicly_accessible = false\n}', cli: 'aws rds modify-db-instance --db-instance-identifier <id> --no-publicly-accessible --apply-immediately' },
  references: [AWS.publicAccess, 'CIS AWS Foundations 2.3.3', 'NIST SP 800-53 SC-7', 'AWS Security Hub RDS.2'],
  rule: { assert: { path: 'publiclyAccessible', equals: false } },
});
// ---- TLS ----
add({
  id: 'aws-rds-force-ssl-parameter-attached', title: 'RDS DB instance requires TLS through its attached parameter group', severity: 'high', category: 'encryption', resource: INST,
  description: 'The DB parameter group attached to the instance (parameter_group_name) enforces TLS: rds.force_ssl = 1 for PostgreSQL and SQL Server, require_secure_transport = ON for MySQL and MariaDB. A group that sets the parameter but is not attached counts for nothing. With no group attached, the engine default decides: RDS for PostgreSQL 15 and later defaults to rds.force_ssl = 1 (pass), older PostgreSQL, MySQL, MariaDB and SQL Server do not require TLS (fail); a version that is not known is unknown. Oracle and Db2 enforce TLS with option groups and are reported unknown.',
  rationale: 'Student records crossing the network between the application and the database must be encrypted in transit (NY Part 121.3(c)(6), NDPA Art. V §3, NIST 800-53 SC-8(1)). Without enforcement a misconfigured client silently connects in plaintext (libpq and JDBC default to sslmode=prefer).',
  remediation: { terraform: 'resource "aws_db_parameter_group" "pg" {\n  name   = "app-postgres16"\n  family = "postgres16"\n  parameter {\n    name  = "rds.force_ssl"\n    value = "1"\n  }\n}\n\nresource "aws_db_instance" "main" {\n  # ...\n  parameter_group_name = aws_db_parameter_group.pg.name\n}', cli: 'aws rds modify-db-parameter-group --db-parameter-group-name <pg> --parameters "ParameterName=rds.force_ssl,ParameterValue=1,ApplyMethod=immediate"\naws rds modify-db-instance --db-instance-identifier <id> --db-parameter-group-name <pg> --apply-immediately' },
  references: [AWS.pgSsl, AWS.mysqlSsl, AWS.rdsSsl, 'NIST SP 800-53 SC-8(1)', 'Checkov CKV2_AWS_69'],
  where: standalone, rule: { assert: { check: 'rds-force-ssl' } },
});
add({
  id: 'aws-rds-cluster-force-ssl-parameter-attached', title: 'RDS DB cluster requires TLS through its attached cluster parameter group', severity: 'high', category: 'encryption', resource: CL,
  description: 'The DB cluster parameter group attached to the cluster (db_cluster_parameter_group_name) enforces TLS: rds.force_ssl = 1 for Aurora PostgreSQL, require_secure_transport = ON for Aurora MySQL. Aurora reads these from the cluster group, not from an aws_db_parameter_group; Aurora defaults do not require TLS, so a cluster without a custom cluster group fails.',
  rationale: 'Encryption in transit for data-store connections carrying education records (NDPA Art. V §3, NIST 800-53 SC-8(1)).',
  remediation: { terraform: 'resource "aws_rds_cluster_parameter_group" "aurora" {\n  name   = "app-aurora-pg16"\n  family = "aurora-postgresql16"\n  parameter {\n    name  = "rds.force_ssl"\n    value = "1"\n  }\n}\n\nresource "aws_rds_cluster" "main" {\n  # ...\n  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.aurora.name\n}', cli: 'aws rds modify-db-cluster-parameter-group --db-cluster-parameter-group-name <cpg> --parameters "ParameterName=rds.force_ssl,ParameterValue=1,ApplyMethod=immediate"\naws rds modify-db-cluster --db-cluster-identifier <id> --db-cluster-parameter-group-name <cpg> --apply-immediately' },
  references: [AWS.auroraPgSsl, AWS.rdsSsl, 'NIST SP 800-53 SC-8(1)'],
  rule: { assert: { check: 'rds-force-ssl' } },
});
// ---- logging ----
add({
  id: 'aws-rds-connection-logging', title: 'RDS DB instance logs connections through its attached parameter group', severity: 'medium', category: 'audit', resource: INST,
  description: 'The parameter group attached to a PostgreSQL instance enables log_connections, or loads pgaudit (shared_preload_libraries) with pgaudit.log set. Defaults log neither. RDS MySQL and MariaDB audit through the MARIADB_AUDIT_PLUGIN option group, which this check cannot read (unknown).',
  rationale: 'Who connected to a database of student records, and when, is evidence for access reviews and breach investigation (34 CFR 99.31(a)(1)(ii) evidence, 99.32 record of disclosures; NIST 800-53 AU-2, AU-12).',
  remediation: { terraform: 'resource "aws_db_parameter_group" "pg" {\n  # ...\n  parameter {\n    name  = "log_connections"\n    value = "1"\n  }\n  parameter {\n    name  = "log_disconnections"\n    value = "1"\n  }\n}', cli: 'aws rds modify-db-parameter-group --db-parameter-group-name <pg> --parameters "ParameterName=log_connections,ParameterValue=1,ApplyMethod=immediate"' },
  references: [AWS.pgAudit, 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Concepts.PostgreSQL.html', 'NIST SP 800-53 AU-2', 'NIST SP 800-53 AU-12', 'Checkov CKV2_AWS_27'],
  where: standalone, rule: { assert: { check: 'rds-connection-logging' } },
});
add({
  id: 'aws-rds-cluster-connection-logging', title: 'RDS DB cluster logs connections through its attached cluster parameter group', severity: 'medium', category: 'audit', resource: CL,
  description: 'The cluster parameter group attached to an Aurora PostgreSQL cluster enables log_connections or pgaudit; for Aurora MySQL, server_audit_logging = 1 with server_audit_events including CONNECT. Defaults log neither.',
  rationale: 'Database access evidence for student-data stores (34 CFR 99.31(a)(1)(ii); NIST 800-53 AU-2, AU-12; FERPA-LOG-02).',
  remediation: { terraform: 'resource "aws_rds_cluster_parameter_group" "aurora" {\n  # ...\n  parameter {\n    name  = "log_connections"\n    value = "1"\n  }\n}', cli: 'aws rds modify-db-cluster-parameter-group --db-cluster-parameter-group-name <cpg> --parameters "ParameterName=log_connections,ParameterValue=1,ApplyMethod=immediate"' },
  references: [AWS.auroraAudit, AWS.pgAudit, 'NIST SP 800-53 AU-2', 'NIST SP 800-53 AU-12', 'Checkov CKV_AWS_325'],
  rule: { assert: { check: 'rds-connection-logging' } },
});
const exportsAssert = { any: [
  { all: [{ path: 'engineFamily', equals: 'postgres' }, { path: 'enabledCloudwatchLogsExports', contains: 'postgresql' }] },
  { all: [{ path: 'engineFamily', equals: 'mysql' }, { path: 'enabledCloudwatchLogsExports', contains: 'audit' }] },
] };
for (const [kind, id, tf, label] of [[INST, 'aws-rds-log-exports', 'aws_db_instance', 'instance'], [CL, 'aws-rds-cluster-log-exports', 'aws_rds_cluster', 'cluster']]) {
  add({
    id, title: `RDS DB ${label} exports its database logs to CloudWatch Logs`, severity: 'medium', category: 'audit', resource: kind,
    description: `enabled_cloudwatch_logs_exports on the ${label} includes "postgresql" for PostgreSQL engines or "audit" for MySQL/MariaDB engines, so connection and audit logs leave the database host and are kept by the log retention policy. Nothing is exported by default. Other engines are not assessed.`,
    rationale: 'Database logs kept only on the instance rotate away within days; exporting them makes data-plane access evidence durable and searchable (FERPA-LOG-02; NIST 800-53 AU-4, AU-9, AU-12).',
    remediation: { terraform: `resource "${tf}" "main" {\n  # ...\n  enabled_cloudwatch_logs_exports = ["postgresql"]\n}`, cli: label === 'instance' ? 'aws rds modify-db-instance --db-instance-identifier <id> --cloudwatch-logs-export-configuration \'{"EnableLogTypes":["postgresql"]}\'' : 'aws rds modify-db-cluster --db-cluster-identifier <id> --cloudwatch-logs-export-configuration \'{"EnableLogTypes":["postgresql"]}\'' },
    references: [AWS.logExports, 'NIST SP 800-53 AU-12', 'AWS Security Hub RDS.9'],
    where: kind === INST ? { all: [...standalone.all, { path: 'engineFamily', in: ['postgres', 'mysql'] }] } : { path: 'engineFamily', in: ['postgres', 'mysql'] },
    rule: { assert: exportsAssert },
  });
}
// ---- backups ----
for (const [kind, id, tf, label] of [[INST, 'aws-rds-backup-retention-floor', 'aws_db_instance', 'instance'], [CL, 'aws-rds-cluster-backup-retention-floor', 'aws_rds_cluster', 'cluster']]) {
  add({
    id, title: `RDS DB ${label} keeps automated backups at least the profile minimum`, severity: 'medium', category: 'resilience', resource: kind,
    description: `backup_retention_period on the ${label} is at least backupMinDays (default 7). The RDS default is 1 day, and 0 disables automated backups and point-in-time recovery.${kind === INST ? ' Read replicas and cluster members are not assessed (the source or the cluster keeps the backups).' : ''}`,
    rationale: 'Student records must survive deletion, corruption and ransomware long enough to notice and restore (NDPA Art. IV §6, NIST 800-53 CP-9, CSF PR.DS-11).',
    remediation: { terraform: `resource "${tf}" "main" {\n  # ...\n  backup_retention_period = 14\n}`, cli: label === 'instance' ? 'aws rds modify-db-instance --db-instance-identifier <id> --backup-retention-period 14 --apply-immediately' : 'aws rds modify-db-cluster --db-cluster-identifier <id> --backup-retention-period 14 --apply-immediately' },
    references: [AWS.backups, 'NIST SP 800-53 CP-9', 'AWS Security Hub RDS.11', 'Checkov CKV_AWS_133'],
    ...(kind === INST ? { where: standaloneNoReplica } : {}),
    rule: { assert: { path: 'backupRetentionPeriod', gte: { param: 'backupMinDays' } } },
  });
}
for (const [kind, id, tf, label] of [[INST, 'aws-rds-deletion-protection', 'aws_db_instance', 'instance'], [CL, 'aws-rds-cluster-deletion-protection', 'aws_rds_cluster', 'cluster']]) {
  add({
    id, title: `RDS DB ${label} has deletion protection enabled`, severity: 'medium', category: 'resilience', resource: kind,
    description: `deletion_protection = true on the ${label}. The default is false, so a terraform destroy, a replacement forced by a changed argument, or a console click deletes the database.`,
    rationale: 'Accidental deletion of the system of record for education records is an availability incident and may destroy records the district still needs (NIST 800-53 CP-9, CM-3; NDPA Art. V §3).',
    remediation: { terraform: `resource "${tf}" "main" {\n  # ...\n  deletion_protection = true\n}`, cli: label === 'instance' ? 'aws rds modify-db-instance --db-instance-identifier <id> --deletion-protection --apply-immediately' : 'aws rds modify-db-cluster --db-cluster-identifier <id> --deletion-protection --apply-immediately' },
    references: [AWS.delprot, 'AWS Security Hub RDS.7', 'AWS Security Hub RDS.8'],
    ...(kind === INST ? { where: standalone } : {}),
    rule: { assert: { path: 'deletionProtection', equals: true } },
  });
}
for (const [kind, id, tf, label] of [[INST, 'aws-rds-iam-auth', 'aws_db_instance', 'instance'], [CL, 'aws-rds-cluster-iam-auth', 'aws_rds_cluster', 'cluster']]) {
  add({
    id, title: `RDS DB ${label} has IAM database authentication enabled`, severity: 'low', category: 'access', resource: kind,
    description: `iam_database_authentication_enabled = true on the ${label} (default false), so people and services can connect with short-lived IAM tokens tied to named roles instead of shared static passwords. Evaluated for PostgreSQL and MySQL-family engines, which support it.`,
    rationale: 'Named, revocable, logged database access supports legitimate-educational-interest access control and access reviews (34 CFR 99.31(a)(1)(ii); NIST 800-53 IA-2, IA-5, AC-2).',
    remediation: { terraform: `resource "${tf}" "main" {\n  # ...\n  iam_database_authentication_enabled = true\n}`, cli: label === 'instance' ? 'aws rds modify-db-instance --db-instance-identifier <id> --enable-iam-database-authentication --apply-immediately' : 'aws rds modify-db-cluster --db-cluster-identifier <id> --enable-iam-database-authentication --apply-immediately' },
    references: [AWS.iamAuth, 'NIST SP 800-53 IA-5', 'AWS Security Hub RDS.10', 'AWS Security Hub RDS.12'],
    where: kind === INST ? { all: [...standalone.all, { path: 'engineFamily', in: ['postgres', 'mysql'] }] } : { path: 'engineFamily', in: ['postgres', 'mysql'] },
    rule: { assert: { path: 'iamDatabaseAuthenticationEnabled', equals: true } },
  });
}
for (const [kind, id, tf, label, pw] of [[INST, 'aws-rds-master-password-managed', 'aws_db_instance', 'instance', 'password'], [CL, 'aws-rds-cluster-master-password-managed', 'aws_rds_cluster', 'cluster', 'master_password']]) {
  add({
    id, title: `RDS DB ${label} master password is managed by Secrets Manager, not written in Terraform`, severity: 'high', category: 'secrets', resource: kind,
    description: `manage_master_user_password = true and no ${pw} argument. A ${pw} written in Terraform (literal, variable or random_password) is stored in plain text in the Terraform state and plan files; with RDS-managed passwords the secret lives only in Secrets Manager and rotates.${kind === INST ? ' Read replicas and cluster members inherit the master user and are not assessed.' : ''}`,
    rationale: 'The master credential opens every student record; it must be stored encrypted with rotation and never in IaC artefacts (FERPA-SEC-01, FERPA-SEC-02; NIST 800-53 IA-5(7), SC-28).',
    remediation: { terraform: `resource "${tf}" "main" {\n  # ...\n  manage_master_user_password = true\n  # remove ${pw}\n}`, cli: label === 'instance' ? 'aws rds modify-db-instance --db-instance-identifier <id> --manage-master-user-password --apply-immediately' : 'aws rds modify-db-cluster --db-cluster-identifier <id> --manage-master-user-password --apply-immediately' },
    references: [AWS.secrets, 'https://developer.hashicorp.com/terraform/language/state/sensitive-data', 'NIST SP 800-53 IA-5(7)'],
    ...(kind === INST ? { where: standaloneNoReplica } : {}),
    rule: { assert: { all: [{ path: 'manageMasterUserPassword', equals: true }, { path: 'masterPasswordSet', equals: false, ifAbsent: 'true' }] } },
  });
}
add({
  id: 'aws-rds-performance-insights-cmk', title: 'RDS Performance Insights data is encrypted with a customer-managed KMS key', severity: 'low', category: 'encryption', resource: INST,
  description: 'When Performance Insights is enabled on an instance (aws_db_instance or aws_rds_cluster_instance), performance_insights_kms_key_id names a customer-managed key. Performance Insights keeps SQL text, which can contain student data, encrypted with aws/rds when no key is given.',
  rationale: 'Captured query text is a copy of education-record data and needs the same key control and crypto-shred ability as the database (NIST 800-53 SC-12, SC-28(1)).',
  remediation: { terraform: 'resource "aws_rds_cluster_instance" "writer" {\n  # ...\n  performance_insights_enabled    = true\n  performance_insights_kms_key_id = aws_kms_key.rds.arn\n}', cli: 'aws rds modify-db-instance --db-instance-identifier <id> --enable-performance-insights --performance-insights-kms-key-id <cmk-arn>' },
  references: [AWS.pi, 'NIST SP 800-53 SC-28(1)'],
  where: { path: 'performanceInsightsEnabled', equals: true },
  rule: { assert: cmk('performanceInsightsKmsKeyIsAwsManaged', 'performanceInsightsKmsKey') },
});
add({
  id: 'aws-rds-copy-tags-to-snapshot', title: 'RDS DB instance copies its tags to snapshots', severity: 'info', category: 'governance', resource: INST,
  description: 'copy_tags_to_snapshot = true (default false) so snapshots carry the DataClassification tag of their source and stay inside inventory, retention and disposition processes.',
  rationale: 'Untagged snapshots of student data fall out of the data inventory and are missed at disposition (FERPA-GOV-01, FERPA-DEL-02; NIST 800-53 CM-8).',
  remediation: { terraform: 'resource "aws_db_instance" "main" {\n  # ...\n  copy_tags_to_snapshot = true\n}', cli: 'aws rds modify-db-instance --db-instance-identifier <id> --copy-tags-to-snapshot' },
  references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Tagging.html#USER_Tagging.CopyTags', 'AWS Security Hub RDS.17'],
  where: standalone, rule: { assert: { path: 'copyTagsToSnapshot', equals: true } },
});
// ---- ElastiCache ----
const RG = 'aws.elasticache.replication-group';
add({
  id: 'aws-elasticache-at-rest-encryption', title: 'ElastiCache replication group is encrypted at rest', severity: 'high', category: 'encryption', resource: RG,
  description: 'at_rest_encryption_enabled = true on the replication group. AWS defaults to false for Redis OSS (true for Valkey), and the setting cannot be changed after creation. It covers node storage, swap and snapshots in S3.',
  rationale: 'Caches of student records and session data hold copies of education records (NDPA Art. V §3, NIST 800-53 SC-28(1)).',
  remediation: { terraform: 'resource "aws_elasticache_replication_group" "cache" {\n  # ...\n  at_rest_encryption_enabled = true\n  kms_key_id                 = aws_kms_key.cache.arn\n}', cli: 'aws elasticache create-replication-group --replication-group-id <new-id> --at-rest-encryption-enabled --kms-key-id <cmk-arn> ...  # then migrate; it cannot be enabled in place' },
  references: [AWS.ecRest, 'NIST SP 800-53 SC-28(1)', 'AWS Security Hub ElastiCache.4'],
  rule: { assert: { path: 'atRestEncryptionEnabled', equals: true } },
});
add({
  id: 'aws-elasticache-transit-encryption', title: 'ElastiCache replication group requires TLS in transit', severity: 'high', category: 'encryption', resource: RG,
  description: 'transit_encryption_enabled = true and transit_encryption_mode is not "preferred" (which still accepts plaintext clients during a migration). The default is off.',
  rationale: 'Cached student records and AUTH tokens cross the VPC between application and cache; they must be encrypted in transit (NDPA Art. V §3, NIST 800-53 SC-8(1)). Without TLS the AUTH token is sent in clear text.',
  remediation: { terraform: 'resource "aws_elasticache_replication_group" "cache" {\n  # ...\n  transit_encryption_enabled = true\n  transit_encryption_mode    = "required"\n}', cli: 'aws elasticache modify-replication-group --replication-group-id <id> --transit-encryption-enabled --transit-encryption-mode required --apply-immediately' },
  references: [AWS.ecTransit, 'NIST SP 800-53 SC-8(1)', 'AWS Security Hub ElastiCache.5'],
  rule: { assert: { all: [{ path: 'transitEncryptionEnabled', equals: true }, { path: 'transitEncryptionMode', notEquals: 'preferred' }] } },
});
add({
  id: 'aws-elasticache-auth', title: 'ElastiCache replication group requires authentication (AUTH token or RBAC user groups)', severity: 'high', category: 'access', resource: RG,
  description: 'The replication group has an auth_token (Redis AUTH) or RBAC user groups (user_group_ids). Without either, anything that reaches the port can read and write every key. AUTH needs transit encryption.',
  rationale: 'Access to stores holding education records must be limited to authenticated principals (34 CFR 99.31(a)(1)(ii); NIST 800-53 IA-2, AC-3).',
  remediation: { terraform: 'resource "aws_elasticache_replication_group" "cache" {\n  # ...\n  transit_encryption_enabled = true\n  user_group_ids             = [aws_elasticache_user_group.app.id]\n}', cli: 'aws elasticache modify-replication-group --replication-group-id <id> --user-group-ids-to-add <group-id> --apply-immediately' },
  references: [AWS.ecAuth, AWS.ecRbac, 'NIST SP 800-53 IA-2', 'AWS Security Hub ElastiCache.6'],
  rule: { assert: { any: [{ path: 'authTokenSet', equals: true }, { path: 'userGroupIds', exists: true }] } },
});

add({
  id: 'aws-rds-cluster-not-publicly-accessible', title: 'Multi-AZ DB clusters are not publicly accessible', severity: 'critical', category: 'network', resource: CL,
  description: 'publicly_accessible is false on a Multi-AZ DB cluster (RDS for PostgreSQL/MySQL clusters created with db_cluster_instance_class). Aurora clusters have no cluster-level setting; their members are checked by aws-rds-not-publicly-accessible.',
  rationale: 'A database endpoint on the internet removes the network layer of access control over education records (34 CFR 99.31(a)(1)(ii); NIST 800-53 SC-7; CIS AWS 2.3.3).',
  remediation: { terraform: 'resource "aws_rds_cluster" "main" {\n  # ...\n  publicly_accessible = false\n}', cli: 'aws rds modify-db-cluster --db-cluster-identifier <id> --no-publicly-accessible --apply-immediately' },
  references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/multi-az-db-clusters-concepts.html', 'CIS AWS Foundations 2.3.3', 'NIST SP 800-53 SC-7'],
  where: { path: 'aurora', equals: false }, rule: { assert: { path: 'publiclyAccessible', equals: false } },
});
add({
  id: 'aws-elasticache-cluster-encrypted', title: 'Standalone ElastiCache cache clusters encrypt in transit, and Redis/Valkey data at rest', severity: 'high', category: 'encryption', resource: 'aws.elasticache.cluster',
  description: 'A cache cluster that is not part of a replication group (aws_elasticache_cluster without replication_group_id) has transit_encryption_enabled = true, and is Memcached (in memory only, no snapshots). A standalone Redis OSS or Valkey cache cluster cannot be encrypted at rest at all (only replication groups can), so it fails: create a replication group instead. Members of a replication group are assessed through the group.',
  rationale: 'Caches of education records need the same encryption at rest and in transit as the database (NDPA Art. V §3; NIST 800-53 SC-8(1), SC-28(1)).',
  remediation: { terraform: 'resource "aws_elasticache_replication_group" "cache" {\n  replication_group_id       = "sis-cache"\n  description                = "Roster cache"\n  engine                     = "valkey"\n  num_cache_clusters         = 1\n  at_rest_encryption_enabled = true\n  transit_encryption_enabled = true\n}', cli: 'aws elasticache create-replication-group --replication-group-id sis-cache --replication-group-description "Roster cache" --engine valkey --num-cache-clusters 1 --at-rest-encryption-enabled --transit-encryption-enabled' },
  references: [AWS.ecRest, AWS.ecTransit, 'NIST SP 800-53 SC-8(1)', 'NIST SP 800-53 SC-28(1)'],
  where: { path: 'standalone', equals: true },
  rule: { assert: { all: [{ path: 'transitEncryptionEnabled', equals: true }, { any: [{ path: 'engine', equals: 'memcached' }, { path: 'atRestEncryptionEnabled', equals: true }] }] } },
});
// ---- AWS Backup ----
add({
  id: 'aws-backup-vault-cmk', title: 'AWS Backup vault encrypts recovery points with a customer-managed KMS key', severity: 'medium', category: 'encryption', resource: 'aws.backup.vault',
  description: 'kms_key_arn on the backup vault names a customer-managed KMS key. Unset (or alias/aws/backup) means the AWS-managed aws/backup key, which the account cannot restrict or schedule for deletion.',
  rationale: 'Backups are copies of every student record; the vendor must control who can decrypt them and be able to crypto-shred them at disposition (FERPA-BAK-02, FERPA-DEL-02; NIST 800-53 CP-9(8), SC-12).',
  remediation: { terraform: 'resource "aws_backup_vault" "main" {\n  name        = "student-data"\n  kms_key_arn = aws_kms_key.backup.arn\n}', cli: 'aws backup create-backup-vault --backup-vault-name student-data --encryption-key-arn <cmk-arn>' },
  references: [AWS.bkEnc, 'NIST SP 800-53 CP-9(8)', 'Checkov CKV_AWS_166'],
  rule: { assert: cmk('kmsKeyIsAwsManaged', 'kmsKey') },
});
add({
  id: 'aws-backup-vault-locked', title: 'AWS Backup vault has a Vault Lock with a minimum retention', severity: 'low', category: 'resilience', resource: 'aws.backup.vault',
  description: 'An aws_backup_vault_lock_configuration applies to the vault and sets min_retention_days, so recovery points cannot be deleted early by a compromised account or ransomware. Its max_retention_days, when set, must not exceed dispositionDays.',
  rationale: 'Protected backups are part of FERPA-BAK-02 (NIST 800-53 CP-9(1), CP-9(8)); a maximum retention bounds how long copies of student data live (NDPA Exh. D).',
  remediation: { terraform: 'resource "aws_backup_vault_lock_configuration" "main" {\n  backup_vault_name  = aws_backup_vault.main.name\n  min_retention_days = 7\n  max_retention_days = 60\n}', cli: 'aws backup put-backup-vault-lock-configuration --backup-vault-name student-data --min-retention-days 7 --max-retention-days 60' },
  references: [AWS.bkLock, 'NIST SP 800-53 CP-9(1)'],
  rule: { assert: { all: [{ path: 'locked', equals: true }, { path: 'lockMinRetentionDays', gte: 1 }, { path: 'lockMaxRetentionDays', lte: { param: 'dispositionDays' }, ifAbsent: 'true' }] } },
});
const bounded = { all: [{ path: 'deleteAfter', gte: { param: 'backupMinDays' }, ifAbsent: 'true' }] };
add({
  id: 'aws-backup-plan-retention-bounded', title: 'AWS Backup plan retains recovery points between the backup floor and the disposition window', severity: 'medium', category: 'retention', resource: 'aws.backup.plan',
  description: 'Every rule of the plan (and every copy action) deletes recovery points after at least backupMinDays and at most dispositionDays. A rule without lifecycle.delete_after keeps recovery points forever. A plan tagged DisasterRecoveryException (documenting an approved longer disaster-recovery retention) is exempt from the ceiling, not from the floor.',
  rationale: 'Backups must exist long enough to restore (NIST 800-53 CP-9) and must not outlive the disposal deadline for student data unless a documented DR exception applies (NDPA Art. IV §6 and Exh. D, 34 CFR 99.31(a)(6)(iii), NIST 800-53 SI-12).',
  remediation: { terraform: 'resource "aws_backup_plan" "main" {\n  name = "student-data"\n  rule {\n    rule_name         = "daily"\n    target_vault_name = aws_backup_vault.main.name\n    schedule          = "cron(0 5 * * ? *)"\n    lifecycle {\n      delete_after = 35\n    }\n  }\n}', cli: 'aws backup update-backup-plan --backup-plan-id <id> --backup-plan file://plan.json  # set Lifecycle.DeleteAfterDays on every rule and copy action' },
  references: [AWS.bkLifecycle, 'NIST SP 800-53 CP-9', 'NIST SP 800-53 SI-12'],
  rule: { assert: { all: [
    { path: 'rules', exists: true },
    { every: 'rules', assert: { all: [bounded, { every: 'copyActions', assert: bounded }] } },
    { any: [
      { path: 'tags.DisasterRecoveryException', exists: true },
      { every: 'rules', assert: { all: [
        { path: 'deleteAfter', lte: { param: 'dispositionDays' } },
        { every: 'copyActions', assert: { path: 'deleteAfter', lte: { param: 'dispositionDays' } } },
      ] } },
    ] },
  ] } },
});


add({
  id: 'aws-backup-copy-in-approved-region', title: 'AWS Backup copies of recovery points stay in approved regions', severity: 'high', category: 'governance', resource: 'aws.backup.plan',
  description: 'Every copy_action of every rule targets a vault (destination_vault_arn) in a region listed in the profile approvedRegions (default: the four US commercial regions). The region is read from a literal ARN, or from the provider region of the referenced vault. Cross-region copies are good resilience practice, but a copy to a non-approved region moves student data outside the residency the DPA promises.',
  rationale: 'NDPA Art. V §1 and state law (NY 121.3(c)(5)) require student data to stay in agreed locations; backups are copies of that data (FERPA-GOV-03, FERPA-BAK-02; NIST 800-53 SA-9(5)).',
  remediation: { terraform: 'resource "aws_backup_plan" "main" {\n  # ...\n  rule {\n    # ...\n    copy_action {\n      destination_vault_arn = aws_backup_vault.dr_us_west_2.arn\n    }\n  }\n}', cli: 'aws backup update-backup-plan --backup-plan-id <id> --backup-plan file://plan.json  # CopyActions[].DestinationBackupVaultArn in an approved region' },
  references: ['https://docs.aws.amazon.com/aws-backup/latest/devguide/cross-region-backup.html', 'NIST SP 800-53 SA-9(5)'],
  rule: { assert: { check: 'backup-copy-region' } },
});
for (const p of P) {
  const ordered = { id: p.id, title: p.title, severity: p.severity, category: p.category, resource: p.resource, sources: p.sources, description: p.description, rationale: p.rationale, remediation: p.remediation, references: p.references, ...(p.where ? { where: p.where } : {}), rule: p.rule };
  writeFileSync(`policies/${p.id}.policy.yaml`, stringify(ordered, { lineWidth: 120, aliasDuplicateObjects: false }));
}
console.log(P.map((p) => p.id).join('\n'));
