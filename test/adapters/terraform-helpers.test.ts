import { describe, expect, it } from 'vitest';
import { awsManagedKeyAttr, computedAttr, isConfigured, secretSet } from '../../checks/adapters/terraform/helpers/index.js';
import { SensitiveValue, UNKNOWN } from '../../checks/model/value.js';
import type { TfRecord } from '../../checks/sources/terraform/record.js';

/** A plan record; `configured` lists the written paths (a block with what is inside it), absent when the source cannot say. */
function rec(values: Record<string, unknown>, opts: { references?: Record<string, string[]>; configured?: string[] } = {}): TfRecord {
  return {
    address: 'aws_db_instance.db',
    mode: 'managed',
    type: 'aws_db_instance',
    name: 'db',
    modulePath: '',
    values,
    references: opts.references ?? {},
    ...(opts.configured ? { configured: new Set(opts.configured) } : {}),
    loc: { file: 'plan.json' },
    input: 'plan.json',
    source: 'plan',
  };
}

const val = (v: { value: unknown; origin: string }) => ({ value: v.value, origin: v.origin });

describe('configured: the input sets the argument', () => {
  it('is true or false when the source lists what is written, undefined when it cannot say', () => {
    expect(isConfigured(rec({}, { configured: ['engine'] }), 'engine')).toBe(true);
    expect(isConfigured(rec({}, { configured: ['engine'] }), 'kms_key_id')).toBe(false);
    expect(isConfigured(rec({}), 'engine')).toBeUndefined();
  });

  it('reads paths with block indices by their index-free form, and a block by its own path', () => {
    const r = rec({}, { configured: ['rule', 'rule.lifecycle', 'rule.lifecycle.delete_after'] });
    expect(isConfigured(r, 'rule.0.lifecycle.0.delete_after')).toBe(true);
    expect(isConfigured(r, 'rule.1.schedule')).toBe(false);
    expect(isConfigured(r, 'rule')).toBe(true);
  });
});

describe('computed (known after apply) and default (what the provider uses when it is not configured)', () => {
  it('gives an Optional+Computed argument its default while it is computed and not configured', () => {
    expect(val(computedAttr(rec({ multi_az: UNKNOWN }, { configured: ['engine'] }), 'multi_az', { default: false }))).toEqual({ value: false, origin: 'default' });
  });

  it('keeps it unknown when it is configured (its value depends on the apply) or the source cannot say', () => {
    expect(val(computedAttr(rec({ multi_az: UNKNOWN }, { configured: ['multi_az'] }), 'multi_az', { default: false }))).toEqual({ value: undefined, origin: 'unknown' });
    expect(val(computedAttr(rec({ multi_az: UNKNOWN }), 'multi_az', { default: false }))).toEqual({ value: undefined, origin: 'unknown' });
  });

  it('lets a block decide for the values inside it (configuredAt)', () => {
    const unset = rec({ versioning: UNKNOWN }, { configured: ['bucket'] });
    const set = rec({ versioning: [{ enabled: UNKNOWN, mfa_delete: false }] }, { configured: ['bucket', 'versioning', 'versioning.mfa_delete'] });
    expect(val(computedAttr(unset, 'versioning.enabled', { default: false, configuredAt: 'versioning' }))).toEqual({ value: false, origin: 'default' });
    expect(val(computedAttr(set, 'versioning.enabled', { default: false, configuredAt: 'versioning' }))).toEqual({ value: undefined, origin: 'unknown' });
  });

  it('marks a value the plan shows for an argument that is not configured as the default', () => {
    expect(val(computedAttr(rec({ port: 5432 }, { configured: ['engine'] }), 'port'))).toEqual({ value: 5432, origin: 'default' });
    expect(val(computedAttr(rec({ port: 5432 }, { configured: ['port'] }), 'port'))).toEqual({ value: 5432, origin: 'explicit' });
  });
});

describe('awsManagedKeyAttr: one answer for every key argument', () => {
  const key = (raw: unknown, refs: string[] = [], configured?: string[]) => val(awsManagedKeyAttr(rec(raw === undefined ? {} : { kms_key_id: raw }, { references: refs.length ? { kms_key_id: refs } : {}, ...(configured ? { configured } : {}) }), 'kms_key_id'));

  it('unset, or null whatever the expression references: the AWS-managed key, by default', () => {
    expect(key(undefined)).toEqual({ value: true, origin: 'default' });
    expect(key(null, ['aws_kms_key.db'])).toEqual({ value: true, origin: 'default' });
  });

  it('a key or alias resource of the configuration: customer managed, even while its ARN is computed', () => {
    expect(key(UNKNOWN, ['aws_kms_key.db'])).toEqual({ value: false, origin: 'explicit' });
    expect(key(UNKNOWN, ['module.kms.aws_kms_alias.db[0]'])).toEqual({ value: false, origin: 'explicit' });
  });

  it('a literal alias says who manages the key; a key id or ARN does not', () => {
    expect(key('alias/aws/rds')).toEqual({ value: true, origin: 'explicit' });
    expect(key('arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/aws/rds')).toEqual({ value: true, origin: 'explicit' });
    expect(key('alias/sis')).toEqual({ value: false, origin: 'explicit' });
    expect(key('arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab')).toEqual({ value: undefined, origin: 'unknown' });
  });

  it('a data source is no key of the configuration: its value decides, or the answer is unknown', () => {
    expect(key(UNKNOWN, ['data.aws_kms_key.shared'])).toEqual({ value: undefined, origin: 'unknown' });
    expect(key('arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', ['data.aws_kms_key.shared'])).toEqual({ value: undefined, origin: 'unknown' });
    expect(key('arn:aws:kms:us-east-1:111122223333:alias/aws/rds', ['module.x.data.aws_kms_alias.rds'])).toEqual({ value: true, origin: 'explicit' });
  });

  it('computed and not configured: the default; computed otherwise: unknown', () => {
    expect(key(UNKNOWN, [], ['engine'])).toEqual({ value: true, origin: 'default' });
    expect(key(UNKNOWN, [], ['kms_key_id'])).toEqual({ value: undefined, origin: 'unknown' });
    expect(key(UNKNOWN)).toEqual({ value: undefined, origin: 'unknown' });
  });
});

describe('secretSet', () => {
  it('says whether a password is set without keeping it', () => {
    expect(val(secretSet(rec({ password: new SensitiveValue(true) }), 'password'))).toEqual({ value: true, origin: 'explicit' });
    expect(val(secretSet(rec({ password: UNKNOWN }, { configured: ['engine'] }), 'password'))).toEqual({ value: false, origin: 'default' });
    expect(val(secretSet(rec({ password: UNKNOWN }, { configured: ['password'] }), 'password'))).toEqual({ value: true, origin: 'explicit' });
    expect(val(secretSet(rec({ password: UNKNOWN }), 'password'))).toEqual({ value: undefined, origin: 'unknown' });
  });
});
