// The export, verify and keygen commands as a user runs them, with the PDF printed by the system
// Chromium (missing Chromium or pdftotext FAILS these tests, it does not skip them).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from '../../reports/ferpa/pdf.js';
import { openLocalStore } from '../../checks/store/local.js';
import { cli } from '../cli/run.js';
import { alterOneByte, finding, members, results, rezip, tempDir } from './helpers.js';

const SECRETS = ['AKIAIOSFODNN7EXAMPLE', 'pl4nted-cli-master-pw-1180', 'pl4nted-cli-ecs-pw-2291'];

describe('ferpa-ready export / verify <bundle> / keygen', () => {
  it('exports a signed bundle with a PDF, verifies it, catches tampering and a wrong key; same inputs give the same bytes', { timeout: 300_000 }, async () => {
    // Fails with a clear message when Chromium is missing (the PDF is part of the bundle).
    chromiumPath(process.env);
    const dir = tempDir('cli');
    const keys = join(dir, 'keys');
    const kg = cli(['keygen', '--out', keys], { cwd: dir });
    expect(kg.code, kg.stderr).toBe(0);
    const priv = join(keys, 'ferpa-ready-signing-key.pem');
    const pub = join(keys, 'ferpa-ready-signing-key.pub.pem');
    expect(existsSync(priv) && existsSync(pub)).toBe(true);
    expect(cli(['keygen', '--out', keys], { cwd: dir }).code).toBe(2);
    const otherKg = cli(['keygen', '--out', join(dir, 'other')], { cwd: dir });
    expect(otherKg.code).toBe(0);

    const snap = Buffer.from(
      `${JSON.stringify({ version: '1', resources: [{ type: 'AWS::RDS::DBInstance', arn: 'arn:aws:rds:us-east-1:111122223333:db:s', region: 'us-east-1', account: '111122223333', data: { MasterUserPassword: SECRETS[1] } }] }, null, 2)}\n`,
    );
    writeFileSync(join(dir, 'snapshot.json'), snap);
    const store = openLocalStore(join(dir, 'store'));
    const sha = createHash('sha256').update(snap).digest('hex');
    await store.append(results([finding('aws-rds-instance-encrypted-with-cmk', 'aws_db_instance.a', 'pass')], '2026-11-20T00:00:00Z'));
    await store.append(
      results(
        [
          finding('aws-rds-instance-encrypted-with-cmk', 'aws_db_instance.a', 'fail', {
            evidence: { accessKeyId: SECRETS[0], environment: [{ name: 'DB_PASSWORD', value: SECRETS[2] }] },
          }),
        ],
        '2026-11-21T00:00:00Z',
        [{ kind: 'live', path: 'snapshot.json', sha256: sha }],
      ),
    );
    writeFileSync(join(dir, 'att.yaml'), 'attestations:\n  - { control: FERPA-GOV-02, statement: Staff complete FERPA training yearly, attestedBy: CISO, date: 2026-06-01, document: training.pdf }\n');

    const args = ['export', '--store', 'store', '--snapshot', 'snapshot.json', '--attestations', 'att.yaml', '--sign-key', priv];
    const e1 = cli([...args, '--out', 'e1.zip'], { cwd: dir });
    expect(e1.code, e1.stderr).toBe(0);
    expect(e1.stdout).toMatch(/^wrote e1\.zip: \d+ members, 2 runs .* signed \(key [0-9a-f]{16}…\); sha256 [0-9a-f]{64}\n$/);
    expect(e1.stderr).toMatch(/redacted/);
    const e2 = cli([...args, '--out', 'e2.zip'], { cwd: dir });
    expect(e2.code, e2.stderr).toBe(0);
    const zip1 = readFileSync(join(dir, 'e1.zip'));
    expect(Buffer.compare(zip1, readFileSync(join(dir, 'e2.zip')))).toBe(0);

    const m = members(zip1);
    const pdf = m.get('report/readiness-report.pdf');
    expect(pdf && Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    writeFileSync(join(dir, 'report.pdf'), pdf!);
    const txt = spawnSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
    if (txt.error) throw new Error(`pdftotext (poppler-utils) is required for this test: ${txt.error.message}`);
    expect(txt.stdout).toContain('FERPA-GOV-02');
    for (const [name, data] of m) for (const s of SECRETS) expect(Buffer.from(data).toString('latin1').includes(s), `${s} in ${name}`).toBe(false);
    for (const s of SECRETS) expect(txt.stdout.includes(s)).toBe(false);
    expect(m.has('snapshots/snapshot.json')).toBe(true);

    const ok = cli(['verify', 'e1.zip', '--public-key', pub], { cwd: dir });
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^bundle verified: \d+ members match the manifest; chain holds over 2 runs .*; signature valid/);
    const json = cli(['verify', 'e1.zip', '--public-key', pub, '--format', 'json'], { cwd: dir });
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, signature: 'valid', runs: 2 });

    const wrong = cli(['verify', 'e1.zip', '--public-key', join(dir, 'other', 'ferpa-ready-signing-key.pub.pem')], { cwd: dir });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/^bundle FAILED at manifest\.sig: /);

    const t = new Map(m);
    t.set('report/readiness-report.pdf', alterOneByte(pdf!));
    writeFileSync(join(dir, 'tampered.zip'), rezip(t));
    const bad = cli(['verify', 'tampered.zip'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^bundle FAILED at report\/readiness-report\.pdf: was altered/);
  });

  it('bad input exits 2 with one line; a broken store chain exits 1 without writing a bundle', async () => {
    const dir = tempDir('cli-bad');
    writeFileSync(join(dir, 'text.zip'), 'not a zip at all\n');
    const notZip = cli(['verify', 'text.zip'], { cwd: dir });
    expect(notZip.code).toBe(2);
    expect(notZip.stderr).toMatch(/^ferpa-ready: text\.zip: not a zip file/);
    const missing = cli(['verify', 'missing.zip'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('ferpa-ready: missing.zip: cannot read evidence bundle (ENOENT)\n');
    expect(cli(['export', '--store', 'store', '--out', 'e.txt'], { cwd: dir }).code).toBe(2);
    writeFileSync(join(dir, 'key.pem'), 'not a key\n');
    const badKey = cli(['export', '--store', 'store', '--out', 'e.zip', '--sign-key', 'key.pem', '--no-pdf'], { cwd: dir });
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toMatch(/^ferpa-ready: key\.pem: not a PEM private key/);

    const store = openLocalStore(join(dir, 'store'));
    const run = await store.append(results([finding('aws-rds-instance-encrypted-with-cmk', 'aws_db_instance.a', 'fail')], '2026-11-20T00:00:00Z'));
    const file = join(dir, 'store', run.id, 'results.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"fail"', '"pass"'));
    const broken = cli(['export', '--store', 'store', '--out', 'e.zip', '--no-pdf'], { cwd: dir });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`hash chain breaks at ${run.id}`);
    expect(existsSync(join(dir, 'e.zip'))).toBe(false);
  });
});
