import { describe, expect, it } from 'vitest';
import { SensitiveValue, UNKNOWN } from '../../../checks/model/value.js';
import { doc, findings, PROFILE, rec, statusOf } from '../../helpers/policy-tester.js';

const policy = (name: string, d: string, extra: Record<string, unknown> = {}) => rec(`aws_iam_policy.${name}`, { name, policy: d, arn: UNKNOWN, ...extra });

describe('aws-iam-no-full-admin', () => {
  const id = 'aws-iam-no-full-admin';
  it('fails "*" on "*" (string or array forms) and passes scoped actions', () => {
    expect(statusOf(id, [policy('a', doc({ Effect: 'Allow', Action: '*', Resource: '*' }))], 'aws_iam_policy.a')).toBe('fail');
    expect(statusOf(id, [policy('a', doc({ Effect: 'Allow', Action: ['*:*'], Resource: ['*'] }))], 'aws_iam_policy.a')).toBe('fail');
    expect(statusOf(id, [policy('a', doc({ Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['*'] }))], 'aws_iam_policy.a')).toBe('pass');
    expect(statusOf(id, [policy('a', doc({ Effect: 'Deny', Action: '*', Resource: '*' }))], 'aws_iam_policy.a')).toBe('pass');
  });
  it('is unknown when the resource is known only after apply, and decides from a linked document', () => {
    const unknownRes = rec('aws_iam_policy.a', { name: 'a', policy: { Statement: [{ Effect: 'Allow', Action: '*', Resource: [UNKNOWN] }] } });
    expect(statusOf(id, [unknownRes], 'aws_iam_policy.a')).toBe('unknown');
    const viaData = [
      rec('aws_iam_role_policy.p', { name: 'p', role: 'app', policy: UNKNOWN }, { references: { policy: ['data.aws_iam_policy_document.admin'] } }),
      rec('data.aws_iam_policy_document.admin', { json: UNKNOWN, statement: [{ effect: 'Allow', actions: ['*'], resources: ['*'] }] }, { mode: 'data' }),
    ];
    const f = findings(id, viaData).find((x) => x.resource.address === 'aws_iam_role_policy.p')!;
    expect(f.status).toBe('fail');
    expect(f.message).toContain('every action');
    expect(statusOf(id, [rec('aws_iam_role_policy.p', { name: 'p', role: 'app', policy: UNKNOWN })], 'aws_iam_role_policy.p')).toBe('unknown');
  });
});

