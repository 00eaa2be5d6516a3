import { defineKinds } from './spec.js';

export const elbClassicKinds = defineKinds([
  {
    kind: 'aws.elb.classic-load-balancer',
    title: 'Classic load balancer (Elastic Load Balancing, previous generation)',
    terraform: ['aws_elb', 'aws_load_balancer_policy', 'aws_load_balancer_listener_policy'],
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
      listenerPolicies: {
        type: 'object[]',
        description:
          'Policies enabled on each listener port (aws_load_balancer_listener_policy facets, appended; live: ListenerDescriptions[].PolicyNames). Empty when none names the load balancer: an HTTPS or SSL listener then uses the default ELBSecurityPolicy-2016-08.',
        fields: { lbPort: 'load_balancer_port', policyNames: 'policy_names (names of policies of this load balancer)' },
      },
      sslNegotiationPolicies: {
        type: 'object[]',
        description:
          'SSL negotiation policies of the load balancer (aws_load_balancer_policy facets of policy_type_name SSLNegotiationPolicyType, appended; live: DescribeLoadBalancerPolicies, policy type SSLNegotiationPolicyType). Empty when it has none.',
        fields: {
          name: 'policy_name',
          referenceSecurityPolicy: 'The Reference-Security-Policy attribute (a predefined ELBSecurityPolicy-*), or null for a custom policy',
          protocols: "Protocols the policy enables (attributes Protocol-SSLv3, Protocol-TLSv1, Protocol-TLSv1.1, Protocol-TLSv1.2 set to 'true'), without the `Protocol-` prefix",
        },
      },
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
