import { describe, expect, it } from 'vitest';
import { UNKNOWN } from '../../../checks/model/value.js';
import { findings, kmsKey, model, PROFILE, rec, verdicts } from '../../helpers/policy-tester.js';

const pgGroup = (addr: string, name: string, family: string, params: Record<string, unknown>) =>
  rec(addr, { name, family, parameter: Object.entries(params).map(([n, v]) => ({ name: n, value: v })) });
const pg = (addr: string, values: Record<string, unknown>, references: Record<string, string[]> = {}) =>
  rec(addr, { engine: 'postgres', engine_version: '16.4', ...values }, { references });

describe('aws-rds-force-ssl-parameter-attached', () => {
  const id = 'aws-rds-force-ssl-parameter-attached';
  it('follows the attached group, not a group that merely exists', () => {
    const m = model([
      pgGroup('aws_db_parameter_group.ssl', 'sis-ssl', 'postgres14', { 'rds.force_ssl': '1' }),
      pgGroup('aws_db_parameter_group.nossl', 'sis-nossl', 'postgres14', { 'rds.force_ssl': '0' }),
      pg('aws_db_instance.attached', { engine_version: '14.12', parameter_group_name: 'sis-ssl' }),
      pg('aws_db_instance.wrong_group', { engine_version: '14.12', parameter_group_name: UNKNOWN }, { parameter_group_name: ['aws_db_parameter_group.nossl'] }),
      pg('aws_db_instance.none', { engine_version: '14.12' }),
    ]);
    expect(verdicts(id, m)).toEqual({ 'aws_db_instance.attached': 'pass', 'aws_db_instance.wrong_group': 'fail', 'aws_db_instance.none': 'fail' });
  });
  it('uses the engine default: PostgreSQL 15+ forces TLS, older does not, unknown version is unknown', () => {
    const m = model([
      pg('aws_db_instance.pg16', { engine_version: '16' }),
      pg('aws_db_instance.pg13', { engine_version: '13.15' }),
      pg('aws_db_instance.pg_unknown', { engine_version: UNKNOWN }),
      pg('aws_db_instance.default_named', { engine_version: UNKNOWN, parameter_group_name: 'default.postgres15' }),
      pgGroup('aws_db_parameter_group.quiet', 'quiet', 'postgres17', { log_connections: '1' }),
      pg('aws_db_instance.inherits', { engine_version: '17.2', parameter_group_name: 'quiet' }),
    ]);
    expect(verdicts(id, m)).toEqual({
      'aws_db_instance.pg16': 'pass',
      'aws_db_instance.pg13': 'fail',
      'aws_db_instance.pg_unknown': 'unknown',
      'aws_db_instance.default_named': 'pass',
      'aws_db_instance.inherits': 'pass',
    });
  });
  it('a custom group that is not in the input is unknown, not a pass', () => {
    const m = model([pg('aws_db_instance.db', { parameter_group_name: 'managed-elsewhere' })]);
    expect(verdicts(id, m)).toEqual({ 'aws_db_instance.db': 'unknown' });
  });
  it('MySQL needs require_secure_transport; Oracle is unknown; cluster members are skipped', () => {
    const m = model([
      pgGroup('aws_db_parameter_group.my', 'my', 'mysql8.0', { require_secure_transport: 'ON' }),
      rec('aws_db_instance.mysql_ok', { engine: 'mysql', engine_version: '8.0.39', parameter_group_name: 'my' }),
      rec('aws_db_instance.mysql_default', { engine: 'mysql', engine_version: '8.0.39' }),
      rec('aws_db_instance.oracle', { engine: 'oracle-ee', engine_version: '19' }),
      rec('aws_rds_cluster_instance.member', { cluster_identifier: 'c', engine: 'aurora-postgresql' }),
    ]);
    expect(verdicts(id, m)).toEqual({ 'aws_db_instance.mysql_ok': 'pass', 'aws_db_instance.mysql_default': 'fail', 'aws_db_instance.oracle': 'unknown' });
  });
  it('an unknown parameter value is unknown', () => {
    const m = model([pgGroup('aws_db_parameter_group.g', 'g', 'postgres14', { 'rds.force_ssl': UNKNOWN }), pg('aws_db_instance.db', { engine_version: '14.1', parameter_group_name: 'g' })]);
    expect(verdicts(id, m)).toEqual({ 'aws_db_instance.db': 'unknown' });
  });
});

