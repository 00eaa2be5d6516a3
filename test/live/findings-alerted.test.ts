import { readFileSync } from 'node:fs';
import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { ClientHook } from '../../checks/sources/live/collect/context.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { Finding } from '../../checks/engine/types.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/**
 * live slice (issue 14): the EventBridge and SNS subscription collectors against moto, judged by
 * aws-security-findings-alerted once per account. Three audits of two regions: a GuardDuty rule of us-west-2 routed
 * to a topic with a subscription (pass: one routed rule in any audited region is enough); the same account with
 * ListTargetsByRule denied (error, never a pass); and, after a reset, an account whose findings rule delivers to a
 * queue, not a topic, while a subscribed topic gets nothing (fail).
 */
const ACCOUNT = '123456789012';
const EAST = 'us-east-1';
const WEST = 'us-west-2';
const WIDE = `arn:aws:::${ACCOUNT}:account`;
const POLICY = 'aws-security-findings-alerted';
const PATTERN = JSON.stringify({ source: ['aws.guardduty'], 'detail-type': ['GuardDuty Finding'], detail: { severity: [{ numeric: ['>=', 4] }] } });

let moto: Moto;
const audits: Record<'routed' | 'denied' | 'unrouted', { snapshot: Snapshot; findings: Finding[] }> = {} as never;
const seeded = { rule: '', topic: '', subscription: '' };

const cfg = (region: string) => ({ region, endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });

async function audit(hooks: ClientHook[] = []): Promise<{ snapshot: Snapshot; findings: Finding[] }> {
  const snapshot = await collectSnapshot({ regions: [EAST, WEST], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2, clientHooks: hooks });
  return { snapshot, findings: evaluateSnapshot(snapshot) };
}

/** Answers one command with AccessDenied, as an auditor role without that action would get. */
function deny(command: string): ClientHook {
  return (client) =>
    client.middlewareStack.add(
      (next: (a: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
        if (context.commandName === command) throw Object.assign(new Error(`${command}: denied`), { name: 'AccessDeniedException', $fault: 'client', $metadata: { httpStatusCode: 400 } });
        return next(args);
      },
      { step: 'deserialize', name: 'denyOne', priority: 'low' },
    );
}

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const sns = new SNSClient(cfg(WEST));
  const events = new EventBridgeClient(cfg(WEST));
  seeded.topic = (await sns.send(new CreateTopicCommand({ Name: 'security-alerts', Attributes: { KmsMasterKeyId: 'alias/aws/sns' }, Tags: [{ Key: 'DataClassification', Value: 'security-log' }] }))).TopicArn!;
  seeded.subscription = (await sns.send(new SubscribeCommand({ TopicArn: seeded.topic, Protocol: 'email', Endpoint: 'on-call@district.example' }))).SubscriptionArn!;
  seeded.rule = (await events.send(new PutRuleCommand({ Name: 'security-findings', EventPattern: PATTERN }))).RuleArn!;
  await events.send(new PutTargetsCommand({ Rule: 'security-findings', Targets: [{ Id: 'alerts', Arn: seeded.topic }] }));
  // A scheduled rule in the other region: no pattern, so it routes no finding.
  await new EventBridgeClient(cfg(EAST)).send(new PutRuleCommand({ Name: 'nightly', ScheduleExpression: 'rate(1 day)' }));
  audits.routed = await audit();
  audits.denied = await audit([deny('ListTargetsByRuleCommand')]);

  await moto.reset();
  const east = new SNSClient(cfg(EAST));
  const topic = (await east.send(new CreateTopicCommand({ Name: 'security-alerts' }))).TopicArn!;
  await east.send(new SubscribeCommand({ TopicArn: topic, Protocol: 'email', Endpoint: 'on-call@district.example' }));
  const sqs = new SQSClient(cfg(EAST));
  const url = (await sqs.send(new CreateQueueCommand({ QueueName: 'findings-archive' }))).QueueUrl!;
  const queue = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
  const eastEvents = new EventBridgeClient(cfg(EAST));
  await eastEvents.send(new PutRuleCommand({ Name: 'security-findings', EventPattern: PATTERN }));
  await eastEvents.send(new PutTargetsCommand({ Rule: 'security-findings', Targets: [{ Id: 'archive', Arn: queue }] }));
  audits.unrouted = await audit();
}, 180_000);

