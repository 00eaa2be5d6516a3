// `policies new --control --category` carries the FERPA mapping to the other frameworks the way the
// policies of the same FERPA controls are mapped, never beyond what the mapping rules allow.
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { proposePeerMappings } from '../../checks/authoring/peer-mappings.js';
import { coreLayout, scaffoldPolicy } from '../../checks/authoring/scaffold.js';
import { MAPPING_RULES, mappingViolation } from '../frameworks/mapping-rules.js';

const REPO = join(__dirname, '../..');
const FW = (f: string) => readFileSync(join(REPO, 'policies/frameworks', f), 'utf8');

function repoCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'frpeer-'));
  cpSync(join(REPO, 'policies'), join(root, 'policies'), { recursive: true });
  cpSync(join(REPO, 'reference-stack/terraform'), join(root, 'reference-stack/terraform'), { recursive: true });
  cpSync(join(REPO, 'reference-stack/mutations.yaml'), join(root, 'reference-stack/mutations.yaml'));
  mkdirSync(join(root, 'test/frameworks'), { recursive: true });
  cpSync(join(REPO, 'test/frameworks/mapping-rules.yaml'), join(root, 'test/frameworks/mapping-rules.yaml'));
  mkdirSync(join(root, 'fixtures'));
  return root;
}

const controlsMapping = (text: string, id: string): string[] =>
  Object.entries((parse(text) as { controls: Record<string, { policies?: string[] }> }).controls)
    .filter(([, c]) => (c.policies ?? []).includes(id))
    .map(([k]) => k)
    .sort();

describe('peer mappings', () => {
  it('proposes the controls that map the peers and that the rules let the new policy evidence', () => {
    // the walk-through's policy: its instance twin aws-rds-copy-tags-to-snapshot is a peer under FERPA-GOV-01
    const policy = { id: 'aws-rds-cluster-copy-tags-example', category: 'governance' };
    const p = proposePeerMappings(FW('ferpa.yaml'), ['FERPA-GOV-01', 'FERPA-DEL-02'], FW('nist-800-53-moderate.yaml'), policy, MAPPING_RULES);
    expect(p.controls.length).toBeGreaterThan(0);
    for (const c of p.controls) expect(mappingViolation(c, policy), c).toBeUndefined();
    for (const c of p.refused) expect(mappingViolation(c, policy), c).toBeDefined();
    // every proposed control maps at least one policy of those FERPA controls
    const peers = new Set(['FERPA-GOV-01', 'FERPA-DEL-02'].flatMap((c) => (parse(FW('ferpa.yaml')) as { controls: Record<string, { policies: string[] }> }).controls[c]!.policies));
    const nist = (parse(FW('nist-800-53-moderate.yaml')) as { controls: Record<string, { policies?: string[] }> }).controls;
    for (const c of p.controls) expect((nist[c]!.policies ?? []).some((x) => peers.has(x)), c).toBe(true);
  });

  it('a policy whose category no peer control accepts gets no proposal, only refusals', () => {
    const p = proposePeerMappings(FW('ferpa.yaml'), ['FERPA-ENC-01'], FW('soc2.yaml'), { id: 'aws-zz-example', category: 'retention' }, MAPPING_RULES);
    expect(p.controls).toEqual([]);
    expect(p.refused.length).toBeGreaterThan(0);
  });

  it('the scaffold writes the proposals into nist-800-53-moderate.yaml and soc2.yaml, touching only policies lists', () => {
    const root = repoCopy();
    const before = { nist: readFileSync(join(root, 'policies/frameworks/nist-800-53-moderate.yaml'), 'utf8'), soc2: readFileSync(join(root, 'policies/frameworks/soc2.yaml'), 'utf8') };
    const r = scaffoldPolicy({ id: 'aws-rds-cluster-copy-tags-example', kind: 'aws.rds.cluster', controls: ['FERPA-GOV-01', 'FERPA-DEL-02'], severity: 'info', category: 'governance' }, coreLayout(root));
    expect(r.edited).toEqual(['policies/frameworks/ferpa.yaml', 'policies/frameworks/nist-800-53-moderate.yaml', 'policies/frameworks/soc2.yaml', 'reference-stack/mutations.yaml']);
    for (const [name, file] of [['nist', 'nist-800-53-moderate.yaml'], ['soc2', 'soc2.yaml']] as const) {
      const after = readFileSync(join(root, 'policies/frameworks', file), 'utf8');
      const added = controlsMapping(after, 'aws-rds-cluster-copy-tags-example');
      expect(added.length, file).toBeGreaterThan(0);
      for (const c of added) expect(mappingViolation(c, { id: 'aws-rds-cluster-copy-tags-example', category: 'governance' }), c).toBeUndefined();
      // nothing but the policies lists changed
      const strip = (t: string) => (parse(t) as { controls: Record<string, { policies?: string[] }> });
      const a = strip(after);
      for (const c of Object.values(a.controls)) if (c.policies) c.policies = c.policies.filter((x) => x !== 'aws-rds-cluster-copy-tags-example');
      expect(a).toEqual(strip(before[name]));
    }
    expect(r.notes.filter((n) => n.startsWith('mapped in'))).toHaveLength(2);
  });

  it('without --category it proposes nothing and says how to get the proposal', () => {
    const root = repoCopy();
    const r = scaffoldPolicy({ id: 'aws-rds-cluster-nocat-example', kind: 'aws.rds.cluster', controls: ['FERPA-GOV-01'] }, coreLayout(root));
    expect(r.edited).toEqual(['policies/frameworks/ferpa.yaml', 'reference-stack/mutations.yaml']);
    expect(r.notes.join('\n')).toMatch(/rerun with --category/);
  });
});
