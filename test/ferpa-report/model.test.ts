import { describe, expect, it } from 'vitest';
import { buildReport, trendPointOf, type FerpaReport } from '../../reports/ferpa/model.js';
import { ATT_GOV02, ATT_PER01_EXPIRED, finding, input, META, mixedResults, NOW, results, smallFramework } from './sample.js';

function statusOf(r: FerpaReport, id: string) {
  const c = r.controls.find((x) => x.id === id);
  if (!c) throw new Error(`no control ${id}`);
  return c;
}

describe('control status rules', () => {
  const report = buildReport([input(mixedResults())], smallFramework(), META, { now: NOW, attestations: [ATT_GOV02, ATT_PER01_EXPIRED] });

  it('any failing finding makes a control not ready, even with passes beside it', () => {
    const c = statusOf(report, 'FERPA-ENC-01');
    expect(c.status).toBe('not-ready');
    expect(c.counts).toMatchObject({ fail: 1, pass: 1 });
    expect(c.reason).toMatch(/1 failing finding/);
  });

  it('all passing findings make a control ready, and pass findings are kept as evidence with their values', () => {
    const c = statusOf(report, 'FERPA-NET-02');
    expect(c.status).toBe('ready');
    expect(c.evidence).toHaveLength(1);
    expect(c.evidence[0]).toMatchObject({ status: 'pass', resource: 'aws_s3_bucket.records', values: { 'publicAccessBlock.blockPublicAcls': true } });
  });

  it('an unknown finding needs evidence (never ready)', () => {
    const c = statusOf(report, 'FERPA-NET-03');
    expect(c.status).toBe('needs-evidence');
    expect(c.reason).toMatch(/live verification/);
  });

  it('a control whose only non-pass findings are waived is waived', () => {
    const c = statusOf(report, 'FERPA-GOV-03');
    expect(c.status).toBe('waived');
    expect(c.counts).toMatchObject({ waived: 1, pass: 1 });
  });

  it('an attestation-only control with a valid attestation is attested', () => {
    const c = statusOf(report, 'FERPA-GOV-02');
    expect(c.status).toBe('attested');
    expect(c.attestation.state).toBe('valid');
    expect(c.attestation.attestation?.attestedBy).toBe('CISO Dana Smith');
  });

  it('an expired attestation does not attest: the control needs evidence and the gap is listed', () => {
    const c = statusOf(report, 'FERPA-PER-01');
    expect(c.status).toBe('needs-evidence');
    expect(c.attestation.state).toBe('expired');
    const row = report.attestations.find((a) => a.control === 'FERPA-PER-01');
    expect(row?.state).toBe('expired');
  });

  it('passing automated checks are not enough when an attestation is primary evidence', () => {
    const c = statusOf(report, 'FERPA-BAK-02');
    expect(c.counts.pass).toBe(1);
    expect(c.status).toBe('needs-evidence');
    expect(c.attestation.state).toBe('missing');
    const withAtt = buildReport([input(mixedResults())], smallFramework(), META, {
      now: NOW,
      attestations: [{ control: 'FERPA-BAK-02', statement: 'Restore tested', attestedBy: 'SRE', date: '2026-10-01', document: 'restore.md' }],
    });
    expect(statusOf(withAtt, 'FERPA-BAK-02').status).toBe('ready');
  });

  it('a control with no findings and no attestation needs evidence', () => {
    const r = buildReport([input(results([]))], smallFramework(), META, { now: NOW });
    for (const c of r.controls) expect(c.status).toBe('needs-evidence');
    expect(r.summary.overall).toBe('needs-evidence');
  });

  it('an input the scan could not read keeps the report from being ready, and is named in the scope and notes', () => {
    const fw = smallFramework();
    const one = { ...fw, controls: fw.controls.filter((c) => c.id === 'FERPA-NET-02') };
    const pass = finding({ policyId: 'p-s3-bpa', status: 'pass', address: 'aws_s3_bucket.records', controls: ['FERPA-NET-02'], kind: 'aws.s3.bucket' });
    expect(buildReport([input(results([pass]))], one, META, { now: NOW }).summary.overall).toBe('ready');
    const broken = results([pass], { inputs: [{ kind: 'plan', path: 'plan.json', sha256: 'a'.repeat(64) }, { kind: 'hcl', path: 'envs/billing', sha256: 'b'.repeat(64), error: 'envs/billing/main.tf:1:30: Unclosed configuration block' }] });
    const r = buildReport([input(broken)], one, META, { now: NOW });
    expect(r.summary.overall).toBe('needs-evidence');
    expect(r.notes.join(' ')).toMatch(/envs\/billing could not be read, so nothing in it was checked and the report cannot be ready/);
    expect(r.scope.inputs.find((i) => i.path === 'envs/billing')?.error).toMatch(/Unclosed configuration block/);
  });

  it('evidence older than maxEvidenceAgeDays keeps the report from being ready: a live snapshot by its collection, results by when written', () => {
    const fw = smallFramework();
    const one = { ...fw, controls: fw.controls.filter((c) => c.id === 'FERPA-NET-02') };
    const pass = finding({ policyId: 'p-s3-bpa', status: 'pass', address: 'aws_s3_bucket.records', controls: ['FERPA-NET-02'], kind: 'aws.s3.bucket' });
    const live = (collected: string) => [{ kind: 'live' as const, path: 'snapshot.json', sha256: 'c'.repeat(64), time: collected }];
    // a snapshot collected 20 days before the report, rescanned two days ago: within the default 30 days
    expect(buildReport([input(results([pass], { inputs: live('2026-11-02T08:00:00.000Z') }))], one, META, { now: NOW }).summary.overall).toBe('ready');
    // collected in June and rescanned this week: the results are fresh, the account's state is not
    const june = buildReport([input(results([pass], { inputs: live('2026-06-01T08:00:00.000Z') }))], one, META, { now: NOW });
    expect(june.summary.overall).toBe('needs-evidence');
    expect(june.notes.join(' ')).toMatch(/snapshot\.json \(live snapshot collected\) 2026-06-01, 174 days before this report; the profile accepts evidence up to 30 days old \(maxEvidenceAgeDays\)/);
    // results written long ago (a plan scanned in the spring): stale too; the profile in those results sets the bound
    const spring = results([pass], { generatedAt: '2026-04-01T00:00:00Z' });
    expect(buildReport([input(spring)], one, META, { now: NOW }).summary.overall).toBe('needs-evidence');
    const lenient = results([pass], { generatedAt: '2026-04-01T00:00:00Z', profile: { ...spring.profile!, maxEvidenceAgeDays: 365 } });
    expect(buildReport([input(lenient)], one, META, { now: NOW }).summary.overall).toBe('ready');
  });

  it('summary counts controls by status and per family', () => {
    expect(report.summary.controls).toEqual({ 'not-ready': 1, 'needs-evidence': 3, waived: 1, attested: 1, ready: 1 });
    expect(report.summary.overall).toBe('not-ready');
    const gov = report.summary.families.find((f) => f.id === 'GOV')!;
    expect(gov).toMatchObject({ total: 2, readyPercent: 50 });
    expect(report.summary.findings.fail.high).toBe(1);
    expect(report.summary.findings.pass.critical).toBe(1);
  });
});

