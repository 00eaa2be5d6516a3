import {
  EC2Client,
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
  paginateDescribeFlowLogs,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVolumes,
  paginateDescribeVpcs,
} from '@aws-sdk/client-ec2';
import { facet, items, listAll, plain, tagMap, type Collector } from './context.js';

/** EC2: security groups, VPCs (with their flow logs), subnets, EBS volumes, and the EBS account defaults. */
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
}
