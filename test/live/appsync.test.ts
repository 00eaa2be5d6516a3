import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppSyncClient, CreateApiCacheCommand, CreateGraphqlApiCommand } from '@aws-sdk/client-appsync';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { Finding } from '../../checks/engine/types.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/**
 * The apis slice's AppSync collector against moto: a logged GraphQL API and an unlogged one, collected and judged; the
 * logged one caches resolver results without at-rest encryption, the other has no cache.
 */
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
  const apiId = seeded.logged.split('/').pop()!;
  await appsync.send(new CreateApiCacheCommand({ apiId, ttl: 300, apiCachingBehavior: 'FULL_REQUEST_CACHING', type: 'SMALL', atRestEncryptionEnabled: false, transitEncryptionEnabled: true }));
  snapshot = await collectSnapshot({ regions: [REGION], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2 });
  findings = evaluateSnapshot(snapshot);
});

afterAll(async () => {
  await moto?.stop();
});

describe('AppSync GraphQL APIs collected from moto', () => {
  it('records both APIs with their logConfig and tags through appsync:ListGraphqlApis, and each cache through GetApiCache', () => {
    const apis = snapshot.resources.filter((r) => r.type === 'AWS::AppSync::GraphQLApi');
    expect(apis.map((a) => a.arn).sort()).toEqual([seeded.logged, seeded.unlogged].sort());
    expect(apis.find((a) => a.arn === seeded.logged)!.data).toMatchObject({ name: 'sis-graphql', authenticationType: 'AWS_IAM', logConfig: { fieldLogLevel: 'ERROR' }, tags: { DataClassification: 'student-data' } });
    const calls = new Set(snapshot.calls.filter((c) => c.service === 'appsync').map((c) => `${c.operation} ${c.ok}`));
    // the API without a cache answers NotFoundException: no cache, not a failed read
    expect([...calls].sort()).toEqual(['GetApiCache true', 'ListGraphqlApis true']);
    expect(apis.find((a) => a.arn === seeded.unlogged)!.data.apiCache).toBeNull();
    expect(apis.find((a) => a.arn === seeded.unlogged)!.errors).toBeUndefined();
  });

  it('aws-appsync-api-cache-encrypted fails the cache without at-rest encryption and does not judge the API without a cache', () => {
    expect(statusAt(findings, 'aws-appsync-api-cache-encrypted', seeded.logged)).toBe('fail');
    expect(findings.some((f) => f.policyId === 'aws-appsync-api-cache-encrypted' && f.resource.arn === seeded.unlogged)).toBe(false);
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
