import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expandFixture } from '../../checks/authoring/fixture-files.js';
import { runMain } from './in-process.js';
import { BIN, REPO, type CliResult } from './run.js';

/**
 * Issue 12's probes of hostile input, one test each: every one must end (no hang), in exit 0, 1 or 2,
 * with no `internal error` and no stack trace; bad input is one line naming the file (and the JSON
 * pointer where there is one). Probes whose failure mode is a hang, a flood of memory or a process
 * limit run the real CLI in a child process with a time bound; the rest run the CLI's entry in
 * process (test/cli/in-process.ts).
 */

const work = mkdtempSync(join(tmpdir(), 'frhostile-'));
let n = 0;
const fresh = (name: string): string => {
  const d = join(work, `${n++}-${name}`);
  mkdirSync(d, { recursive: true });
  return d;
};
const BUCKET = 'resource "aws_s3_bucket" "records" {\n  bucket = "student-records"\n  tags = { DataClassification = "student-data" }\n}\n';
const FIXTURE = (p: string): string => join(REPO, 'fixtures', p);
const PLAN = FIXTURE('aws-s3-versioning-enabled/fail/plan.json');
const SNAPSHOT = FIXTURE('aws-s3-versioning-enabled/fail/live.json');
const HCL = FIXTURE('aws-s3-versioning-enabled/fail/main.tf');