describe('attestation expiry follows the injected clock', () => {
  it('the same attestation is valid before its expiry and expired after it', () => {
    const before = buildReport([input(results([]))], smallFramework(), META, { now: new Date('2027-05-31T23:00:00Z'), attestations: [ATT_GOV02] });
    const after = buildReport([input(results([]))], smallFramework(), META, { now: new Date('2027-06-02T00:00:00Z'), attestations: [ATT_GOV02] });
    expect(statusOf(before, 'FERPA-GOV-02').status).toBe('attested');
    expect(statusOf(after, 'FERPA-GOV-02').status).toBe('needs-evidence');
    expect(statusOf(after, 'FERPA-GOV-02').attestation.state).toBe('expired');
  });

  it('a newer valid attestation wins over an expired one; a future-dated one is not valid', () => {
    const fresh = { ...ATT_PER01_EXPIRED, date: '2026-09-01', expires: '2027-09-01', document: 'hr/training-2026.csv' };
    const r = buildReport([input(results([]))], smallFramework(), META, { now: NOW, attestations: [ATT_PER01_EXPIRED, fresh] });
    expect(statusOf(r, 'FERPA-PER-01').status).toBe('attested');
    expect(statusOf(r, 'FERPA-PER-01').attestation.attestation?.document).toBe('hr/training-2026.csv');
    const future = buildReport([input(results([]))], smallFramework(), META, { now: NOW, attestations: [{ ...fresh, date: '2027-01-01' }] });
    expect(statusOf(future, 'FERPA-PER-01').attestation.state).toBe('not-yet-valid');
    expect(statusOf(future, 'FERPA-PER-01').status).toBe('needs-evidence');
  });

  it('attestations carried in the results document count too; ones for unknown controls are noted', () => {
    const r = buildReport([input(results([], { attestations: [ATT_GOV02, { ...ATT_GOV02, control: 'FERPA-XYZ-09' }] }))], smallFramework(), META, { now: NOW });
    expect(statusOf(r, 'FERPA-GOV-02').status).toBe('attested');
    expect(r.attestations.find((a) => a.control === 'FERPA-XYZ-09')?.state).toBe('unknown-control');
    expect(r.notes.join(' ')).toMatch(/FERPA-XYZ-09/);
  });
});

