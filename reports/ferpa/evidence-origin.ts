// Where an evidence row comes from: the root module, plan or snapshot (the finding's `input`, or the
// one input of its kind when the scan read only one), the AWS account and the region.
import type { Finding, Results, ResultsInput } from '../../checks/engine/types.js';

const INPUT_KINDS: Record<string, Array<ResultsInput['kind']>> = {
  hcl: ['hcl'],
  plan: ['plan'],
  live: ['live', 'snapshot'],
  snapshot: ['snapshot', 'live'],
  app: ['app'],
};

/**
 * The input a finding of this results document comes from: its own `input` when the scan set one
 * (several inputs of one source), else the document's only readable input of the finding's source.
 */
export function findingInput(f: Finding, results: Results): string | undefined {
  if (f.input !== undefined) return f.input;
  const kinds = INPUT_KINDS[f.source] ?? [f.source as ResultsInput['kind']];
  const candidates = results.inputs.filter((i) => kinds.includes(i.kind) && !i.error);
  return candidates.length === 1 ? candidates[0]!.path : undefined;
}

/** Each finding of the documents mapped to its input (findingInput). */
export function inputsByFinding(docs: Array<{ results: Results }>): Map<Finding, string> {
  const out = new Map<Finding, string>();
  for (const d of docs) {
    for (const f of d.results.findings) {
      const input = findingInput(f, d.results);
      if (input !== undefined) out.set(f, input);
    }
  }
  return out;
}

/** What the source is, in words, for "hcl: envs/prod" lines. */
export const SOURCE_LABEL: Record<string, string> = {
  hcl: 'Terraform source',
  plan: 'Terraform plan',
  live: 'live account',
  snapshot: 'live snapshot',
  app: 'application tests',
};
