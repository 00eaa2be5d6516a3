// Generates fixtures/<policy-id>/{pass,fail}/{plan.json,main.tf,expect.yaml} for the data-store policies.
// Run from the repo root: node test/datastores/fixture-gen/fixtures.mjs
import { B, R, fixture } from './gen.mjs';
const ROOT = 'fixtures'; // run from the repo root
const TAGS = (name) => ({ Name: name, DataClassification: 'student-data' });
const kms = (name = 'rds', desc = 'RDS student data') => ({ type: 'aws_kms_key', name, args: { description: desc, enable_key_rotation: true, deletion_window_in_days: 30 }, computed: ['id', 'arn', 'key_id', 'policy'] });
const pgGroup = (name, gname, family, params) => ({ type: 'aws_db_parameter_group', name, args: { name: gname, family, parameter: B(...params.map(([n, v]) => ({ name: n, value: v, apply_method: 'pending-reboot' }))), tags: TAGS(gname) }, computed: ['id', 'arn'] });
const cpgGroup = (name, gname, family, params) => ({ type: 'aws_rds_cluster_parameter_group', name, args: { name: gname, family, parameter: B(...params.map(([n, v]) => ({ name: n, value: v, apply_method: 'pending-reboot' }))), tags: TAGS(gname) }, computed: ['id', 'arn'] });
const pw = (name) => ({ type: 'random_password', name, args: { length: 32, special: false }, computed: ['id', 'result', 'bcrypt_hash'] });

/** A compliant standalone PostgreSQL instance; override args per case (undefined removes). */
function db(name, over = {}, extra = {}) {
  const args = {
    identifier: `sis-${name}`,
    engine: 'postgres',
    engine_version: '16.4',
    instance_class: 'db.t4g.medium',
    allocated_storage: 50,
    db_subnet_group_name: 'data-isolated',
    username: 'sis_admin',
    manage_master_user_password: true,
    storage_encrypted: true,
    kms_key_id: R('aws_kms_key.rds.arn'),
    publicly_accessible: false,
    backup_retention_period: 14,
    deletion_protection: true,
    iam_database_authentication_enabled: true,
    enabled_cloudwatch_logs_exports: ['postgresql', 'upgrade'],
    parameter_group_name: R('aws_db_parameter_group.pg.name', 'sis-postgres16'),
    copy_tags_to_snapshot: true,
    final_snapshot_identifier: `sis-${name}-final`,
    tags: TAGS(`sis-${name}`),
    ...over,
  };
  for (const k of Object.keys(args)) if (args[k] === undefined) delete args[k];
  return { type: 'aws_db_instance', name, args, computed: ['id', 'arn', 'address', 'endpoint', 'resource_id', 'master_user_secret', ...(extra.computed ?? [])], defaults: extra.defaults };
}
const goodPg = () => pgGroup('pg', 'sis-postgres16', 'postgres16', [['rds.force_ssl', '1'], ['log_connections', '1'], ['log_disconnections', '1']]);

function cluster(name, over = {}, extra = {}) {
  const args = {
    cluster_identifier: `sis-${name}`,
    engine: 'aurora-postgresql',
    engine_version: '16.4',
    database_name: 'sis',
    master_username: 'sis_admin',
    manage_master_user_password: true,
    storage_encrypted: true,
    kms_key_id: R('aws_kms_key.rds.arn'),
    db_subnet_group_name: 'data-isolated',
    backup_retention_period: 14,
    deletion_protection: true,
    iam_database_authentication_enabled: true,
    enabled_cloudwatch_logs_exports: ['postgresql'],
    db_cluster_parameter_group_name: R('aws_rds_cluster_parameter_group.aurora.name', 'sis-aurora-pg16'),
    copy_tags_to_snapshot: true,
    final_snapshot_identifier: `sis-${name}-final`,
    tags: TAGS(`sis-${name}`),
    ...over,
  };
  for (const k of Object.keys(args)) if (args[k] === undefined) delete args[k];
  return { type: 'aws_rds_cluster', name, args, computed: ['id', 'arn', 'endpoint', 'cluster_resource_id', 'master_user_secret', ...(extra.computed ?? [])], defaults: extra.defaults };
}
const goodCpg = () => cpgGroup('aurora', 'sis-aurora-pg16', 'aurora-postgresql16', [['rds.force_ssl', '1'], ['log_connections', '1']]);
const member = (name, clusterName, over = {}) => {
  const args = { identifier: `sis-${name}`, cluster_identifier: R(`aws_rds_cluster.${clusterName}.id`), engine: R(`aws_rds_cluster.${clusterName}.engine`, 'aurora-postgresql'), instance_class: 'db.r6g.large', publicly_accessible: false, performance_insights_enabled: true, performance_insights_kms_key_id: R('aws_kms_key.rds.arn'), tags: TAGS(`sis-${name}`), ...over };
  for (const k of Object.keys(args)) if (args[k] === undefined) delete args[k];
  return { type: 'aws_rds_cluster_instance', name, args, computed: ['id', 'arn', 'endpoint', 'dbi_resource_id'] };
};

