import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { parseJsonBytes } from '../util/json-parse-large.js';
import { readInputBytes } from '../util/input-file.js';
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
  // bounded like every input (a regular file, within --max-input-size); parsed in pieces when needed:
  // the results of a large run are longer than one string can be
  const bytes = readInputBytes(resolve(spec), spec, 'a results JSON file');
  let doc: unknown;
  try {
    doc = parseJsonBytes(bytes);
  } catch {
    throw new InputError('baseline is not valid JSON', spec);
  }
  return { index: bl.baselineIndex(doc, spec), label: spec };
}
