import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isSensitive, isUnknown, SensitiveValue, UNKNOWN } from '../../checks/model/value.js';
import { readPlan } from '../../checks/sources/plan/index.js';
import type { TfRecord } from '../../checks/sources/terraform/record.js';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

function byAddress(records: TfRecord[]): Map<string, TfRecord> {
  return new Map(records.map((r) => [r.address, r]));
}

describe('readPlan on a hand-written stack plan', () => {
  const result = readPlan(fixture('stack.plan.json'), { display: 'plans/stack.json' });
  const recs = byAddress(result.records);
  const get = (a: string): TfRecord => {
    const r = recs.get(a);
    expect(r, `record ${a}`).toBeDefined();
    return r!;
  };

  it('keys resources in child modules at any depth by their full address', () => {
    const db = get('module.app.module.db.aws_db_instance.main');
    expect(db.modulePath).toBe('module.app.module.db');
    expect(db.type).toBe('aws_db_instance');
    expect(db.name).toBe('main');
    expect(db.mode).toBe('managed');
    expect(get('module.app.aws_security_group.lb').modulePath).toBe('module.app');
    expect(get('aws_kms_key.k').modulePath).toBe('');
  });

  it('marks every record as plan source with the display path', () => {
    for (const r of result.records) {
      expect(r.source).toBe('plan');
      expect(r.input).toBe('plans/stack.json');
      expect(r.loc).toEqual({ file: 'plans/stack.json', address: r.address });
    }
  });

  it('skips a resource the plan only deletes, keeps a replaced one with its actions', () => {
    expect(recs.has('aws_db_instance.old')).toBe(false);
    const replaced = get('aws_db_instance.replaced');
    expect(replaced.actions).toEqual(['delete', 'create']);
    expect(replaced.values.storage_encrypted).toBe(true);
    expect(get('aws_vpc.main').actions).toEqual(['no-op']);
  });

  it('puts UNKNOWN where after_unknown says so, at the top and nested, never false or null', () => {
    const kms = get('aws_kms_key.k');
    expect(kms.values.arn).toBe(UNKNOWN);
    expect(kms.values.enable_key_rotation).toBe(true);
    const db = get('module.app.module.db.aws_db_instance.main');
    expect(isUnknown(db.values.kms_key_id)).toBe(true);
    expect(isUnknown(db.values.vpc_security_group_ids)).toBe(true);
    const app = get('aws_security_group.app');
    const ingress = app.values.ingress as Array<Record<string, unknown>>;
    expect(ingress[0]!.from_port).toBe(443);
    expect(isUnknown(ingress[0]!.security_groups)).toBe(true);
    const sg = get('module.app.module.db.aws_security_group.db');
    const sgIngress = sg.values.ingress as Array<Record<string, unknown>>;
    expect(sgIngress[0]!.security_groups).toEqual([UNKNOWN]);
    expect(get('aws_instance.web').values.subnet_id).toBeNull();
  });

  it('replaces sensitive values by SensitiveValue and keeps no trace of the secret', () => {
    const db = get('module.app.module.db.aws_db_instance.main');
    expect(db.values.password).toBeInstanceOf(SensitiveValue);
    expect((db.values.password as SensitiveValue).present).toBe(true);
    expect(db.values.username).toBe('admin');
    const logs = get('aws_s3_bucket.logs');
    expect(isSensitive(logs.values.api_token)).toBe(true);
    const all = JSON.stringify(result);
    expect(all).not.toContain('hunter2-S3CRET-pw');
    expect(all).not.toContain('tok-S3CRET-in-after');
    expect(all).not.toContain('S3CRET');
  });

  it('reads a resource that is only in resource_changes from change.after, unknowns overlaid', () => {
    const logs = get('aws_s3_bucket.logs');
    expect(logs.values.bucket).toBe('audit-logs');
    expect(logs.values.force_destroy).toBe(false);
    expect(logs.values.versioning).toEqual([{ enabled: UNKNOWN }]);
    expect(logs.actions).toEqual(['create']);
  });

  it('reads data sources from prior_state with mode data', () => {
    const ident = get('data.aws_caller_identity.current');
    expect(ident.mode).toBe('data');
    expect(ident.type).toBe('aws_caller_identity');
    expect(ident.values.account_id).toBe('123456789012');
    expect(result.records.filter((r) => r.address === 'aws_vpc.main')).toHaveLength(1);
  });

  it('normalises references to absolute resource addresses', () => {
    expect(get('aws_subnet.a[0]').references.vpc_id).toEqual(['aws_vpc.main']);
    // An explicit instance key is kept; the bare form beside it is dropped.
    expect(get('aws_instance.web').references.subnet_id).toEqual(['aws_subnet.a[1]']);
    // local., var. (root), path. name no resource.
    expect(get('aws_instance.web').references.tags).toBeUndefined();
    expect(get('aws_s3_bucket.logs').references.policy).toEqual(['data.aws_caller_identity.current']);
    const db = get('module.app.module.db.aws_db_instance.main');
    expect(db.references.vpc_security_group_ids).toEqual(['module.app.module.db.aws_security_group.db']);
  });

  it('resolves module variables through every calling module to the root resource', () => {
    const db = get('module.app.module.db.aws_db_instance.main');
    expect(db.references.kms_key_id).toEqual(['aws_kms_key.k']);
    // A root variable (sensitive password) references no resource.
    expect(db.references.password).toBeUndefined();
    const sg = get('module.app.module.db.aws_security_group.db');
    expect(sg.references['ingress.security_groups']).toEqual(['module.app.aws_security_group.lb']);
  });

  it('resolves module outputs (through nested outputs) to the resources they reference', () => {
    const app = get('aws_security_group.app');
    expect(app.references['ingress.security_groups']).toEqual(['module.app.aws_security_group.lb']);
    expect(app.references['egress.security_groups']).toEqual(['module.app.module.db.aws_security_group.db']);
    expect(app.references['tag_rule.target']).toEqual(['aws_kms_key.k']);
  });

  it('gives every instance of a counted resource the references of its block', () => {
    const a0 = get('aws_subnet.a[0]');
    const a1 = get('aws_subnet.a[1]');
    expect(a0.index).toBe(0);
    expect(a1.index).toBe(1);
    expect(a1.references.vpc_id).toEqual(['aws_vpc.main']);
  });

  it('records configured attribute paths, nested blocks included', () => {
    const db = get('module.app.module.db.aws_db_instance.main');
    expect(db.configured?.has('kms_key_id')).toBe(true);
    expect(db.configured?.has('storage_encrypted')).toBe(false);
    const app = get('aws_security_group.app');
    expect(app.configured?.has('ingress')).toBe(true);
    expect(app.configured?.has('ingress.from_port')).toBe(true);
    expect(app.configured?.has('ingress.to_port')).toBe(false);
    expect(get('aws_s3_bucket.logs').configured?.has('force_destroy')).toBe(false);
  });

  it('reads the provider region, aliases included', () => {
    expect(result.regions).toEqual({ aws: 'eu-west-1', 'aws.west': 'us-west-2' });
    expect(get('aws_kms_key.k').region).toBe('eu-west-1');
    expect(get('module.app.module.db.aws_db_instance.main').region).toBe('eu-west-1');
    expect(get('aws_s3_bucket.west').region).toBe('us-west-2');
  });

  it('has no notes for a complete plan with configuration', () => {
    expect(result.notes).toEqual([]);
  });
});