// ---------------- RDS ----------------
fixture(ROOT, 'aws-rds-instance-storage-encrypted', {
  pass: [kms(), goodPg(), db('main')],
  fail: [goodPg(), db('legacy', { storage_encrypted: undefined, kms_key_id: undefined }, { computed: ['kms_key_id'], defaults: { storage_encrypted: false } })],
  expect: ['aws_db_instance.legacy'],
  failNote: 'storage_encrypted is left unset: the provider default is false.',
});
fixture(ROOT, 'aws-rds-cluster-storage-encrypted', {
  pass: [kms(), goodCpg(), cluster('aurora'), member('aurora_1', 'aurora')],
  fail: [goodCpg(), cluster('aurora', { storage_encrypted: undefined, kms_key_id: undefined }, { computed: ['kms_key_id', 'storage_encrypted'] })],
  expect: ['aws_rds_cluster.aurora'],
  failNote: 'A provisioned Aurora cluster without storage_encrypted is unencrypted (only Serverless v1 defaults to encrypted).',
});
fixture(ROOT, 'aws-rds-instance-encrypted-with-cmk', {
  pass: [kms(), goodPg(), db('main')],
  fail: [goodPg(), db('aws_key', { kms_key_id: 'alias/aws/rds' }), db('default_key', { kms_key_id: undefined }, { computed: ['kms_key_id'] })],
  expect: ['aws_db_instance.aws_key', 'aws_db_instance.default_key'],
  failNote: 'Encrypted, but with the AWS-managed aws/rds key: named explicitly, and by leaving kms_key_id unset.',
});
fixture(ROOT, 'aws-rds-cluster-encrypted-with-cmk', {
  pass: [kms(), goodCpg(), cluster('aurora')],
  fail: [goodCpg(), cluster('aurora', { kms_key_id: undefined }, { computed: ['kms_key_id'] })],
  expect: ['aws_rds_cluster.aurora'],
  failNote: 'storage_encrypted = true without kms_key_id uses the AWS-managed aws/rds key.',
});
fixture(ROOT, 'aws-rds-not-publicly-accessible', {
  pass: [kms(), goodPg(), db('main'), goodCpg(), cluster('aurora'), member('aurora_1', 'aurora')],
  fail: [kms(), goodPg(), db('reporting', { publicly_accessible: true }), goodCpg(), cluster('aurora'), member('aurora_1', 'aurora', { publicly_accessible: true })],
  expect: ['aws_db_instance.reporting', 'aws_rds_cluster_instance.aurora_1'],
  failNote: 'A reporting replica and an Aurora member opened to the internet.',
});
fixture(ROOT, 'aws-rds-force-ssl-parameter-attached', {
  pass: [kms(), goodPg(), db('main')],
  fail: [kms(), pgGroup('pg', 'sis-postgres14', 'postgres14', [['rds.force_ssl', '1']]), db('main', { engine_version: '14.12', parameter_group_name: undefined }, { computed: ['parameter_group_name'] })],
  expect: ['aws_db_instance.main'],
  failNote: 'The group forcing TLS exists but is never attached; PostgreSQL 14 default groups do not force TLS.',
});
fixture(ROOT, 'aws-rds-cluster-force-ssl-parameter-attached', {
  pass: [kms(), goodCpg(), cluster('aurora'), member('aurora_1', 'aurora')],
  fail: [kms(), pgGroup('pg', 'sis-aurora-instance', 'aurora-postgresql16', [['rds.force_ssl', '1']]), cluster('aurora', { db_cluster_parameter_group_name: undefined }, { computed: ['db_cluster_parameter_group_name'] }), member('aurora_1', 'aurora', { db_parameter_group_name: R('aws_db_parameter_group.pg.name', 'sis-aurora-instance') })],
  expect: ['aws_rds_cluster.aurora'],
  failNote: 'rds.force_ssl is set in a DB (instance) parameter group; Aurora reads it from the cluster parameter group, which is the default.',
});
fixture(ROOT, 'aws-rds-connection-logging', {
  pass: [kms(), goodPg(), db('main')],
  fail: [kms(), pgGroup('pg', 'sis-postgres16', 'postgres16', [['rds.force_ssl', '1']]), db('main')],
  expect: ['aws_db_instance.main'],
  failNote: 'The attached group forces TLS but logs no connections.',
});
fixture(ROOT, 'aws-rds-cluster-connection-logging', {
  pass: [kms(), cpgGroup('aurora', 'sis-aurora-pg16', 'aurora-postgresql16', [['rds.force_ssl', '1'], ['shared_preload_libraries', 'pg_stat_statements,pgaudit'], ['pgaudit.log', 'ddl,write,role']]), cluster('aurora')],
  fail: [kms(), cpgGroup('aurora', 'sis-aurora-mysql', 'aurora-mysql8.0', [['require_secure_transport', 'ON'], ['server_audit_logging', '0']]), cluster('aurora', { engine: 'aurora-mysql', engine_version: '8.0.mysql_aurora.3.08.0', enabled_cloudwatch_logs_exports: ['audit', 'error'], db_cluster_parameter_group_name: R('aws_rds_cluster_parameter_group.aurora.name', 'sis-aurora-mysql') })],
  expect: ['aws_rds_cluster.aurora'],
  failNote: 'Aurora MySQL exports the audit log type but server_audit_logging is off, so nothing is audited.',
});
fixture(ROOT, 'aws-rds-log-exports', {
  pass: [kms(), goodPg(), db('main')],
  fail: [kms(), goodPg(), db('main', { enabled_cloudwatch_logs_exports: ['upgrade'] })],
  expect: ['aws_db_instance.main'],
});
fixture(ROOT, 'aws-rds-cluster-log-exports', {
  pass: [kms(), goodCpg(), cluster('aurora')],
  fail: [kms(), cpgGroup('aurora', 'sis-aurora-mysql', 'aurora-mysql8.0', [['require_secure_transport', 'ON']]), cluster('aurora', { engine: 'aurora-mysql', engine_version: '8.0.mysql_aurora.3.08.0', enabled_cloudwatch_logs_exports: ['error', 'slowquery'], db_cluster_parameter_group_name: R('aws_rds_cluster_parameter_group.aurora.name', 'sis-aurora-mysql') })],
  expect: ['aws_rds_cluster.aurora'],
});
fixture(ROOT, 'aws-rds-backup-retention-floor', {
  pass: [kms(), goodPg(), db('main')],
  fail: [kms(), goodPg(), db('main', { backup_retention_period: undefined }, { computed: ['backup_retention_period'] }), db('staging', { backup_retention_period: 3 })],
  expect: ['aws_db_instance.main', 'aws_db_instance.staging'],
  failNote: 'Unset backup_retention_period means the RDS default of 1 day.',
});
fixture(ROOT, 'aws-rds-cluster-backup-retention-floor', {
  pass: [kms(), goodCpg(), cluster('aurora')],
  fail: [kms(), goodCpg(), cluster('aurora', { backup_retention_period: undefined }, { defaults: { backup_retention_period: 1 } })],
  expect: ['aws_rds_cluster.aurora'],
});
fixture(ROOT, 'aws-rds-deletion-protection', {
  pass: [kms(), goodPg(), db('main')],
  fail: [kms(), goodPg(), db('main', { deletion_protection: undefined })],
  expect: ['aws_db_instance.main'],
});
fixture(ROOT, 'aws-rds-cluster-deletion-protection', {
  pass: [kms(), goodCpg(), cluster('aurora')],
  fail: [kms(), goodCpg(), cluster('aurora', { deletion_protection: false })],
  expect: ['aws_rds_cluster.aurora'],
});
fixture(ROOT, 'aws-rds-iam-auth', {
  pass: [kms(), goodPg(), db('main')],
  fail: [kms(), goodPg(), db('main', { iam_database_authentication_enabled: undefined })],
  expect: ['aws_db_instance.main'],
});
fixture(ROOT, 'aws-rds-cluster-iam-auth', {
  pass: [kms(), goodCpg(), cluster('aurora')],
  fail: [kms(), goodCpg(), cluster('aurora', { iam_database_authentication_enabled: false })],
  expect: ['aws_rds_cluster.aurora'],
});
fixture(ROOT, 'aws-rds-master-password-managed', {
  pass: [kms(), goodPg(), db('main')],
  fail: [kms(), goodPg(), pw('db'), db('main', { manage_master_user_password: undefined, password: R('random_password.db.result') })],
  expect: ['aws_db_instance.main'],
  failNote: 'A generated password still lands in plain text in the Terraform state.',
});
fixture(ROOT, 'aws-rds-cluster-master-password-managed', {
  pass: [kms(), goodCpg(), cluster('aurora')],
  fail: [kms(), goodCpg(), pw('db'), cluster('aurora', { manage_master_user_password: undefined, master_password: R('random_password.db.result') })],
  expect: ['aws_rds_cluster.aurora'],
});
fixture(ROOT, 'aws-rds-performance-insights-cmk', {
  pass: [kms(), goodCpg(), cluster('aurora'), member('aurora_1', 'aurora')],
  fail: [kms(), goodCpg(), cluster('aurora'), member('aurora_1', 'aurora', { performance_insights_kms_key_id: undefined }), goodPg(), db('main', { performance_insights_enabled: true, performance_insights_kms_key_id: 'alias/aws/rds' })],
  expect: ['aws_rds_cluster_instance.aurora_1', 'aws_db_instance.main'],
  failNote: 'Performance Insights keeps SQL text; without a key it uses aws/rds.',
});
fixture(ROOT, 'aws-rds-copy-tags-to-snapshot', {
  pass: [kms(), goodPg(), db('main')],
  fail: [kms(), goodPg(), db('main', { copy_tags_to_snapshot: undefined })],
  expect: ['aws_db_instance.main'],
});

