import { InputError } from '../checks/errors.js';
import type { Results } from '../checks/engine/types.js';
import { renderGitlabSast } from './gitlab-sast.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';
import type { PolicyMeta, RenderOptions, Renderer, ReportFormat } from './types.js';

export type { PolicyMeta, RenderOptions, Renderer, ReportFormat } from './types.js';
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
