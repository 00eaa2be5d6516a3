import { defineKinds } from './spec.js';

/**
 * guard slice: how security findings reach people: EventBridge rules, their targets, and SNS topic
 * subscriptions. live slice (issue 14): an audit reads them too (ListRules and ListTargetsByRule on the default
 * event bus, ListSubscriptions).
 */
export const alertingKinds = defineKinds([
  {
    kind: 'aws.events.rule',
    title: 'EventBridge rule',
    terraform: ['aws_cloudwatch_event_rule'],
    attrs: {
      name: { type: 'string', description: 'Rule name (name; live: Name).' },
      eventPattern: { type: 'json', description: 'The event pattern (event_pattern; live: EventPattern), parsed; absent for a scheduled rule.' },
      enabled: {
        type: 'boolean',
        description: 'The rule matches events: `state` ENABLED (provider v5.x default ENABLED) or the deprecated `is_enabled` (default true); live: State is not DISABLED.',
      },
      findingSources: {
        type: 'string[]',
        description:
          'Security findings the pattern matches, derived from eventPattern: `guardduty` (source aws.guardduty with no detail-type or "GuardDuty Finding") and `securityhub` (source aws.securityhub with no detail-type or a "Security Hub Findings - ..." type).',
      },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`). Not collected live (unknown there).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {},
  },
  {
    kind: 'aws.events.target',
    title: 'EventBridge rule target',
    terraform: ['aws_cloudwatch_event_target'],
    attrs: {
      targetArn: { type: 'string', description: 'ARN the rule delivers to (arn; live: ListTargetsByRule Arn, an error when the targets could not be read); computed in a plan when it names a resource created in the same apply.' },
    },
    links: {
      rule: { kinds: ['aws.events.rule'], description: 'The rule of `rule` (its name; live: the rule the targets were listed for).' },
      topic: { kinds: ['aws.sns.topic'], description: 'The SNS topic of `arn`, when the target is a topic in the model.' },
    },
  },
  {
    kind: 'aws.sns.subscription',
    title: 'SNS topic subscription',
    terraform: ['aws_sns_topic_subscription'],
    attrs: {
      protocol: { type: 'string', description: 'Delivery protocol (protocol; live: Protocol: email, https, sqs, lambda, ...). The endpoint is not kept (an address is personal data). Live lists confirmed subscriptions only: one waiting for confirmation delivers nothing.' },
    },
    links: {
      topic: { kinds: ['aws.sns.topic'], description: 'The topic of topic_arn (live: TopicArn). Inverse: topic `subscriptions`.' },
    },
  },
]);
