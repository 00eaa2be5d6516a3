import { describe, expect, it } from 'vitest';
import { UNKNOWN, isUnknown } from '../../checks/model/value.js';
import { normalizeIamDocument, documentFromStatementBlocks } from '../../checks/model/iam-document.js';
import { scheduleDays } from '../../checks/adapters/shared/rotation-schedules.js';
import { doc, model, rec } from '../helpers/policy-tester.js';

describe('IAM document normalisation', () => {
  it('turns bare strings into arrays and Principal "*" into {AWS:["*"]}', () => {
    const d = normalizeIamDocument(JSON.stringify({ Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } } } }));
    expect(d).toEqual({
      Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['*'], Principal: { AWS: ['*'] }, Condition: { StringEquals: { 'aws:PrincipalOrgID': ['o-1'] } } }],
    });
  });
  it('accepts an object (HCL jsonencode) and keeps unknown pieces unknown', () => {
    const d = normalizeIamDocument({ Statement: [{ Effect: 'Allow', Action: ['s3:*'], Resource: [UNKNOWN] }] });
    expect(d && !isUnknown(d) && d.Statement[0]).toMatchObject({ Action: ['s3:*'] });
    const st = d && !isUnknown(d) ? (d.Statement[0] as { Resource: unknown[] }) : undefined;
    expect(isUnknown(st?.Resource[0])).toBe(true);
    expect(normalizeIamDocument('not json')).toBeUndefined();
  });
  it('builds a document from aws_iam_policy_document statement blocks, marking merged sources unknown', () => {
    const d = documentFromStatementBlocks({
      statement: [
        { effect: 'Allow', actions: ['sts:AssumeRole'], principals: [{ type: 'Service', identifiers: ['ecs-tasks.amazonaws.com'] }], condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: ['111122223333'] }] },
      ],
      source_policy_documents: [UNKNOWN],
    });
    expect(isUnknown(d.Statement[0])).toBe(true);
    expect(d.Statement[1]).toEqual({ Effect: 'Allow', Action: ['sts:AssumeRole'], Principal: { Service: ['ecs-tasks.amazonaws.com'] }, Condition: { StringEquals: { 'aws:SourceAccount': ['111122223333'] } } });
    expect(d.Statement).toHaveLength(2);
  });
});

