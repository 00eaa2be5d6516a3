import type { LinkRef, Resource } from '../../model/resource.js';
import { isUnknown, UNKNOWN, type Val } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { normRule, type SgRule } from '../shared/security-group-rules.js';
import { accountLink, asBool, asNumber, attr, computedAttr, isConfigured, linkRef, locOf, rawAt, tagAttrs, tfResource, withAddress, type TfAdapter } from './helpers/index.js';

const SG = 'aws.ec2.security-group';
const VPC = 'aws.ec2.vpc';
const SUBNET = 'aws.ec2.subnet';
const PREFIX_LIST = 'aws.ec2.managed-prefix-list';

/**
 * Inline `ingress`/`egress` blocks of aws_security_group / aws_default_security_group. Terraform
 * creates groups without the AWS default allow-all egress rule, and the default security group loses
 * every rule it does not declare, so an absent block list means "no rules". A plan shows the blocks
 * computed when they are not configured: that is also "no inline rules" (standalone rule resources are
 * appended by the linker).
 */
function inlineRules(rec: TfRecord, block: 'ingress' | 'egress'): Val<SgRule[]> {
  const raw = rawAt(rec.values, block);
  const loc = locOf(rec, block);
  if (isUnknown(raw)) {
    // Limitation: plan `configuration` never lists ingress/egress (attributes-as-blocks; seen in every
    // corpus plan), so a wholly unknown list that the configuration did write (a dynamic block over a
    // collection known only after apply) is also read as "no inline rules" in a plan. HCL knows.
    if (isConfigured(rec, block) === false) return { value: [], origin: 'default', loc };
    return { value: undefined, origin: 'unknown', loc };
  }
  // Known values are used even when the plan's configuration does not list the block: ingress/egress
  // are attributes-as-blocks, which older plan formats leave out of `expressions` (hashicorp/terraform
  // #29022). For an existing group the prior state may also repeat rules owned by standalone rule
  // resources; the duplicates do not change any verdict.
  if (raw === undefined || raw === null) return { value: [], origin: 'default', loc };
  if (!Array.isArray(raw)) return { value: undefined, origin: 'unknown', loc };
  const groupRefs = rec.references[`${block}.security_groups`] ?? [];
  const prefixListRefs = rec.references[`${block}.prefix_list_ids`] ?? [];
  const rules = raw.map((b, i) => {
    const p = `${block}.${i}`;
    const ruleLoc = locOf(rec, p);
    if (isUnknown(b) || !b || typeof b !== 'object') {
      return normRule({ protocol: UNKNOWN, fromPort: UNKNOWN, toPort: UNKNOWN, cidrIpv4: UNKNOWN, cidrIpv6: UNKNOWN, groups: UNKNOWN, groupRefs, prefixLists: UNKNOWN, prefixListRefs, self: UNKNOWN, description: UNKNOWN, origin: 'inline', loc: ruleLoc });
    }
    const o = b as Record<string, unknown>;
    return normRule({
      protocol: o.protocol,
      fromPort: o.from_port,
      toPort: o.to_port,
      cidrIpv4: o.cidr_blocks,
      cidrIpv6: o.ipv6_cidr_blocks,
      groups: o.security_groups,
      groupRefs,
      prefixLists: o.prefix_list_ids,
      prefixListRefs,
      self: o.self,
      description: o.description,
      origin: 'inline',
      loc: ruleLoc,
    });
  });
  return { value: rules, origin: 'explicit', loc };
}