describe('waivers', () => {
  const waived = finding({
    policyId: 'p-region',
    status: 'waived',
    address: 'aws_s3_bucket.eu',
    controls: ['FERPA-GOV-03'],
    waiver: { policy: 'p-region', resource: 'aws_s3_bucket.eu', reason: 'migration', owner: 'ops', expires: '2026-12-31', expired: false },
  });

  it('a waiver that has expired by the report date re-opens its finding as failing', () => {
    const live = buildReport([input(results([waived]))], smallFramework(), META, { now: new Date('2026-12-30T00:00:00Z') });
    expect(statusOf(live, 'FERPA-GOV-03').status).toBe('waived');
    expect(live.waivers[0]).toMatchObject({ state: 'active', waivedFindings: 1, reopenedFindings: 0, reason: 'migration', owner: 'ops' });

    const later = buildReport([input(results([waived]))], smallFramework(), META, { now: new Date('2027-01-01T00:00:00Z') });
    const c = statusOf(later, 'FERPA-GOV-03');
    expect(c.status).toBe('not-ready');
    expect(c.evidence[0]).toMatchObject({ status: 'fail', recordedStatus: 'waived', reopened: true });
    expect(later.waivers[0]).toMatchObject({ state: 'expired', waivedFindings: 0, reopenedFindings: 1 });
    expect(later.notes.join(' ')).toMatch(/expired waiver/);
  });

  it('a finding the engine already re-opened (expired waiver attached, status fail) is shown as re-opened', () => {
    const reopened = { ...waived, status: 'fail' as const, waiver: { ...waived.waiver!, expires: '2025-01-01', expired: true } };
    const r = buildReport([input(results([reopened]))], smallFramework(), META, { now: NOW });
    expect(statusOf(r, 'FERPA-GOV-03').status).toBe('not-ready');
    expect(r.waivers[0]).toMatchObject({ state: 'expired', reopenedFindings: 1 });
  });
});

