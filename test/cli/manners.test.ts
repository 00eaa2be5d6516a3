import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLocalStore } from '../../checks/store/local.js';
import { finding, results } from '../export/helpers.js';
import { cli, REPO } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'frmanners-'));

describe('the CLI guides a user who gets it slightly wrong', () => {
  it('bare ferpa-ready prints the command list on stdout and exits 2 with one line on stderr', () => {
    const r = cli([]);
    expect(r.code).toBe(2);
    for (const c of ['scan', 'report', 'audit', 'drift', 'policies', 'export', 'init']) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    expect(r.stderr).toBe('ferpa-ready: give a command: scan, report, audit, drift, policies, fixtures, history, diff, verify, export, keygen, init, shards (listed above; add --help to one for its options)\n');
  });

  it('a command group without its subcommand shows that group\'s list the same way', () => {
    const r = cli(['policies']);
    expect(r.code).toBe(2);
    for (const c of ['list', 'validate', 'test']) expect(r.stdout).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
    expect(r.stderr).toMatch(/^ferpa-ready policies: give a subcommand: list, validate, new, test .*\n$/);
  });

  it.each([
    [['sacn', 'main.tf'], "ferpa-ready: unknown command 'sacn' (did you mean scan?)"],
    [['scan', '--frmat', 'json', 'main.tf'], "ferpa-ready scan: unknown option '--frmat' (did you mean --format?)"],
    [['policies', 'lst'], "ferpa-ready policies: unknown command 'lst' (did you mean list?)"],
  ])('%j suggests the near name in one line, exit 2', (args, line) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${line}\n`);
  });

  it('policies list has a header row whose columns line up with the rows', () => {
    const r = cli(['policies', 'list']);
    expect(r.code, r.stderr).toBe(0);
    const [header, first] = r.stdout.split('\n');
    expect(header).toMatch(/^POLICY +SEVERITY +CATEGORY +SOURCES +CONTROLS$/);
    const row = /^(\S+) +(\S+) +(\S+) +(\S+) +(\S+)$/.exec(first!);
    expect(row, first).not.toBeNull();
    for (const [title, value] of [['SEVERITY', row![2]], ['CATEGORY', row![3]], ['SOURCES', row![4]], ['CONTROLS', row![5]]] as const) {
      expect(first!.indexOf(` ${value}`, row![1]!.length) + 1, title).toBe(header!.indexOf(title));
    }
  });
});

describe('a scan that finds no resources says so', () => {
  const empty = join(dir, 'empty.tf');
  writeFileSync(empty, '');
  const vars = join(dir, 'vars-only');
  mkdirSync(vars);
  writeFileSync(join(vars, 'variables.tf'), 'variable "env" {\n  type = string\n}\n');

  it('an empty .tf file: a note on stderr, exit 0, and no account-level findings made up for it', () => {
    const r = cli(['scan', empty, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^note: no resources found in \S*empty\.tf\n$/);
    const doc = JSON.parse(r.stdout);
    expect(doc.findings).toEqual([]);
    expect(doc.summary).toEqual({ pass: 0, fail: 0, unknown: 0, waived: 0, error: 0 });
  });

  it('only the input without resources gets the note; the others are judged as before', () => {
    const plan = join(REPO, 'fixtures/aws-s3-sse-kms/fail/plan.json');
    const r = cli(['scan', vars, plan, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^note: no resources found in \S*vars-only\n$/);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.fail).toBeGreaterThan(0);
    // the plan still gets its account-level verdicts; the empty folder adds none
    expect(doc.findings.filter((f: { resource: { kind: string } }) => f.resource.kind === 'aws.account').length).toBeGreaterThan(0);
    expect(doc.findings.every((f: { resource: { file: string } }) => !/vars-only/.test(f.resource.file ?? ''))).toBe(true);
  });

  it('the text summary points to the --verbose flag by its name', () => {
    const r = cli(['scan', join(REPO, 'fixtures/aws-s3-sse-kms/pass/plan.json'), '--fail-on', 'none']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/\(pass findings not listed; use --verbose\)$/);
  });
});

describe('export does not overwrite a bundle unless told to', () => {
  it('refuses an existing --out file (exit 2, one line, file untouched) and replaces it with --force', async () => {
    const store = openLocalStore(join(dir, 'store'));
    await store.append(results([finding('aws-rds-instance-encrypted-with-cmk', 'aws_db_instance.a', 'pass')], '2026-11-20T00:00:00Z'));
    const args = ['export', '--store', 'store', '--out', 'evidence.zip', '--no-pdf'];
    const first = cli(args, { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    const before = readFileSync(join(dir, 'evidence.zip'));
    const mtime = statSync(join(dir, 'evidence.zip')).mtimeMs;

    await store.append(results([finding('aws-rds-instance-encrypted-with-cmk', 'aws_db_instance.a', 'fail')], '2026-11-21T00:00:00Z'));
    const again = cli(args, { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stdout).toBe('');
    expect(again.stderr).toBe('ferpa-ready: evidence.zip: already exists; not overwriting an evidence bundle (give --force to replace it)\n');
    expect(Buffer.compare(readFileSync(join(dir, 'evidence.zip')), before)).toBe(0);
    expect(statSync(join(dir, 'evidence.zip')).mtimeMs).toBe(mtime);

    const forced = cli([...args, '--force'], { cwd: dir });
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(/^wrote evidence\.zip: .* 2 runs /);
    expect(Buffer.compare(readFileSync(join(dir, 'evidence.zip')), before)).not.toBe(0);
  });
});

describe('--format fmt=<file> where the file is a device or a pipe', () => {
  it('writes into it instead of replacing it with a regular file (json=/dev/null must leave /dev/null a device)', async () => {
    // A FIFO stands in for /dev/null: replacing it would show the same bug without harming the machine.
    const fifo = join(dir, 'results.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'inherit'] });
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString()));
    try {
      const r = cli(['scan', join(REPO, 'fixtures/aws-s3-sse-kms/fail/plan.json'), '--format', `json=${fifo}`, '--format', 'text']);
      expect(r.code, r.stderr).toBe(1);
      expect(statSync(fifo).isFIFO()).toBe(true);
      await new Promise((res) => reader.on('close', res));
      expect(JSON.parse(got).summary.fail).toBeGreaterThan(0);
    } finally {
      if (reader.exitCode === null) reader.kill();
    }
  });
});
