import { describe, expect, it } from 'vitest';
import { UNKNOWN } from '../../../checks/model/value.js';
import { model, rec, verdicts } from '../../helpers/policy-tester.js';

/** Verdicts of the pipes slice's policies (Kinesis, Firehose, EKS, Athena, Glue, SSM) on hand-built plan records. */
const ROLE = 'arn:aws:iam::111122223333:role/firehose';

describe('aws-firehose-delivery-stream-encrypted', () => {
  const id = 'aws-firehose-delivery-stream-encrypted';
  const fromStream = (name: string, streamArn: unknown, refs: string[] = []) =>
    rec(
      `aws_kinesis_firehose_delivery_stream.${name}`,
      { name, destination: 'extended_s3', kinesis_source_configuration: [{ kinesis_stream_arn: streamArn, role_arn: ROLE }], extended_s3_configuration: [{ role_arn: ROLE, bucket_arn: 'arn:aws:s3:::lake', kms_key_arn: 'alias/lake' }] },
      { references: { 'kinesis_source_configuration.kinesis_stream_arn': refs } },
    );
  it('a stream reading from a Kinesis stream the input does not hold is unknown, never a pass or a fail', () => {
    expect(verdicts(id, model([fromStream('elsewhere', 'arn:aws:kinesis:us-east-1:444455556666:stream/other-team')]))).toEqual({ 'aws_kinesis_firehose_delivery_stream.elsewhere': 'unknown' });
  });
  it('follows the source stream by reference: its encryption decides', () => {
    const stream = (enc: Record<string, unknown>) => rec('aws_kinesis_stream.events', { name: 'events', arn: UNKNOWN, ...enc });
    // A plan lists both the attribute and the resource an expression references.
    const source = fromStream('fs', UNKNOWN, ['aws_kinesis_stream.events.arn', 'aws_kinesis_stream.events']);
    expect(verdicts(id, model([stream({ encryption_type: 'KMS', kms_key_id: 'alias/aws/kinesis' }), source]))).toEqual({ 'aws_kinesis_firehose_delivery_stream.fs': 'pass' });
    expect(verdicts(id, model([stream({}), source]))).toEqual({ 'aws_kinesis_firehose_delivery_stream.fs': 'fail' });
  });
});

describe('aws-firehose-s3-destination-encrypted', () => {
  const id = 'aws-firehose-s3-destination-encrypted';
  it('a key reference known only after apply counts as a key; a backup bucket of an HTTP destination is judged too', () => {
    const m = model([
      rec('aws_kinesis_firehose_delivery_stream.keyed', { name: 'keyed', destination: 'extended_s3', extended_s3_configuration: [{ role_arn: ROLE, bucket_arn: 'arn:aws:s3:::x', kms_key_arn: UNKNOWN }] }, { references: { 'extended_s3_configuration.kms_key_arn': ['aws_kms_key.k.arn'] } }),
      rec('aws_kinesis_firehose_delivery_stream.vendor', {
        name: 'vendor',
        destination: 'http_endpoint',
        http_endpoint_configuration: [{ url: 'https://vendor.example', role_arn: ROLE, s3_configuration: [{ role_arn: ROLE, bucket_arn: 'arn:aws:s3:::failed-records' }] }],
      }),
    ]);
    expect(verdicts(id, m)).toEqual({ 'aws_kinesis_firehose_delivery_stream.keyed': 'pass', 'aws_kinesis_firehose_delivery_stream.vendor': 'unknown' });
  });
});

describe('aws-eks-endpoint-restricted', () => {
  const id = 'aws-eks-endpoint-restricted';
  const cluster = (name: string, vpc: Record<string, unknown>, configured?: string[]) =>
    rec(`aws_eks_cluster.${name}`, { name, role_arn: ROLE, vpc_config: [{ subnet_ids: ['subnet-1'], ...vpc }] }, configured ? { configured } : {});
  it('an IPv6 world range is as open as 0.0.0.0/0; listed ranges pass; computed ranges that are configured are unknown', () => {
    const m = model([
      cluster('v6', { endpoint_public_access: true, public_access_cidrs: ['203.0.113.0/24', '::/0'] }),
      cluster('office', { endpoint_public_access: true, public_access_cidrs: ['203.0.113.0/24'] }),
      cluster('later', { endpoint_public_access: true, public_access_cidrs: UNKNOWN }),
      cluster('defaults', { public_access_cidrs: UNKNOWN }, ['name', 'role_arn', 'vpc_config', 'vpc_config.subnet_ids']),
    ]);
    expect(verdicts(id, m)).toEqual({ 'aws_eks_cluster.v6': 'fail', 'aws_eks_cluster.office': 'pass', 'aws_eks_cluster.later': 'unknown', 'aws_eks_cluster.defaults': 'fail' });
  });
});

describe('aws-eks-secrets-encrypted-cmk', () => {
  it('a literal key ARN is unknown until a live audit reads the key; a customer alias is a customer managed key', () => {
    const cluster = (name: string, keyArn: string) => rec(`aws_eks_cluster.${name}`, { name, role_arn: ROLE, vpc_config: [{ subnet_ids: ['subnet-1'] }], encryption_config: [{ resources: ['secrets'], provider: [{ key_arn: keyArn }] }] });
    const m = model([cluster('literal', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'), cluster('alias', 'arn:aws:kms:us-east-1:111122223333:alias/eks-secrets')]);
    expect(verdicts('aws-eks-secrets-encrypted-cmk', m)).toEqual({ 'aws_eks_cluster.literal': 'unknown', 'aws_eks_cluster.alias': 'pass' });
  });
});

describe('aws-ssm-parameter-secret-name-secure-string', () => {
  const id = 'aws-ssm-parameter-secret-name-secure-string';
  const param = (name: string, path: unknown, type: string) => rec(`aws_ssm_parameter.${name}`, { name: path, type, tags: { DataClassification: 'operational' } });
  it('judges the last segment of the path like a variable name; names that point at a credential are left out', () => {
    const m = model([
      param('camel', '/sis/prod/dbPassword', 'String'),
      param('client', '/sis/prod/oauth/client-secret', 'StringList'),
      param('arn', '/sis/prod/db-password-secret-arn', 'String'),
      param('host', '/sis/secret-store/db-host', 'String'),
      param('name_unknown', UNKNOWN, 'String'),
    ]);
    expect(verdicts(id, m)).toEqual({ 'aws_ssm_parameter.camel': 'fail', 'aws_ssm_parameter.client': 'fail', 'aws_ssm_parameter.name_unknown': 'unknown' });
  });
});

describe('aws-athena-workgroup-configuration-enforced', () => {
  it('an unset enforce_workgroup_configuration is the provider default, true', () => {
    const m = model([rec('aws_athena_workgroup.wg', { name: 'wg', configuration: [{ result_configuration: [{ output_location: 's3://r/' }] }] })]);
    expect(verdicts('aws-athena-workgroup-configuration-enforced', m)).toEqual({ 'aws_athena_workgroup.wg': 'pass' });
  });
});
