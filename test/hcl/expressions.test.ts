import { describe, expect, it } from 'vitest';
import { isSensitive, isUnknown, SensitiveValue, UNKNOWN } from '../../checks/model/value.js';
import { parseExpression, parseValueString } from '../../checks/sources/hcl/expr.js';
import { evalNode } from '../../checks/sources/hcl/evaluate.js';
import { EMPTY_HOST } from '../../checks/sources/hcl/variables.js';
import { ev } from './helpers.js';

describe('HCL expression evaluator: operators and structure', () => {
  it('follows operator precedence and comparison', () => {
    expect(ev('1 + 2 * 3')).toBe(7);
    expect(ev('(1 + 2) * 3')).toBe(9);
    expect(ev('10 % 4 - -1')).toBe(3);
    expect(ev('1 < 2 && 3 >= 3 || false')).toBe(true);
    expect(ev('!true == false')).toBe(true);
    expect(ev('"a" == "a" && 1 != 2')).toBe(true);
    expect(ev('[1, 2] == [1, 2]')).toBe(true);
  });

  it('evaluates conditionals, and unknown conditions give UNKNOWN', () => {
    expect(ev('true ? "y" : "n"')).toBe('y');
    expect(ev('x > 2 ? "big" : "small"', { x: 1 })).toBe('small');
    expect(isUnknown(ev('u ? 1 : 2', { u: UNKNOWN }))).toBe(true);
    // both branches equal: the answer is known whatever the condition
    expect(ev('u ? 1 : 1', { u: UNKNOWN })).toBe(1);
    expect(ev('false && u', { u: UNKNOWN })).toBe(false);
  });

  it('builds tuples and objects, with computed keys', () => {
    expect(ev('[1, "a", true, null]')).toEqual([1, 'a', true, null]);
    expect(ev('{ a = 1, "b" = 2, (k) = 3 }', { k: 'c' })).toEqual({ a: 1, b: 2, c: 3 });
    expect(ev('{\n  a = 1\n  b = [2]\n}')).toEqual({ a: 1, b: [2] });
  });

  it('indexes and reads attributes; missing keys are errors that try() catches', () => {
    expect(ev('m.a[1]', { m: { a: [10, 20] } })).toBe(20);
    expect(ev('m["a"][0]', { m: { a: [10, 20] } })).toBe(10);
    expect(ev('l.1', { l: ['x', 'y'] })).toBe('y');
    expect(() => ev('m.nope', { m: {} })).toThrow(/no attribute/);
    expect(ev('try(m.nope, "fallback")', { m: {} })).toBe('fallback');
    expect(ev('can(m.nope)', { m: {} })).toBe(false);
    expect(ev('can(m.a)', { m: { a: 1 } })).toBe(true);
  });

  it('evaluates full and legacy splats', () => {
    const l = [{ id: 'a', n: { v: 1 } }, { id: 'b', n: { v: 2 } }];
    expect(ev('l[*].id', { l })).toEqual(['a', 'b']);
    expect(ev('l[*].n.v', { l })).toEqual([1, 2]);
    expect(ev('l.*.id', { l })).toEqual(['a', 'b']);
    expect(ev('o[*].id', { o: { id: 'x' } })).toEqual(['x']);
    expect(ev('n[*]', { n: null })).toEqual([]);
  });

  it('evaluates for expressions over lists and maps, with filters and grouping', () => {
    expect(ev('[for s in l : upper(s) if s != ""]', { l: ['a', '', 'b'] })).toEqual(['A', 'B']);
    expect(ev('[for i, s in l : "${i}-${s}"]', { l: ['a', 'b'] })).toEqual(['0-a', '1-b']);
    expect(ev('{for k, v in m : v => k}', { m: { a: 'x', b: 'y' } })).toEqual({ x: 'a', y: 'b' });
    expect(ev('{for s in l : substr(s, 0, 1) => s...}', { l: ['ab', 'ac', 'bd'] })).toEqual({ a: ['ab', 'ac'], b: ['bd'] });
    expect(isUnknown(ev('[for s in u : s]', { u: UNKNOWN }))).toBe(true);
  });

  it('renders string templates with interpolation and directives', () => {
    expect(ev('"pre-${n}-post"', { n: 5 })).toBe('pre-5-post');
    expect(ev('"%{ if b }yes%{ else }no%{ endif }"', { b: false })).toBe('no');
    expect(ev('"%{ for x in l }${x},%{ endfor }"', { l: [1, 2] })).toBe('1,2,');
    expect(ev('"a $${literal} \\"q\\""')).toBe('a ${literal} "q"');
    expect(ev('"  ${~ "x" ~}  "')).toBe('x');
    expect(isUnknown(ev('"id-${u}"', { u: UNKNOWN }))).toBe(true);
    // a single interpolation yields the value itself, not its string form
    const n = parseValueString('${[1, 2]}');
    expect(evalNode(n, { host: EMPTY_HOST, refs: new Set() })).toEqual([1, 2]);
  });

  it('reads heredocs, including the indented form', () => {
    expect(ev('<<EOT\nline ${n}\nEOT\n', { n: 1 })).toBe('line 1\n');
    expect(ev('<<-EOT\n    a\n      b\n    EOT\n')).toBe('a\n  b\n');
  });

  it('propagates sensitivity instead of the secret', () => {
    const s = new SensitiveValue(true);
    const v = ev('"user:${p}"', { p: s });
    expect(isSensitive(v)).toBe(true);
    expect(isSensitive(ev('upper(p)', { p: s }))).toBe(true);
  });

  it('bounds nesting instead of overflowing the stack', () => {
    const deep = '('.repeat(5000) + '1' + ')'.repeat(5000);
    expect(() => parseExpression(deep)).toThrow(/nested too deeply/);
    expect(() => parseExpression('1 +')).toThrow();
  });
});