function sgBase(rec: TfRecord, isDefault: boolean): Resource {
  const r = tfResource(rec, SG, [rec.values.name]);
  const { tags, dataClass } = tagAttrs(rec);
  r.attrs = {
    name: attr(rec, 'name', isDefault ? { default: 'default' } : {}),
    description: attr(rec, 'description', { default: isDefault ? 'default VPC security group' : 'Managed by Terraform' }),
    isDefault: { value: isDefault, origin: isDefault ? 'explicit' : 'default', loc: r.loc },
    ingressRules: inlineRules(rec, 'ingress'),
    egressRules: inlineRules(rec, 'egress'),
    tags,
    dataClass,
  };
  r.linkRefs = [linkRef(rec, 'vpc', 'vpc_id', [VPC], { inverse: 'securityGroups' })];
  for (const block of ['ingress', 'egress'] as const) {
    const ref = linkRef(rec, 'sourceGroups', `${block}.security_groups`, [SG]);
    ref.literals = collectGroupIds(rawAt(rec.values, block));
    if (ref.addresses?.length || ref.literals.length) r.linkRefs.push(ref);
    const lists = linkRef(rec, 'prefixLists', `${block}.prefix_list_ids`, [PREFIX_LIST]);
    lists.literals = collectBlockIds(rawAt(rec.values, block), 'prefix_list_ids');
    if (lists.addresses?.length || lists.literals.length) r.linkRefs.push(lists);
  }
  if (isDefault) r.linkRefs.push(linkRef(rec, 'defaultOf', 'vpc_id', [VPC], { inverse: 'defaultSecurityGroup' }));
  return r;
}

function collectGroupIds(blocks: unknown): string[] {
  return collectBlockIds(blocks, 'security_groups');
}

/** The literal ids a list argument of the inline rule blocks holds (`security_groups`, `prefix_list_ids`). */
function collectBlockIds(blocks: unknown, key: string): string[] {
  if (!Array.isArray(blocks)) return [];
  const out: string[] = [];
  for (const b of blocks) {
    const g = b && typeof b === 'object' ? (b as Record<string, unknown>)[key] : undefined;
    if (Array.isArray(g)) for (const x of g) if (typeof x === 'string' && x) out.push(x);
  }
  return out;
}

/**
 * A standalone rule resource is a facet of its group: `mergeInto: 'securityGroup'`, and its rule
 * (in `ingressRules` or `egressRules`) is listed in `appendAttrs`, so the linker appends it to the
 * group's list instead of replacing the list. When the group is not in the input (an id passed in
 * from elsewhere) the rule stays a security-group resource of its own (`keepUnmerged`), so a world-open
 * rule on a group managed elsewhere is still reported, at the rule's address.
 */
function ruleFacet(rec: TfRecord, direction: 'ingress' | 'egress', rule: SgRule, groupPath: string, extraRefs: LinkRef[]): Resource {
  const r = tfResource(rec, SG);
  const key = direction === 'ingress' ? 'ingressRules' : 'egressRules';
  const other = direction === 'ingress' ? 'egressRules' : 'ingressRules';
  r.attrs = {
    [key]: { value: [rule], origin: 'explicit', loc: rule._loc },
    [other]: { value: [], origin: 'default', loc: rule._loc },
  };
  r.mergeInto = 'securityGroup';
  r.appendAttrs = [key, other];
  r.keepUnmerged = true;
  r.identifiers = [];
  r.linkRefs = [linkRef(rec, 'securityGroup', groupPath, [SG]), ...extraRefs];
  return r;
}

const securityGroupRule: TfAdapter = (rec) => {
  const type = rawAt(rec.values, 'type');
  if (type !== 'ingress' && type !== 'egress') return undefined;
  const groupRefs = rec.references['source_security_group_id'] ?? [];
  const rule = normRule({
    protocol: rawAt(rec.values, 'protocol'),
    fromPort: rawAt(rec.values, 'from_port'),
    toPort: rawAt(rec.values, 'to_port'),
    cidrIpv4: rawAt(rec.values, 'cidr_blocks'),
    cidrIpv6: rawAt(rec.values, 'ipv6_cidr_blocks'),
    groups: rawAt(rec.values, 'source_security_group_id'),
    groupRefs,
    prefixLists: rawAt(rec.values, 'prefix_list_ids'),
    prefixListRefs: rec.references['prefix_list_ids'] ?? [],
    self: rawAt(rec.values, 'self'),
    description: rawAt(rec.values, 'description'),
    origin: 'aws_security_group_rule',
    loc: withAddress(rec),
  });
  const refs: LinkRef[] = [];
  const src = linkRef(rec, 'sourceGroups', 'source_security_group_id', [SG]);
  if (src.addresses?.length || src.literals?.length) refs.push(src);
  const lists = linkRef(rec, 'prefixLists', 'prefix_list_ids', [PREFIX_LIST]);
  if (lists.addresses?.length || lists.literals?.length) refs.push(lists);
  return ruleFacet(rec, type, rule, 'security_group_id', refs);
};

