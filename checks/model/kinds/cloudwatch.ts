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
      alarmActions: { type: 'string[]', description: 'ARNs notified or run when the alarm fires (alarm_actions; live: AlarmActions). Default none; computed in a plan when it names a resource created in the same apply.' },
      hasActions: {
        type: 'boolean',
        description:
          'The alarm has at least one action. Derived from alarmActions; in a plan a set that is known only after apply counts when its expression references only managed resources (`[aws_sns_topic.alerts.arn]`: one element whose ARN comes later), and stays unknown when a variable, local or module output may make it empty.',
      },
      tags: { type: 'object', description: 'Resource tags (Terraform `tags_all` when known, else `tags`; live: ListTagsForResource as an object).' },
      dataClass: {
        type: 'string',
        description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
      },
    },
    links: {},
  },
]);
