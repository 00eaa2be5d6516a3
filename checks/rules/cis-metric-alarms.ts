import { defineCheck, type Observed } from '../engine/code-check.js';
import { linkedOf, ofKind } from '../model/typed.js';
import type { Val } from '../model/value.js';
import { CIS_EVENTS, patternCatches } from './lib/cis-events.js';

const AFTER_APPLY = '(known after apply)';
const shown = (v: Val | undefined) => (v === undefined ? undefined : v.origin === 'unknown' ? AFTER_APPLY : v.value);

/**
 * The CIS AWS Foundations 4.x events (lib/cis-events.ts) each reach an alarm that acts: a metric filter
 * on the log group a CloudTrail trail delivers to names the event, and a metric alarm on that filter's
 * metric (same namespace and name, same region live) has actions enabled and at least one action.
 * Trails as `account-multi-region-trail` sees them: a live read of the account (`complete`) with no
 * trail or no delivery to CloudWatch Logs fails; a configuration without any trail is unknown (another
 * stack may hold the trail and its alarms), one whose trails do not deliver to CloudWatch Logs fails.
 */
export const codeCheck = defineCheck({
  name: 'cis-metric-alarms',
  description: 'Every CIS 4.x event has a metric filter on a trail log group and an alarm with an action on its metric.',
  kinds: ['aws.account'],
  messages: {
    covered: 'every CIS 4.x event ({count}) has a metric filter on {groups} and an alarm with an action',
    noTrail: 'the account has no CloudTrail trail',
    noTrailInConfiguration: 'no CloudTrail trail in this configuration; needs live verification',
    noDelivery: 'no trail delivers to a CloudWatch Logs log group, so no metric filter can watch its events',
    deliveryUnknown: 'the log group of {trail} is known only after apply or not in this input',
    noFilter: 'no metric filter on {groups} catches {event} (CIS {cis})',
    noAlarm: 'the metric filter {filter} catches {event} (CIS {cis}) but no alarm with an action watches its metric {metric}',
    unknownPart: '{event} (CIS {cis}): a filter pattern, metric or alarm action is known only after apply',
  },
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  evaluate(r, ctx) {
    const complete = r.attrs.complete?.value === true;
    const trails = linkedOf(ctx.model, r, 'trails');
    const evidence: Observed[] = [];
    if (!trails.length) {
      return complete ? { truth: 'false', evidence, loc: r.loc, message: { id: 'noTrail' } } : { truth: 'unknown', evidence, loc: r.loc, message: { id: 'noTrailInConfiguration' } };
    }
    const groups = new Map<string, ReturnType<typeof linkedOf<'aws.cloudtrail.trail', 'cloudWatchLogsGroup'>>[number]>();
    let pending: string | undefined;
    for (const t of trails) {
      const arn = t.attrs.cloudWatchLogsGroupArn;
      const name = t.address ?? t.arn ?? t.id;
      if (arn?.error) return { truth: 'error', evidence: [{ path: `trails[${name}].cloudWatchLogsGroupArn`, value: null, loc: arn.loc }], error: arn.error, loc: arn.loc };
      evidence.push({ path: `trails[${name}].cloudWatchLogsGroupArn`, value: shown(arn), loc: arn?.loc ?? t.loc });
      const linked = linkedOf(ctx.model, t, 'cloudWatchLogsGroup');
      for (const g of linked) groups.set(g.id, g);
      if (!linked.length && (arn?.origin === 'unknown' || (typeof arn?.value === 'string' && !complete))) pending ??= name;
    }
    if (!groups.size) {
      if (pending) return { truth: 'unknown', evidence, loc: r.loc, message: { id: 'deliveryUnknown', data: { trail: pending } } };
      return { truth: 'false', evidence, loc: trails[0]!.loc, message: { id: 'noDelivery' } };
    }
    const groupNames = [...groups.values()].map((g) => (typeof g.attrs.name?.value === 'string' ? g.attrs.name.value : (g.address ?? g.id))).join(', ');
    const filters = [...groups.values()].flatMap((g) => linkedOf(ctx.model, g, 'metricFilters'));
    const alarms = ofKind(ctx.model, 'aws.cloudwatch.alarm').filter((a) => a.source === r.source && (r.account === undefined || a.account === undefined || a.account === r.account));
    for (const x of [...filters, ...alarms]) {
      for (const [path, v] of Object.entries(x.attrs)) {
        const val = v as Val | undefined;
        if (val?.error) return { truth: 'error', evidence: [{ path: `${x.address ?? x.id}.${path}`, value: null, loc: val.loc }], error: val.error, loc: val.loc };
      }
    }
    const failures: Array<{ id: 'noFilter'; data: { groups: string; event: string; cis: string } } | { id: 'noAlarm'; data: { filter: string; event: string; cis: string; metric: string } }> = [];
    const unknowns: Array<{ id: 'unknownPart'; data: { event: string; cis: string } }> = [];
    for (const event of CIS_EVENTS) {
      let state: 'covered' | 'unknown' | 'noFilter' | 'noAlarm' = 'noFilter';
      let lonely: { filter: string; metric: string } | undefined;
      for (const f of filters) {
        const { pattern, metricName, metricNamespace } = f.attrs;
        if (pattern?.origin === 'unknown') {
          state = 'unknown';
          continue;
        }
        if (typeof pattern?.value !== 'string' || !patternCatches(pattern.value, event)) continue;
        const fname = f.address ?? f.id;
        if (metricName?.origin === 'unknown' || metricNamespace?.origin === 'unknown') {
          state = 'unknown';
          continue;
        }
        const watching = alarms.filter((a) => a.attrs.metricName?.value === metricName?.value && a.attrs.namespace?.value === metricNamespace?.value && (r.source !== 'live' || a.region === f.region));
        const acting = watching.find((a) => a.attrs.actionsEnabled?.value !== false && a.attrs.hasActions?.value === true);
        if (acting) {
          state = 'covered';
          evidence.push({ path: event.id, value: `${fname} -> ${acting.address ?? acting.id}`, loc: acting.loc });
          break;
        }
        // An alarm whose metric or actions are known only after apply may be the one.
        const undecided =
          alarms.some((a) => a.attrs.metricName?.origin === 'unknown' || a.attrs.namespace?.origin === 'unknown') ||
          watching.some((a) => a.attrs.hasActions?.origin === 'unknown' || a.attrs.actionsEnabled?.origin === 'unknown');
        if (undecided) state = 'unknown';
        else if (state === 'noFilter') {
          state = 'noAlarm';
          lonely = { filter: fname, metric: `${String(metricNamespace?.value)}/${String(metricName?.value)}` };
        }
      }
      if (state === 'covered') continue;
      evidence.push({ path: event.id, value: state === 'unknown' ? AFTER_APPLY : null });
      if (state === 'unknown') unknowns.push({ id: 'unknownPart', data: { event: event.title, cis: event.cis } });
      else if (state === 'noAlarm' && lonely) failures.push({ id: 'noAlarm', data: { filter: lonely.filter, event: event.title, cis: event.cis, metric: lonely.metric } });
      else failures.push({ id: 'noFilter', data: { groups: groupNames, event: event.title, cis: event.cis } });
    }
    const loc = [...groups.values()][0]!.loc;
    if (failures.length) return { truth: 'false', evidence, loc, message: failures };
    if (unknowns.length) return { truth: 'unknown', evidence, loc, message: unknowns };
    return { truth: 'true', evidence, loc, message: { id: 'covered', data: { count: CIS_EVENTS.length, groups: groupNames } } };
  },
});
