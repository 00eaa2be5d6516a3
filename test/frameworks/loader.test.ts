import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFrameworks } from '../../checks/engine/frameworks.js';
import { InputError } from '../../checks/errors.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A policy folder holding only the given framework files (name -> YAML object or text). */
function policyDir(files: Record<string, unknown>): string {
  const root = mkdtempSync(join(tmpdir(), 'fr-frameworks-'));
  roots.push(root);
  const dir = join(root, 'policies');
  mkdirSync(join(dir, 'frameworks'), { recursive: true });
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, 'frameworks', name), typeof body === 'string' ? body : stringify(body));
  return dir;
}

const control = (over: Record<string, unknown> = {}) => ({
  title: 'Boundary Protection',
  family: 'SC',
  sources: 'SP 800-53 Rev. 5 SC-7',
  evidence: ['TF', 'LIVE'],
  primaryEvidence: ['TF', 'LIVE'],
  policies: ['aws-default-sg-closed', { policy: 'aws-lb-waf-attached', scope: 'A web ACL is attached; its rules are not checked.' }],
  ...over,
});
const base = (over: Record<string, unknown> = {}) => ({
  framework: 'base',
  title: 'A base framework',
  version: '1',
  controlPattern: '^[A-Z]{2}-\\d+(\\(\\d+\\))?$',
  families: { SC: 'System and Communications Protection' },
  controls: { 'SC-7': control() },
  ...over,
});

function failure(dir: string): InputError {
  try {
    loadFrameworks(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).not.toContain('\n');
    return e as InputError;
  }
  throw new Error('expected the framework folder to be rejected');
}

describe('framework loader', () => {
  it('reads mappings with and without scope, and resolves extends field by field', () => {
    const dir = policyDir({
      'base.yaml': base(),
      'child.yaml': {
        framework: 'child',
        title: 'A child framework',
        version: '2',
        extends: 'base',
        profile: 'child.profile.yaml',
        controls: { 'SC-7': { parameters: 'any systems' }, 'SC-45': control({ title: 'System Time Synchronization', policies: [], evidence: ['ATT'], primaryEvidence: ['ATT'] }) },
      },
      'child.profile.yaml': 'securityLogMinDays: 365\n',
    });
    const fws = new Map(loadFrameworks(dir).map((f) => [f.framework, f]));
    const sc7 = fws.get('child')!.controls.find((c) => c.id === 'SC-7')!;
    expect(sc7.policies).toEqual(['aws-default-sg-closed', 'aws-lb-waf-attached']);
    expect(sc7.mappingScopes).toEqual({ 'aws-lb-waf-attached': 'A web ACL is attached; its rules are not checked.' });
    expect(sc7.parameters).toBe('any systems');
    expect(sc7.title).toBe('Boundary Protection');
    expect(fws.get('child')!.controls.map((c) => c.id)).toEqual(['SC-7', 'SC-45']);
    expect(fws.get('child')!.families).toEqual({ SC: 'System and Communications Protection' });
    expect(fws.get('child')!.profile).toEqual({ securityLogMinDays: 365 });
    expect(fws.get('base')!.controls[0]!.parameters).toBeUndefined();
  });

  it.each([
    ['an unknown field of a control', { 'base.yaml': base({ controls: { 'SC-7': control({ severity: 'high' }) } }) }, /base\.yaml: \/controls\/SC-7: unknown field "severity"/],
    ['a mapping object without scope', { 'base.yaml': base({ controls: { 'SC-7': control({ policies: [{ policy: 'aws-default-sg-closed' }] }) } }) }, /base\.yaml: \/controls\/SC-7\/policies\/0/],
    ['a family that is not declared', { 'base.yaml': base({ controls: { 'SC-7': control({ family: 'XX' }) } }) }, /\/controls\/SC-7\/family: "XX" is not one of the families/],
    ['an id outside the control pattern', { 'base.yaml': base({ controls: { 'SC-7.1': control() } }) }, /\/controls\/SC-7\.1: id does not match controlPattern/],
    ['an id no framework may use', { 'base.yaml': base({ controls: { 'sc-7': control() } }) }, /base\.yaml: \/controls: must match pattern/],
    ['a framework id other than the file name', { 'base.yaml': base({ framework: 'other' }) }, /\/framework: "other" must equal the file name "base"/],
    ['an extends of no framework', { 'base.yaml': base({ extends: 'nowhere', families: undefined }) }, /\/extends: no framework "nowhere"/],
    ['an extends cycle', { 'a.yaml': { ...base({ framework: 'a', extends: 'b' }), families: undefined }, 'b.yaml': { ...base({ framework: 'b', extends: 'a' }), families: undefined } }, /extends this framework in turn/],
    ['an extending file that adds an incomplete control', { 'base.yaml': base(), 'c.yaml': { framework: 'c', title: 'Child c', version: '1', extends: 'base', controls: { 'SC-45': { title: 'Time' } } } }, /c\.yaml: .*SC-45.*\(after extends\)/],
    ['a profile parameter no schema knows', { 'base.yaml': base({ profile: 'base.profile.yaml' }), 'base.profile.yaml': 'logDays: 3\n' }, /base\.profile\.yaml: .*unknown field "logDays"/],
    ['a profile of the wrong type', { 'base.yaml': base({ profile: 'base.profile.yaml' }), 'base.profile.yaml': 'securityLogMinDays: forever\n' }, /base\.profile\.yaml: \/securityLogMinDays: must be integer/],
    ['a profile outside the policy folder', { 'base.yaml': base({ profile: '../../x.yaml' }) }, /\/profile: "..\/..\/x.yaml" must be inside the policy folder/],
    ['YAML that does not parse', { 'base.yaml': 'framework: [\n' }, /base\.yaml: not valid YAML/],
  ])('rejects %s, naming the file and pointer', (_name, files, re) => {
    expect(failure(policyDir(files as Record<string, unknown>)).message).toMatch(re);
  });
});