describe('IAM adapters', () => {
  it('applies provider defaults with origin default and keeps unknown unknown', () => {
    const m = model([rec('aws_iam_role.app', { name: 'app', assume_role_policy: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'ecs-tasks.amazonaws.com' } }), arn: UNKNOWN, managed_policy_arns: UNKNOWN, inline_policy: UNKNOWN }, { configured: ['name', 'assume_role_policy'] })]);
    const role = m.get('aws_iam_role.app')!;
    expect(role.attrs.maxSessionDuration).toMatchObject({ value: 3600, origin: 'default' });
    expect(role.attrs.path).toMatchObject({ value: '/', origin: 'default' });
    // managed_policy_arns is Optional+Computed: unset in the configuration -> the default, not unknown
    expect(role.attrs.managedPolicyArns).toMatchObject({ value: [], origin: 'default' });
    expect(role.attrs.assumeRolePolicy!.origin).toBe('explicit');
    expect(m.ofKind('aws.iam.policy')).toHaveLength(0);
  });

  it('makes one aws.iam.policy per inline_policy block, linked to its role', () => {
    const m = model([
      rec('aws_iam_role.app', {
        name: 'app',
        assume_role_policy: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'ecs-tasks.amazonaws.com' } }),
        inline_policy: [{ name: 'read', policy: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }) }],
      }),
    ]);
    const p = m.get('aws_iam_role.app.inline_policy["read"]')!;
    expect(p.kind).toBe('aws.iam.policy');
    expect(p.attrs.attachedTo!.value).toEqual(['role']);
    expect(p.links.roles).toEqual(['aws_iam_role.app']);
    expect(m.get('aws_iam_role.app')!.links.policies).toEqual(['aws_iam_role.app.inline_policy["read"]']);
  });

  it('links inline policies, attachments and documents by reference and by literal name/ARN', () => {
    const m = model([
      rec('aws_iam_user.alice', { name: 'alice', arn: UNKNOWN }),
      rec('aws_iam_user_policy.alice', { name: 'x', user: 'alice', policy: UNKNOWN }, { references: { policy: ['data.aws_iam_policy_document.p'] } }),
      rec('data.aws_iam_policy_document.p', { json: UNKNOWN, statement: [{ effect: 'Allow', actions: ['*'], resources: ['*'] }] }, { mode: 'data' }),
      rec('aws_iam_policy.p', { name: 'p', policy: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }), arn: UNKNOWN }),
      rec('aws_iam_user_policy_attachment.a', { user: UNKNOWN, policy_arn: UNKNOWN }, { references: { user: ['aws_iam_user.alice'], policy_arn: ['aws_iam_policy.p'] } }),
    ]);
    const alice = m.get('aws_iam_user.alice')!;
    expect(alice.links.inlinePolicies).toEqual(['aws_iam_user_policy.alice']);
    expect(alice.links.policyAttachments).toEqual(['aws_iam_user_policy_attachment.a']);
    expect(m.get('aws_iam_policy.p')!.links.attachments).toEqual(['aws_iam_user_policy_attachment.a']);
    const inline = m.get('aws_iam_user_policy.alice')!;
    expect(inline.attrs.document!.origin).toBe('unknown');
    expect(inline.links.documentSource).toEqual(['data.aws_iam_policy_document.p']);
    expect(m.get('data.aws_iam_policy_document.p')!.attrs.document!.value).toMatchObject({ Statement: [{ Action: ['*'], Resource: ['*'] }] });
    const att = m.get('aws_iam_user_policy_attachment.a')!;
    expect(att.attrs.principalTypes!.value).toEqual(['user']);
    // policy_arn references an aws_iam_policy resource: customer managed although the ARN is unknown
    expect(att.attrs.awsManagedPolicy).toMatchObject({ value: false, origin: 'explicit' });
  });

  it('records AWS managed policy attachments by literal ARN', () => {
    const m = model([rec('aws_iam_role_policy_attachment.x', { role: 'app', policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess' })]);
    expect(m.get('aws_iam_role_policy_attachment.x')!.attrs.awsManagedPolicy!.value).toBe(true);
  });
});

describe('Secrets Manager adapters', () => {
  it('defaults: 30-day recovery window, AWS managed key, no rotation', () => {
    const s = model([rec('aws_secretsmanager_secret.db', { name: 'db', arn: UNKNOWN })]).get('aws_secretsmanager_secret.db')!;
    expect(s.attrs.recoveryWindowDays).toMatchObject({ value: 30, origin: 'default' });
    expect(s.attrs.kmsKeyIsAwsManaged).toMatchObject({ value: true, origin: 'default' });
    expect(s.attrs.rotationEnabled).toMatchObject({ value: false, origin: 'default' });
  });

  it('merges the rotation facet and the version facet into the secret', () => {
    const m = model([
      rec('aws_secretsmanager_secret.db', { name: 'db', arn: UNKNOWN, kms_key_id: UNKNOWN }, { references: { kms_key_id: ['aws_kms_key.k'] } }),
      rec('aws_secretsmanager_secret_rotation.db', { secret_id: UNKNOWN, rotation_lambda_arn: 'arn:aws:lambda:us-east-1:111122223333:function:rot', rotation_rules: [{ automatically_after_days: null, schedule_expression: 'rate(30 days)' }] }, { references: { secret_id: ['aws_secretsmanager_secret.db'] } }),
      rec('aws_secretsmanager_secret_version.db', { secret_id: UNKNOWN, secret_string: UNKNOWN }, { references: { secret_id: ['aws_secretsmanager_secret.db'] } }),
    ]);
    expect(m.ofKind('aws.secretsmanager.secret')).toHaveLength(1);
    expect(m.size).toBe(2); // the secret and the synthetic account: facets are dropped
    const s = m.get('aws_secretsmanager_secret.db')!;
    expect(s.attrs.rotationEnabled!.value).toBe(true);
    expect(s.attrs.rotationDays!.value).toBe(30);
    expect(s.attrs.kmsKeyIsAwsManaged!.value).toBe(false);
    expect(s.attrs.valueInTerraformState!.value).toBe(true);
  });

  it('a literal key ARN is unknown (could be the AWS managed key), a customer alias is a CMK', () => {
    const lit = model([rec('aws_secretsmanager_secret.a', { kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' })]).get('aws_secretsmanager_secret.a')!;
    expect(lit.attrs.kmsKeyIsAwsManaged!.origin).toBe('unknown');
    const alias = model([rec('aws_secretsmanager_secret.a', { kms_key_id: 'alias/sis-secrets' })]).get('aws_secretsmanager_secret.a')!;
    expect(alias.attrs.kmsKeyIsAwsManaged!.value).toBe(false);
    const awsAlias = model([rec('aws_secretsmanager_secret.a', { kms_key_id: 'alias/aws/secretsmanager' })]).get('aws_secretsmanager_secret.a')!;
    expect(awsAlias.attrs.kmsKeyIsAwsManaged!.value).toBe(true);
  });

  it('reads rotation intervals from schedule expressions', () => {
    expect(scheduleDays('rate(45 days)')).toBe(45);
    expect(scheduleDays('rate(4 hours)')).toBe(1);
    expect(scheduleDays('cron(0 8 1 * ? *)')).toBe(31);
    expect(scheduleDays('cron(0 8 ? * MON *)')).toBe(7);
    expect(scheduleDays('cron(0 8 1 */6 ? *)')).toBe(186);
    expect(scheduleDays('cron(0 8 1 1 ? *)')).toBeUndefined();
  });
});

describe('ECS adapter', () => {
  it('parses container definitions and fills empty environment/secrets', () => {
    const m = model([
      rec('aws_ecs_task_definition.api', {
        family: 'api',
        requires_compatibilities: ['FARGATE'],
        container_definitions: JSON.stringify([{ name: 'api', image: 'x', secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf:password::' }] }]),
        execution_role_arn: UNKNOWN,
      }, { references: { execution_role_arn: ['aws_iam_role.exec'] } }),
      rec('aws_iam_role.exec', { name: 'exec', assume_role_policy: doc() }),
      rec('aws_secretsmanager_secret.db', { name: 'db', arn: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf' }),
    ]);
    const td = m.get('aws_ecs_task_definition.api')!;
    expect(td.attrs.containerDefinitions!.value).toMatchObject([{ name: 'api', environment: [], environmentFiles: [], essential: true }]);
    expect(td.attrs.networkMode).toMatchObject({ value: 'awsvpc', origin: 'default' });
    expect(td.links.executionRole).toEqual(['aws_iam_role.exec']);
    expect(td.links.secretSources).toEqual(['aws_secretsmanager_secret.db']);
  });

  it('keeps container definitions unknown when the JSON is known only after apply', () => {
    const td = model([rec('aws_ecs_task_definition.api', { family: 'api', container_definitions: UNKNOWN })]).get('aws_ecs_task_definition.api')!;
    expect(td.attrs.containerDefinitions!.origin).toBe('unknown');
  });
});

describe('account governance attributes', () => {
  it('lists provider regions of regional resources, leaving out global IAM and keeping unknown regions unknown', () => {
    const m = model([
      rec('aws_s3_bucket.a', { bucket: 'a' }, { region: 'us-east-1' }),
      rec('aws_s3_bucket.b', { bucket: 'b' }, { region: 'eu-west-1' }),
      rec('aws_iam_role.r', { name: 'r', assume_role_policy: doc() }, { region: 'ap-south-1' }),
      rec('aws_sqs_queue.q', { name: 'q' }),
    ]);
    const acct = m.get('account')!;
    const regions = acct.attrs.providerRegions!.value as Array<{ region: unknown; example: string }>;
    expect(regions.slice(0, 2).map((r) => r.region)).toEqual(['eu-west-1', 'us-east-1']);
    expect(isUnknown(regions[2]!.region)).toBe(true);
    expect(regions[2]!.example).toBe('aws_sqs_queue.q');
  });

  it('finds credential-looking literals per block, without keeping the value', () => {
    const m = model([
      rec('aws_lambda_function.sync', { function_name: 'sync', environment: [{ variables: { SIS_API_TOKEN: 'tok-8f3a9c2d1e', LOG_LEVEL: 'info' } }] }),
      rec('aws_instance.web', { user_data: 'export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE', metadata_options: [{ http_tokens: 'required' }] }),
    ]);
    expect(m.get('account')!.attrs.plaintextCredentials).toBeUndefined();
    const held = (address: string) => m.get(`${address}#configuration`)!.attrs.plaintextCredentials!.value as Array<{ attribute: string; variable?: string; line?: number; reason: string }>;
    expect(held('aws_lambda_function.sync').map((f) => f.attribute)).toEqual(['environment[0].variables.SIS_API_TOKEN']);
    expect(held('aws_instance.web').map((f) => [f.attribute, f.variable, f.line])).toEqual([['user_data', 'AWS_ACCESS_KEY_ID', 1]]);
    const all = JSON.stringify([held('aws_lambda_function.sync'), held('aws_instance.web')]);
    expect(all).not.toContain('tok-8f3a9c2d1e');
    expect(all).not.toContain('AKIAIOSFODNN7EXAMPLE');
    // the instance itself (aws.ec2.instance) judges the same user data for its own policy
    expect(m.get('aws_instance.web')!.kind).toBe('aws.ec2.instance');
    expect((m.get('aws_instance.web')!.attrs.plaintextCredentials!.value as Array<{ line: number }>).map((u) => u.line)).toEqual([1]);
    expect(m.get('aws_lambda_function.sync#configuration')!.address).toBe('aws_lambda_function.sync');
  });

  it('does not mistake IAM condition keys for secret names', () => {
    const trust = doc({ Effect: 'Allow', Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:district/sis-api:*' } } });
    const m = model([rec('aws_iam_role.gh', { name: 'gh', assume_role_policy: trust })]);
    expect(m.get('aws_iam_role.gh#configuration')).toBeUndefined();
    expect(m.get('aws_iam_role.gh')).toBeDefined();
  });
});

describe('Secrets Manager replicas', () => {
  it('an unset Optional+Computed replica block is no replica, a configured unknown one stays unknown', () => {
    const none = model([rec('aws_secretsmanager_secret.a', { name: 'a', replica: UNKNOWN }, { configured: ['name'] })]).get('aws_secretsmanager_secret.a')!;
    expect(none.attrs.replicas).toMatchObject({ value: [], origin: 'default' });
    const some = model([rec('aws_secretsmanager_secret.a', { name: 'a', replica: UNKNOWN }, { configured: ['name', 'replica'] })]).get('aws_secretsmanager_secret.a')!;
    expect(some.attrs.replicas!.origin).toBe('unknown');
  });
});