describe('readPlan with module instances and an older format', () => {
  const result = readPlan(fixture('keyed.plan.json'));
  const recs = byAddress(result.records);

  it('keeps instance keys, including quoted keys with dots', () => {
    expect(recs.get('aws_s3_bucket.b["a.b"]')?.index).toBe('a.b');
    expect(recs.get('aws_s3_bucket.b["a.b"]')?.name).toBe('b');
    expect(recs.get('module.db[1].aws_db_instance.main')?.modulePath).toBe('module.db[1]');
  });

  it('points references inside a module instance at the same instance', () => {
    expect(recs.get('module.db[0].aws_db_instance.main')?.references.kms_key_id).toEqual(['module.db[0].aws_kms_key.k']);
    expect(recs.get('module.db[1].aws_db_instance.main')?.references.kms_key_id).toEqual(['module.db[1].aws_kms_key.k']);
    expect(recs.get('module.db[1].aws_db_instance.main')?.references.performance_insights_kms_key_id).toEqual(['aws_kms_key.root[0]']);
  });

  it('resolves an output of one module instance to that instance', () => {
    expect(recs.get('aws_s3_bucket.b["c"]')?.references.kms_master_key_id).toEqual(['module.db[1].aws_kms_key.k']);
  });

  it('ignores deposed objects and reads unknowns of the current one', () => {
    const db0 = recs.get('module.db[0].aws_db_instance.main')!;
    expect(db0.actions).toEqual(['create']);
    expect(isUnknown(db0.values.kms_key_id)).toBe(true);
  });

  it('takes the region from a root variable and old `<call>:aws` provider keys', () => {
    expect(result.regions).toEqual({ aws: 'ca-central-1' });
    expect(recs.get('module.db[0].aws_db_instance.main')?.region).toBe('ca-central-1');
  });
});
