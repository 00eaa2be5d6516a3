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

/** The source in words, when the row names no input. */
const SOURCE_LABEL: Record<string, string> = {
  hcl: 'Terraform source',
  plan: 'Terraform plan',
  live: 'live account',
  app: 'application tests',
};

/** What the input is, before its path: a root module directory, a plan file, a live snapshot. */
const INPUT_LABEL: Record<string, string> = {
  hcl: 'root module',
  plan: 'plan',
  live: 'snapshot',
  app: 'application test run',
};

/** The parts of an evidence row's origin line: "root module envs/prod · account 1111… · region us-east-1". */
export function originParts(e: { source: string; input?: string; account: string | null; region: string | null }): {
  label: string;
  path: string | null;
  account: string | null;
  region: string | null;
} {
  return e.input !== undefined
    ? { label: INPUT_LABEL[e.source] ?? e.source, path: e.input, account: e.account, region: e.region }
    : { label: SOURCE_LABEL[e.source] ?? e.source, path: null, account: e.account, region: e.region };
}
