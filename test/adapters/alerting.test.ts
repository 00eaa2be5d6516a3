import { describe, expect, it } from 'vitest';
import { UNKNOWN } from '../../checks/model/value.js';
import { adaptSnapshot } from '../../checks/adapters/live/index.js';
import { expandCompactLive } from '../../checks/authoring/live-fixture.js';
import { evaluateSnapshot, get, model, rec, verdicts } from '../helpers/policy-tester.js';

/** guard slice (wave 3): CloudWatch alarms, metric filters, EventBridge rules as the Terraform adapters read them. */
describe('CloudWatch metric alarms', () => {
  it('counts an alarm_actions set a plan shows as unknown as one action when it references only managed resources', () => {
    const m = model([
      rec('aws_sns_topic.alerts', { name: 'alerts' }),
      rec('aws_cloudwatch_metric_alarm.direct', { alarm_name: 'a', alarm_actions: UNKNOWN }, { references: { alarm_actions: ['aws_sns_topic.alerts.arn', 'aws_sns_topic.alerts'] } }),
      rec('aws_cloudwatch_metric_alarm.variable', { alarm_name: 'b', alarm_actions: UNKNOWN }, { references: { alarm_actions: ['var.alert_topics'] } }),
      rec('aws_cloudwatch_metric_alarm.none', { alarm_name: 'c' }),
    ]);
    expect(get(m, 'aws_cloudwatch_metric_alarm.direct').attrs.hasActions).toMatchObject({ value: true, origin: 'explicit' });
    // A variable may hold an empty list: not known to act.
    expect(get(m, 'aws_cloudwatch_metric_alarm.variable').attrs.hasActions?.origin).toBe('unknown');
    expect(get(m, 'aws_cloudwatch_metric_alarm.none').attrs).toMatchObject({ hasActions: { value: false, origin: 'default' }, actionsEnabled: { value: true, origin: 'default' } });
  });

  it('reads a metric filter\'s one transformation and links it to its log group', () => {
    const m = model([
      rec('aws_cloudwatch_log_group.trail', { name: '/trail' }),
      rec('aws_cloudwatch_log_metric_filter.root', { name: 'root', log_group_name: '/trail', pattern: '{ $.userIdentity.type = "Root" }', metric_transformation: [{ name: 'RootUse', namespace: 'CIS', value: '1' }] }),
    ]);
    const f = get(m, 'aws_cloudwatch_log_metric_filter.root');
    expect(f.attrs.metricName?.value).toBe('RootUse');
    expect(f.attrs.metricNamespace?.value).toBe('CIS');
    expect(get(m, 'aws_cloudwatch_log_group.trail').links.metricFilters).toEqual(['aws_cloudwatch_log_metric_filter.root']);
  });
});