describe('aws-iam-no-service-wildcard-on-all-resources', () => {
  const id = 'aws-iam-no-service-wildcard-on-all-resources';
  it('fails s3:* on * and iam:* on every IAM ARN, passes s3:* on one bucket and s3:Get* on *', () => {
    expect(statusOf(id, [policy('a', doc({ Effect: 'Allow', Action: ['s3:*'], Resource: '*' }))], 'aws_iam_policy.a')).toBe('fail');
    expect(statusOf(id, [policy('a', doc({ Effect: 'Allow', Action: ['iam:*'], Resource: 'arn:aws:iam::*:*' }))], 'aws_iam_policy.a')).toBe('fail');
    expect(statusOf(id, [policy('a', doc({ Effect: 'Allow', Action: ['dynamodb:*'], Resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/*' }))], 'aws_iam_policy.a')).toBe('pass');
    expect(statusOf(id, [policy('a', doc({ Effect: 'Allow', Action: ['s3:*'], Resource: ['arn:aws:s3:::records', 'arn:aws:s3:::records/*'] }))], 'aws_iam_policy.a')).toBe('pass');
    expect(statusOf(id, [policy('a', doc({ Effect: 'Allow', Action: ['s3:Get*'], Resource: '*' }))], 'aws_iam_policy.a')).toBe('pass');
    expect(statusOf(id, [policy('a', doc({ Effect: 'Allow', Action: ['s3:*'], NotResource: 'arn:aws:s3:::x' }))], 'aws_iam_policy.a')).toBe('fail');
  });
});

describe('aws-iam-no-kms-wildcard', () => {
  const id = 'aws-iam-no-kms-wildcard';
  it('fails kms:Decrypt / kms:* / NotAction on every key without a scoping condition', () => {
    expect(statusOf(id, [policy('a', doc({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }))], 'aws_iam_policy.a')).toBe('fail');
    expect(statusOf(id, [policy('a', doc({ Effect: 'Allow', Action: 'kms:*', Resource: 'arn:aws:kms:*:111122223333:key/*' }))], 'aws_iam_policy.a')).toBe('fail');
    expect(statusOf(id, [policy('a', doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }))], 'aws_iam_policy.a')).toBe('fail');
    expect(statusOf(id, [policy('a', doc({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:CallerAccount': '111122223333' } } }))], 'aws_iam_policy.a')).toBe('fail');
  });
  it('passes named keys, encrypt-only grants and kms:ViaService conditions', () => {
    expect(statusOf(id, [policy('a', doc({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' }))], 'aws_iam_policy.a')).toBe('pass');
    expect(statusOf(id, [policy('a', doc({ Effect: 'Allow', Action: ['kms:Encrypt', 'kms:GenerateDataKey'], Resource: '*' }))], 'aws_iam_policy.a')).toBe('pass');
    expect(statusOf(id, [policy('a', doc({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } } }))], 'aws_iam_policy.a')).toBe('pass');
  });
});

describe('aws-iam-no-notaction-allow', () => {
  const id = 'aws-iam-no-notaction-allow';
  it('fails Allow+NotAction, passes Deny+NotAction', () => {
    expect(statusOf(id, [policy('a', doc({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }))], 'aws_iam_policy.a')).toBe('fail');
    expect(statusOf(id, [policy('a', doc({ Effect: 'Deny', NotAction: ['iam:*'], Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }))], 'aws_iam_policy.a')).toBe('pass');
  });
});

describe('aws-iam-role-trust-no-wildcard-principal', () => {
  const id = 'aws-iam-role-trust-no-wildcard-principal';
  const role = (trust: string) => [rec('aws_iam_role.r', { name: 'r', assume_role_policy: trust })];
  it('fails "*", any-account ARNs, NotPrincipal and GitHub OIDC without sub', () => {
    expect(statusOf(id, role(doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: '*' })), 'aws_iam_role.r')).toBe('fail');
    expect(statusOf(id, role(doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: 'arn:aws:iam::*:root' } })), 'aws_iam_role.r')).toBe('fail');
    expect(statusOf(id, role(doc({ Effect: 'Allow', Action: 'sts:AssumeRole', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' } })), 'aws_iam_role.r')).toBe('fail');
    const gh = { Effect: 'Allow', Action: 'sts:AssumeRoleWithWebIdentity', Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' } };
    expect(statusOf(id, role(doc({ ...gh, Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } } })), 'aws_iam_role.r')).toBe('fail');
    expect(statusOf(id, role(doc({ ...gh, Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:*' } } })), 'aws_iam_role.r')).toBe('fail');
    expect(statusOf(id, role(doc({ ...gh, Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:district/sis-api:*' } } })), 'aws_iam_role.r')).toBe('pass');
  });
  it('passes services, named accounts and "*" pinned by aws:PrincipalOrgID (but not by ...IfExists)', () => {
    expect(statusOf(id, role(doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'ecs-tasks.amazonaws.com' } })), 'aws_iam_role.r')).toBe('pass');
    expect(statusOf(id, role(doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: 'arn:aws:iam::111122223333:role/ops' } })), 'aws_iam_role.r')).toBe('pass');
    expect(statusOf(id, role(doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } })), 'aws_iam_role.r')).toBe('pass');
    expect(statusOf(id, role(doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: '*', Condition: { StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc123' } } })), 'aws_iam_role.r')).toBe('fail');
  });
});

describe('aws-iam-user-no-attached-policies', () => {
  const id = 'aws-iam-user-no-attached-policies';
  it('fails a user with a direct attachment or inline policy, passes a user without', () => {
    const user = rec('aws_iam_user.alice', { name: 'alice' });
    expect(statusOf(id, [user], 'aws_iam_user.alice')).toBe('pass');
    expect(statusOf(id, [user, rec('aws_iam_user_policy_attachment.a', { user: 'alice', policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })], 'aws_iam_user.alice')).toBe('fail');
    expect(statusOf(id, [user, rec('aws_iam_user_policy.p', { name: 'p', user: UNKNOWN, policy: doc() }, { references: { user: ['aws_iam_user.alice'] } })], 'aws_iam_user.alice')).toBe('fail');
    expect(statusOf(id, [user, rec('aws_iam_policy_attachment.a', { name: 'a', users: ['alice'], roles: [], groups: [], policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })], 'aws_iam_user.alice')).toBe('fail');
  });
});

describe('aws-iam-no-broad-aws-managed-policy-attached', () => {
  const id = 'aws-iam-no-broad-aws-managed-policy-attached';
  const att = (arn: unknown, refs: Record<string, string[]> = {}) => [rec('aws_iam_role_policy_attachment.a', { role: 'app', policy_arn: arn }, { references: refs })];
  it('fails AdministratorAccess and AmazonS3FullAccess, passes read-only and customer managed policies', () => {
    expect(statusOf(id, att('arn:aws:iam::aws:policy/AdministratorAccess'), 'aws_iam_role_policy_attachment.a')).toBe('fail');
    expect(statusOf(id, att('arn:aws-us-gov:iam::aws:policy/AmazonS3FullAccess'), 'aws_iam_role_policy_attachment.a')).toBe('fail');
    expect(statusOf(id, att('arn:aws:iam::aws:policy/ReadOnlyAccess'), 'aws_iam_role_policy_attachment.a')).toBe('pass');
    expect(statusOf(id, att(UNKNOWN, { policy_arn: ['aws_iam_policy.app'] }), 'aws_iam_role_policy_attachment.a')).toBe('pass');
    expect(statusOf(id, att(UNKNOWN), 'aws_iam_role_policy_attachment.a')).toBe('unknown');
  });
  it('covers AWS managed policies set through the role argument managed_policy_arns', () => {
    const role = rec('aws_iam_role.ci', { name: 'ci', assume_role_policy: doc(), managed_policy_arns: ['arn:aws:iam::aws:policy/AdministratorAccess', 'arn:aws:iam::aws:policy/ReadOnlyAccess'] });
    const fs = findings(id, [role]);
    expect(fs.map((f) => `${f.resource.address} ${f.status}`).sort()).toEqual([
      'aws_iam_role.ci.managed_policy_arns["arn:aws:iam::aws:policy/AdministratorAccess"] fail',
      'aws_iam_role.ci.managed_policy_arns["arn:aws:iam::aws:policy/ReadOnlyAccess"] pass',
    ]);
  });
});

describe('Secrets Manager policies', () => {
  const secret = (values: Record<string, unknown> = {}, refs: Record<string, string[]> = {}) => rec('aws_secretsmanager_secret.db', { name: 'db', arn: UNKNOWN, ...values }, { references: refs });
  const rotation = (rules: Record<string, unknown>) =>
    rec('aws_secretsmanager_secret_rotation.db', { secret_id: UNKNOWN, rotation_lambda_arn: 'arn:aws:lambda:us-east-1:111122223333:function:rotate', rotation_rules: [rules] }, { references: { secret_id: ['aws_secretsmanager_secret.db'] } });
  it('rotation: fails without rotation or beyond the profile maximum, passes within it', () => {
    const id = 'aws-secrets-rotation-enabled';
    expect(statusOf(id, [secret()], 'aws_secretsmanager_secret.db')).toBe('fail');
    expect(statusOf(id, [secret(), rotation({ automatically_after_days: 30 })], 'aws_secretsmanager_secret.db')).toBe('pass');
    expect(statusOf(id, [secret(), rotation({ automatically_after_days: 180 })], 'aws_secretsmanager_secret.db')).toBe('fail');
    expect(statusOf(id, [secret(), rotation({ schedule_expression: 'cron(0 4 1 * ? *)' })], 'aws_secretsmanager_secret.db')).toBe('pass');
    expect(statusOf(id, [secret(), rotation({ automatically_after_days: 60 })], 'aws_secretsmanager_secret.db', { ...PROFILE, secretRotationMaxDays: 30 })).toBe('fail');
    expect(statusOf(id, [secret(), rotation({ automatically_after_days: UNKNOWN })], 'aws_secretsmanager_secret.db')).toBe('unknown');
  });
  it('CMK: fails the default and the aws/secretsmanager alias, passes a key resource, unknown for a literal key ARN; replicas count', () => {
    const id = 'aws-secrets-cmk';
    expect(statusOf(id, [secret()], 'aws_secretsmanager_secret.db')).toBe('fail');
    expect(statusOf(id, [secret({ kms_key_id: 'alias/aws/secretsmanager' })], 'aws_secretsmanager_secret.db')).toBe('fail');
    expect(statusOf(id, [secret({ kms_key_id: UNKNOWN }, { kms_key_id: ['aws_kms_key.secrets'] })], 'aws_secretsmanager_secret.db')).toBe('pass');
    expect(statusOf(id, [secret({ kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' })], 'aws_secretsmanager_secret.db')).toBe('unknown');
    expect(statusOf(id, [secret({ kms_key_id: 'alias/sis', replica: [{ region: 'us-west-2', kms_key_id: null }] })], 'aws_secretsmanager_secret.db')).toBe('fail');
    expect(statusOf(id, [secret({ kms_key_id: 'alias/sis', replica: [{ region: 'us-west-2', kms_key_id: 'alias/sis' }] })], 'aws_secretsmanager_secret.db')).toBe('pass');
  });
  it('value in state: a version with secret_string fails (sensitive or unknown), a secret without one passes', () => {
    const id = 'aws-secrets-value-not-in-terraform-state';
    const version = (values: Record<string, unknown>) => rec('aws_secretsmanager_secret_version.db', { secret_id: UNKNOWN, ...values }, { references: { secret_id: ['aws_secretsmanager_secret.db'] } });
    expect(statusOf(id, [secret()], 'aws_secretsmanager_secret.db')).toBe('pass');
    expect(statusOf(id, [secret(), version({ secret_string: new SensitiveValue(true) })], 'aws_secretsmanager_secret.db')).toBe('fail');
    expect(statusOf(id, [secret(), version({ secret_string: UNKNOWN })], 'aws_secretsmanager_secret.db')).toBe('fail');
    expect(statusOf(id, [secret(), version({ secret_string_wo_version: 1, secret_string: null })], 'aws_secretsmanager_secret.db')).toBe('pass');
  });
  it('recovery window: default 30 passes, 0 fails', () => {
    const id = 'aws-secrets-recovery-window';
    expect(statusOf(id, [secret()], 'aws_secretsmanager_secret.db')).toBe('pass');
    expect(statusOf(id, [secret({ recovery_window_in_days: 0 })], 'aws_secretsmanager_secret.db')).toBe('fail');
  });
});

describe('ECS policies', () => {
  const td = (containers: unknown[], extra: Record<string, unknown> = {}) =>
    rec('aws_ecs_task_definition.api', { family: 'api', container_definitions: JSON.stringify(containers), execution_role_arn: 'arn:aws:iam::111122223333:role/exec', ...extra });
  const logs = { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/api', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'api' } };

  it('plaintext environment: fails on a credential-named variable or a credential-looking value, never shows the value', () => {
    const id = 'aws-ecs-no-plaintext-secrets-in-environment';
    const bad = findings(id, [td([{ name: 'api', image: 'x', environment: [{ name: 'LOG_LEVEL', value: 'info' }, { name: 'DB_PASSWORD', value: 'Sup3rS3cret!' }] }])])[0]!;
    expect(bad.status).toBe('fail');
    expect(bad.message).toContain('DB_PASSWORD');
    expect(JSON.stringify(bad)).not.toContain('Sup3rS3cret!');
    const url = findings(id, [td([{ name: 'api', image: 'x', environment: [{ name: 'DATABASE_URL', value: 'postgres://app:hunter22@db.internal:5432/sis' }] }])])[0]!;
    expect(url.status).toBe('fail');
    expect(JSON.stringify(url)).not.toContain('hunter22');
    expect(findings(id, [td([{ name: 'api', image: 'x', environment: [{ name: 'DB_PASSWORD_SECRET_ARN', value: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db' }, { name: 'DB_HOST', value: 'db.internal' }] }])])[0]!.status).toBe('pass');
    expect(findings(id, [rec('aws_ecs_task_definition.api', { family: 'api', container_definitions: UNKNOWN })])[0]!.status).toBe('unknown');
  });

  it('secrets from Secrets Manager/SSM: needs valid valueFrom and an execution role; no secrets -> not applicable', () => {
    const id = 'aws-ecs-secrets-from-secrets-manager';
    const ok = [{ name: 'api', image: 'x', secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:sis/db-AbCdEf:password::' }, { name: 'API_KEY', valueFrom: '/sis/prod/api-key' }] }];
    expect(statusOf(id, [td(ok)], 'aws_ecs_task_definition.api')).toBe('pass');
    expect(statusOf(id, [td(ok, { execution_role_arn: null })], 'aws_ecs_task_definition.api')).toBe('fail');
    expect(statusOf(id, [td([{ name: 'api', image: 'x', secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:s3:::config/db.env' }] }])], 'aws_ecs_task_definition.api')).toBe('fail');
    expect(findings(id, [td([{ name: 'api', image: 'x' }])])).toHaveLength(0);
  });

  it('logging: every container needs a shipping log driver', () => {
    const id = 'aws-ecs-task-logging';
    expect(statusOf(id, [td([{ name: 'api', image: 'x', logConfiguration: logs }])], 'aws_ecs_task_definition.api')).toBe('pass');
    expect(statusOf(id, [td([{ name: 'api', image: 'x', logConfiguration: logs }, { name: 'sidecar', image: 'y' }])], 'aws_ecs_task_definition.api')).toBe('fail');
    expect(statusOf(id, [td([{ name: 'api', image: 'x', logConfiguration: { logDriver: 'json-file' } }])], 'aws_ecs_task_definition.api')).toBe('fail');
  });
});

describe('account-level governance policies', () => {
  it('approved regions: fails a resource outside the profile, unknown for an unknown provider region', () => {
    const id = 'aws-resources-in-approved-regions';
    expect(statusOf(id, [rec('aws_s3_bucket.a', { bucket: 'a' }, { region: 'us-east-1' })], 'account')).toBe('pass');
    const bad = findings(id, [rec('aws_s3_bucket.a', { bucket: 'a' }, { region: 'us-east-1' }), rec('aws_s3_bucket.b', { bucket: 'b' }, { region: 'eu-central-1' })])[0]!;
    expect(bad.status).toBe('fail');
    expect(bad.resource.address).toBe('account');
    expect(JSON.stringify(bad.evidence)).toContain('eu-central-1');
    expect(statusOf(id, [rec('aws_s3_bucket.a', { bucket: 'a' })], 'account')).toBe('unknown');
    expect(statusOf(id, [rec('aws_s3_bucket.b', { bucket: 'b' }, { region: 'eu-central-1' })], 'account', { ...PROFILE, approvedRegions: ['eu-central-1'] })).toBe('pass');
  });
  it('plaintext credentials: fails with the address and attribute, passes clean configurations', () => {
    const id = 'aws-no-plaintext-credentials-in-config';
    expect(statusOf(id, [rec('aws_lambda_function.f', { function_name: 'f', environment: [{ variables: { LOG_LEVEL: 'info' } }] })], 'aws_lambda_function.f')).toBe('pass');
    const bad = findings(id, [rec('aws_lambda_function.f', { function_name: 'f', environment: [{ variables: { STRIPE_API_KEY: 'sk_live_51Hc0ffee' } }] })])[0]!;
    expect(bad.status).toBe('fail');
    expect(bad.resource.address).toBe('aws_lambda_function.f');
    expect(JSON.stringify(bad)).not.toContain('sk_live_51Hc0ffee');
  });
});
