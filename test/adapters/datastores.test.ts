import { describe, expect, it } from 'vitest';
import { rdsAdapters } from '../../checks/adapters/terraform/rds.js';
import { elasticacheAdapters } from '../../checks/adapters/terraform/elasticache.js';
import { backupAdapters } from '../../checks/adapters/terraform/backup.js';
import { KINDS } from '../../checks/model/kinds/index.js';
import type { Resource } from '../../checks/model/resource.js';
import { SensitiveValue, UNKNOWN } from '../../checks/model/value.js';
import type { TfRecord } from '../../checks/sources/terraform/record.js';
import { get, kmsKey, model, rec } from '../helpers/policy-tester.js';

const adapters = { ...rdsAdapters, ...elasticacheAdapters, ...backupAdapters };
function adapt(r: TfRecord): Resource {
  const out = adapters[r.type]!(r);
  return (Array.isArray(out) ? out[0] : out)!;
}

describe('every attribute an adapter fills is declared on its kind', () => {
  it.each([
    rec('aws_db_instance.a', { engine: 'postgres' }),
    rec('aws_rds_cluster.a', { engine: 'aurora-postgresql' }),
    rec('aws_rds_cluster_instance.a', { cluster_identifier: 'c' }),
    rec('aws_db_parameter_group.a', { name: 'x', family: 'postgres16' }),
    rec('aws_rds_cluster_parameter_group.a', { name: 'x', family: 'aurora-postgresql16' }),
    rec('aws_elasticache_replication_group.a', {}),
    rec('aws_elasticache_cluster.a', { engine: 'memcached' }),
    rec('aws_backup_vault.a', { name: 'v' }),
    rec('aws_backup_plan.a', { name: 'p', rule: [] }),
    rec('aws_backup_selection.a', { name: 's' }),
  ])('$type', (r) => {
    const res = adapt(r);
    const spec = KINDS[res.kind]!;
    expect(spec, res.kind).toBeDefined();
    expect(spec.terraform).toContain(r.type);
    for (const a of Object.keys(res.attrs)) expect(spec.attrs, `${res.kind}.${a}`).toHaveProperty(a);
    for (const l of res.linkRefs ?? []) expect(spec.links, `${res.kind} link ${l.name}`).toHaveProperty(l.name);
  });
});

