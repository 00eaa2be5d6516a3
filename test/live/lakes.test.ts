import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateDatabaseCommand, CreateTableCommand, GlueClient, PutDataCatalogEncryptionSettingsCommand } from '@aws-sdk/client-glue';
import { CreateNotebookInstanceCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { CreateCollectionCommand, CreateSecurityPolicyCommand, OpenSearchServerlessClient } from '@aws-sdk/client-opensearchserverless';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { Finding } from '../../checks/engine/types.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/**
 * The lakes-apis slice's collectors against moto: each service seeded with a compliant resource and a broken one,
 * collected through the SDK and judged by the catalog.
 */
const REGION = 'us-east-1';
/** Glue: the catalog of REGION is SSE-KMS, the one of OTHER keeps moto's default (DISABLED). */
const OTHER = 'us-west-2';
let moto: Moto;
let snapshot: Snapshot;
let findings: Finding[];
const seeded: Record<string, string> = {};

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const cfg = { region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  const key = (await new KMSClient(cfg).send(new CreateKeyCommand({ Description: 'search' }))).KeyMetadata!;
  const aoss = new OpenSearchServerlessClient(cfg);
  // moto matches a collection to its encryption policy by the exact name only (no `*` patterns), and reads KmsARN even
  // beside AWSOwnedKey true (real AWS accepts it without one; the check fails AWSOwnedKey true either way).
  const rules = (prefix: string) => [{ ResourceType: 'collection', Resource: [`collection/${prefix}-search`] }];
  await aoss.send(new CreateSecurityPolicyCommand({ name: 'grades-enc', type: 'encryption', policy: JSON.stringify({ Rules: rules('grades'), AWSOwnedKey: false, KmsARN: key.Arn }) }));
  await aoss.send(new CreateSecurityPolicyCommand({ name: 'notes-enc', type: 'encryption', policy: JSON.stringify({ Rules: rules('notes'), AWSOwnedKey: true, KmsARN: 'auto' }) }));
  const tags = [{ key: 'DataClassification', value: 'student-data' }];
  seeded.goodCollection = (await aoss.send(new CreateCollectionCommand({ name: 'grades-search', type: 'SEARCH', tags }))).createCollectionDetail!.arn!;
  seeded.badCollection = (await aoss.send(new CreateCollectionCommand({ name: 'notes-search', type: 'SEARCH', tags }))).createCollectionDetail!.arn!;
  // After the collections: moto gives a new collection the key of the last policy naming it, network ones included.
  await aoss.send(new CreateSecurityPolicyCommand({ name: 'grades-net', type: 'network', policy: JSON.stringify([{ Rules: rules('grades'), AllowFromPublic: false, SourceVPCEs: ['vpce-0123456789abcdef0'] }]) }));
  await aoss.send(new CreateSecurityPolicyCommand({ name: 'notes-net', type: 'network', policy: JSON.stringify([{ Rules: rules('notes'), AllowFromPublic: true }]) }));
  const glue = (region: string) => new GlueClient({ ...cfg, region });
  await glue(REGION).send(new PutDataCatalogEncryptionSettingsCommand({ DataCatalogEncryptionSettings: { EncryptionAtRest: { CatalogEncryptionMode: 'SSE-KMS', SseAwsKmsKeyId: key.Arn } } }));
  for (const [region, db] of [[REGION, 'grades'], [OTHER, 'notes']] as const) {
    await glue(region).send(new CreateDatabaseCommand({ DatabaseInput: { Name: db }, Tags: { DataClassification: 'student-data' } }));
    await glue(region).send(new CreateTableCommand({ DatabaseName: db, TableInput: { Name: 'scores', TableType: 'EXTERNAL_TABLE' } }));
  }
  const sagemaker = new SageMakerClient(cfg);
  const notebook = { InstanceType: 'ml.t3.medium' as const, RoleArn: 'arn:aws:iam::123456789012:role/sagemaker-notebooks', Tags: [{ Key: 'DataClassification', Value: 'student-data' }] };
  seeded.goodNotebook = (
    await sagemaker.send(new CreateNotebookInstanceCommand({ ...notebook, NotebookInstanceName: 'analysts-good', KmsKeyId: key.Arn, SubnetId: 'subnet-0123456789abcdef0', SecurityGroupIds: ['sg-0123456789abcdef0'], DirectInternetAccess: 'Disabled', RootAccess: 'Disabled' }))
  ).NotebookInstanceArn!;
  seeded.badNotebook = (await sagemaker.send(new CreateNotebookInstanceCommand({ ...notebook, NotebookInstanceName: 'analysts-bad' }))).NotebookInstanceArn!;
  snapshot = await collectSnapshot({ regions: [REGION, OTHER], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2, now: () => new Date('2026-01-15T12:00:00Z') });
  findings = evaluateSnapshot(snapshot);
});

