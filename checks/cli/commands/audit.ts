import type { Command } from 'commander';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { clock, loadContext } from '../context.js';
import { exitCodeFor, parseSeverity } from '../exit.js';
import { unknownGateExit, unknownGatingPolicies } from '../unknown-gate.js';
import { collect, writeOutput } from '../output.js';
import { addFormatOption, parseOutputTargets, RUN_DOCUMENTS } from '../output-formats.js';
import { renderOutputs, runReadiness } from '../render-outputs.js';
import { loadBaselineInput } from '../baseline-input.js';
import { writeTarget } from '../s3-output.js';

export function registerAudit(program: Command, setExit: (code: number) => void): void {
  const audit = program
    .command('audit')
    .description('Audit a live AWS account (read-only) with the same policies; writes a snapshot and results')
    .option('--regions <list>', 'comma-separated regions, or "all" for every enabled region', 'us-east-1')
    .option('--profile <name>', 'AWS shared-config profile')
    .option('--role-arn <arn>', 'role to assume for the audit')
    .option('--account <id>', 'the account to audit (one shard of a fan-out): assumes --role-arn, else the --org-role-name role in that account, and refuses a run whose credentials reach another account')
    .option('--shard <id>', 'name of this shard of a fan-out audit (account-region); the results record it, so a merge can tell which shards arrived')
    .option('--run-regions <list>', 'with --shard: every region the fan-out audits in this account (the manifest\'s accountRegions), recorded as audited so residency is judged on the whole run')
    .option('--endpoint-url <url>', 'AWS endpoint (an emulator or VPC endpoint); default AWS_ENDPOINT_URL')
    .option('--snapshot-out <file>', 'write the collected snapshot here: a file or s3://bucket/key (JSON; re-scan it offline with `scan snapshot.json`)');
  addFormatOption(audit, RUN_DOCUMENTS, 'text')
    .option('--fail-on <severity>', 'exit 1 when a failing finding, or a check that could not be decided (error), is at or above this severity')
    .option('--allow-errors', 'accept a partial audit: checks that could not be decided (a read denied, throttled or timed out) do not make the exit status 1 (config: allowErrors: true)')
    .option('-c, --config <file>', 'configuration file')
    .option('--policies <dir>', 'extra policy folder (repeatable)', collect, [])
    .option('--framework <id>', 'judge against this framework (repeatable: ferpa, nist-800-53-moderate, fedramp-moderate, soc2): its profile decides the parameters, findings carry its control ids; default ferpa', collect, [])
    .option('--baseline <file|store>', 'an earlier results JSON, or "store" for the latest run in --store: only new findings fail the run (alert on what is new)')
    .option('--store <dir|s3://bucket/prefix>', 'keep this run (results, input hashes, link to the previous run) in a run store')
    .option('--concurrency <n>', 'concurrent calls per service and region', '4')
    .option('--org', 'audit every ACTIVE account of the AWS Organization (organizations:ListAccounts), assuming --org-role-name in each member')
    .option('--org-role-name <name>', 'read-only role to assume in each member account with --org (deploy it from checks/sources/live/iam-policy.json)', 'FerpaReadyAuditor')
    .option('--account-concurrency <n>', 'member accounts audited at once with --org', '4')
    .option('--config-aggregator <name>', 'read the resource types AWS Config records through this aggregator (SelectAggregateResourceConfig); other types through the describe APIs')
    .option('--config-region <region>', 'region of the --config-aggregator (default: the first audited region)')
    .option('-q, --quiet', 'no progress display')
    .action(async (opts) => {
      const shard = shardOptions(opts);
      // Heavy modules (the AWS SDK clients) load only when the command runs, so --help stays fast.
      // The scan pipeline and renderers load after the collection: the first API call goes out sooner.
      const { collectSnapshot, serializeSnapshot } = await import('../../sources/live/index.js');
      const targets = parseOutputTargets(opts.format, RUN_DOCUMENTS, 'text');
      const { config, catalog, frameworks } = loadContext({ config: opts.config, policies: opts.policies, frameworks: opts.framework });
      const failOn = parseSeverity(opts.failOn, config.failOn ?? 'high');
      const concurrency = Number(opts.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1) throw new InputError(`--concurrency: expected a positive whole number, got "${opts.concurrency}"`);
      const regions = opts.regions === 'all' ? 'all' : String(opts.regions).split(',').map((r: string) => r.trim()).filter(Boolean);
      const snapshot = await collectSnapshot({
        regions,
        profile: opts.profile,
        roleArn: shard.roleArn,
        endpointUrl: opts.endpointUrl,
        quiet: Boolean(opts.quiet),
        concurrency,
        now: clock,
        ...(opts.org ? { org: { roleName: String(opts.orgRoleName), accountConcurrency: positiveInt(opts.accountConcurrency, '--account-concurrency') } } : {}),
        ...(opts.configAggregator ? { configAggregator: String(opts.configAggregator), ...(opts.configRegion ? { configRegion: String(opts.configRegion) } : {}) } : {}),
        ...(shard.runRegions ? { runRegions: shard.runRegions } : {}),
      });
      if (!opts.quiet && process.stderr.isTTY) process.stderr.write('\r\x1b[K');
      // A shard must audit the account it names: credentials that reach another one are an input error, nothing written.
      if (shard.account && snapshot.account.id !== shard.account) throw new InputError(`--account ${shard.account}: the credentials reach account ${snapshot.account.id}, not this one (check --role-arn)`);
      if (!opts.quiet) process.stderr.write(`${callSummary(snapshot.calls ?? [])}\n`);
      const { scanPaths } = await import('../../pipeline/scan.js');
      // `{time}` in --snapshot-out becomes the run's time (20261122T030000Z), so scheduled runs never overwrite.
      if (typeof opts.snapshotOut === 'string') opts.snapshotOut = opts.snapshotOut.replaceAll('{time}', clock().toISOString().replace(/[-:]|\.\d{3}/g, ''));
      const toS3 = typeof opts.snapshotOut === 'string' && opts.snapshotOut.startsWith('s3://');
      if (toS3) await (await import('../s3-output.js')).writeS3Object(opts.snapshotOut, serializeSnapshot(snapshot), opts.endpointUrl);
      let snapFile = opts.snapshotOut && !toS3 ? resolve(opts.snapshotOut) : undefined;
      let tmp: string | undefined;
      if (snapFile) writeOutput(snapFile, serializeSnapshot(snapshot));
      else {
        tmp = mkdtempSync(join(tmpdir(), 'ferpa-ready-audit-'));
        snapFile = join(tmp, 'snapshot.json');
        writeOutput(snapFile, serializeSnapshot(snapshot));
      }
      try {
        const { results } = await scanPaths([snapFile], { config, catalog, now: clock(), ...(frameworks ? { frameworks } : {}) });
        if (opts.shard) results.shards = [{ id: shard.id!, account: snapshot.account.id, regions: snapshot.regions, status: 'audited', ...(toS3 ? { input: opts.snapshotOut } : {}) }];
        // A snapshot written to S3 was scanned from a temporary copy: the results name the object.
        if (toS3) (await import('../fanout-inputs.js')).renameInputs(results, new Map([[snapFile, String(opts.snapshotOut)]]));
        // The baseline is read before this run is stored, so `--baseline store` compares with the previous run.
        const loaded = opts.baseline ? await loadBaselineInput(opts.baseline, opts.store) : undefined;
        const bl = loaded ? await import('../../pipeline/baseline.js') : undefined;
        const marked = bl && loaded ? bl.applyBaseline(results, loaded.index) : results;
        const newOnly = bl ? bl.newOnlyView(marked, loaded?.label) : results;
        await renderOutputs(targets, { catalog, run: { results: marked, newOnly, options: {} }, readiness: () => runReadiness(marked, config, frameworks?.ids[0]), endpointUrl: opts.endpointUrl });
        if (opts.store) {
          const { appendRun } = await import('../../store/index.js');
          const { store, run } = await appendRun(opts.store, results);
          process.stderr.write(`stored run ${run.id} in ${store.location}\n`);
        }
        const failedCalls = snapshot.calls?.filter((c) => !c.ok).length ?? 0;
        if (failedCalls) process.stderr.write(`warning: ${failedCalls} API call(s) failed; the policies that needed them report "error"\n`);
        for (const acct of snapshot.accounts ?? []) {
          if (acct.status === 'error') process.stderr.write(`warning: account ${acct.id}${acct.name ? ` (${acct.name})` : ''} was not audited: ${acct.error?.message ?? 'unreachable'}; its policies report "error"\n`);
        }
        setExit(exitCodeFor(newOnly, failOn, { allowErrors: Boolean(opts.allowErrors) || config.allowErrors === true }) || unknownGateExit(newOnly, failOn, unknownGatingPolicies(catalog.policies)));
      } finally {
        if (tmp) rmSync(tmp, { recursive: true, force: true });
      }
    });
}

