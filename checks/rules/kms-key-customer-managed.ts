import { defineCheck, type CheckOutcome } from '../engine/code-check.js';
import type { Model } from '../model/model.js';
import type { Resource } from '../model/resource.js';
import { attrNamed, linkedNamed, ofKind } from '../model/typed.js';

const messages = {
  awsManagedKey: 'encrypted with the AWS-managed key, not a customer-managed key',
  linkedAwsManagedKey: '{key} is an AWS-managed key',
  keyNotInInput: 'the key is not in this input; verify it live',
} as const;

/**
 * Live: the stand-in for the keys of the region (and account) the unresolved key reference points to,
 * when that region's keys could not be listed. Such a stand-in has no identifiers, so no link reaches it.
 */
function unlistedKey(r: Resource, model: Model, link: string): Resource | undefined {
  if (r.source !== 'live') return undefined;
  const refs = r.linkRefs?.filter((l) => l.name === link).flatMap((l) => l.literals ?? []) ?? [];
  for (const ref of refs) {
    const m = /^arn:[^:]+:kms:([^:]*):([^:]*):/.exec(ref);
    const region = m?.[1] || r.region;
    const account = m?.[2] || r.account;
    const stand = ofKind(model, 'aws.kms.key').find((k) => k.readError && k.source === 'live' && k.region === region && k.account === account);
    if (stand) return stand;
  }
  return undefined;
}

/**
 * The KMS key a resource encrypts with is customer-managed. Two sources of truth, in this order:
 *  1. the adapter's flag (`kmsKeyIsAwsManaged`-style attribute): true when the configuration leaves
 *     the key unset (the service's AWS-managed key applies) or names alias/aws/<service>; false when it
 *     references a managed aws_kms_key / aws_kms_alias or a customer alias;
 *  2. the linked key in the model (`customerManaged`), e.g. a live key or a key resolved by ARN.
 * A known AWS-managed key fails; a known customer-managed key passes; anything else is unknown
 * (a literal key ARN that is not in this input). Live, a linked key whose metadata could not be read,
 * or a key in a region whose keys could not be listed, is an error (the flag then rests on that read).
 */
function evaluate(r: Resource, model: Model, link: string, flagAttr: string): CheckOutcome<typeof messages> {
  const flag = attrNamed(r, flagAttr);
  const flagEv = { path: flagAttr, value: flag?.origin === 'unknown' ? '(known after apply)' : flag?.value, loc: flag?.loc };
  if (flag?.error) return { truth: 'error', evidence: [flagEv], error: flag.error, loc: flag.loc };
  const targets = linkedNamed(model, r, link, 'aws.kms.key');
  const keyEv = targets.map((t) => ({ path: `${link}.customerManaged`, value: t.attrs.customerManaged?.error ? null : t.attrs.customerManaged?.origin === 'unknown' ? '(known after apply)' : t.attrs.customerManaged?.value, loc: t.loc }));
  if (flag?.value === true) return { truth: 'false', evidence: [flagEv, ...keyEv], loc: flag.loc, message: { id: 'awsManagedKey' } };
  const awsKey = targets.find((t) => t.attrs.customerManaged?.value === false);
  if (awsKey) return { truth: 'false', evidence: [flagEv, ...keyEv], loc: flag?.loc, message: { id: 'linkedAwsManagedKey', data: { key: awsKey.address ?? awsKey.id } } };
  // Live, the flag is derived from the key's metadata: when that read failed, neither decides.
  const unread = targets.find((t) => t.readError || t.attrs.customerManaged?.error);
  if (unread) {
    const loc = unread.attrs.customerManaged?.loc ?? unread.loc;
    return { truth: 'error', evidence: [flagEv, ...keyEv], loc, error: `key manager of ${unread.address ?? unread.id}: ${unread.readError ?? unread.attrs.customerManaged!.error}` };
  }
  if (flag?.value === false) return { truth: 'true', evidence: [flagEv, ...keyEv], loc: flag.loc };
  if (targets.length && targets.every((t) => t.attrs.customerManaged?.value === true)) return { truth: 'true', evidence: [flagEv, ...keyEv], loc: flag?.loc };
  const unlisted = targets.length === 0 ? unlistedKey(r, model, link) : undefined;
  if (unlisted) return { truth: 'error', evidence: [flagEv, { path: link, value: null, loc: unlisted.loc }], loc: flag?.loc ?? r.loc, error: unlisted.readError };
  return { truth: 'unknown', evidence: [flagEv, ...keyEv], loc: flag?.loc, message: { id: 'keyNotInInput' } };
}

export const codeCheck = defineCheck({
  name: 'kms-key-customer-managed',
  description: 'The KMS key named by a link (and the adapter flag for AWS-managed keys) is a customer-managed key.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['link', 'awsManagedAttr'],
    properties: { link: { type: 'string' }, awsManagedAttr: { type: 'string' } },
  },
  kinds: ['aws.backup.vault', 'aws.rds.cluster', 'aws.rds.instance', 'aws.s3.bucket'],
  messages,
  optionRefs: { link: { link: 'aws.kms.key' }, awsManagedAttr: 'attr' },
  evaluate: (r, ctx, options) => evaluate(r, ctx.model, String(options.link), String(options.awsManagedAttr)),
});
