import { defineKinds } from './spec.js';

export const elbKinds = defineKinds([
  {
    kind: 'aws.elb.load-balancer',
    title: 'Elastic Load Balancing v2 load balancer (ALB, NLB, GWLB)',
    terraform: ['aws_lb', 'aws_alb', 'aws_wafv2_web_acl_association', 'aws_wafregional_web_acl_association'],
    attrs: {
      name: { type: 'string', description: 'Load balancer name' },
      type: { type: 'string', description: "'application' (default) | 'network' | 'gateway'" },
      internal: { type: 'boolean', description: 'Internal (true) or internet-facing (false, the default)' },
      scheme: { type: 'string', description: "'internal' | 'internet-facing' (derived from internal)" },
      dropInvalidHeaderFields: {
        type: 'boolean',
        description: 'ALB drops HTTP headers with invalid names (routing.http.drop_invalid_header_fields.enabled; default false)',
      },
      deletionProtection: { type: 'boolean', description: 'deletion_protection.enabled (default false)' },
      accessLogsEnabled: { type: 'boolean', description: 'access_logs.s3.enabled (default false, even when a bucket is named)' },
      accessLogsBucket: { type: 'string', description: 'access_logs.s3.bucket' },
      accessLogsPrefix: { type: 'string', description: 'access_logs.s3.prefix' },
      desyncMitigationMode: { type: 'string', description: 'ALB desync mitigation: monitor | defensive (default) | strictest' },
      wafAssociated: {
        type: 'boolean',
        description: 'A WAF web ACL is associated with the load balancer (false when the input shows none; live: GetWebACLForResource returns one)',
      },
      wafWebAclArn: {
        type: 'string',
        description: 'Web ACL protecting the load balancer (aws_wafv2_web_acl_association / aws_wafregional_web_acl_association facets; live: wafv2 GetWebACLForResource). Absent when none is associated in the input',
      },
      ...{
        tags: { type: 'object', description: 'Resource tags' },
        dataClass: { type: 'string', description: 'Lowercased data classification tag (see conventions)' },
      },
    },
    links: {
      listeners: { kinds: ['aws.elb.listener'], description: 'Listeners of this load balancer (inverse of listener `loadBalancer`)' },
      securityGroups: { kinds: ['aws.ec2.security-group'], description: 'Security groups of the load balancer (inverse on the group: `attachedResources`)' },
      subnets: { kinds: ['aws.ec2.subnet'], description: 'Subnets the load balancer is in' },
      accessLogsBucketRef: { kinds: ['aws.s3.bucket'], description: 'Bucket receiving access logs' },
    },
  },
  {
    kind: 'aws.elb.listener',
    title: 'Load balancer listener',
    terraform: ['aws_lb_listener', 'aws_alb_listener'],
    attrs: {
      protocol: {
        type: 'string',
        description: "HTTP | HTTPS (ALB; Terraform default HTTP) | TCP | TLS | UDP | TCP_UDP (NLB) | GENEVE (GWLB), upper case",
      },
      port: { type: 'number', description: 'Listener port' },
      sslPolicy: {
        type: 'string',
        description: 'TLS security policy for HTTPS/TLS listeners (provider default ELBSecurityPolicy-2016-08 when not set)',
      },
      certificateArn: { type: 'string', description: 'Default server certificate (ACM or IAM)' },
      defaultActions: {
        type: 'object[]',
        description: 'Default actions, normalised',
        fields: {
          type: "forward | redirect | fixed-response | authenticate-cognito | authenticate-oidc",
          order: 'Action order',
          redirectProtocol: "Redirect target protocol: HTTP | HTTPS | '#{protocol}' (the default: keep the request's protocol)",
          redirectPort: "Redirect target port (default '#{port}')",
          redirectStatusCode: 'HTTP_301 | HTTP_302',
          _loc: 'Location of the action block',
        },
      },
    },
    links: {
      loadBalancer: { kinds: ['aws.elb.load-balancer'], description: 'The load balancer (inverse: `listeners`)' },
    },
  },
]);
