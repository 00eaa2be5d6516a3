import { defineCheck, type Observed } from '../engine/code-check.js';
import { linkedOf, ofKind } from '../model/typed.js';

/**
 * Security findings reach people: an enabled EventBridge rule matching GuardDuty or Security Hub findings
 * has a target that is an SNS topic with at least one subscription (incident response evidence). A
 * configuration judges what it declares: one that switches GuardDuty or Security Hub on and routes their
 * findings to no subscribed topic fails; one that declares neither detection nor routing is unknown (needs
 * live verification).
 *
 * Regions: a configuration is judged as a whole, whatever provider (region) each rule uses, and one routed and
 * subscribed rule is enough. A live audit is judged the same way, once per account (the account-wide resource,
 * `complete`): one routed and subscribed rule in any audited region of that account passes it. Otherwise a read
 * that failed (a rule list, a rule's targets, a subscription or topic list) makes it `error`; with everything
 * read, no such rule fails it (the audit saw the whole account, so nothing is left to another stack).
 */
export const codeCheck = defineCheck({
  name: 'security-findings-alerted',
  description: 'An enabled EventBridge rule sends GuardDuty or Security Hub findings to an SNS topic with a subscription.',
  kinds: ['aws.account'],
  messages: {
    alerted: '{rule} sends {sources} findings to {topic}, which has {count} subscription(s)',
    noSubscription: '{rule} sends {sources} findings to {topic}, which has no (confirmed) subscription in this input: nobody receives them',
    topicElsewhere: '{rule} sends {sources} findings to {target}, a topic not in this input; its subscriptions need live verification',
    notToTopic: '{rule} matches {sources} findings but has no SNS topic target',
    partlyUnknown: 'a rule or target that may route security findings is known only after apply',
    noRouteWithDetection: 'GuardDuty or Security Hub is enabled in this configuration, but no enabled EventBridge rule sends their findings to a subscribed SNS topic',
    noRoute: 'no EventBridge rule in this configuration routes security findings; needs live verification',
    noRouteInAccount: 'no enabled EventBridge rule in the audited regions ({regions}) sends GuardDuty or Security Hub findings to an SNS topic with a confirmed subscription',
  },
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  evaluate(r, ctx) {
    const evidence: Observed[] = [];
    // Live: the account-wide resource (complete) judges every audited region of its own account.
    const live = r.attrs.complete?.value === true;
    const sameInput = <T extends { source: string; account?: string }>(xs: T[]) => xs.filter((x) => x.source === r.source && (!live || x.account === undefined || r.account === undefined || x.account === r.account));
    const targets = sameInput(ofKind(ctx.model, 'aws.events.target'));
    const subscriptions = sameInput(ofKind(ctx.model, 'aws.sns.subscription'));
    const unlistedTopics = sameInput(ofKind(ctx.model, 'aws.sns.topic')).filter((t) => t.readError);
    let unknown = false;
    let readError: string | undefined;
    const problems: Array<
      | { id: 'noSubscription'; data: { rule: string; sources: string; topic: string } }
      | { id: 'topicElsewhere'; data: { rule: string; sources: string; target: string } }
      | { id: 'notToTopic'; data: { rule: string; sources: string } }
    > = [];
    for (const rule of sameInput(ofKind(ctx.model, 'aws.events.rule'))) {
      const { enabled, findingSources } = rule.attrs;
      const name = rule.address ?? rule.id;
      const failed = findingSources?.error ?? enabled?.error;
      if (failed) {
        readError ??= failed;
        continue;
      }
      if (findingSources?.origin === 'unknown' || enabled?.origin === 'unknown') {
        unknown = true;
        continue;
      }
      const sources = Array.isArray(findingSources?.value) ? findingSources.value : [];
      if (!sources.length || enabled?.value === false) continue;
      const label = sources.map((s) => (s === 'guardduty' ? 'GuardDuty' : 'Security Hub')).join(' and ');
      evidence.push({ path: `${name}.findingSources`, value: sources, loc: findingSources?.loc ?? rule.loc });
      const mine = targets.filter((t) => linkedOf(ctx.model, t, 'rule').some((x) => x.id === rule.id));
      let routed = false;
      for (const t of mine) {
        const topics = linkedOf(ctx.model, t, 'topic');
        const arn = t.attrs.targetArn;
        if (arn?.error) {
          readError ??= arn.error;
          continue;
        }
        if (!topics.length) {
          // Live: a topic of a region whose topic list failed may be this one.
          const text = typeof arn?.value === 'string' ? arn.value : undefined;
          const hidden = text?.includes(':sns:') ? unlistedTopics.find((x) => text.split(':')[3] === x.region) : undefined;
          if (hidden) readError ??= hidden.readError;
          else if (arn?.origin === 'unknown') unknown = true;
          else if (typeof arn?.value === 'string' && arn.value.includes(':sns:')) problems.push({ id: 'topicElsewhere', data: { rule: name, sources: label, target: arn.value } });
          continue;
        }
        routed = true;
        for (const topic of topics) {
          const linked = subscriptions.filter((s) => linkedOf(ctx.model, s, 'topic').some((x) => x.id === topic.id));
          // Live: a subscription list that failed stands for every topic of its region.
          const unread = linked.find((s) => s.readError);
          const subs = linked.filter((s) => !s.readError);
          const tname = topic.address ?? topic.id;
          evidence.push({ path: `${name} -> ${tname}.subscriptions`, value: subs.length, loc: topic.loc });
          if (unread && !subs.length) {
            readError ??= unread.readError;
            continue;
          }
          if (subs.length) return { truth: 'true', evidence, loc: rule.loc, message: { id: 'alerted', data: { rule: name, sources: label, topic: tname, count: subs.length } } };
          problems.push({ id: 'noSubscription', data: { rule: name, sources: label, topic: tname } });
        }
      }
      if (!routed && !mine.some((t) => t.attrs.targetArn?.origin === 'unknown' || (typeof t.attrs.targetArn?.value === 'string' && t.attrs.targetArn.value.includes(':sns:')))) {
        problems.push({ id: 'notToTopic', data: { rule: name, sources: label } });
      }
    }
    if (unknown) return { truth: 'unknown', evidence, loc: r.loc, message: { id: 'partlyUnknown' } };
    if (readError) return { truth: 'error', evidence, loc: r.loc, error: readError };
    if (problems.some((p) => p.id === 'topicElsewhere')) return { truth: 'unknown', evidence, loc: r.loc, message: problems.filter((p) => p.id === 'topicElsewhere') };
    if (problems.length) return { truth: 'false', evidence, loc: r.loc, message: problems };
    if (live) {
      const regions = [...new Set(ofKind(ctx.model, 'aws.account').filter((a) => a.source === r.source && a.account === r.account && a.region && a.region !== 'global').map((a) => a.region!))].sort();
      return { truth: 'false', evidence, loc: r.loc, message: { id: 'noRouteInAccount', data: { regions: regions.join(', ') || 'none' } } };
    }
    const detection = r.attrs.guardDutyEnabled?.value === true || r.attrs.securityHubEnabled?.value === true;
    evidence.push({ path: 'guardDutyEnabled', value: r.attrs.guardDutyEnabled?.value, loc: r.attrs.guardDutyEnabled?.loc });
    if (detection) return { truth: 'false', evidence, loc: r.attrs.guardDutyEnabled?.loc ?? r.attrs.securityHubEnabled?.loc ?? r.loc, message: { id: 'noRouteWithDetection' } };
    return { truth: 'unknown', evidence, loc: r.loc, message: { id: 'noRoute' } };
  },
});
