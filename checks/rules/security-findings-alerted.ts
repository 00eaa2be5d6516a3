import { defineCheck, type Observed } from '../engine/code-check.js';
import { linkedOf, ofKind } from '../model/typed.js';
import { coverageOf, findingRegionsOf, type Route } from './lib/finding-regions.js';

/**
 * Security findings reach people: an enabled EventBridge rule matching GuardDuty or Security Hub findings
 * has a target that is an SNS topic with at least one subscription (incident response evidence). A
 * configuration judges what it declares: one that switches GuardDuty or Security Hub on and routes their
 * findings to no subscribed topic fails; one that declares neither detection nor routing is unknown (needs
 * live verification).
 *
 * Regions: findings reach EventBridge only in the Region that produced them, so a routed and subscribed rule
 * covers its own Region, and the Regions a Security Hub finding aggregator links into its Region when the rule
 * matches Security Hub findings (lib/finding-regions.ts). Every Region with GuardDuty or Security Hub on needs
 * that coverage: a configuration by its declarations' provider regions, a live audit once per account (the
 * account-wide resource, `complete`) by each audited Region's settings. A Region left without it fails the
 * account; one whose detection, rule region or aggregation is not known is unknown, an unreadable one an error.
 * With no routed rule at all, a read that failed (a rule list, a rule's targets, a subscription or topic list)
 * makes it `error`; with everything read, no such rule fails a live account (the audit saw all of it).
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
    regionsUnrouted:
      'GuardDuty or Security Hub findings of {regions} reach no subscribed SNS topic: the routed rules are in {routed}, and findings go to EventBridge only in their own region (no Security Hub cross-Region aggregation brings them to a routed region)',
    regionsOpen: 'whether the findings of {regions} reach a subscribed SNS topic is not known: their detection, the region of a routed rule or a cross-Region aggregation is known only after apply or from a live audit',
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
    const routes: Route[] = [];
    let alerted: { rule: string; sources: string; topic: string; count: number; loc: typeof r.loc } | undefined;
    const problems: Array<
      | { id: 'noSubscription'; data: { rule: string; sources: string; topic: string } }
      | { id: 'topicElsewhere'; data: { rule: string; sources: string; target: string } }
      | { id: 'notToTopic'; data: { rule: string; sources: string } }
    > = [];
    for (const rule of sameInput(ofKind(ctx.model, 'aws.events.rule'))) {
      const { enabled, findingSources } = rule.attrs;
      const name = rule.address ?? rule.id;
      const failed = findingSources?.error ?? enabled?.error;
      // A rule that may route findings but cannot be told: open for its region (lib/finding-regions.ts).
      const maybe = (open: NonNullable<Route['open']>, hub = true) => routes.push({ region: rule.region, securityHub: hub, open });
      if (failed) {
        readError ??= failed;
        maybe({ is: 'error', error: failed });
        continue;
      }
      if (findingSources?.origin === 'unknown' || enabled?.origin === 'unknown') {
        unknown = true;
        maybe({ is: 'unknown' });
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
        const hub = sources.includes('securityhub');
        if (arn?.error) {
          readError ??= arn.error;
          maybe({ is: 'error', error: arn.error }, hub);
          continue;
        }
        if (!topics.length) {
          // Live: a topic of a region whose topic list failed may be this one.
          const text = typeof arn?.value === 'string' ? arn.value : undefined;
          const hidden = text?.includes(':sns:') ? unlistedTopics.find((x) => text.split(':')[3] === x.region) : undefined;
          if (hidden) {
            readError ??= hidden.readError;
            maybe({ is: 'error', error: hidden.readError! }, hub);
          } else if (arn?.origin === 'unknown') {
            unknown = true;
            maybe({ is: 'unknown' }, hub);
          } else if (typeof arn?.value === 'string' && arn.value.includes(':sns:')) {
            problems.push({ id: 'topicElsewhere', data: { rule: name, sources: label, target: arn.value } });
            maybe({ is: 'unknown' }, hub);
          }
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
            maybe({ is: 'error', error: unread.readError! }, hub);
            continue;
          }
          if (subs.length) {
            alerted ??= { rule: name, sources: label, topic: tname, count: subs.length, loc: rule.loc };
            routes.push({ region: rule.region, securityHub: hub });
            continue;
          }
          problems.push({ id: 'noSubscription', data: { rule: name, sources: label, topic: tname } });
        }
      }
      if (!routed && !mine.some((t) => t.attrs.targetArn?.origin === 'unknown' || (typeof t.attrs.targetArn?.value === 'string' && t.attrs.targetArn.value.includes(':sns:')))) {
        problems.push({ id: 'notToTopic', data: { rule: name, sources: label } });
      }
    }
    if (alerted) {
      const found = findingRegionsOf(r, ofKind(ctx.model, 'aws.account'));
      const judged = found.detection.map((d) => ({ region: d.region ?? 'a region not known', c: coverageOf(d, routes, found) }));
      const named = (is: string) => [...new Set(judged.filter((j) => j.c.is === is).map((j) => j.region))].sort().join(', ');
      const { rule, topic, count, sources, loc } = alerted;
      if (named('uncovered')) {
        const routed = [...new Set(routes.filter((x) => !x.open).map((x) => x.region ?? 'a region not known'))].sort().join(', ');
        evidence.push({ path: 'regionsWithoutRoute', value: named('uncovered').split(', '), loc: r.loc });
        return { truth: 'false', evidence, loc: r.loc, message: { id: 'regionsUnrouted', data: { regions: named('uncovered'), routed } } };
      }
      const failed = judged.find((j) => j.c.is === 'error')?.c;
      if (failed?.is === 'error') return { truth: 'error', evidence, loc: r.loc, error: failed.error };
      if (named('unknown')) return { truth: 'unknown', evidence, loc: r.loc, message: { id: 'regionsOpen', data: { regions: named('unknown') } } };
      return { truth: 'true', evidence, loc, message: { id: 'alerted', data: { rule, sources, topic, count } } };
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
