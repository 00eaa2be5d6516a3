import { describe, expect, it } from 'vitest';
import { SensitiveValue, UNKNOWN } from '../../../checks/model/value.js';
import { model, rec, verdicts } from '../../helpers/policy-tester.js';

const fn = (name: string, values: Record<string, unknown> = {}, opts: Parameters<typeof rec>[2] = {}) =>
  rec(`aws_lambda_function.${name}`, { function_name: `sis-${name}`, role: 'arn:aws:iam::111122223333:role/x', handler: 'app.handler', runtime: 'python3.12', ...values }, opts);
const permission = (name: string, values: Record<string, unknown>) =>
  rec(`aws_lambda_permission.${name}`, { function_name: 'sis-sync', action: 'lambda:InvokeFunction', ...values }, { references: { function_name: ['aws_lambda_function.sync'] } });

describe('aws-lambda-no-public-invoke', () => {
  const id = 'aws-lambda-no-public-invoke';
  it('a principal known only after apply is unknown; a condition on the source restricts "*"', () => {
    expect(verdicts(id, model([fn('sync'), permission('later', { principal: UNKNOWN })]))).toEqual({ 'aws_lambda_function.sync': 'unknown' });
    expect(verdicts(id, model([fn('sync'), permission('org', { principal: '*', principal_org_id: 'o-abc123' })]))).toEqual({ 'aws_lambda_function.sync': 'pass' });
    expect(verdicts(id, model([fn('sync'), permission('org', { principal: '*', principal_org_id: 'o-abc123' }), permission('open', { principal: '*' })]))).toEqual({ 'aws_lambda_function.sync': 'fail' });
  });
  it('a URL auth-type condition does not restrict who the caller is', () => {
    expect(verdicts(id, model([fn('sync'), permission('url', { principal: '*', function_url_auth_type: 'NONE', action: 'lambda:InvokeFunctionUrl' })]))).toEqual({ 'aws_lambda_function.sync': 'fail' });
  });
});

describe('aws-lambda-no-plaintext-secrets-in-environment', () => {
  const id = 'aws-lambda-no-plaintext-secrets-in-environment';
  it('a sensitive value is a secret in plaintext; a computed credential-named value is unknown; a whole sensitive map is unknown', () => {
    expect(verdicts(id, model([fn('a', { environment: [{ variables: { SIS_KEY: new SensitiveValue(true) } }] })]))).toEqual({ 'aws_lambda_function.a': 'fail' });
    expect(verdicts(id, model([fn('b', { environment: [{ variables: { DB_PASSWORD: UNKNOWN, STAGE: 'prod' } }] })]))).toEqual({ 'aws_lambda_function.b': 'unknown' });
    expect(verdicts(id, model([fn('c', { environment: [{ variables: new SensitiveValue(true) }] })]))).toEqual({ 'aws_lambda_function.c': 'unknown' });
    expect(verdicts(id, model([fn('d', { environment: [{ variables: { TOKEN_TTL: '3600', DB_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:1:secret:x' } }] })]))).toEqual({ 'aws_lambda_function.d': 'pass' });
  });
});

describe('aws-lambda-environment-cmk', () => {
  it('judges only functions with environment variables; a literal key ARN is unknown', () => {
    const m = model([
      fn('none'),
      fn('literal', { kms_key_arn: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', environment: [{ variables: { STAGE: 'prod' } }] }),
    ]);
    expect(verdicts('aws-lambda-environment-cmk', m)).toEqual({ 'aws_lambda_function.literal': 'unknown' });
  });
});

describe('aws-dynamodb-table-cmk', () => {
  const id = 'aws-dynamodb-table-cmk';
  const table = (name: string, values: Record<string, unknown>, opts: Parameters<typeof rec>[2] = {}) => rec(`aws_dynamodb_table.${name}`, { name, hash_key: 'id', ...values }, opts);
  it('an unconfigured server_side_encryption the plan shows as computed is the AWS owned key; a configured computed key is unknown', () => {
    const m = model([
      table('computed', { server_side_encryption: UNKNOWN }, { configured: ['name', 'hash_key'] }),
      table('key_later', { server_side_encryption: [{ enabled: true, kms_key_arn: UNKNOWN }] }),
    ]);
    expect(verdicts(id, m)).toEqual({ 'aws_dynamodb_table.computed': 'fail', 'aws_dynamodb_table.key_later': 'unknown' });
  });
});

describe('aws-efs-no-anonymous-access and aws-efs-tls-only-policy', () => {
  it('judge the policy of an aws_iam_policy_document the file system policy is written with', () => {
    const fs = rec('aws_efs_file_system.files', { creation_token: 'files', encrypted: true, id: UNKNOWN, arn: UNKNOWN }, { configured: ['creation_token', 'encrypted'] });
    const pol = rec('aws_efs_file_system_policy.files', { file_system_id: UNKNOWN, policy: UNKNOWN }, { references: { file_system_id: ['aws_efs_file_system.files'], policy: ['data.aws_iam_policy_document.files'] } });
    const doc = rec('data.aws_iam_policy_document.files', {
      json: UNKNOWN,
      statement: [
        { effect: 'Deny', actions: ['*'], resources: [UNKNOWN], principals: [{ type: 'AWS', identifiers: ['*'] }], condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }] },
        { effect: 'Allow', actions: ['elasticfilesystem:ClientMount'], resources: [UNKNOWN], principals: [{ type: 'AWS', identifiers: ['*'] }] },
      ],
    });
    const m = model([fs, pol, doc]);
    expect(verdicts('aws-efs-tls-only-policy', m)).toEqual({ 'aws_efs_file_system.files': 'pass' });
    expect(verdicts('aws-efs-no-anonymous-access', m)).toEqual({ 'aws_efs_file_system.files': 'fail' });
  });
});
