import { defineKinds } from './spec.js';

/** doors2 (issue 14 follow-up): WAFv2 web ACLs and where their request logs go. */
export const wafv2Kinds = defineKinds([
  {
    kind: 'aws.wafv2.web-acl',
    title: 'AWS WAF (v2) web ACL',
    terraform: ['aws_wafv2_web_acl', 'aws_wafv2_web_acl_logging_configuration'],
    attrs: {
      name: { type: 'string', description: 'Web ACL name (name; live: Name).' },
      scope: { type: 'string', description: "'REGIONAL' (load balancers, API Gateway REST stages, ...) | 'CLOUDFRONT' (scope; live: the scope it was listed under)." },
      loggingConfigured: {
        type: 'boolean',
        description:
          'A logging configuration sends the ACL\'s request logs somewhere (an aws_wafv2_web_acl_logging_configuration whose resource_arn names the ACL; live: ListLoggingConfigurations lists one for its ARN). Default false.',
      },
      logDestinations: {
        type: 'string[]',
        description: 'log_destination_configs / LogDestinationConfigs: the log group, bucket or Firehose stream ARNs (computed in a plan when they name resources created in the same run).',
      },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: not collected, `{}`).' },
      dataClass: { type: 'string', description: 'Lowercased value of the first profile classificationTagKeys tag.' },
    },
    links: {},
  },
]);
