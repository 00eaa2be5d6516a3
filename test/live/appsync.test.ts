import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppSyncClient, CreateGraphqlApiCommand } from '@aws-sdk/client-appsync';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { Finding } from '../../checks/engine/types.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/** The apis slice's AppSync collector against moto: a logged GraphQL API and an unlogged one, collected and judged. */
const REGION = 'us-east-1';
let moto: Moto;
let snapshot: Snapshot;
let findings: Finding[];
const seeded: Record<string, string> = {};

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const cfg = { region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  const appsync = new AppSyncClient(cfg);
  const tags = { DataClassification: 'student-data' };
  const logConfig = { fieldLogLevel: 'ERROR' as const, cloudWatchLogsRoleArn: 'arn:aws:iam::123456789012:role/appsync-logs', excludeVerboseContent: true };
  seeded.logged = (await appsync.send(new CreateGraphqlApiCommand({ name: 'sis-graphql', authenticationType: 'AWS_IAM', logConfig, tags }))).graphqlApi!.arn!;
  seeded.unlogged = (await appsync.send(new CreateGraphqlApiCommand({ name: 'roster-graphql', authenticationType: 'API_KEY', tags }))).graphqlApi!.arn!;
  snapshot = await collectSnapshot({ regions: [REGION], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2 });
  findings = evaluateSnapshot(snapshot);
});

afterAll(async () => {
  await moto?.stop();
});

describe('AppSync GraphQL APIs collected from moto', () => {
  it('records both APIs with their logConfig and tags through appsync:ListGraphqlApis only', () => {
    const apis = snapshot.resources.filter((r) => r.type === 'AWS::AppSync::GraphQLApi');
    expect(apis.map((a) => a.arn).sort()).toEqual([seeded.logged, seeded.unlogged].sort());
    expect(apis.find((a) => a.arn === seeded.logged)!.data).toMatchObject({ name: 'sis-graphql', authenticationType: 'AWS_IAM', logConfig: { fieldLogLevel: 'ERROR' }, tags: { DataClassification: 'student-data' } });
    const calls = new Set(snapshot.calls.filter((c) => c.service === 'appsync').map((c) => `${c.operation} ${c.ok}`));
    expect([...calls]).toEqual(['ListGraphqlApis true']);
  });

  it('aws-appsync-graphql-api-logging passes the logged API and fails the unlogged one', () => {
    expect(statusAt(findings, 'aws-appsync-graphql-api-logging', seeded.logged)).toBe('pass');
    expect(statusAt(findings, 'aws-appsync-graphql-api-logging', seeded.unlogged)).toBe('fail');
  });

  it('aws-appsync-graphql-api-not-api-key-auth passes the IAM-authorised API and fails the API-key one', () => {
    expect(statusAt(findings, 'aws-appsync-graphql-api-not-api-key-auth', seeded.logged)).toBe('pass');
    expect(statusAt(findings, 'aws-appsync-graphql-api-not-api-key-auth', seeded.unlogged)).toBe('fail');
  });
});
