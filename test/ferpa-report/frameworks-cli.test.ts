// `ferpa-ready report --framework` and attestations keyed by framework, through the real CLI.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';
import { mixedResults } from './sample.js';

const dir = mkdtempSync(join(tmpdir(), 'fw-report-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const res = join(dir, 'results.json');
writeFileSync(res, JSON.stringify(mixedResults()));

function att(lines: string): string {
  const f = join(dir, `att-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(f, `attestations:\n${lines}`);
  return f;
}

describe('report --framework', () => {
  it('writes the SOC 2 report: its title, its controls, an attestation keyed by SOC 2, the crosswalk', () => {
    const a = att('  - framework: soc2\n    control: CC7.4\n    statement: Incident response plan exercised\n    attestedBy: CISO\n    date: "2026-10-01"\n    document: IRP-2026\n');
    const r = cli(['report', '--results', res, '--framework', 'soc2', '--attestations', a, '--format', `json=${join(dir, 'soc2.json')}`, '--format', `markdown=${join(dir, 'soc2.md')}`]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const model = JSON.parse(readFileSync(join(dir, 'soc2.json'), 'utf8'));
    expect(model.framework).toMatchObject({ id: 'soc2', name: 'SOC 2' });
    expect(model.controls.map((c: { id: string }) => c.id)).toContain('CC6.1');
    expect(model.controls.find((c: { id: string }) => c.id === 'CC7.4').attestation.state).toBe('valid');
    expect(model.crosswalk.frameworks.map((f: { id: string }) => f.id)).toEqual(['ferpa', 'nist-800-53-moderate']);
    const md = readFileSync(join(dir, 'soc2.md'), 'utf8');
    expect(md.split('\n')[0]).toBe('# SOC 2 readiness report');
    expect(md).toContain('## Crosswalk');
    expect(md).toContain('Evidence for a SOC 2 readiness review, not legal advice.');
  });

  it('defaults to FERPA, and a FERPA attestation does not count in another framework\'s report', () => {
    const a = att('  - control: FERPA-PER-01\n    statement: Staff trained before access\n    attestedBy: HR Lead\n    date: "2026-10-01"\n    document: hr/2026.csv\n');
    const ferpa = cli(['report', '--results', res, '--attestations', a, '--format', 'json']);
    expect(ferpa.code).toBe(0);
    const m = JSON.parse(ferpa.stdout);
    expect(m.framework.id).toBe('ferpa');
    expect(m.controls.find((c: { id: string }) => c.id === 'FERPA-PER-01').status).toBe('attested');
    const nist = JSON.parse(cli(['report', '--results', res, '--attestations', a, '--framework', 'nist-800-53-moderate', '--format', 'json']).stdout);
    expect(nist.attestations.map((x: { control: string }) => x.control)).not.toContain('FERPA-PER-01');
    expect(nist.notes.join('\n')).toMatch(/judged with the parameter profile of ferpa \(a scan without --framework\), not with nist-800-53-moderate's/);
  });

  it('usage errors are one line and exit 2: an unknown framework, two frameworks, a history report of another framework', () => {
    const unknown = cli(['report', '--results', res, '--framework', 'hipaa']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^ferpa-ready: --framework: unknown framework "hipaa" \(one of fedramp-moderate, ferpa, nist-800-53-moderate, soc2\)\n$/);
    const two = cli(['report', '--results', res, '--framework', 'soc2', '--framework', 'ferpa']);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/one --framework per report \(got soc2, ferpa\)/);
    const hist = join(dir, 'ferpa-history.json');
    expect(cli(['report', '--results', res, '--format', `json=${hist}`]).code).toBe(0);
    const mixed = cli(['report', '--results', res, '--framework', 'soc2', '--history', hist, '--format', 'json']);
    expect(mixed.code).toBe(2);
    expect(mixed.stdout).toBe('');
    expect(mixed.stderr.trim().split('\n')).toHaveLength(1);
    expect(mixed.stderr).toContain('ferpa-history.json: a ferpa readiness report; this report is for soc2');
    // the same history for a FERPA report is accepted
    expect(cli(['report', '--results', res, '--history', hist, '--format', 'json']).code).toBe(0);
  });
});

describe('attestations keyed by framework control', () => {
  const conf = (lines: string) => {
    const f = join(dir, `conf-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(f, `attestations:\n${lines}`);
    return f;
  };
  const tf = join(dir, 'main.tf');
  writeFileSync(tf, 'resource "aws_cloudwatch_log_group" "a" {\n  name              = "/a"\n  retention_in_days = 30\n}\n');

  it('a control of the named framework is accepted, and the scan results keep the framework', () => {
    const c = conf('  - framework: nist-800-53-moderate\n    control: SC-8(1)\n    statement: TLS everywhere, reviewed yearly\n    attestedBy: CISO\n    date: "2026-10-01"\n    document: tls-review\n');
    const r = cli(['scan', tf, '--config', c, '--format', 'json']);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(doc.attestations).toEqual([{ framework: 'nist-800-53-moderate', control: 'SC-8(1)', statement: 'TLS everywhere, reviewed yearly', attestedBy: 'CISO', date: '2026-10-01', document: 'tls-review' }]);
  });

  it('a control that is not one of the framework\'s, an unknown framework, or a non-FERPA id without framework: exit 2, one line', () => {
    const cases: Array<[string, RegExp]> = [
      ['  - framework: soc2\n    control: AC-2\n    statement: Accounts reviewed quarterly\n    attestedBy: CISO\n    date: "2026-10-01"\n    document: review\n', /attestation of AC-2 \(CISO, 2026-10-01\): "AC-2" is not a control of soc2$/m],
      ['  - framework: hipaa\n    control: AC-2\n    statement: Accounts reviewed quarterly\n    attestedBy: CISO\n    date: "2026-10-01"\n    document: review\n', /attestation of AC-2 \(CISO, 2026-10-01\): no framework "hipaa" \(one of fedramp-moderate, ferpa, nist-800-53-moderate, soc2\)$/m],
      ['  - control: FERPA-XYZ-09\n    statement: Something attested here\n    attestedBy: CISO\n    date: "2026-10-01"\n    document: doc\n', /"FERPA-XYZ-09" is not a control of ferpa \(give framework: for another framework's control\)$/m],
      ['  - control: AC-2\n    statement: Accounts reviewed quarterly\n    attestedBy: CISO\n    date: "2026-10-01"\n    document: review\n', /\/attestations\/0\/control: must match pattern "\^FERPA-/],
    ];
    for (const [lines, msg] of cases) {
      const r = cli(['scan', tf, '--config', conf(lines), '--format', 'json']);
      expect(r.code, lines).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n'), lines).toHaveLength(1);
      expect(r.stderr, lines).toMatch(msg);
    }
    // the same check for a separate attestations file given to report
    const bad = att('  - framework: fedramp-moderate\n    control: CC6.1\n    statement: Logical access reviewed\n    attestedBy: CISO\n    date: "2026-10-01"\n    document: review\n');
    const r = cli(['report', '--results', res, '--attestations', bad, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/att-[a-z0-9]+\.yaml: attestation of CC6\.1 \(CISO, 2026-10-01\): "CC6\.1" is not a control of fedramp-moderate/);
  });
});
