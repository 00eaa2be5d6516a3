import type { Command } from 'commander';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { loadAttestationFile } from '../../engine/config.js';
import type { Attestation } from '../../engine/types.js';
import { InputError } from '../../errors.js';
import type { ReportFramework, TrendPoint } from '../../../reports/ferpa/model.js';
import { checkAttestations } from '../../engine/attestations.js';
import { clock, loadContext, policyMeta, selectedFrameworks } from '../context.js';
import { addFormatOption, parseOutputTargets } from '../output-formats.js';
import { collect } from '../output.js';
import { renderOutputs } from '../render-outputs.js';
import { isS3Url, writeTarget } from '../s3-output.js';
import { jsonChunks } from '../../util/json-chunks.js';
import { pushAll } from '../../util/push-all.js';
import { parseJson, readBytes, readResultsFile } from '../results-file.js';

// The report model loads when the command runs (start-up stays fast).
const reportModel = () => import('../../../reports/ferpa/model.js');

function readAttestations(files: string[], catalog: ReturnType<typeof loadContext>['catalog']): Attestation[] {
  return files.flatMap((f) => {
    const list = loadAttestationFile(resolve(f), f);
    checkAttestations(list, catalog.frameworks, f);
    return list;
  });
}

/** The framework a report is for: `--framework` (one), default FERPA. */
async function reportFramework(given: string[], catalog: ReturnType<typeof loadContext>['catalog']): Promise<ReportFramework> {
  const { FERPA_FRAMEWORK } = await reportModel();
  const ids = selectedFrameworks(given, catalog);
  return catalog.frameworks.get(ids[0] ?? FERPA_FRAMEWORK) ?? catalog.framework;
}

async function readHistory(files: string[], frameworkId: string): Promise<{ points: TrendPoint[]; previous: string | null }> {
  const { trendPointOf } = await reportModel();
  const points: Array<TrendPoint & { sha: string }> = [];
  for (const f of files) {
    const bytes = readBytes(f, 'history report');
    const data = parseJson(bytes, f);
    const p = trendPointOf(data, f);
    if (!p) throw new InputError('not a ferpa-ready JSON readiness report (write one with `ferpa-ready report --format json=FILE`)', f);
    const other = (data as { framework?: { id?: unknown } }).framework?.id;
    if (typeof other === 'string' && other !== frameworkId) throw new InputError(`a ${other} readiness report; this report is for ${frameworkId}, so its trend takes ${frameworkId} reports only`, f);
    points.push({ ...p, sha: createHash('sha256').update(bytes).digest('hex') });
  }
  points.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { points: points.map(({ sha: _sha, ...p }) => p), previous: points.length ? points[points.length - 1]!.sha : null };
}

/** Trend points from a run store: each stored run's results rolled up into control statuses. */
async function storeTrend(spec: string, last: number, catalog: ReturnType<typeof loadContext>['catalog'], attestations: Attestation[], framework: ReportFramework): Promise<TrendPoint[]> {
  if (!Number.isInteger(last) || last < 1) throw new InputError(`--trend-runs: expected a positive whole number, got "${last}"`);
  const { openStore } = await import('../../store/index.js');
  const { buildReport, trendPointOf } = await reportModel();
  const { renderFerpaJson } = await import('../../../reports/ferpa/json.js');
  const store = await openStore(spec);
  const { runs } = await store.list();
  const points: TrendPoint[] = [];
  for (const run of runs.slice(-last)) {
    const results = await store.readResults(run.manifest.id);
    const report = buildReport([{ results, path: run.manifest.id, sha256: run.manifest.resultsSha256 }], framework, policyMeta(catalog.policies), {
      now: new Date(results.generatedAt),
      attestations,
    });
    const p = trendPointOf(JSON.parse(renderFerpaJson(report)), `run ${run.manifest.seq}`);
    if (p) points.push({ ...p, at: run.manifest.time });
  }
  return points;
}

export function registerReport(program: Command, _setExit: (code: number) => void): void {
  const report = program
    .command('report')
    .description('Readiness report by control (HTML, PDF, Markdown, JSON) from one or more scan results files: FERPA for a DPA review, or another framework of the catalog')
    .requiredOption('--results <file>', 'a results JSON file written by `scan --format json=FILE` (repeatable; they merge), or s3://bucket/prefix/: every .json results document under it (the shards of a fan-out audit)', collect, []);
  addFormatOption(report, ['readiness'], 'markdown')
    .option('-c, --config <file>', 'configuration file (default: ./.ferpa-ready.yaml when present)')
    .option('--attestations <file>', 'attestations YAML/JSON file (repeatable)', collect, [])
    .option('--history <file>', 'an earlier JSON readiness report, for the trend (repeatable)', collect, [])
    .option('--policies <dir>', 'extra policy folder (repeatable)', collect, [])
    .option('--framework <id>', 'the framework the report is organised by: ferpa (default), nist-800-53-moderate, fedramp-moderate, soc2', collect, [])
    .option('--store <dir|s3://bucket/prefix>', 'a run store: the trend chart shows its last runs')
    .option('--trend-runs <n>', 'how many stored runs the trend shows', '10')
    .option('--shards <file|s3://bucket/key>', 'the shard manifest of a fan-out audit: the results merge into one document, and a shard without results is an error in every policy over it')
    .option('--merged <file|s3://bucket/key>', 'write the merged results document here (with an s3:// --results prefix or --shards)')
    .action(async (opts) => {
      const files: string[] = opts.results;
      if (!files.length) throw new InputError('report: give at least one --results file');
      const targets = parseOutputTargets(opts.format, ['readiness'], 'markdown');
      const fanout = files.some((f) => isS3Url(f)) || Boolean(opts.shards) || Boolean(opts.merged);
      let inputs = fanout ? [] : files.map(readResultsFile);
      if (new Set(opts.framework).size > 1) throw new InputError(`report: one --framework per report (got ${[...new Set(opts.framework)].join(', ')}); write one report per framework`);
      // With --framework, config.profile is that framework's (shown when the results carry none).
      const { config, catalog } = loadContext({ config: opts.config, policies: opts.policies, frameworks: opts.framework });
      const framework = await reportFramework(opts.framework, catalog);
      const history = await readHistory(opts.history, framework.framework);
      const now = clock();
      if (fanout) {
        const { mergeShardResults } = await import('../merge-shards.js');
        const merged = await mergeShardResults(files, opts.shards, { config, catalog, now });
        if (opts.merged) await writeTarget(opts.merged, jsonChunks(merged.results));
        inputs = [merged];
      }
      if (opts.store) pushAll(history.points, await storeTrend(opts.store, Number(opts.trendRuns), catalog, config.attestations, framework));
      history.points.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      const attestations = [...config.attestations, ...readAttestations(opts.attestations, catalog)];
      await renderOutputs(targets, {
        catalog,
        readiness: () => ({ inputs, now, attestations, history: history.points, previousReportSha256: history.previous, profile: config.profile, framework: framework.framework }),
      });
    });
}
