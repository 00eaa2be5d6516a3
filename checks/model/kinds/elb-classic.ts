import { defineKinds } from './spec.js';

export const elbClassicKinds = defineKinds([
  {
    kind: 'aws.elb.classic-load-balancer',
    title: 'Classic load balancer (Elastic Load Balancing, previous generation)',
    terraform: ['aws_elb'],
    attrs: {
      name: { type: 'string', description: 'Load balancer name (name; computed in a plan when only name_prefix or nothing is set).' },
      internal: { type: 'boolean', description: 'Internal (true) or internet-facing (internal; default false).' },
      listeners: {
        type: 'object[]',
        description: 'Listeners (listener blocks). lb_protocol and instance_protocol are upper-cased.',
        fields: {
          lbProtocol: 'HTTP | HTTPS | TCP | SSL (what clients speak to the load balancer)',
          lbPort: 'Port clients connect to',
          instanceProtocol: 'HTTP | HTTPS | TCP | SSL (to the instances)',
          instancePort: 'Instance port',
          sslCertificateId: 'Certificate of an HTTPS or SSL listener',
        },
      },
      accessLogsEnabled: { type: 'boolean', description: 'Access logs are written (an access_logs block whose enabled is not false; the block enables them by default). Default false without the block.' },
      accessLogsBucket: { type: 'string', description: 'access_logs.bucket' },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {
      securityGroups: { kinds: ['aws.ec2.security-group'], description: 'Security groups of the load balancer (inverse on the group: `attachedResources`)' },
    },
  },
]);
