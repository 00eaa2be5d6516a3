import { defineCheck, type CheckMessage, type CheckOutcome } from '../engine/code-check.js';
import type { IamStatement } from '../model/iam-document.js';
import { isUnknown, type UnknownValue } from '../model/value.js';
import { attrNamed } from '../model/typed.js';
import { resourcePolicies, resourcePolicy, type DocLookup } from './lib/policy-doc.js';

/**
 * A resource policy (S3 bucket or access point policy, KMS key policy) has no statement that allows everyone: an Allow
 * whose Principal is `*` (or `{"AWS": "*"}`), or an Allow with NotPrincipal, counts as public unless a
 * condition pins the caller down with a positive operator on a key that names an account,
 * organization, network or source (aws:PrincipalOrgID, aws:SourceAccount, aws:SourceVpce,
 * aws:SourceIp, kms:CallerAccount, ...). Negated operators (StringNotEquals ...), `...IfExists` and
 * `ForAllValues:` do not restrict: a caller without the key passes them. A principal with a wildcard
 * account (`arn:aws:iam::*:root`) is as public as `*`. Conditions such as aws:SecureTransport do not
 * restrict who the caller is. No policy at all is not public, unless `requirePolicy` says the service is
 * open without one (an EFS file system grants every NFS client full access until a policy says otherwise).
 */
const RESTRICTING_KEYS = [
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceip',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:userid',
  'aws:username',
  'kms:calleraccount',
  's3:dataaccesspointaccount',
  's3:dataaccesspointarn',
];

type Verdict = 'public' | 'restricted' | 'unknown';

const messages = {
  noPolicy: 'no policy document (AWS applies no public grant)',
  noPolicyOpen: 'no policy document, and without one the service grants every client full access',
  policyUnknown: 'the policy is known only after apply',
  publicPrincipal: '{statement} allows Principal "*" without a condition restricting the caller',
  publicNotPrincipal: '{statement} allows every principal but the NotPrincipal list without a condition restricting the caller',
  statementUnknown: 'statement {index} is known only after apply',
  mayBePublic: '{statement} may allow every principal (part of it is known only after apply)',
} as const;

function restricting(cond: IamStatement['Condition'], extraKeys: string[]): Verdict {
  if (cond === undefined) return 'public';
  if (isUnknown(cond)) return 'unknown';
  const keys = new Set([...RESTRICTING_KEYS, ...extraKeys.map((k) => k.toLowerCase())]);
  let unknown = false;
  for (const [op, block] of Object.entries(cond)) {
    const o = op.toLowerCase();
    // Negated operators, ...IfExists and ForAllValues: are true for a caller without the key.
    if (o.includes('not') || o.endsWith('ifexists') || o.startsWith('null') || o.startsWith('forallvalues:')) continue;
    for (const [key, vals] of Object.entries(block)) {
      if (!keys.has(key.toLowerCase())) continue;
      if (vals.some(isUnknown)) {
        unknown = true;
        continue;
      }
      const s = vals as string[];
      const open = s.length === 0 || s.some((v) => v === '*' || v === '0.0.0.0/0' || v === '::/0');
      if (!open) return 'restricted';
    }
  }
  return unknown ? 'unknown' : 'public';
}

function principalPublic(p: Record<string, Array<string | UnknownValue>> | UnknownValue | undefined): Verdict {
  if (p === undefined) return 'restricted';
  if (isUnknown(p)) return 'unknown';
  let unknown = false;
  for (const vals of Object.values(p)) {
    // `*`, or a wildcard account in an ARN (`arn:aws:iam::*:root`), lets any AWS account in.
    if (vals.some((v) => typeof v === 'string' && v.includes('*'))) return 'public';
    if (vals.some(isUnknown)) unknown = true;
  }
  return unknown ? 'unknown' : 'restricted';
}