describe('HCL functions', () => {
  it('encodes and decodes JSON (Go escaping)', () => {
    expect(ev('jsonencode({a = [1, "x"], b = null})')).toBe('{"a":[1,"x"],"b":null}');
    expect(ev('jsonencode("<&>")')).toBe('"\\u003c\\u0026\\u003e"');
    expect(ev('jsondecode("{\\"a\\":[1,true]}")')).toEqual({ a: [1, true] });
    expect(isUnknown(ev('jsonencode({a = u})', { u: UNKNOWN }))).toBe(true);
  });

  it('handles collections', () => {
    expect(ev('merge({a = 1, b = 1}, {b = 2}, null)')).toEqual({ a: 1, b: 2 });
    expect(ev('concat([1], [2, 3])')).toEqual([1, 2, 3]);
    expect(ev('lookup({a = 1}, "b", 9)')).toBe(9);
    expect(ev('lookup({a = 1}, "a")')).toBe(1);
    expect(ev('length([1, 2, 3]) + length("héllo") + length({a = 1})')).toBe(9);
    expect(ev('element(["a", "b"], 3)')).toBe('b');
    expect(ev('keys({b = 1, a = 2})')).toEqual(['a', 'b']);
    expect(ev('values({b = 1, a = 2})')).toEqual([2, 1]);
    expect(ev('toset(["b", "a", "b"])')).toEqual(['a', 'b']);
    expect(ev('flatten([[1, [2]], 3])')).toEqual([1, 2, 3]);
    expect(ev('distinct([1, 1, 2])')).toEqual([1, 2]);
    expect(ev('contains(["a"], "a")')).toBe(true);
    expect(ev('compact(["a", "", null, "b"])')).toEqual(['a', 'b']);
    expect(ev('zipmap(["a", "b"], [1, 2])')).toEqual({ a: 1, b: 2 });
    expect(ev('range(3)')).toEqual([0, 1, 2]);
    expect(ev('range(1, 7, 2)')).toEqual([1, 3, 5]);
    expect(ev('one([])')).toBe(null);
    expect(ev('one(["x"])')).toBe('x');
    expect(ev('sort(["b", "a"])')).toEqual(['a', 'b']);
    expect(ev('reverse([1, 2])')).toEqual([2, 1]);
    expect(ev('slice([1, 2, 3, 4], 1, 3)')).toEqual([2, 3]);
    expect(ev('setunion(["a"], ["b", "a"])')).toEqual(['a', 'b']);
    expect(ev('coalesce("", null, "x")')).toBe('x');
    expect(ev('coalescelist([], ["a"])')).toEqual(['a']);
    expect(ev('concat(["a"], l...)', { l: [['b']] })).toEqual(['a', 'b']);
  });

  it('converts types', () => {
    expect(ev('tostring(5)')).toBe('5');
    expect(ev('tonumber("5.5")')).toBe(5.5);
    expect(ev('tobool("true")')).toBe(true);
    expect(ev('tolist(toset(["a"]))')).toEqual(['a']);
    expect(ev('tomap({a = 1})')).toEqual({ a: 1 });
    expect(() => ev('tonumber("x")')).toThrow();
  });

  it('handles strings', () => {
    expect(ev('format("%s-%03d-%.1f-%v-%q", "a", 7, 2.26, true, "x")')).toBe('a-007-2.3-true-"x"');
    expect(ev('join(",", ["a", "b"])')).toBe('a,b');
    expect(ev('split(",", "a,b")')).toEqual(['a', 'b']);
    expect(ev('replace("a-b-c", "-", "_")')).toBe('a_b_c');
    expect(ev('replace("abc123", "/[0-9]+/", "#")')).toBe('abc#');
    expect(ev('replace("k=v", "/(\\\\w)=(\\\\w)/", "$2=$1")')).toBe('v=k');
    expect(ev('lower("AbC")') + ':' + ev('upper("abc")')).toBe('abc:ABC');
    expect(ev('substr("hello", 1, 3)')).toBe('ell');
    expect(ev('substr("hello", -3, -1)')).toBe('llo');
    expect(ev('trimspace("  x \\n")')).toBe('x');
    expect(ev('startswith("arn:aws", "arn:")')).toBe(true);
    expect(ev('endswith("a.json", ".json")')).toBe(true);
  });

  it('does arithmetic', () => {
    expect(ev('min(3, 1, 2)')).toBe(1);
    expect(ev('max(l...)', { l: [3, 9] })).toBe(9);
    expect(ev('abs(-4) + ceil(1.2) + floor(1.8)')).toBe(7);
  });

  it('computes CIDRs', () => {
    expect(ev('cidrsubnet("10.0.0.0/16", 8, 2)')).toBe('10.0.2.0/24');
    expect(ev('cidrsubnet("172.16.0.0/12", 4, 15)')).toBe('172.31.0.0/16');
    expect(ev('cidrhost("10.0.1.0/24", 5)')).toBe('10.0.1.5');
    expect(ev('cidrhost("10.0.1.0/24", -2)')).toBe('10.0.1.254');
    expect(ev('cidrsubnet("fd00::/56", 8, 1)')).toBe('fd00:0:0:1::/64');
    expect(() => ev('cidrsubnet("10.0.0.0/30", 8, 1)')).toThrow();
  });

  it('hashes and encodes', () => {
    expect(ev('base64encode("hi")')).toBe('aGk=');
    expect(ev('md5("a")')).toBe('0cc175b9c0f1b6a831c399e269772661');
    expect(ev('sha256("")')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('returns UNKNOWN for unknown inputs and unknown functions, never a guess', () => {
    expect(isUnknown(ev('upper(u)', { u: UNKNOWN }))).toBe(true);
    expect(isUnknown(ev('made_up_function(1)'))).toBe(true);
    expect(isUnknown(ev('timestamp()'))).toBe(true);
    expect(ev('length([u, u])', { u: UNKNOWN })).toBe(2);
    expect(isUnknown(ev('file("/etc/passwd")'))).toBe(true);
  });
});

describe('HCL functions over unknown elements', () => {
  it('does not collapse unknown set elements into one', () => {
    expect(isUnknown(ev('toset([u, u])', { u: UNKNOWN }))).toBe(true);
    expect(isUnknown(ev('length(toset([u, u]))', { u: UNKNOWN }))).toBe(true);
    expect(isUnknown(ev('distinct([u, "a"])', { u: UNKNOWN }))).toBe(true);
    expect(ev('toset(["a", "a"])')).toEqual(['a']);
  });
});
