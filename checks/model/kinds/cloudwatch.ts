import { defineKinds } from './spec.js';

/** guard slice: CloudWatch metric alarms (the CIS 4.x alarms on CloudTrail metric filters). */
export const cloudwatchKinds = defineKinds([
  {
    kind: 'aws.cloudwatch.alarm',
    title: 'CloudWatch metric alarm',
    terraform: ['aws_cloudwatch_metric_alarm'],
    attrs: {
      name: { type: 'string', description: 'Alarm name (alarm_name; live: AlarmName).' },
      metricName: { type: 'string', description: 'Metric the alarm watches (metric_name; live: MetricName); absent for a metric-math alarm.' },
      namespace: { type: 'string', description: 'Namespace of that metric (namespace; live: Namespace).' },
      actionsEnabled: { type: 'boolean', description: 'Whether the alarm runs its actions (actions_enabled; live: ActionsEnabled). Default true.' },
      alarmActions: { type: 'string[]', description: 'ARNs notified or run when the alarm fires (alarm_actions; live: AlarmActions). Default none.' },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: ListTagsForResource as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {},
  },
]);