/** The real CLI in a child process, killed after `timeoutMs` (a hang shows as code -1 and `timedOut`). */
function cliWithin(args: string[], opts: { timeoutMs?: number; ulimitFiles?: number; cwd?: string } = {}): CliResult & { timedOut: boolean } {
  const env = { ...process.env, FERPA_READY_NOW: '2026-11-22T00:00:00Z', NO_COLOR: '1' };
  const spawnOpts = { cwd: opts.cwd ?? REPO, env, encoding: 'utf8' as const, timeout: opts.timeoutMs ?? 90_000, killSignal: 'SIGKILL' as const, maxBuffer: 256 * 1024 * 1024 };
  const r = opts.ulimitFiles
    ? spawnSync('bash', ['-c', `ulimit -n ${opts.ulimitFiles} && exec "$0" "$@"`, process.execPath, BIN, ...args], spawnOpts)
    : spawnSync(process.execPath, [BIN, ...args], spawnOpts);
  if (r.error && (r.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '', timedOut: r.status === null };
}

/** Whatever the outcome: it ended, with a contract exit code, no internal error and no stack trace. */
function expectTotal(r: CliResult & { timedOut?: boolean }): void {
  expect(r.timedOut ?? false, 'the process did not exit').toBe(false);
  expect([0, 1, 2], r.stderr).toContain(r.code);
  expect(r.stderr).not.toMatch(/internal error/);
  expect(r.stderr).not.toMatch(/\n\s+at |Maximum call stack|goroutine/);
}

/** Bad input: exit 2 with exactly one line on stderr, matching `re`, and nothing on stdout. */
function expectOneLine(r: CliResult & { timedOut?: boolean }, re: RegExp): void {
  expectTotal(r);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(re);
}

function planWith(mutate: (doc: Record<string, any>) => void): string {
  const doc = JSON.parse(readFileSync(PLAN, 'utf8')) as Record<string, any>;
  mutate(doc);
  const f = join(fresh('plan'), 'plan.json');
  writeFileSync(f, JSON.stringify(doc));
  return f;
}

const POLICY = (id: string, matches = '^student-'): string => `id: ${id}
title: S3 bucket names start with the district prefix
severity: low
category: resilience
resource: aws.s3.bucket
sources: [hcl, plan, live]
description: Bucket names start with the district prefix so that an owner can be found for every bucket.
rationale: An owner must be identifiable for every store of education records from its name alone.
remediation:
  terraform: rename the bucket
references: []
rule:
  assert:
    all:
      - path: dataClass
        exists: true
      - path: bucketName
        matches: ${JSON.stringify(matches)}
`;

describe('hangs: the process always exits', () => {
  it('a syntax error in a module called by the reference stack: the error is named and the CLI exits 2', () => {
    const tree = join(fresh('refstack'), 'terraform');
    cpSync(join(REPO, 'reference-stack/terraform'), tree, { recursive: true });
    const storage = join(tree, 'modules/storage/main.tf');
    writeFileSync(storage, `${readFileSync(storage, 'utf8')}\nlocals {\n  broken = "x" + +\n}\n`);
    const r = cliWithin(['scan', tree]);
    expectTotal(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/modules\/storage\/main\.tf:\d+:\d+: /);
  });

  it('nothing is left running after that error: main returns and the process ends on its own (no exit guard)', () => {
    const tree = join(fresh('refstack-main'), 'terraform');
    cpSync(join(REPO, 'reference-stack/terraform'), tree, { recursive: true });
    const storage = join(tree, 'modules/storage/main.tf');
    writeFileSync(storage, `${readFileSync(storage, 'utf8')}\nlocals {\n  broken = "x" + +\n}\n`);
    // bin/ferpa-ready.js as it runs from source, minus its exit guard: a parse worker or any other
    // handle left open keeps this process alive, and the time bound below fails the test
    const entry = join(tree, '..', 'entry.mjs');
    writeFileSync(
      entry,
      `const { register } = await import(${JSON.stringify(pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href)});
register();
const { main } = await import(${JSON.stringify(join(REPO, 'checks/cli/main.ts'))});
process.exitCode = await main(process.argv.slice(2));
console.log('main returned ' + process.exitCode);
`,
    );
    const r = spawnSync(process.execPath, [entry, 'scan', tree], { cwd: REPO, encoding: 'utf8', timeout: 90_000, killSignal: 'SIGKILL' });
    expect(r.stdout).toMatch(/main returned 2/);
    expect(r.signal, `killed: still running 90 s after main returned: ${r.stderr}`).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/modules\/storage\/main\.tf:\d+:\d+: /);
  });

  it('directory link loops below the scanned folder (sub/self -> ., sub/up -> ..)', () => {
    const repo = fresh('loops');
    mkdirSync(join(repo, 'envs/prod/sub'), { recursive: true });
    writeFileSync(join(repo, 'envs/prod/main.tf'), BUCKET);
    symlinkSync('.', join(repo, 'envs/prod/sub/self'));
    symlinkSync('..', join(repo, 'envs/prod/sub/up'));
    symlinkSync('..', join(repo, 'envs/loop-to-top'));
    symlinkSync('../..', join(repo, 'envs/out-of-tree'));
    // the root itself and the folder above it (root discovery walks it)
    for (const target of [join(repo, 'envs/prod'), repo]) {
      const r = cliWithin(['scan', target, '--format', 'json']);
      expectTotal(r);
      expect(r.code, r.stderr).toBe(1);
      const results = JSON.parse(r.stdout) as { inputs: Array<{ path: string }>; findings: Array<{ resource: { address?: string } }> };
      expect(results.inputs).toHaveLength(1);
      expect(results.findings.some((f) => f.resource.address === 'aws_s3_bucket.records')).toBe(true);
    }
  });

  it('directory link loops in a policy folder: policies validate and scan --policies', () => {
    const dir = fresh('policy-loops');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'district-bucket-prefix.policy.yaml'), POLICY('district-bucket-prefix'));
    symlinkSync('.', join(dir, 'sub/self'));
    symlinkSync('..', join(dir, 'sub/up'));
    const v = cliWithin(['policies', 'validate', dir]);
    expectTotal(v);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/^1 policies valid/);
    const s = cliWithin(['scan', PLAN, '--policies', dir, '--format', 'json']);
    expectTotal(s);
    const results = JSON.parse(s.stdout) as { findings: Array<{ policyId: string }> };
    expect(results.findings.some((f) => f.policyId === 'district-bucket-prefix')).toBe(true);
  });

  it('more .tf files than the open-file limit (ulimit -n 256, 300 files): every file is read', () => {
    const dir = fresh('many');
    for (let i = 0; i < 300; i++) writeFileSync(join(dir, `b${i}.tf`), BUCKET.replace(/records/g, `r${i}`));
    const r = cliWithin(['scan', dir, '--format', 'json'], { ulimitFiles: 256 });
    expectTotal(r);
    expect(r.code, r.stderr).toBe(1);
    const results = JSON.parse(r.stdout) as { findings: Array<{ resource: { address?: string } }> };
    expect(new Set(results.findings.map((f) => f.resource.address).filter((a) => a?.startsWith('aws_s3_bucket.r'))).size).toBe(300);
  });
});

