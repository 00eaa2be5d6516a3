import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { parseJsonBytes } from '../util/json-parse-large.js';
import type { BaselineIndex } from '../pipeline/baseline.js';

/**
 * `--baseline <file>` reads an earlier results document; `--baseline store` takes the latest complete
 * run of `--store`, so a scheduled audit alerts only on findings that are new since its last run.
 */
export async function loadBaselineInput(spec: string, storeSpec: string | undefined): Promise<{ index: BaselineIndex; label: string }> {
  const bl = await import('../pipeline/baseline.js');
  if (spec === 'store') {
    if (!storeSpec) throw new InputError('--baseline store: needs --store');
    const { openStore } = await import('../store/index.js');
    const store = await openStore(storeSpec);
    const { runs } = await store.list();
    const last = runs[runs.length - 1];
    const label = last ? `stored run ${last.manifest.id}` : 'an empty store';
    const results = last ? await store.readResults(last.manifest.id) : { findings: [] };
    return { index: bl.baselineIndex(results, label), label };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(spec));
  } catch (e) {
    throw new InputError(`cannot read baseline (${(e as NodeJS.ErrnoException).code ?? 'error'})`, spec);
  }
  // In pieces when needed: the results of a large run are longer than one string can be.
  let doc: unknown;
  try {
    doc = parseJsonBytes(bytes);
  } catch {
    throw new InputError('baseline is not valid JSON', spec);
  }
  return { index: bl.baselineIndex(doc, spec), label: spec };
}