afterAll(async () => {
  await moto?.stop();
});

const record = (arn: string) => snapshot.resources.find((r) => r.arn === arn)!;

describe('OpenSearch Serverless collections collected from moto', () => {
  it('reads each collection with its details and tags, and each security policy with its document', () => {
    const good = record(seeded.goodCollection!);
    expect(good.type).toBe('AWS::OpenSearchServerless::Collection');
    expect(good.errors).toBeUndefined();
    expect(good.data).toMatchObject({ name: 'grades-search', type: 'SEARCH', tags: { DataClassification: 'student-data' } });
    const policies = snapshot.resources.filter((r) => r.type === 'AWS::OpenSearchServerless::SecurityPolicy');
    expect(policies.map((p) => `${p.data.type}/${p.data.name}`).sort()).toEqual(['encryption/grades-enc', 'encryption/notes-enc', 'network/grades-net', 'network/notes-net']);
    expect(policies.find((p) => p.data.name === 'notes-enc')?.data).toMatchObject({ securityPolicyDetail: { policy: { AWSOwnedKey: true } } });
  });

  it('aws-opensearchserverless-collection-cmk-encrypted: the collection under a customer-managed key passes, the AWS-owned one fails', () => {
    expect(statusAt(findings, 'aws-opensearchserverless-collection-cmk-encrypted', seeded.goodCollection!)).toBe('pass');
    expect(statusAt(findings, 'aws-opensearchserverless-collection-cmk-encrypted', seeded.badCollection!)).toBe('fail');
  });

  it('aws-opensearchserverless-collection-not-publicly-accessible: the collection behind a VPC endpoint passes, the public one fails', () => {
    expect(statusAt(findings, 'aws-opensearchserverless-collection-not-publicly-accessible', seeded.goodCollection!)).toBe('pass');
    expect(statusAt(findings, 'aws-opensearchserverless-collection-not-publicly-accessible', seeded.badCollection!)).toBe('fail');
  });
});

describe('Glue databases and tables collected from moto', () => {
  const arn = (region: string, path: string) => `arn:aws:glue:${region}:123456789012:${path}`;

  it('reads each database with its tags and each of its tables', () => {
    const db = record(arn(REGION, 'database/grades'));
    expect(db.type).toBe('AWS::Glue::Database');
    expect(db.errors).toBeUndefined();
    expect(db.data).toMatchObject({ Name: 'grades', tags: { DataClassification: 'student-data' } });
    expect(record(arn(REGION, 'table/grades/scores')).data).toEqual({ Name: 'scores', DatabaseName: 'grades', CatalogId: '123456789012', TableType: 'EXTERNAL_TABLE' });
  });

  it('aws-glue-catalog-entry-encrypted: entries of the SSE-KMS catalog pass, those of the unencrypted one fail', () => {
    expect(statusAt(findings, 'aws-glue-catalog-entry-encrypted', arn(REGION, 'database/grades'))).toBe('pass');
    expect(statusAt(findings, 'aws-glue-catalog-entry-encrypted', arn(REGION, 'table/grades/scores'))).toBe('pass');
    expect(statusAt(findings, 'aws-glue-catalog-entry-encrypted', arn(OTHER, 'database/notes'))).toBe('fail');
    expect(statusAt(findings, 'aws-glue-catalog-entry-encrypted', arn(OTHER, 'table/notes/scores'))).toBe('fail');
  });
});

describe('SageMaker notebook instances collected from moto', () => {
  it('reads each notebook instance as DescribeNotebookInstance answers it, with its tags', () => {
    const good = record(seeded.goodNotebook!);
    expect(good.type).toBe('AWS::SageMaker::NotebookInstance');
    expect(good.errors).toBeUndefined();
    expect(good.data).toMatchObject({ NotebookInstanceName: 'analysts-good', instance: { DirectInternetAccess: 'Disabled', KmsKeyId: expect.any(String) }, tags: { DataClassification: 'student-data' } });
  });

  it.each(['aws-sagemaker-notebook-cmk-encrypted', 'aws-sagemaker-notebook-no-direct-internet-egress'])('%s: the VPC-only notebook under the customer key passes, the default one fails', (policy) => {
    expect(statusAt(findings, policy, seeded.goodNotebook!)).toBe('pass');
    expect(statusAt(findings, policy, seeded.badNotebook!)).toBe('fail');
  });
});
