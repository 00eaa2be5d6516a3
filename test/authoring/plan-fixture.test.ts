import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { expandCompactPlan, readPlanFixture } from '../../checks/authoring/plan-fixture.js';
import { InputError } from '../../checks/errors.js';
import { isSensitive, isUnknown } from '../../checks/model/value.js';
import { readPlan } from '../../checks/sources/plan/index.js';
import type { TfRecord } from '../../checks/sources/terraform/record.js';

const EVERY = join(__dirname, 'fixtures/every-feature.plan.yaml');
const dir = mkdtempSync(join(tmpdir(), 'frplanfx-'));

/** Expand a compact plan, write it out and read it back with the plan source, as a scan would. */
function records(compact: unknown): Map<string, TfRecord> {
  const file = join(dir, `p${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(expandCompactPlan(compact, 'plan.yaml')));
  return new Map(readPlan(file).records.map((r) => [r.address, r]));
}

function expandError(compact: unknown): string {
  try {
    expandCompactPlan(compact, 'plan.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).not.toContain('\n');
    return (e as Error).message;
  }
  throw new Error('accepted');
}

describe('a compact plan expands into the plan Terraform writes', () => {
  const doc = readPlanFixture(EVERY) as Record<string, any>;
  const file = join(dir, 'every.json');
  writeFileSync(file, JSON.stringify(doc));
  const recs = new Map(readPlan(file).records.map((r) => [r.address, r]));

  it('is a format 1.2 plan with planned values per module instance and a change per resource', () => {
    expect(doc.format_version).toBe('1.2');
    const child = doc.planned_values.root_module.child_modules[0];
    expect(child.address).toBe('module.db[0]');
    expect(child.resources.map((r: any) => r.address)).toEqual(['module.db[0].aws_db_instance.main', 'module.db[0].aws_db_parameter_group.pg']);
    const rc = doc.resource_changes.find((r: any) => r.address === 'module.db[0].aws_db_instance.main');
    expect(rc.module_address).toBe('module.db[0]');
    expect(rc.change.actions).toEqual(['create']);
    expect(rc.change.after_unknown).toEqual({ arn: true, id: true, endpoint: true, kms_key_id: true, parameter_group_name: true });
    expect(rc.change.after_sensitive).toEqual({ password: true });
  });

  it('the plan source reads every planned resource, without the deleted one, with data sources from prior_state', () => {
    expect([...recs.keys()].sort()).toEqual(
      [
        'aws_kms_key.rds',
        'aws_s3_bucket.logs',
        'aws_s3_bucket_server_side_encryption_configuration.logs',
        'aws_subnet.data[0]',
        'aws_subnet.data[1]',
        'data.aws_caller_identity.current',
        'data.aws_iam_policy_document.deferred',
        'module.db[0].aws_db_instance.main',
        'module.db[0].aws_db_parameter_group.pg',
      ].sort(),
    );
    expect(doc.prior_state.values.root_module.resources.map((r: any) => r.address)).toEqual(['aws_s3_bucket.logs', 'aws_security_group.old', 'data.aws_caller_identity.current']);
    expect(recs.get('data.aws_caller_identity.current')!.values.account_id).toBe('111122223333');
    expect(recs.get('data.aws_iam_policy_document.deferred')!.actions).toEqual(['read']);
  });

  it('references cross modules as Terraform records them and resolve to absolute addresses', () => {
    const db = recs.get('module.db[0].aws_db_instance.main')!;
    expect(db.references.kms_key_id).toEqual(['aws_kms_key.rds']);
    expect(db.references.parameter_group_name).toEqual(['module.db[0].aws_db_parameter_group.pg']);
    const call = doc.configuration.root_module.module_calls.db;
    expect(call.count_expression).toEqual({ constant_value: 1 });
    expect(Object.values(call.expressions)).toEqual([{ references: ['aws_kms_key.rds.arn', 'aws_kms_key.rds'] }]);
    const sse = recs.get('aws_s3_bucket_server_side_encryption_configuration.logs')!;
    expect(sse.references['rule.apply_server_side_encryption_by_default.kms_master_key_id']).toEqual(['aws_kms_key.rds']);
    expect(sse.references.bucket).toEqual(['aws_s3_bucket.logs']);
  });

  it('marks unknown and sensitive values, keeps secrets out of the configuration, and tells configured from default', () => {
    const db = recs.get('module.db[0].aws_db_instance.main')!;
    expect(isUnknown(db.values.kms_key_id)).toBe(true);
    expect(isUnknown(db.values.arn)).toBe(true);
    expect(isSensitive(db.values.password)).toBe(true);
    expect(JSON.stringify(doc.configuration)).not.toContain('hunter2');
    expect(db.configured?.has('storage_encrypted')).toBe(true);
    expect(db.configured?.has('publicly_accessible')).toBe(false);
    expect(db.values.publicly_accessible).toBe(false);
    expect(db.values.tags_all).toEqual({ DataClassification: 'student-data' });
    const sse = recs.get('aws_s3_bucket_server_side_encryption_configuration.logs')!;
    const rule = (sse.values.rule as any[])[0].apply_server_side_encryption_by_default[0];
    expect(rule.sse_algorithm).toBe('aws:kms');
    expect(isUnknown(rule.kms_master_key_id)).toBe(true);
  });

  it('gives each resource its provider region, a variable included, and counts instances', () => {
    expect(recs.get('aws_kms_key.rds')!.region).toBe('us-east-1');
    expect(recs.get('aws_s3_bucket.logs')!.region).toBe('us-west-2');
    expect(recs.get('aws_s3_bucket.logs')!.actions).toEqual(['update']);
    expect(recs.get('aws_subnet.data[1]')!.index).toBe(1);
    const subnet = doc.configuration.root_module.resources.find((r: any) => r.address === 'aws_subnet.data');
    expect(subnet.count_expression).toEqual({ constant_value: 2 });
  });

  it('writes outputs into planned values, changes and configuration, unknown ones without a value', () => {
    expect(doc.planned_values.outputs.db_endpoint).toEqual({ sensitive: false });
    expect(doc.output_changes.db_endpoint.after_unknown).toBe(true);
    expect(doc.configuration.root_module.outputs.db_endpoint.expression.references[1]).toBe('module.db[0]');
    expect(doc.configuration.root_module.outputs.admin_password).toEqual({ sensitive: true, expression: {} });
  });

  it('a minimal fixture needs only addresses and values', () => {
    const r = records({ resources: [{ address: 'aws_kms_key.k', values: { enable_key_rotation: true } }] });
    expect(r.get('aws_kms_key.k')!.values.enable_key_rotation).toBe(true);
    expect(r.get('aws_kms_key.k')!.region).toBe('us-east-1');
  });

  it('a nested module resource reaches a sibling module through an output and a variable', () => {
    const r = records({
      resources: [
        { address: 'module.net.aws_security_group.db', values: { name: 'db' }, unknown: ['id'] },
        { address: 'module.data.module.pg.aws_db_instance.main', references: { vpc_security_group_ids: ['module.net.aws_security_group.db.id'] } },
      ],
    });
    expect(r.get('module.data.module.pg.aws_db_instance.main')!.references.vpc_security_group_ids).toEqual(['module.net.aws_security_group.db']);
  });
});

describe('a broken compact plan is one line naming the field', () => {
  it.each([
    ['no resources', {}, /\/: must have required property 'resources'/],
    ['unknown field', { resources: [{ address: 'aws_kms_key.k', valuez: {} }] }, /\/resources\/0: unknown field "valuez"/],
    ['not an address', { resources: [{ address: 'kms key' }] }, /\/resources\/0\/address/],
    ['duplicate address', { resources: [{ address: 'aws_kms_key.k' }, { address: 'aws_kms_key.k' }] }, /\/resources\/1: duplicate address aws_kms_key.k/],
    ['type disagrees', { resources: [{ address: 'aws_kms_key.k', type: 'aws_kms_alias' }] }, /\/resources\/0\/type/],
    ['value and default', { resources: [{ address: 'aws_kms_key.k', values: { a: 1 }, defaults: { a: 2 } }] }, /\/resources\/0\/defaults\/a: also under values/],
    ['unknown with a value', { resources: [{ address: 'aws_kms_key.k', values: { a: 1 }, unknown: ['a'] }] }, /"a" is unknown but also has a value/],
    ['undeclared provider', { resources: [{ address: 'aws_kms_key.k', provider: 'aws.eu' }] }, /\/resources\/0\/provider: no provider "aws.eu"/],
    ['data source changed', { resources: [{ address: 'data.aws_ami.x', action: 'create' }] }, /a data source is only read/],
    ['reference to nothing', { resources: [{ address: 'aws_kms_key.k', references: { policy: ['aws_iam'] } }] }, /names no resource/],
  ])('%s', (_n, compact, re) => {
    expect(expandError(compact)).toMatch(re);
  });

  it('a file that is not YAML names the file', () => {
    const f = join(dir, 'bad.plan.yaml');
    writeFileSync(f, 'resources: [\n');
    expect(() => readPlanFixture(f, 'fixtures/x/pass/plan.yaml')).toThrow(/^fixtures\/x\/pass\/plan.yaml: not valid YAML/);
  });

  it('round-trips through YAML (the form authors write)', () => {
    const f = join(dir, 'ok.plan.yaml');
    writeFileSync(f, stringify({ resources: [{ address: 'aws_kms_key.k', values: { enable_key_rotation: false } }] }));
    expect((readPlanFixture(f) as any).resource_changes[0].change.after.enable_key_rotation).toBe(false);
  });
});
