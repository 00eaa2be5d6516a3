import { describe, expect, it } from 'vitest';
import { expandCompactLive } from '../../../checks/authoring/live-fixture.js';
import { UNKNOWN } from '../../../checks/model/value.js';
import { doc, evaluateSnapshot, findingsByPlace, get, model, rec, statusAt, verdicts } from '../../helpers/policy-tester.js';
import { scanText } from '../../helpers/scan-file.js';

// aws-s3-access-point-not-public: an S3 access point's own policy letting Principal "*" read the bucket's objects is a
// public door to the records the bucket policy check never sees; before, nothing modelled access points.
const POLICY = 'aws-s3-access-point-not-public';
const AP = 'aws_s3_access_point.reports';
const AP_ARN = 'arn:aws:s3:us-east-1:111122223333:accesspoint/sis-reports';
const PUBLIC = { Sid: 'Anyone', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${AP_ARN}/object/*` };
const ACCOUNT_ONLY = { Sid: 'App', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/sis-app' }, Action: 's3:GetObject', Resource: `${AP_ARN}/object/*` };

const judged = async (text: string) => (await scanText('main.tf', text)).filter((f) => f.policyId === POLICY).map((f) => [f.resource.address, f.status, f.message, f.evidence] as const);

const hcl = (opts: { inline?: string; standalone?: string; vpc?: boolean; extra?: string }) => `provider "aws" {
  region = "us-east-1"
}
variable "unknown" {
  type = string
}
resource "aws_s3_bucket" "records" {
  bucket = "lincoln-usd-student-records"
  tags   = { DataClassification = "student-data" }
}
resource "aws_s3_access_point" "reports" {
  bucket = aws_s3_bucket.records.id
  name   = "sis-reports"
${opts.vpc ? '  vpc_configuration {\n    vpc_id = "vpc-0a1b2c3d4e5f60718"\n  }\n' : ''}${opts.inline ? `  policy = ${opts.inline}\n` : ''}}
${opts.standalone ? `resource "aws_s3control_access_point_policy" "reports" {\n  access_point_arn = aws_s3_access_point.reports.arn\n  policy           = ${opts.standalone}\n}\n` : ''}${opts.extra ?? ''}`;

// JSON is an HCL object constructor too (`"key": value`)
const json = (st: unknown) => `jsonencode(${JSON.stringify({ Version: '2012-10-17', Statement: [st] })})`;

describe('aws-s3-access-point-not-public in HCL', () => {
  it('fails an inline policy that allows Principal "*", naming the statement', async () => {
    const [[address, status, message]] = await judged(hcl({ inline: json(PUBLIC) }));
    expect([address, status]).toEqual([AP, 'fail']);
    expect(message).toMatch(/statement "Anyone" allows Principal "\*" without a condition restricting the caller/);
  });

  it('a separate aws_s3control_access_point_policy replaces the inline policy, whichever way it goes', async () => {
    expect((await judged(hcl({ inline: json(ACCOUNT_ONLY), standalone: json(PUBLIC) })))[0]![1]).toBe('fail');
    expect((await judged(hcl({ inline: json(PUBLIC), standalone: json(ACCOUNT_ONLY) })))[0]![1]).toBe('pass');
    // the facet merges into its access point: one finding, at the access point
    expect((await judged(hcl({ standalone: json(PUBLIC) }))).map(([a, s]) => [a, s])).toEqual([[AP, 'fail']]);
  });

  it('no policy passes (AWS grants nothing through the access point); "{}" is no policy', async () => {
    const [[, status, , evidence]] = await judged(hcl({}));
    expect(status).toBe('pass');
    expect(evidence).toEqual({ policy: null });
    expect((await judged(hcl({ inline: '"{}"' })))[0]![1]).toBe('pass');
  });

  it('a policy known only after apply is unknown, never "no policy"; known statements of partly known JSON are judged', async () => {
    expect((await judged(hcl({ inline: 'var.unknown' })))[0]![1]).toBe('unknown');
    expect((await judged(hcl({ standalone: 'var.unknown' })))[0]![1]).toBe('unknown');
    const partial = json({ ...PUBLIC, Resource: '${var.unknown}/object/*' });
    expect((await judged(hcl({ inline: partial })))[0]![1]).toBe('fail');
  });

  it('judges the statements of a referenced aws_iam_policy_document', async () => {
    const document = `data "aws_iam_policy_document" "reports" {
  statement {
    effect    = "Allow"
    actions   = ["s3:GetObject"]
    resources = ["${AP_ARN}/object/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}
`;
    expect((await judged(hcl({ inline: 'data.aws_iam_policy_document.reports.json', extra: document })))[0]![1]).toBe('fail');
    expect((await judged(hcl({ standalone: 'data.aws_iam_policy_document.reports.json', extra: document })))[0]![1]).toBe('fail');
  });

  it('a VPC-origin access point passes whatever its policy (S3 admits only requests from its VPC)', async () => {
    const [[, status, , evidence]] = await judged(hcl({ vpc: true, inline: json(PUBLIC) }));
    expect(status).toBe('pass');
    expect(evidence).toEqual({ networkOrigin: 'VPC' });
  });
});

describe('aws-s3-access-point-not-public in a plan', () => {
  const bucket = rec('aws_s3_bucket.records', { bucket: 'lincoln-usd-student-records', tags: { DataClassification: 'student-data' }, id: UNKNOWN, arn: UNKNOWN, policy: UNKNOWN }, { configured: ['bucket', 'tags'] });
  const ref = { bucket: ['aws_s3_bucket.records.id', 'aws_s3_bucket.records'] };
  const ap = (values: Record<string, unknown>, configured: string[]) =>
    rec(AP, { name: 'sis-reports', bucket: UNKNOWN, arn: UNKNOWN, id: UNKNOWN, account_id: UNKNOWN, network_origin: UNKNOWN, vpc_configuration: [], ...values }, { references: ref, configured: ['name', 'bucket', ...configured] });
  const standalone = (policy: unknown) =>
    rec('aws_s3control_access_point_policy.reports', { policy, access_point_arn: UNKNOWN, id: UNKNOWN }, { references: { access_point_arn: [`${AP}.arn`, AP] }, configured: ['policy', 'access_point_arn'] });

  it('an unconfigured policy the plan shows as known after apply is no policy (Optional+Computed), unless a standalone one sets it', () => {
    expect(verdicts(POLICY, model([bucket, ap({ policy: UNKNOWN }, [])]))[AP]).toBe('pass');
    expect(verdicts(POLICY, model([bucket, ap({ policy: UNKNOWN }, []), standalone(doc(PUBLIC))]))[AP]).toBe('fail');
    expect(verdicts(POLICY, model([bucket, ap({ policy: UNKNOWN }, []), standalone(UNKNOWN)]))[AP]).toBe('unknown');
  });

  it('a configured policy known only after apply is unknown', () => {
    const f = findingsByPlace(POLICY, model([bucket, ap({ policy: UNKNOWN }, ['policy'])])).get(AP)!;
    expect(f.status).toBe('unknown');
    expect(f.message).toMatch(/known only after apply/);
  });

  it('a vpc_configuration known only after apply (a dynamic block) leaves a public policy unknown', () => {
    expect(verdicts(POLICY, model([bucket, ap({ policy: doc(PUBLIC), vpc_configuration: UNKNOWN }, ['policy', 'vpc_configuration'])]))[AP]).toBe('unknown');
    expect(verdicts(POLICY, model([bucket, ap({ policy: doc(ACCOUNT_ONLY), vpc_configuration: UNKNOWN }, ['policy', 'vpc_configuration'])]))[AP]).toBe('pass');
  });

  it('takes the classification of its bucket, and the link to it', () => {
    const m = model([bucket, ap({ policy: doc(ACCOUNT_ONLY) }, ['policy'])]);
    const r = get(m, AP);
    expect(r.links.bucket).toEqual(['aws_s3_bucket.records']);
    expect(r.attrs.dataClass?.value).toBe('student-data');
    expect(r.attrs.networkOrigin?.value).toBe('Internet');
  });
});

describe('aws-s3-access-point-not-public live', () => {
  const snapshot = (records: Array<Record<string, unknown>>, errors: unknown[] = []) =>
    expandCompactLive({ account: '111122223333', regions: ['us-east-1'], resources: { 'AWS::S3::AccessPoint': records }, errors } as never, 'test');
  const point = (data: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    arn: AP_ARN,
    data: { Name: 'sis-reports', NetworkOrigin: 'Internet', Bucket: 'lincoln-usd-student-records', AccessPointArn: AP_ARN, ...data },
    ...extra,
  });
  const status = (s: ReturnType<typeof snapshot>) => statusAt(evaluateSnapshot(s, 'snapshot.json', [POLICY]), POLICY, AP_ARN);

  it('judges the policy it read: fail, pass, and pass for none (NoSuchAccessPointPolicy) or a VPC origin', () => {
    expect(status(snapshot([point({ policy: JSON.parse(doc(PUBLIC)) })]))).toBe('fail');
    expect(status(snapshot([point({ policy: JSON.parse(doc(ACCOUNT_ONLY)) })]))).toBe('pass');
    expect(status(snapshot([point({ policy: null })]))).toBe('pass');
    expect(status(snapshot([point({ policy: JSON.parse(doc(PUBLIC)), NetworkOrigin: 'VPC', VpcConfiguration: { VpcId: 'vpc-0a1b2c3d4e5f60718' } })]))).toBe('pass');
  });

  it('a policy that could not be read is an error, one never read unknown: neither passes', () => {
    const denied = { code: 'AccessDenied', message: 'not authorized', call: 's3:GetAccessPointPolicy' };
    expect(status(snapshot([point({}, { errors: { policy: denied } })]))).toBe('error');
    expect(status(snapshot([point({})]))).toBe('unknown');
  });

  it('a failed list is an error for the region, never a pass', () => {
    const listError = { service: 's3', region: 'us-east-1', code: 'AccessDenied', message: 'not authorized', call: 's3:ListAccessPoints', resourceTypes: ['AWS::S3::AccessPoint'] };
    const found = evaluateSnapshot(snapshot([], [listError]), 'snapshot.json', [POLICY]).filter((f) => f.policyId === POLICY);
    expect(found.map((f) => f.status)).toEqual(['error']);
    expect(found[0]!.message).toMatch(/s3:ListAccessPoints failed \(AccessDenied\)/);
  });
});