// ---------------- ElastiCache ----------------
function rg(name, over = {}, extra = {}) {
  const args = {
    replication_group_id: `sis-${name}`,
    description: 'Session and roster cache',
    engine: 'redis',
    engine_version: '7.1',
    node_type: 'cache.t4g.small',
    num_cache_clusters: 2,
    automatic_failover_enabled: true,
    subnet_group_name: 'data-isolated',
    at_rest_encryption_enabled: true,
    kms_key_id: R('aws_kms_key.cache.arn'),
    transit_encryption_enabled: true,
    auth_token: R('random_password.cache.result'),
    snapshot_retention_limit: 7,
    tags: TAGS(`sis-${name}`),
    ...over,
  };
  for (const k of Object.keys(args)) if (args[k] === undefined) delete args[k];
  return { type: 'aws_elasticache_replication_group', name, args, computed: ['id', 'arn', 'primary_endpoint_address', ...(extra.computed ?? [])], defaults: extra.defaults };
}
const cacheKey = () => kms('cache', 'ElastiCache student data');
fixture(ROOT, 'aws-elasticache-at-rest-encryption', {
  pass: [cacheKey(), pw('cache'), rg('cache')],
  fail: [pw('cache'), rg('cache', { at_rest_encryption_enabled: undefined, kms_key_id: undefined }, { computed: ['at_rest_encryption_enabled'] })],
  expect: ['aws_elasticache_replication_group.cache'],
  failNote: 'Redis OSS replication groups are unencrypted at rest unless asked (Valkey defaults on).',
});
fixture(ROOT, 'aws-elasticache-transit-encryption', {
  pass: [cacheKey(), pw('cache'), rg('cache', { transit_encryption_mode: 'required' })],
  fail: [cacheKey(), pw('cache'), rg('cache', { transit_encryption_mode: 'preferred' }), rg('jobs', { transit_encryption_enabled: undefined, auth_token: undefined }, { defaults: { transit_encryption_enabled: false } })],
  expect: ['aws_elasticache_replication_group.cache', 'aws_elasticache_replication_group.jobs'],
  failNote: '"preferred" still accepts plaintext clients; the second group never enables TLS.',
});
fixture(ROOT, 'aws-elasticache-auth', {
  pass: [cacheKey(), pw('cache'), rg('cache')],
  fail: [cacheKey(), rg('cache', { auth_token: undefined })],
  expect: ['aws_elasticache_replication_group.cache'],
});

