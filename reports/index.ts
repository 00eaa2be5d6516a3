import { InputError } from '../checks/errors.js';
import type { Results } from '../checks/engine/types.js';
import { renderGitlabSast, renderGitlabSastChunks } from './gitlab-sast.js';
import { renderJson, renderJsonChunks } from './json.js';
import { renderJunit, renderJunitChunks } from './junit.js';
import { renderMarkdown, renderMarkdownChunks } from './markdown.js';
import { renderSarif, renderSarifChunks } from './sarif.js';
import { renderText, renderTextChunks } from './text.js';
import type { ChunkedRenderer, PolicyMeta, RenderOptions, Renderer, ReportFormat } from './types.js';

export type { ChunkedRenderer, PolicyMeta, RenderOptions, Renderer, ReportFormat } from './types.js';
export { REPORT_FORMATS } from './types.js';

/** Format name -> renderer. Other formats (html, pdf) are added here by their own modules. */
const RENDERERS: Record<ReportFormat, Renderer> = {
  text: renderText,
  json: renderJson,
  sarif: renderSarif,
  junit: renderJunit,
  markdown: renderMarkdown,
};

export function isReportFormat(format: string): format is ReportFormat {
  return Object.prototype.hasOwnProperty.call(RENDERERS, format);
}

/** Render a results document in one format. Pure: the same document and metadata give the same bytes. */
export function render(format: string, results: Results, meta: PolicyMeta[] = [], opts: RenderOptions = {}): string {
  switch (format) {
    // html (and pdf) come from the HTML report module; add their cases here.
    case 'gitlab-sast':
      return renderGitlabSast(results, meta, opts);
    default:
      if (!isReportFormat(format)) {
        throw new InputError(`unknown output format "${format}" (expected one of ${Object.keys(RENDERERS).join(', ')})`);
      }
      return RENDERERS[format](results, meta, opts);
  }
}

const CHUNKED: Record<ReportFormat | 'gitlab-sast', ChunkedRenderer> = {
  text: renderTextChunks,
  json: renderJsonChunks,
  sarif: renderSarifChunks,
  junit: renderJunitChunks,
  markdown: renderMarkdownChunks,
  'gitlab-sast': renderGitlabSastChunks,
};

/**
 * `render` in pieces (joined, the same bytes), for writing output that may be longer than one string
 * can be (a few hundred thousand findings).
 */
export function renderChunks(format: string, results: Results, meta: PolicyMeta[] = [], opts: RenderOptions = {}): Iterable<string> {
  if (!Object.prototype.hasOwnProperty.call(CHUNKED, format)) {
    throw new InputError(`unknown output format "${format}" (expected one of ${Object.keys(RENDERERS).join(', ')})`);
  }
  return CHUNKED[format as keyof typeof CHUNKED](results, meta, opts);
}