describe('EventBridge rules for security findings', () => {
  const rule = (pattern: unknown, extra: Record<string, unknown> = {}) => model([rec('aws_cloudwatch_event_rule.r', { name: 'r', event_pattern: JSON.stringify(pattern), ...extra })]);
  it('derives which findings a pattern matches from its source and detail-type', () => {
    expect(get(rule({ source: ['aws.guardduty'] }), 'aws_cloudwatch_event_rule.r').attrs.findingSources?.value).toEqual(['guardduty']);
    expect(get(rule({ source: ['aws.guardduty', 'aws.securityhub'], 'detail-type': ['Security Hub Findings - Imported'] }), 'aws_cloudwatch_event_rule.r').attrs.findingSources?.value).toEqual(['securityhub']);
    // GuardDuty's runtime-monitoring events are not findings.
    expect(get(rule({ source: ['aws.guardduty'], 'detail-type': ['GuardDuty Runtime Protection Unhealthy'] }), 'aws_cloudwatch_event_rule.r').attrs.findingSources?.value).toEqual([]);
  });

  it('treats state DISABLED and the deprecated is_enabled = false as disabled', () => {
    expect(get(rule({ source: ['aws.guardduty'] }, { state: 'DISABLED' }), 'aws_cloudwatch_event_rule.r').attrs.enabled?.value).toBe(false);
    expect(get(rule({ source: ['aws.guardduty'] }, { is_enabled: false }), 'aws_cloudwatch_event_rule.r').attrs.enabled?.value).toBe(false);
    expect(get(rule({ source: ['aws.guardduty'] }), 'aws_cloudwatch_event_rule.r').attrs.enabled).toMatchObject({ value: true, origin: 'default' });
  });

  it('judges a disabled rule as no route: GuardDuty on, findings routed nowhere fails', () => {
    const records = [
      rec('aws_guardduty_detector.d', { enable: true }),
      rec('aws_sns_topic.alerts', { name: 'alerts' }),
      rec('aws_sns_topic_subscription.s', { protocol: 'email', topic_arn: UNKNOWN }, { references: { topic_arn: ['aws_sns_topic.alerts.arn', 'aws_sns_topic.alerts'] } }),
      rec('aws_cloudwatch_event_target.t', { rule: 'r', arn: UNKNOWN }, { references: { arn: ['aws_sns_topic.alerts.arn', 'aws_sns_topic.alerts'] } }),
    ];
    const on = rec('aws_cloudwatch_event_rule.r', { name: 'r', event_pattern: '{"source":["aws.guardduty"]}' });
    const off = rec('aws_cloudwatch_event_rule.r', { name: 'r', event_pattern: '{"source":["aws.guardduty"]}', state: 'DISABLED' });
    expect(verdicts('aws-security-findings-alerted', model([...records, on]))).toEqual({ account: 'pass' });
    expect(verdicts('aws-security-findings-alerted', model([...records, off]))).toEqual({ account: 'fail' });
    // No detector and no route: nothing to judge in this configuration.
    expect(verdicts('aws-security-findings-alerted', model([rec('aws_sns_topic.alerts', { name: 'alerts' })]))).toEqual({ account: 'unknown' });
  });
});