describe('aws-rds-cluster-force-ssl-parameter-attached', () => {
  const id = 'aws-rds-cluster-force-ssl-parameter-attached';
  it('Aurora reads the cluster parameter group; an instance DB group does not count', () => {
    const m = model([
      pgGroup('aws_rds_cluster_parameter_group.cpg', 'cpg', 'aurora-postgresql16', { 'rds.force_ssl': '1' }),
      pgGroup('aws_db_parameter_group.ipg', 'ipg', 'aurora-postgresql16', { 'rds.force_ssl': '1' }),
      rec('aws_rds_cluster.good', { engine: 'aurora-postgresql', engine_version: '16.4', db_cluster_parameter_group_name: 'cpg' }),
      rec('aws_rds_cluster.bad', { engine: 'aurora-postgresql', engine_version: '16.4' }),
      rec('aws_rds_cluster_instance.bad_1', { cluster_identifier: UNKNOWN, engine: 'aurora-postgresql', db_parameter_group_name: 'ipg' }, { references: { cluster_identifier: ['aws_rds_cluster.bad'] } }),
    ]);
    expect(verdicts(id, m)).toEqual({ 'aws_rds_cluster.good': 'pass', 'aws_rds_cluster.bad': 'fail' });
  });
});

describe('aws-rds-connection-logging', () => {
  const id = 'aws-rds-connection-logging';
  it('log_connections or pgaudit pass; neither fails; RDS MySQL (option group) is unknown', () => {
    const m = model([
      pgGroup('aws_db_parameter_group.conn', 'conn', 'postgres16', { log_connections: '1' }),
      pgGroup('aws_db_parameter_group.audit', 'audit', 'postgres16', { shared_preload_libraries: 'pg_stat_statements,pgaudit', 'pgaudit.log': 'ddl,write' }),
      pgGroup('aws_db_parameter_group.half', 'half', 'postgres16', { 'pgaudit.log': 'all' }),
      pg('aws_db_instance.conn', { parameter_group_name: 'conn' }),
      pg('aws_db_instance.audit', { parameter_group_name: 'audit' }),
      pg('aws_db_instance.half', { parameter_group_name: 'half' }),
      pg('aws_db_instance.default', {}),
      rec('aws_db_instance.mysql', { engine: 'mysql', engine_version: '8.0.39' }),
    ]);
    expect(verdicts(id, m)).toEqual({
      'aws_db_instance.conn': 'pass',
      'aws_db_instance.audit': 'pass',
      'aws_db_instance.half': 'fail',
      'aws_db_instance.default': 'fail',
      'aws_db_instance.mysql': 'unknown',
    });
  });
});

