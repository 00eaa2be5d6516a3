import { EMRClient, RunJobFlowCommand, TerminateJobFlowsCommand } from '@aws-sdk/client-emr';
import { CreateStreamCommand, KinesisVideoClient } from '@aws-sdk/client-kinesis-video';
import { CreateTableBucketCommand, S3TablesClient } from '@aws-sdk/client-s3tables';
import { CreateDbInstanceCommand, TimestreamInfluxDBClient } from '@aws-sdk/client-timestream-influxdb';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultProfile } from '../../checks/engine/config.js';
import type { Results } from '../../checks/engine/types.js';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { scanPaths } from '../../checks/pipeline/scan.js';
import { collectSnapshot, serializeSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { ClientHook } from '../../checks/sources/live/collect/context.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/**
 * Data stores the model does not know yet, read from a live account (moto_server on loopback). Before, a live audit
 * never listed them: an account keeping student records in an EMR cluster or a Timestream for InfluxDB database was
 * reported with every data store evaluated. Now each is listed with its tags, is an `unknown` of
 * aws-data-store-evaluated (which gates the exit status), and has its classification judged; a type whose list
 * fails (moto implements neither Lightsail, Neptune Analytics, Kendra, DSQL's ListClusters, QuickSight's ListDataSets
 * nor SageMaker's ListFeatureGroups) is an `error` store in its place. (moto's Bedrock knowledge bases carry dates the
 * SDK rejects, so none is seeded: the empty list is read.)
 */
const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
let moto: Moto;
let snapshot: Snapshot;
let results: Results;
const arns: Record<string, string> = {};

async function seed(endpoint: string): Promise<void> {
  const cfg = { region: REGION, endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  const emr = new EMRClient(cfg);
  const jobFlow = (name: string, tags: Array<{ Key: string; Value: string }>) =>
    emr.send(new RunJobFlowCommand({ Name: name, ReleaseLabel: 'emr-7.1.0', Instances: { MasterInstanceType: 'm5.xlarge', InstanceCount: 1, KeepJobFlowAliveWhenNoSteps: true }, JobFlowRole: 'EMR_EC2_DefaultRole', ServiceRole: 'EMR_DefaultRole', Tags: tags }));
  const running = await jobFlow('attendance-etl', [{ Key: 'DataClassification', Value: 'student-data' }]);
  arns.emr = running.ClusterArn!;
  const gone = await jobFlow('old-etl', [{ Key: 'DataClassification', Value: 'student-data' }]);
  await emr.send(new TerminateJobFlowsCommand({ JobFlowIds: [gone.JobFlowId!] }));
  arns.emrGone = gone.ClusterArn!;
  const tables = await new S3TablesClient(cfg).send(new CreateTableBucketCommand({ name: 'lake-untagged' }));
  arns.tableBucket = tables.arn!;
  const influx = await new TimestreamInfluxDBClient(cfg).send(
    new CreateDbInstanceCommand({ name: 'logins', password: 'seed-only-influx-1', dbInstanceType: 'db.influx.medium', vpcSubnetIds: ['subnet-1'], vpcSecurityGroupIds: ['sg-1'], allocatedStorage: 20, tags: { DataClassification: 'student-data' } }),
  );
  arns.influx = influx.arn!;
  const video = await new KinesisVideoClient(cfg).send(new CreateStreamCommand({ StreamName: 'classroom-7', DataRetentionInHours: 24 }));
  arns.video = video.StreamARN!;
}

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  await seed(moto.endpoint);
  snapshot = await collectSnapshot({ regions: [REGION], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 1, now: () => new Date('2026-12-01T12:00:00Z') });
  const dir = mkdtempSync(join(tmpdir(), 'ferpa-unmodelled-'));
  const file = join(dir, 'snapshot.json');
  writeFileSync(file, serializeSnapshot(snapshot));
  ({ results } = await scanPaths([file], { config: { profile: defaultProfile(), policyDirs: [], disable: [], waivers: [], attestations: [] }, catalog: loadCatalog(), now: new Date('2026-12-01T12:00:00Z'), cwd: dir }));
}, 180_000);

afterAll(async () => {
  await moto?.stop();
});

const status = (policy: string, arn: string) => results.findings.find((f) => f.policyId === policy && f.resource.arn === arn)?.status;

