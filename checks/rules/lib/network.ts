/** Security-group rules and what uses a group, shared by the network code checks. */
import { isUnknown, type Location } from '../../model/value.js';
import type { Model } from '../../model/model.js';
import type { Resource } from '../../model/resource.js';
import { linkedOf, type KindResource } from '../../model/typed.js';

export type SecurityGroup = KindResource<'aws.ec2.security-group'>;

import { pushAll } from '../../util/push-all.js';
import { cidrIsWorld, type Tri } from './world-cidr.js';
import type { PrefixListResolver } from './prefix-lists.js';

export { cidrIsWorld, type Tri };
export { prefixListResolver, type PrefixListResolver } from './prefix-lists.js';

export interface RuleView {
  protocol: unknown;
  fromPort: unknown;
  toPort: unknown;
  cidrIpv4: unknown;
  cidrIpv6: unknown;
  sourceSecurityGroups: unknown;
  prefixLists: unknown;
  self: unknown;
  _loc?: Location;
}

/**
 * Whether the rule admits (or targets) the whole internet through any of its CIDRs or, given `lists`,
 * the managed prefix lists it names. Without a resolver a prefix list is not looked at (the caller
 * judges prefix lists itself). `error`: a prefix list the rule names could not be read.
 */
export function ruleIsWorld(rule: RuleView, lists?: PrefixListResolver): { tri: Tri; cidrs: string[]; error?: string } {
  let tri: Tri = 'no';
  const cidrs: string[] = [];
  let error: string | undefined;
  for (const key of ['cidrIpv4', 'cidrIpv6'] as const) {
    const v = rule[key];
    if (isUnknown(v)) {
      tri = tri === 'yes' ? 'yes' : 'maybe';
      continue;
    }
    if (!Array.isArray(v)) continue;
    for (const c of v) {
      const w = cidrIsWorld(c);
      if (w === 'yes') {
        tri = 'yes';
        cidrs.push(String(c));
      } else if (w === 'maybe' && tri === 'no') tri = 'maybe';
    }
  }
  if (lists) {
    const named = isUnknown(rule.prefixLists) ? [rule.prefixLists] : Array.isArray(rule.prefixLists) ? rule.prefixLists : [];
    for (const ref of named) {
      const reach = lists(ref);
      if (reach.tri === 'yes') {
        tri = 'yes';
        pushAll(cidrs, reach.cidrs);
      } else if (reach.tri === 'maybe' && tri === 'no') tri = 'maybe';
      error ??= reach.error;
    }
  }
  return error ? { tri, cidrs, error } : { tri, cidrs };
}

/** Whether the rule lets traffic reach `port` (tcp or udp; all-protocol rules reach every port). */
export function ruleCoversPort(rule: RuleView, port: number): Tri {
  const proto = rule.protocol;
  if (isUnknown(proto)) return 'maybe';
  if (proto === '-1') return 'yes';
  if (proto !== 'tcp' && proto !== 'udp') return 'no';
  const from = rule.fromPort;
  const to = rule.toPort;
  if (isUnknown(from) || isUnknown(to) || typeof from !== 'number' || typeof to !== 'number') return 'maybe';
  return from <= port && port <= to ? 'yes' : 'no';
}

/** Ports (tcp/udp) the rule opens beyond `allowed`, as a short text; '' when none, undefined when unknown. */
export function portsBeyond(rule: RuleView, allowed: number[]): string | undefined {
  const proto = rule.protocol;
  if (isUnknown(proto)) return undefined;
  if (proto === '-1') return 'all protocols and ports';
  if (proto !== 'tcp') {
    if (proto === 'icmp' || proto === 'icmpv6') return '';
    return `protocol ${String(proto)}`;
  }
  const from = rule.fromPort;
  const to = rule.toPort;
  if (typeof from !== 'number' || typeof to !== 'number') return undefined;
  const text = from === to ? `tcp ${from}` : `tcp ${from}-${to}`;
  if (to < from) return '';
  if (to - from + 1 > allowed.length) return text;
  for (let p = from; p <= to; p++) if (!allowed.includes(p)) return text;
  return '';
}

export function portText(rule: RuleView): string {
  if (rule.protocol === '-1') return 'all traffic';
  if (rule.fromPort === rule.toPort) return `${String(rule.protocol)} ${String(rule.fromPort)}`;
  return `${String(rule.protocol)} ${String(rule.fromPort)}-${String(rule.toPort)}`;
}

/** The rules of a direction, or 'unknown' when the list itself is unknown. */
export function rulesOf(r: SecurityGroup, direction: 'ingress' | 'egress'): RuleView[] | 'unknown' | 'error' {
  const v = direction === 'ingress' ? r.attrs.ingressRules : r.attrs.egressRules;
  if (!v) return [];
  if (v.error) return 'error';
  if (v.origin === 'unknown' || isUnknown(v.value)) return 'unknown';
  if (!Array.isArray(v.value)) return [];
  return v.value as RuleView[];
}

const attachCache = new WeakMap<Model, Map<string, Resource[]>>();

/**
 * Resources that use a security group (`users`), and live stand-ins for listings that failed
 * (`unread`): the group's `attachedResources` links (inverse links other adapters add) plus any
 * resource whose `securityGroups` link names the group, so attachment is known even when an adapter
 * did not declare the inverse.
 */
export function attachedResources(model: Model, sg: SecurityGroup): { users: Resource[]; unread: Resource[] } {
  let index = attachCache.get(model);
  if (!index) {
    index = new Map();
    for (const r of model.all()) {
      for (const id of r.links.securityGroups ?? []) {
        const list = index.get(id) ?? [];
        if (!list.includes(r)) list.push(r);
        index.set(id, list);
      }
    }
    attachCache.set(model, index);
  }
  const out = [...(index.get(sg.id) ?? [])];
  for (const t of linkedOf(model, sg, 'attachedResources') as Resource[]) if (!out.includes(t)) out.push(t);
  // Live: a stand-in for resources whose listing failed (readError) is linked to every group of its
  // region; it is no user, only the reason a user may be missing.
  return { users: out.filter((u) => !u.readError), unread: out.filter((u) => u.readError) };
}
