import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Results } from '../../checks/engine/types.js';
import { SEVERITIES } from '../../checks/engine/types.js';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { motoEnv, startMoto, type Moto } from './moto.js';
import { BAD, GOOD, seedAccount } from './seed.js';

/**
 * Failed reads gate the audit (issue 11, item 4): the real CLI audits moto through a proxy that answers
 * every RDS, S3, EC2 and CloudTrail request with AWS's AccessDenied. Checks that could not be decided
 * make the exit 1 by default, and the output says how many and why; with --allow-errors (or
 * `allowErrors: true`) the exit is decided by failing findings alone. An endpoint that dies mid-audit
 * is exit 1 too, never 0.
 */
const bin = new URL('../../bin/ferpa-ready.js', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'fr-audit-gate-'));
// guard slice: moto's root user has no MFA and moto cannot give it one, so aws-account-root-mfa (critical)
// fails every moto audit; this test is about failed reads gating the exit, so that one policy is disabled.
const NO_ROOT_MFA = 'disable: [aws-account-root-mfa]\n';
writeFileSync(join(work, '.ferpa-ready.yaml'), NO_ROOT_MFA);
let moto: Moto;
let proxy: FaultProxy;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

// Asynchronous on purpose: this process serves the proxy, so it must not block on the child.
function audit(endpoint: string, args: string[], region = GOOD): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'audit', '--endpoint-url', endpoint, '--regions', region, '--quiet', ...args], {
      cwd: work,
      env: { ...process.env, FERPA_READY_NOW: '2026-11-22T00:00:00Z', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 170_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

const atOrAbove = (f: Finding, sev: string) => SEVERITIES.indexOf(f.severity) <= SEVERITIES.indexOf(sev as Finding['severity']);
const readJson = (name: string) => JSON.parse(readFileSync(join(work, name), 'utf8')) as Results;

let denied: Run;
let results: Results;

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  await seedAccount(moto.endpoint);
  proxy = await startFaultProxy(moto.endpoint, { deny: ['rds', 's3', 'ec2', 'cloudtrail'] });
  denied = await audit(proxy.endpoint, ['-f', 'text', '-f', 'json=denied.json', '-f', 'markdown=denied.md', '--fail-on', 'critical']);
  results = readJson('denied.json');
}, 240_000);

afterAll(async () => {
  await proxy?.stop();
  await moto?.stop();
});

describe('audit with whole services denied', () => {
  it('was really denied: every RDS, S3, EC2 and CloudTrail read failed, other services were read', () => {
    for (const s of ['rds', 's3', 'ec2', 'cloudtrail']) expect(proxy.seen.get(s), s).toBeGreaterThan(0);
    expect(proxy.forwarded).toBeGreaterThan(5);
    expect(results.findings.some((f) => f.status === 'pass')).toBe(true);
    expect(results.findings.filter((f) => f.status === 'error' && atOrAbove(f, 'critical')).length).toBeGreaterThan(0);
  });

  it('exits 1 by default although no failing finding reaches --fail-on', () => {
    expect(results.findings.filter((f) => f.status === 'fail' && atOrAbove(f, 'critical'))).toEqual([]);
    expect(denied.status, denied.stderr).toBe(1);
  });

  it('says how many checks could not be decided, why, and names the services it could not read', () => {
    const errors = results.findings.filter((f) => f.status === 'error').length;
    const lines = denied.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(new RegExp(`^Summary: .*\\b${errors} error\\b`));
    const why = lines.at(-2)!;
    expect(why).toMatch(new RegExp(`^${errors} checks could not be decided: `));
    expect(why).toMatch(/AccessDenied on rds:DescribeDBInstances \(us-east-1\) ×\d+/);
    expect(why).toMatch(/services with failed reads: ([\w-]+, )*cloudtrail, ([\w-]+, )*ec2, ([\w-]+, )*rds, ([\w-]+, )*s3\b/);
    const md = readFileSync(join(work, 'denied.md'), 'utf8');
    expect(md).toContain(`${errors} could not be read`);
    expect(md).toMatch(new RegExp(`${errors} checks could not be decided: .*AccessDenied on rds:DescribeDBInstances \\(us-east-1\\)`));
  });

  it('with --allow-errors (or allowErrors: true) the exit is decided by failing findings alone', async () => {
    const flag = await audit(proxy.endpoint, ['-f', 'json=allowed.json', '--fail-on', 'critical', '--allow-errors']);
    expect(flag.status, flag.stderr).toBe(0);
    expect(readJson('allowed.json').summary.error).toBe(results.summary.error);
    writeFileSync(join(work, 'partial.yaml'), `allowErrors: true\n${NO_ROOT_MFA}`);
    const cfg = await audit(proxy.endpoint, ['-f', 'json=cfg.json', '--fail-on', 'critical', '--config', 'partial.yaml']);
    expect(cfg.status, cfg.stderr).toBe(0);
    // the opt-out never excuses a failing finding: the broken region's KMS key does not rotate
    const broken = await audit(proxy.endpoint, ['-f', 'json=broken.json', '--fail-on', 'medium', '--allow-errors'], BAD);
    expect(readJson('broken.json').findings.filter((f) => f.status === 'fail' && atOrAbove(f, 'medium')).map((f) => f.policyId)).toContain('aws-kms-key-rotation-enabled');
    expect(broken.status, broken.stderr).toBe(1);
  }, 240_000);

  it('an error already open in the --baseline is not new and does not fail the run again', async () => {
    const again = await audit(proxy.endpoint, ['-f', 'json=again.json', '--fail-on', 'critical', '--baseline', 'denied.json']);
    expect(again.status, again.stderr).toBe(0);
    const doc = readJson('again.json');
    expect(doc.findings.filter((f) => f.status === 'error').every((f) => f.baseline)).toBe(true);
  }, 120_000);

  it('rejects a non-boolean allowErrors in the configuration (exit 2, naming the key)', async () => {
    writeFileSync(join(work, 'bad.yaml'), 'allowErrors: "yes"\n');
    const r = await audit(proxy.endpoint, ['--config', 'bad.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/bad\.yaml: .*allowErrors/);
  });
});

describe('audit whose endpoint dies after 6 requests', () => {
  it('exits 1 with the unread checks counted, never 0', async () => {
    const dying = await startFaultProxy(moto.endpoint, { dieAfter: 6 });
    try {
      const r = await audit(dying.endpoint, ['-f', 'text', '-f', 'json=died.json', '--fail-on', 'critical']);
      expect(dying.forwarded).toBe(6);
      const doc = readJson('died.json');
      expect(doc.summary.error).toBeGreaterThan(0);
      expect(doc.findings.filter((f) => f.status === 'fail' && atOrAbove(f, 'critical'))).toEqual([]);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stdout).toMatch(/checks could not be decided: NetworkError on /);
    } finally {
      await dying.stop();
    }
  }, 240_000);
});
