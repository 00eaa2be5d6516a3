import { defineCheck, type CheckMessage, type CheckOutcome, type Observed } from '../engine/code-check.js';
import type { KindResource } from '../model/typed.js';
import { isUnknown, type Val } from '../model/value.js';

const messages = {
  defaultPolicy: 'listener {port} ({protocol}) has no SSL negotiation policy, so it uses the default ELBSecurityPolicy-2016-08, which accepts TLS 1.0 and 1.1',
  notApproved: 'listener {port} ({protocol}) uses {policy}, which is not in tlsPolicies',
  oldProtocols: 'listener {port} ({protocol}) uses the custom policy {policy}, which enables {protocols}',
  noTls12: 'listener {port} ({protocol}) uses the custom policy {policy}, which does not enable TLSv1.2',
  policyNotInInput: 'listener {port} ({protocol}) names policies {names}, none of which is an SSL negotiation policy of this load balancer in the input',
  unknownPolicy: 'the SSL negotiation policy of listener {port} is known only after apply',
} as const;

/** The SSL and TLS protocol versions older than TLS 1.2 (custom policy attribute names without `Protocol-`). */
const OLD_PROTOCOLS = ['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1'];
/** What ELB applies to an HTTPS or SSL listener that names no SSL negotiation policy. */
const DEFAULT_POLICY = 'ELBSecurityPolicy-2016-08';

type Entry = Record<string, unknown>;
type Msg = CheckMessage<typeof messages>;

function listOf(v: Val | undefined): Entry[] | 'unknown' | undefined {
  if (!v || v.value === undefined) return v?.origin === 'unknown' ? 'unknown' : [];
  if (v.origin === 'unknown' || !Array.isArray(v.value)) return 'unknown';
  return v.value as Entry[];
}

/**
 * Every HTTPS or SSL listener of a classic load balancer negotiates TLS 1.2 or newer only: the SSL
 * negotiation policy enabled on its port is a predefined policy from the profile's `tlsPolicies`, or a
 * custom policy that enables TLSv1.2 and none of SSLv3, TLSv1, TLSv1.1. A listener without one gets
 * ELBSecurityPolicy-2016-08 (TLS 1.0 and 1.1 allowed). Listeners on HTTP or TCP are another policy's matter.
 */
