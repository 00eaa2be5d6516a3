import type { Val } from '../../model/value.js';
import { findingSourcesOf } from '../shared/finding-sources.js';
import { asBool, attr, computedAttr, derived, jsonAttr, linkRef, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/** guard slice: EventBridge rules and targets and SNS subscriptions, for routing security findings to people. */

const rule: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.events.rule', [rec.values.name]);
  const pattern = jsonAttr(rec, 'event_pattern');
  const state = computedAttr<string>(rec, 'state', { default: 'ENABLED' });
  const isEnabled = attr<boolean>(rec, 'is_enabled', { default: true, map: asBool });
  // The deprecated is_enabled = false disables a rule whose state is not written.
  const enabled: Val<boolean> =
    isEnabled.value === false && isEnabled.origin === 'explicit'
      ? { value: false, origin: 'explicit', loc: isEnabled.loc }
      : derived(typeof state.value === 'string' ? state.value.toUpperCase() !== 'DISABLED' : undefined, [state]);
  r.attrs = {
    name: attr<string>(rec, 'name'),
    eventPattern: pattern,
    enabled,
    findingSources: derived(pattern.origin === 'unknown' ? undefined : findingSourcesOf(pattern.value), [pattern]),
    ...tagAttrs(rec),
  };
  return r;
};

const target: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.events.target');
  r.attrs = { targetArn: attr<string>(rec, 'arn') };
  r.linkRefs = [linkRef(rec, 'rule', 'rule', ['aws.events.rule']), linkRef(rec, 'topic', 'arn', ['aws.sns.topic'])];
  return r;
};

const subscription: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.sns.subscription');
  r.attrs = { protocol: attr<string>(rec, 'protocol') };
  r.linkRefs = [linkRef(rec, 'topic', 'topic_arn', ['aws.sns.topic'], { inverse: 'subscriptions' })];
  return r;
};

export const alertingAdapters: Record<string, TfAdapter> = { aws_cloudwatch_event_rule: rule, aws_cloudwatch_event_target: target, aws_sns_topic_subscription: subscription };
