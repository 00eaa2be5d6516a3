// Every scan format for results of tens of thousands of findings (issue 12: the text output died with
// `Maximum call stack size exceeded` at 20,000 resources; Markdown, SARIF and JUnit took 78 s). Here
// each one must finish and be well-formed, counted back from its own output; and the pieces the CLI
// writes must join to exactly the string the renderer returns. No timing is asserted (that is `npm run
// bench scale`); the per-test timeout only keeps a hang from holding the run.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Finding, Results, Status } from '../../checks/engine/types.js';
import { render, renderChunks } from '../../reports/index.js';
import { finding, META } from './sample.js';

const N = 30_000;
const STATUSES: Status[] = ['pass', 'fail', 'pass', 'unknown', 'fail', 'error', 'pass', 'waived'];
const POLICIES = META.map((m) => m.id);
const LONG = 10 * 60_000;

/** Findings of a few policies over many buckets: thousands per policy, as a real large plan gives. */
function bigResults(n: number): Results {
  const findings: Finding[] = [];
  for (let i = 0; i < n; i++) {
    const status = STATUSES[i % STATUSES.length]!;
    const policyId = POLICIES[i % POLICIES.length]!;
    const address = `module.m${i % 97}.aws_s3_bucket.b${i}`;
    findings.push(
      finding({
        policyId,
        status,
        severity: (['critical', 'high', 'medium', 'low', 'info'] as const)[i % 5],
        address,
        message: `${address}: ${status === 'fail' ? 'not met: buckets are encrypted (serverSideEncryption = none)' : status}`,
        resource: { kind: 'aws.s3.bucket', address, arn: null, file: `modules/m${i % 97}/main.tf`, line: (i % 300) + 1 },
        evidence: { 'serverSideEncryption.algorithm': i % 2 ? 'aws:kms' : null, versioning: i % 3 === 0, tags: { DataClassification: 'student-data' } },
        ...(status === 'waived' ? { waiver: { policy: policyId, reason: 'bench <&> "waiver"', owner: 'ops', expires: '2099-01-01', expired: false } } : {}),
      }),
    );
  }
  const summary = { pass: 0, fail: 0, unknown: 0, waived: 0, error: 0 };
  for (const f of findings) summary[f.status]++;
  return { schemaVersion: '1', tool: { name: 'ferpa-ready', version: '0.1.0', catalogVersion: '2026.1' }, generatedAt: '2026-11-22T00:00:00Z', inputs: [{ kind: 'plan', path: 'plan.json', sha256: '0'.repeat(64) }], findings, summary };
}

describe(`every scan format for ${N.toLocaleString('en-US')} findings`, () => {
  const results = bigResults(N);
  const count = (s: Status) => results.findings.filter((f) => f.status === s).length;
  const open = N - count('pass');

  it('json: parses back to every finding, in the canonical order, and the pieces join to the string', { timeout: LONG }, () => {
    const out = render('json', results, META);
    const doc = JSON.parse(out) as { findings: Array<{ id: string; status: Status }>; summary: Record<Status, number> };
    expect(doc.findings).toHaveLength(N);
    expect(new Set(doc.findings.map((f) => f.id)).size).toBe(N);
    expect(doc.summary.fail).toBe(count('fail'));
    const pieces = [...renderChunks('json', results, META)];
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(out);
  });

  it('sarif: one result per finding that is not a pass, each pointing at a rule', { timeout: LONG }, () => {
    const out = render('sarif', results, META);
    const log = JSON.parse(out) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; ruleIndex: number; suppressions?: unknown[] }> }> };
    const run = log.runs[0]!;
    expect(run.results).toHaveLength(open);
    expect(run.results.filter((r) => r.suppressions).length).toBe(count('waived'));
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expect([...renderChunks('sarif', results, META)].join('')).toBe(out);
  });

  it('junit: well-formed XML with one testcase per finding and the right failure counts', { timeout: LONG }, () => {
    const out = render('junit', results, META);
    expect(XMLValidator.validate(out)).toBe(true);
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) });
    const doc = parser.parse(out) as { testsuites: { tests: string; failures: string; testsuite: Array<{ name: string; tests: string; testcase: Array<{ failure?: unknown }> }> } };
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s) => s.name)).toEqual([...POLICIES].sort());
    expect(suites.reduce((n, s) => n + s.testcase.length, 0)).toBe(N);
    expect(Number(doc.testsuites.tests)).toBe(N);
    expect(suites.reduce((n, s) => n + s.testcase.filter((t) => t.failure !== undefined).length, 0)).toBe(count('fail'));
    for (const s of suites) expect(s.testcase).toHaveLength(Number(s.tests));
    expect([...renderChunks('junit', results, META)].join('')).toBe(out);
  });

  it('markdown: the counts table and capped sections add up', { timeout: LONG }, () => {
    const out = render('markdown', results, META);
    expect(out).toContain(`### Failing (${count('fail')})`);
    expect(out).toContain(`... and ${count('fail') - 50} more.`);
    const row = out.split('\n').find((l) => l.startsWith('| fail |'))!;
    expect(Number(row.split('|').at(-2)!.trim())).toBe(count('fail'));
    expect([...renderChunks('markdown', results, META)].join('')).toBe(out);
  });

  it('gitlab-sast: one vulnerability per failing finding', { timeout: LONG }, () => {
    const out = render('gitlab-sast', results, META);
    expect((JSON.parse(out) as { vulnerabilities: unknown[] }).vulnerabilities).toHaveLength(count('fail'));
    expect([...renderChunks('gitlab-sast', results, META)].join('')).toBe(out);
  });

  it('text (verbose): one line per finding, each naming its resource once', { timeout: LONG }, () => {
    const out = render('text', results, META, { verbose: true });
    const lines = out.split('\n').filter((l) => l.startsWith('  ') && / module\.m\d+\.aws_s3_bucket\.b\d+ /.test(l));
    expect(lines).toHaveLength(N);
    for (const l of lines.slice(0, 500)) expect(l.match(/aws_s3_bucket\.b\d+/g)).toHaveLength(1);
    expect(out.trimEnd().split('\n').at(-1)).toBe(`Summary: ${count('fail')} fail, ${count('error')} error, ${count('unknown')} unknown, ${count('waived')} waived, ${count('pass')} pass of ${N} findings`);
    expect([...renderChunks('text', results, META, { verbose: true })].join('')).toBe(out);
  });
});

describe('more findings than a spread can pass as arguments', () => {
  // Math.max(...list) overflowed the call stack from about 130,000 items (the text renderer's column width).
  it('text renders 160,000 findings', { timeout: LONG }, () => {
    const results = bigResults(160_000);
    const text = render('text', results, META);
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/ of 160000 findings \(pass findings not listed; use --verbose\)$/);
  });
});
