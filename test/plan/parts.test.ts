import { describe, expect, it } from 'vitest';
import { SensitiveValue, UNKNOWN } from '../../checks/model/value.js';
import { parseAddress, splitTraversal, stripKeys, withInstanceKeys } from '../../checks/sources/plan/address.js';
import { indexChanges, isDeleteOnly } from '../../checks/sources/plan/changes.js';
import { overlayUnknown, plannedValues, redactSensitive } from '../../checks/sources/plan/marks.js';

describe('address syntax', () => {
  it('splits traversals, keeping quoted keys with dots and brackets whole', () => {
    expect(splitTraversal('module.a["x.y]"].aws_s3_bucket.b[0].id')).toEqual([
      { name: 'module' },
      { name: 'a', key: '["x.y]"]' },
      { name: 'aws_s3_bucket' },
      { name: 'b', key: '[0]' },
      { name: 'id' },
    ]);
    expect(splitTraversal('aws_subnet.a[*].id')).toEqual([{ name: 'aws_subnet' }, { name: 'a' }, { name: 'id' }]);
  });

  it('parses module frames and strips keys', () => {
    const p = parseAddress('module.a[1].module.b["k"].data.aws_ami.x');
    expect(p.modules).toEqual([{ call: 'a', key: '[1]' }, { call: 'b', key: '["k"]' }]);
    expect(p.rest.map((s) => s.name)).toEqual(['data', 'aws_ami', 'x']);
    expect(stripKeys('module.a[1].module.b["k"].aws_x.y[3]')).toBe('module.a.module.b.aws_x.y');
  });

  it('gives a reference the holder instance keys only along the shared module path', () => {
    const holder = parseAddress('module.a[1].module.b["k"].aws_x.y').modules;
    expect(withInstanceKeys('module.a.module.b.aws_kms_key.k', holder)).toBe('module.a[1].module.b["k"].aws_kms_key.k');
    expect(withInstanceKeys('module.a.aws_kms_key.k', holder)).toBe('module.a[1].aws_kms_key.k');
    expect(withInstanceKeys('module.c.aws_kms_key.k', holder)).toBe('module.c.aws_kms_key.k');
    expect(withInstanceKeys('module.a[0].aws_kms_key.k', holder)).toBe('module.a[0].aws_kms_key.k');
    expect(withInstanceKeys('aws_kms_key.k', holder)).toBe('aws_kms_key.k');
  });
});

describe('marks', () => {
  it('overlays unknowns at any depth and creates missing containers', () => {
    const v = overlayUnknown({ a: 1, list: [{ x: 1 }] }, { b: true, list: [{ y: true }], nested: [{ z: true }], none: [] });
    expect(v).toEqual({ a: 1, b: UNKNOWN, list: [{ x: 1, y: UNKNOWN }], nested: [{ z: UNKNOWN }] });
  });

  it('leaves values alone when nothing is marked', () => {
    const base = { a: false, b: null };
    expect(overlayUnknown(base, { a: false, c: {} })).toBe(base);
    expect(redactSensitive(base, {})).toBe(base);
  });

  it('redacts sensitive paths, remembering only whether a value was there', () => {
    const v = redactSensitive({ p: 'secret-1', q: null, list: ['a', 'secret-2'], m: { k: 'secret-3' } }, { p: true, q: true, list: [false, true], m: true }) as Record<string, unknown>;
    expect((v.p as SensitiveValue).present).toBe(true);
    expect((v.q as SensitiveValue).present).toBe(false);
    expect((v.list as unknown[])[0]).toBe('a');
    expect((v.list as unknown[])[1]).toBeInstanceOf(SensitiveValue);
    expect(v.m).toBeInstanceOf(SensitiveValue);
    expect(JSON.stringify(v)).not.toMatch(/secret/);
  });

  it('keeps an unknown sensitive value unknown, and hides values whose shape differs from the mark', () => {
    const v = plannedValues({ x: { deep: 'secret-4' } }, { pw: true }, [{ pw: true, x: [true] }]);
    expect(v.pw).toBe(UNKNOWN);
    expect(v.x).toBeInstanceOf(SensitiveValue);
    expect(JSON.stringify(v)).not.toMatch(/secret/);
  });

  it('hides every attribute when the whole object is marked sensitive', () => {
    const v = plannedValues({ a: 'secret-5', b: null }, undefined, [true]);
    expect(Object.keys(v)).toEqual(['a', 'b']);
    expect((v.a as SensitiveValue).present).toBe(true);
    expect((v.b as SensitiveValue).present).toBe(false);
  });
});

describe('resource changes', () => {
  it('treats only a lone delete as leaving the stack', () => {
    expect(isDeleteOnly(['delete'])).toBe(true);
    expect(isDeleteOnly(['delete', 'create'])).toBe(false);
    expect(isDeleteOnly(['create', 'delete'])).toBe(false);
    expect(isDeleteOnly(['no-op'])).toBe(false);
    expect(isDeleteOnly(undefined)).toBe(false);
  });

  it('indexes by address and leaves deposed objects out', () => {
    const idx = indexChanges([
      { address: 'a.b', change: { actions: ['create'] } },
      { address: 'a.b', deposed: 'abc', change: { actions: ['delete'] } },
    ]);
    expect(idx.get('a.b')?.change?.actions).toEqual(['create']);
  });
});