describe('a live audit lists the data stores the model does not know', () => {
  it('reads each with its tags, and leaves out an EMR cluster that no longer runs', () => {
    const byArn = new Map(snapshot.resources.map((r) => [r.arn, r]));
    expect(byArn.get(arns.emr!)).toMatchObject({ type: 'AWS::EMR::Cluster', data: { name: 'attendance-etl', tags: { DataClassification: 'student-data' } } });
    expect(byArn.has(arns.emrGone!)).toBe(false);
    expect(byArn.get(arns.tableBucket!)).toMatchObject({ type: 'AWS::S3Tables::TableBucket', data: { name: 'lake-untagged' } });
    expect(byArn.get(arns.influx!)).toMatchObject({ type: 'AWS::Timestream::InfluxDBInstance', data: { name: 'logins', tags: { DataClassification: 'student-data' } } });
    expect(byArn.get(arns.video!)).toMatchObject({ type: 'AWS::KinesisVideo::Stream', data: { name: 'classroom-7' } });
    // nothing but names, states and tags: the seed's password never reaches the snapshot
    expect(JSON.stringify(snapshot)).not.toContain('seed-only-influx-1');
  });

  it('calls each an unknown of aws-data-store-evaluated, and judges its classification', () => {
    for (const arn of [arns.emr!, arns.tableBucket!, arns.influx!, arns.video!]) expect(status('aws-data-store-evaluated', arn), arn).toBe('unknown');
    // kinesisvideo tags: moto does not implement ListTagsForStream
    expect(status('aws-data-store-classified', arns.video!)).toBe('error');
    expect(status('aws-data-store-classified', arns.emr!)).toBe('pass');
    expect(status('aws-data-store-classified', arns.influx!)).toBe('pass');
    // s3tables tags: moto does not implement ListTagsForResource, so the classification could not be read
    expect(status('aws-data-store-classified', arns.tableBucket!)).toBe('error');
    const rows = new Map(results.coverage!.inputs[0]!.resources.map((r) => [r.resource, r]));
    expect(rows.get(arns.emr!)).toMatchObject({ type: 'AWS::EMR::Cluster', reason: 'unmodelled', dataStore: 'compute' });
  });

  it('puts an error store in place of each type whose list failed, never silence', () => {
    const failed = ['lightsail:GetRelationalDatabases', 'lightsail:GetBuckets', 'lightsail:GetInstances', 'neptune-graph:ListGraphs', 'dsql:ListClusters', 'quicksight:ListDataSets', 'kendra:ListIndices', 'sagemaker:ListFeatureGroups'];
    for (const call of failed) expect(snapshot.errors.map((e) => e.call), call).toContain(call);
    for (const type of ['AWS::Lightsail::Database', 'AWS::Lightsail::Bucket', 'AWS::Lightsail::Instance', 'AWS::NeptuneGraph::Graph', 'AWS::DSQL::Cluster', 'AWS::QuickSight::DataSet', 'AWS::Kendra::Index', 'AWS::SageMaker::FeatureGroup']) {
      const stand = `arn:aws:unlisted:${REGION}:${ACCOUNT}:${type}`;
      const f = results.findings.find((x) => x.policyId === 'aws-data-store-evaluated' && x.resource.arn === stand);
      expect(f?.status, type).toBe('error');
      expect(f?.message).toContain('could not be listed');
    }
    expect(results.summary.error).toBeGreaterThan(0);
  });
});

describe('a service not offered in an audited Region', () => {
  // What a client meets where AWS does not offer the service: its regional endpoint has no DNS name.
  const noEndpoint: ClientHook = (client, { service, region }) => {
    if (service !== 'dsql' && service !== 'lightsail') return;
    client.middlewareStack.add(
      () => async () => {
        const host = `${service}.${region}.amazonaws.com`;
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND', hostname: host });
      },
      { step: 'finalizeRequest', name: 'noSuchEndpoint', priority: 'low' },
    );
  };

  it('has nothing there: no error store, the call recorded as an answer, and a note naming it', async () => {
    const s = await collectSnapshot({ regions: [REGION], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 1, clientHooks: [noEndpoint], now: () => new Date('2026-12-01T12:00:00Z') });
    expect(s.calls.filter((c) => c.service === 'dsql' || c.service === 'lightsail').map((c) => [c.operation, c.ok, c.code]).sort()).toEqual([
      ['GetBuckets', true, 'ServiceNotInRegion'],
      ['GetInstances', true, 'ServiceNotInRegion'],
      ['GetRelationalDatabases', true, 'ServiceNotInRegion'],
      ['ListClusters', true, 'ServiceNotInRegion'],
    ]);
    expect(s.errors.filter((e) => e.service === 'dsql' || e.service === 'lightsail')).toEqual([]);
    expect(s.notes?.join(' ')).toMatch(/not offered in every audited Region .*: dsql \(us-east-1\); lightsail \(us-east-1\)/);
    // the other services of the Region still fail where moto does not implement them
    expect(s.errors.map((e) => e.call)).toContain('neptune-graph:ListGraphs');
  }, 120_000);
});
