import type { Resource } from '../../model/resource.js';
import { errorVal, known, type Val } from '../../model/value.js';
import { findingSourcesOf } from '../shared/finding-sources.js';
import { dataAt, describeError, liveAttr, liveDerived, liveLink, liveResource, locAt, type LiveAdapter } from './helpers/index.js';

/**
 * live slice (issue 14): how security findings reach people, as an audit reads it: EventBridge rules of the default
 * bus with their targets (collect/eventbridge.ts) and SNS subscriptions (collect/sns-subscriptions.ts), in the
 * model the Terraform adapter (terraform/alerting.ts) fills.
 */

function parsed(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * A rule as ListRules answers it, and one `aws.events.target` per ListTargetsByRule target. A failed target read
 * becomes one target whose `targetArn` is the error, so a check over the rule's routing reports `error`.
 */
const rule: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.events.rule', ctx);
  const pattern = liveAttr<unknown>(rec, ctx, 'EventPattern', { map: parsed });
  const state = liveAttr<string>(rec, ctx, 'State', { default: 'ENABLED' });
  const tagsLoc = locAt(rec, ctx, 'tags');
  const notRead: Val = { value: undefined, origin: 'unknown', loc: tagsLoc };
  r.attrs = {
    name: liveAttr(rec, ctx, 'Name'),
    eventPattern: pattern,
    // ENABLED and ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS match events; DISABLED does not.
    enabled: { ...state, value: typeof state.value === 'string' ? state.value.toUpperCase() !== 'DISABLED' : undefined },
    findingSources: liveDerived(rec, ctx, 'findingSources', findingSourcesOf(pattern.value)),
    // Rule tags are not collected (no events:ListTagsForResource): unknown, never an empty guess.
    tags: notRead,
    dataClass: { value: undefined, origin: 'unknown', loc: locAt(rec, ctx, 'dataClass') },
  };
  const out: Resource[] = [r];
  const failed = rec.errors?.targets;
  const targets = (dataAt(rec, 'targets') as Array<{ Id?: string; Arn?: string }> | undefined) ?? [];
  const entries: Array<{ id: string; arn: Val }> = failed
    ? [{ id: 'unread', arn: errorVal(describeError(failed), locAt(rec, ctx, 'targets')) }]
    : targets.map((t, i) => ({ id: t.Id ?? String(i), arn: known(t.Arn, locAt(rec, ctx, `targets.${i}.Arn`)) }));
  for (const e of entries) {
    const t = liveResource(rec, 'aws.events.target', ctx);
    t.id = t.address = t.arn = `${rec.arn}#target/${e.id}`;
    t.identifiers = [t.id];
    t.attrs = { targetArn: e.arn };
    t.linkRefs!.push(liveLink(rec, ctx, 'rule', rec.arn, ['aws.events.rule'], { attribute: 'Arn' }));
    if (typeof e.arn.value === 'string') t.linkRefs!.push(liveLink(rec, ctx, 'topic', e.arn.value, ['aws.sns.topic'], { attribute: 'targets' }));
    out.push(t);
  }
  return out;
};

/** A confirmed subscription as ListSubscriptions answers it (its endpoint is never collected). */
const subscription: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.sns.subscription', ctx);
  r.attrs = { protocol: liveAttr(rec, ctx, 'Protocol') };
  r.linkRefs!.push(liveLink(rec, ctx, 'topic', dataAt(rec, 'TopicArn'), ['aws.sns.topic'], { inverse: 'subscriptions', attribute: 'TopicArn' }));
  return r;
};

export const alertingLiveAdapters: Record<string, LiveAdapter> = { 'AWS::Events::Rule': rule, 'AWS::SNS::Subscription': subscription };
