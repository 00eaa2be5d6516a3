import { asBool, attr, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/** guard slice: a CloudWatch metric alarm (actions_enabled defaults to true, alarm_actions to none). */
const alarm: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.cloudwatch.alarm', [rec.values.alarm_name]);
  r.attrs = {
    name: attr<string>(rec, 'alarm_name'),
    metricName: attr<string>(rec, 'metric_name'),
    namespace: attr<string>(rec, 'namespace'),
    actionsEnabled: attr(rec, 'actions_enabled', { default: true, map: asBool }),
    alarmActions: attr<string[]>(rec, 'alarm_actions', { default: [] }),
    ...tagAttrs(rec),
  };
  return r;
};

export const cloudwatchAdapters: Record<string, TfAdapter> = { aws_cloudwatch_metric_alarm: alarm };