describe('plans Terraform did not finish', () => {
  it('an errored plan is one line and exit 2; deferred changes are judged, unknown where the plan does not show them', async () => {
    expectOneLine(await runMain(['scan', planWith((d) => (d.errored = true))]), /plan\.json: Terraform reported errors while planning/);
    const deferred = planWith((d) => {
      d.complete = false;
      d.deferred_changes = [{ reason: 'instance_count_unknown', resource_change: { address: 'aws_db_instance.grades', mode: 'managed', type: 'aws_db_instance', name: 'grades', change: { actions: ['create'], after: { identifier: 'grades' }, after_unknown: {} } } }];
    });
    const out = join(dirname(deferred), 'r.json');
    const r = await runMain(['scan', deferred, '--format', 'text', '--format', `json=${out}`]);
    expect(r.stdout).toMatch(/the plan is not complete: Terraform deferred 1 resource change/);
    const storage = JSON.parse(readFileSync(out, 'utf8')).findings.find((f: { policyId: string; resource: { address: string } }) => f.policyId === 'aws-rds-instance-storage-encrypted' && f.resource.address === 'aws_db_instance.grades');
    expect(storage?.status).toBe('unknown');
  });
});

describe('resources a plan forgets', () => {
  it('a removed block with destroy = false (actions ["forget"]): the store that stays in the account is unknown, and a note names it', async () => {
    const file = planWith((d) => {
      d.resource_changes = [{ address: 'aws_db_instance.sis', mode: 'managed', type: 'aws_db_instance', name: 'sis', change: { actions: ['forget'], before: { identifier: 'sis', publicly_accessible: true }, after: null } }];
    });
    const out = join(dirname(file), 'r.json');
    const r = await runMain(['scan', file, '--format', 'text', '--format', `json=${out}`]);
    expectTotal(r);
    expect(r.stdout).toMatch(/the plan stops managing 1 resource\(s\) without destroying them.*aws_db_instance\.sis/);
    const evaluated = JSON.parse(readFileSync(out, 'utf8')).findings.find((f: { policyId: string; resource: { address: string } }) => f.policyId === 'aws-data-store-evaluated' && f.resource.address === 'aws_db_instance.sis');
    expect(evaluated?.status).toBe('unknown');
  });
});

describe('modules that were not downloaded', () => {
  it('a registry module before terraform init: the call stands in as an unseen data store (exit 1), not "all data stores evaluated"', async () => {
    const d = fresh('unread-module');
    writeFileSync(join(d, 'main.tf'), `module "db" {\n  source  = "terraform-aws-modules/rds/aws"\n  version = "6.10.0"\n}\n${BUCKET}`);
    const out = join(d, 'r.json');
    const r = await runMain(['scan', d, '--format', 'text', '--format', `json=${out}`]);
    expectTotal(r);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/module db \(source terraform-aws-modules\/rds\/aws\) not downloaded/);
    expect(r.stdout).not.toMatch(/all \d+ evaluated and classified/);
    const evaluated = JSON.parse(readFileSync(out, 'utf8')).findings.find((f: { policyId: string; resource: { address: string } }) => f.policyId === 'aws-data-store-evaluated' && f.resource.address === 'module.db');
    expect(evaluated?.status).toBe('unknown');
    expect(evaluated?.message).toMatch(/source could not be read \(run terraform init\)/);
  });
});

