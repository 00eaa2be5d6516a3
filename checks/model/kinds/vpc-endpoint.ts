import { defineKinds } from './spec.js';

/** guard slice: VPC endpoints (private routes to AWS services, the egress allow-list's AWS side). */
export const vpcEndpointKinds = defineKinds([
  {
    kind: 'aws.ec2.vpc-endpoint',
    title: 'VPC endpoint',
    terraform: ['aws_vpc_endpoint'],
    attrs: {
      serviceName: { type: 'string', description: 'Service the endpoint reaches (service_name; live: ServiceName), e.g. com.amazonaws.us-east-1.s3.' },
      endpointType: { type: 'string', description: 'Gateway, Interface or GatewayLoadBalancer (vpc_endpoint_type; live: VpcEndpointType). Default Gateway.' },
      state: { type: 'string', description: 'Live: State (available, pending, ...); Terraform: absent.' },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: Tags as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      vpc: { kinds: ['aws.ec2.vpc'], description: 'The VPC of vpc_id; it gets the inverse link `endpoints`.' },
    },
  },
]);
