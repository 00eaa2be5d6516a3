import {
  DescribeInstanceAttributeCommand,
  EC2Client,
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
  paginateDescribeFlowLogs,
  paginateDescribeManagedPrefixLists,
  paginateGetManagedPrefixListEntries,
  type IpPermission,
  type SecurityGroup,
  paginateDescribeInstances,
  type Instance,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVolumes,
  paginateDescribeVpcs,
} from '@aws-sdk/client-ec2';
import { createHash } from 'node:crypto';
import { decodeBase64Text, scanText } from '../../../util/credentials.js';
import type { SnapshotResource } from '../snapshot.js';
import { allPages, type Collector, facet, items, listAll, plain, tagMap } from './context.js';

/**
 * What the snapshot keeps of an instance's user data: whether there is any, its size, a short SHA-256
 * prefix (to tell versions apart), and the credentials found in it by line and variable name. The user
 * data itself never enters the snapshot; text that cannot be decoded is marked unreadable.
 */
export function userDataSummary(base64: string | undefined): Record<string, unknown> {
  if (!base64) return { present: false };
  const text = decodeBase64Text(base64);
  const summary: Record<string, unknown> = { present: true, length: base64.length, sha256: createHash('sha256').update(base64).digest('hex').slice(0, 12), readable: text !== undefined };
  if (text !== undefined) summary.credentials = scanText(text).map((c) => (c.name !== undefined ? { line: c.line, name: c.name, reason: c.reason } : { line: c.line, reason: c.reason }));
  return summary;
}

/** An instance as the snapshot keeps it: identity, placement and settings (no user data, see userDataSummary). */
function instanceData(i: Instance): Record<string, unknown> {
  return plain({
    InstanceId: i.InstanceId,
    InstanceType: i.InstanceType,
    ImageId: i.ImageId,
    State: i.State,
    LaunchTime: i.LaunchTime,
    VpcId: i.VpcId,
    SubnetId: i.SubnetId,
    PublicIpAddress: i.PublicIpAddress,
    SecurityGroups: i.SecurityGroups,
    IamInstanceProfile: i.IamInstanceProfile,
    MetadataOptions: i.MetadataOptions,
    Tags: tagMap(i.Tags),
  }) as Record<string, unknown>;
}

/** Instances (not terminated) and their user data, read one DescribeInstanceAttribute call each under the service's bound. */
async function collectInstances(c: Collector, region: string, client: EC2Client): Promise<void> {
  if (c.covered('AWS::EC2::Instance')) return;
  const found = await listAll(c, 'ec2', region, 'ec2:DescribeInstances', ['AWS::EC2::Instance'], () =>
    items(paginateDescribeInstances({ client }, {}), (p) => (p.Reservations ?? []).flatMap((r) => r.Instances ?? [])),
  );
  await Promise.all(
    (found ?? [])
      .filter((i) => i.InstanceId && i.State?.Name !== 'terminated')
      .map(async (i) => {
        const account = c.accountId;
        const rec: SnapshotResource = { type: 'AWS::EC2::Instance', arn: c.arn('ec2', region, `instance/${i.InstanceId}`, account), region, account, data: instanceData(i) };
        const r = await c.read('ec2', region, 'ec2:DescribeInstanceAttribute', () => client.send(new DescribeInstanceAttributeCommand({ InstanceId: i.InstanceId!, Attribute: 'userData' })));
        facet(rec, 'userData', r, (v) => userDataSummary(v.UserData?.Value));
        c.add(rec);
      }),
  );
}

