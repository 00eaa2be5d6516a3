import { UNKNOWN } from '../../model/value.js';
import type { SnapshotResource } from '../../sources/live/snapshot.js';
import { normRule, type SgRule } from '../shared/security-group-rules.js';
import { accountArn, dataAt, liveAttr, liveDerived, liveFacetAttr, liveLink, liveResource, locAt, logGroupToken, tagVals, type LiveAdapter, type LiveCtx } from './helpers/index.js';

interface IpPermission {
  IpProtocol?: string;
  FromPort?: number;
  ToPort?: number;
  IpRanges?: Array<{ CidrIp?: string; Description?: string }>;
  Ipv6Ranges?: Array<{ CidrIpv6?: string; Description?: string }>;
  UserIdGroupPairs?: Array<{ GroupId?: string; Description?: string }>;
  PrefixListIds?: Array<{ PrefixListId?: string; Description?: string }>;
}

/** API IpPermissions -> the normalised rule shape every source produces (one element per permission). */
function rules(rec: SnapshotResource, ctx: LiveCtx, path: 'IpPermissions' | 'IpPermissionsEgress'): SgRule[] {
  const own = dataAt(rec, 'GroupId') as string | undefined;
  const perms = (dataAt(rec, path) as IpPermission[] | undefined) ?? [];
  return perms.map((p, i) => {
    const pairs = p.UserIdGroupPairs ?? [];
    const others = pairs.map((g) => g.GroupId).filter((g): g is string => !!g && g !== own);
    const descriptions = [...(p.IpRanges ?? []), ...(p.Ipv6Ranges ?? []), ...pairs, ...(p.PrefixListIds ?? [])].map((x) => x.Description).filter(Boolean);
    return normRule({
      protocol: p.IpProtocol,
      fromPort: p.FromPort,
      toPort: p.ToPort,
      cidrIpv4: (p.IpRanges ?? []).map((r) => r.CidrIp),
      cidrIpv6: (p.Ipv6Ranges ?? []).map((r) => r.CidrIpv6),
      groups: others,
      groupRefs: [],
      prefixLists: (p.PrefixListIds ?? []).map((x) => x.PrefixListId),
      self: pairs.some((g) => g.GroupId === own),
      description: descriptions[0] ?? null,
      origin: 'live',
      loc: locAt(rec, ctx, `${path}[${i}]`),
    });
  });
}

const securityGroup: LiveAdapter = (rec, ctx) => {
  const id = dataAt(rec, 'GroupId') as string;
  const isDefault = dataAt(rec, 'GroupName') === 'default';
  const r = liveResource(rec, 'aws.ec2.security-group', ctx, [id]);
  const ingress = rules(rec, ctx, 'IpPermissions');
  const egress = rules(rec, ctx, 'IpPermissionsEgress');
  r.attrs = {
    name: liveAttr(rec, ctx, 'GroupName'),
    description: liveAttr(rec, ctx, 'Description'),
    isDefault: liveDerived(rec, ctx, 'GroupName', isDefault),
    ingressRules: liveDerived(rec, ctx, 'IpPermissions', ingress),
    egressRules: liveDerived(rec, ctx, 'IpPermissionsEgress', egress),
    ...tagVals(rec, ctx),
  };
  const vpc = dataAt(rec, 'VpcId');
  r.linkRefs!.push(liveLink(rec, ctx, 'vpc', vpc, ['aws.ec2.vpc'], { inverse: 'securityGroups', attribute: 'VpcId' }));
  if (isDefault) r.linkRefs!.push(liveLink(rec, ctx, 'defaultOf', vpc, ['aws.ec2.vpc'], { inverse: 'defaultSecurityGroup', attribute: 'VpcId' }));
  const sources = [...ingress, ...egress].flatMap((x) => (x.sourceSecurityGroups === UNKNOWN ? [] : (x.sourceSecurityGroups as string[])));
  r.linkRefs!.push(liveLink(rec, ctx, 'sourceGroups', [...new Set(sources)], ['aws.ec2.security-group'], { attribute: 'IpPermissions' }));
  const lists = [...ingress, ...egress].flatMap((x) => (x.prefixLists === UNKNOWN ? [] : (x.prefixLists as string[])));
  r.linkRefs!.push(liveLink(rec, ctx, 'prefixLists', [...new Set(lists)], ['aws.ec2.managed-prefix-list'], { attribute: 'IpPermissions' }));
  return r;
};

/**
 * A managed prefix list (DescribeManagedPrefixLists) with, for a customer-managed list a group names, its
 * `Entries` (GetManagedPrefixListEntries). A customer-managed list no group names was not read further:
 * its entries stay unknown, and nothing judges them.
 */
const prefixList: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.ec2.managed-prefix-list', ctx, [dataAt(rec, 'PrefixListId'), dataAt(rec, 'PrefixListName')]);
  const awsManaged = dataAt(rec, 'OwnerId') === 'AWS';
  r.attrs = {
    name: liveAttr(rec, ctx, 'PrefixListName'),
    awsManaged: liveDerived(rec, ctx, 'OwnerId', awsManaged),
    entries: liveFacetAttr(rec, ctx, 'Entries', { map: (v) => (Array.isArray(v) ? v.map((e) => (e as { Cidr?: string }).Cidr).filter((c): c is string => typeof c === 'string') : undefined) }),
    addressFamily: liveAttr(rec, ctx, 'AddressFamily'),
    ...tagVals(rec, ctx),
  };
  return r;
};