describe('terraform.workspace', () => {
  it('no workspace selected: a resource counted in only for prod is judged (exit 1), with a note naming TF_WORKSPACE', async () => {
    const d = fresh('workspace');
    writeFileSync(join(d, 'main.tf'), 'resource "aws_db_instance" "sis" {\n  count             = terraform.workspace == "prod" ? 1 : 0\n  storage_encrypted = false\n  tags              = { DataClassification = "student-data" }\n}\n');
    const saved = process.env.TF_WORKSPACE;
    delete process.env.TF_WORKSPACE;
    try {
      const r = await runMain(['scan', d, '--format', 'text']);
      expectTotal(r);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/aws-rds-instance-storage-encrypted aws_db_instance\.sis /);
      expect(r.stdout).toMatch(/terraform\.workspace: no workspace selected/);
    } finally {
      if (saved !== undefined) process.env.TF_WORKSPACE = saved;
    }
  });
});

describe('variables files Terraform does not load by itself', () => {
  it('prod.tfvars beside the root: the variables it sets are unknown and a note says so; --var-file decides them', async () => {
    const d = fresh('var-files');
    writeFileSync(join(d, 'main.tf'), 'variable "encrypted" {\n  default = true\n}\nresource "aws_db_instance" "sis" {\n  storage_encrypted = var.encrypted\n  tags = { DataClassification = "student-data" }\n}\n');
    writeFileSync(join(d, 'prod.tfvars'), 'encrypted = false\n');
    const status = (r: CliResult) => JSON.parse(readFileSync(join(d, 'r.json'), 'utf8')).findings.find((f: { policyId: string }) => f.policyId === 'aws-rds-instance-storage-encrypted')?.status ?? r.stderr;
    const unnamed = await runMain(['scan', d, '--format', 'text', '--format', `json=${join(d, 'r.json')}`]);
    expect(status(unnamed)).toBe('unknown');
    expect(unnamed.stdout).toMatch(/prod\.tfvars sets variable encrypted, but Terraform loads it only when named with -var-file/);
    const named = await runMain(['scan', d, '--var-file', join(d, 'prod.tfvars'), '--format', `json=${join(d, 'r.json')}`]);
    expect(status(named)).toBe('fail');
  });
});

