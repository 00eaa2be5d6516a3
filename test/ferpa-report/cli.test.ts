// `ferpa-ready report` through the real CLI (child process).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';
import { mixedResults } from './sample.js';

const dir = mkdtempSync(join(tmpdir(), 'ferpa-report-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ferpa-ready report', () => {
  it('a file that is not a results document exits 2 with one line naming the file', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: '1', findings: 'nope' }));
    const r = cli(['report', '--results', bad, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('bad.json');
    expect(r.stdout).toBe('');

    const notJson = join(dir, 'broken.json');
    writeFileSync(notJson, '{"schemaVersion": ');
    const r2 = cli(['report', '--results', notJson]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/broken\.json: not valid JSON/);

    const r3 = cli(['report', '--results', join(dir, 'missing.json')]);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toMatch(/missing\.json: cannot read results file/);
  });

  it('writes Markdown, JSON and HTML reports; attestations and history files feed the report', () => {
    const res = join(dir, 'results.json');
    writeFileSync(res, JSON.stringify(mixedResults()));
    const att = join(dir, 'att.yaml');
    writeFileSync(att, 'attestations:\n  - control: FERPA-PER-01\n    statement: Staff trained\n    attestedBy: HR Lead\n    date: "2026-10-01"\n    document: hr/2026.csv\n');
    const first = cli(['report', '--results', res, '--format', `json=${join(dir, 'first.json')}`], { env: { FERPA_READY_NOW: '2026-10-01T00:00:00Z' } });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const r = cli([
      'report', '--results', res, '--attestations', att, '--history', join(dir, 'first.json'),
      '--format', `markdown=${join(dir, 'r.md')}`, '--format', `json=${join(dir, 'r.json')}`, '--format', `html=${join(dir, 'r.html')}`,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const model = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(model.generatedAt).toBe('2026-11-22T00:00:00.000Z');
    expect(model.controls.find((c: { id: string }) => c.id === 'FERPA-PER-01').status).toBe('attested');
    expect(model.controls.find((c: { id: string }) => c.id === 'FERPA-ENC-01').status).toBe('not-ready');
    expect(model.trend).toHaveLength(2);
    expect(model.integrity.previousReportSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(model.scope.inputs[0]).toMatchObject({ kind: 'results', path: res });
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toMatch(/^# FERPA readiness report/);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('pdf needs a file name; a history file that is not a report is refused', () => {
    const res = join(dir, 'results2.json');
    writeFileSync(res, JSON.stringify(mixedResults()));
    const r = cli(['report', '--results', res, '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pdf: give a file name/);
    const h = cli(['report', '--results', res, '--history', res, '--format', `json=${join(dir, 'x.json')}`]);
    expect(h.code).toBe(2);
    expect(h.stderr).toMatch(/not a ferpa-ready JSON readiness report/);
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
  });
});
