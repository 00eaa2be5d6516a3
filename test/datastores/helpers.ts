import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { adaptTerraform } from '../../checks/adapters/terraform/index.js';
import { linkModel } from '../../checks/adapters/link.js';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { runPolicies } from '../../checks/engine/run.js';
import type { Finding, Profile } from '../../checks/engine/types.js';
import type { Model } from '../../checks/model/model.js';
import type { Resource } from '../../checks/model/resource.js';
import type { TfRecord } from '../../checks/sources/terraform/record.js';

export const PROFILE = parseYaml(readFileSync(join(__dirname, '../../policies/profile.default.yaml'), 'utf8')) as Profile;
export const CATALOG = loadCatalog();

/**
 * A TfRecord as the plan source would produce it. `configured` lists the attribute paths written in the
 * configuration; by default every top-level key of `values` (pass `configured: null` for "unknown").
 */
export function rec(
  address: string,
  values: Record<string, unknown>,
  opts: { references?: Record<string, string[]>; configured?: string[] | null; source?: 'hcl' | 'plan' } = {},
): TfRecord {
  const [type, name] = address.replace(/\[.*\]$/, '').split('.').slice(-2) as [string, string];
  const configured = opts.configured === null ? undefined : new Set(opts.configured ?? Object.keys(values));
  return {
    address,
    mode: 'managed',
    type,
    name,
    modulePath: '',
    values,
    references: opts.references ?? {},
    ...(configured ? { configured } : {}),
    actions: ['create'],
    loc: { file: 'plan.json', address },
    input: 'plan.json',
    source: opts.source ?? 'plan',
  };
}

/** A KMS key resource as the KMS adapter (another area) would produce it, for links. */
export function kmsKey(address: string, customerManaged: boolean | undefined, identifiers: string[] = []): Resource {
  return {
    kind: 'aws.kms.key',
    id: address,
    source: 'plan',
    address,
    loc: { file: 'plan.json', address },
    attrs: { customerManaged: customerManaged === undefined ? { value: undefined, origin: 'unknown' } : { value: customerManaged, origin: 'explicit' } },
    links: {},
    identifiers,
    linkRefs: [],
  };
}

export function model(records: TfRecord[], extra: Resource[] = []): Model {
  return linkModel([...adaptTerraform(records, 'plan'), ...extra]);
}

export function one(m: Model, address: string): Resource {
  const r = m.get(address);
  if (!r) throw new Error(`no resource ${address}; have ${m.all().map((x) => x.id).join(', ')}`);
  return r;
}

/** Findings of one policy, by resource address -> status. */
export function verdicts(policyId: string, m: Model, profile: Profile = PROFILE): Record<string, string> {
  const policy = CATALOG.byId.get(policyId);
  if (!policy) throw new Error(`policy ${policyId} not in catalog`);
  const out: Record<string, string> = {};
  for (const f of runPolicies([policy], m, { profile, checks: CATALOG.checks }) as Finding[]) out[f.resource.address ?? f.resource.arn ?? '?'] = f.status;
  return out;
}

export function findings(policyId: string, m: Model, profile: Profile = PROFILE): Finding[] {
  return runPolicies([CATALOG.byId.get(policyId)!], m, { profile, checks: CATALOG.checks });
}
