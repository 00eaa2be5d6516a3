import { InputError } from '../checks/errors.js';
import type { Results } from '../checks/engine/types.js';
import { formatsFor, outputFormat, type ResultsFormat } from './formats.js';
import type { PolicyMeta, RenderOptions } from './types.js';

export type { ChunkedRenderer, PolicyMeta, RenderOptions, Renderer } from './types.js';
export { formatsFor, outputFormat, OUTPUT_FORMATS, type OutputDocument, type OutputFormat, type ReadinessFormat, type ReadinessRenderer, type ResultsFormat } from './formats.js';

/** The names of the formats that render a results document (reports/formats.ts). */
export const RESULTS_FORMATS: readonly string[] = formatsFor(['results']).map((f) => f.name);

function resultsFormat(name: string): ResultsFormat {
  const f = outputFormat(name, 'results');
  if (!f) throw new InputError(`unknown output format "${name}" (expected one of ${RESULTS_FORMATS.join(', ')})`);
  return f;
}

/** Render a results document in one format. Pure: the same document and metadata give the same bytes. */
export function render(format: string, results: Results, meta: PolicyMeta[] = [], opts: RenderOptions = {}): string {
  return resultsFormat(format).render(results, meta, opts);
}

/**
 * `render` in pieces (joined, the same bytes), for writing output that may be longer than one string
 * can be (a few hundred thousand findings).
 */
export function renderChunks(format: string, results: Results, meta: PolicyMeta[] = [], opts: RenderOptions = {}): Iterable<string> {
  return resultsFormat(format).chunks(results, meta, opts);
}
