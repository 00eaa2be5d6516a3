import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, REPO } from './run.js';

// Credentials found in Terraform (provider keys, user data plain and base64, a function environment)
// and in a live snapshot that kept raw environment values: every output format names where they are,
// none holds a value, nor the base64 form of one (issue 12, item 4).
const FIXTURE = join(REPO, 'fixtures/aws-no-plaintext-credentials-in-config/fail');
const LAUNCH_SCRIPT = '#!/bin/bash\necho "LMS_API_TOKEN=lms_7c2e9a41f0d8b3e6" >> /etc/sis-worker.env\nsystemctl start sis-worker\n';
const SECRETS = [
  'AKIAZ7EXAMPLE4FERPA0',
  'q8Rv2LmX0pTz5nWc7YbK1sHd4Fj6Ga9EuQ3oIeNt',
  '3f9c1e7a2b6d4e8f9a0b1c2d3e4f5a6b',
  'Fall-Term-2026-Roster!',
  'lms_7c2e9a41f0d8b3e6',
  Buffer.from(LAUNCH_SCRIPT).toString('base64').slice(0, 40),
  'Raw-Live-Env-Password-5127',
  'AKIAQ3PROBE7FERPA9X2',
];

const SNAPSHOT = {
  snapshotVersion: '1',
  tool: { name: 'other-exporter', version: '1' },
  collectedAt: '2026-11-20T00:00:00Z',
  account: { id: '111122223333', partition: 'aws' },
  regions: ['us-east-1'],
  resources: [
    {
      type: 'AWS::ECS::TaskDefinition',
      arn: 'arn:aws:ecs:us-east-1:111122223333:task-definition/sis-api:4',
      region: 'us-east-1',
      account: '111122223333',
      data: {
        family: 'sis-api',
        containerDefinitions: [{ name: 'api', environment: [{ name: 'DB_PASSWORD', value: 'Raw-Live-Env-Password-5127' }, { name: 'UPSTREAM_KEY_ID', value: 'AKIAQ3PROBE7FERPA9X2' }] }],
        tags: {},
      },
    },
  ],
  accountSettings: [],
  calls: [],
  errors: [],
};

describe('credentials never reach any output format', () => {
  const out = mkdtempSync(join(tmpdir(), 'frcreds-out-'));
  const snap = join(out, 'live.json');
  writeFileSync(snap, JSON.stringify(SNAPSHOT));
  const formats = ['json=r.json', 'sarif=r.sarif', 'junit=r.xml', 'markdown=r.md', 'gitlab-sast=r.gl.json', 'html=r.html', 'pdf=r.pdf'];
  const r = cli(['scan', FIXTURE, join(FIXTURE, 'plan.json'), snap, '--verbose', '--format', 'text', ...formats.flatMap((f) => ['--format', f.replace('=', `=${out}/`)])]);

  it('found every credential, each block at its own address, in all three sources', () => {
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(1);
    const results = JSON.parse(readFileSync(join(out, 'r.json'), 'utf8')) as { findings: Array<{ policyId: string; status: string; source: string; resource: { address: string | null; arn: string | null } }> };
    const failing = results.findings.filter((f) => f.status === 'fail' && (f.policyId === 'aws-no-plaintext-credentials-in-config' || f.policyId === 'aws-ecs-no-plaintext-secrets-in-environment'));
    const where = failing.map((f) => `${f.source} ${f.resource.address ?? f.resource.arn}`).sort();
    expect(where).toEqual([
      'hcl aws_instance.sftp',
      'hcl aws_lambda_function.roster_sync',
      'hcl aws_launch_template.workers',
      'hcl provider.aws',
      'live arn:aws:ecs:us-east-1:111122223333:task-definition/sis-api:4',
      'plan aws_instance.sftp',
      'plan aws_lambda_function.roster_sync',
      'plan aws_launch_template.workers',
      'plan provider.aws',
    ]);
  });

  it.each(['stdout', 'stderr', 'r.json', 'r.sarif', 'r.xml', 'r.md', 'r.gl.json', 'r.html', 'r.pdf (text)'])('%s holds none of the values', (name) => {
    let text: string;
    if (name === 'stdout') text = r.stdout;
    else if (name === 'stderr') text = r.stderr;
    else if (name.startsWith('r.pdf')) text = execFileSync('pdftotext', [join(out, 'r.pdf'), '-'], { encoding: 'utf8' });
    else text = readFileSync(join(out, name), 'utf8');
    if (name !== 'stderr') expect(text.length).toBeGreaterThan(0);
    for (const s of SECRETS) expect(text, `${name} leaks ${s.slice(0, 4)}...`).not.toContain(s);
  });

  it('the text output says where: attribute, variable and line', () => {
    expect(r.stdout).toContain('user_data line 4 (DB_PASSWORD)');
    expect(r.stdout).toContain('access_key: holds an AWS access key id');
  });
});
