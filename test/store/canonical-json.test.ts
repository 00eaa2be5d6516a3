import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../checks/util/canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });
  it('gives the same text whatever order keys were inserted in', () => {
    const one = { id: 'r', seq: 2, previous: { manifestSha256: 'h', id: 'p' } };
    const two = { previous: { id: 'p', manifestSha256: 'h' }, seq: 2, id: 'r' };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
    expect(JSON.parse(canonicalJson(one))).toEqual(one);
  });
  it('drops undefined members like JSON.stringify and keeps array positions', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
  });
  it('escapes strings as JSON does', () => {
    expect(canonicalJson({ 'k"\n': 'v\u2028"\\' })).toBe(`{${JSON.stringify('k"\n')}:${JSON.stringify('v\u2028"\\')}}`);
  });
  it('refuses values with no JSON form', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/NaN/);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(/circular/);
  });
});
