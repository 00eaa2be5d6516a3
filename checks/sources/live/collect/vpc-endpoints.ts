import { EC2Client, paginateDescribeVpcEndpoints } from '@aws-sdk/client-ec2';
import { items, listAll, plain, tagMap, type Collector } from './context.js';

/** guard slice: the region's VPC endpoints (service, type, state, VPC) with their tags. */
export async function collectVpcEndpoints(c: Collector, region: string): Promise<void> {
  const client = c.client(EC2Client, region);
  const endpoints = await listAll(c, 'ec2', region, 'ec2:DescribeVpcEndpoints', ['AWS::EC2::VPCEndpoint'], () => items(paginateDescribeVpcEndpoints({ client }, {}), (p) => p.VpcEndpoints));
  for (const e of endpoints ?? []) {
    if (!e.VpcEndpointId) continue;
    const data = plain({ VpcEndpointId: e.VpcEndpointId, VpcId: e.VpcId, ServiceName: e.ServiceName, VpcEndpointType: e.VpcEndpointType, State: e.State, Tags: tagMap(e.Tags) }) as Record<string, unknown>;
    c.add({ type: 'AWS::EC2::VPCEndpoint', arn: c.arn('ec2', region, `vpc-endpoint/${e.VpcEndpointId}`), region, account: c.accountId, data });
  }
}
