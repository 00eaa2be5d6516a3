// The render step of scan, audit and report: each --format target rendered from the document its
// format renders (reports/formats.ts) and written to its file or stdout.
import { createHash } from 'node:crypto';
import type { ReadinessRenderer } from '../../reports/formats.js';
import type { ReportInput, TrendPoint } from '../../reports/ferpa/model.js';
import type { RenderOptions } from '../../reports/types.js';
import type { Catalog } from '../engine/catalog.js';
import type { Config } from '../engine/config.js';
import type { Attestation, Results } from '../engine/types.js';
import { jsonChunks } from '../util/json-chunks.js';
import { timedAsync } from '../util/timing.js';
import { policyMeta } from './context.js';
import type { OutputTarget } from './output-formats.js';
import { writeStdout } from './output.js';
import { writeTarget } from './s3-output.js';

/** What the readiness report is built from. */
export interface ReadinessSources {
  inputs: ReportInput[];
  now: Date;
  attestations: Attestation[];
  history?: TrendPoint[];
  previousReportSha256?: string | null;
  profile?: Config['profile'];
  /** Id of the framework whose report this is (default the catalog's, FERPA). */
  framework?: string;
}

export interface OutputDocuments {
  catalog: Catalog;
  /** scan and audit: this run's results. */
  run?: {
    /** Every finding, those already open in a --baseline marked `baseline`. */
    results: Results;
    /** The findings new since the baseline (the same document without a baseline). */
    newOnly: Results;
    options: RenderOptions;
  };
  /** Sources of the readiness report; called only when a target renders it. */
  readiness: () => ReadinessSources;
  /** The S3 endpoint for `fmt=s3://bucket/key` targets (--endpoint-url). */
  endpointUrl?: string;
}

/** Render every target, the readiness report's first, and write each to its file or stdout. */
export async function renderOutputs(targets: readonly OutputTarget[], docs: OutputDocuments): Promise<void> {
  await timedAsync('readiness report', () => renderReadiness(targets, docs));
  const meta = policyMeta(docs.catalog.policies);
  for (const t of targets) {
    if (t.format.document !== 'results') continue;
    if (!docs.run) throw new Error(`--format ${t.format.name}: no results to render`);
    const doc = t.format.keepsBaseline ? docs.run.results : docs.run.newOnly;
    const pieces = t.format.chunks(doc, meta, docs.run.options);
    await timedAsync(`render and write ${t.format.name}`, () => write(t, pieces, docs.endpointUrl));
  }
}

async function renderReadiness(targets: readonly OutputTarget[], docs: OutputDocuments): Promise<void> {
  const wanted = targets.filter((t) => t.format.document === 'readiness');
  if (!wanted.length) return;
  // Renderers load before the report is built: what one needs (Chromium) is checked before any work.
  const renderers = new Map<string, ReadinessRenderer>();
  for (const t of wanted) if (t.format.document === 'readiness' && !renderers.has(t.format.name)) renderers.set(t.format.name, await t.format.load());
  const { buildReport, crosswalkFrameworks } = await import('../../reports/ferpa/model.js');
  const src = docs.readiness();
  const { catalog } = docs;
  const framework = (src.framework !== undefined ? catalog.frameworks.get(src.framework) : undefined) ?? catalog.framework;
  const report = buildReport(src.inputs, framework, policyMeta(catalog.policies), {
    now: src.now,
    attestations: src.attestations,
    history: src.history ?? [],
    previousReportSha256: src.previousReportSha256 ?? null,
    profile: src.profile,
    crosswalk: crosswalkFrameworks(catalog.frameworks),
  });
  const rendered = new Map<string, string | Uint8Array>();
  for (const t of wanted) {
    let out = rendered.get(t.format.name);
    if (out === undefined) rendered.set(t.format.name, (out = await renderers.get(t.format.name)!(report, { now: src.now })));
    await write(t, out, docs.endpointUrl);
  }
}

/** To the target's file (local, written atomically, or an s3:// object) or stdout. */
async function write(t: OutputTarget, out: string | Uint8Array | Iterable<string>, endpointUrl?: string): Promise<void> {
  if (t.file) return writeTarget(t.file, out, endpointUrl);
  // parseOutputTargets gives a format that cannot go to stdout (pdf) a file
  if (out instanceof Uint8Array) throw new Error(`--format ${t.format.name}: cannot write to stdout`);
  writeStdout(typeof out === 'string' ? [out] : out);
}

/**
 * The readiness report of one run (scan, audit): its results, named by its inputs, on the run's clock,
 * for the first `--framework` given (FERPA without one).
 */
export function runReadiness(results: Results, config: Pick<Config, 'attestations' | 'profile'>, frameworkId?: string): ReadinessSources {
  // The hash of JSON.stringify(results), taken in pieces (the text of a large run is longer than one string can be).
  const hash = createHash('sha256');
  for (const piece of jsonChunks(results)) hash.update(piece);
  const input = { results, path: results.inputs.map((i) => i.path).join(', ') || 'scan', sha256: hash.digest('hex') };
  return { inputs: [input], now: new Date(results.generatedAt), attestations: config.attestations, profile: config.profile, ...(frameworkId !== undefined ? { framework: frameworkId } : {}) };
}