const vpc: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.ec2.vpc', ctx, [dataAt(rec, 'VpcId')]);
  r.attrs = {
    cidrBlock: liveAttr(rec, ctx, 'CidrBlock'),
    isDefault: liveAttr(rec, ctx, 'IsDefault', { default: false }),
    ...tagVals(rec, ctx),
  };
  return r;
};

const subnet: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.ec2.subnet', ctx, [dataAt(rec, 'SubnetId')]);
  r.attrs = {
    cidrBlock: liveAttr(rec, ctx, 'CidrBlock'),
    availabilityZone: liveAttr(rec, ctx, 'AvailabilityZone'),
    mapPublicIpOnLaunch: liveAttr(rec, ctx, 'MapPublicIpOnLaunch', { default: false }),
    assignIpv6AddressOnCreation: liveAttr(rec, ctx, 'AssignIpv6AddressOnCreation', { default: false }),
    isDefault: liveAttr(rec, ctx, 'DefaultForAz', { default: false }),
    ...tagVals(rec, ctx),
  };
  r.linkRefs!.push(liveLink(rec, ctx, 'vpc', dataAt(rec, 'VpcId'), ['aws.ec2.vpc'], { inverse: 'subnets', attribute: 'VpcId' }));
  return r;
};

const flowLog: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.ec2.flow-log', ctx, [dataAt(rec, 'FlowLogId')]);
  const target = (dataAt(rec, 'ResourceId') as string | undefined) ?? '';
  const attachedTo = target.startsWith('vpc-') ? 'vpc' : target.startsWith('subnet-') ? 'subnet' : target.startsWith('eni-') ? 'eni' : target.startsWith('tgw-attach-') ? 'transit-gateway-attachment' : target.startsWith('tgw-') ? 'transit-gateway' : undefined;
  const destination = dataAt(rec, 'LogDestination') as string | undefined;
  const destType = (dataAt(rec, 'LogDestinationType') as string | undefined) ?? 'cloud-watch-logs';
  r.attrs = {
    trafficType: liveAttr(rec, ctx, 'TrafficType'),
    destinationType: liveAttr(rec, ctx, 'LogDestinationType', { default: 'cloud-watch-logs' }),
    logDestination: liveAttr(rec, ctx, 'LogDestination'),
    logGroupName: liveAttr(rec, ctx, 'LogGroupName'),
    maxAggregationInterval: liveAttr(rec, ctx, 'MaxAggregationInterval', { default: 600 }),
    attachedTo: liveDerived(rec, ctx, 'ResourceId', attachedTo),
    ...tagVals(rec, ctx),
  };
  if (attachedTo === 'vpc') r.linkRefs!.push(liveLink(rec, ctx, 'vpc', target, ['aws.ec2.vpc'], { inverse: 'flowLogs', attribute: 'ResourceId' }));
  if (attachedTo === 'subnet') r.linkRefs!.push(liveLink(rec, ctx, 'subnet', target, ['aws.ec2.subnet'], { attribute: 'ResourceId' }));
  if (destType === 'cloud-watch-logs') {
    // DescribeFlowLogs may give only LogGroupName (no LogDestination): the group of that name in the flow log's own account and
    // region. Linked by the region-scoped token: a log group ARN's name forms repeat across regions.
    const name = dataAt(rec, 'LogGroupName') as string | undefined;
    const group = destination ?? (name ? `arn:${ctx.snapshot.account.partition}:logs:${rec.region}:${rec.account || ctx.snapshot.account.id}:log-group:${name}` : undefined);
    r.linkRefs!.push(liveLink(rec, ctx, 'logGroup', group ? [logGroupToken(group)] : [], ['aws.logs.log-group'], { attribute: destination ? 'LogDestination' : 'LogGroupName' }));
  }
  if (destType === 's3' && destination) {
    const bucket = destination.replace(/^arn:[^:]+:s3:::/, '').split('/')[0];
    r.linkRefs!.push(liveLink(rec, ctx, 'bucket', bucket ? [bucket] : [], ['aws.s3.bucket'], { attribute: 'LogDestination' }));
  }
  return r;
};

const volume: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.ec2.ebs-volume', ctx, [dataAt(rec, 'VolumeId')]);
  r.attrs = {
    encrypted: liveAttr(rec, ctx, 'Encrypted', { default: false }),
    kmsKeyId: liveAttr(rec, ctx, 'KmsKeyId'),
    snapshotId: liveAttr(rec, ctx, 'SnapshotId', { map: (v) => (v === '' ? undefined : v) }),
    size: liveAttr(rec, ctx, 'Size'),
    volumeType: liveAttr(rec, ctx, 'VolumeType'),
    availabilityZone: liveAttr(rec, ctx, 'AvailabilityZone'),
    ...tagVals(rec, ctx),
  };
  r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', dataAt(rec, 'KmsKeyId'), ['aws.kms.key'], { attribute: 'KmsKeyId' }));
  r.linkRefs!.push({ name: 'account', kinds: ['aws.account'], literals: [accountArn(ctx, rec.region, rec.account)], loc: r.loc });
  return r;
};

export const ec2LiveAdapters: Record<string, LiveAdapter> = {
  'AWS::EC2::SecurityGroup': securityGroup,
  'AWS::EC2::VPC': vpc,
  'AWS::EC2::Subnet': subnet,
  'AWS::EC2::FlowLog': flowLog,
  'AWS::EC2::Volume': volume,
  'AWS::EC2::PrefixList': prefixList,
};
