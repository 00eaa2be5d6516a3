import { defineKinds, type AttrSpec } from './spec.js';

const tagAttrs = {
  tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: ListTagsForResource as an object).' },
  dataClass: {
    type: 'string',
    description: 'Lowercased value of the first of DataClassification, DataClass, data_classification, data-classification, Classification tags.',
  },
} satisfies Record<string, AttrSpec>;

export const logsKinds = defineKinds([
  {
    kind: 'aws.logs.log-group',
    title: 'CloudWatch Logs log group',
    terraform: ['aws_cloudwatch_log_group'],
    attrs: {
      name: { type: 'string', description: 'Log group name (unknown when Terraform generates it from name_prefix or leaves it unset).' },
      retentionDays: {
        type: 'number',
        description: 'Retention in days (retention_in_days; live: retentionInDays). 0 means never expire; provider default 0 (live: the field is absent, the adapter fills 0).',
      },
      neverExpires: { type: 'boolean', description: 'True when retentionDays is 0 (events are kept forever).' },
      kmsKeyId: { type: 'string', description: 'KMS key ARN the log group is encrypted with (kms_key_id / kmsKeyId), when configured or known.' },
      logGroupClass: { type: 'string', description: 'STANDARD or INFREQUENT_ACCESS (or DELIVERY). Default STANDARD.' },
      ...tagAttrs,
    },
    links: {
      kmsKey: { kinds: ['aws.kms.key'], description: 'The KMS key of kms_key_id, when it is in the model.' },
      trails: { kinds: ['aws.cloudtrail.trail'], description: 'Inverse: CloudTrail trails delivering to this log group (cloud_watch_logs_group_arn).' },
      // guard slice: CIS 4.x metric filters on the trail's log group
      metricFilters: { kinds: ['aws.logs.metric-filter'], description: 'Inverse: metric filters on this log group (log_group_name / logGroupName).' },
    },
  },
  // guard slice: CIS 4.x metric filters (not taggable)
  {
    kind: 'aws.logs.metric-filter',
    title: 'CloudWatch Logs metric filter',
    terraform: ['aws_cloudwatch_log_metric_filter'],
    attrs: {
      name: { type: 'string', description: 'Filter name (name; live: DescribeMetricFilters filterName).' },
      logGroupName: { type: 'string', description: 'Log group the filter reads (log_group_name; live: logGroupName).' },
      pattern: { type: 'string', description: 'Filter pattern (pattern; live: filterPattern). Default empty (matches every event).' },
      metricName: { type: 'string', description: 'Metric the filter publishes (metric_transformation.name; live: metricTransformations[0].metricName); a filter has one transformation.' },
      metricNamespace: { type: 'string', description: 'Namespace of that metric (metric_transformation.namespace; live: metricTransformations[0].metricNamespace).' },
    },
    links: {
      logGroup: { kinds: ['aws.logs.log-group'], description: 'The log group of log_group_name; it gets the inverse link `metricFilters`.' },
    },
  },
]);