function vpcRule(direction: 'ingress' | 'egress'): TfAdapter {
  return (rec) => {
    const groupRefs = rec.references['referenced_security_group_id'] ?? [];
    const rule = normRule({
      protocol: rawAt(rec.values, 'ip_protocol'),
      fromPort: rawAt(rec.values, 'from_port'),
      toPort: rawAt(rec.values, 'to_port'),
      cidrIpv4: rawAt(rec.values, 'cidr_ipv4'),
      cidrIpv6: rawAt(rec.values, 'cidr_ipv6'),
      groups: rawAt(rec.values, 'referenced_security_group_id'),
      groupRefs,
      prefixLists: rawAt(rec.values, 'prefix_list_id'),
      prefixListRefs: rec.references['prefix_list_id'] ?? [],
      self: false,
      description: rawAt(rec.values, 'description'),
      origin: `aws_vpc_security_group_${direction}_rule`,
      loc: withAddress(rec),
    });
    const refs: LinkRef[] = [];
    const src = linkRef(rec, 'sourceGroups', 'referenced_security_group_id', [SG]);
    if (src.addresses?.length || src.literals?.length) refs.push(src);
    const lists = linkRef(rec, 'prefixLists', 'prefix_list_id', [PREFIX_LIST]);
    if (lists.addresses?.length || lists.literals?.length) refs.push(lists);
    return ruleFacet(rec, direction, rule, 'security_group_id', refs);
  };
}

// ---------------------------------------------------------------------------------------------------

function vpc(isDefault: boolean): TfAdapter {
  return (rec) => {
    const r = tfResource(rec, VPC);
    const { tags, dataClass } = tagAttrs(rec);
    r.attrs = {
      cidrBlock: attr(rec, 'cidr_block', isDefault ? { default: '172.31.0.0/16' } : {}),
      isDefault: { value: isDefault, origin: isDefault ? 'explicit' : 'default', loc: r.loc },
      enableDnsSupport: attr(rec, 'enable_dns_support', { default: true, map: asBool }),
      enableDnsHostnames: attr(rec, 'enable_dns_hostnames', { default: isDefault, map: asBool }),
      tags,
      dataClass,
    };
    return r;
  };
}

function subnet(isDefault: boolean): TfAdapter {
  return (rec) => {
    const r = tfResource(rec, SUBNET);
    const { tags, dataClass } = tagAttrs(rec);
    r.attrs = {
      cidrBlock: attr(rec, 'cidr_block'),
      availabilityZone: attr(rec, 'availability_zone'),
      // aws_subnet: default false; aws_default_subnet: default true (AWS default subnets assign public IPs).
      mapPublicIpOnLaunch: isDefault
        ? computedAttr(rec, 'map_public_ip_on_launch', { default: true, map: asBool })
        : attr(rec, 'map_public_ip_on_launch', { default: false, map: asBool }),
      assignIpv6AddressOnCreation: attr(rec, 'assign_ipv6_address_on_creation', { default: false, map: asBool }),
      isDefault: { value: isDefault, origin: isDefault ? 'explicit' : 'default', loc: r.loc },
      tags,
      dataClass,
    };
    if (!isDefault) r.linkRefs = [linkRef(rec, 'vpc', 'vpc_id', [VPC], { inverse: 'subnets' })];
    return r;
  };
}

