import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { adaptSnapshot } from '../../checks/adapters/live/index.js';
import { linkModel } from '../../checks/adapters/link.js';
import { loadCatalog, type Catalog } from '../../checks/pipeline/catalog.js';
import { runPolicies } from '../../checks/engine/run.js';
import type { Finding, Profile } from '../../checks/engine/types.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';

let catalog: Catalog | undefined;

export function defaultProfile(): Profile {
  return parseYaml(readFileSync(new URL('../../policies/profile.default.yaml', import.meta.url), 'utf8')) as Profile;
}

/** Snapshot -> live model -> findings of the whole catalog (as `ferpa-ready scan snapshot.json` does). */
export function evaluateSnapshot(snapshot: Snapshot, display = 'snapshot.json', only?: string[]): Finding[] {
  catalog ??= loadCatalog();
  const model = linkModel(adaptSnapshot(snapshot, display));
  return runPolicies(catalog.policies, model, { profile: defaultProfile(), checks: catalog.checks, ...(only ? { only: new Set(only) } : {}) });
}

/** The status of one policy on one resource; throws (with what there was) when there is no such finding. */
export function statusOf(findings: Finding[], policyId: string, arn: string): string {
  const f = findings.find((x) => x.policyId === policyId && x.resource.arn === arn);
  if (!f) {
    const forPolicy = findings.filter((x) => x.policyId === policyId).map((x) => `${x.resource.arn}=${x.status}`);
    throw new Error(`no ${policyId} finding for ${arn} (policy findings: ${forPolicy.join(', ') || 'none'})`);
  }
  return f.status;
}
