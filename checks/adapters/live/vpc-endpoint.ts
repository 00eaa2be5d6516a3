import { dataAt, liveAttr, liveLink, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/** guard slice: a VPC endpoint as DescribeVpcEndpoints lists it; it links to its VPC. */
const endpoint: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.ec2.vpc-endpoint', ctx, [dataAt(rec, 'VpcEndpointId')]);
  r.attrs = {
    serviceName: liveAttr(rec, ctx, 'ServiceName'),
    endpointType: liveAttr(rec, ctx, 'VpcEndpointType', { default: 'Gateway' }),
    state: liveAttr(rec, ctx, 'State'),
    ...tagVals(rec, ctx),
  };
  const vpc = dataAt(rec, 'VpcId');
  if (typeof vpc === 'string') r.linkRefs!.push(liveLink(rec, ctx, 'vpc', `arn:${ctx.snapshot.account.partition}:ec2:${rec.region}:${rec.account}:vpc/${vpc}`, ['aws.ec2.vpc'], { inverse: 'endpoints', attribute: 'VpcId' }));
  return r;
};

export const vpcEndpointLiveAdapters: Record<string, LiveAdapter> = { 'AWS::EC2::VPCEndpoint': endpoint };
