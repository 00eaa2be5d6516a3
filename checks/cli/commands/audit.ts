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

export function registerAudit(program: Command, setExit: (code: number) => void): void {
  const audit = program
    .command('audit')
    .description('Audit a live AWS account (read-only) with the same policies; writes a snapshot and results')
    .option('--regions <list>', 'comma-separated regions, or "all" for every enabled region', 'us-east-1')
    .option('--profile <name>', 'AWS shared-config profile')
    .option('--role-arn <arn>', 'role to assume for the audit')
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
      // Heavy modules (the AWS SDK clients) load only when the command runs, so --help stays fast.
      const { collectSnapshot, serializeSnapshot } = await import('../../sources/live/index.js');
      const { scanPaths } = await import('../../pipeline/scan.js');
      const targets = parseOutputTargets(opts.format, RUN_DOCUMENTS, 'text');
      const { config, catalog, frameworks } = loadContext({ config: opts.config, policies: opts.policies, frameworks: opts.framework });
      const failOn = parseSeverity(opts.failOn, config.failOn ?? 'high');
      const concurrency = Number(opts.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1) throw new InputError(`--concurrency: expected a positive whole number, got "${opts.concurrency}"`);
      const regions = opts.regions === 'all' ? 'all' : String(opts.regions).split(',').map((r: string) => r.trim()).filter(Boolean);
      const snapshot = await collectSnapshot({
        regions,
        profile: opts.profile,
        roleArn: opts.roleArn,
        endpointUrl: opts.endpointUrl,
        quiet: Boolean(opts.quiet),
        concurrency,
        now: clock,
        ...(opts.org ? { org: { roleName: String(opts.orgRoleName), accountConcurrency: positiveInt(opts.accountConcurrency, '--account-concurrency') } } : {}),
        ...(opts.configAggregator ? { configAggregator: String(opts.configAggregator), ...(opts.configRegion ? { configRegion: String(opts.configRegion) } : {}) } : {}),
      });
      if (!opts.quiet && process.stderr.isTTY) process.stderr.write('\r\x1b[K');
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
        // The baseline is read before this run is stored, so `--baseline store` compares with the previous run.
        const loaded = opts.baseline ? await loadBaselineInput(opts.baseline, opts.store) : undefined;
        const bl = loaded ? await import('../../pipeline/baseline.js') : undefined;
        const marked = bl && loaded ? bl.applyBaseline(results, loaded.index) : results;
        const newOnly = bl ? bl.newOnlyView(marked, loaded?.label) : results;
        await renderOutputs(targets, { catalog, run: { results: marked, newOnly, options: {} }, readiness: () => runReadiness(marked, config, frameworks?.ids[0]) });
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

function positiveInt(raw: unknown, flag: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new InputError(`${flag}: expected a positive whole number, got "${String(raw)}"`);
  return n;
}
