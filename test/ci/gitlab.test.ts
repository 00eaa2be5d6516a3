import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Results } from '../../checks/engine/types.js';
import { GITLAB_SAST_SCHEMA_VERSION, gitlabTime, renderGitlabSast } from '../../reports/gitlab-sast.js';
import { render } from '../../reports/index.js';
import type { PolicyMeta } from '../../reports/types.js';
import { compileSchema } from '../../checks/util/schemas.js';
import { BIN, FAIL_PLAN, REPO } from './helpers.js';

const SEVERITIES = ['Critical', 'High', 'Medium', 'Low', 'Info', 'Unknown'];
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The v15 SAST report's required shape (GitLab security-report-schemas, sast-report-format.json). */
function shapeErrors(r: any): string[] {
  const e: string[] = [];
  if (!/^15\.\d+\.\d+$/.test(r.version)) e.push(`version ${r.version}`);
  if (!Array.isArray(r.vulnerabilities)) e.push('vulnerabilities');
  const s = r.scan ?? {};
  for (const k of ['analyzer', 'scanner']) {
    const t = s[k] ?? {};
    if (!t.id || !t.name || !t.version || !t.vendor?.name) e.push(`scan.${k}`);
  }
  if (s.type !== 'sast') e.push('scan.type');
  if (!TIME.test(s.start_time) || !TIME.test(s.end_time)) e.push('scan times');
  if (!['success', 'failure'].includes(s.status)) e.push('scan.status');
  for (const [i, v] of (r.vulnerabilities ?? []).entries()) {
    if (typeof v.id !== 'string' || !v.id) e.push(`${i}.id`);
    if (typeof v.name !== 'string' || v.name.length > 255) e.push(`${i}.name`);
    if (typeof v.description !== 'string') e.push(`${i}.description`);
    if (!SEVERITIES.includes(v.severity)) e.push(`${i}.severity ${v.severity}`);
    if (typeof v.location !== 'object') e.push(`${i}.location`);
    if (v.location?.start_line !== undefined && !(Number.isInteger(v.location.start_line) && v.location.start_line >= 1)) e.push(`${i}.start_line`);
    if (!Array.isArray(v.identifiers) || v.identifiers.length < 1 || v.identifiers.length > 20) e.push(`${i}.identifiers`);
    for (const id of v.identifiers ?? []) if (!id.type || !id.name || !id.value) e.push(`${i}.identifier`);
  }
  return e;
}

const meta: PolicyMeta[] = [
  {
    id: 'aws-s3-sse-kms',
    title: 'S3 bucket default encryption uses SSE-KMS with a customer-managed key',
    description: 'Student records in S3 are encrypted with a key the institution controls.',
    remediation: { terraform: 'sse_algorithm = "aws:kms"' },
    references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html'],
    severity: 'high',
    category: 'encryption',
  },
];

function f(id: string, status: Finding['status'], severity: Finding['severity'], line: number | null = 3): Finding {
  return {
    id,
    policyId: 'aws-s3-sse-kms',
    status,
    severity,
    category: 'encryption',
    controls: ['FERPA-ENC-01', 'FERPA-ENC-02'],
    resource: { kind: 'aws.s3.bucket', address: `aws_s3_bucket.${id}`, arn: null, file: line ? 'infra/main.tf' : null, line },
    message: `aws_s3_bucket.${id}: not met`,
    evidence: { sseAlgorithm: 'AES256' },
    source: 'hcl',
  };
}

const doc = (findings: Finding[]): Results => ({
  schemaVersion: '1',
  tool: { name: 'ferpa-ready', version: '9.9.9' },
  generatedAt: '2026-11-22T10:11:12.345Z',
  inputs: [{ kind: 'plan', path: 'plan.json', sha256: 'x'.repeat(64) }],
  findings,
  summary: { pass: 0, fail: 0, unknown: 0, waived: 0, error: 0 },
});

