import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { Finding } from '../../checks/engine/types.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/** SNS topic policies as the collector reads them (Attributes.Policy) from moto: a guarded topic, an open one, and one on AWS's default policy. */
let moto: Moto;
let snapshot: Snapshot;
let findings: Finding[];
const topics: Record<'guarded' | 'open' | 'plain', string> = { guarded: '', open: '', plain: '' };

const arnOf = (name: string) => `arn:aws:sns:us-east-1:123456789012:${name}`;
const guarded = (arn: string) => ({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'EventBridgePublishes', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish', Resource: arn, Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:events:us-east-1:123456789012:rule/findings' } } },
    { Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sns:Publish', Resource: arn, Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
  ],
});
const open = (arn: string) => ({ Version: '2012-10-17', Statement: [{ Sid: 'AnyoneSubscribes', Effect: 'Allow', Principal: { AWS: '*' }, Action: ['sns:Subscribe', 'sns:Receive'], Resource: arn }] });

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const sns = new SNSClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  const make = async (name: string, policy?: object) => (await sns.send(new CreateTopicCommand({ Name: name, Attributes: policy ? { Policy: JSON.stringify(policy) } : {} }))).TopicArn!;
  topics.guarded = await make('alerts', guarded(arnOf('alerts')));
  topics.open = await make('vendor-feed', open(arnOf('vendor-feed')));
  topics.plain = await make('notices');
  snapshot = await collectSnapshot({ regions: ['us-east-1'], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2 });
  findings = evaluateSnapshot(snapshot);
});

afterAll(async () => {
  await moto?.stop();
});

describe('SNS topic policies collected from moto', () => {
  it('keeps each topic policy as GetTopicAttributes returns it (moto gives a topic without one the default owner-only policy)', () => {
    const policyOf = (arn: string) => JSON.parse((snapshot.resources.find((r) => r.arn === arn)!.data.Attributes as { Policy: string }).Policy) as { Statement: Array<{ Sid?: string }> };
    expect(policyOf(topics.guarded).Statement.map((s) => s.Sid)).toEqual(['EventBridgePublishes', 'DenyInsecureTransport']);
    expect(policyOf(topics.plain).Statement[0]!.Sid).toBe('__default_statement_ID');
  });

  it('aws-sns-topic-no-public-policy fails the topic anyone may subscribe to and passes the guarded and the default-policy topics', () => {
    expect(statusAt(findings, 'aws-sns-topic-no-public-policy', topics.open)).toBe('fail');
    expect(statusAt(findings, 'aws-sns-topic-no-public-policy', topics.guarded)).toBe('pass');
    expect(statusAt(findings, 'aws-sns-topic-no-public-policy', topics.plain)).toBe('pass');
  });

  it('aws-sns-topic-tls-only-policy passes only the topic that denies publishing without TLS', () => {
    expect(statusAt(findings, 'aws-sns-topic-tls-only-policy', topics.guarded)).toBe('pass');
    expect(statusAt(findings, 'aws-sns-topic-tls-only-policy', topics.open)).toBe('fail');
    expect(statusAt(findings, 'aws-sns-topic-tls-only-policy', topics.plain)).toBe('fail');
  });
});
