import {
  AddTagsCommand,
  CreateLoadBalancerCommand,
  CreateLoadBalancerPolicyCommand,
  ElasticLoadBalancingClient,
  ModifyLoadBalancerAttributesCommand,
  SetLoadBalancerPoliciesOfListenerCommand,
} from '@aws-sdk/client-elastic-load-balancing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { Finding } from '../../checks/engine/types.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/** The classic load balancer collector against moto: a compliant one (HTTPS only, TLS 1.2 policy, access logs) and a broken one (HTTP beside HTTPS, no policy, no logs). */
let moto: Moto;
let snapshot: Snapshot;
let findings: Finding[];
const arnOf = (name: string) => `arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/${name}`;
const GOOD = arnOf('sis-web');
const BAD = arnOf('sis-legacy');

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const cfg = { region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  const cert = 'arn:aws:iam::123456789012:server-certificate/sis-web';
  const elb = new ElasticLoadBalancingClient(cfg);
  const https = { Protocol: 'HTTPS', LoadBalancerPort: 443, InstanceProtocol: 'HTTP', InstancePort: 8000, SSLCertificateId: cert };
  await elb.send(new CreateLoadBalancerCommand({ LoadBalancerName: 'sis-web', AvailabilityZones: ['us-east-1a'], Listeners: [https] }));
  await elb.send(new CreateLoadBalancerPolicyCommand({ LoadBalancerName: 'sis-web', PolicyName: 'tls12', PolicyTypeName: 'SSLNegotiationPolicyType', PolicyAttributes: [{ AttributeName: 'Reference-Security-Policy', AttributeValue: 'ELBSecurityPolicy-TLS-1-2-2017-01' }] }));
  await elb.send(new SetLoadBalancerPoliciesOfListenerCommand({ LoadBalancerName: 'sis-web', LoadBalancerPort: 443, PolicyNames: ['tls12'] }));
  await elb.send(new ModifyLoadBalancerAttributesCommand({ LoadBalancerName: 'sis-web', LoadBalancerAttributes: { AccessLog: { Enabled: true, S3BucketName: 'sis-access-logs', EmitInterval: 60 } } }));
  await elb.send(new CreateLoadBalancerCommand({ LoadBalancerName: 'sis-legacy', AvailabilityZones: ['us-east-1a'], Listeners: [https, { Protocol: 'HTTP', LoadBalancerPort: 80, InstanceProtocol: 'HTTP', InstancePort: 8000 }] }));
  for (const name of ['sis-web', 'sis-legacy']) await elb.send(new AddTagsCommand({ LoadBalancerNames: [name], Tags: [{ Key: 'DataClassification', Value: 'student-data' }] }));
  snapshot = await collectSnapshot({ regions: ['us-east-1'], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2 });
  findings = evaluateSnapshot(snapshot);
});

afterAll(async () => {
  await moto?.stop();
});

describe('classic load balancers collected from moto', () => {
  it('records both with listeners, attributes, policies and tags', () => {
    const lbs = snapshot.resources.filter((r) => r.type === 'AWS::ElasticLoadBalancing::LoadBalancer');
    expect(lbs.map((r) => r.arn).sort()).toEqual([BAD, GOOD].sort());
    for (const r of lbs) {
      expect(r.errors).toBeUndefined();
      expect(r.data.tags).toEqual({ DataClassification: 'student-data' });
    }
    const good = lbs.find((r) => r.arn === GOOD)!;
    expect(good.data.attributes).toMatchObject({ AccessLog: { Enabled: true } });
    expect((good.data.policies as Array<{ PolicyName: string }>).map((p) => p.PolicyName)).toContain('tls12');
    const ops = new Set(snapshot.calls.filter((c) => c.operation === 'DescribeLoadBalancerPolicies').map((c) => c.ok));
    expect([...ops]).toEqual([true]);
  });

  it.each(['aws-elb-classic-https-listeners', 'aws-elb-classic-access-logs', 'aws-elb-classic-tls-policy-approved'])('%s passes the compliant load balancer and fails the broken one', (policy) => {
    expect(statusAt(findings, policy, GOOD)).toBe('pass');
    expect(statusAt(findings, policy, BAD)).toBe('fail');
  });
});