describe('GitLab SAST renderer', () => {
  it('one vulnerability per failing finding, with GitLab severities, location, identifiers and scan block', () => {
    const out = JSON.parse(renderGitlabSast(doc([f('a', 'fail', 'high'), f('b', 'fail', 'critical', null), f('c', 'pass', 'high'), f('d', 'unknown', 'high'), f('e', 'waived', 'high')]), meta));
    expect(shapeErrors(out)).toEqual([]);
    expect(out.version).toBe(GITLAB_SAST_SCHEMA_VERSION);
    expect(out.vulnerabilities).toHaveLength(2);
    const [crit, high] = out.vulnerabilities;
    expect(crit.severity).toBe('Critical');
    expect(high.severity).toBe('High');
    expect(high.location).toMatchObject({ file: 'infra/main.tf', start_line: 3 });
    expect(crit.location.file).toBe('plan.json'); // no source line: the input file
    expect(crit.location.start_line).toBeUndefined();
    expect(high.identifiers[0]).toEqual({ type: 'ferpa_ready_policy', name: 'ferpa-ready aws-s3-sse-kms', value: 'aws-s3-sse-kms' });
    expect(high.identifiers.map((i: any) => i.value)).toEqual(['aws-s3-sse-kms', 'FERPA-ENC-01', 'FERPA-ENC-02']);
    expect(high.name).toMatch(/^S3 bucket default encryption uses SSE-KMS.*: aws_s3_bucket\.a$/);
    expect(high.solution).toMatch(/aws:kms/);
    expect(high.id).toMatch(UUID);
    expect(out.scan.start_time).toBe('2026-11-22T10:11:12');
    expect(out.scan.scanner.version).toBe('9.9.9');
  });

  it('ids are stable per finding and distinct across findings; output is deterministic', () => {
    const a = renderGitlabSast(doc([f('a', 'fail', 'high'), f('b', 'fail', 'low')]), meta);
    const b = renderGitlabSast(doc([f('b', 'fail', 'low'), f('a', 'fail', 'high')]), meta);
    expect(a).toBe(b);
    const ids = JSON.parse(a).vulnerabilities.map((v: any) => v.id);
    expect(new Set(ids).size).toBe(2);
    expect(gitlabTime('not a date')).toMatch(TIME);
  });

  it('is reachable through render() and the shape check can fail', () => {
    const out = JSON.parse(render('gitlab-sast', doc([f('a', 'fail', 'medium')]), meta));
    expect(out.vulnerabilities[0].severity).toBe('Medium');
    out.vulnerabilities[0].severity = 'high';
    out.scan.start_time = '2026-11-22T10:11:12Z';
    expect(shapeErrors(out)).toEqual(['scan times', '0.severity high']);
  });
});

