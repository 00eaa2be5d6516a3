import { defineCheck } from '../engine/code-check.js';
import type { IamStatement } from '../model/iam-document.js';
import { isUnknown } from '../model/value.js';
import { and, coversAction, denies, insecureTransport, wholeService, type T } from './lib/tls-deny.js';
import { resourcePolicy, strs } from './lib/policy-doc.js';

/**
 * A resource policy (EFS file system policy, ...) refuses requests made without TLS: a statement with
 * Effect Deny, Principal `*` (or {"AWS": "*"}), an Action that covers the whole service (`*` or
 * `<service>:*`; with the `action` option, one that covers that action, for services whose TLS deny is
 * written per action: SNS topics deny sns:Publish) and Condition Bool (or BoolIfExists)
 * aws:SecureTransport = false. The resource a
 * statement names is not judged: a resource policy applies to its own resource. No policy denies nothing.
 */
function everyone(st: IamStatement): T {
  if (st.NotPrincipal !== undefined) return isUnknown(st.NotPrincipal) ? 'unknown' : 'no';
  const p = st.Principal;
  if (p === undefined) return 'no';
  if (isUnknown(p)) return 'unknown';
  const aws = strs(p.AWS);
  if (aws.values.includes('*')) return 'yes';
  return aws.unknown ? 'unknown' : 'no';
}

export const codeCheck = defineCheck({
  name: 'policy-denies-insecure-transport',
  description: 'A resource policy denies every request of the service made without TLS (aws:SecureTransport = false) to every principal.',
  kinds: ['aws.efs.file-system', 'aws.sqs.queue', 'aws.sns.topic'],
  messages: {
    noPolicy: 'no resource policy, so requests without TLS are not denied',
    policyUnknown: 'the policy is known only after apply',
    partlyUnknown: 'part of the policy is known only after apply',
    noTlsDeny: 'no Deny statement for Principal "*" on {service}:* with aws:SecureTransport = false',
    noTlsDenyAction: 'no Deny statement for Principal "*" covering {action} with aws:SecureTransport = false',
  },
  optionsSchema: { type: 'object', additionalProperties: false, required: ['attr', 'service'], properties: { attr: { type: 'string' }, service: { type: 'string' }, action: { type: 'string' }, sourceLink: { type: 'string' } } },
  optionRefs: { attr: 'attr', sourceLink: { link: 'aws.iam.policy-document' } },
  evaluate(r, ctx, options) {
    const service = String(options.service);
    const action = options.action as string | undefined;
    const look = resourcePolicy(r, ctx.model, String(options.attr), options.sourceLink as string | undefined);
    const ev = (value: unknown) => [{ path: look.path, value, loc: look.loc }];
    if (look.error) return { truth: 'error', evidence: ev(null), error: look.error, loc: look.loc };
    if (look.doc === undefined) return { truth: 'false', evidence: ev(null), loc: look.loc, message: { id: 'noPolicy' } };
    if (isUnknown(look.doc)) return { truth: 'unknown', evidence: ev('(known after apply)'), loc: look.loc, message: { id: 'policyUnknown' } };
    let sawUnknown = false;
    for (const st of look.doc.Statement) {
      if (isUnknown(st)) {
        sawUnknown = true;
        continue;
      }
      const t = and(denies(st), everyone(st), action ? coversAction(st, action) : wholeService(st, service), insecureTransport(st));
      if (t === 'yes') return { truth: 'true', evidence: ev(look.doc), loc: look.loc };
      if (t === 'unknown') sawUnknown = true;
    }
    if (sawUnknown) return { truth: 'unknown', evidence: ev(look.doc), loc: look.loc, message: { id: 'partlyUnknown' } };
    return { truth: 'false', evidence: ev(look.doc), loc: look.loc, message: action ? { id: 'noTlsDenyAction', data: { action } } : { id: 'noTlsDeny', data: { service } } };
  },
});
