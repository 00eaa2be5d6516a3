import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateDetectorCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import { EnableSecurityHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../checks/engine/types.js';
import type { ClientHook } from '../../checks/sources/live/collect/context.js';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/**
 * Security Hub cross-Region aggregation, read live: GuardDuty and Security Hub run in both audited regions of a
 * moto account and the findings rule is routed in us-east-1 only. moto implements neither ListFindingAggregators
 * nor GetFindingAggregator, so one audit gets moto's answer (an error of aws-security-findings-alerted, never a
 * pass: the aggregator decides whether us-west-2's findings reach anyone) and another has both answered, as AWS
 * answers them, by a client hook (an aggregator in us-east-1 linking every region: a pass).
 */
const ACCOUNT = '123456789012';
const EAST = 'us-east-1';
const WEST = 'us-west-2';
const WIDE = `arn:aws:::${ACCOUNT}:account`;
const POLICY = 'aws-security-findings-alerted';
const AGGREGATOR = `arn:aws:securityhub:${EAST}:${ACCOUNT}:finding-aggregator/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0`;

let moto: Moto;
const audits: Record<'moto' | 'aggregated', { snapshot: Snapshot; findings: Finding[] }> = {} as never;
const asked: Array<{ command: string; region: string }> = [];

/** Answers the aggregator reads as AWS does for an account aggregating every region into us-east-1. */
const aggregator: ClientHook = (client) =>
  client.middlewareStack.add(
    (next: (a: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
      const region = await (client as unknown as { config: { region: () => Promise<string> } }).config.region();
      if (context.commandName === 'ListFindingAggregatorsCommand') {
        asked.push({ command: 'List', region });
        return { output: { FindingAggregators: [{ FindingAggregatorArn: AGGREGATOR }], $metadata: {} } };
      }
      if (context.commandName === 'GetFindingAggregatorCommand') {
        asked.push({ command: 'Get', region });
        return { output: { FindingAggregatorArn: AGGREGATOR, FindingAggregationRegion: EAST, RegionLinkingMode: 'ALL_REGIONS', $metadata: {} } };
      }
      return next(args);
    },
    { step: 'initialize', name: 'answerAggregator', priority: 'high' },
  );

async function audit(hooks: ClientHook[] = []): Promise<{ snapshot: Snapshot; findings: Finding[] }> {
  const snapshot = await collectSnapshot({ regions: [EAST, WEST], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2, clientHooks: hooks });
  return { snapshot, findings: evaluateSnapshot(snapshot) };
}

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const cfg = (region: string) => ({ region, endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  for (const region of [EAST, WEST]) {
    await new GuardDutyClient(cfg(region)).send(new CreateDetectorCommand({ Enable: true }));
    await new SecurityHubClient(cfg(region)).send(new EnableSecurityHubCommand({ EnableDefaultStandards: false }));
  }
  const sns = new SNSClient(cfg(EAST));
  const topic = (await sns.send(new CreateTopicCommand({ Name: 'security-alerts' }))).TopicArn!;
  await sns.send(new SubscribeCommand({ TopicArn: topic, Protocol: 'email', Endpoint: 'on-call@district.example' }));
  const events = new EventBridgeClient(cfg(EAST));
  await events.send(new PutRuleCommand({ Name: 'security-findings', EventPattern: JSON.stringify({ source: ['aws.guardduty', 'aws.securityhub'] }) }));
  await events.send(new PutTargetsCommand({ Rule: 'security-findings', Targets: [{ Id: 'alerts', Arn: topic }] }));
  audits.moto = await audit();
  audits.aggregated = await audit([aggregator]);
}, 180_000);

afterAll(async () => {
  await moto?.stop();
});

describe('Security Hub cross-Region aggregation (live, moto)', () => {
  it('is an error, never a pass, where the aggregator read failed and us-west-2 has no route of its own', () => {
    const failed = audits.moto.snapshot.calls.filter((c) => c.operation === 'ListFindingAggregators');
    expect(failed.map((c) => [c.region, c.ok]).sort()).toEqual([
      [EAST, false],
      [WEST, false],
    ]);
    const f = audits.moto.findings.find((x) => x.policyId === POLICY && x.resource.arn === WIDE);
    expect(f?.status).toBe('error');
    expect(f?.message).toMatch(/ListFindingAggregators/);
  });

  it('reads the aggregator once in its own region and passes the account through it', () => {
    expect(asked.filter((a) => a.command === 'List').map((a) => a.region).sort()).toEqual([EAST, WEST]);
    expect(asked.filter((a) => a.command === 'Get')).toEqual([{ command: 'Get', region: EAST }]);
    const settings = (region: string) => audits.aggregated.snapshot.accountSettings.find((s) => s.region === region)!;
    expect(settings(EAST).data.securityHubAggregators).toEqual([{ region: EAST, linkingMode: 'ALL_REGIONS', regions: [] }]);
    expect(settings(WEST).data.securityHubAggregators).toEqual([]);
    expect(statusAt(audits.aggregated.findings, POLICY, WIDE)).toBe('pass');
  });
});