const flowLog: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.ec2.flow-log');
  const { tags, dataClass } = tagAttrs(rec);
  const has = (p: string) => {
    const v = rawAt(rec.values, p);
    return isUnknown(v) || (v !== undefined && v !== null && v !== '') || (rec.references[p]?.length ?? 0) > 0;
  };
  const attachedTo = has('vpc_id')
    ? 'vpc'
    : has('subnet_id')
      ? 'subnet'
      : has('eni_id')
        ? 'eni'
        : has('transit_gateway_attachment_id')
          ? 'transit-gateway-attachment'
          : has('transit_gateway_id')
            ? 'transit-gateway'
            : undefined;
  r.attrs = {
    trafficType: attr(rec, 'traffic_type', { map: (v) => String(v).toUpperCase() }),
    destinationType: attr(rec, 'log_destination_type', { default: 'cloud-watch-logs' }),
    logDestination: attr(rec, 'log_destination'),
    logGroupName: attr(rec, 'log_group_name'),
    maxAggregationInterval: attr(rec, 'max_aggregation_interval', { default: 600, map: asNumber }),
    attachedTo: { value: attachedTo, origin: attachedTo ? 'explicit' : 'default', loc: r.loc },
    tags,
    dataClass,
  };
  r.linkRefs = [
    linkRef(rec, 'vpc', 'vpc_id', [VPC], { inverse: 'flowLogs' }),
    linkRef(rec, 'subnet', 'subnet_id', [SUBNET], { inverse: 'flowLogs' }),
  ];
  // One `logGroup` request from log_destination (ARN) or the deprecated log_group_name (name).
  const dest = linkRef(rec, 'logGroup', 'log_destination', ['aws.logs.log-group'], { inverse: 'flowLogs' });
  const byName = linkRef(rec, 'logGroup', 'log_group_name', ['aws.logs.log-group'], { inverse: 'flowLogs' });
  // A CloudWatch Logs ARN ends in `:*` when copied from the log group's `arn` attribute.
  dest.literals = [...(dest.literals ?? []), ...(byName.literals ?? [])].flatMap((l) => (l.endsWith(':*') ? [l, l.slice(0, -2)] : [l]));
  dest.addresses = [...(dest.addresses ?? []), ...(byName.addresses ?? [])];
  const bucket = linkRef(rec, 'bucket', 'log_destination', ['aws.s3.bucket']);
  r.linkRefs.push(dest, bucket);
  return r;
};

const ebsVolume: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.ec2.ebs-volume');
  const { tags, dataClass } = tagAttrs(rec);
  r.attrs = {
    // Optional+Computed: a plan shows it computed when not configured; the provider then sends no
    // Encrypted flag and AWS decides by the region's encryption-by-default. Record "not requested"
    // (false, origin default); the policy consults the account setting for that case.
    encrypted: computedAttr(rec, 'encrypted', { default: false, map: asBool }),
    kmsKeyId: attr(rec, 'kms_key_id'),
    snapshotId: attr(rec, 'snapshot_id'),
    size: attr(rec, 'size', { map: asNumber }),
    volumeType: attr(rec, 'type', { default: 'gp2' }),
    availabilityZone: attr(rec, 'availability_zone'),
    tags,
    dataClass,
  };
  r.linkRefs = [
    linkRef(rec, 'kmsKey', 'kms_key_id', ['aws.kms.key']),
    accountLink(r.loc),
  ];
  return r;
};

/** Terraform resource type -> adapter. */
export const ec2Adapters: Record<string, TfAdapter> = {
  aws_vpc: vpc(false),
  aws_default_vpc: vpc(true),
  aws_subnet: subnet(false),
  aws_default_subnet: subnet(true),
  aws_security_group: (rec) => sgBase(rec, false),
  aws_default_security_group: (rec) => sgBase(rec, true),
  aws_security_group_rule: securityGroupRule,
  aws_vpc_security_group_ingress_rule: vpcRule('ingress'),
  aws_vpc_security_group_egress_rule: vpcRule('egress'),
  aws_flow_log: flowLog,
  aws_ebs_volume: ebsVolume,
};
