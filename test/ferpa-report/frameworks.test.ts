// The readiness report for every framework of the catalog (issue 17): the same model and renderers,
// organised by that framework's controls, titled by its name, with attestations and waivers keyed by
// its controls and a crosswalk to the FERPA and 800-53 controls the same policies evidence.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { policyMeta } from '../../checks/cli/context.js';
import type { Attestation, Finding } from '../../checks/engine/types.js';
import { buildReport, crosswalkFrameworks, type FerpaReport, type ReportFramework } from '../../reports/ferpa/model.js';
import { renderFerpaHtml } from '../../reports/ferpa/html.js';
import { renderFerpaMarkdown } from '../../reports/ferpa/markdown.js';
import { finding, input, NOW, results } from './sample.js';

const catalog = loadCatalog();
const META = policyMeta(catalog.policies);
const IDS = ['ferpa', 'nist-800-53-moderate', 'fedramp-moderate', 'soc2'];
const fw = (id: string): ReportFramework => catalog.frameworks.get(id)!;
const NAMES: Record<string, string> = { ferpa: 'FERPA', 'nist-800-53-moderate': 'NIST SP 800-53 Moderate', 'fedramp-moderate': 'FedRAMP Moderate', soc2: 'SOC 2' };

/** The ids of every framework that maps this policy, as a scan with every --framework writes them. */
function frameworksOf(policyId: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const id of IDS) {
    const controls = fw(id).controls.filter((c) => c.policies.includes(policyId)).map((c) => c.id);
    if (controls.length) out[id] = controls;
  }
  return out;
}

function scanned(policyId: string, status: Finding['status'], address: string, extra: Partial<Parameters<typeof finding>[0]> = {}): Finding {
  const f = finding({ policyId, status, address, controls: frameworksOf(policyId).ferpa ?? [], ...extra });
  return { ...f, frameworks: frameworksOf(policyId) };
}

// A FedRAMP run of a small stack: a log group under AU-11's floor fails, a backup plan passes, a load
// balancer's deletion protection (a policy 800-53 does not map) passes, an Aurora floor is waived.
const WAIVER = { policy: 'aws-rds-cluster-backup-retention-floor', resource: 'aws_rds_cluster.main', reason: 'RDS keeps automated backups 35 days at most; AWS Backup keeps seven years', owner: 'platform', expires: '2027-11-30' };
const RUN = results(
  [
    scanned('aws-log-group-retention-floor', 'fail', 'aws_cloudwatch_log_group.audit', { severity: 'medium' }),
    scanned('aws-backup-plan-retention-bounded', 'pass', 'aws_backup_plan.daily', { severity: 'medium' }),
    scanned('aws-lb-deletion-protection', 'pass', 'aws_lb.api', { severity: 'low' }),
    scanned('aws-rds-cluster-backup-retention-floor', 'waived', 'aws_rds_cluster.main', { severity: 'medium', waiver: { ...WAIVER, expired: false } }),
  ],
  { frameworks: [{ id: 'fedramp-moderate', title: fw('fedramp-moderate').title, version: fw('fedramp-moderate').version }], waivers: [WAIVER] },
);
const CA8: Attestation = { framework: 'fedramp-moderate', control: 'CA-8', statement: 'Annual penetration test by an independent assessor', attestedBy: 'CISO', date: '2026-09-15', document: 'PT-2026', expires: '2027-09-15' };
const IR01: Attestation = { control: 'FERPA-IR-01', statement: 'Incident response plan, tested', attestedBy: 'CISO', date: '2026-10-01', document: 'IRP-2026', expires: '2027-10-01' };

function report(id: string): FerpaReport {
  return buildReport([input(RUN, 'fedramp.json')], fw(id), META, { now: NOW, attestations: [CA8, IR01], crosswalk: crosswalkFrameworks(catalog.frameworks) });
}
const control = (r: FerpaReport, id: string) => r.controls.find((c) => c.id === id)!;