describe('aws_db_instance', () => {
  it('applies provider defaults with origin default when the configuration does not set them', () => {
    const r = adapt(rec('aws_db_instance.db', { engine: 'postgres', engine_version: '16.4' }));
    expect(r.kind).toBe('aws.rds.instance');
    expect(r.attrs.storageEncrypted).toMatchObject({ value: false, origin: 'default' });
    expect(r.attrs.publiclyAccessible).toMatchObject({ value: false, origin: 'default' });
    expect(r.attrs.deletionProtection).toMatchObject({ value: false, origin: 'default' });
    expect(r.attrs.backupRetentionPeriod).toMatchObject({ value: 1, origin: 'default' });
    expect(r.attrs.engineFamily).toMatchObject({ value: 'postgres', origin: 'explicit' });
    expect(r.attrs.isClusterMember?.value).toBe(false);
  });

  it('keeps explicit values explicit', () => {
    const r = adapt(rec('aws_db_instance.db', { storage_encrypted: true, backup_retention_period: 14, publicly_accessible: true }));
    expect(r.attrs.storageEncrypted).toMatchObject({ value: true, origin: 'explicit' });
    expect(r.attrs.backupRetentionPeriod).toMatchObject({ value: 14, origin: 'explicit' });
    expect(r.attrs.publiclyAccessible).toMatchObject({ value: true, origin: 'explicit' });
  });

  it('an unknown value that the configuration sets stays unknown', () => {
    const r = adapt(rec('aws_db_instance.db', { storage_encrypted: UNKNOWN, backup_retention_period: UNKNOWN }));
    expect(r.attrs.storageEncrypted?.origin).toBe('unknown');
    expect(r.attrs.backupRetentionPeriod?.origin).toBe('unknown');
  });

  it('an unset computed argument shown as unknown in a plan takes the AWS default', () => {
    const r = adapt(rec('aws_db_instance.db', { backup_retention_period: UNKNOWN, kms_key_id: UNKNOWN, storage_encrypted: true }, { configured: ['storage_encrypted'] }));
    expect(r.attrs.backupRetentionPeriod).toMatchObject({ value: 1, origin: 'default' });
    expect(r.attrs.kmsKeyIsAwsManaged).toMatchObject({ value: true, origin: 'default' });
  });

  it('without configured paths the unknown cannot be resolved', () => {
    const r = adapt(rec('aws_db_instance.db', { backup_retention_period: UNKNOWN, kms_key_id: UNKNOWN }, { configured: null }));
    expect(r.attrs.backupRetentionPeriod?.origin).toBe('unknown');
    expect(r.attrs.kmsKeyIsAwsManaged?.origin).toBe('unknown');
  });

  it.each([
    ['unset', {}, {}, true],
    ['alias/aws/rds', { kms_key_id: 'alias/aws/rds' }, {}, true],
    ['the ARN of alias/aws/rds', { kms_key_id: 'arn:aws:kms:us-east-1:111122223333:alias/aws/rds' }, {}, true],
    ['a customer alias', { kms_key_id: 'alias/sis-rds' }, {}, false],
    ['a managed aws_kms_key', { kms_key_id: UNKNOWN }, { kms_key_id: ['aws_kms_key.rds'] }, false],
    ['a key in a module', { kms_key_id: UNKNOWN }, { kms_key_id: ['module.kms.aws_kms_key.this[0]'] }, false],
    ['a literal key ARN', { kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' }, {}, undefined],
    ['a data source', { kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd' }, { kms_key_id: ['data.aws_kms_key.rds'] }, undefined],
  ])('kmsKeyIsAwsManaged for %s', (_n, values, references, expected) => {
    const r = adapt(rec('aws_db_instance.db', { storage_encrypted: true, ...values }, { references }));
    expect(r.attrs.kmsKeyIsAwsManaged?.value).toBe(expected);
    if (expected === undefined) expect(r.attrs.kmsKeyIsAwsManaged?.origin).toBe('unknown');
  });

  it('records that a master password is set without keeping it', () => {
    const a = adapt(rec('aws_db_instance.a', { password: new SensitiveValue(true) }));
    expect(a.attrs.masterPasswordSet).toMatchObject({ value: true });
    expect(JSON.stringify(a.attrs)).not.toContain('hunter2');
    const b = adapt(rec('aws_db_instance.b', { password: UNKNOWN }, { references: { password: ['random_password.db'] } }));
    expect(b.attrs.masterPasswordSet?.value).toBe(true);
    const c = adapt(rec('aws_db_instance.c', { manage_master_user_password: true }));
    expect(c.attrs.masterPasswordSet).toMatchObject({ value: false, origin: 'default' });
  });

  it('tags give the data class (first matching key, lowercased)', () => {
    const r = adapt(rec('aws_db_instance.db', { tags: { Name: 'x', DataClassification: 'Student-Data' }, tags_all: UNKNOWN }));
    expect(r.attrs.dataClass?.value).toBe('student-data');
    expect(r.attrs.tags?.value).toEqual({ Name: 'x', DataClassification: 'Student-Data' });
  });
});

describe('aws_rds_cluster', () => {
  it('storage encryption defaults to false for provisioned, true for Serverless v1', () => {
    expect(adapt(rec('aws_rds_cluster.a', { engine: 'aurora-postgresql' })).attrs.storageEncrypted).toMatchObject({ value: false, origin: 'default' });
    expect(adapt(rec('aws_rds_cluster.b', { engine: 'aurora-postgresql', engine_mode: 'serverless' })).attrs.storageEncrypted).toMatchObject({ value: true, origin: 'default' });
    expect(adapt(rec('aws_rds_cluster.c', { engine: 'aurora-postgresql', engine_mode: UNKNOWN })).attrs.storageEncrypted?.origin).toBe('unknown');
  });
  it('reads master_password (not password) for the written-secret check', () => {
    expect(adapt(rec('aws_rds_cluster.a', { master_password: new SensitiveValue(true) })).attrs.masterPasswordSet?.value).toBe(true);
  });
});

describe('parameter groups', () => {
  it('turns parameter blocks into a name -> value map and marks cluster groups', () => {
    const g = adapt(rec('aws_rds_cluster_parameter_group.g', { name: 'sis', family: 'aurora-postgresql16', parameter: [{ name: 'rds.force_ssl', value: 1 }, { name: 'log_connections', value: UNKNOWN }] }));
    expect(g.kind).toBe('aws.rds.parameter-group');
    expect(g.attrs.parameters?.value).toEqual({ 'rds.force_ssl': '1', log_connections: UNKNOWN });
    expect(g.attrs.isClusterGroup?.value).toBe(true);
    expect(g.identifiers).toContain('sis');
  });
  it('a parameter set that is unknown as a whole stays unknown', () => {
    const g = adapt(rec('aws_db_parameter_group.g', { name: 'sis', family: 'postgres16', parameter: UNKNOWN }));
    expect(g.attrs.parameters?.origin).toBe('unknown');
  });
});

describe('links', () => {
  const records = [
    rec('aws_db_parameter_group.pg', { name: 'sis-pg', family: 'postgres16', parameter: [] }),
    rec('aws_db_instance.db', { engine: 'postgres', kms_key_id: UNKNOWN, parameter_group_name: 'sis-pg', vpc_security_group_ids: [UNKNOWN] }, { references: { kms_key_id: ['aws_kms_key.rds'] } }),
    rec('aws_rds_cluster.c', { cluster_identifier: 'sis', engine: 'aurora-postgresql', db_cluster_parameter_group_name: UNKNOWN }, { references: { db_cluster_parameter_group_name: ['aws_rds_cluster_parameter_group.cpg'] } }),
    rec('aws_rds_cluster_parameter_group.cpg', { name: UNKNOWN, family: 'aurora-postgresql16', parameter: [] }),
    rec('aws_rds_cluster_instance.m[0]', { cluster_identifier: UNKNOWN }, { references: { cluster_identifier: ['aws_rds_cluster.c'] } }),
    rec('aws_rds_cluster_instance.m[1]', { cluster_identifier: 'sis' }),
  ];
  const m = model(records, 'plan', [kmsKey('aws_kms_key.rds', true)]);

  it('resolve by reference and by literal name', () => {
    const db = get(m, 'aws_db_instance.db');
    expect(db.links.kmsKey).toEqual(['aws_kms_key.rds']);
    expect(db.links.parameterGroup).toEqual(['aws_db_parameter_group.pg']);
    expect(get(m, 'aws_rds_cluster.c').links.clusterParameterGroup).toEqual(['aws_rds_cluster_parameter_group.cpg']);
  });
  it('cluster instances link to their cluster, which gets the inverse `instances`', () => {
    expect(get(m, 'aws_rds_cluster_instance.m[0]').links.cluster).toEqual(['aws_rds_cluster.c']);
    expect(get(m, 'aws_rds_cluster.c').links.instances?.sort()).toEqual(['aws_rds_cluster_instance.m[0]', 'aws_rds_cluster_instance.m[1]']);
    expect(get(m, 'aws_rds_cluster_instance.m[0]').attrs.isClusterMember?.value).toBe(true);
  });
  it('a key referenced by a literal ARN that is not in the model leaves the link unresolved', () => {
    const m2 = model([rec('aws_db_instance.x', { kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abcd' })]);
    expect(get(m2, 'aws_db_instance.x').links.kmsKey).toEqual([]);
    expect(get(m2, 'aws_db_instance.x').linkRefs?.find((l) => l.name === 'kmsKey')?.literals).toHaveLength(1);
  });
});

describe('ElastiCache', () => {
  it('at-rest default depends on the engine (Redis OSS off, Valkey on)', () => {
    expect(adapt(rec('aws_elasticache_replication_group.r', {})).attrs.atRestEncryptionEnabled).toMatchObject({ value: false, origin: 'default' });
    expect(adapt(rec('aws_elasticache_replication_group.v', { engine: 'valkey' })).attrs.atRestEncryptionEnabled).toMatchObject({ value: true, origin: 'default' });
    expect(adapt(rec('aws_elasticache_replication_group.u', { engine: UNKNOWN })).attrs.atRestEncryptionEnabled?.origin).toBe('unknown');
  });
  it('auth token presence is recorded from a sensitive value', () => {
    expect(adapt(rec('aws_elasticache_replication_group.r', { auth_token: new SensitiveValue(true) })).attrs.authTokenSet?.value).toBe(true);
    expect(adapt(rec('aws_elasticache_replication_group.r', {})).attrs.authTokenSet?.value).toBe(false);
  });
  it('a cache cluster in a replication group is a member, not standalone', () => {
    const m = model([
      rec('aws_elasticache_replication_group.rg', { replication_group_id: 'sis' }),
      rec('aws_elasticache_cluster.c', { cluster_id: 'c', replication_group_id: UNKNOWN }, { references: { replication_group_id: ['aws_elasticache_replication_group.rg'] } }),
    ]);
    expect(get(m, 'aws_elasticache_cluster.c').attrs.standalone?.value).toBe(false);
    expect(get(m, 'aws_elasticache_replication_group.rg').links.members).toEqual(['aws_elasticache_cluster.c']);
  });
});

describe('AWS Backup', () => {
  it('vault lock configuration is a facet merged into its vault', () => {
    const m = model([
      rec('aws_backup_vault.v', { name: 'sis', kms_key_arn: UNKNOWN }, { references: { kms_key_arn: ['aws_kms_key.b'] } }),
      rec('aws_backup_vault_lock_configuration.l', { backup_vault_name: 'sis', min_retention_days: 7, max_retention_days: 35 }, { references: { backup_vault_name: ['aws_backup_vault.v'] } }),
    ]);
    expect(m.ofKind('aws.backup.vault')).toHaveLength(1);
    const v = get(m, 'aws_backup_vault.v');
    expect(v.attrs.locked).toMatchObject({ value: true, origin: 'explicit' });
    expect(v.attrs.lockMinRetentionDays?.value).toBe(7);
    expect(v.attrs.kmsKeyIsAwsManaged?.value).toBe(false);
  });
  it('plan rules are normalised; 0 or unset delete_after means never deleted; unknown stays unknown', () => {
    const p = adapt(
      rec('aws_backup_plan.p', {
        name: 'p',
        rule: [
          { rule_name: 'a', target_vault_name: 'sis', lifecycle: [{ delete_after: 35, cold_storage_after: 0 }], copy_action: [{ destination_vault_arn: 'arn:aws:backup:us-west-2:111122223333:backup-vault:dr', lifecycle: [{ delete_after: UNKNOWN }] }] },
          { rule_name: 'b', target_vault_name: 'sis', lifecycle: [] },
        ],
      }),
    );
    const rules = p.attrs.rules?.value as Array<Record<string, unknown>>;
    expect(rules[0]).toMatchObject({ ruleName: 'a', deleteAfter: 35, coldStorageAfter: undefined });
    expect((rules[0]!.copyActions as Array<Record<string, unknown>>)[0]!.deleteAfter).toBe(UNKNOWN);
    expect(rules[1]!.deleteAfter).toBeUndefined();
    expect(p.linkRefs?.find((l) => l.name === 'vault')?.literals).toEqual(['sis', 'sis']);
  });
  it('plans link to their vaults and selections to their plan', () => {
    const m = model([
      rec('aws_backup_vault.v', { name: 'sis' }),
      rec('aws_backup_plan.p', { name: 'p', rule: [{ rule_name: 'a', target_vault_name: 'sis' }] }, { references: { 'rule.target_vault_name': ['aws_backup_vault.v'] } }),
      rec('aws_backup_selection.s', { name: 's', plan_id: UNKNOWN, resources: ['arn:aws:rds:us-east-1:111122223333:db:sis'] }, { references: { plan_id: ['aws_backup_plan.p'] } }),
    ]);
    expect(get(m, 'aws_backup_plan.p').links.vault).toEqual(['aws_backup_vault.v']);
    expect(get(m, 'aws_backup_vault.v').links.plans).toEqual(['aws_backup_plan.p']);
    expect(get(m, 'aws_backup_plan.p').links.selections).toEqual(['aws_backup_selection.s']);
  });
});

describe('security groups', () => {
  it('data stores link their groups, which get the inverse attachedResources', () => {
    const m = model([
      rec('aws_security_group.db', { name: 'db', ingress: [], egress: [] }),
      rec('aws_db_instance.db', { engine: 'postgres', vpc_security_group_ids: [UNKNOWN] }, { references: { vpc_security_group_ids: ['aws_security_group.db'] } }),
      rec('aws_elasticache_replication_group.c', { security_group_ids: [UNKNOWN] }, { references: { security_group_ids: ['aws_security_group.db'] } }),
    ]);
    expect(get(m, 'aws_db_instance.db').links.securityGroups).toEqual(['aws_security_group.db']);
    expect(get(m, 'aws_security_group.db').links.attachedResources?.sort()).toEqual(['aws_db_instance.db', 'aws_elasticache_replication_group.c']);
  });
});