function evaluate(r: KindResource<'aws.elb.classic-load-balancer'>, approved: string[]): CheckOutcome<typeof messages> {
  const attrs = r.attrs as Record<string, Val | undefined>;
  for (const name of ['listeners', 'listenerPolicies', 'sslNegotiationPolicies']) {
    const v = attrs[name];
    if (v?.error) return { truth: 'error', evidence: [{ path: name, value: null, loc: v.loc }], loc: v.loc, error: `${name} of the load balancer: ${v.error}` };
  }
  const listeners = listOf(attrs.listeners);
  if (listeners === 'unknown') return { truth: 'unknown', evidence: [{ path: 'listeners', value: '(known after apply)', loc: attrs.listeners?.loc }], loc: attrs.listeners?.loc };
  const secure = (listeners ?? []).map((l, i) => ({ l, i })).filter(({ l }) => l.lbProtocol === 'HTTPS' || l.lbProtocol === 'SSL' || isUnknown(l.lbProtocol));
  const byPort = listOf(attrs.listenerPolicies) ?? [];
  const policies = listOf(attrs.sslNegotiationPolicies) ?? [];
  const evidence: Observed[] = [];
  const fails: Msg[] = [];
  const unknowns: Msg[] = [];
  for (const { l, i } of secure) {
    const port = String(isUnknown(l.lbPort) ? '(known after apply)' : l.lbPort);
    const protocol = String(isUnknown(l.lbProtocol) ? '(known after apply)' : l.lbProtocol);
    const path = `listeners[${i}]`;
    if (isUnknown(l.lbProtocol) || isUnknown(l.lbPort) || byPort === 'unknown' || policies === 'unknown') {
      evidence.push({ path, value: '(known after apply)', loc: attrs.listeners?.loc });
      unknowns.push({ id: 'unknownPolicy', data: { port } });
      continue;
    }
    const forPort = byPort.filter((p) => isUnknown(p) || isUnknown(p.lbPort) || p.lbPort === l.lbPort);
    if (forPort.some((p) => isUnknown(p) || isUnknown(p.lbPort) || isUnknown(p.policyNames) || (p.policyNames as unknown[]).some(isUnknown))) {
      evidence.push({ path: `listenerPolicies[${port}]`, value: '(known after apply)', loc: attrs.listenerPolicies?.loc });
      unknowns.push({ id: 'unknownPolicy', data: { port } });
      continue;
    }
    const names = forPort.flatMap((p) => p.policyNames as string[]);
    if (!names.length) {
      evidence.push({ path: `${path}.sslPolicy`, value: `${DEFAULT_POLICY} (default)`, loc: attrs.listeners?.loc });
      fails.push({ id: 'defaultPolicy', data: { port, protocol } });
      continue;
    }
    if (policies.some((p) => isUnknown(p) || isUnknown(p.name))) {
      evidence.push({ path: 'sslNegotiationPolicies', value: '(known after apply)', loc: attrs.sslNegotiationPolicies?.loc });
      unknowns.push({ id: 'unknownPolicy', data: { port } });
      continue;
    }
    const policy = policies.find((p) => names.includes(p.name as string));
    if (!policy) {
      evidence.push({ path: `listenerPolicies[${port}].policyNames`, value: names, loc: attrs.listenerPolicies?.loc });
      unknowns.push({ id: 'policyNotInInput', data: { port, protocol, names: names.join(', ') } });
      continue;
    }
    const name = String(policy.name);
    const reference = policy.referenceSecurityPolicy;
    const protocols = policy.protocols as unknown[];
    if (isUnknown(reference) || protocols.some(isUnknown)) {
      evidence.push({ path: `sslNegotiationPolicies[${name}]`, value: '(known after apply)', loc: attrs.sslNegotiationPolicies?.loc });
      unknowns.push({ id: 'unknownPolicy', data: { port } });
      continue;
    }
    if (typeof reference === 'string') {
      evidence.push({ path: `sslNegotiationPolicies[${name}].referenceSecurityPolicy`, value: reference, loc: attrs.sslNegotiationPolicies?.loc });
      if (!approved.includes(reference)) fails.push({ id: 'notApproved', data: { port, protocol, policy: reference } });
      continue;
    }
    evidence.push({ path: `sslNegotiationPolicies[${name}].protocols`, value: protocols, loc: attrs.sslNegotiationPolicies?.loc });
    const old = OLD_PROTOCOLS.filter((p) => protocols.includes(p));
    if (old.length) fails.push({ id: 'oldProtocols', data: { port, protocol, policy: name, protocols: old.join(', ') } });
    else if (!protocols.includes('TLSv1.2')) fails.push({ id: 'noTls12', data: { port, protocol, policy: name } });
  }
  const loc = attrs.listeners?.loc;
  if (fails.length) return { truth: 'false', evidence, loc, message: fails };
  if (unknowns.length) return { truth: 'unknown', evidence, loc, message: unknowns };
  return { truth: 'true', evidence: evidence.length ? evidence : [{ path: 'listeners', value: 'no HTTPS or SSL listener' }], loc };
}

export const codeCheck = defineCheck({
  name: 'elb-classic-tls-policy',
  description: 'Every HTTPS or SSL listener of a classic load balancer uses an SSL negotiation policy that allows TLS 1.2+ only (profile tlsPolicies, or a custom policy without SSLv3/TLSv1/TLSv1.1).',
  kinds: ['aws.elb.classic-load-balancer'],
  messages,
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  params: ['tlsPolicies'],
  evaluate: (r, ctx) => evaluate(r, (ctx.profile.tlsPolicies ?? []) as string[]),
});
