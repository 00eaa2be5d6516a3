import { defineCheck, type CheckMessage, type Observed } from '../engine/code-check.js';
import type { IamStatement } from '../model/iam-document.js';
import { isUnknown } from '../model/value.js';
import { DOCUMENT_MESSAGES, grantsAction, hasConditionKey, isAllow, kAnd, kNot, kOr, label, present, resolveDocument, statementView, unknownDocument, type K } from './lib/iam.js';

/**
 * A role trust policy lets only named principals assume the role:
 * - no Allow statement trusts `*` (Principal "*", {"AWS":"*"}, any-account ARNs such as arn:aws:iam::*:root)
 *   unless a condition pins the caller to an organization or account (aws:PrincipalOrgID, aws:PrincipalAccount,
 *   aws:SourceAccount, ...; `...IfExists` operators and `*` values do not count);
 * - no Allow statement uses NotPrincipal (it trusts everyone not listed);
 * - a GitHub Actions OIDC trust (token.actions.githubusercontent.com) pins the `sub` claim to a repository
 *   (without it, any GitHub repository can assume the role).
 */
const PINNING = ['aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount', 'aws:principalarn', 'aws:sourceaccount', 'aws:sourcearn', 'aws:sourceorgid', 'aws:sourceorgpaths'];
const ANY_ACCOUNT = /^arn:aws[a-z-]*:iam::\*:/;
const GITHUB = 'token.actions.githubusercontent.com';

const messages = {
  notPrincipal: '{statement} trusts every principal except those in NotPrincipal',
  wildcardPrincipal: '{statement} trusts any AWS principal ("*" or any account) without an aws:PrincipalOrgID / aws:PrincipalAccount / aws:SourceAccount condition',
  githubUnpinned: '{statement} trusts GitHub Actions OIDC without pinning token.actions.githubusercontent.com:sub to a repository',
  partlyUnknown: 'part of the trust policy is known only after apply',
  ...DOCUMENT_MESSAGES,
} as const;

function principalValues(s: IamStatement): Array<{ type: string; values: unknown[] }> | 'U' | undefined {
  if (s.Principal === undefined) return undefined;
  if (isUnknown(s.Principal)) return 'U';
  return Object.entries(s.Principal).map(([type, values]) => ({ type, values }));
}

function wildcardPrincipal(s: IamStatement): K {
  const pv = principalValues(s);
  if (pv === undefined) return 'F';
  if (pv === 'U') return 'U';
  let u = false;
  for (const { values } of pv) {
    for (const v of values) {
      if (isUnknown(v)) u = true;
      else if (typeof v === 'string' && (v === '*' || ANY_ACCOUNT.test(v))) return 'T';
    }
  }
  return u ? 'U' : 'F';
}

function githubWithoutSub(s: IamStatement): K {
  const pv = principalValues(s);
  if (pv === undefined || pv === 'U') return pv === 'U' ? 'U' : 'F';
  const federated = pv.filter((p) => p.type === 'Federated').flatMap((p) => p.values);
  if (!federated.some((v) => typeof v === 'string' && v.includes(GITHUB))) return federated.some(isUnknown) ? 'U' : 'F';
  const webIdentity = grantsAction(s, 'sts:AssumeRoleWithWebIdentity');
  if (s.Condition !== undefined && isUnknown(s.Condition)) return kAnd(webIdentity, 'U');
  const subKey = `${GITHUB}:sub`;
  let pinned: K = 'F';
  for (const [, block] of Object.entries((s.Condition ?? {}) as Record<string, Record<string, unknown[]>>)) {
    for (const [key, vals] of Object.entries(block)) {
      if (key.toLowerCase() !== subKey) continue;
      if (vals.some(isUnknown)) pinned = kOr(pinned, 'U');
      // `repo:*`, `*` or `repo:*/*` do not name a repository.
      else if (vals.length && vals.every((v) => typeof v === 'string' && !/^(\*|repo:\*)/.test(v))) pinned = 'T';
    }
  }
  return kAnd(webIdentity, kNot(pinned));
}

export const codeCheck = defineCheck({
  name: 'iam-trust-principals',
  description: 'A role trust policy trusts only named principals: no wildcard principal without an organization/account condition, no NotPrincipal, GitHub OIDC pinned to a repository.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { attr: { type: 'string' }, sourceLink: { type: 'string' } },
  },
  kinds: ['aws.iam.role'],
  messages,
  optionRefs: { attr: 'attr', sourceLink: { link: 'aws.iam.policy-document' } },
  evaluate(resource, ctx, options) {
    const attrName = typeof options.attr === 'string' ? options.attr : 'assumeRolePolicy';
    const sourceLink = typeof options.sourceLink === 'string' ? options.sourceLink : 'assumeRolePolicySource';
    const res = resolveDocument(resource, ctx, attrName, sourceLink);
    if (!res.doc) return unknownDocument(res);
    const failing: Observed[] = [];
    const unknown: Observed[] = [];
    const details: Array<CheckMessage<typeof messages>> = [];
    res.doc.Statement.forEach((s, i) => {
      const path = `${res.path}.Statement[${i}]`;
      if (isUnknown(s)) {
        unknown.push({ path, value: '(known after apply)', loc: res.loc });
        return;
      }
      const allow = isAllow(s);
      const notPrincipal = kAnd(allow, present(s.NotPrincipal));
      const wildcard = kAnd(allow, wildcardPrincipal(s), kNot(hasConditionKey(s, PINNING)));
      const github = kAnd(allow, githubWithoutSub(s));
      const bad = kOr(notPrincipal, wildcard, github);
      if (bad === 'T') {
        failing.push({ path, value: statementView(s), loc: res.loc });
        const statement = label(s, i);
        details.push({ id: notPrincipal === 'T' ? 'notPrincipal' : wildcard === 'T' ? 'wildcardPrincipal' : 'githubUnpinned', data: { statement } });
      } else if (bad === 'U') unknown.push({ path, value: statementView(s), loc: res.loc });
    });
    if (failing.length) return { truth: 'false', evidence: failing, loc: res.loc, message: details };
    if (unknown.length) return { truth: 'unknown', evidence: unknown, loc: res.loc, message: { id: 'partlyUnknown' } };
    return { truth: 'true', evidence: [{ path: `${res.path}.Statement`, value: `${res.doc.Statement.length} statement(s) checked`, loc: res.loc }], loc: res.loc };
  },
});
