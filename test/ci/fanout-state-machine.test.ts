import { Ajv } from 'ajv';
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Results } from '../../checks/engine/types.js';
import { registerAudit } from '../../checks/cli/commands/audit.js';
import { registerScan } from '../../checks/cli/commands/scan.js';
import { registerShards } from '../../checks/cli/commands/shards.js';
import { parseShardManifest, planShards, SHARD_SCHEMA } from '../../checks/pipeline/shards.js';
import { readHcl } from '../../checks/sources/hcl/index.js';
import type { TfRecord } from '../../checks/sources/terraform/record.js';
import { evaluate, payload, readPath, type AslContext } from './asl-intrinsics.js';
import { cli, REPO } from './helpers.js';

/**
 * The fan-out state machine of the scheduled-audit module: its definition against a schema of the
 * States Language parts it uses, its state graph, and, followed on paper with a sample execution, the
 * commands each task runs: the manifest the enumerator writes is the one the map reads, each item's
 * fields are fields of that manifest, every shard writes where the merge reads, and each command's
 * options are options the CLI has.
 */
const MODULE = 'reference-stack/terraform/modules/scheduled-audit';
const ASL_FILE = join(REPO, MODULE, 'fanout.asl.json');
const VARS = 'test/ci/scheduled-audit-fanout.tfvars';
type State = Record<string, any>;
type Machine = { StartAt: string; States: Record<string, State> };
const definition = (): Machine => JSON.parse(readFileSync(ASL_FILE, 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(JSON.parse(readFileSync(join(REPO, 'test/ci/schema/asl-subset.schema.json'), 'utf8')));

/** Every state name a state sends control to. */
function targets(s: State): string[] {
  return [s.Next, s.Default, ...(s.Choices ?? []).map((c: State) => c.Next), ...(s.Catch ?? []).map((c: State) => c.Next)].filter((x): x is string => typeof x === 'string');
}

/** Problems of one States scope (the machine, or a map's item processor), and of the scopes inside it. */
function graphProblems(scope: Machine, where = 'machine'): string[] {
  const out: string[] = [];
  const names = new Set(Object.keys(scope.States));
  if (!names.has(scope.StartAt)) out.push(`${where}: StartAt "${scope.StartAt}" is not a state`);
  const seen = new Set<string>();
  const queue = [scope.StartAt];
  while (queue.length) {
    const n = queue.shift()!;
    if (seen.has(n) || !names.has(n)) continue;
    seen.add(n);
    queue.push(...targets(scope.States[n]!));
  }
  for (const [name, s] of Object.entries(scope.States)) {
    for (const t of targets(s)) if (!names.has(t)) out.push(`${where}: ${name} goes to "${t}", which is not a state of this scope`);
    if (!seen.has(name)) out.push(`${where}: ${name} cannot be reached from ${scope.StartAt}`);
    if (s.ItemProcessor) out.push(...graphProblems(s.ItemProcessor, `${where} > ${name}`));
  }
  if (![...seen].some((n) => scope.States[n]!.End === true || ['Succeed', 'Fail'].includes(scope.States[n]!.Type))) out.push(`${where}: no reachable terminal state`);
  return out;
}

/** Every `$.config.<key>` the definition reads. */
function configKeys(m: unknown): string[] {
  return [...new Set([...JSON.stringify(m).matchAll(/\$\.config\.([A-Za-z]+)/g)].map((x) => x[1]!))].sort();
}

/** The keys of the execution input the module writes (fanout_input in fanout.tf). */
function inputKeys(): string[] {
  const text = readFileSync(join(REPO, MODULE, 'fanout.tf'), 'utf8');
  const block = /fanout_input = var\.fanout == null \? null : \{\n([\s\S]*?)\n  \}/.exec(text);
  expect(block, 'fanout_input block in fanout.tf').toBeTruthy();
  return block![1]!.split('\n').map((l) => /^\s+([A-Za-z]+)\s+=/.exec(l)?.[1]).filter((k): k is string => Boolean(k)).sort();
}

/** The long options a CLI command declares. */
function optionsOf(name: 'audit' | 'scan' | 'shards'): Set<string> {
  const program = new Command();
  ({ audit: registerAudit, scan: registerScan, shards: registerShards })[name](program, () => {});
  return new Set(program.commands[0]!.options.map((o) => o.long!));
}

/** Check an argv against its command's options; return the value of each option (the last, for repeatable ones all). */
function parseArgv(argv: unknown): { command: string; positional: string[]; opts: Map<string, string[]> } {
  expect(Array.isArray(argv)).toBe(true);
  const list = argv as string[];
  expect(list.every((a) => typeof a === 'string')).toBe(true);
  const command = list[0]!;
  expect(['audit', 'scan', 'shards']).toContain(command);
  const known = optionsOf(command as 'audit');
  const opts = new Map<string, string[]>();
  const positional: string[] = [];
  const flags = new Set(['--org', '--quiet']);
  for (let i = 1; i < list.length; i++) {
    const a = list[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    expect(known, `${command} ${a}`).toContain(a);
    if (flags.has(a)) opts.set(a, []);
    else opts.set(a, [...(opts.get(a) ?? []), list[++i]!]);
  }
  return { command, positional, opts };
}

describe('fan-out state machine (Amazon States Language)', () => {
  it('validates against the schema of the ASL parts it uses', () => {
    const ok = validate(definition());
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema refuses what the states language refuses', () => {
    const broken = (edit: (m: Machine) => void) => {
      const m = definition();
      edit(m);
      return validate(m);
    };
    expect(broken(() => {})).toBe(true);
    expect(broken((m) => (m.States.Prepare!.End = true))).toBe(false); // Next and End together
    expect(broken((m) => delete m.States.AuditShards!.ItemProcessor)).toBe(false);
    expect(broken((m) => (m.States.AuditShards!.ItemReader.Parameters['Key.$'] = 'fanout/shards.json'))).toBe(false); // a .$ field must be a path
    expect(broken((m) => (m.States.Merge!.Resource = 'arn:aws:states:::ecs:runTask'))).toBe(false); // not waiting for the task
    expect(broken((m) => (m.States.AuditShards!.ItemProcessor.ProcessorConfig.Mode = 'INLINE'))).toBe(false);
    expect(broken((m) => (m.States.Merge!.Parameters.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp = 'ENABLED'))).toBe(false);
  });

  it('every state named exists, every state is reachable, each scope ends', () => {
    expect(graphProblems(definition())).toEqual([]);
    const m = definition();
    m.States.Merge!.Next = 'Finished';
    delete m.States.AuditShards!.ItemProcessor.States.ShardFailed;
    expect(graphProblems(m).sort()).toEqual([
      'machine > AuditShards: AuditShard goes to "ShardFailed", which is not a state of this scope',
      'machine: Done cannot be reached from Prepare',
      'machine: Merge goes to "Finished", which is not a state of this scope',
    ]);
  });

  it('reads only input the module writes', () => {
    const used = configKeys(definition());
    const written = inputKeys();
    expect(used.filter((k) => !written.includes(k))).toEqual([]);
    expect(written.filter((k) => !used.includes(k))).toEqual([]);
  });
});

describe('one execution followed on paper', () => {
  const bucket = 'demo-ferpa-ready-evidence-123456789012';
  const exec = { Execution: { Name: 'weekly-2026-11-23' } };
  const config = {
    bucket,
    storeUrl: `s3://${bucket}/runs`,
    cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/demo-ferpa-ready-audit',
    taskDefinition: 'demo-ferpa-ready-audit',
    container: 'ferpa-ready',
    subnets: ['subnet-0a1b2c3d4e5f60718'],
    securityGroups: ['sg-0123456789abcdef0'],
    regions: 'us-east-1,us-west-2',
    accounts: null,
    memberRoleName: 'FerpaReadyAuditor',
    maxConcurrency: 25,
    failOn: 'high',
    mergeCpu: '2048',
    mergeMemory: '8192',
  };
  const m = definition();
  const state1 = payload(m.States.Prepare!.Parameters, { input: config, context: exec }) as Record<string, any>;
  const choose = (input: unknown) => {
    const rule = m.States.HowToList!.Choices[0].And as Array<{ Variable: string; IsPresent?: boolean; IsString?: boolean }>;
    const holds = rule.every((r) => {
      let v: unknown;
      try {
        v = readPath(r.Variable, { input, context: exec });
      } catch {
        return r.IsPresent === false;
      }
      return r.IsPresent !== undefined ? r.IsPresent : r.IsString === (typeof v === 'string');
    });
    return holds ? m.States.HowToList!.Choices[0].Next : m.States.HowToList!.Default;
  };
  const commandOf = (state: State, ctx: AslContext) => payload(state.Parameters, ctx) as { Overrides: { ContainerOverrides: Array<{ Name: string; Command: unknown }>; Cpu?: string; Memory?: string }; TaskDefinition: string; Cluster: string };

  it('lists the organisation when no accounts are given, the accounts when they are', () => {
    expect(choose(state1)).toBe('ListOrganisation');
    expect(choose({ ...state1, config: { ...config, accounts: '111122223333,444455556666' } })).toBe('ListGivenAccounts');
    const given = commandOf(m.States.ListGivenAccounts!, { input: { ...state1, config: { ...config, accounts: '111122223333' } }, context: exec });
    const argv = parseArgv(given.Overrides.ContainerOverrides[0]!.Command);
    expect(argv.opts.get('--accounts')).toEqual(['111122223333']);
  });

  it('the map reads the manifest the enumerator writes, and its items are manifest entries', () => {
    const list = commandOf(m.States.ListOrganisation!, { input: state1, context: exec });
    const argv = parseArgv(list.Overrides.ContainerOverrides[0]!.Command);
    expect(argv.command).toBe('shards');
    expect(argv.opts.has('--org')).toBe(true);
    expect(argv.opts.get('--regions')).toEqual(['us-east-1,us-west-2']);
    const reader = payload(m.States.AuditShards!.ItemReader.Parameters, { input: state1, context: exec }) as { Bucket: string; Key: string };
    expect(argv.opts.get('--out')).toEqual([`s3://${reader.Bucket}/${reader.Key}`]);
    expect(reader.Key).toBe('fanout/weekly-2026-11-23/shards.json');
    // The item fields the map selects are the fields every manifest entry has.
    const schema = JSON.parse(readFileSync(join(REPO, SHARD_SCHEMA), 'utf8'));
    const selected = [...JSON.stringify(m.States.AuditShards!.ItemSelector).matchAll(/\$\$\.Map\.Item\.Value\.([A-Za-z]+)/g)].map((x) => x[1]!);
    expect(selected.length).toBeGreaterThan(0);
    for (const f of selected) expect(schema.items.required, f).toContain(f);
  });

  it('each shard audits its account as that account\'s auditor role and writes where the merge reads', () => {
    const items = parseShardManifest(planShards([{ id: '111122223333' }, { id: '444455556666' }], config.regions.split(','), config.memberRoleName), 'sample');
    const merge = commandOf(m.States.Merge!, { input: state1, context: exec });
    const mergeArgv = parseArgv(merge.Overrides.ContainerOverrides[0]!.Command);
    expect(mergeArgv.command).toBe('scan');
    const snapshots = mergeArgv.positional;
    expect(snapshots).toEqual([`s3://${bucket}/fanout/weekly-2026-11-23/snapshots/`]);
    const reader = payload(m.States.AuditShards!.ItemReader.Parameters, { input: state1, context: exec }) as { Bucket: string; Key: string };
    expect(mergeArgv.opts.get('--shards')).toEqual([`s3://${reader.Bucket}/${reader.Key}`]);
    expect(mergeArgv.opts.get('--store')).toEqual([config.storeUrl]);
    expect(mergeArgv.opts.get('--fail-on')).toEqual(['high']);
    expect(mergeArgv.opts.get('--format')).toEqual([`json=s3://${bucket}/fanout/weekly-2026-11-23/results.json`, `html=s3://${bucket}/fanout/weekly-2026-11-23/readiness.html`, 'text']);
    expect([merge.Overrides.Cpu, merge.Overrides.Memory]).toEqual(['2048', '8192']);
    const inner = m.States.AuditShards!.ItemProcessor;
    for (const item of items) {
      const itemInput = payload(m.States.AuditShards!.ItemSelector, { input: state1, context: { ...exec, Map: { Item: { Value: item } } } });
      const run = commandOf(inner.States[inner.StartAt], { input: itemInput, context: exec });
      expect([run.Cluster, run.TaskDefinition, run.Overrides.ContainerOverrides[0]!.Name]).toEqual([config.cluster, config.taskDefinition, config.container]);
      const argv = parseArgv(run.Overrides.ContainerOverrides[0]!.Command);
      expect(argv.command).toBe('audit');
      expect(argv.opts.get('--account')).toEqual([item.account]);
      expect(argv.opts.get('--role-arn')).toEqual([item.roleArn]);
      expect(argv.opts.get('--shard')).toEqual([item.shard]);
      expect(argv.opts.get('--regions')).toEqual([item.region]);
      // Residency is judged on every region the run reads in the account, not the shard's one.
      expect(argv.opts.get('--run-regions')).toEqual([item.accountRegions]);
      // The shard never fails on findings (only when it cannot run), so the map tells a broken shard from a finding.
      expect(argv.opts.get('--fail-on')).toEqual(['none']);
      expect(argv.opts.get('--snapshot-out')).toEqual([`${snapshots[0]}${item.shard}.json`]);
      expect(argv.opts.get('--format')).toEqual([`json=s3://${bucket}/fanout/weekly-2026-11-23/results/${item.shard}.json`]);
    }
  });

  it('a failed shard is caught and recorded, never the end of the run', () => {
    const inner = m.States.AuditShards!.ItemProcessor;
    const task = inner.States[inner.StartAt];
    expect(task.Catch).toEqual([expect.objectContaining({ ErrorEquals: ['States.ALL'], Next: 'ShardFailed' })]);
    expect(m.States.AuditShards!.ToleratedFailurePercentage).toBe(100);
    expect(m.States.AuditShards!.Next).toBe('Merge');
  });
});

describe('the module with the fan-out on', () => {
  let records: TfRecord[];
  const rec = (address: string) => records.find((r) => r.address === address)!;
  // jsonencode() values come as data, file() values as text.
  const doc = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  beforeAll(async () => {
    records = (await readHcl([join(REPO, MODULE)], { varFiles: [join(REPO, VARS)], root: REPO })).records;
  });

  it('deploys this definition, and its role may read the manifest and write under the run prefix', () => {
    expect(JSON.parse(rec('aws_sfn_state_machine.fanout[0]').values.definition as string)).toEqual(definition());
    const policy = doc(rec('aws_iam_role_policy.fanout[0]').values.policy) as { Statement: Array<{ Sid: string; Action: string | string[]; Resource: string | string[] }> };
    const s3 = policy.Statement.find((s) => s.Sid === 'ManifestAndMapResults')!;
    expect(s3.Action).toEqual(expect.arrayContaining(['s3:GetObject', 's3:PutObject']));
    expect(s3.Resource).toBe(`arn:aws:s3:::${rec('aws_s3_bucket.evidence').values.bucket}/fanout/*`);
    const task = doc(rec('aws_iam_role_policy.task_fanout[0]').values.policy) as typeof policy;
    expect(task.Statement.find((s) => s.Sid === 'AssumeMemberAuditor')!.Resource).toBe('arn:aws:iam::*:role/FerpaReadyAuditor');
    // The single-account schedule steps aside: the fan-out audits this account too.
    expect(rec('aws_scheduler_schedule.audit').values.state).toBe('DISABLED');
  });

  it('scans clean with our own catalog, the new resources evaluated and passing', () => {
    const r = cli(['scan', MODULE, '--var-file', VARS, '--format', 'json', '--fail-on', 'info']);
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(r.stdout) as Results;
    expect(results.findings.filter((f) => f.status === 'fail' || f.status === 'error')).toEqual([]);
    expect(results.findings.filter((f) => f.status === 'unknown' && f.resource.kind !== 'aws.account')).toEqual([]);
    const passedOn = (address: string) => new Set(results.findings.filter((f) => f.resource.address === address && f.status === 'pass').map((f) => f.policyId));
    expect(passedOn('aws_iam_role_policy.fanout[0]')).toEqual(new Set(['aws-iam-no-full-admin', 'aws-iam-no-kms-wildcard', 'aws-iam-no-notaction-allow', 'aws-iam-no-service-wildcard-on-all-resources']));
    expect(passedOn('aws_iam_role_policy.task_fanout[0]').size).toBe(4);
    expect(passedOn('aws_iam_role.fanout[0]')).toContain('aws-iam-role-trust-no-wildcard-principal');
    expect(passedOn('aws_cloudwatch_log_group.fanout[0]')).toContain('aws-log-group-retention-floor');
  }, 120_000);
});
