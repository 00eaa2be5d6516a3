import { describe, expect, it } from 'vitest';
import { UNKNOWN } from '../../../checks/model/value.js';
import { model, rec, verdicts } from '../../helpers/policy-tester.js';
import { scanText } from '../../helpers/scan-file.js';

// A key policy written as its own aws_kms_key_policy resource: before, the key's own `policy` was unset, so the key
// looked like it kept AWS's default policy (the account root only) and passed, whatever the separate policy allowed.
const POLICY = 'aws-kms-key-policy-no-wildcard-principal';
const statement = (principal: string, condition = '') =>
  `{ Sid = "Use", Effect = "Allow", Principal = ${principal}, Action = ["kms:Decrypt"], Resource = "*"${condition} }`;
const stack = (principal: string, condition = '') => `resource "aws_kms_key" "records" {
  description         = "student records"
  enable_key_rotation = true
}

resource "aws_kms_key_policy" "records" {
  key_id = aws_kms_key.records.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [${statement(principal, condition)}]
  })
}
`;
const statuses = async (text: string) => Object.fromEntries((await scanText('main.tf', text)).filter((f) => f.policyId === POLICY).map((f) => [f.resource.address, f]));

describe('aws_kms_key_policy in HCL', () => {
  it('fails a wildcard principal written in a separate key policy, and points at that policy', async () => {
    const got = await statuses(stack('"*"'));
    expect(Object.keys(got)).toEqual(['aws_kms_key.records']);
    expect(got['aws_kms_key.records']!.status).toBe('fail');
    expect(got['aws_kms_key.records']!.resource.line).toBe(8); // the policy argument of aws_kms_key_policy
  });

  it('passes a separate key policy that names the account', async () => {
    expect((await statuses(stack('{ AWS = "arn:aws:iam::111122223333:root" }')))['aws_kms_key.records']!.status).toBe('pass');
  });
});

describe('aws_kms_key_policy in a plan', () => {
  const K = 'aws_kms_key.records';
  const key = rec(K, { description: 'student records', enable_key_rotation: true, key_id: UNKNOWN, policy: UNKNOWN }, { configured: ['description', 'enable_key_rotation'] });
  const separate = (doc: unknown) => rec('aws_kms_key_policy.records', { key_id: UNKNOWN, policy: JSON.stringify(doc) }, { references: { key_id: [K] } });
  const allow = (Principal: unknown) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal, Action: 'kms:*', Resource: '*' }] });

  it('judges the key by its separate policy, not by the default it would have without one', () => {
    expect(verdicts(POLICY, model([key]))[K]).toBe('pass');
    expect(verdicts(POLICY, model([key, separate(allow('*'))]))[K]).toBe('fail');
    expect(verdicts(POLICY, model([key, separate(allow({ AWS: 'arn:aws:iam::111122223333:root' }))]))[K]).toBe('pass');
  });
});
