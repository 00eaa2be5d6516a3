// Every output format in one table. The CLI's --format choices and help text, which document a format
// renders, and its renderer all come from here. The readiness report's renderers load when first used:
// starting the CLI loads neither the HTML report nor the Chromium driver.
import type { FerpaReport } from './ferpa/model.js';
import { renderGitlabSast, renderGitlabSastChunks } from './gitlab-sast.js';
import { renderJson, renderJsonChunks } from './json.js';
import { renderJunit, renderJunitChunks } from './junit.js';
import { renderMarkdown, renderMarkdownChunks } from './markdown.js';
import { renderSarif, renderSarifChunks } from './sarif.js';
import { renderText, renderTextChunks } from './text.js';
import type { ChunkedRenderer, Renderer } from './types.js';

/** What a format renders: a scan's results document, or the readiness report (FERPA or another framework) built from results. */
export type OutputDocument = 'results' | 'readiness';

interface FormatBase {
  name: string;
  /** One line for --help. */
  description: string;
  /** File name extension, without the dot. */
  extension: string;
  /** Whether it can go to stdout (a PDF needs a file). */
  stdout: boolean;
}

export interface ResultsFormat extends FormatBase {
  document: 'results';
  /**
   * Keeps the findings a --baseline already had open, marked `baseline` (tools that track known alerts
   * themselves read these); the other formats list new findings only.
   */
  keepsBaseline: boolean;
  render: Renderer;
  /** The same text in pieces, for output longer than one string can be. */
  chunks: ChunkedRenderer;
}

export interface ReadinessRenderOptions {
  /** The report's clock (a PDF's dates). */
  now: Date;
}

/** Renders the readiness report: text, or the bytes of a printed document. */
export type ReadinessRenderer = (report: FerpaReport, opts: ReadinessRenderOptions) => string | Promise<Uint8Array>;

export interface ReadinessFormat extends FormatBase {
  document: 'readiness';
  /** Loads the renderer; throws an InputError when something it needs is missing (Chromium for pdf). */
  load(): Promise<ReadinessRenderer>;
}

export type OutputFormat = ResultsFormat | ReadinessFormat;

export const OUTPUT_FORMATS: readonly OutputFormat[] = [
  results('text', 'txt', 'findings by status, for a terminal', false, renderText, renderTextChunks),
  results('json', 'json', 'the results document (reports/schema/results.schema.json): input of report and --baseline', true, renderJson, renderJsonChunks),
  results('sarif', 'sarif', 'SARIF 2.1.0 for GitHub code scanning', true, renderSarif, renderSarifChunks),
  results('junit', 'xml', 'JUnit XML for CI test reports, one test case per finding', false, renderJunit, renderJunitChunks),
  results('markdown', 'md', 'Markdown for a pull-request comment', false, renderMarkdown, renderMarkdownChunks),
  results('gitlab-sast', 'json', 'GitLab SAST report for the merge-request security widget', true, renderGitlabSast, renderGitlabSastChunks),
  readiness('html', 'html', 'the readiness report by control (FERPA, or the --framework given) as one self-contained HTML file', true, async () => {
    const { renderFerpaHtml } = await import('./ferpa/html.js');
    return (report) => renderFerpaHtml(report);
  }),
  readiness('pdf', 'pdf', 'the readiness report printed by headless Chromium (needs a file)', false, async () => {
    const [{ chromiumPath, PDF_MAX_EVIDENCE_ROWS, renderFerpaPdf }, { renderFerpaHtml }] = await Promise.all([import('./ferpa/pdf.js'), import('./ferpa/html.js')]);
    const executablePath = chromiumPath();
    return (report, { now }) => renderFerpaPdf(renderFerpaHtml(report, { maxEvidenceRows: PDF_MAX_EVIDENCE_ROWS }), { executablePath, now });
  }),
  readiness('markdown', 'md', 'the readiness report in Markdown', true, async () => {
    const { renderFerpaMarkdown } = await import('./ferpa/markdown.js');
    return (report) => renderFerpaMarkdown(report);
  }),
  readiness('json', 'json', 'the readiness report as JSON (input of report --history)', true, async () => {
    const { renderFerpaJson } = await import('./ferpa/json.js');
    return (report) => renderFerpaJson(report);
  }),
];

function results(name: string, extension: string, description: string, keepsBaseline: boolean, render: Renderer, chunks: ChunkedRenderer): ResultsFormat {
  return { name, document: 'results', description, extension, stdout: true, keepsBaseline, render, chunks };
}

function readiness(name: string, extension: string, description: string, stdout: boolean, load: () => Promise<ReadinessRenderer>): ReadinessFormat {
  return { name, document: 'readiness', description, extension, stdout, load };
}

/**
 * The formats a command offers when it renders these documents, in the table's order: a name is
 * offered once, by the first of `documents` that has it (scan's `markdown` is the results' Markdown;
 * its `html` and `pdf` are the readiness report of the run).
 */
export function formatsFor<D extends OutputDocument>(documents: readonly D[]): Array<Extract<OutputFormat, { document: D }>> {
  const out = new Map<string, Extract<OutputFormat, { document: D }>>();
  for (const d of documents) for (const f of OUTPUT_FORMATS) if (f.document === d && !out.has(f.name)) out.set(f.name, f as Extract<OutputFormat, { document: D }>);
  return [...out.values()];
}

/** The format of this name that renders this document, if there is one. */
export function outputFormat<D extends OutputDocument>(name: string, document: D): Extract<OutputFormat, { document: D }> | undefined {
  return OUTPUT_FORMATS.find((f): f is Extract<OutputFormat, { document: D }> => f.name === name && f.document === document);
}
