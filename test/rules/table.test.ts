// Code checks are declared, not registered: checks/rules/table.ts is the one list the engine is handed,
// a check's id is its file name, its messages have ids, and what a policy asks of a check is checked
// when the policy loads (unknown check, a kind the check does not judge, options naming nothing).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { renderMessage } from '../../checks/engine/code-check.js';
import { loadPolicyFile } from '../../checks/pipeline/catalog.js';
import { CODE_CHECKS } from '../../checks/rules/table.js';
import { CATALOG, findings, rec } from '../helpers/policy-tester.js';

const RULES = join(__dirname, '../../checks/rules');
const BASE = parseYaml(readFileSync(join(__dirname, '../../policies/aws-sg-unrestricted-egress.policy.yaml'), 'utf8')) as Record<string, unknown>;

/** Writes a copy of a real policy with another id, kind and rule, and loads it. */
function loadVariant(change: Record<string, unknown>): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'rules-table-'));
  const file = join(dir, 'aws-variant.policy.yaml');
  writeFileSync(file, stringify({ ...BASE, id: 'aws-variant', ...change }));
  return loadPolicyFile(file, dir);
}

describe('the code-check table', () => {
  it('lists exactly the files of checks/rules (but table.ts), each under its file name', () => {
    const files = readdirSync(RULES).filter((f) => f.endsWith('.ts') && f !== 'table.ts').map((f) => f.slice(0, -3)).sort();
    expect(Object.keys(CODE_CHECKS).sort()).toEqual(files);
    for (const [id, check] of Object.entries(CODE_CHECKS)) expect(check.name, id).toBe(id);
  });

  it('every check judges at least one kind, and its message templates have well-formed placeholders', () => {
    for (const check of Object.values(CODE_CHECKS)) {
      expect(check.kinds.length, check.name).toBeGreaterThan(0);
      for (const [id, template] of Object.entries(check.messages)) {
        expect(template.replace(/\{[A-Za-z0-9_]+\}/g, ''), `${check.name}/${id}`).not.toMatch(/[{}]/);
      }
    }
  });

  it('every check the catalog names is in the table, and every check in the table is used by a policy', () => {
    const named = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === 'check' && typeof x === 'string') named.add(x);
          else walk(x);
        }
      }
    };
    for (const p of CATALOG.policies) walk(p);
    expect([...named].filter((n) => !(n in CODE_CHECKS))).toEqual([]);
    expect(Object.keys(CODE_CHECKS).filter((n) => !named.has(n))).toEqual([]);
  });
});

describe('message ids', () => {
  it('a failing finding carries <check>/<messageId> and the rendered template', () => {
    const sg = rec('aws_security_group.web', {
      name: 'web',
      egress: [{ protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: [] }],
      ingress: [],
    });
    const [f] = findings('aws-sg-unrestricted-egress', [sg]);
    expect(f?.status).toBe('fail');
    expect(f?.messageId).toBe('sg-world-open/openToWorld');
    expect(f?.message).toContain('egress rule 0 opens all traffic');
    expect(f?.message).toContain('0.0.0.0/0');
  });

  it('a passing finding carries no message id', () => {
    const sg = rec('aws_security_group.web', { name: 'web', egress: [{ protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['10.0.0.0/8'], ipv6_cidr_blocks: [] }], ingress: [] });
    const [f] = findings('aws-sg-unrestricted-egress', [sg]);
    expect(f?.status).toBe('pass');
    expect(f?.messageId).toBeUndefined();
  });

  it('renderMessage fills placeholders once and leaves unknown ones and braces in values alone', () => {
    expect(renderMessage('{a} and {b}', { a: '{b}', b: 2 })).toBe('{b} and 2');
    expect(renderMessage('{missing}', { a: 1 })).toBe('{missing}');
  });
});

describe('what a policy asks of a check is checked when it loads', () => {
  it('an unknown check is refused, naming it', () => {
    expect(() => loadVariant({ rule: { assert: { check: 'no-such-check' } } })).toThrow(/no-such-check/);
  });

  it('a check over a kind it does not judge is refused', () => {
    expect(() => loadVariant({ resource: 'aws.s3.bucket' })).toThrow(/sg-world-open/);
  });

  it('options outside the check\'s schema are refused', () => {
    expect(() => loadVariant({ rule: { assert: { check: 'sg-world-open', options: { direction: 'sideways' } } } })).toThrow(/direction|options/);
  });

  it('the unchanged copy loads (the refusals above are about the change, not the copy)', () => {
    expect(loadVariant({})).toMatchObject({ id: 'aws-variant' });
  });
});