afterAll(async () => {
  await moto?.stop();
});

describe('EventBridge rules and SNS subscriptions collected from moto', () => {
  it('records each rule of the default bus with its targets, and the confirmed subscription without its endpoint', () => {
    const { snapshot } = audits.routed;
    const rules = snapshot.resources.filter((r) => r.type === 'AWS::Events::Rule');
    expect(rules.map((r) => `${r.region} ${String(r.data.Name)}`).sort()).toEqual([`${EAST} nightly`, `${WEST} security-findings`]);
    const rule = rules.find((r) => r.arn === seeded.rule)!;
    expect(rule.data).toMatchObject({ Name: 'security-findings', State: 'ENABLED', EventPattern: PATTERN, targets: [{ Id: 'alerts', Arn: seeded.topic }] });
    expect(rule.errors).toBeUndefined();
    const subs = snapshot.resources.filter((r) => r.type === 'AWS::SNS::Subscription');
    expect(subs.map((s) => s.arn)).toEqual([seeded.subscription]);
    expect(subs[0]!.data).toEqual({ SubscriptionArn: seeded.subscription, TopicArn: seeded.topic, Protocol: 'email', Owner: ACCOUNT });
    expect(JSON.stringify(snapshot)).not.toContain('on-call@district.example');
  });

  it('makes only calls iam-policy.json allows, and none of the EventBridge and SNS calls failed', () => {
    const policy = JSON.parse(readFileSync(new URL('../../checks/sources/live/iam-policy.json', import.meta.url), 'utf8')) as { Statement: Array<{ Action: string[] }> };
    const allowed = new Set(policy.Statement.flatMap((s) => s.Action));
    for (const { snapshot } of [audits.routed, audits.unrouted]) {
      expect([...new Set(snapshot.calls.map((c) => `${c.service}:${c.operation}`))].filter((a) => !allowed.has(a))).toEqual([]);
      const mine = snapshot.calls.filter((c) => c.service === 'events' || (c.service === 'sns' && c.operation === 'ListSubscriptions'));
      expect(mine.filter((c) => !c.ok)).toEqual([]);
      expect(new Set(mine.map((c) => `${c.service}:${c.operation}`))).toEqual(new Set(['events:ListRules', 'events:ListTargetsByRule', 'sns:ListSubscriptions']));
    }
    for (const region of [EAST, WEST]) expect(audits.routed.snapshot.calls).toContainEqual({ service: 'events', operation: 'ListRules', region, ok: true });
  });
});

describe('aws-security-findings-alerted on the live account', () => {
  it('passes an account whose findings rule (in one of its audited regions) reaches a subscribed topic, once for the account', () => {
    const { findings } = audits.routed;
    expect(statusAt(findings, POLICY, WIDE)).toBe('pass');
    expect(findings.filter((f) => f.policyId === POLICY).map((f) => f.resource.arn)).toEqual([WIDE]);
  });

  it('reports error, never a pass, when the rule targets could not be read', () => {
    const { snapshot, findings } = audits.denied;
    expect(snapshot.resources.find((r) => r.arn === seeded.rule)!.errors?.targets).toMatchObject({ code: 'AccessDeniedException', call: 'events:ListTargetsByRule' });
    const f = findings.find((x) => x.policyId === POLICY && x.resource.arn === WIDE)!;
    expect(f.status).toBe('error');
    expect(f.message).toContain('events:ListTargetsByRule');
  });

  it('fails an account whose findings rule delivers to a queue while the subscribed topic gets nothing', () => {
    const { snapshot, findings } = audits.unrouted;
    expect(snapshot.resources.filter((r) => r.type === 'AWS::SNS::Subscription')).toHaveLength(1);
    const f = findings.find((x) => x.policyId === POLICY && x.resource.arn === WIDE)!;
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/has no SNS topic target/);
  });
});