describe('false passes on bad input are exit 2', () => {
  it('a plan whose root_module.resources is an object names that pointer', async () => {
    const f = planWith((d) => {
      d.planned_values.root_module.resources = Object.fromEntries(d.planned_values.root_module.resources.map((r: { address: string }) => [r.address, r]));
    });
    expectOneLine(await runMain(['scan', f]), /plan\.json: not a Terraform plan .*: \/planned_values\/root_module\/resources: must be array/);
  });

  it('a plan whose child_modules is an object names that pointer', async () => {
    const f = planWith((d) => {
      d.planned_values.root_module.child_modules = { 'module.x': { address: 'module.x', resources: [] } };
    });
    expectOneLine(await runMain(['scan', f]), /plan\.json: .*\/planned_values\/root_module\/child_modules: must be array/);
  });

  it('a plan whose root_module is a list names that pointer', async () => {
    const f = planWith((d) => {
      d.planned_values.root_module = [d.planned_values.root_module];
    });
    expectOneLine(await runMain(['scan', f]), /plan\.json: .*\/planned_values\/root_module: must be object/);
  });

  it('a plan resource without an address, and resource_changes that are not objects', async () => {
    const noAddress = planWith((d) => {
      delete d.planned_values.root_module.resources[0].address;
    });
    expectOneLine(await runMain(['scan', noAddress]), /\/planned_values\/root_module\/resources\/0: must have required property 'address'/);
    const changes = planWith((d) => {
      d.resource_changes = [1, 2];
    });
    expectOneLine(await runMain(['scan', changes]), /\/resource_changes\/0: must be object/);
  });

  it('Macie bucket criteria in a shape no source writes (a list where the API writes an object, a value that is not text) are one line, never criteria that restrict nothing', async () => {
    const dir = fresh('macie');
    const tf = readFileSync(FIXTURE('aws-macie-job-covers-student-data/pass/main.tf'), 'utf8').replace(/values\s*=\s*\["sis-site"\]/, 'values = [{ name = "sis-site" }]');
    expect(tf).toContain('{ name = "sis-site" }');
    writeFileSync(join(dir, 'main.tf'), tf);
    expectOneLine(await runMain(['scan', dir]), /main\.tf:\d+: aws_macie2_classification_job\.\w+: s3_job_definition\.bucket_criteria not in the shape the provider's schema allows \(bucket criteria: a value that is not text\)/);
    const snapshot = expandFixture(FIXTURE('aws-macie-job-covers-student-data/pass/live.yaml')) as { resources: Array<{ data: Record<string, any> }> };
    const job = snapshot.resources.find((r) => r.data.bucketCriteria)!;
    job.data.bucketCriteria.excludes.and[0].simpleCriterion = [job.data.bucketCriteria.excludes.and[0].simpleCriterion];
    const live = join(dir, 'live.json');
    writeFileSync(live, JSON.stringify(snapshot));
    expectOneLine(await runMain(['scan', live]), /live\.json: invalid snapshot: .*AWS::Macie::ClassificationJob.*data not in the shape the AWS API returns \(bucket criteria: a condition that is not an object\)/);
    const plan = expandFixture(FIXTURE('aws-macie-job-covers-student-data/pass/plan.yaml'));
    const text = JSON.stringify(plan).replaceAll('"comparator":"EQ"', '"comparator":7');
    expect(text).toContain('"comparator":7');
    const planFile = join(dir, 'plan.json');
    writeFileSync(planFile, text);
    expectOneLine(await runMain(['scan', planFile]), /plan\.json: aws_macie2_classification_job\.\w+: s3_job_definition\.bucket_criteria not in the shape the provider's schema allows \(bucket criteria: a key, comparator or tag that is not text\)/);
  });

  it('an AWS Backup opt-in map in a shape no source writes (a list, a value that is not a boolean) is one line, never read as unset', async () => {
    const dir = fresh('backup-opt-in');
    const tf = readFileSync(FIXTURE('aws-data-store-backup-selected/pass/main.tf'), 'utf8').replace('"S3"         = true', '"S3"         = "yes"');
    expect(tf).toContain('"yes"');
    writeFileSync(join(dir, 'main.tf'), tf);
    expectOneLine(await runMain(['scan', dir]), /main\.tf:\d+: aws_backup_region_settings\.this: resource_type_opt_in_preference sets S3 to "yes", not in the shape the provider's schema allows/);
    const plan = expandFixture(FIXTURE('aws-data-store-backup-selected/pass/plan.yaml')) as { planned_values: { root_module: { resources: Array<{ type: string; values: Record<string, unknown> }> } } };
    const settings = plan.planned_values.root_module.resources.find((r) => r.type === 'aws_backup_region_settings')!;
    settings.values.resource_type_opt_in_preference = [{ S3: true }];
    const planFile = join(dir, 'plan.json');
    writeFileSync(planFile, JSON.stringify(plan));
    expectOneLine(await runMain(['scan', planFile]), /plan\.json: aws_backup_region_settings\.this: resource_type_opt_in_preference is a list, not in the shape the provider's schema allows/);
  });

  it('drift --plan main.tf, a snapshot given as the plan, a plan given as the snapshot, a folder as the plan', async () => {
    expectOneLine(await runMain(['drift', '--plan', HCL, '--snapshot', SNAPSHOT]), /^ferpa-ready: --plan .*main\.tf: is a Terraform source file, expected a plan JSON file/);
    expectOneLine(await runMain(['drift', '--plan', SNAPSHOT, '--snapshot', SNAPSHOT]), /^ferpa-ready: --plan .*live\.json: is a live snapshot, expected a plan JSON file/);
    expectOneLine(await runMain(['drift', '--plan', PLAN, '--snapshot', PLAN]), /^ferpa-ready: --snapshot .*plan\.json: is a plan, expected a live snapshot/);
    expectOneLine(await runMain(['drift', '--plan', fresh('plan-folder'), '--snapshot', SNAPSHOT]), /--plan .*: is a folder, expected a plan JSON file/);
    // scan --plan says the same: a folder or .tf file given as a plan is not quietly scanned as source
    expectOneLine(await runMain(['scan', '--plan', HCL]), /--plan .*main\.tf: is a Terraform source file, expected a plan JSON file/);
    // and the real pair still compares
    const ok = await runMain(['drift', '--plan', PLAN, '--snapshot', SNAPSHOT]);
    expectTotal(ok);
    expect([0, 1]).toContain(ok.code);
  });

  it('policies validate rejects an invalid regular expression, naming the file and JSON pointer; scan --policies too', async () => {
    const dir = fresh('bad-regex');
    writeFileSync(join(dir, 'district-bucket-prefix.policy.yaml'), POLICY('district-bucket-prefix', '^(student-'));
    expectOneLine(await runMain(['policies', 'validate', dir]), /district-bucket-prefix\.policy\.yaml: \/rule\/assert\/all\/1\/matches: not a valid regular expression/);
    expectOneLine(await runMain(['scan', PLAN, '--policies', dir]), /district-bucket-prefix\.policy\.yaml: \/rule\/assert\/all\/1\/matches: not a valid regular expression/);
  });

  it('a policy file that is a broken link is an error, not a policy silently left out', async () => {
    const dir = fresh('broken-policy-link');
    writeFileSync(join(dir, 'district-bucket-prefix.policy.yaml'), POLICY('district-bucket-prefix'));
    symlinkSync(join(dir, 'gone.yaml'), join(dir, 'other.policy.yaml'));
    expectOneLine(await runMain(['policies', 'validate', dir]), /other\.policy\.yaml: broken symbolic link \(file not found\)/);
  });
});

describe('file system oddities are a skipped file with a warning, or one line and exit 2', () => {
  it('a broken .tf link in the root module is skipped with a warning naming it; one below the root is not read at all', async () => {
    const dir = fresh('dangling-tf');
    writeFileSync(join(dir, 'main.tf'), BUCKET);
    symlinkSync(join(dir, 'nowhere.tf'), join(dir, 'gone.tf'));
    mkdirSync(join(dir, 'docs/examples'), { recursive: true });
    symlinkSync(join(dir, 'nowhere.tf'), join(dir, 'docs/examples/gone.tf'));
    const r = await runMain(['scan', dir, '--format', 'json']);
    expectTotal(r);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^warning: .*dangling-tf\/gone\.tf: skipped: broken symbolic link \(file not found\)$/m);
    expect(r.stderr).not.toMatch(/docs\/examples/);
    const results = JSON.parse(r.stdout) as { diagnostics?: Array<{ level: string; message: string }> };
    expect(results.diagnostics?.some((d) => d.level === 'warning' && /gone\.tf: skipped/.test(d.message))).toBe(true);
  });

  it('a broken .tfvars link: the auto-loaded one is skipped with a warning, one below the root is ignored', async () => {
    const dir = fresh('dangling-tfvars');
    writeFileSync(join(dir, 'main.tf'), BUCKET);
    symlinkSync(join(dir, 'nowhere'), join(dir, 'terraform.tfvars'));
    mkdirSync(join(dir, 'env'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'env/prod.tfvars'));
    const r = await runMain(['scan', dir]);
    expectTotal(r);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^warning: .*terraform\.tfvars: skipped: broken symbolic link \(file not found\)$/m);
  });

  it('a folder named x.tf is a folder, as Terraform treats it', async () => {
    const dir = fresh('dir-named-tf');
    writeFileSync(join(dir, 'main.tf'), BUCKET);
    mkdirSync(join(dir, 'x.tf'));
    mkdirSync(join(dir, 'sub/y.tf'), { recursive: true });
    const r = await runMain(['scan', dir]);
    expectTotal(r);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toBe('');
  });

  it('a .tf link to itself is skipped with a warning (a link loop)', async () => {
    const dir = fresh('self-link');
    writeFileSync(join(dir, 'main.tf'), BUCKET);
    symlinkSync('self.tf', join(dir, 'self.tf'));
    const r = await runMain(['scan', dir]);
    expectTotal(r);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^warning: .*self\.tf: skipped: broken symbolic link \(symbolic link loop\)$/m);
    // given by name it is one line and exit 2
    expectOneLine(await runMain(['scan', join(dir, 'self.tf')]), /self\.tf: cannot read file \(symbolic link loop\)/);
  });

  it('an unreadable plan: a file whose read fails (/proc/self/mem gives EIO, also as root)', async () => {
    // EIO here; a hardened /proc may refuse the open instead: either way one line naming the file
    expectOneLine(await runMain(['scan', '/proc/self/mem']), /mem: cannot read file \((I\/O error|permission denied|operation not permitted)\)/);
  });

  it('an unreadable plan: chmod 000 (root reads it anyway, like cat; anyone else gets one line)', async () => {
    const f = join(fresh('chmod'), 'plan.json');
    writeFileSync(f, readFileSync(PLAN));
    chmodSync(f, 0);
    const r = await runMain(['scan', f]);
    if (process.getuid?.() === 0) {
      expectTotal(r);
      expect(r.code, r.stderr).toBe(1);
    } else expectOneLine(r, /plan\.json: cannot read file \(permission denied\)/);
  });

  it('a named pipe given as a plan is refused without waiting for a writer', () => {
    const f = join(fresh('fifo'), 'plan.json');
    expect(spawnSync('mkfifo', [f]).status).toBe(0);
    expectOneLine(cliWithin(['scan', f], { timeoutMs: 60_000 }), /plan\.json: is a named pipe \(FIFO\), expected .*only regular files are read/);
    expectOneLine(cliWithin(['drift', '--plan', PLAN, '--snapshot', f], { timeoutMs: 60_000 }), /is a named pipe \(FIFO\)/);
  });

  it('a broken link given by name is one line', async () => {
    const dir = fresh('broken-arg');
    symlinkSync(join(dir, 'nowhere.json'), join(dir, 'plan.json'));
    expectOneLine(await runMain(['scan', join(dir, 'plan.json')]), /plan\.json: no such file or directory/);
  });
});

describe('nesting and size limits', () => {
  const DEEP = 100_000;
  it('100,000-deep nesting in after_sensitive', async () => {
    const f = join(fresh('deep-sensitive'), 'plan.json');
    const doc = JSON.parse(readFileSync(PLAN, 'utf8')) as { resource_changes: Array<{ change: Record<string, unknown> }> };
    doc.resource_changes[0]!.change.after_sensitive = { tags: '__DEEP__' };
    writeFileSync(f, JSON.stringify(doc).replace('"__DEEP__"', '['.repeat(DEEP) + ']'.repeat(DEEP)));
    expectOneLine(await runMain(['scan', f]), /plan\.json: JSON nested deeper than 512 levels \(at line 1, column \d+\)/);
  });

  it('100,000-deep nesting in configuration', async () => {
    const f = join(fresh('deep-config'), 'plan.json');
    const doc = JSON.parse(readFileSync(PLAN, 'utf8')) as { configuration: { root_module: { resources: Array<Record<string, unknown>> } } };
    doc.configuration.root_module.resources[0]!.expressions = { tags: '__DEEP__' };
    writeFileSync(f, JSON.stringify(doc).replace('"__DEEP__"', '{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP)));
    expectOneLine(await runMain(['scan', f]), /plan\.json: JSON nested deeper than 512 levels/);
  });

  it('deep nesting in a snapshot, in HCL and in a .tf.json file', async () => {
    const snap = join(fresh('deep-snapshot'), 'live.json');
    // at the end: the snapshot is still recognised as one by its head
    writeFileSync(snap, readFileSync(SNAPSHOT, 'utf8').replace(/\}\s*$/, `, "deep": ${'['.repeat(DEEP)}${']'.repeat(DEEP)}}`));
    expectOneLine(await runMain(['scan', snap]), /live\.json: JSON nested deeper than 512 levels/);
    const hcl = fresh('deep-hcl');
    writeFileSync(join(hcl, 'main.tf'), `locals {\n  x = ${'['.repeat(DEEP)}1${']'.repeat(DEEP)}\n}\n${BUCKET}`);
    expectOneLine(await runMain(['scan', hcl]), /main\.tf:2:\d+: nested deeper than 500 levels/);
    const tfjson = fresh('deep-tf-json');
    writeFileSync(join(tfjson, 'main.tf.json'), `{"locals": {"x": ${'['.repeat(DEEP)}${']'.repeat(DEEP)}}}`);
    expectOneLine(await runMain(['scan', tfjson]), /main\.tf\.json: JSON nested deeper than 512 levels/);
  });

  it('/dev/zero is refused at once (only regular files are read)', () => {
    expectOneLine(cliWithin(['scan', '/dev/zero'], { timeoutMs: 60_000 }), /zero: is a device, expected .*only regular files are read/);
    expectOneLine(cliWithin(['scan', '--plan', '/dev/zero'], { timeoutMs: 60_000 }), /zero: is a device/);
    expectOneLine(cliWithin(['report', '--results', '/dev/zero', '--format', 'json'], { timeoutMs: 60_000 }), /zero: is a device, expected a results file/);
  });

  it('a file over the input limit (default 256 MB) names the limit and the flag; the flag raises it', async () => {
    const big = join(fresh('big'), 'plan.json');
    writeFileSync(big, '');
    truncateSync(big, 300 * 1024 * 1024); // sparse: no disk used
    expectOneLine(await runMain(['scan', big]), /plan\.json: file is 300 MB, larger than the input limit of 256 MB per file; raise it with --max-input-size \(e\.g\. --max-input-size 512MB\)/);
    const small = await runMain(['scan', PLAN, '--max-input-size', '1KB']);
    expectOneLine(small, /plan\.json: file is [\d.]+ KB, larger than the input limit of 1 KB per file; raise it with --max-input-size \(e\.g\. --max-input-size \d+KB\)/);
    const raised = await runMain(['scan', PLAN, '--max-input-size', '64KB']);
    expectTotal(raised);
    expect(raised.code, raised.stderr).toBe(1);
    const env = await runMain(['scan', PLAN], { FERPA_READY_MAX_INPUT_SIZE: '1KB' });
    expect(env.code).toBe(2);
    expectOneLine(await runMain(['scan', PLAN, '--max-input-size', 'lots']), /--max-input-size: not a size "lots"/);
  });

  it('the limit applies to HCL files, variables files, policies and the configuration file too', async () => {
    const dir = fresh('limit-hcl');
    writeFileSync(join(dir, 'main.tf'), `${BUCKET}# ${'x'.repeat(3000)}\n`);
    expectOneLine(await runMain(['scan', dir, '--max-input-size', '2KB']), /main\.tf: file is [\d.]+ KB, larger than the input limit of 2 KB/);
    const cfgDir = fresh('limit-config');
    writeFileSync(join(cfgDir, 'cfg.yaml'), `failOn: high\n# ${'x'.repeat(8000)}\n`);
    expectOneLine(await runMain(['scan', PLAN, '--config', join(cfgDir, 'cfg.yaml'), '--max-input-size', '6KB']), /cfg\.yaml: file is [\d.]+ KB, larger than the input limit of 6 KB/);
  });
});
