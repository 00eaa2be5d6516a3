import { defineCheck, type CheckMessage, type Observed } from '../engine/code-check.js';
import type { IamStatement } from '../model/iam-document.js';
import { isUnknown } from '../model/value.js';
import {
  DOCUMENT_MESSAGES,
  grantsAction,
  hasConditionKey,
  isAllow,
  kAnd,
  kNot,
  label,
  onAllResources,
  present,
  resolveDocument,
  someOf,
  statementView,
  unknownDocument,
  type K,
} from './lib/iam.js';

/**
 * Flags Allow statements of an identity policy that grant too much. `forbid` picks the mistake:
 * - `full-admin`: Action `*` (or `*:*`) on every resource;
 * - `service-wildcard`: a whole service (`s3:*`, `iam:*`) on every resource (`*` itself is full-admin's case);
 * - `kms-decrypt-all-keys`: kms:Decrypt / kms:ReEncryptFrom (directly or by wildcard/NotAction) on every key,
 *   without a condition that scopes key use (kms:ViaService, kms:EncryptionContext..., aws:ResourceTag/...);
 * - `notaction-allow`: any Allow with NotAction (it grants every other action, including future ones).
 * The document is the `document` attribute, or the linked data.aws_iam_policy_document when that is unknown.
 */
type Forbid = 'full-admin' | 'service-wildcard' | 'kms-decrypt-all-keys' | 'notaction-allow';

const DEFAULT_KMS_SCOPING = ['kms:viaservice', 'kms:encryptioncontext:*', 'kms:encryptioncontextkeys', 'aws:resourcetag/*', 'kms:resourcealiases', 'kms:requestalias'];
const KMS_ALL_KEYS = /^arn:aws[a-z-]*:kms:[^:]*:[^:]*:(\*|key\/\*)$/i;
const SERVICE_WILDCARD = /^[a-z0-9-]+:\*+$/i;

const messages = {
  fullAdmin: '{statement} allows every action ("*") on every resource',
  serviceWildcard: '{statement} allows every action of a service ({actions}) on every resource',
  kmsDecryptAllKeys: '{statement} allows kms:Decrypt on every KMS key without a condition scoping key use (such as kms:ViaService or kms:EncryptionContext)',
  notActionAllow: '{statement} uses Allow with NotAction, which grants every other action (including future ones)',
  partlyUnknown: 'part of the policy document is known only after apply',
  ...DOCUMENT_MESSAGES,
} as const;

function statementBad(s: IamStatement, i: number, forbid: Forbid, scoping: string[]): { bad: K; why: CheckMessage<typeof messages> } {
  const allow = isAllow(s);
  const statement = label(s, i);
  switch (forbid) {
    case 'full-admin':
      return { bad: kAnd(allow, someOf(s.Action, (a) => a === '*' || a === '*:*'), onAllResources(s)), why: { id: 'fullAdmin', data: { statement } } };
    case 'service-wildcard': {
      const svc = Array.isArray(s.Action) ? s.Action.filter((a): a is string => typeof a === 'string' && SERVICE_WILDCARD.test(a)) : [];
      return { bad: kAnd(allow, someOf(s.Action, (a) => SERVICE_WILDCARD.test(a)), onAllResources(s)), why: { id: 'serviceWildcard', data: { statement, actions: svc.join(', ') || 'service:*' } } };
    }
    case 'kms-decrypt-all-keys': {
      const decrypt = grantsAction(s, 'kms:Decrypt') === 'T' || grantsAction(s, 'kms:ReEncryptFrom') === 'T' ? 'T' : grantsAction(s, 'kms:Decrypt') === 'U' || grantsAction(s, 'kms:ReEncryptFrom') === 'U' ? 'U' : 'F';
      return {
        bad: kAnd(allow, decrypt, onAllResources(s, (r) => KMS_ALL_KEYS.test(r)), kNot(hasConditionKey(s, scoping))),
        why: { id: 'kmsDecryptAllKeys', data: { statement } },
      };
    }
    case 'notaction-allow':
      return { bad: kAnd(allow, present(s.NotAction)), why: { id: 'notActionAllow', data: { statement } } };
  }
}

export const codeCheck = defineCheck({
  name: 'iam-policy-grants',
  description: 'An identity policy document has no Allow statement of the forbidden shape (full admin, service wildcard on all resources, KMS decrypt on all keys, NotAction).',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['forbid'],
    properties: {
      forbid: { enum: ['full-admin', 'service-wildcard', 'kms-decrypt-all-keys', 'notaction-allow'] },
      attr: { type: 'string' },
      sourceLink: { type: 'string' },
      scopingConditionKeys: { type: 'array', items: { type: 'string' } },
    },
  },
  kinds: ['aws.iam.policy'],
  messages,
  optionRefs: { attr: 'attr', sourceLink: { link: 'aws.iam.policy-document' } },
  evaluate(resource, ctx, options) {
    const forbid = options.forbid as Forbid;
    const attrName = typeof options.attr === 'string' ? options.attr : 'document';
    const sourceLink = typeof options.sourceLink === 'string' ? options.sourceLink : 'documentSource';
    const scoping = Array.isArray(options.scopingConditionKeys) ? (options.scopingConditionKeys as string[]).map((k) => k.toLowerCase()) : DEFAULT_KMS_SCOPING;
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
      const { bad, why } = statementBad(s, i, forbid, scoping);
      if (bad === 'T') {
        failing.push({ path, value: statementView(s), loc: res.loc });
        details.push(why);
      } else if (bad === 'U') unknown.push({ path, value: statementView(s), loc: res.loc });
    });
    if (failing.length) return { truth: 'false', evidence: failing, loc: res.loc, message: details };
    if (unknown.length) return { truth: 'unknown', evidence: unknown, loc: res.loc, message: { id: 'partlyUnknown' } };
    return { truth: 'true', evidence: [{ path: `${res.path}.Statement`, value: `${res.doc.Statement.length} statement(s) checked`, loc: res.loc }], loc: res.loc };
  },
});
