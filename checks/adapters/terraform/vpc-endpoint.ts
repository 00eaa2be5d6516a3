import { attr, linkRef, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/** guard slice: a VPC endpoint (vpc_endpoint_type defaults to Gateway). */
const endpoint: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.ec2.vpc-endpoint');
  r.attrs = {
    serviceName: attr<string>(rec, 'service_name'),
    endpointType: attr<string>(rec, 'vpc_endpoint_type', { default: 'Gateway' }),
    ...tagAttrs(rec),
  };
  r.linkRefs = [linkRef(rec, 'vpc', 'vpc_id', ['aws.ec2.vpc'], { inverse: 'endpoints' })];
  return r;
};

export const vpcEndpointAdapters: Record<string, TfAdapter> = { aws_vpc_endpoint: endpoint };
