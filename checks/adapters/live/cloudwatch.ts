import { dataAt, liveAttr, liveDerived, liveResource, tagVals, type LiveAdapter } from './helpers/index.js';

/** guard slice: a metric alarm as DescribeAlarms describes it (ActionsEnabled defaults to true, AlarmActions to none). */
const alarm: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.cloudwatch.alarm', ctx);
  r.attrs = {
    name: liveAttr(rec, ctx, 'AlarmName'),
    metricName: liveAttr(rec, ctx, 'MetricName'),
    namespace: liveAttr(rec, ctx, 'Namespace'),
    actionsEnabled: liveAttr(rec, ctx, 'ActionsEnabled', { default: true }),
    alarmActions: liveAttr(rec, ctx, 'AlarmActions', { default: [] }),
    hasActions: liveDerived(rec, ctx, 'AlarmActions', ((dataAt(rec, 'AlarmActions') as unknown[] | undefined) ?? []).length > 0),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  return r;
};

export const cloudwatchLiveAdapters: Record<string, LiveAdapter> = { 'AWS::CloudWatch::Alarm': alarm };
