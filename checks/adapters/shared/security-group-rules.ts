import { isUnknown, UNKNOWN, type Location } from '../../model/value.js';
import { asBool, asNumber } from '../../util/coerce.js';

/**
 * One security-group rule in the shape every source produces (`ingressRules`, `egressRules` of
 * `aws.ec2.security-group`): Terraform inline blocks, Terraform rule resources and the API's
 * IpPermissions all become this, so the network checks read one shape.
 */
export interface SgRule {
  protocol: string | typeof UNKNOWN;
  fromPort: number | typeof UNKNOWN | null;
  toPort: number | typeof UNKNOWN | null;
  cidrIpv4: unknown[] | typeof UNKNOWN;
  cidrIpv6: unknown[] | typeof UNKNOWN;
  sourceSecurityGroups: unknown[] | typeof UNKNOWN;
  prefixLists: unknown[] | typeof UNKNOWN;
  self: boolean | typeof UNKNOWN;
  description: string | null | typeof UNKNOWN;
  origin: string;
  _loc: Location;
}

/** A rule as its source spells it, before normalising (raw values; `UNKNOWN` where known only after apply). */
export interface RuleInput {
  protocol: unknown;
  fromPort: unknown;
  toPort: unknown;
  cidrIpv4: unknown;
  cidrIpv6: unknown;
  groups: unknown;
  /** Terraform addresses the group argument references (empty for live). */
  groupRefs: string[];
  prefixLists: unknown;
  /** Terraform addresses the prefix-list argument references (empty for live). */
  prefixListRefs?: string[];
  self: unknown;
  description: unknown;
  /** Where the rule came from: `inline`, the Terraform rule type, or `live`. */
  origin: string;
  loc: Location;
}

const PROTOCOL_NAMES: Record<string, string> = { '-1': '-1', all: '-1', '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };

/** Terraform/API protocol spelling -> '-1' | 'tcp' | 'udp' | 'icmp' | 'icmpv6' | number string. */
export function normProtocol(raw: unknown): string | typeof UNKNOWN {
  if (isUnknown(raw)) return UNKNOWN;
  if (raw === undefined || raw === null) return '-1';
  const s = String(raw).trim().toLowerCase();
  return PROTOCOL_NAMES[s] ?? s;
}

function list(raw: unknown): unknown[] | typeof UNKNOWN {
  if (isUnknown(raw)) return UNKNOWN;
  if (raw === undefined || raw === null) return [];
  if (Array.isArray(raw)) return raw.filter((x) => x !== null && x !== '');
  return raw === '' ? [] : [raw];
}

function port(raw: unknown): number | typeof UNKNOWN | null {
  if (isUnknown(raw)) return UNKNOWN;
  const n = asNumber(raw);
  return n === undefined ? null : n;
}

/**
 * Security-group (or prefix-list) sources of a rule: literal ids where known; where the id is known only
 * after apply, the Terraform addresses the attribute references (so `sourceSecurityGroups` and
 * `prefixLists` are never empty for a rule that names one).
 */
function groupSources(raw: unknown, refs: string[]): unknown[] | typeof UNKNOWN {
  if (isUnknown(raw) && refs.length === 0) return UNKNOWN;
  const known = isUnknown(raw) ? [] : list(raw);
  if (isUnknown(known)) return UNKNOWN;
  const out: unknown[] = [];
  let unresolved = isUnknown(raw);
  for (const v of known) {
    if (isUnknown(v)) unresolved = true;
    else out.push(v);
  }
  if (unresolved) {
    if (refs.length === 0) return UNKNOWN;
    for (const r of refs) if (!out.includes(r)) out.push(r);
  }
  return out;
}

/**
 * One normalised rule; all-protocol rules cover ports 0-65535 whatever ports were written. A tcp/udp
 * rule without ports (AWS rejects it) keeps null ports: an unknown range.
 */
export function normRule(i: RuleInput): SgRule {
  const protocol = normProtocol(i.protocol);
  let fromPort = port(i.fromPort);
  let toPort = port(i.toPort);
  if (protocol === '-1') {
    fromPort = 0;
    toPort = 65535;
  }
  const self = isUnknown(i.self) ? UNKNOWN : asBool(i.self) ?? false;
  const description = isUnknown(i.description) ? UNKNOWN : typeof i.description === 'string' && i.description !== '' ? i.description : null;
  return {
    protocol,
    fromPort,
    toPort,
    cidrIpv4: list(i.cidrIpv4),
    cidrIpv6: list(i.cidrIpv6),
    sourceSecurityGroups: groupSources(i.groups, i.groupRefs),
    prefixLists: groupSources(i.prefixLists, i.prefixListRefs ?? []),
    self,
    description,
    origin: i.origin,
    _loc: i.loc,
  };
}
