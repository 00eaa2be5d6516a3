import type { TfRecord } from '../../checks/sources/terraform/record.js';
import { adaptTerraform } from '../../checks/adapters/terraform/index.js';
import { linkModel } from '../../checks/adapters/link.js';
import type { Model } from '../../checks/model/model.js';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { runPolicies } from '../../checks/engine/run.js';
import type { Finding, Profile } from '../../checks/engine/types.js';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

let line = 1;

/** A TfRecord as a source would produce it; `configured` defaults to the keys of `values` (what the configuration wrote). */
export function rec(address: string, values: Record<string, unknown>, opts: Partial<TfRecord> = {}): TfRecord {
  const [type, name] = address.replace(/\[[^\]]*\]/g, '').split('.').slice(-2) as [string, string];
  return {
    address,
    mode: 'managed',
    type,
    name,
    modulePath: '',
    values,
    references: {},
    configured: new Set(Object.keys(values)),
    loc: { file: 'main.tf', line: line++ },
    input: 'main.tf',
    source: 'plan',
    ...opts,
  };
}

export function model(records: TfRecord[], source: 'hcl' | 'plan' = 'plan'): Model {
  return linkModel(adaptTerraform(records, source));
}

export const profile = parse(readFileSync(new URL('../../policies/profile.default.yaml', import.meta.url), 'utf8')) as Profile;

const catalog = loadCatalog();

/** Run one policy over a model; findings keyed by resource address. */
export function run(policyId: string, m: Model): Map<string, Finding> {
  const p = catalog.byId.get(policyId);
  if (!p) throw new Error(`policy ${policyId} not in the catalog`);
  const out = new Map<string, Finding>();
  for (const f of runPolicies([p], m, { profile, checks: catalog.checks })) out.set(f.resource.address ?? f.resource.arn ?? '', f);
  return out;
}

export function status(policyId: string, m: Model, address: string): string | undefined {
  return run(policyId, m).get(address)?.status;
}
