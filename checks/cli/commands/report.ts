import type { Command } from 'commander';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { loadAttestationFile } from '../../engine/config.js';
import type { Attestation, Results } from '../../engine/types.js';
import { InputError } from '../../errors.js';
import { parseJsonBytes } from '../../util/json-parse-large.js';
import { readNamedInput } from '../../util/input-file.js';
import { describeAjvError, schemaValidator } from '../../util/schemas.js';
import { buildReport, crosswalkFrameworks, FERPA_FRAMEWORK, trendPointOf, type ReportFramework, type ReportInput, type TrendPoint } from '../../../reports/ferpa/model.js';
import { renderFerpaHtml } from '../../../reports/ferpa/html.js';
import { renderFerpaJson } from '../../../reports/ferpa/json.js';
import { renderFerpaMarkdown } from '../../../reports/ferpa/markdown.js';
import { chromiumPath, PDF_MAX_EVIDENCE_ROWS, renderFerpaPdf } from '../../../reports/ferpa/pdf.js';
import { checkAttestations } from '../../engine/attestations.js';
import { clock, loadContext, policyMeta, selectedFrameworks } from '../context.js';
import { collect, parseFormats } from '../output.js';
import { isS3Url, writeTarget } from '../s3-output.js';
import { jsonChunks } from '../../util/json-chunks.js';
import { pushAll } from '../../util/push-all.js';

export const REPORT_FORMATS = ['html', 'pdf', 'markdown', 'json'];

function readBytes(file: string, what: string): Buffer {
  return readNamedInput(resolve(file), file, what);
}

function parseJson(bytes: Buffer, file: string): unknown {
  try {
    return parseJsonBytes(bytes);
  } catch (e) {
    throw new InputError(`not valid JSON: ${(e as Error).message.split('\n')[0]}`, file);
  }
}

/** Read and validate one results document (reports/schema/results.schema.json). */
export function readResultsFile(file: string): ReportInput {
  const bytes = readBytes(file, 'results file');
  const data = parseJson(bytes, file);
  const validate = schemaValidator('reports/schema/results.schema.json');
  if (!validate(data)) throw new InputError(`not a ferpa-ready results document: ${describeAjvError(validate.errors)}`, file);
  return { results: data as Results, path: file, sha256: createHash('sha256').update(bytes).digest('hex') };
}

function readAttestations(files: string[], catalog: ReturnType<typeof loadContext>['catalog']): Attestation[] {
  return files.flatMap((f) => {
    const list = loadAttestationFile(resolve(f), f);
    checkAttestations(list, catalog.frameworks, f);
    return list;
  });
}

/** The framework a report is for: `--framework` (one), default FERPA. */
function reportFramework(given: string[], catalog: ReturnType<typeof loadContext>['catalog']): ReportFramework {
  const ids = selectedFrameworks(given, catalog);
  return catalog.frameworks.get(ids[0] ?? FERPA_FRAMEWORK) ?? catalog.framework;
}

function readHistory(files: string[], frameworkId: string): { points: TrendPoint[]; previous: string | null } {
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

/**
 * Render the readiness report in each requested format (html, pdf, markdown, json) to its file or stdout.
 * Shared by `report` and by `scan`/`audit --format html=...|pdf=...`.
 */
export async function writeReportTargets(
  targets: Array<{ format: string; file?: string }>,
  inputs: ReportInput[],
  ctx: {
    catalog: ReturnType<typeof loadContext>['catalog'];
    now: Date;
    attestations: Attestation[];
    history?: TrendPoint[];
    previousReportSha256?: string | null;
    profile?: ReturnType<typeof loadContext>['config']['profile'];
    /** The framework whose report this is (default FERPA). */
    framework?: ReportFramework;
  },
): Promise<void> {
  for (const t of targets) if (t.format === 'pdf' && !t.file) throw new InputError('--format pdf: give a file name (pdf=report.pdf)');
  const chrome = targets.some((t) => t.format === 'pdf') ? chromiumPath(process.env) : undefined;
  const { catalog, now } = ctx;
  const report = buildReport(inputs, ctx.framework ?? catalog.framework, policyMeta(catalog.policies), {
    now,
    attestations: ctx.attestations,
    history: ctx.history ?? [],
    previousReportSha256: ctx.previousReportSha256 ?? null,
    profile: ctx.profile,
    crosswalk: crosswalkFrameworks(catalog.frameworks),
  });
  let htmlDoc: string | undefined;
  const htmlOnce = () => (htmlDoc ??= renderFerpaHtml(report));
  for (const t of targets) {
    let out: string | Buffer;
    if (t.format === 'json') out = renderFerpaJson(report);
    else if (t.format === 'markdown') out = renderFerpaMarkdown(report);
    else if (t.format === 'html') out = htmlOnce();
    else out = await renderFerpaPdf(renderFerpaHtml(report, { maxEvidenceRows: PDF_MAX_EVIDENCE_ROWS }), { executablePath: chrome!, now });
    if (t.file) await writeTarget(t.file, out);
    else process.stdout.write(typeof out === 'string' && !out.endsWith('\n') ? `${out}\n` : out);
  }
}

/** Trend points from a run store: each stored run's results rolled up into control statuses. */
async function storeTrend(spec: string, last: number, catalog: ReturnType<typeof loadContext>['catalog'], attestations: Attestation[], framework: ReportFramework): Promise<TrendPoint[]> {
  if (!Number.isInteger(last) || last < 1) throw new InputError(`--trend-runs: expected a positive whole number, got "${last}"`);
  const { openStore } = await import('../../store/index.js');
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
  program
    .command('report')
    .description('Readiness report by control (HTML, PDF, Markdown, JSON) from one or more scan results files: FERPA for a DPA review, or another framework of the catalog')
    .requiredOption('--results <file>', 'a results JSON file written by `scan --format json=FILE` (repeatable; they merge), or s3://bucket/prefix/: every .json results document under it (the shards of a fan-out audit)', collect, [])
    .option('-f, --format <fmt[=file]>', `output format, repeatable: ${REPORT_FORMATS.join(', ')} (pdf needs a file)`, collect, [])
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
      const targets = parseFormats(opts.format, REPORT_FORMATS, 'markdown');
      const fanout = files.some((f) => isS3Url(f)) || Boolean(opts.shards) || Boolean(opts.merged);
      let inputs = fanout ? [] : files.map(readResultsFile);
      if (new Set(opts.framework).size > 1) throw new InputError(`report: one --framework per report (got ${[...new Set(opts.framework)].join(', ')}); write one report per framework`);
      // With --framework, config.profile is that framework's (shown when the results carry none).
      const { config, catalog } = loadContext({ config: opts.config, policies: opts.policies, frameworks: opts.framework });
      const framework = reportFramework(opts.framework, catalog);
      const history = readHistory(opts.history, framework.framework);
      const now = clock();
      if (fanout) {
        const { mergeShardResults } = await import('../merge-shards.js');
        const merged = await mergeShardResults(files, opts.shards, { config, catalog, now });
        if (opts.merged) await writeTarget(opts.merged, jsonChunks(merged.results));
        inputs = [merged];
      }
      if (opts.store) pushAll(history.points, await storeTrend(opts.store, Number(opts.trendRuns), catalog, config.attestations, framework));
      history.points.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      await writeReportTargets(targets, inputs, {
        catalog,
        now,
        attestations: [...config.attestations, ...readAttestations(opts.attestations, catalog)],
        history: history.points,
        previousReportSha256: history.previous,
        profile: config.profile,
        framework,
      });
    });
}
