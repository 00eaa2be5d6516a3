import { defineCheck, type Observed } from '../engine/code-check.js';
import type { IamStatement } from '../model/iam-document.js';
import { ofKind, type KindResource } from '../model/typed.js';
import { isUnknown, type UnknownValue } from '../model/value.js';
import { globMatch } from './lib/iam.js';
import { resourcePolicy, strs } from './lib/policy-doc.js';

/** Condition operators under which `aws:RequestedRegion` lists the regions a Deny leaves open. */
const NEGATED_OPS = new Set(['stringnotequals', 'stringnotequalsignorecase', 'stringnotlike']);

/**
 * Services holding student records: a NotAction that exempts creating their stores lets those stores be
 * created in any region. KMS is not one of them: a key holds no record, and both AWS's IAM example and
 * Control Tower's Region deny control exempt `kms:*` (a store in another region is still denied by its own
 * service).
 */
const DATA_SERVICES = ['s3', 'rds', 'dynamodb', 'ec2', 'elasticache', 'redshift', 'es', 'aoss', 'backup', 'glacier', 'elasticfilesystem', 'fsx', 'docdb-elastic', 'neptune-db', 'kafka', 'mq', 'sagemaker', 'glue', 'lakeformation', 'dax', 'timestream', 'cassandra', 'qldb', 'memorydb', 'kinesis', 'firehose', 'sqs', 'sns', 'logs', 'secretsmanager', 'ssm', 'lambda'];

/** Verbs of the actions that make a store or put data in a new place (CreateBucket, RestoreDBInstance..., CopySnapshot, RunInstances, ImportImage, ReplicateKey). */
const CREATING_VERBS = ['create', 'restore', 'copy', 'run', 'import', 'replicate'];

/** S3 Multi-Region Access Point operations: a control plane served from us-west-2 only, holding no data (Control Tower exempts them). */
const GLOBAL_CONTROL_PLANE = /^s3:[a-z]*multiregionaccesspoint/i;

/**
 * Whether a NotAction entry exempts creating a data store: its service part matches a data service and its
 * action part can name an action that starts with a creating verb (`s3:*`, `rds:Create*`, `*:*`,
 * `dynamodb:CreateTable`). Read-only and configuration exemptions (`s3:GetAccountPublic*`, `ec2:DescribeRegions`) do not.
 */
function exemptsDataStores(entry: string): boolean {
  if (entry === '*') return true;
  const colon = entry.indexOf(':');
  if (colon < 0 || GLOBAL_CONTROL_PLANE.test(entry)) return false;
  const service = entry.slice(0, colon);
  if (!DATA_SERVICES.some((d) => globMatch(service, d))) return false;
  const action = entry.slice(colon + 1).toLowerCase();
  const wild = action.search(/[*?]/);
  const literal = wild < 0 ? action : action.slice(0, wild);
  return CREATING_VERBS.some((v) => (wild < 0 ? literal.startsWith(v) : v.startsWith(literal) || literal.startsWith(v)));
}

/**
 * Whether a further condition of a region deny only exempts a few callers, as AWS's Region deny controls do:
 * a negated match on the principal (a break-glass or deployment role: ArnNotLike aws:PrincipalArn, a
 * principal tag) or calls services make on the caller's behalf (Bool aws:ViaAWSService false). Any other
 * condition (StringEquals on a tag, an account, a source address) may confine the deny to some requests.
 */
function exemptsFew(op: string, key: string, vals: readonly unknown[]): boolean {
  const o = op.toLowerCase().replace(/ifexists$/, '');
  const k = key.toLowerCase();
  if (/^(stringnot|arnnot)/.test(o) && (k === 'aws:principalarn' || k.startsWith('aws:principaltag/'))) return true;
  return o === 'bool' && k === 'aws:viaawsservice' && vals.length > 0 && vals.every((v) => String(v).toLowerCase() === 'false');
}

type Verdict =
  | { kind: 'denies'; regions: string[] }
  | { kind: 'wide'; extra: string[] }
  | { kind: 'narrow'; why: string }
  | { kind: 'unknown' }
  | { kind: 'none' };

