// `npm run demo` (scripts/demo.sh), run as a user runs it, into a temporary folder: it ends 0, writes
// every format including the HTML and PDF readiness report, says where each file went, and the report
// shows the broken stack's failing controls with totals equal to the scan's.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Results } from '../../checks/engine/types.js';

const REPO = join(__dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'ferpa-demo-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run demo', () => {
  it('ends 0, explains the expected failure, and writes report.html and report.pdf with failing controls', () => {
    const r = spawnSync('bash', ['scripts/demo.sh'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, FERPA_READY_DEMO_OUT: out }, timeout: 280_000 });
    expect(r.error).toBeUndefined();
    expect(r.status, r.stderr).toBe(0);
    const files = ['report.html', 'report.pdf', 'results.json', 'results.sarif', 'junit.xml', 'pr-comment.md'];
    for (const f of files) {
      expect(existsSync(join(out, f)), f).toBe(true);
      expect(r.stdout, f).toContain(`${out}/${f}`);
    }
    expect(r.stdout).toMatch(/As intended: the reference stack passes, and all \d+ failing findings \(\d+ FERPA controls\) are the deliberate mistakes in examples\/broken-stack/);

    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Results;
    expect(results.inputs.map((i) => i.path)).toEqual(['reference-stack/terraform/environments/mvp', 'reference-stack/terraform/environments/production', 'examples/broken-stack']);
    expect(results.summary.fail).toBeGreaterThan(0);

    // The HTML report: failing controls, and per-status totals equal to the results document's.
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const notReady = [...html.matchAll(/<article class="control" id="(FERPA-[A-Z]+-\d+)"[^>]*><header>.*?<span class="pill"[^>]*>Not ready<\/span>/g)].map((m) => m[1]);
    expect(notReady.length).toBeGreaterThan(0);
    expect(notReady).toContain('FERPA-NET-03');
    const totals = Object.fromEntries([...html.matchAll(/data-total="(\w+)">(\d+)</g)].map((m) => [m[1], Number(m[2])]));
    expect(totals).toEqual(results.summary);

    // The PDF: a real PDF whose text has the failing control, page numbers and the running header.
    const pdf = readFileSync(join(out, 'report.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = spawnSync('pdftotext', ['-layout', join(out, 'report.pdf'), '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (text.error) throw new Error(`pdftotext (poppler-utils) is required for this test: ${text.error.message}`);
    expect(text.stdout).toMatch(/Page 1 of \d+/);
    expect(text.stdout).toContain('FERPA-NET-03');
    expect(text.stdout).toMatch(/Not ready/);
    expect(text.stdout).toContain('FERPA readiness report · 3 inputs: broken-stack, mvp, production');
  }, 300_000);
});