/** EC2: security groups, VPCs (with their flow logs), subnets, EBS volumes, instances (user data judged, not kept), and the EBS account defaults. */
export async function collectEc2(c: Collector, region: string): Promise<void> {
  const client = c.client(EC2Client, region);
  const settings = c.settingsOf(region);
  const [ebsDefault, ebsKey] = await Promise.all([
    c.read('ec2', region, 'ec2:GetEbsEncryptionByDefault', () => client.send(new GetEbsEncryptionByDefaultCommand({}))),
    c.read('ec2', region, 'ec2:GetEbsDefaultKmsKeyId', () => client.send(new GetEbsDefaultKmsKeyIdCommand({}))),
  ]);
  facet(settings, 'ebsEncryptionByDefault', ebsDefault, (v) => v.EbsEncryptionByDefault ?? false);
  facet(settings, 'ebsDefaultKmsKeyId', ebsKey, (v) => v.KmsKeyId ?? null);

  const [groups, vpcs, flowLogs, subnets, volumes] = await Promise.all([
    c.covered('AWS::EC2::SecurityGroup') ? [] : listAll(c, 'ec2', region, 'ec2:DescribeSecurityGroups', ['AWS::EC2::SecurityGroup'], () => items(paginateDescribeSecurityGroups({ client }, {}), (p) => p.SecurityGroups)),
    c.covered('AWS::EC2::VPC') ? [] : listAll(c, 'ec2', region, 'ec2:DescribeVpcs', ['AWS::EC2::VPC'], () => items(paginateDescribeVpcs({ client }, {}), (p) => p.Vpcs)),
    listAll(c, 'ec2', region, 'ec2:DescribeFlowLogs', ['AWS::EC2::FlowLog'], () => items(paginateDescribeFlowLogs({ client }, {}), (p) => p.FlowLogs)),
    listAll(c, 'ec2', region, 'ec2:DescribeSubnets', ['AWS::EC2::Subnet'], () => items(paginateDescribeSubnets({ client }, {}), (p) => p.Subnets)),
    listAll(c, 'ec2', region, 'ec2:DescribeVolumes', ['AWS::EC2::Volume'], () => items(paginateDescribeVolumes({ client }, {}), (p) => p.Volumes)),
  ]);
  for (const g of groups ?? []) {
    const account = g.OwnerId ?? c.accountId;
    c.add({ type: 'AWS::EC2::SecurityGroup', arn: g.SecurityGroupArn ?? c.arn('ec2', region, `security-group/${g.GroupId}`, account), region, account, data: plain({ ...g, Tags: tagMap(g.Tags) }) as Record<string, unknown> });
  }
  for (const v of vpcs ?? []) {
    const account = v.OwnerId ?? c.accountId;
    c.add({ type: 'AWS::EC2::VPC', arn: c.arn('ec2', region, `vpc/${v.VpcId}`, account), region, account, data: plain({ ...v, Tags: tagMap(v.Tags) }) as Record<string, unknown> });
  }
  for (const f of flowLogs ?? []) {
    c.add({ type: 'AWS::EC2::FlowLog', arn: c.arn('ec2', region, `vpc-flow-log/${f.FlowLogId}`), region, account: c.accountId, data: plain({ ...f, Tags: tagMap(f.Tags) }) as Record<string, unknown> });
  }
  for (const s of subnets ?? []) {
    const account = s.OwnerId ?? c.accountId;
    c.add({ type: 'AWS::EC2::Subnet', arn: s.SubnetArn ?? c.arn('ec2', region, `subnet/${s.SubnetId}`, account), region, account, data: plain({ ...s, Tags: tagMap(s.Tags) }) as Record<string, unknown> });
  }
  for (const v of volumes ?? []) {
    c.add({ type: 'AWS::EC2::Volume', arn: c.arn('ec2', region, `volume/${v.VolumeId}`), region, account: c.accountId, data: plain({ ...v, Tags: tagMap(v.Tags) }) as Record<string, unknown> });
  }
  await Promise.all([collectInstances(c, region, client), collectPrefixLists(c, region, client, c.covered('AWS::EC2::SecurityGroup') ? undefined : (groups ?? []))]);
}

/** The prefix-list ids the rules of these groups name. */
function namedPrefixLists(groups: SecurityGroup[]): Set<string> {
  const out = new Set<string>();
  const add = (perms: IpPermission[] | undefined): void => {
    for (const p of perms ?? []) for (const l of p.PrefixListIds ?? []) if (l.PrefixListId) out.add(l.PrefixListId);
  };
  for (const g of groups) {
    add(g.IpPermissions);
    add(g.IpPermissionsEgress);
  }
  return out;
}

/**
 * Managed prefix lists of the region (DescribeManagedPrefixLists, AWS-managed ones included), and the
 * entries (GetManagedPrefixListEntries, `Entries`) of each customer-managed list a security-group rule
 * names: the CIDRs such a rule admits. AWS-managed lists hold a service's addresses and are not read
 * further. `groups` undefined (they came from AWS Config): every customer-managed list is read.
 */
async function collectPrefixLists(c: Collector, region: string, client: EC2Client, groups: SecurityGroup[] | undefined): Promise<void> {
  const TYPE = 'AWS::EC2::PrefixList';
  if (c.covered(TYPE)) return;
  const lists = await listAll(c, 'ec2', region, 'ec2:DescribeManagedPrefixLists', [TYPE], () => items(paginateDescribeManagedPrefixLists({ client }, {}), (p) => p.PrefixLists));
  const named = groups ? namedPrefixLists(groups) : undefined;
  await Promise.all(
    (lists ?? []).map(async (l) => {
      if (!l.PrefixListId) return;
      const account = l.OwnerId && l.OwnerId !== 'AWS' ? l.OwnerId : c.accountId;
      const rec = c.add({ type: TYPE, arn: l.PrefixListArn ?? c.arn('ec2', region, `prefix-list/${l.PrefixListId}`, account), region, account, data: plain({ ...l, Tags: tagMap(l.Tags) }) as Record<string, unknown> });
      if (l.OwnerId === 'AWS' || (named && !named.has(l.PrefixListId))) return;
      const entries = await c.read('ec2', region, 'ec2:GetManagedPrefixListEntries', () => allPages(paginateGetManagedPrefixListEntries({ client }, { PrefixListId: l.PrefixListId }), (p) => p.Entries));
      facet(rec, 'Entries', entries);
    }),
  );
}