/** What one statement of an SCP does about regions outside `approved`. */
function judgeStatement(st: IamStatement | UnknownValue, approved: string[]): Verdict {
  if (isUnknown(st)) return { kind: 'unknown' };
  const s = st;
  if (isUnknown(s.Effect) || isUnknown(s.Condition)) return { kind: 'unknown' };
  if (s.Effect !== 'Deny' || !s.Condition) return { kind: 'none' };
  const regionValues: Array<string | unknown> = [];
  let found = false;
  const confining: string[] = [];
  for (const [op, block] of Object.entries(s.Condition)) {
    for (const [key, vals] of Object.entries(block)) {
      if (key.toLowerCase() === 'aws:requestedregion' && NEGATED_OPS.has(op.toLowerCase())) {
        found = true;
        pushEach(regionValues, vals);
      } else if (!exemptsFew(op, key, vals)) confining.push(`${op} ${key}`);
    }
  }
  if (!found) return { kind: 'none' };
  if (confining.length) return { kind: 'narrow', why: `it also requires ${confining.join(', ')}, which may confine it to some requests` };
  if (regionValues.some(isUnknown)) return { kind: 'unknown' };
  const action = strs(s.Action);
  const notAction = strs(s.NotAction);
  if (action.unknown || notAction.unknown) return { kind: 'unknown' };
  if (s.NotAction !== undefined) {
    const exempt = notAction.values.filter(exemptsDataStores);
    if (exempt.length) return { kind: 'narrow', why: `its NotAction exempts ${exempt.join(', ')}` };
  } else if (!action.values.includes('*')) {
    return { kind: 'narrow', why: `it denies only ${action.values.join(', ') || 'no action'}` };
  }
  const resource = strs(s.Resource);
  if (resource.unknown) return { kind: 'unknown' };
  if (s.NotResource !== undefined || (s.Resource !== undefined && !resource.values.includes('*'))) return { kind: 'narrow', why: 'it denies only some resources' };
  const regions = regionValues as string[];
  if (!regions.length) return { kind: 'narrow', why: 'its aws:RequestedRegion list is empty (a condition with no value never matches)' };
  const extra = regions.filter((x) => /[*?]/.test(x) || !approved.includes(x.toLowerCase()));
  return extra.length ? { kind: 'wide', extra } : { kind: 'denies', regions };
}

function pushEach<T>(to: T[], from: readonly T[]): void {
  for (const x of from) to.push(x);
}

const messages = {
  denies: '{scp} denies every request outside {regions}',
  partlyUnknown: 'a service control policy that may deny other regions is known only after apply',
  wide: '{scp} leaves {extra} open: its aws:RequestedRegion list goes beyond approvedRegions',
  narrow: '{scp} conditions on aws:RequestedRegion, but {why}',
  notAttached: '{scp} would deny other regions, but this configuration attaches it to no root, OU or account; needs live verification',
  belowRoot: '{scp} would deny other regions, but this configuration attaches it only below the root (to an OU or account): whether that covers the account holding student data needs live verification',
  notInOrganization: 'the account is in no AWS Organization, so no service control policy limits its regions',
  noScp: 'no service control policy attached to the account, its OUs or the root denies requests outside approvedRegions',
  noScpInConfiguration: 'no service control policy in this configuration denies other regions; needs live verification (it may be managed in the management account\'s own stack)',
} as const;

type Scp = KindResource<'aws.organizations.policy'>;

/**
 * Data residency enforced, not only observed (FERPA-GOV-03): a service control policy that applies to the
 * account denies every request whose aws:RequestedRegion is not one of a subset of the profile's
 * approvedRegions. Live: the SCPs attached to the account, its parent OUs or the root (the account's
 * `organizationTargets`); an unread organisation is an error, an account outside any organisation fails.
 * Terraform: an attached SCP passes; one that leaves an unapproved region open, exempts a data service or
 * denies only some actions fails; none at all is unknown (SCPs usually live in the management account's stack).
 */