describe('merging several results files', () => {
  it('collapses duplicates by id + source; the newest file wins; scope lists every input', () => {
    const older = results([finding({ policyId: 'p-sg', status: 'fail', address: 'aws_security_group.app', controls: ['FERPA-NET-03'] })], { generatedAt: '2026-11-01T00:00:00.000Z' });
    const newer = results(
      [
        finding({ policyId: 'p-sg', status: 'pass', address: 'aws_security_group.app', controls: ['FERPA-NET-03'] }),
        finding({ policyId: 'p-sg', status: 'pass', address: 'aws_security_group.app', controls: ['FERPA-NET-03'], source: 'live', account: '111122223333', region: 'us-east-1' }),
      ],
      { generatedAt: '2026-11-21T00:00:00.000Z', inputs: [{ kind: 'live', path: 'snapshot.json', sha256: 'a'.repeat(64), time: '2026-11-21T00:00:00.000Z' }] },
    );
    const r = buildReport([input(newer, 'new.json'), input(older, 'old.json')], smallFramework(), META, { now: NOW });
    const c = statusOf(r, 'FERPA-NET-03');
    expect(c.evidence).toHaveLength(2);
    expect(c.status).toBe('ready');
    expect(r.notes.join(' ')).toMatch(/newest results file decides/);
    expect(r.scope.inputs.map((i) => `${i.kind}:${i.path}`)).toEqual(['results:new.json', 'results:old.json', 'live:snapshot.json', 'plan:plan.json']);
    expect(r.scope.accounts).toEqual(['111122223333']);
    expect(r.scope.regions).toEqual(['us-east-1']);
    expect(r.scope.results.map((x) => x.path)).toEqual(['old.json', 'new.json']);
  });

  it('maps findings to controls by the framework policy lists as well as the finding\'s own controls', () => {
    const r = buildReport([input(results([finding({ policyId: 'p-rds-enc', status: 'fail', address: 'aws_db_instance.x', controls: [] })]))], smallFramework(), META, { now: NOW });
    expect(statusOf(r, 'FERPA-ENC-01').status).toBe('not-ready');
  });

  it('shows drift from results documents and the profile in force, noting profile conflicts', () => {
    const a = results([], {
      drift: [{ drift: 'changed', kind: 'aws.rds.instance', address: 'aws_db_instance.main', arn: null, attribute: 'storageEncrypted', planned: true, live: false, message: 'storage encryption differs' }],
    });
    const b = results([], { profile: { ...a.profile!, dispositionDays: 30 }, generatedAt: '2026-11-21T00:00:00.000Z' });
    const r = buildReport([input(a, 'a.json'), input(b, 'b.json')], smallFramework(), META, { now: NOW });
    expect(r.drift).toEqual([{ drift: 'changed', kind: 'aws.rds.instance', resource: 'aws_db_instance.main', attribute: 'storageEncrypted', planned: true, live: false, message: 'storage encryption differs' }]);
    expect(r.profile.conflicts).toEqual(['dispositionDays']);
    expect(r.profile.values?.dispositionDays).toBe(60);
    const none = buildReport([input(results([]))], smallFramework(), META, { now: NOW });
    expect(none.drift).toBeNull();
  });

  it('builds a trend from earlier reports, oldest first, ending with this report', () => {
    const first = buildReport([input(results([]))], smallFramework(), META, { now: new Date('2026-09-01T00:00:00Z') });
    const point = trendPointOf(JSON.parse(JSON.stringify(first)), 'september.json');
    expect(point).not.toBeNull();
    const r = buildReport([input(mixedResults())], smallFramework(), META, { now: NOW, history: [point!], previousReportSha256: 'f'.repeat(64) });
    expect(r.trend.map((p) => p.label)).toEqual(['september.json', 'this report']);
    expect(r.trend[0]!.counts['needs-evidence']).toBe(7);
    expect(r.trend[1]!.counts).toEqual(r.summary.controls);
    expect(r.integrity.previousReportSha256).toBe('f'.repeat(64));
    expect(trendPointOf({ hello: 1 }, 'x')).toBeNull();
  });
});

describe('the live evidence time a scan records', () => {
  it('a scanned snapshot is listed in the results with the time it was collected, not the time of the scan', async () => {
    const { scanPaths } = await import('../../checks/pipeline/scan.js');
    const { loadCatalog } = await import('../../checks/pipeline/catalog.js');
    const { defaultProfile } = await import('../../checks/engine/config.js');
    const file = new URL('../live/recorded/aws-defaults.json', import.meta.url).pathname;
    const config = { profile: defaultProfile(), policyDirs: [], disable: [], waivers: [], attestations: [] };
    const { results: r } = await scanPaths([file], { config, catalog: loadCatalog(), now: NOW });
    expect(r.inputs[0]).toMatchObject({ kind: 'live', time: '2026-01-10T08:00:00.000Z' });
    expect(r.generatedAt).toBe('2026-11-22T12:00:00Z');
    // and a report of those results says the account was read ten months before it
    const report = buildReport([input(r)], smallFramework(), META, { now: NOW });
    expect(report.summary.overall).not.toBe('ready');
    expect(report.notes.join(' ')).toMatch(/aws-defaults\.json \(live snapshot collected\) 2026-01-10, 316 days before this report/);
  });
});

describe('maxEvidenceAgeDays in the configuration', () => {
  it("the DPA's own bound is taken; zero, a fraction or text is exit 2 with one line naming the key", async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { loadConfig } = await import('../../checks/engine/config.js');
    const { cli } = await import('../cli/run.js');
    const root = (yaml: string): string => {
      const dir = mkdtempSync(join(tmpdir(), 'frage-'));
      writeFileSync(join(dir, '.ferpa-ready.yaml'), yaml);
      writeFileSync(join(dir, 'main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n');
      return dir;
    };
    expect(loadConfig(undefined, root('profile:\n  maxEvidenceAgeDays: 90\n')).profile.maxEvidenceAgeDays).toBe(90);
    expect(loadConfig(undefined, root('{}\n')).profile.maxEvidenceAgeDays).toBe(30);
    for (const bad of ['0', '7.5', '"30"']) {
      const r = cli(['scan', 'main.tf'], { cwd: root(`profile:\n  maxEvidenceAgeDays: ${bad}\n`) });
      expect(r.code, bad).toBe(2);
      expect(r.stderr.trim().split('\n'), bad).toHaveLength(1);
      expect(r.stderr).toMatch(/maxEvidenceAgeDays/);
    }
  });
});
