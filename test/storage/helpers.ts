import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { adaptTerraform } from '../../checks/adapters/terraform/index.js';
import { linkModel } from '../../checks/adapters/link.js';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { runPolicies } from '../../checks/engine/run.js';
import type { Finding, Profile } from '../../checks/engine/types.js';
import type { Model } from '../../checks/model/model.js';
import type { Resource } from '../../checks/model/resource.js';
import type { TfRecord } from '../../checks/sources/terraform/record.js';

export const profile = parseYaml(readFileSync(fileURLToPath(new URL('../../policies/profile.default.yaml', import.meta.url)), 'utf8')) as Profile;
export const catalog = loadCatalog();

/** A Terraform record as the plan or HCL source would produce it. `configured` lists what the configuration writes. */
export function rec(
  address: string,
  values: Record<string, unknown>,
  opts: { references?: Record<string, string[]>; configured?: string[]; source?: 'hcl' | 'plan' } = {},
): TfRecord {
  const [type, name] = address.split('.') as [string, string];
  return {
    address,
    mode: 'managed',
    type,
    name,
    modulePath: '',
    values,
    references: opts.references ?? {},
    ...(opts.configured ? { configured: new Set(opts.configured) } : {}),
    loc: { file: 'main.tf', address },
    input: 'main.tf',
    source: opts.source ?? 'plan',
  };
}

export function model(records: TfRecord[], source: 'hcl' | 'plan' = 'plan'): Model {
  return linkModel(adaptTerraform(records, source));
}

export function get(m: Model, id: string): Resource {
  const r = m.get(id);
  if (!r) throw new Error(`no resource ${id} in model (have ${m.all().map((x) => x.id).join(', ')})`);
  return r;
}

/** Run one catalog policy over a model; status per resource address. */
export function run(policyId: string, m: Model): Record<string, Finding['status']> {
  const p = catalog.byId.get(policyId);
  if (!p) throw new Error(`no policy ${policyId}`);
  const out: Record<string, Finding['status']> = {};
  for (const f of runPolicies([p], m, { profile, checks: catalog.checks })) out[f.resource.address ?? f.resource.arn ?? '?'] = f.status;
  return out;
}

export function findings(policyId: string, m: Model): Finding[] {
  return runPolicies([catalog.byId.get(policyId)!], m, { profile, checks: catalog.checks });
}
