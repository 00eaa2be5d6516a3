import { describe, expect, it } from 'vitest';
import { expandCompactLive } from '../../../checks/authoring/live-fixture.js';
import type { Finding } from '../../../checks/engine/types.js';
import { scanText } from '../../helpers/scan-file.js';

// aws-secrets-no-public-policy beyond its fixtures: the secret's deprecated inline policy, a policy written with
// data.aws_iam_policy_document, and a live secret whose policy was not read (an error) or never collected (unknown).

const POLICY = 'aws-secrets-no-public-policy';
async function verdicts(name: string, text: string): Promise<Finding[]> {
  return (await scanText(name, text)).filter((f) => f.policyId === POLICY);
}

describe('secret resource policies in HCL', () => {
  it('fails a public inline policy and a public policy document, and passes a secret without a policy', async () => {
    const findings = await verdicts(
      'main.tf',
      `resource "aws_secretsmanager_secret" "inline" {
  name   = "inline"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "secretsmanager:GetSecretValue", Resource = "*" }] })
}
data "aws_iam_policy_document" "anyone" {
  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}
resource "aws_secretsmanager_secret" "documented" {
  name = "documented"
}
resource "aws_secretsmanager_secret_policy" "documented" {
  secret_arn = aws_secretsmanager_secret.documented.arn
  policy     = data.aws_iam_policy_document.anyone.json
}
resource "aws_secretsmanager_secret" "plain" {
  name = "plain"
}
`,
    );
    const at = (a: string) => findings.find((f) => f.resource.address === a)?.status;
    expect(at('aws_secretsmanager_secret.inline')).toBe('fail');
    expect(at('aws_secretsmanager_secret.documented')).toBe('fail');
    expect(at('aws_secretsmanager_secret.plain')).toBe('pass');
  });
});

describe('secret resource policies live', () => {
  const arn = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:sis/db-AbCdEf';
  const live = (extra: Record<string, unknown>) =>
    verdicts('snapshot.json', JSON.stringify(expandCompactLive({ account: '111122223333', regions: ['us-east-1'], resources: { 'AWS::SecretsManager::Secret': [{ arn, data: { ARN: arn, Name: 'sis/db' }, ...extra }] } } as never, 'test')));

  it('is an error when GetResourcePolicy failed, and unknown when the snapshot never read the policy', async () => {
    const failed = (await live({ errors: { resourcePolicy: { code: 'AccessDeniedException', message: 'not authorized to GetResourcePolicy', call: 'secretsmanager:GetResourcePolicy' } } }))[0];
    expect(failed?.status).toBe('error');
    expect(failed?.message).toMatch(/GetResourcePolicy/);
    expect((await live({}))[0]?.status).toBe('unknown');
  });
});
