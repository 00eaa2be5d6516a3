import { CreateBucketCommand, PutBucketTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../checks/engine/types.js';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import { evaluateSnapshot } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/**
 * Macie classification jobs against moto_server. moto 5 does not implement ListClassificationJobs, so
 * the audit records the failed list, and a student-data bucket it cannot judge is an error, never a
 * pass; a bucket without student data is not judged at all. The verdicts on listed jobs are in the
 * policy's live fixtures.
 */
const EAST = 'us-east-1';
const POLICY = 'aws-macie-job-covers-student-data';

let moto: Moto;
let snapshot: Snapshot;
let findings: Finding[];

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const s3 = new S3Client({ region: EAST, endpoint: moto.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  for (const [bucket, cls] of [['sis-records', 'student-data'], ['sis-site', 'operational']] as const) {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet: [{ Key: 'DataClassification', Value: cls }] } }));
  }
  snapshot = await collectSnapshot({ regions: [EAST], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2 });
  findings = evaluateSnapshot(snapshot).filter((f) => f.policyId === POLICY);
});

afterAll(async () => {
  await moto?.stop();
});

describe('Macie classification jobs against moto', () => {
  it('records the job list moto cannot answer as a failed list of the job type', () => {
    const failed = snapshot.errors.find((e) => e.call === 'macie2:ListClassificationJobs');
    expect(failed, JSON.stringify(snapshot.errors.map((e) => e.call))).toMatchObject({ region: EAST, resourceTypes: ['AWS::Macie::ClassificationJob'] });
    expect(snapshot.resources.filter((r) => r.type === 'AWS::Macie::ClassificationJob')).toHaveLength(0);
  });

  it('judges the student-data bucket as an error naming the failed call, and leaves the other bucket alone', () => {
    const records = findings.filter((f) => f.resource.arn === 'arn:aws:s3:::sis-records');
    expect(records.map((f) => f.status)).toEqual(['error']);
    expect(records[0]!.message).toMatch(/ListClassificationJobs/);
    expect(findings.some((f) => f.resource.arn === 'arn:aws:s3:::sis-site')).toBe(false);
  });
});