/** `audit: 112 API calls: ec2 40, s3 12, ... (3 failed)`: the calls of this audit per service, most first. */
export function callSummary(calls: ReadonlyArray<{ service: string; ok: boolean }>): string {
  const by = new Map<string, number>();
  for (const c of calls) by.set(c.service, (by.get(c.service) ?? 0) + 1);
  const failed = calls.filter((c) => !c.ok).length;
  const list = [...by].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([service, n]) => `${service} ${n}`);
  return `audit: ${calls.length} API call${calls.length === 1 ? '' : 's'}${list.length ? `: ${list.join(', ')}` : ''}${failed ? ` (${failed} failed)` : ''}`;
}

/** `--account` / `--shard` / `--run-regions`: the role to assume (given, or the auditor role of that account), the shard's name and the run's regions. */
function shardOptions(opts: { account?: string; shard?: string; roleArn?: string; orgRoleName?: string; org?: boolean; runRegions?: string; regions?: string }): { account?: string; id?: string; roleArn?: string; runRegions?: string[] } {
  if (opts.shard !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(String(opts.shard))) throw new InputError(`--shard: expected a name of letters, digits, ".", "_" and "-" (account-region), got "${String(opts.shard)}"`);
  const runRegions = runRegionsOf(opts);
  const named = { ...(opts.shard ? { id: String(opts.shard) } : {}), ...(runRegions ? { runRegions } : {}) };
  if (opts.account === undefined) return { ...(opts.roleArn ? { roleArn: opts.roleArn } : {}), ...named };
  const account = String(opts.account);
  if (!/^\d{12}$/.test(account)) throw new InputError(`--account: expected a 12-digit AWS account id, got "${account}"`);
  if (opts.org) throw new InputError('--account audits one account; --org audits the whole organisation: give one of them');
  if (opts.roleArn && !opts.roleArn.includes(`::${account}:role/`)) throw new InputError(`--role-arn ${opts.roleArn} is not a role of account ${account}`);
  return { account, roleArn: opts.roleArn ?? `arn:aws:iam::${account}:role/${opts.orgRoleName ?? 'FerpaReadyAuditor'}`, ...named };
}

/** `--run-regions`: only for a shard, and holding the shard's own regions (a run that skips them is not this run). */
function runRegionsOf(opts: { shard?: string; runRegions?: string; regions?: string }): string[] | undefined {
  if (opts.runRegions === undefined) return undefined;
  if (opts.shard === undefined) throw new InputError('--run-regions: only with --shard (the regions of the fan-out this shard belongs to)');
  const list = String(opts.runRegions).split(',').map((r) => r.trim()).filter(Boolean);
  for (const r of list) if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(r)) throw new InputError(`--run-regions: "${r}" is not an AWS region name`);
  const own = String(opts.regions ?? '').split(',').map((r) => r.trim()).filter(Boolean);
  const missing = own.filter((r) => r !== 'all' && !list.includes(r));
  if (missing.length || own.includes('all')) throw new InputError(`--run-regions: must hold the shard's own --regions (${own.join(', ')})`);
  return list;
}

function positiveInt(raw: unknown, flag: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new InputError(`${flag}: expected a positive whole number, got "${String(raw)}"`);
  return n;
}
