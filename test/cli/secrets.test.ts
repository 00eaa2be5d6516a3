import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run.js';

// A plan holding a sensitive master password and credentials in a task definition's environment:
// none of the values may appear in any output format (DESIGN.md, "No secrets in output").
const PLAN = join(__dirname, 'fixtures/secrets.plan.json');
const SECRETS = ['Sup3rS3cret-Plan-Value-7781', 'Spring-Term-Env-Secret-4412', 'AKIAQWERTYUIOPASDFGH'];

describe('secrets never reach any output', () => {
  const out = mkdtempSync(join(tmpdir(), 'frsecrets-'));
  const r = cli([
    'scan',
    PLAN,
    '--format',
    'text',
    '--verbose',
    '--format',
    `json=${join(out, 'r.json')}`,
    '--format',
    `sarif=${join(out, 'r.sarif')}`,
    '--format',
    `junit=${join(out, 'r.xml')}`,
    '--format',
    `markdown=${join(out, 'r.md')}`,
    '--format',
    `html=${join(out, 'r.html')}`,
    '--format',
    `pdf=${join(out, 'r.pdf')}`,
  ]);

  it('the scan ran and found the plaintext credentials', () => {
    expect(r.stderr).not.toMatch(/internal error/);
    expect([0, 1]).toContain(r.code);
    const results = JSON.parse(readFileSync(join(out, 'r.json'), 'utf8')) as { findings: Array<{ policyId: string; status: string }> };
    expect(results.findings.some((f) => f.policyId === 'aws-ecs-no-plaintext-secrets-in-environment' && f.status === 'fail')).toBe(true);
    expect(results.findings.some((f) => f.policyId === 'aws-rds-master-password-managed' && f.status === 'fail')).toBe(true);
  });

  it.each(['stdout', 'stderr', 'r.json', 'r.sarif', 'r.xml', 'r.md', 'r.html', 'r.pdf (text)'])('%s holds none of the secret values', (name) => {
    let text: string;
    if (name === 'stdout') text = r.stdout;
    else if (name === 'stderr') text = r.stderr;
    else if (name.startsWith('r.pdf')) text = execFileSync('pdftotext', [join(out, 'r.pdf'), '-'], { encoding: 'utf8' });
    else text = readFileSync(join(out, name), 'utf8');
    if (name !== 'stderr') expect(text.length).toBeGreaterThan(0);
    for (const s of SECRETS) expect(text, `${name} leaks ${s.slice(0, 4)}...`).not.toContain(s);
  });

  it('wrote every format', () => {
    expect(readdirSync(out).sort()).toEqual(['r.html', 'r.json', 'r.md', 'r.pdf', 'r.sarif', 'r.xml']);
  });
});