describe('ci/gitlab/ferpa-ready.gitlab-ci.yml', () => {
  const tpl = parse(readFileSync(join(REPO, 'ci/gitlab/ferpa-ready.gitlab-ci.yml'), 'utf8'));
  const work = mkdtempSync(join(tmpdir(), 'fr-gitlab-'));
  let run: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    // Run the job's script as a GitLab runner would (bash, -eo pipefail), with the local CLI as the command.
    const script = (tpl['.ferpa-ready'].script as string[]).join('\n');
    writeFileSync(join(work, 'job.sh'), script);
    run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', 'job.sh'], {
      cwd: work,
      env: {
        PATH: process.env.PATH!,
        HOME: process.env.HOME ?? '/tmp',
        FERPA_READY_NOW: '2026-11-22T00:00:00Z',
        FERPA_READY_CMD: `${process.execPath} ${BIN}`,
        FERPA_READY_PATHS: '',
        FERPA_READY_PLAN: FAIL_PLAN,
        FERPA_READY_FAIL_ON: 'high',
        FERPA_READY_CONFIG: '',
        FERPA_READY_BASELINE: '',
      },
      encoding: 'utf8',
      timeout: 120_000,
    });
  });

  it('is YAML with a template job, a concrete job, the SAST and JUnit reports kept always', () => {
    expect(tpl.variables.FERPA_READY_FAIL_ON).toBe('high');
    expect(tpl.variables.FERPA_READY_CMD).toMatch(/^npx --yes ferpa-ready@\$\{FERPA_READY_VERSION\}$/);
    const job = tpl['.ferpa-ready'];
    expect(job.image).toMatch(/^node:20\.\d+\.\d+-bookworm-slim$/);
    expect(job.artifacts.when).toBe('always');
    expect(job.artifacts.reports.sast).toBe('gl-sast-report.json');
    expect(job.artifacts.reports.junit).toBe('ferpa-ready-junit.xml');
    expect(job.script.join('\n')).toMatch(/--format gitlab-sast=gl-sast-report\.json/);
    expect(tpl['ferpa-ready'].extends).toBe('.ferpa-ready');
    expect(tpl['ferpa-ready'].rules.map((r: any) => r.if).join(' ')).toMatch(/merge_request_event/);
  });

  it('its script fails the job on high findings and writes a valid gl-sast-report.json', () => {
    expect(run.status, String(run.stderr)).toBe(1);
    const report = JSON.parse(readFileSync(join(work, 'gl-sast-report.json'), 'utf8'));
    expect(shapeErrors(report)).toEqual([]);
    expect(report.vulnerabilities.length).toBeGreaterThan(0);
    expect(report.vulnerabilities.some((v: any) => v.severity === 'High')).toBe(true);
    expect(readFileSync(join(work, 'ferpa-ready-junit.xml'), 'utf8')).toMatch(/<testsuites/);
    const results = JSON.parse(readFileSync(join(work, 'ferpa-ready-results.json'), 'utf8')) as Results;
    expect(report.vulnerabilities).toHaveLength(results.findings.filter((x) => x.status === 'fail').length);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8'));

  it('validates against the published pre-commit-hooks schema', () => {
    const validate = compileSchema(JSON.parse(readFileSync(join(REPO, 'test/ci/schema/pre-commit-hooks.schema.json'), 'utf8')));
    expect(validate(hooks), JSON.stringify(validate.errors)).toBe(true);
    expect(validate([{ ...hooks[0], language: 'nodejs' }])).toBe(false);
    expect(validate([{ ...hooks[0], pass_filenames: 'yes' }])).toBe(false);
  });

  it('declares the ferpa-ready hook for Terraform files, scanning the folders of changed files', () => {
    expect(Array.isArray(hooks)).toBe(true);
    const h = hooks.find((x: any) => x.id === 'ferpa-ready');
    expect(h).toMatchObject({ entry: 'ferpa-ready scan', language: 'node', pass_filenames: true });
    const files = new RegExp(h.files);
    for (const ok of ['main.tf', 'modules/db/variables.tf', 'stack.tf.json']) expect(files.test(ok), ok).toBe(true);
    for (const no of ['plan.json', 'main.tfvars', 'tf.md', 'README.md']) expect(files.test(no), no).toBe(false);
    expect(h.args).toContain('--file-dirs');
  });

  it('scan --file-dirs turns changed files into their folders, once each', () => {
    const dir = join(REPO, 'reference-stack/terraform/modules/auditor');
    const r = spawnSync(process.execPath, [BIN, 'scan', '--file-dirs', '--format', 'json', join(dir, 'main.tf'), join(dir, 'variables.tf')], {
      cwd: REPO,
      env: { ...process.env, FERPA_READY_NOW: '2026-11-22T00:00:00Z' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBeLessThan(2);
    const res = JSON.parse(r.stdout) as Results;
    expect(res.inputs).toHaveLength(1);
    expect(res.inputs[0]!.kind).toBe('hcl');
    expect(res.inputs[0]!.path).toBe('reference-stack/terraform/modules/auditor');
  });
});
