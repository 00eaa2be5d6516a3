// The in-memory policy tester: resources -> the model a scan builds -> the findings of some policies of
// a catalog. `policies test` (fixtures.ts) judges a policy's fixtures with the catalog this module gives
// it, and the tests judge hand-built records and snapshots with the same functions (test/helpers/policy-tester.ts).
import { adaptSnapshot } from '../adapters/live/index.js';
import { linkModel } from '../adapters/link.js';
import { adaptTerraform } from '../adapters/terraform/index.js';
import type { Catalog } from '../engine/catalog.js';
import type { Policy } from '../engine/policy.js';
import { runPolicies } from '../engine/run.js';
import type { Finding, Profile, Status } from '../engine/types.js';
import { DATA_STORE_KIND } from '../model/kinds/inventory.js';
import type { Model } from '../model/model.js';
import type { Resource } from '../model/resource.js';
import type { Snapshot } from '../sources/live/snapshot.js';
import type { TfRecord } from '../sources/terraform/record.js';

/** Terraform records (as the plan or HCL source reads them) adapted and linked, with resources another adapter made. */
export function modelOfRecords(records: TfRecord[], source: 'hcl' | 'plan', extra: Resource[] = []): Model {
  return linkModel([...adaptTerraform(records, source), ...extra]);
}

/** A live snapshot adapted and linked; `display` is the file name findings show. */
export function modelOfSnapshot(snapshot: Snapshot, display: string): Model {
  return linkModel(adaptSnapshot(snapshot, display));
}

/**
 * The catalog a policy is tested with: the policy alone, or, for an inventory policy (FERPA-GOV-01,
 * over `aws.data-store`), with every other policy, since it judges what the rest of the catalog evaluated.
 */
export function catalogUnderTest(policy: Policy, catalog: Catalog): Catalog {
  const others = policy.resource === DATA_STORE_KIND ? catalog.policies.filter((p) => p.resource !== DATA_STORE_KIND) : [];
  const policies = [...others, policy];
  return { ...catalog, policies, byId: new Map(policies.map((p) => [p.id, p])) };
}

/**
 * Findings of the named policies of a catalog over a model, in catalog order (every policy when `ids`
 * is omitted); an id not in the catalog throws, so a renamed policy cannot leave a test judging nothing.
 */
export function judge(model: Model, opts: { catalog: Catalog; profile: Profile; ids?: string[] }): Finding[] {
  for (const id of opts.ids ?? []) if (!opts.catalog.byId.has(id)) throw new Error(`policy ${id} is not in the catalog`);
  return runPolicies(opts.catalog.policies, model, { profile: opts.profile, checks: opts.catalog.checks, ...(opts.ids ? { only: new Set(opts.ids) } : {}) });
}

/** Where a finding is: the resource's address (Terraform) or ARN (live). */
export function findingPlace(f: Finding): string {
  return f.resource.address ?? f.resource.arn ?? '?';
}

/** Status per place (`findingPlace`); with several findings on one place the last wins. */
export function verdictsOf(findings: Finding[]): Record<string, Status> {
  const out: Record<string, Status> = {};
  for (const f of findings) out[findingPlace(f)] = f.status;
  return out;
}

/** One line for a problem message: `fail aws_db_instance.a, pass aws_db_instance.b` or `no findings`. */
export function describeFindings(findings: Finding[]): string {
  if (!findings.length) return 'no findings';
  return findings.map((f) => `${f.status} ${f.resource.address ?? f.resource.arn}`).join(', ');
}
