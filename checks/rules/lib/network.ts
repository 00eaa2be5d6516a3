/** Security-group rules and what uses a group, shared by the network code checks. */
import { isUnknown, type Location } from '../../model/value.js';
import type { Model } from '../../model/model.js';
import type { Resource } from '../../model/resource.js';
import { linkedOf, type KindResource } from '../../model/typed.js';

export type SecurityGroup = KindResource<'aws.ec2.security-group'>;

/** Three-valued answer for a property of a rule that may hold unknown parts. */
export type Tri = 'yes' | 'no' | 'maybe';

function parseIpv4(s: string): number | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = n * 256 + Number(p);
  }
  return n;
}

/** IPv4 ranges that are not internet-routable. */
const PRIVATE_V4: Array<[number, number]> = [
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
].map(([a, l]) => [parseIpv4(a as string)!, l as number]);

function withinV4(addr: number, len: number, base: number, baseLen: number): boolean {
  if (len < baseLen) return false;
  const size = 2 ** (32 - baseLen);
  return Math.floor(addr / size) === Math.floor(base / size);
}

/**
 * Whether a CIDR opens a rule to the internet at large: `0.0.0.0/0`, `::/0`, and any other range
 * wider than an IPv4 /8 or an IPv6 /16 outside private space (`0.0.0.0/1`, `2000::/3`), which is how
 * "not quite /0" rules slip past exact-string checks. A /23 or /29 is not world-open (anchors flag
 * those wrongly). Unparseable text is `maybe`.
 */
export function cidrIsWorld(cidr: unknown): Tri {
  if (isUnknown(cidr) || typeof cidr !== 'string') return 'maybe';
  const s = cidr.trim();
  const [addr, lenText] = s.split('/');
  if (!addr) return 'maybe';
  if (addr.includes(':')) {
    const len = lenText === undefined ? 128 : Number(lenText);
    if (!Number.isInteger(len) || len < 0 || len > 128) return 'maybe';
    if (len === 0) return 'yes';
    if (len >= 16) return 'no';
    const first = parseInt(addr.split(':')[0] || '0', 16);
    if (Number.isNaN(first)) return 'maybe';
    // fc00::/7 (unique local) and fe80::/10 (link local) are private.
    if (len >= 7 && (first & 0xfe00) === 0xfc00) return 'no';
    return 'yes';
  }
  const a = parseIpv4(addr);
  const len = lenText === undefined ? 32 : Number(lenText);
  if (a === undefined || !Number.isInteger(len) || len < 0 || len > 32) return 'maybe';
  if (len === 0) return 'yes';
  if (len >= 8) return 'no';
  if (PRIVATE_V4.some(([b, bl]) => withinV4(a, len, b, bl))) return 'no';
  return 'yes';
}

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

/** Whether the rule admits (or targets) the whole internet through any of its CIDRs. */
export function ruleIsWorld(rule: RuleView): { tri: Tri; cidrs: string[] } {
  let tri: Tri = 'no';
  const cidrs: string[] = [];
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
  return { tri, cidrs };
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
