import { describe, expect, it } from 'vitest';
import { criteriaFromApi, criteriaFromTerraform, type MacieBucketCriteria } from '../../checks/model/macie-criteria.js';
import { isUnknown, UNKNOWN } from '../../checks/model/value.js';
import { criteriaSelect, type BucketFacts } from '../../checks/rules/lib/macie-criteria.js';
import { model, rec, verdicts } from '../helpers/policy-tester.js';

/** Which buckets a Macie job's bucket criteria select (checks/rules/lib/macie-criteria.ts), and their two spellings. */
const POLICY = 'aws-macie-job-covers-student-data';
const tagged: BucketFacts = { name: 'sis-records', account: '111122223333', tags: { DataClassification: 'student-data', Team: 'sis' } };
const byTag = (comparator = 'EQ', key: string | null = 'DataClassification', value: string | null = 'student-data') => ({ comparator, tags: [{ key, value }] });
const byName = (values: string[], comparator = 'EQ') => ({ property: 'S3_BUCKET_NAME', comparator, values });

describe('criteriaSelect', () => {
  it('selects by tag pair, by tag key alone, and by name (values joined by OR)', () => {
    expect(criteriaSelect({ includes: [byTag()], excludes: null }, tagged)).toBe('true');
    expect(criteriaSelect({ includes: [byTag('EQ', 'Team', null)], excludes: null }, tagged)).toBe('true');
    expect(criteriaSelect({ includes: [byTag('EQ', 'DataClassification', 'pii')], excludes: null }, tagged)).toBe('false');
    expect(criteriaSelect({ includes: [byName(['other', 'sis-records'])], excludes: null }, tagged)).toBe('true');
    expect(criteriaSelect({ includes: [byName(['sis-records'], 'NE')], excludes: null }, tagged)).toBe('false');
  });

  it('joins the conditions of a block by AND, and lets excludes win', () => {
    expect(criteriaSelect({ includes: [byTag(), byName(['other'])], excludes: null }, tagged)).toBe('false');
    expect(criteriaSelect({ includes: [byTag()], excludes: [byName(['sis-records'])] }, tagged)).toBe('false');
    expect(criteriaSelect({ includes: null, excludes: [byName(['other'])] }, tagged)).toBe('true');
  });

  it('is unknown where only Macie knows (effective permission, shared access, other comparators) or the input does not', () => {
    const perm = { property: 'S3_BUCKET_EFFECTIVE_PERMISSION', comparator: 'EQ', values: ['NOT_PUBLIC'] };
    expect(criteriaSelect({ includes: [byTag(), perm], excludes: null }, tagged)).toBe('unknown');
    expect(criteriaSelect({ includes: [{ ...byName(['sis']), comparator: 'STARTS_WITH' }], excludes: null }, tagged)).toBe('unknown');
    expect(criteriaSelect({ includes: [byTag()], excludes: null }, { ...tagged, tags: undefined })).toBe('unknown');
    expect(criteriaSelect({ includes: [{ property: 'ACCOUNT_ID', comparator: 'EQ', values: ['111122223333'] }], excludes: null }, { ...tagged, account: undefined })).toBe('unknown');
    // a tag value known only after apply may match; a known match decides
    const partial = { ...tagged, tags: { Team: 'sis' }, tagsPartial: true };
    expect(criteriaSelect({ includes: [byTag()], excludes: null }, partial)).toBe('unknown');
    expect(criteriaSelect({ includes: [byTag('NE')], excludes: null }, partial)).toBe('unknown');
    expect(criteriaSelect({ includes: [byTag('EQ', 'Team', 'sis')], excludes: null }, partial)).toBe('true');
    // a false condition decides whatever else is unknown, on either side
    expect(criteriaSelect({ includes: [perm, byName(['other'])], excludes: null }, tagged)).toBe('false');
    expect(criteriaSelect({ includes: [byTag()], excludes: [perm, byName(['sis-records'])] }, { ...tagged })).toBe('unknown');
  });
});

