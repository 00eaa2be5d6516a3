import { CloudTrailClient, CreateTrailCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogGroupCommand, PutMetricFilterCommand, PutRetentionPolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import { IAMClient, CreateRoleCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../checks/engine/types.js';
import { CIS_EVENTS } from '../../checks/rules/lib/cis-events.js';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/**
 * guard slice: the CloudWatch Logs metric-filter and CloudWatch alarm collectors against moto_server, and
 * the verdict of aws-cloudwatch-cis-alarms on what they read. The trail delivers to a log group with a
 * filter for each CIS 4.x event (the benchmark's patterns) and an alarm per filter; the root-use alarm is
 * created without an action, so the account fails until it gets one.
 */
const ACCOUNT = '123456789012';
const EAST = 'us-east-1';
const wide = `arn:aws:::${ACCOUNT}:account`;
const POLICY = 'aws-cloudwatch-cis-alarms';
const GROUP = '/org/cloudtrail';
const NS = 'CISBenchmark';

/** The benchmark's filter pattern for each event (CIS AWS Foundations v1.5, 4.x). */
const PATTERNS: Record<string, string> = {
  'unauthorized-api-calls': '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
  'console-sign-in-without-mfa': '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
  'root-use': '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  'iam-policy-changes':
    '{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachGroupPolicy)}',
  'cloudtrail-changes': '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }',
  'kms-key-disable-or-deletion': '{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }',
  'security-group-changes':
    '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }',
};

let moto: Moto;
let cfg: (region: string) => { region: string; endpoint: string; credentials: { accessKeyId: string; secretAccessKey: string } };
let topicArn: string;
let snapshot: Snapshot;
let findings: Finding[];

const collect = () => collectSnapshot({ regions: [EAST], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2 });
const alarm = (id: string, actions: string[]) =>
  new CloudWatchClient(cfg(EAST)).send(
    new PutMetricAlarmCommand({ AlarmName: `cis-${id}`, MetricName: id, Namespace: NS, Statistic: 'Sum', Period: 300, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', AlarmActions: actions }),
  );

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  cfg = (region: string) => ({ region, endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  topicArn = (await new SNSClient(cfg(EAST)).send(new CreateTopicCommand({ Name: 'security-alerts' }))).TopicArn!;
  const logs = new CloudWatchLogsClient(cfg(EAST));
  await logs.send(new CreateLogGroupCommand({ logGroupName: GROUP, tags: { DataClassification: 'security-log' } }));
  await logs.send(new PutRetentionPolicyCommand({ logGroupName: GROUP, retentionInDays: 400 }));
  for (const e of CIS_EVENTS) {
    await logs.send(new PutMetricFilterCommand({ logGroupName: GROUP, filterName: e.id, filterPattern: PATTERNS[e.id]!, metricTransformations: [{ metricName: e.id, metricNamespace: NS, metricValue: '1' }] }));
    await alarm(e.id, e.id === 'root-use' ? [] : [topicArn]);
  }
  const role = (await new IAMClient(cfg(EAST)).send(new CreateRoleCommand({ RoleName: 'trail-to-logs', AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[]}' }))).Role!.Arn!;
  await new S3Client({ ...cfg(EAST), forcePathStyle: true }).send(new CreateBucketCommand({ Bucket: 'org-trail-logs' }));
  const ct = new CloudTrailClient(cfg(EAST));
  await ct.send(
    new CreateTrailCommand({ Name: 'org-trail', S3BucketName: 'org-trail-logs', IsMultiRegionTrail: true, CloudWatchLogsLogGroupArn: `arn:aws:logs:${EAST}:${ACCOUNT}:log-group:${GROUP}:*`, CloudWatchLogsRoleArn: role }),
  );
  await ct.send(new StartLoggingCommand({ Name: 'org-trail' }));
  snapshot = await collect();
  findings = evaluateSnapshot(snapshot, 'snapshot.json', [POLICY]);
});

afterAll(async () => {
  await moto?.stop();
});

describe('metric filter and alarm collectors against moto', () => {
  it('read every filter of the log group with its pattern and metric, and every alarm with its actions', () => {
    const filters = snapshot.resources.filter((r) => r.type === 'AWS::Logs::MetricFilter');
    expect(filters.map((f) => f.data.filterName).sort()).toEqual(CIS_EVENTS.map((e) => e.id).sort());
    expect(filters[0]!.arn).toMatch(new RegExp(`^arn:aws:logs:${EAST}:${ACCOUNT}:log-group:${GROUP}:metric-filter:`));
    const root = filters.find((f) => f.data.filterName === 'root-use')!;
    expect(root.data).toMatchObject({ logGroupName: GROUP, filterPattern: PATTERNS['root-use'], metricTransformations: [expect.objectContaining({ metricName: 'root-use', metricNamespace: NS })] });
    const alarms = snapshot.resources.filter((r) => r.type === 'AWS::CloudWatch::Alarm');
    expect(alarms).toHaveLength(CIS_EVENTS.length);
    expect(alarms.find((a) => a.data.AlarmName === 'cis-root-use')!.data).toMatchObject({ MetricName: 'root-use', Namespace: NS, AlarmActions: [] });
    expect(alarms.find((a) => a.data.AlarmName === 'cis-cloudtrail-changes')!.data).toMatchObject({ AlarmActions: [topicArn] });
    for (const a of alarms) expect(a.data).toHaveProperty('tags');
    const calls = new Set(snapshot.calls.filter((c) => c.ok).map((c) => `${c.service}:${c.operation}`));
    for (const a of ['logs:DescribeMetricFilters', 'cloudwatch:DescribeAlarms', 'cloudwatch:ListTagsForResource']) expect(calls, a).toContain(a);
  });
});

describe('aws-cloudwatch-cis-alarms on the emulator-backed account', () => {
  it('fails while the root-use alarm has no action, naming the event', () => {
    const f = findings.find((x) => x.policyId === POLICY && x.resource.arn === wide)!;
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/use of the root user \(CIS 4\.3\) but no alarm with an action/);
    // Only the root-use event is missing: the other six are covered.
    expect(f.message).not.toMatch(/security group changes|IAM policy changes|no metric filter/);
  });

  it('passes once that alarm notifies the topic', async () => {
    await alarm('root-use', [topicArn]);
    const after = evaluateSnapshot(await collect(), 'snapshot.json', [POLICY]);
    expect(statusAt(after, POLICY, wide)).toBe('pass');
  });
});
