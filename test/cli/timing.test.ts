// FERPA_READY_TIMING (checks/util/timing.ts): a scan says on stderr where its time went, the policies it
// lists are ones that judged something, and the results are byte for byte those of an untimed scan.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { timingReport } from '../../checks/util/timing.js';
import { cli, REPO } from './run.js';

const STACK = join(REPO, 'examples/broken-stack');

describe('FERPA_READY_TIMING', () => {
  it('prints the phases and the slowest policies, and changes no result', () => {
    const d = mkdtempSync(join(tmpdir(), 'ferpa-ready-timing-'));
    const plain = cli(['scan', STACK, '--format', `json=${join(d, 'plain.json')}`]);
    const timed = cli(['scan', STACK, '--format', `json=${join(d, 'timed.json')}`], { env: { FERPA_READY_TIMING: '3' } });
    expect(plain.code).toBe(1);
    expect(timed.code).toBe(plain.code);
    expect(plain.stderr).not.toMatch(/^timing:/m);
    expect(readFileSync(join(d, 'timed.json'), 'utf8')).toBe(readFileSync(join(d, 'plain.json'), 'utf8'));

    const report = timed.stderr.slice(timed.stderr.indexOf('timing:'));
    expect(report).toMatch(/^timing: \d+\.\d ms since the process started$/m);
    for (const phase of ['read and evaluate the HCL', 'model the resources', 'link the model', 'evaluate the policies', 'render and write json']) {
      expect(report).toMatch(new RegExp(`^ +\\d+\\.\\d ms +\\d+\\.\\d%  ${phase}$`, 'm'));
    }
    const listed = [...report.matchAll(/%  ([a-z0-9-]+) \((\d+) findings/g)].map((m) => ({ id: m[1]!, findings: Number(m[2]) }));
    expect(listed).toHaveLength(3);
    // Each listed policy judged resources of this scan: its finding count is the results' count for it.
    const results = JSON.parse(readFileSync(join(d, 'timed.json'), 'utf8')) as { findings: Array<{ policyId: string }> };
    for (const p of listed) expect(results.findings.filter((f) => f.policyId === p.id).length).toBe(p.findings);
  });

  it('a report without policies still accounts for the whole run', () => {
    const text = timingReport(100);
    expect(text).toMatch(/^timing: 100\.0 ms since the process started$/m);
    expect(text).toMatch(/100\.0%  the rest/);
  });
});