describe('criteria spellings', () => {
  const expected: MacieBucketCriteria = { includes: [byTag()], excludes: [byName(['sis-site'])] };

  it('reads Terraform blocks and the API object into one shape', () => {
    const tf = [{ includes: [{ and: [{ simple_criterion: [], tag_criterion: [{ comparator: 'EQ', tag_values: [{ key: 'DataClassification', value: 'student-data' }] }] }] }], excludes: [{ and: [{ simple_criterion: [{ comparator: 'EQ', key: 'S3_BUCKET_NAME', values: ['sis-site'] }] }] }] }];
    expect(criteriaFromTerraform(tf)).toEqual(expected);
    const api = { includes: { and: [{ tagCriterion: { comparator: 'EQ', tagValues: [{ key: 'DataClassification', value: 'student-data' }] } }] }, excludes: { and: [{ simpleCriterion: { comparator: 'EQ', key: 'S3_BUCKET_NAME', values: ['sis-site'] } }] } };
    expect(criteriaFromApi(api)).toEqual(expected);
  });

  it('has no criteria for an empty block, and unknown criteria for any piece known only after apply', () => {
    expect(criteriaFromTerraform([])).toBeUndefined();
    expect(criteriaFromApi({})).toBeUndefined();
    expect(isUnknown(criteriaFromTerraform([{ includes: [{ and: [{ simple_criterion: [{ comparator: 'EQ', key: 'S3_BUCKET_NAME', values: [UNKNOWN] }] }] }] }]))).toBe(true);
    expect(isUnknown(criteriaFromTerraform(UNKNOWN))).toBe(true);
    expect(isUnknown(criteriaFromTerraform([UNKNOWN]))).toBe(true);
    expect(isUnknown(criteriaFromTerraform([{ includes: [UNKNOWN] }]))).toBe(true);
  });

  it('refuses shapes neither Terraform nor the API writes (a TypeError the adapters report as a misshapen input), instead of reading them as no condition', () => {
    const tfCases: unknown[] = [
      'criteria',
      [null],
      [{ includes: [null] }],
      [{ includes: [{ and: 5 }] }],
      [{ includes: [{ and: [{ simple_criterion: ['S3_BUCKET_NAME'] }] }] }],
      [{ includes: [{ and: [{ simple_criterion: [{ comparator: 'EQ', key: 'S3_BUCKET_NAME', values: 'sis-site' }] }] }] }],
      [{ includes: [{ and: [{ simple_criterion: [{ comparator: 'EQ', key: 'S3_BUCKET_NAME', values: [{}] }] }] }] }],
      [{ excludes: [{ and: [{ tag_criterion: [{ comparator: 'EQ', tag_values: [{ key: {}, value: 'x' }] }] }] }] }],
      [{ excludes: [{ and: [{ tag_criterion: [{ comparator: 'EQ', tag_values: [null] }] }] }] }],
    ];
    for (const raw of tfCases) expect(() => criteriaFromTerraform(raw), JSON.stringify(raw)).toThrow(TypeError);
    // the API writes each condition as one object: a list there is not its shape
    expect(() => criteriaFromApi({ excludes: { and: [{ simpleCriterion: [{ comparator: 'EQ', key: 'S3_BUCKET_NAME', values: ['sis-site'] }] }] } })).toThrow(TypeError);
    expect(() => criteriaFromApi('criteria')).toThrow(TypeError);
    // an account id written as a number in HCL is text to the provider
    expect(criteriaFromTerraform([{ includes: [{ and: [{ simple_criterion: [{ comparator: 'EQ', key: 'ACCOUNT_ID', values: [111122223333] }] }] }] }])).toEqual({
      includes: [{ property: 'ACCOUNT_ID', comparator: 'EQ', values: ['111122223333'] }],
      excludes: null,
    });
  });

  it('leaves a block without conditions unknown on either side (what Macie selects by it is not documented)', () => {
    const empty = criteriaFromTerraform([{ includes: [{ and: [] }] }]) as MacieBucketCriteria;
    expect(empty).toEqual({ includes: [], excludes: null });
    expect(criteriaSelect(empty, tagged)).toBe('unknown');
    expect(criteriaSelect({ includes: [byTag()], excludes: [] }, tagged)).toBe('unknown');
    // a false include still decides
    expect(criteriaSelect({ includes: [byName(['other'])], excludes: [] }, tagged)).toBe('false');
  });
});

describe(`${POLICY} over criteria jobs`, () => {
  const bucket = (name: string, tags: Record<string, unknown>) => rec(`aws_s3_bucket.${name}`, { bucket: name, tags }, { configured: null });
  const job = (criteria: unknown[]) =>
    rec('aws_macie2_classification_job.tagged', { name: 'tagged', job_type: 'SCHEDULED', job_status: 'RUNNING', s3_job_definition: [{ bucket_definitions: [], bucket_criteria: criteria }] }, { configured: null });
  const includesTag = [{ includes: [{ and: [{ tag_criterion: [{ comparator: 'EQ', tag_values: [{ key: 'DataClassification', value: 'student-data' }] }] }] }] }];

  it('passes a bucket the criteria select (another tag known only after apply does not matter) and fails one they rule out', () => {
    const m = model([
      bucket('records', { DataClassification: 'student-data' }),
      bucket('later', { DataClassification: 'student-data', Owner: UNKNOWN }),
      bucket('pii', { DataClassification: 'pii' }),
      job(includesTag),
    ]);
    expect(verdicts(POLICY, m)).toEqual({ 'aws_s3_bucket.records': 'pass', 'aws_s3_bucket.later': 'pass', 'aws_s3_bucket.pii': 'fail' });
  });

  it('stays unknown when the criteria need what only Macie computes', () => {
    const perm = [{ includes: [{ and: [{ simple_criterion: [{ comparator: 'EQ', key: 'S3_BUCKET_SHARED_ACCESS', values: ['NOT_SHARED'] }] }] }] }];
    expect(verdicts(POLICY, [bucket('records', { DataClassification: 'student-data' }), job(perm)])).toEqual({ 'aws_s3_bucket.records': 'unknown' });
  });
});