describe('customer-managed keys', () => {
  it('instance CMK: unset and alias/aws/rds fail, a managed key passes, a foreign ARN is unknown until the key is known', () => {
    const arn = 'arn:aws:kms:us-east-1:111122223333:key/1111-2222';
    const m = model(
      [
        pg('aws_db_instance.unset', { storage_encrypted: true }),
        pg('aws_db_instance.aws_alias', { storage_encrypted: true, kms_key_id: 'alias/aws/rds' }),
        pg('aws_db_instance.cmk', { storage_encrypted: true, kms_key_id: UNKNOWN }, { kms_key_id: ['aws_kms_key.rds'] }),
        pg('aws_db_instance.foreign', { storage_encrypted: true, kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/9999' }),
        pg('aws_db_instance.live_aws_key', { storage_encrypted: true, kms_key_id: arn }),
        pg('aws_db_instance.unencrypted', { storage_encrypted: false, kms_key_id: UNKNOWN }, { kms_key_id: ['aws_kms_key.rds'] }),
      ],
      'plan',
      [kmsKey('aws_kms_key.rds', true), kmsKey('aws_managed_key', false, [arn])],
    );
    expect(verdicts('aws-rds-instance-encrypted-with-cmk', m)).toEqual({
      'aws_db_instance.unset': 'fail',
      'aws_db_instance.aws_alias': 'fail',
      'aws_db_instance.cmk': 'pass',
      'aws_db_instance.foreign': 'unknown',
      'aws_db_instance.live_aws_key': 'fail',
      'aws_db_instance.unencrypted': 'fail',
    });
  });
  it('performance insights CMK applies only when Performance Insights is on, cluster members included', () => {
    const m = model([
      rec('aws_rds_cluster_instance.pi_off', { cluster_identifier: 'c', engine: 'aurora-postgresql' }),
      rec('aws_rds_cluster_instance.pi_aws', { cluster_identifier: 'c', engine: 'aurora-postgresql', performance_insights_enabled: true }),
      rec('aws_rds_cluster_instance.pi_cmk', { cluster_identifier: 'c', engine: 'aurora-postgresql', performance_insights_enabled: true, performance_insights_kms_key_id: 'alias/sis-pi' }),
    ]);
    expect(verdicts('aws-rds-performance-insights-cmk', m)).toEqual({ 'aws_rds_cluster_instance.pi_aws': 'fail', 'aws_rds_cluster_instance.pi_cmk': 'pass' });
  });
  it('backup vault CMK', () => {
    const m = model([
      rec('aws_backup_vault.aws', { name: 'a' }),
      rec('aws_backup_vault.cmk', { name: 'b', kms_key_arn: UNKNOWN }, { references: { kms_key_arn: ['aws_kms_key.backup'] } }),
    ]);
    expect(verdicts('aws-backup-vault-cmk', m)).toEqual({ 'aws_backup_vault.aws': 'fail', 'aws_backup_vault.cmk': 'pass' });
  });
});

describe('instance-level policies skip cluster members and replicas where the cluster or source decides', () => {
  it('storage encryption, backups and master password', () => {
    const m = model([
      rec('aws_rds_cluster_instance.m', { cluster_identifier: 'c', engine: 'aurora-postgresql' }),
      pg('aws_db_instance.replica', { replicate_source_db: 'sis-main', storage_encrypted: true, backup_retention_period: 0 }),
    ]);
    expect(verdicts('aws-rds-instance-storage-encrypted', m)).toEqual({ 'aws_db_instance.replica': 'pass' });
    expect(verdicts('aws-rds-backup-retention-floor', m)).toEqual({});
    expect(verdicts('aws-rds-master-password-managed', m)).toEqual({});
    expect(verdicts('aws-rds-not-publicly-accessible', m)).toEqual({ 'aws_rds_cluster_instance.m': 'pass', 'aws_db_instance.replica': 'pass' });
  });
});

describe('backup retention reads the profile', () => {
  it('floor follows backupMinDays', () => {
    const m = model([pg('aws_db_instance.a', { backup_retention_period: 7 }), pg('aws_db_instance.b', {})]);
    expect(verdicts('aws-rds-backup-retention-floor', m)).toEqual({ 'aws_db_instance.a': 'pass', 'aws_db_instance.b': 'fail' });
    expect(verdicts('aws-rds-backup-retention-floor', m, { ...PROFILE, backupMinDays: 14 })).toEqual({ 'aws_db_instance.a': 'fail', 'aws_db_instance.b': 'fail' });
  });
  it('backup plans: bounded, forever, DR exception, floor still applies with the exception', () => {
    const rule = (lc: unknown, copy?: unknown) => ({ rule_name: 'r', target_vault_name: 'v', lifecycle: lc === undefined ? [] : [{ delete_after: lc }], ...(copy !== undefined ? { copy_action: [{ destination_vault_arn: 'arn:x', lifecycle: [{ delete_after: copy }] }] } : {}) });
    const m = model([
      rec('aws_backup_plan.ok', { name: 'ok', rule: [rule(35, 35)] }),
      rec('aws_backup_plan.forever', { name: 'f', rule: [rule(undefined)] }),
      rec('aws_backup_plan.long_copy', { name: 'l', rule: [rule(35, 365)] }),
      rec('aws_backup_plan.dr', { name: 'dr', rule: [rule(365)], tags: { DisasterRecoveryException: 'DR-2026-01 approved by district CISO' } }),
      rec('aws_backup_plan.dr_short', { name: 'ds', rule: [rule(3)], tags: { DisasterRecoveryException: 'x' } }),
      rec('aws_backup_plan.unknown', { name: 'u', rule: [rule(UNKNOWN)] }),
    ]);
    expect(verdicts('aws-backup-plan-retention-bounded', m)).toEqual({
      'aws_backup_plan.ok': 'pass',
      'aws_backup_plan.forever': 'fail',
      'aws_backup_plan.long_copy': 'fail',
      'aws_backup_plan.dr': 'pass',
      'aws_backup_plan.dr_short': 'fail',
      'aws_backup_plan.unknown': 'unknown',
    });
    expect(verdicts('aws-backup-plan-retention-bounded', m, { ...PROFILE, dispositionDays: 30 })['aws_backup_plan.ok']).toBe('fail');
  });
});

describe('ElastiCache', () => {
  it('transit encryption in preferred mode fails; auth by token passes, a user group the input does not hold is unknown', () => {
    const m = model([
      rec('aws_elasticache_replication_group.a', { transit_encryption_enabled: true, transit_encryption_mode: 'preferred', user_group_ids: ['sis-users'] }),
      rec('aws_elasticache_replication_group.b', { transit_encryption_enabled: true, auth_token: UNKNOWN }, { references: { auth_token: ['random_password.cache'] } }),
      rec('aws_elasticache_replication_group.c', {}),
    ]);
    expect(verdicts('aws-elasticache-transit-encryption', m)).toEqual({ 'aws_elasticache_replication_group.a': 'fail', 'aws_elasticache_replication_group.b': 'pass', 'aws_elasticache_replication_group.c': 'fail' });
    expect(verdicts('aws-elasticache-auth', m)).toEqual({ 'aws_elasticache_replication_group.a': 'unknown', 'aws_elasticache_replication_group.b': 'pass', 'aws_elasticache_replication_group.c': 'fail' });
  });
});

describe('findings carry evidence and never the secret', () => {
  it('master password finding', () => {
    const m = model([pg('aws_db_instance.db', { password: 'hunter2-not-real' })]);
    const f = findings('aws-rds-master-password-managed', m);
    expect(f).toHaveLength(1);
    expect(f[0]!.status).toBe('fail');
    expect(JSON.stringify(f)).not.toContain('hunter2');
  });
});

describe('standalone cache clusters and Multi-AZ DB clusters', () => {
  it('members of a replication group are assessed through the group; standalone Redis cannot be encrypted at rest', () => {
    const m = model([
      rec('aws_elasticache_replication_group.rg', { replication_group_id: 'rg', at_rest_encryption_enabled: true, transit_encryption_enabled: true }),
      rec('aws_elasticache_cluster.member', { cluster_id: 'm', replication_group_id: 'rg' }),
      rec('aws_elasticache_cluster.memcached', { cluster_id: 'mc', engine: 'memcached', transit_encryption_enabled: true }),
      rec('aws_elasticache_cluster.redis', { cluster_id: 'r', engine: 'redis', transit_encryption_enabled: true }),
    ]);
    expect(verdicts('aws-elasticache-cluster-encrypted', m)).toEqual({ 'aws_elasticache_cluster.memcached': 'pass', 'aws_elasticache_cluster.redis': 'fail' });
  });
  it('cluster-level public access applies to Multi-AZ DB clusters, not Aurora', () => {
    const m = model([
      rec('aws_rds_cluster.aurora', { engine: 'aurora-postgresql' }),
      rec('aws_rds_cluster.maz', { engine: 'postgres', db_cluster_instance_class: 'db.m6gd.large', publicly_accessible: true }),
    ]);
    expect(verdicts('aws-rds-cluster-not-publicly-accessible', m)).toEqual({ 'aws_rds_cluster.maz': 'fail' });
  });
});

describe('aws-backup-copy-in-approved-region', () => {
  const plan = (addr: string, dest: unknown, refs: string[] = []) =>
    rec(addr, { name: addr, rule: [{ rule_name: 'r', target_vault_name: 'v', copy_action: [{ destination_vault_arn: dest }] }] }, { references: refs.length ? { 'rule.copy_action.destination_vault_arn': refs } : {} });
  it('reads the region from a literal ARN or from the referenced vault', () => {
    const dr = { ...rec('aws_backup_vault.dr', { name: 'dr' }), region: 'us-west-2' };
    const far = { ...rec('aws_backup_vault.far', { name: 'far' }), region: 'ap-southeast-2' };
    const m = model([
      dr,
      far,
      plan('aws_backup_plan.eu', 'arn:aws:backup:eu-west-1:111122223333:backup-vault:x'),
      plan('aws_backup_plan.us', 'arn:aws:backup:us-west-2:111122223333:backup-vault:x'),
      plan('aws_backup_plan.ref_ok', UNKNOWN, ['aws_backup_vault.dr']),
      plan('aws_backup_plan.ref_far', UNKNOWN, ['aws_backup_vault.far']),
      plan('aws_backup_plan.ref_missing', UNKNOWN, ['module.dr.aws_backup_vault.x']),
      rec('aws_backup_plan.no_copy', { name: 'n', rule: [{ rule_name: 'r', target_vault_name: 'v' }] }),
    ]);
    expect(verdicts('aws-backup-copy-in-approved-region', m)).toEqual({
      'aws_backup_plan.eu': 'fail',
      'aws_backup_plan.us': 'pass',
      'aws_backup_plan.ref_ok': 'pass',
      'aws_backup_plan.ref_far': 'fail',
      'aws_backup_plan.ref_missing': 'unknown',
      'aws_backup_plan.no_copy': 'pass',
    });
    expect(verdicts('aws-backup-copy-in-approved-region', m, { ...PROFILE, approvedRegions: ['us-east-1'] })['aws_backup_plan.us']).toBe('fail');
  });
});
