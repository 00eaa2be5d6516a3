import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog, loadPolicyFile } from '../../checks/pipeline/catalog.js';
import { InputError } from '../../checks/errors.js';
import { KINDS } from '../../checks/model/kinds/index.js';
import { itWithShared, sharedDir } from '../helpers/shared.js';

const catalog = loadCatalog();
const CONTROLS_DOC = sharedDir('FERPA-CONTROLS.md');

describe('the policy catalog holds itself honest', () => {
  it('has at least 40 policies covering every category of the checklist', () => {
    expect(catalog.policies.length).toBeGreaterThanOrEqual(40);
    const categories = new Set(catalog.policies.map((p) => p.category));
    for (const c of ['encryption', 'network', 'retention', 'audit', 'access', 'secrets', 'resilience']) expect(categories, c).toContain(c);
  });

  it('ids are unique and equal their file names', () => {
    const ids = catalog.policies.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of catalog.policies) expect(p.file).toMatch(new RegExp(`/${p.id}\\.policy\\.(ya?ml|json)$`));
  });

  it('every policy targets a declared model kind and no title starts with "Ensure"', () => {
    for (const p of catalog.policies) {
      expect(KINDS[p.resource], p.id).toBeDefined();
      expect(p.title, p.id).not.toMatch(/^ensure\b/i);
    }
  });

  it('every framework entry names a real policy, and every policy is reachable from a control', () => {
    for (const c of catalog.framework.controls) for (const pid of c.policies) expect(catalog.byId.has(pid), `${c.id} -> ${pid}`).toBe(true);
    for (const p of catalog.policies) expect(p.controls?.length, `${p.id} is mapped to no FERPA control`).toBeGreaterThan(0);
  });

  itWithShared('the framework lists every control of FERPA-CONTROLS.md', 'FERPA-CONTROLS.md', () => {
    const ids = [...readFileSync(CONTROLS_DOC, 'utf8').matchAll(/^\| (FERPA-[A-Z]+-\d+) \|/gm)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(30);
    expect(catalog.framework.controls.map((c) => c.id).sort()).toEqual([...ids].sort());
  });

  it('every kind declares typed attributes with descriptions', () => {
    for (const spec of Object.values(KINDS)) {
      expect(Object.keys(spec.attrs).length, spec.kind).toBeGreaterThan(0);
      for (const [name, a] of Object.entries(spec.attrs)) {
        expect(name, spec.kind).toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(a.description.length, `${spec.kind}.${name}`).toBeGreaterThan(3);
      }
      for (const link of Object.values(spec.links)) for (const k of link.kinds) expect(KINDS[k], `${spec.kind} links to unknown kind ${k}`).toBeDefined();
    }
  });
});

describe('a malformed policy is rejected naming the file and JSON pointer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'frpol-'));
  const good = {
    id: 'x-test',
    title: 'Test resources are encrypted',
    severity: 'high',
    category: 'encryption',
    resource: 'aws.account',
    sources: ['plan'],
    description: 'A test policy.',
    rationale: 'Because tests.',
    remediation: { terraform: 'x' },
    references: [],
    rule: { assert: { path: 'ebsEncryptionByDefault', equals: true } },
  };
  function write(name: string, body: unknown) {
    const f = join(dir, `${name}.policy.json`);
    writeFileSync(f, JSON.stringify(body));
    return f;
  }
  it('accepts a good one', () => {
    expect(loadPolicyFile(write('x-test', good)).id).toBe('x-test');
  });
  it.each([
    ['unknown field', { ...good, severity2: 'x' }, /unknown field "severity2"/],
    ['bad enum', { ...good, severity: 'urgent' }, /\/severity: must be one of/],
    ['unknown attribute path', { ...good, rule: { assert: { path: 'nope', equals: true } } }, /\/rule\/assert\/path: "nope" is neither an attribute nor a link/],
    ['unknown kind', { ...good, resource: 'aws.nothing' }, /\/resource: unknown model kind/],
    ['unknown code check', { ...good, rule: { assert: { check: 'no-such-check' } } }, /unknown code check/],
    ['nested unknown operator', { ...good, rule: { assert: { all: [{ path: 'x', equalz: 1 }] } } }, /\/rule\/assert/],
  ])('%s', (_n, body, re) => {
    const f = write('x-test', body);
    expect(() => loadPolicyFile(f)).toThrow(InputError);
    expect(() => loadPolicyFile(f)).toThrow(re);
    try {
      loadPolicyFile(f);
    } catch (e) {
      expect((e as Error).message).toContain('x-test.policy.json');
      expect((e as Error).message).not.toContain('\n');
    }
  });
  it('an id that differs from the file name', () => {
    const f = write('other-name', good);
    expect(() => loadPolicyFile(f)).toThrow(/must equal the file name/);
  });
});
