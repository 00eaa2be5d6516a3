import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Results } from '../../checks/engine/types.js';
import { applyBaseline, baselineIndex, newFindings, newOnlyView, parseBaseline } from '../../checks/pipeline/baseline.js';
import { InputError } from '../../checks/errors.js';
import { schemaValidator } from '../../checks/util/schemas.js';
import { cli, FAIL_PLAN } from './helpers.js';

function f(id: string, status: Finding['status'], severity: Finding['severity'] = 'high'): Finding {
  return {
    id,
    policyId: 'aws-s3-sse-kms',
    status,
    severity,
    category: 'encryption',
    controls: ['FERPA-ENC-01'],
    resource: { kind: 'aws.s3.bucket', address: `aws_s3_bucket.${id}`, arn: null, file: 'main.tf', line: 1 },
    message: `${id} ${status}`,
    evidence: {},
    source: 'plan',
  };
}

function doc(findings: Finding[]): Results {
  const summary = { pass: 0, fail: 0, unknown: 0, waived: 0, error: 0 };
  for (const x of findings) summary[x.status]++;
  return { schemaVersion: '1', tool: { name: 'ferpa-ready', version: '0.1.0' }, generatedAt: '2026-11-22T00:00:00Z', inputs: [], findings, summary };
}

describe('baseline (pure)', () => {
  const base = doc([f('a', 'fail'), f('b', 'unknown'), f('c', 'pass'), f('d', 'waived')]);
  const now = doc([f('a', 'fail'), f('b', 'fail'), f('c', 'fail'), f('d', 'fail'), f('e', 'fail'), f('p', 'pass')]);

  it('marks only findings open in the baseline with the same status', () => {
    const marked = applyBaseline(now, baselineIndex(base, 'base.json'));
    const flags = Object.fromEntries(marked.findings.map((x) => [x.id, Boolean(x.baseline)]));
    // a: fail -> fail (old); b: unknown -> fail (new information); c: pass -> fail (regression); d: waived -> fail (waiver gone); e: new
    expect(flags).toEqual({ a: true, b: false, c: false, d: false, e: false, p: false });
    expect(newFindings(marked).map((x) => x.id)).toEqual(['b', 'c', 'd', 'e', 'p']);
    expect(now.findings.some((x) => x.baseline)).toBe(false); // input not modified
  });

  it('the new-only view recounts the summary and says what it left out', () => {
    const view = newOnlyView(applyBaseline(now, baselineIndex(base, 'base.json')), 'base.json');
    expect(view.summary).toEqual({ pass: 1, fail: 4, unknown: 0, waived: 0, error: 0 });
    expect(view.diagnostics?.at(-1)?.message).toMatch(/1 finding already open in the baseline base\.json not listed \(1 fail\)/);
    const untouched = newOnlyView(now);
    expect(untouched).toBe(now);
  });

  it('rejects files that are not results documents, naming the file', () => {
    expect(() => parseBaseline('not json', 'prev.json')).toThrow(InputError);
    expect(() => parseBaseline('not json', 'prev.json')).toThrow(/prev\.json: baseline is not valid JSON/);
    expect(() => parseBaseline('[]', 'prev.json')).toThrow(/prev\.json: .*results document/);
    expect(() => parseBaseline('{"runs":[]}', 'prev.json')).toThrow(/no "findings" list/);
    expect(() => parseBaseline('{"findings":[{"status":"fail"}]}', 'prev.json')).toThrow(/\/findings\/0/);
  });
});

describe('scan --baseline (CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fr-baseline-'));
  const basePath = join(dir, 'previous-results.json');
  let base: Results;

  beforeAll(() => {
    const r = cli(['scan', FAIL_PLAN, '--format', `json=${basePath}`, '--format', 'text']);
    expect(r.code).toBe(1);
    base = JSON.parse(readFileSync(basePath, 'utf8'));
    expect(base.summary.fail).toBeGreaterThan(2);
  });

  it('with everything in the baseline: exit 0, PR comment has no failing table, JSON keeps and marks them', () => {
    const md = join(dir, 'same.md');
    const js = join(dir, 'same.json');
    const r = cli(['scan', FAIL_PLAN, '--baseline', basePath, '--format', `markdown=${md}`, '--format', `json=${js}`, '--format', 'text']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const comment = readFileSync(md, 'utf8');
    expect(comment).not.toMatch(/### Failing/);
    expect(comment).toMatch(/already open in the baseline/);
    expect(r.stdout).not.toMatch(/^FAIL/m);
    const out = JSON.parse(readFileSync(js, 'utf8')) as Results;
    expect(out.findings).toHaveLength(base.findings.length);
    const open = out.findings.filter((x) => x.status === 'fail' || x.status === 'unknown');
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((x) => x.baseline === true)).toBe(true);
    expect(out.findings.filter((x) => x.status === 'pass').every((x) => x.baseline === undefined)).toBe(true);
    const validate = schemaValidator('reports/schema/results.schema.json');
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
  });

  it('a finding missing from the baseline is new: it fails the run and is the only failing row', () => {
    const high = base.findings.find((x) => x.status === 'fail' && x.severity === 'high')!;
    const trimmed = { ...base, findings: base.findings.filter((x) => x.id !== high.id) };
    const trimmedPath = join(dir, 'trimmed.json');
    writeFileSync(trimmedPath, JSON.stringify(trimmed));
    const md = join(dir, 'new.md');
    const r = cli(['scan', FAIL_PLAN, '--baseline', trimmedPath, '--format', `markdown=${md}`, '--fail-on', 'high']);
    expect(r.code).toBe(1);
    const comment = readFileSync(md, 'utf8');
    expect(comment).toMatch(/### Failing \(1\)/);
    expect(comment).toContain(high.policyId.replace(/-/g, '-'));
    // a medium-only new finding does not trip --fail-on high
    const medium = base.findings.find((x) => x.status === 'fail' && x.severity === 'medium')!;
    writeFileSync(trimmedPath, JSON.stringify({ ...base, findings: base.findings.filter((x) => x.id !== medium.id) }));
    expect(cli(['scan', FAIL_PLAN, '--baseline', trimmedPath, '--fail-on', 'high', '--format', `json=${join(dir, 'x.json')}`]).code).toBe(0);
  });

  it('a bad baseline file is exit 2 with one line naming it', () => {
    const bad = join(dir, 'bad-baseline.json');
    writeFileSync(bad, '{"hello": 1}');
    const r = cli(['scan', FAIL_PLAN, '--baseline', bad, '--format', `json=${join(dir, 'y.json')}`]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/bad-baseline\.json: baseline is not a ferpa-ready results document/);
    const missing = cli(['scan', FAIL_PLAN, '--baseline', join(dir, 'nope.json'), '--format', `json=${join(dir, 'z.json')}`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: file not found/);
  });
});