// ---------------- AWS Backup ----------------
const vault = (name, over = {}) => {
  const args = { name: `sis-${name}`, kms_key_arn: R('aws_kms_key.backup.arn'), tags: TAGS(`sis-${name}`), ...over };
  for (const k of Object.keys(args)) if (args[k] === undefined) delete args[k];
  return { type: 'aws_backup_vault', name, args, computed: ['id', 'arn', 'recovery_points', ...(args.kms_key_arn ? [] : ['kms_key_arn'])] };
};
const backupKey = () => kms('backup', 'AWS Backup recovery points');
const lock = (vaultName) => ({ type: 'aws_backup_vault_lock_configuration', name: vaultName, args: { backup_vault_name: R(`aws_backup_vault.${vaultName}.name`, `sis-${vaultName}`), min_retention_days: 7, max_retention_days: 60 }, computed: ['id', 'backup_vault_arn'] });
const plan = (name, rules, tags = TAGS(`sis-${name}`)) => ({ type: 'aws_backup_plan', name, args: { name: `sis-${name}`, rule: B(...rules), tags }, computed: ['id', 'arn', 'version'] });
const rule = (ruleName, deleteAfter, copyDeleteAfter) => ({
  rule_name: ruleName,
  target_vault_name: R('aws_backup_vault.main.name', 'sis-main'),
  schedule: 'cron(0 5 * * ? *)',
  ...(deleteAfter !== undefined ? { lifecycle: B({ delete_after: deleteAfter }) } : {}),
  ...(copyDeleteAfter !== undefined ? { copy_action: B({ destination_vault_arn: R('aws_backup_vault.dr.arn'), lifecycle: B({ delete_after: copyDeleteAfter }) }) } : {}),
});
fixture(ROOT, 'aws-backup-vault-cmk', {
  pass: [backupKey(), vault('main')],
  fail: [vault('main', { kms_key_arn: undefined })],
  expect: ['aws_backup_vault.main'],
  failNote: 'Without kms_key_arn the vault uses the AWS-managed aws/backup key.',
});
fixture(ROOT, 'aws-backup-vault-locked', {
  pass: [backupKey(), vault('main'), lock('main')],
  fail: [backupKey(), vault('main')],
  expect: ['aws_backup_vault.main'],
});
fixture(ROOT, 'aws-backup-plan-retention-bounded', {
  pass: [backupKey(), vault('main'), vault('dr'), plan('daily', [rule('daily', 35, 35)])],
  fail: [backupKey(), vault('main'), vault('dr'), plan('daily', [rule('daily', 35, 365)]), plan('forever', [rule('weekly', undefined)])],
  expect: ['aws_backup_plan.daily', 'aws_backup_plan.forever'],
  failNote: 'A copy kept for a year, and a rule with no lifecycle (kept forever).',
});
console.log('fixtures written');
const maz = (name, over = {}) => cluster(name, { engine: 'postgres', engine_version: '16.4', db_cluster_instance_class: 'db.m6gd.large', storage_type: 'io1', allocated_storage: 100, iops: 1000, publicly_accessible: false, db_cluster_parameter_group_name: undefined, ...over });
fixture(ROOT, 'aws-rds-cluster-not-publicly-accessible', {
  pass: [kms(), maz('maz')],
  fail: [kms(), maz('maz', { publicly_accessible: true })],
  expect: ['aws_rds_cluster.maz'],
  failNote: 'A Multi-AZ DB cluster (not Aurora) with a public endpoint.',
});
const cc = (name, over = {}) => {
  const args = { cluster_id: `sis-${name}`, engine: 'memcached', engine_version: '1.6.22', node_type: 'cache.t4g.small', num_cache_nodes: 2, subnet_group_name: 'data-isolated', transit_encryption_enabled: true, tags: TAGS(`sis-${name}`), ...over };
  for (const k of Object.keys(args)) if (args[k] === undefined) delete args[k];
  return { type: 'aws_elasticache_cluster', name, args, computed: ['id', 'arn', 'cache_nodes', 'configuration_endpoint'] };
};
fixture(ROOT, 'aws-elasticache-cluster-encrypted', {
  pass: [cc('sessions')],
  fail: [cc('sessions', { transit_encryption_enabled: undefined }), cc('roster', { engine: 'redis', engine_version: '7.1', num_cache_nodes: 1 })],
  expect: ['aws_elasticache_cluster.sessions', 'aws_elasticache_cluster.roster'],
  failNote: 'Memcached without TLS, and a single-node Redis cache cluster, which cannot be encrypted at rest.',
});
fixture(ROOT, 'aws-backup-copy-in-approved-region', {
  pass: [backupKey(), vault('main'), vault('dr'), plan('daily', [rule('daily', 35, 35)])],
  fail: [backupKey(), vault('main'), plan('daily', [{ ...rule('daily', 35), copy_action: B({ destination_vault_arn: 'arn:aws:backup:eu-west-1:111122223333:backup-vault:sis-dr-eu', lifecycle: B({ delete_after: 35 }) }) }])],
  expect: ['aws_backup_plan.daily'],
  failNote: 'Disaster-recovery copies sent to a vault in eu-west-1, outside the approved US regions.',
});