/** The verdict on one looked-up document (`requirePolicy`: a missing document is open, not closed). */
function judge(look: DocLookup, extra: string[], requirePolicy: boolean): CheckOutcome<typeof messages> {
  const ev = (value: unknown) => [{ path: look.path, value, loc: look.loc }];
  if (look.error) return { truth: 'error', evidence: ev(null), error: look.error, loc: look.loc };
  if (look.doc === undefined) return requirePolicy ? { truth: 'false', evidence: ev(null), loc: look.loc, message: { id: 'noPolicyOpen' } } : { truth: 'true', evidence: ev(null), loc: look.loc, message: { id: 'noPolicy' } };
  if (isUnknown(look.doc)) return { truth: 'unknown', evidence: ev('(known after apply)'), loc: look.loc, message: { id: 'policyUnknown' } };
  let unknown: CheckMessage<typeof messages> | undefined;
  for (const [i, st] of look.doc.Statement.entries()) {
    if (isUnknown(st)) {
      unknown ??= { id: 'statementUnknown', data: { index: i } };
      continue;
    }
    // An effect known only after apply may be Allow: the statement counts unless its principal or condition rules it out.
    if (st.Effect === 'Deny') continue;
    const notPrincipal = st.NotPrincipal !== undefined && !isUnknown(st.NotPrincipal);
    // A NotPrincipal known only after apply may be absent (null): then Principal decides.
    const byPrincipal = notPrincipal ? 'public' : principalPublic(st.Principal);
    const who: Verdict = isUnknown(st.NotPrincipal) && byPrincipal !== 'public' ? 'unknown' : byPrincipal;
    if (who === 'restricted') continue;
    const cond = restricting(st.Condition, extra);
    if (cond === 'restricted') continue;
    const name = st.Sid ? `statement "${st.Sid}"` : `statement ${i}`;
    if (who === 'public' && cond === 'public' && st.Effect === 'Allow') {
      return { truth: 'false', evidence: ev(look.doc), loc: look.loc, message: { id: notPrincipal ? 'publicNotPrincipal' : 'publicPrincipal', data: { statement: name } } };
    }
    unknown ??= { id: 'mayBePublic', data: { statement: name } };
  }
  if (unknown) return { truth: 'unknown', evidence: ev(look.doc), loc: look.loc, message: unknown };
  return { truth: 'true', evidence: ev(look.doc), loc: look.loc };
}

export const codeCheck = defineCheck({
  name: 'policy-no-public-allow',
  description: 'A resource policy document has no Allow to every principal (`*` or NotPrincipal) without a condition that restricts the caller.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['attr'],
    properties: { attr: { type: 'string' }, sourceLink: { type: 'string' }, restrictingKeys: { type: 'array', items: { type: 'string' } }, requirePolicy: { type: 'boolean' }, documents: { type: 'boolean' } },
  },
  kinds: ['aws.kms.key', 'aws.s3.bucket', 'aws.lambda.function', 'aws.efs.file-system', 'aws.sqs.queue', 'aws.sns.topic', 'aws.ecr.repository', 'aws.glacier.vault', 'aws.secretsmanager.secret', 'aws.dynamodb.table', 'aws.kinesis.stream', 'aws.s3.access-point'],
  messages,
  optionRefs: { attr: 'attr', sourceLink: { link: 'aws.iam.policy-document' } },
  evaluate(r, ctx, options) {
    const attr = String(options.attr);
    const sourceLink = options.sourceLink as string | undefined;
    const extra = (options.restrictingKeys as string[] | undefined) ?? [];
    if (!options.documents) return judge(resourcePolicy(r, ctx.model, attr, sourceLink), extra, Boolean(options.requirePolicy));
    // `documents`: the attribute lists every policy of the resource; the worst of them decides.
    const looks = resourcePolicies(r, ctx.model, attr, sourceLink);
    if (!looks.length) return judge({ doc: undefined, path: attr, loc: attrNamed(r, attr)?.loc ?? r.loc }, extra, false);
    const outcomes = looks.map((look) => judge(look, extra, false));
    return outcomes.find((o) => o.truth === 'false') ?? outcomes.find((o) => o.truth === 'error') ?? outcomes.find((o) => o.truth === 'unknown') ?? {
      truth: 'true',
      evidence: outcomes.flatMap((o) => o.evidence),
      loc: outcomes[0]!.loc,
    };
  },
});
