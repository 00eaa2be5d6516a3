import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
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
  let text: string;
  try {
    text = readFileSync(resolve(spec), 'utf8');
  } catch (e) {
    throw new InputError(`cannot read baseline (${(e as NodeJS.ErrnoException).code ?? 'error'})`, spec);
  }
  return { index: bl.parseBaseline(text, spec), label: spec };
}
