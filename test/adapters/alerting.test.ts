import { describe, expect, it } from 'vitest';
import { UNKNOWN } from '../../checks/model/value.js';
import { get, model, rec, verdicts } from '../helpers/policy-tester.js';

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