describe('EventBridge rules, targets and SNS subscriptions as the live adapters read them (live slice, issue 14)', () => {
  const A = '111122223333';
  const ruleArn = (region: string) => `arn:aws:events:${region}:${A}:rule/findings`;
  const topicArn = `arn:aws:sns:us-east-1:${A}:alerts`;
  const rule = (region: string, data: Record<string, unknown>, errors?: Record<string, unknown>) => ({ arn: ruleArn(region), data: { Name: 'findings', Arn: ruleArn(region), ...data }, ...(errors ? { errors } : {}) });
  // Detection runs in us-east-1 only unless a case says otherwise (findings reach EventBridge only in their own region).
  const detection = (west: boolean) => ({
    'us-east-1': { guardDuty: { DetectorId: 'd1', Status: 'ENABLED' }, securityHub: null, securityHubAggregators: [] },
    'us-west-2': { guardDuty: west ? { DetectorId: 'd2', Status: 'ENABLED' } : null, securityHub: null, securityHubAggregators: [] },
  });
  const snap = (resources: Record<string, unknown[]>, extra: Record<string, unknown> = {}) => expandCompactLive({ regions: ['us-east-1', 'us-west-2'], accountSettings: detection(false), resources, ...extra } as never, 'test');
  const topic = { arn: topicArn, data: { Name: 'alerts', Attributes: { TopicArn: topicArn } } };
  const sub = { arn: `${topicArn}:0f1e2d3c`, data: { SubscriptionArn: `${topicArn}:0f1e2d3c`, TopicArn: topicArn, Protocol: 'email', Owner: A } };
  const status = (s: ReturnType<typeof snap>) => evaluateSnapshot(s, 'test', ['aws-security-findings-alerted']).map((f) => `${f.resource.arn} ${f.status}`);

  it('fills the Terraform attributes: parsed pattern, findings matched, enabled from State; one target per ListTargetsByRule entry', () => {
    const rs = adaptSnapshot(snap({ 'AWS::Events::Rule': [rule('us-east-1', { EventPattern: '{"source":["aws.securityhub"]}', State: 'DISABLED', targets: [{ Id: 't1', Arn: topicArn }] })] }), 'test');
    const r = rs.find((x) => x.kind === 'aws.events.rule')!;
    expect(r.attrs).toMatchObject({ eventPattern: { value: { source: ['aws.securityhub'] } }, findingSources: { value: ['securityhub'] }, enabled: { value: false, origin: 'explicit' } });
    const t = rs.filter((x) => x.kind === 'aws.events.target');
    expect(t.map((x) => [x.id, x.attrs.targetArn?.value])).toEqual([[`${ruleArn('us-east-1')}#target/t1`, topicArn]]);
  });

  it('makes a failed target read one target whose ARN is the error, and judges the account error, not pass', () => {
    const s = snap({ 'AWS::Events::Rule': [rule('us-east-1', { EventPattern: '{"source":["aws.guardduty"]}' }, { targets: { code: 'AccessDenied', message: 'denied', call: 'events:ListTargetsByRule' } })], 'AWS::SNS::Topic': [topic], 'AWS::SNS::Subscription': [sub] });
    const t = adaptSnapshot(s, 'test').find((x) => x.kind === 'aws.events.target')!;
    expect(t.attrs.targetArn?.error).toMatch(/events:ListTargetsByRule failed \(AccessDenied\)/);
    expect(status(s)).toEqual([`arn:aws:::${A}:account error`]);
  });

  it('judges the account once, over every audited region: a routed rule covers its region; a region with detection and no route fails; a failed rule list is an error', () => {
    const routed = rule('us-east-1', { EventPattern: '{"source":["aws.guardduty"]}', targets: [{ Id: 't', Arn: topicArn }] });
    expect(status(snap({ 'AWS::Events::Rule': [routed], 'AWS::SNS::Topic': [topic], 'AWS::SNS::Subscription': [sub] }))).toEqual([`arn:aws:::${A}:account pass`]);
    // The topic has no confirmed subscription: nobody receives the findings.
    expect(status(snap({ 'AWS::Events::Rule': [routed], 'AWS::SNS::Topic': [topic] }))).toEqual([`arn:aws:::${A}:account fail`]);
    expect(status(snap({ 'AWS::SNS::Topic': [topic] }))).toEqual([`arn:aws:::${A}:account fail`]);
    const listFailed = { errors: [{ code: 'AccessDenied', message: 'denied', call: 'events:ListRules', service: 'events', region: 'us-west-2', resourceTypes: ['AWS::Events::Rule'] }] };
    expect(status(snap({ 'AWS::SNS::Topic': [topic] }, listFailed))).toEqual([`arn:aws:::${A}:account error`]);
    // A routed rule elsewhere still passes when the unread region runs no detection: nothing there needs a route.
    expect(status(snap({ 'AWS::Events::Rule': [routed], 'AWS::SNS::Topic': [topic], 'AWS::SNS::Subscription': [sub] }, listFailed))).toEqual([`arn:aws:::${A}:account pass`]);
    // With GuardDuty on there, its unread rules may or may not route its findings: error, never a pass or a fail.
    expect(status(snap({ 'AWS::Events::Rule': [routed], 'AWS::SNS::Topic': [topic], 'AWS::SNS::Subscription': [sub] }, { ...listFailed, accountSettings: detection(true) }))).toEqual([`arn:aws:::${A}:account error`]);
    // Read, and without a route of its own: its findings reach nobody.
    expect(status(snap({ 'AWS::Events::Rule': [routed], 'AWS::SNS::Topic': [topic], 'AWS::SNS::Subscription': [sub] }, { accountSettings: detection(true) }))).toEqual([`arn:aws:::${A}:account fail`]);
    // Subscriptions that could not be listed may be the topic's: error, never a fail or a pass.
    const subsFailed = { errors: [{ code: 'AccessDenied', message: 'denied', call: 'sns:ListSubscriptions', service: 'sns', region: 'us-east-1', resourceTypes: ['AWS::SNS::Subscription'] }] };
    expect(status(snap({ 'AWS::Events::Rule': [routed], 'AWS::SNS::Topic': [topic] }, subsFailed))).toEqual([`arn:aws:::${A}:account error`]);
  });
});
