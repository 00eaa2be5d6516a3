import type { Command } from 'commander';
import { dirname, resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { clock, loadContext } from '../context.js';
import { EXIT_USAGE, exitCodeFor, parseSeverity, unreadInputs } from '../exit.js';
import { unknownGateExit, unknownGatingPolicies } from '../unknown-gate.js';
import { collect } from '../output.js';
import { addFormatOption, baselineHelp, parseOutputTargets, RUN_DOCUMENTS } from '../output-formats.js';
import { renderOutputs, runReadiness } from '../render-outputs.js';
import { loadBaselineInput } from '../baseline-input.js';
import { isS3Url } from '../s3-output.js';

function parseVars(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq <= 0) throw new InputError(`--var: expected NAME=VALUE, got "${v}"`);
    out[v.slice(0, eq)] = v.slice(eq + 1);
  }
  return out;
}

/** `--cache DIR` when it can be written; otherwise one warning line, and the scan runs without it. */
async function usableCache(dir: string): Promise<string | undefined> {
  const { cacheDirProblem } = await import('../../sources/hcl/parse-cache.js');
  const problem = cacheDirProblem(dir);
  if (!problem) return dir;
  process.stderr.write(`warning: --cache ${dir}: cannot be written (${problem}); scanning without the cache\n`);
  return undefined;
}

export function registerScan(program: Command, setExit: (code: number) => void): void {
  const scan = program
    .command('scan')
    .description('Scan Terraform source directories or .tf files, plan JSON (terraform show -json) and live snapshots')
    .argument('[paths...]', 'directories, .tf files, plan JSON files or snapshot JSON files; s3://bucket/prefix/ reads every .json snapshot under the prefix (the shards of a fan-out audit) and merges them')
    .option('--plan <file>', 'a plan JSON file (repeatable; same as giving it as a path)', collect, []);
  addFormatOption(scan, RUN_DOCUMENTS, 'text')
    .option('--fail-on <severity>', 'exit 1 when a failing finding, or a check that could not be decided (error), is at or above this severity (critical|high|medium|low|info|none)')
    .option('--allow-errors', 'accept partial results: checks that could not be decided (error findings) do not make the exit status 1 (config: allowErrors: true)')
    .option('-c, --config <file>', 'configuration file (default: ./.ferpa-ready.yaml when present)')
    .option('--policies <dir>', 'extra policy folder (repeatable)', collect, [])
    .option('--framework <id>', 'judge against this framework (repeatable: ferpa, nist-800-53-moderate, fedramp-moderate, soc2): its profile decides the parameters, findings carry its control ids; default ferpa', collect, [])
    .option('--var <name=value>', 'Terraform variable for HCL evaluation (repeatable)', collect, [])
    .option('--var-file <file>', 'Terraform variables file for HCL evaluation (repeatable)', collect, [])
    .option('--verbose', 'list passing findings in text output')
    .option('--file-dirs', 'scan the folder of each .tf/.tf.json file given, once, instead of the files alone (for pre-commit, which passes changed files)')
    .option('--baseline <file>', `an earlier results JSON, or "store" for the latest run in --store: findings still open in it are kept (marked baseline) but do not fail the run or show in ${baselineHelp()}`)
    .option('--store <dir|s3://bucket/prefix>', 'keep this run (results, input hashes, link to the previous run) in a run store')
    .option('--cache [dir]', 'keep parsed Terraform files by content in this directory for the next run (default .ferpa-ready/cache; write it after the paths or as --cache=DIR)')
    .option('--shards <file|s3://bucket/key>', 'the shard manifest of a fan-out audit (`ferpa-ready shards --out`): a shard no snapshot covers is reported as error in every policy, never left out')
    .action(async (paths: string[], opts) => {
      const { scanPaths } = await import('../../pipeline/scan.js');
      const { classifyAs } = await import('../../pipeline/inputs.js');
      for (const p of opts.plan as string[]) classifyAs(resolve(p), 'plan', '--plan');
      // s3:// inputs are fetched first (fan-out shards); the results name them by their URLs. Loaded only then: a local scan starts without it.
      const fan = paths.some((p) => isS3Url(p)) || opts.shards ? await import('../fanout-inputs.js') : undefined;
      const remote = fan ? await fan.fetchInputs(paths, opts.shards) : undefined;
      const shards = fan && remote ? fan.addMissingShardSnapshots(remote, clock()) : undefined;
      let all = [...(remote?.paths ?? paths), ...opts.plan].map((p: string) => resolve(p));
      if (opts.fileDirs) all = [...new Set(all.map((p) => (/\.tf(\.json)?$/.test(p) ? dirname(p) : p)))];
      if (!all.length) throw new InputError('scan: give at least one directory, .tf file, plan or snapshot');
      const targets = parseOutputTargets(opts.format, RUN_DOCUMENTS, 'text');
      const { config, catalog, frameworks } = loadContext({ config: opts.config, policies: opts.policies, frameworks: opts.framework });
      const failOn = parseSeverity(opts.failOn, config.failOn ?? 'high');
      // --baseline (checks/pipeline/baseline.ts): the formats marked keepsBaseline in reports/formats.ts keep every finding, the rest and the exit code see new ones only.
      const bl = opts.baseline ? await import('../../pipeline/baseline.js') : undefined;
      const loaded = opts.baseline ? await loadBaselineInput(opts.baseline, opts.store) : undefined;
      const baseline = loaded?.index;
      const cache = opts.cache ? await usableCache(resolve(opts.cache === true ? '.ferpa-ready/cache' : opts.cache)) : undefined;
      const { results, models } = await scanPaths(all, {
        config,
        catalog,
        now: clock(),
        hcl: { vars: parseVars(opts.var), varFiles: opts.varFile.map((f: string) => resolve(f)), env: process.env, ...(cache ? { cache } : {}) },
        ...(frameworks ? { frameworks } : {}),
      });
      if (fan && remote) fan.renameInputs(results, remote.names);
      if (fan && shards) {
        results.shards = shards;
        fan.missingShardDiagnostics(results, shards);
      }
      const marked = bl && baseline ? bl.applyBaseline(results, baseline) : results;
      const newOnly = bl ? bl.newOnlyView(marked, loaded?.label) : results;
      await renderOutputs(targets, { catalog, run: { results: marked, newOnly, options: { verbose: Boolean(opts.verbose) } }, readiness: () => runReadiness(marked, config, frameworks?.ids[0]) });
      for (const d of results.diagnostics ?? []) if (d.level === 'warning') process.stderr.write(`warning: ${d.message}\n`);
      for (const m of models) if (!m.model.all().length) process.stderr.write(`note: no resources found in ${m.input.display}\n`);
      // An input that could not be read: the outputs above cover the others; the run is not stored
      // (a stored run is evidence of a complete scan), and the exit status is 2.
      const unread = unreadInputs(results);
      for (const u of unread) process.stderr.write(`ferpa-ready: ${u.path}: not scanned: ${u.error}\n`);
      if (opts.store && unread.length) process.stderr.write(`ferpa-ready: run not stored: ${unread.length} of ${results.inputs.length} inputs could not be read, and a stored run must cover them all\n`);
      else if (opts.store) {
        const { appendRun } = await import('../../store/index.js');
        const { store, run } = await appendRun(opts.store, results);
        process.stderr.write(`stored run ${run.id} in ${store.location}\n`);
      }
      setExit(unread.length ? EXIT_USAGE : exitCodeFor(newOnly, failOn, { allowErrors: Boolean(opts.allowErrors) || config.allowErrors === true }) || unknownGateExit(newOnly, failOn, unknownGatingPolicies(catalog.policies)));
    });
}
