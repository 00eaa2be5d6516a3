import type { Val } from '../../model/value.js';
import { asBool, attr, referencesOf, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/** A reference to a managed resource of this module (not a variable, local, data source or module output that may be empty). */
const managed = (address: string) => !/^(var|local|data|module|each|count|path|terraform)\./.test(address);

/** Whether alarm_actions holds an action: known, or computed from references to managed resources only (a plan shows a set with an unknown element as unknown as a whole). */
function hasActions(actions: Val<string[]>, refs: string[]): Val<boolean> {
  if (actions.origin !== 'unknown') return { value: Array.isArray(actions.value) && actions.value.length > 0, origin: actions.origin, loc: actions.loc };
  if (refs.length > 0 && refs.every(managed)) return { value: true, origin: 'explicit', loc: actions.loc };
  return { value: undefined, origin: 'unknown', loc: actions.loc };
}

/** guard slice: a CloudWatch metric alarm (actions_enabled defaults to true, alarm_actions to none). */
const alarm: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.cloudwatch.alarm', [rec.values.alarm_name]);
  const actions = attr<string[]>(rec, 'alarm_actions', { default: [] });
  r.attrs = {
    name: attr<string>(rec, 'alarm_name'),
    metricName: attr<string>(rec, 'metric_name'),
    namespace: attr<string>(rec, 'namespace'),
    actionsEnabled: attr(rec, 'actions_enabled', { default: true, map: asBool }),
    alarmActions: actions,
    hasActions: hasActions(actions, referencesOf(rec, 'alarm_actions')),
    ...tagAttrs(rec),
  };
  return r;
};

export const cloudwatchAdapters: Record<string, TfAdapter> = { aws_cloudwatch_metric_alarm: alarm };
