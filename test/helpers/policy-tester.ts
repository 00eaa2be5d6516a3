// The one in-memory policy tester of the test tree: hand-built Terraform records or a snapshot -> the model
// a scan builds -> findings of catalog policies, through checks/pipeline/policy-tester.ts (what
// `policies test` uses). A test that needs files on disk and the whole scan uses test/cli or scanPaths instead.
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { defaultProfile } from '../../checks/engine/config.js';
import type { Finding, Profile, Status } from '../../checks/engine/types.js';
import { Model } from '../../checks/model/model.js';
import type { Resource } from '../../checks/model/resource.js';
import type { Val } from '../../checks/model/value.js';
import { findingPlace, judge, modelOfRecords, modelOfSnapshot, verdictsOf } from '../../checks/pipeline/policy-tester.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { TfRecord } from '../../checks/sources/terraform/record.js';

export const PROFILE: Profile = defaultProfile();
export const CATALOG = loadCatalog();

export interface RecOptions {
  references?: Record<string, string[]>;
  /**
   * Attribute paths written in the configuration (without list indices, as the sources record them).
   * Default: every path in `values`, nested blocks included (the configuration wrote all it shows);
   * `null`: the source does not say (every present value counts as written).
   */
  configured?: string[] | null;
  source?: 'hcl' | 'plan';
  region?: string;
  mode?: 'managed' | 'data';
  loc?: TfRecord['loc'];
}

/**
 * A TfRecord as the plan or HCL source produces it. Type and name come from the address
 * (`module.db.aws_db_instance.main[0]`); an address with a `data` part is a data source.
 */
export function rec(address: string, values: Record<string, unknown>, opts: RecOptions = {}): TfRecord {
  const parts = address.replace(/\[[^\]]*\]/g, '').split('.');
  const [type, name] = parts.slice(-2) as [string, string];
  const isData = parts[parts.length - 3] === 'data';
  const configured = opts.configured === null ? undefined : new Set(opts.configured ?? pathsOf(values));
  return {
    address,
    mode: opts.mode ?? (isData ? 'data' : 'managed'),
    type,
    name,
    modulePath: '',
    values,
    references: opts.references ?? {},
    ...(configured ? { configured } : {}),
    actions: ['create'],
    loc: opts.loc ?? { file: 'plan.json', address },
    input: 'plan.json',
    source: opts.source ?? 'plan',
    ...(opts.region ? { region: opts.region } : {}),
  };
}

/** Every attribute path of a value, through nested blocks (lists of objects), without indices: `rule`, `rule.status`. */
function pathsOf(values: Record<string, unknown>, prefix = '', out = new Set<string>()): string[] {
  for (const [k, v] of Object.entries(values)) {
    out.add(prefix + k);
    for (const item of Array.isArray(v) ? v : [v]) {
      if (item && typeof item === 'object' && Object.getPrototypeOf(item) === Object.prototype) pathsOf(item as Record<string, unknown>, `${prefix}${k}.`, out);
    }
  }
  return [...out];
}

/** A model resource as another adapter would produce it (for links, or engine tests without adapters). */
export function resource(kind: string, id: string, attrs: Record<string, Val>, extra: Partial<Resource> = {}): Resource {
  return { kind, id, source: 'plan', address: id, arn: null, loc: { file: 'plan.json', address: id }, attrs, links: {}, identifiers: [], linkRefs: [], ...extra };
}

/** A KMS key as the KMS adapter produces it: customer managed, AWS managed, or not known (undefined). */
export function kmsKey(address: string, customerManaged: boolean | undefined, identifiers: string[] = []): Resource {
  const attr: Val = customerManaged === undefined ? { value: undefined, origin: 'unknown' } : { value: customerManaged, origin: 'explicit' };
  return resource('aws.kms.key', address, { customerManaged: attr }, { arn: undefined, identifiers });
}

/** Records adapted and linked as a scan of that source does, with resources of other adapters. */
export function model(records: TfRecord[], source: 'hcl' | 'plan' = 'plan', extra: Resource[] = []): Model {
  return modelOfRecords(records, source, extra);
}

/** A resource of the model by id; throws naming what the model has. */
export function get(m: Model, id: string): Resource {
  const r = m.get(id);
  if (!r) throw new Error(`no resource ${id} in the model (have ${m.all().map((x) => x.id).join(', ')})`);
  return r;
}

type Input = Model | TfRecord[];
const asModel = (input: Input): Model => (Array.isArray(input) ? model(input) : input);

/** Findings of one catalog policy over a model (or plan records), with the default profile unless given. */
export function findings(policyId: string, input: Input, profile: Profile = PROFILE): Finding[] {
  return judge(asModel(input), { catalog: CATALOG, profile, ids: [policyId] });
}

/** Status of one policy per resource address (ARN for live resources). */
export function verdicts(policyId: string, input: Input, profile: Profile = PROFILE): Record<string, Status> {
  return verdictsOf(findings(policyId, input, profile));
}

/** Findings of one policy by resource address (ARN for live resources). */
export function findingsByPlace(policyId: string, input: Input, profile: Profile = PROFILE): Map<string, Finding> {
  return new Map(findings(policyId, input, profile).map((f) => [findingPlace(f), f]));
}

/** Status of one policy on one resource address; undefined when the policy did not judge it. */
export function statusOf(policyId: string, input: Input, address: string, profile: Profile = PROFILE): Status | undefined {
  return findings(policyId, input, profile).find((f) => f.resource.address === address)?.status;
}

/** Snapshot -> live model -> findings of the whole catalog, or of the `only` policies (as `ferpa-ready scan snapshot.json` judges it). */
export function evaluateSnapshot(snapshot: Snapshot, display = 'snapshot.json', only?: string[]): Finding[] {
  return judge(modelOfSnapshot(snapshot, display), { catalog: CATALOG, profile: PROFILE, ...(only ? { ids: only } : {}) });
}

/** The status of one policy on one ARN among findings; throws (with what there was) when there is no such finding. */
export function statusAt(all: Finding[], policyId: string, arn: string): Status {
  const f = all.find((x) => x.policyId === policyId && x.resource.arn === arn);
  if (!f) {
    const forPolicy = all.filter((x) => x.policyId === policyId).map((x) => `${x.resource.arn}=${x.status}`);
    throw new Error(`no ${policyId} finding for ${arn} (policy findings: ${forPolicy.join(', ') || 'none'})`);
  }
  return f.status;
}

/** An IAM policy document (JSON text) of the given statements. */
export const doc = (...Statement: unknown[]): string => JSON.stringify({ Version: '2012-10-17', Statement });

export { Model };
