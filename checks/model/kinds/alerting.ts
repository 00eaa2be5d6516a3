import { defineKinds } from './spec.js';

/**
 * guard slice: how security findings reach people: EventBridge rules, their targets, and SNS topic
 * subscriptions (Terraform only: no EventBridge SDK client is installed, so an audit does not read them).
 */
export const alertingKinds = defineKinds([
  {
    kind: 'aws.events.rule',
    title: 'EventBridge rule',
    terraform: ['aws_cloudwatch_event_rule'],
    attrs: {
      name: { type: 'string', description: 'Rule name (name).' },
      eventPattern: { type: 'json', description: 'The event pattern (event_pattern), parsed; absent for a scheduled rule.' },
      enabled: {
        type: 'boolean',
        description: 'The rule matches events: `state` ENABLED (provider v5.x default ENABLED) or the deprecated `is_enabled` (default true).',
      },
      findingSources: {
        type: 'string[]',
        description:
          'Security findings the pattern matches, derived from eventPattern: `guardduty` (source aws.guardduty with no detail-type or "GuardDuty Finding") and `securityhub` (source aws.securityhub with no detail-type or a "Security Hub Findings - ..." type).',
      },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`).' },
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
      targetArn: { type: 'string', description: 'ARN the rule delivers to (arn); computed in a plan when it names a resource created in the same apply.' },
    },
    links: {
      rule: { kinds: ['aws.events.rule'], description: 'The rule of `rule` (its name).' },
      topic: { kinds: ['aws.sns.topic'], description: 'The SNS topic of `arn`, when the target is a topic in the model.' },
    },
  },
  {
    kind: 'aws.sns.subscription',
    title: 'SNS topic subscription',
    terraform: ['aws_sns_topic_subscription'],
    attrs: {
      protocol: { type: 'string', description: 'Delivery protocol (protocol: email, https, sqs, lambda, ...). The endpoint is not kept (an address is personal data).' },
    },
    links: {
      topic: { kinds: ['aws.sns.topic'], description: 'The topic of topic_arn.' },
    },
  },
]);
