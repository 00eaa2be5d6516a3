import { describe, expect, it } from 'vitest';
import { UNKNOWN } from '../../../checks/model/value.js';
import { model, PROFILE, rec, verdicts } from '../../helpers/policy-tester.js';

const stage = (name: string, values: Record<string, unknown> = {}) => rec(`aws_api_gateway_stage.${name}`, { rest_api_id: 'a1b2c3d4e5', deployment_id: 'd1', stage_name: name, ...values });

describe('aws-apigateway-rest-stage-cache-encrypted', () => {
  const id = 'aws-apigateway-rest-stage-cache-encrypted';
  const settings = (name: string, stageName: string, s: Record<string, unknown>, apiId = 'a1b2c3d4e5') => rec(`aws_api_gateway_method_settings.${name}`, { rest_api_id: apiId, stage_name: stageName, method_path: '*/*', settings: [s] });
  it('method settings written with literal ids reach their stage (rest_api_id and stage_name), and only that one', () => {
    const m = model([stage('prod', { cache_cluster_enabled: true }), settings('all', 'prod', { caching_enabled: true, cache_data_encrypted: true }), settings('other', 'prod', { caching_enabled: true }, 'zzzzzzzzzz')]);
    expect(verdicts(id, m)).toEqual({ 'aws_api_gateway_stage.prod': 'pass' });
  });
  it('a stage without a cache cluster is not judged; encryption known only after apply is unknown', () => {
    expect(verdicts(id, model([stage('dev'), settings('all', 'dev', { caching_enabled: true })]))).toEqual({});
    expect(verdicts(id, model([stage('prod', { cache_cluster_enabled: true }), settings('all', 'prod', { caching_enabled: true, cache_data_encrypted: UNKNOWN })]))).toEqual({ 'aws_api_gateway_stage.prod': 'unknown' });
  });
});

describe('aws-apigateway-rest-stage-waf', () => {
  it('an association naming the stage by its literal ARN protects it; one naming a load balancer does not', () => {
    const arn = 'arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod';
    const assoc = (name: string, target: string) => rec(`aws_wafv2_web_acl_association.${name}`, { resource_arn: target, web_acl_arn: 'arn:aws:wafv2:us-east-1:111122223333:regional/webacl/sis/abc' });
    expect(verdicts('aws-apigateway-rest-stage-waf', model([stage('prod', { arn }), assoc('prod', arn)]))).toEqual({ 'aws_api_gateway_stage.prod': 'pass' });
    expect(verdicts('aws-apigateway-rest-stage-waf', model([stage('prod', { arn }), assoc('lb', 'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/sis/1')]))).toEqual({ 'aws_api_gateway_stage.prod': 'fail' });
  });
});

describe('aws-elb-classic-tls-policy-approved', () => {
  const id = 'aws-elb-classic-tls-policy-approved';
  const elb = rec('aws_elb.web', { name: 'sis-web', listener: [{ lb_protocol: 'https', lb_port: 443, instance_protocol: 'http', instance_port: 80, ssl_certificate_id: 'arn:aws:acm:us-east-1:111122223333:certificate/x' }] });
  const listenerPolicy = (names: unknown) => rec('aws_load_balancer_listener_policy.web', { load_balancer_name: 'sis-web', load_balancer_port: 443, policy_names: names });
  it('a listener naming a policy the input does not hold is unknown, not a pass; names known only after apply are unknown', () => {
    expect(verdicts(id, model([elb, listenerPolicy(['made-elsewhere'])]))).toEqual({ 'aws_elb.web': 'unknown' });
    expect(verdicts(id, model([elb, listenerPolicy(UNKNOWN)]))).toEqual({ 'aws_elb.web': 'unknown' });
  });
  it('only HTTPS and SSL listeners are judged: an HTTP-only load balancer passes here (aws-elb-classic-https-listeners fails it)', () => {
    const http = rec('aws_elb.http', { name: 'sis-http', listener: [{ lb_protocol: 'HTTP', lb_port: 80, instance_protocol: 'HTTP', instance_port: 80 }] });
    expect(verdicts(id, model([http]))).toEqual({ 'aws_elb.http': 'pass' });
  });
});

describe('aws-ec2-launch-template-ebs-encrypted', () => {
  const id = 'aws-ec2-launch-template-ebs-encrypted';
  const lt = (name: string, ebs: Record<string, unknown> | undefined) => rec(`aws_launch_template.${name}`, { name, ...(ebs ? { block_device_mappings: [{ device_name: '/dev/xvdb', ebs: [ebs] }] } : {}) });
  it('without the region default in the input: "true" passes, unset is unknown, "false" fails, no EBS mapping is unknown', () => {
    expect(verdicts(id, model([lt('a', { encrypted: 'true' }), lt('b', { volume_size: 10 }), lt('c', { encrypted: 'false' }), lt('d', undefined)]))).toEqual({
      'aws_launch_template.a': 'pass',
      'aws_launch_template.b': 'unknown',
      'aws_launch_template.c': 'fail',
      'aws_launch_template.d': 'unknown',
    });
  });

  it("reads the region default of the template's own region: another region's does not encrypt its volumes", () => {
    const west = rec('aws_launch_template.w', { name: 'w', block_device_mappings: [{ device_name: '/dev/xvdb', ebs: [{ volume_size: 10 }] }] }, { region: 'us-west-2' });
    const eastOn = rec('aws_ebs_encryption_by_default.east', { enabled: true }, { region: 'us-east-1' });
    expect(verdicts(id, model([west, eastOn]))['aws_launch_template.w']).toBe('unknown');
    const westOn = rec('aws_ebs_encryption_by_default.west', { enabled: true }, { region: 'us-west-2' });
    expect(verdicts(id, model([west, eastOn, westOn]))['aws_launch_template.w']).toBe('pass');
  });
});

describe('aws-cognito-user-pool-password-policy', () => {
  const id = 'aws-cognito-user-pool-password-policy';
  const pool = rec('aws_cognito_user_pool.p', { name: 'p', password_policy: [{ minimum_length: 12, require_lowercase: true, require_uppercase: true, require_numbers: true, require_symbols: true }] });
  it('the floor is 14 without a profile value, and the profile passwordMinLength when it has one', () => {
    expect(verdicts(id, model([pool]))).toEqual({ 'aws_cognito_user_pool.p': 'fail' });
    expect(verdicts(id, model([pool]), { ...PROFILE, passwordMinLength: 12 })).toEqual({ 'aws_cognito_user_pool.p': 'pass' });
  });
});

describe('aws-ec2-instance-private-tier-no-public-ip', () => {
  const id = 'aws-ec2-instance-private-tier-no-public-ip';
  const subnet = (map: unknown) => rec('aws_subnet.app', { cidr_block: '10.0.1.0/24', map_public_ip_on_launch: map, tags: { Tier: 'private' } });
  const instance = rec('aws_instance.w', { ami: 'ami-1', instance_type: 't3.small' }, { references: { subnet_id: ['aws_subnet.app.id', 'aws_subnet.app'] } });
  it('an instance that leaves the address to its subnet follows the subnet; an unknown subnet setting is unknown', () => {
    expect(verdicts(id, model([subnet(false), instance]))).toEqual({ 'aws_instance.w': 'pass' });
    expect(verdicts(id, model([subnet(true), instance]))).toEqual({ 'aws_instance.w': 'fail' });
    expect(verdicts(id, model([subnet(UNKNOWN), instance]))).toEqual({ 'aws_instance.w': 'unknown' });
  });
});
