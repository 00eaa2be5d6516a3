import { CreateWebACLCommand, PutLoggingConfigurationCommand, WAFV2Client, type Scope } from '@aws-sdk/client-wafv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { Finding } from '../../checks/engine/types.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/** The WAFv2 web ACL collector against moto: a regional ACL that logs, one that does not, and a CloudFront-scope ACL that logs. */
let moto: Moto;
let snapshot: Snapshot;
let findings: Finding[];
const acls = { logged: '', silent: '', edge: '' };

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const waf = new WAFV2Client({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  const create = async (name: string, scope: Scope) =>
    (await waf.send(new CreateWebACLCommand({ Name: name, Scope: scope, DefaultAction: { Allow: {} }, VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: name }, Rules: [] }))).Summary!.ARN!;
  acls.logged = await create('sis-api', 'REGIONAL');
  acls.silent = await create('sis-legacy', 'REGIONAL');
  acls.edge = await create('sis-edge', 'CLOUDFRONT');
  for (const arn of [acls.logged, acls.edge]) {
    await waf.send(new PutLoggingConfigurationCommand({ LoggingConfiguration: { ResourceArn: arn, LogDestinationConfigs: ['arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-sis'] } }));
  }
  snapshot = await collectSnapshot({ regions: ['us-east-1'], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2 });
  findings = evaluateSnapshot(snapshot);
});

afterAll(async () => {
  await moto?.stop();
});

describe('WAFv2 web ACLs collected from moto', () => {
  it('records regional ACLs in their region and CloudFront ACLs as global, each with its logging configuration', () => {
    const recs = snapshot.resources.filter((r) => r.type === 'AWS::WAFv2::WebACL');
    expect(recs.map((r) => r.arn).sort()).toEqual([acls.logged, acls.silent, acls.edge].sort());
    expect(recs.find((r) => r.arn === acls.edge)!.region).toBe('global');
    expect(recs.find((r) => r.arn === acls.logged)!.data.logging).toMatchObject({ LogDestinationConfigs: ['arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-sis'] });
    expect(recs.find((r) => r.arn === acls.silent)!.data.logging).toBeNull();
    const calls = new Set(snapshot.calls.filter((c) => c.service === 'wafv2' && c.operation !== 'GetWebACLForResource').map((c) => `${c.operation} ${c.ok}`));
    expect([...calls].sort()).toEqual(['ListLoggingConfigurations true', 'ListWebACLs true']);
  });

  it('aws-wafv2-web-acl-logging passes the logging regional ACL and fails the silent one', () => {
    expect(statusAt(findings, 'aws-wafv2-web-acl-logging', acls.logged)).toBe('pass');
    expect(statusAt(findings, 'aws-wafv2-web-acl-logging', acls.silent)).toBe('fail');
  });

  it("judges a CloudFront ACL from what the API returns (moto 5.2 never lists CLOUDFRONT-scope logging configurations, so only the fixtures show that pass)", () => {
    // moto filters CLOUDFRONT logging configurations on ':global:' in the ARN, while its ACL ARNs read '...:global/webacl/...'.
    // When moto lists them, this fails: then assert a pass here.
    expect(snapshot.resources.find((r) => r.arn === acls.edge)!.data.logging).toBeNull();
    expect(statusAt(findings, 'aws-wafv2-web-acl-logging', acls.edge)).toBe('fail');
  });
});