describe.each(IDS)('the %s readiness report', (id) => {
  const r = report(id);

  it('is organised by every control of that framework, and its title and headings name the framework', () => {
    expect(r.framework).toMatchObject({ id, name: NAMES[id] });
    expect(r.controls.map((c) => c.id)).toEqual(fw(id).controls.map((c) => c.id));
    expect(r.summary.families.map((f) => f.id)).toEqual(Object.keys(fw(id).families).filter((f) => fw(id).controls.some((c) => c.family === f)));
    const html = renderFerpaHtml(r);
    expect(html).toContain(`<title>${NAMES[id]} readiness report</title>`);
    expect(html).toContain(`<h1>${NAMES[id]} readiness report</h1>`);
    expect(renderFerpaMarkdown(r).split('\n')[0]).toBe(`# ${NAMES[id]} readiness report`);
    for (const c of fw(id).controls) expect(html, c.id).toContain(`id="${c.id}"`);
  });

  it('places each finding under the controls of this framework that map its policy', () => {
    const floor = RUN.findings[0]!;
    const expected = frameworksOf(floor.policyId)[id] ?? [];
    expect(expected.length).toBeGreaterThan(0);
    for (const c of r.controls) {
      const has = c.evidence.some((e) => e.findingId === floor.id);
      expect(has, `${c.id}`).toBe(expected.includes(c.id));
    }
    for (const cid of expected) expect(control(r, cid).status).toBe('not-ready');
  });

  it('counts an attestation only in the report of its framework (no framework: FERPA)', () => {
    const ca8 = r.attestations.find((a) => a.control === 'CA-8');
    const ir01 = r.attestations.find((a) => a.control === 'FERPA-IR-01');
    if (id === 'fedramp-moderate') {
      expect(control(r, 'CA-8').status).toBe('attested');
      expect(ca8?.state).toBe('valid');
    } else expect(ca8?.attestation ?? null).toBeNull();
    if (id === 'ferpa') {
      expect(control(r, 'FERPA-IR-01').status).toBe('attested');
      expect(ir01?.state).toBe('valid');
    } else expect(ir01).toBeUndefined();
    // nist-800-53-moderate has no CA-8 (FedRAMP adds it): a FedRAMP attestation is not a note there either
    expect(r.notes.join(' ')).not.toMatch(/not a control of this framework/);
  });

  it('lists each waiver with the controls of this framework it touches', () => {
    expect(r.waivers).toHaveLength(1);
    expect(r.waivers[0]!.controls).toEqual([...(frameworksOf(WAIVER.policy)[id] ?? [])].sort());
    expect(r.waivers[0]!.controls.length).toBeGreaterThan(0);
  });

  it('notes results judged with another framework\'s profile, and findings of policies this framework does not map', () => {
    const judged = r.notes.some((n) => /judged with the parameter profile of fedramp-moderate, not with/.test(n));
    expect(judged).toBe(id !== 'fedramp-moderate');
    const unmapped = r.notes.find((n) => /maps to no control/.test(n));
    if (frameworksOf('aws-lb-deletion-protection')[id]) expect(unmapped).toBeUndefined();
    else expect(unmapped).toContain('aws-lb-deletion-protection');
  });

  it('crosswalks each control to exactly the FERPA and 800-53 controls that share a policy with it', () => {
    const x = r.crosswalk!;
    expect(x.frameworks.map((f) => f.id)).toEqual(['ferpa', 'nist-800-53-moderate']);
    expect(x.rows.map((row) => row.control)).toEqual(r.controls.map((c) => c.id));
    for (const row of x.rows) {
      const mine = new Set(control(r, row.control).policies.map((p) => p.id));
      for (const other of ['ferpa', 'nist-800-53-moderate']) {
        const expected = fw(other)
          .controls.filter((o) => !(other === id && o.id === row.control) && o.policies.some((p) => mine.has(p)))
          .map((o) => ({ id: o.id, policies: o.policies.filter((p) => mine.has(p)).sort() }));
        expect(row.related[other]!.map((m) => ({ id: m.id, policies: m.policies })), `${row.control} -> ${other}`).toEqual(expected);
      }
      if (!mine.size) expect(Object.values(row.related).flat()).toEqual([]);
    }
  });
});

describe('crosswalk, by example', () => {
  it("FedRAMP's AU-11 shares the log-retention floor with FERPA-LOG-05 and with 800-53's AU-11", () => {
    const row = report('fedramp-moderate').crosswalk!.rows.find((x) => x.control === 'AU-11')!;
    expect(row.related.ferpa!.map((m) => m.id)).toContain('FERPA-LOG-05');
    expect(row.related['nist-800-53-moderate']!.map((m) => m.id)).toContain('AU-11');
    expect(row.related.ferpa!.find((m) => m.id === 'FERPA-LOG-05')!.policies).toContain('aws-log-group-retention-floor');
    expect(row.findings).toBe(1);
  });

  it('an attestation-only control crosswalks to nothing and says so', () => {
    const r = report('soc2');
    const attOnly = r.controls.find((c) => c.policies.length === 0)!;
    const row = r.crosswalk!.rows.find((x) => x.control === attOnly.id)!;
    expect(Object.values(row.related).flat()).toEqual([]);
    expect(renderFerpaMarkdown(r)).toMatch(new RegExp(`\\| ${attOnly.id.replace(/[.()]/g, '\\$&')} \\| 0 \\| 0 \\| _attestation only_ \\| _attestation only_ \\|`));
  });

  it('without crosswalk frameworks the section is absent', () => {
    const r = buildReport([input(RUN)], fw('soc2'), META, { now: NOW });
    expect(r.crosswalk).toBeNull();
    expect(renderFerpaHtml(r)).not.toContain('id="crosswalk"');
  });
});
