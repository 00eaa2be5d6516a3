import { isUnknown, UNKNOWN, type Location, type Val } from '../../model/value.js';
import type { Resource } from '../../model/resource.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { asBool, attr, computedAttr, linkRef, locOf, rawAt, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const upper = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : isUnknown(v) ? UNKNOWN : (v ?? null));

/** aws_elb: listeners, access logs, and (from their own resources) listener and SSL negotiation policies. */
const classic: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.elb.classic-load-balancer', [rec.values.name, rec.values.dns_name]);
  const raw = rawAt(rec.values, 'listener');
  const loc = locOf(rec, 'listener');
  const listeners: Val = isUnknown(raw)
    ? { value: undefined, origin: 'unknown', loc }
    : {
        value: (Array.isArray(raw) ? raw : []).map((l, i) => {
          const m = l && typeof l === 'object' && !isUnknown(l) ? (l as Record<string, unknown>) : {};
          return { lbProtocol: upper(m.lb_protocol), lbPort: m.lb_port ?? null, instanceProtocol: upper(m.instance_protocol), instancePort: m.instance_port ?? null, sslCertificateId: m.ssl_certificate_id ?? null, _loc: locOf(rec, `listener.${i}`) };
        }),
        origin: 'explicit',
        loc,
      };
  const logs = rawAt(rec.values, 'access_logs');
  const logsLoc = locOf(rec, 'access_logs');
  const hasLogs = Array.isArray(logs) ? logs.length > 0 : Boolean(logs);
  r.attrs = {
    name: attr(rec, 'name'),
    internal: computedAttr(rec, 'internal', { default: false, map: asBool }),
    listeners,
    accessLogsEnabled: isUnknown(logs)
      ? { value: undefined, origin: 'unknown', loc: logsLoc }
      : hasLogs
        ? attr(rec, 'access_logs.enabled', { default: true, map: asBool })
        : { value: false, origin: 'default', loc: logsLoc },
    accessLogsBucket: attr(rec, 'access_logs.bucket'),
    listenerPolicies: { value: [], origin: 'default', loc: r.loc },
    sslNegotiationPolicies: { value: [], origin: 'default', loc: r.loc },
    ...tagAttrs(rec),
  };
  r.linkRefs = [linkRef(rec, 'securityGroups', 'security_groups', ['aws.ec2.security-group'], { inverse: 'attachedResources' })];
  return r;
};

/** A facet of the classic load balancer named by `load_balancer_name`, adding one element to a list attribute. */
function classicFacet(rec: TfRecord, attrName: string, entry: unknown, loc: Location): Resource {
  const r = tfResource(rec, 'aws.elb.classic-load-balancer');
  r.identifiers = [];
  r.attrs = { [attrName]: { value: [entry], origin: 'explicit', loc } };
  r.appendAttrs = [attrName];
  r.mergeInto = 'loadBalancer';
  r.linkRefs = [linkRef(rec, 'loadBalancer', 'load_balancer_name', ['aws.elb.classic-load-balancer'])];
  return r;
}

/** The policies enabled on one listener port (they replace the port's earlier list in AWS; one resource per port). */
const listenerPolicy: TfAdapter = (rec) => {
  const names = rawAt(rec.values, 'policy_names');
  const port = rawAt(rec.values, 'load_balancer_port');
  const policyNames = isUnknown(names) ? UNKNOWN : Array.isArray(names) ? names.map((n) => (isUnknown(n) ? UNKNOWN : n)) : [];
  return classicFacet(rec, 'listenerPolicies', { lbPort: isUnknown(port) ? UNKNOWN : (port ?? null), policyNames }, locOf(rec, 'policy_names'));
};

/** An SSL negotiation policy (a predefined reference, or custom protocol attributes); other policy types are not modelled. */
const lbPolicy: TfAdapter = (rec) => {
  const type = rawAt(rec.values, 'policy_type_name');
  if (typeof type === 'string' && type !== 'SSLNegotiationPolicyType') return undefined;
  const attrs = rawAt(rec.values, 'policy_attribute');
  const loc = locOf(rec, 'policy_attribute');
  const name = rawAt(rec.values, 'policy_name');
  if (isUnknown(type) || isUnknown(attrs)) return classicFacet(rec, 'sslNegotiationPolicies', UNKNOWN, loc);
  let reference: unknown = null;
  const protocols: unknown[] = [];
  for (const a of Array.isArray(attrs) ? attrs : []) {
    if (isUnknown(a) || !a || typeof a !== 'object') return classicFacet(rec, 'sslNegotiationPolicies', UNKNOWN, loc);
    const { name: n, value: v } = a as { name?: unknown; value?: unknown };
    if (n === 'Reference-Security-Policy') reference = isUnknown(v) ? UNKNOWN : (v ?? null);
    else if (typeof n === 'string' && n.startsWith('Protocol-')) {
      if (isUnknown(v)) protocols.push(UNKNOWN);
      else if (String(v).toLowerCase() === 'true') protocols.push(n.slice('Protocol-'.length));
    }
  }
  return classicFacet(rec, 'sslNegotiationPolicies', { name: isUnknown(name) ? UNKNOWN : (name ?? null), referenceSecurityPolicy: reference, protocols }, loc);
};

export const elbClassicAdapters: Record<string, TfAdapter> = { aws_elb: classic, aws_load_balancer_listener_policy: listenerPolicy, aws_load_balancer_policy: lbPolicy };
