// Guidance for controls that need evidence no scan produces: kept as data in the framework
// (attestationGuidance, validated by policies/schema/framework.schema.json) and shown in the report
// for the controls that still need evidence.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadFramework } from '../../checks/engine/catalog.js';
import { InputError } from '../../checks/errors.js';
import { showsGuidance } from '../../reports/ferpa/guidance.js';
import { buildReport } from '../../reports/ferpa/model.js';
import { renderFerpaHtml } from '../../reports/ferpa/html.js';
import { renderFerpaMarkdown } from '../../reports/ferpa/markdown.js';
import { ATT_GOV02, frameworkFromFile, input, META, mixedResults, NOW } from './sample.js';

const REPO = join(__dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'ferpa-guidance-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A control needs guidance when part of its evidence is an attestation or application tests, or no policy evidences it. */
const needsGuidance = (c: { evidence: string[]; policies: string[] }) => c.evidence.includes('ATT') || c.evidence.includes('APP') || c.policies.length === 0;

describe('the framework carries guidance for every control that needs evidence', () => {
  const fw = loadFramework();

  it('each such control says what to attest, which documents, who signs and how often', () => {
    const needing = fw.controls.filter(needsGuidance);
    for (const id of ['FERPA-IR-01', 'FERPA-ACC-01', 'FERPA-ACC-02', 'FERPA-LOG-04', 'FERPA-DEL-01']) expect(needing.map((c) => c.id)).toContain(id);
    expect(needing.length).toBeGreaterThanOrEqual(20);
    for (const c of needing) {
      const g = c.attestationGuidance;
      expect(g, c.id).toBeDefined();
      expect(g!.attest, c.id).toMatch(/\S.{40,}/);
      expect(g!.documents.length, c.id).toBeGreaterThan(0);
      for (const d of g!.documents) expect(d, c.id).toMatch(/\S.{4,}/);
      expect(g!.signer, c.id).toMatch(/\S.{2,}/);
      expect(g!.frequency, c.id).toMatch(/\S.{2,}/);
    }
  });

  it('the framework file is validated: guidance without a signer, or a misspelt field, is an input error naming the place', () => {
    const text = readFileSync(join(REPO, 'policies/frameworks/ferpa.yaml'), 'utf8');
    const broken = (mutate: (s: string) => string) => {
      const dir = mkdtempSync(join(tmp, 'fw-'));
      cpSync(join(REPO, 'policies/frameworks'), join(dir, 'frameworks'), { recursive: true });
      const next = mutate(text);
      expect(next).not.toBe(text);
      writeFileSync(join(dir, 'frameworks/ferpa.yaml'), next);
      return () => loadFramework(dir);
    };
    const noSigner = broken((s) => s.replace(/\n {6}signer: "Privacy officer"\n/, '\n'));
    expect(noSigner).toThrow(InputError);
    expect(noSigner).toThrow(/\/controls\/FERPA-LOG-04\/attestationGuidance: must have required property 'signer'/);
    const typo = broken((s) => s.replace('  FERPA-DEL-01:\n', '  FERPA-DEL-01:\n    attestationGuidence: {}\n'));
    expect(typo).toThrow(/\/controls\/FERPA-DEL-01: unknown field "attestationGuidence"/);
    const noDocs = broken((s) => s.replace(/(FERPA-IAM-01:[\s\S]*?documents:)\n(?: {8}- .*\n)+/, '$1 []\n'));
    expect(noDocs).toThrow(/FERPA-IAM-01\/attestationGuidance\/documents: must NOT have fewer than 1 items/);
  });

  it('the test helper reads the same guidance as the loader', () => {
    const raw = parseYaml(readFileSync(join(REPO, 'policies/frameworks/ferpa.yaml'), 'utf8')) as { controls: Record<string, { attestationGuidance?: unknown }> };
    for (const c of frameworkFromFile().controls) expect(c.attestationGuidance).toEqual(raw.controls[c.id]!.attestationGuidance);
  });
});

describe('the report shows guidance for controls that need evidence', () => {
  const fw = frameworkFromFile();
  const model = buildReport([input(mixedResults())], fw, META, { now: NOW, attestations: [ATT_GOV02] });
  const html = renderFerpaHtml(model);
  const md = renderFerpaMarkdown(model);
  const article = (id: string) => {
    const start = html.indexOf(`<article class="control" id="${id}"`);
    return html.slice(start, html.indexOf('</article>', start));
  };

  it('controls that need evidence show it (per control and in the attestations section); attested ones do not', () => {
    const shown = model.controls.filter(showsGuidance);
    for (const id of ['FERPA-IR-01', 'FERPA-ACC-01', 'FERPA-ACC-02', 'FERPA-LOG-04', 'FERPA-DEL-01']) {
      const c = model.controls.find((x) => x.id === id)!;
      expect(c.status, id).toBe('needs-evidence');
      expect(shown.map((x) => x.id)).toContain(id);
      const a = article(id);
      expect(a, id).toContain('<h4>Evidence to supply</h4>');
      expect(a, id).toContain(c.guidance!.signer);
      expect(a, id).toContain(c.guidance!.frequency);
      for (const d of c.guidance!.documents) expect(a, id).toContain(d);
      const esc = (t: string) => t.replace(/[|`[\]*_~!#]/g, (x) => `\\${x}`);
      expect(md).toContain(`- **Evidence to supply:** ${esc(c.guidance!.attest)}`);
      // Whole in both places (the Markdown table once cut documents off).
      expect(md).toContain(`  - Documents to attach: ${c.guidance!.documents.map(esc).join('; ')}`);
      expect(md).toContain(`| ${c.guidance!.documents.map(esc).join('<br>')} |`);
    }
    // FERPA-GOV-02 has a valid attestation: attested, no guidance block.
    const gov02 = model.controls.find((x) => x.id === 'FERPA-GOV-02')!;
    expect(gov02.status).toBe('attested');
    expect(showsGuidance(gov02)).toBe(false);
    expect(article('FERPA-GOV-02')).not.toContain('Evidence to supply');
    // The summary table lists exactly the controls that show guidance.
    const table = html.slice(html.indexOf('<table class="supply">'), html.indexOf('</table>', html.indexOf('<table class="supply">')));
    expect([...table.matchAll(/<a href="#(FERPA-[A-Z]+-\d+)">/g)].map((m) => m[1])).toEqual(shown.map((c) => c.id));
  });

  it('a ready control with a required attestation still missing shows guidance; with the attestation it does not', () => {
    const c = { status: 'ready' as const, guidance: { attest: 'x', documents: ['y'], signer: 'z', frequency: 'w' } };
    expect(showsGuidance({ ...c, attestation: { state: 'missing', required: true } })).toBe(true);
    expect(showsGuidance({ ...c, attestation: { state: 'valid', required: true } })).toBe(false);
    expect(showsGuidance({ ...c, attestation: { state: 'not-required', required: false } })).toBe(false);
    expect(showsGuidance({ ...c, status: 'needs-evidence', guidance: null, attestation: { state: 'not-required', required: false } })).toBe(false);
  });
});