export const codeCheck = defineCheck({
  name: 'scp-denies-unapproved-regions',
  description: 'An attached service control policy denies requests outside (a subset of) approvedRegions.',
  kinds: ['aws.account'],
  messages,
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  params: ['approvedRegions'],
  evaluate(r, ctx) {
    const approved = ((ctx.profile.approvedRegions ?? []) as string[]).map((x) => x.toLowerCase());
    const live = r.attrs.complete?.value === true;
    const evidence: Observed[] = [];
    const scps = ofKind(ctx.model, 'aws.organizations.policy').filter((p) => p.source === r.source && (!live || p.account === r.account));
    for (const p of scps) {
      const bad = [p.attrs.content, p.attrs.targets, p.attrs.policyType].find((v) => v?.error);
      if (bad) return { truth: 'error', evidence: [{ path: `serviceControlPolicies[${p.arn ?? p.address ?? p.id}]`, value: null, loc: bad.loc }], loc: bad.loc, error: bad.error };
    }
    let accountTargets: string[] | undefined;
    if (live) {
      const t = r.attrs.organizationTargets;
      evidence.push({ path: 'organizationTargets', value: t?.value, loc: t?.loc });
      if (!t || t.error) return { truth: 'error', evidence, loc: t?.loc ?? r.loc, error: t?.error ?? 'the account\'s place in its organization was not collected' };
      if (!Array.isArray(t.value) || !t.value.length) return { truth: 'false', evidence, loc: t.loc, message: { id: 'notInOrganization' } };
      accountTargets = t.value as string[];
    }
    let unknown = false;
    const problems: Array<{ id: 'wide'; data: { scp: string; extra: string } } | { id: 'narrow'; data: { scp: string; why: string } }> = [];
    const unattached: string[] = [];
    const belowRoot: string[] = [];
    for (const p of scps) {
      const type = p.attrs.policyType;
      if (type?.origin !== 'unknown' && type?.value !== undefined && type.value !== 'SERVICE_CONTROL_POLICY') continue;
      const name = p.address ?? p.arn ?? p.id;
      const targets = p.attrs.targets;
      const targetList = Array.isArray(targets?.value) ? (targets.value as unknown[]) : [];
      const attached = accountTargets ? targetList.some((x) => typeof x === 'string' && accountTargets.includes(x)) : targets?.origin === 'unknown' || targetList.length > 0;
      if (live && !attached) continue;
      // Terraform: the root covers every member account; an OU or account only what lies under it, which only the live audit sees.
      const atRoot = live || (targets?.origin !== 'unknown' && Array.isArray(p.attrs.targetKinds?.value) && (p.attrs.targetKinds.value as unknown[]).includes('root'));
      const { doc, path, loc, error } = resourcePolicy(p, ctx.model, 'content', 'contentSource');
      if (error) return { truth: 'error', evidence, loc, error };
      if (!doc) continue;
      if (isUnknown(doc)) {
        unknown = true;
        evidence.push({ path: `${name}.${path}`, value: '(known after apply)', loc });
        continue;
      }
      for (const st of doc.Statement) {
        const v = judgeStatement(st, approved);
        if (v.kind === 'none') continue;
        if (v.kind === 'unknown') {
          unknown = true;
          continue;
        }
        const regions = v.kind === 'denies' ? v.regions : [];
        evidence.push({ path: `${name}.${path}`, value: v.kind === 'denies' ? `Deny outside ${regions.join(', ')}` : v.kind === 'wide' ? `Deny outside a list including ${v.extra.join(', ')}` : v.why, loc, params: ['approvedRegions'] });
        if (v.kind === 'wide') problems.push({ id: 'wide', data: { scp: name, extra: v.extra.join(', ') } });
        else if (v.kind === 'narrow') problems.push({ id: 'narrow', data: { scp: name, why: v.why } });
        else if (!attached) unattached.push(name);
        else if (!atRoot) belowRoot.push(name);
        else return { truth: 'true', evidence, loc, message: { id: 'denies', data: { scp: name, regions: regions.join(', ') } } };
      }
    }
    if (unknown) return { truth: 'unknown', evidence, loc: r.loc, message: { id: 'partlyUnknown' } };
    if (problems.length) return { truth: 'false', evidence, loc: r.loc, message: problems };
    if (belowRoot.length) return { truth: 'unknown', evidence, loc: r.loc, message: { id: 'belowRoot', data: { scp: belowRoot[0]! } } };
    if (unattached.length) return { truth: 'unknown', evidence, loc: r.loc, message: { id: 'notAttached', data: { scp: unattached[0]! } } };
    if (live) return { truth: 'false', evidence, loc: r.loc, message: { id: 'noScp' } };
    return { truth: 'unknown', evidence, loc: r.loc, message: { id: 'noScpInConfiguration' } };
  },
});
