import { APIGatewayClient, CreateDeploymentCommand, CreateResourceCommand, GetResourcesCommand, PutIntegrationCommand, PutMethodCommand, CreateDomainNameCommand, CreateRestApiCommand, CreateStageCommand, UpdateStageCommand } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, CreateApiCommand, CreateDomainNameCommand as CreateHttpDomainCommand, CreateRouteCommand, CreateStageCommand as CreateHttpStageCommand } from '@aws-sdk/client-apigatewayv2';
import { AssociateWebACLCommand, CreateWebACLCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import { CognitoIdentityProviderClient, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSnapshot } from '../../checks/sources/live/index.js';
import type { Snapshot } from '../../checks/sources/live/snapshot.js';
import type { Finding } from '../../checks/engine/types.js';
import { evaluateSnapshot, statusAt } from '../helpers/policy-tester.js';
import { motoEnv, startMoto, type Moto } from './moto.js';

/** The API Gateway (v1 and v2) and Cognito collectors against moto: a compliant and a broken one of each. */
let moto: Moto;
let snapshot: Snapshot;
let findings: Finding[];
const seeded = { goodStage: '', badStage: '', goodHttpStage: '', badHttpStage: '', goodPool: '', badPool: '', restApi: '', goodHttpApi: '', badHttpApi: '', bareHttpApi: '', loggedHttpStage: '', goodMethod: '', openMethod: '', preflight: '', goodRoute: '', openRoute: '' };
const domainArn = (name: string) => `arn:aws:apigateway:us-east-1::/domainnames/${name}`;
const tags = { DataClassification: 'student-data' };

beforeAll(async () => {
  motoEnv();
  moto = await startMoto();
  const cfg = { region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  const rest = new APIGatewayClient(cfg);
  const http = new ApiGatewayV2Client(cfg);
  const waf = new WAFV2Client(cfg);
  const cognito = new CognitoIdentityProviderClient(cfg);
  const logs = 'arn:aws:logs:us-east-1:123456789012:log-group:api-access';

  const api = await rest.send(new CreateRestApiCommand({ name: 'sis-rest', tags }));
  const root = (await rest.send(new GetResourcesCommand({ restApiId: api.id! }))).items![0]!.id!;
  await rest.send(new PutMethodCommand({ restApiId: api.id!, resourceId: root, httpMethod: 'GET', authorizationType: 'AWS_IAM' }));
  await rest.send(new PutIntegrationCommand({ restApiId: api.id!, resourceId: root, httpMethod: 'GET', type: 'MOCK' }));
  // live slice (issue 14): an open method (an API key is not authorization) and its CORS preflight, out of scope
  const grades = (await rest.send(new CreateResourceCommand({ restApiId: api.id!, parentId: root, pathPart: 'grades' }))).id!;
  await rest.send(new PutMethodCommand({ restApiId: api.id!, resourceId: grades, httpMethod: 'POST', authorizationType: 'NONE', apiKeyRequired: true }));
  await rest.send(new PutMethodCommand({ restApiId: api.id!, resourceId: grades, httpMethod: 'OPTIONS', authorizationType: 'NONE' }));
  const method = (resource: string, verb: string) => `arn:aws:apigateway:us-east-1::/restapis/${api.id}/resources/${resource}/methods/${verb}`;
  seeded.goodMethod = method(root, 'GET');
  seeded.openMethod = method(grades, 'POST');
  seeded.preflight = method(grades, 'OPTIONS');
  const dep = await rest.send(new CreateDeploymentCommand({ restApiId: api.id! }));
  await rest.send(new CreateStageCommand({ restApiId: api.id!, stageName: 'prod', deploymentId: dep.id!, cacheClusterEnabled: true, cacheClusterSize: '0.5', tags }));
  await rest.send(
    new UpdateStageCommand({
      restApiId: api.id!,
      stageName: 'prod',
      patchOperations: [
        { op: 'replace', path: '/*/*/caching/enabled', value: 'true' },
        { op: 'replace', path: '/*/*/caching/dataEncrypted', value: 'true' },
        { op: 'replace', path: '/accessLogSettings/destinationArn', value: logs },
        { op: 'replace', path: '/accessLogSettings/format', value: '$context.requestId' },
      ],
    }),
  );
  await rest.send(new CreateStageCommand({ restApiId: api.id!, stageName: 'legacy', deploymentId: dep.id!, cacheClusterEnabled: true, cacheClusterSize: '0.5', tags }));
  await rest.send(
    new UpdateStageCommand({
      restApiId: api.id!,
      stageName: 'legacy',
      patchOperations: [
        { op: 'replace', path: '/*/*/caching/enabled', value: 'true' },
        // moto's method settings default to encrypted; real API Gateway's default is false.
        { op: 'replace', path: '/*/*/caching/dataEncrypted', value: 'false' },
      ],
    }),
  );
  seeded.goodStage = `arn:aws:apigateway:us-east-1::/restapis/${api.id}/stages/prod`;
  seeded.badStage = `arn:aws:apigateway:us-east-1::/restapis/${api.id}/stages/legacy`;
  const acl = await waf.send(new CreateWebACLCommand({ Name: 'api', Scope: 'REGIONAL', DefaultAction: { Allow: {} }, VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'api' }, Rules: [] }));
  await waf.send(new AssociateWebACLCommand({ WebACLArn: acl.Summary!.ARN!, ResourceArn: seeded.goodStage }));

  await rest.send(new CreateDomainNameCommand({ domainName: 'api.example.edu', regionalCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/a', securityPolicy: 'TLS_1_2', tags }));
  await rest.send(new CreateDomainNameCommand({ domainName: 'old.example.edu', regionalCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/a', securityPolicy: 'TLS_1_0', tags }));
  await http.send(new CreateHttpDomainCommand({ DomainName: 'roster.example.edu', DomainNameConfigurations: [{ CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/a', EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' }], Tags: tags }));

  const httpApi = await http.send(new CreateApiCommand({ Name: 'sis-http', ProtocolType: 'HTTP', Tags: tags }));
  // live slice (issue 14): a route behind IAM authorization and one without any (AuthorizationType left out: NONE)
  const goodRoute = await http.send(new CreateRouteCommand({ ApiId: httpApi.ApiId!, RouteKey: 'GET /roster', AuthorizationType: 'AWS_IAM' }));
  const openRoute = await http.send(new CreateRouteCommand({ ApiId: httpApi.ApiId!, RouteKey: 'POST /roster' }));
  seeded.goodRoute = `arn:aws:apigateway:us-east-1::/apis/${httpApi.ApiId}/routes/${goodRoute.RouteId}`;
  seeded.openRoute = `arn:aws:apigateway:us-east-1::/apis/${httpApi.ApiId}/routes/${openRoute.RouteId}`;
  await http.send(new CreateHttpStageCommand({ ApiId: httpApi.ApiId!, StageName: 'live', AccessLogSettings: { DestinationArn: logs, Format: '$context.requestId' }, Tags: tags }));
  await http.send(new CreateHttpStageCommand({ ApiId: httpApi.ApiId!, StageName: 'dev', Tags: tags }));
  seeded.goodHttpStage = `arn:aws:apigateway:us-east-1::/apis/${httpApi.ApiId}/stages/live`;
  seeded.badHttpStage = `arn:aws:apigateway:us-east-1::/apis/${httpApi.ApiId}/stages/dev`;
  // apis slice: APIs judged through their stages (one fully logged, one with an unlogged stage, one without stages)
  const loggedApi = await http.send(new CreateApiCommand({ Name: 'roster-http', ProtocolType: 'HTTP', Tags: tags }));
  await http.send(new CreateHttpStageCommand({ ApiId: loggedApi.ApiId!, StageName: '$default', AccessLogSettings: { DestinationArn: logs, Format: '$context.requestId' } }));
  const bareApi = await http.send(new CreateApiCommand({ Name: 'draft-http', ProtocolType: 'HTTP', Tags: tags }));
  seeded.restApi = `arn:aws:apigateway:us-east-1::/restapis/${api.id}`;
  seeded.badHttpApi = `arn:aws:apigateway:us-east-1::/apis/${httpApi.ApiId}`;
  seeded.goodHttpApi = `arn:aws:apigateway:us-east-1::/apis/${loggedApi.ApiId}`;
  seeded.loggedHttpStage = `${seeded.goodHttpApi}/stages/$default`;
  seeded.bareHttpApi = `arn:aws:apigateway:us-east-1::/apis/${bareApi.ApiId}`;

  const good = await cognito.send(
    new CreateUserPoolCommand({
      PoolName: 'staff',
      MfaConfiguration: 'ON',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      Policies: { PasswordPolicy: { MinimumLength: 14, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true } },
      UserPoolTags: tags,
    }),
  );
  const bad = await cognito.send(new CreateUserPoolCommand({ PoolName: 'guardians', MfaConfiguration: 'OFF', UserPoolTags: tags }));
  seeded.goodPool = good.UserPool!.Arn!;
  seeded.badPool = bad.UserPool!.Arn!;

  snapshot = await collectSnapshot({ regions: ['us-east-1'], endpointUrl: moto.endpoint, quiet: true, maxAttempts: 2 });
  findings = evaluateSnapshot(snapshot);
});


afterAll(async () => {
  await moto?.stop();
});

describe('API Gateway collected from moto', () => {
  it('records REST and HTTP stages and every custom domain once, through apigateway:GET only', () => {
    const of = (type: string) => snapshot.resources.filter((r) => r.type === type).map((r) => r.arn).sort();
    expect(of('AWS::ApiGateway::Stage')).toEqual([seeded.goodStage, seeded.badStage].sort());
    expect(of('AWS::ApiGatewayV2::Stage')).toEqual([seeded.goodHttpStage, seeded.badHttpStage, seeded.loggedHttpStage].sort());
    expect(of('AWS::ApiGateway::DomainName')).toEqual(['api.example.edu', 'old.example.edu', 'roster.example.edu'].map(domainArn).sort());
    const good = snapshot.resources.find((r) => r.arn === seeded.goodStage)!;
    expect(good.data).toMatchObject({ cacheClusterEnabled: true, methodSettings: { '*/*': { cacheDataEncrypted: true } }, tags });
    const calls = new Set(snapshot.calls.filter((c) => c.service === 'apigateway').map((c) => `${c.operation} ${c.ok}`));
    expect([...calls]).toEqual(['GET true']);
  });

  it.each([
    ['aws-apigateway-rest-stage-cache-encrypted', 'goodStage', 'badStage'],
    ['aws-apigateway-rest-stage-waf', 'goodStage', 'badStage'],
    ['aws-apigateway-stage-access-logging', 'goodStage', 'badStage'],
    ['aws-apigateway-stage-access-logging', 'goodHttpStage', 'badHttpStage'],
  ] as const)('%s passes %s and fails %s', (policy, good, bad) => {
    expect(statusAt(findings, policy, seeded[good])).toBe('pass');
    expect(statusAt(findings, policy, seeded[bad])).toBe('fail');
  });

  it('records the REST and HTTP APIs and judges each through its stages (an API without stages is unknown)', () => {
    const of = (type: string) => snapshot.resources.filter((r) => r.type === type).map((r) => r.arn).sort();
    expect(of('AWS::ApiGateway::RestApi')).toEqual([seeded.restApi]);
    expect(of('AWS::ApiGatewayV2::Api')).toEqual([seeded.badHttpApi, seeded.goodHttpApi, seeded.bareHttpApi].sort());
    expect(statusAt(findings, 'aws-apigateway-api-stages-logged', seeded.goodHttpApi)).toBe('pass');
    expect(statusAt(findings, 'aws-apigateway-api-stages-logged', seeded.badHttpApi)).toBe('fail');
    expect(statusAt(findings, 'aws-apigateway-api-stages-logged', seeded.restApi)).toBe('fail');
    expect(statusAt(findings, 'aws-apigateway-api-stages-logged', seeded.bareHttpApi)).toBe('unknown');
  });

  it('judges the domains by their security policy (REST and HTTP)', () => {
    expect(statusAt(findings, 'aws-apigateway-domain-tls12', domainArn('api.example.edu'))).toBe('pass');
    expect(statusAt(findings, 'aws-apigateway-domain-tls12', domainArn('roster.example.edu'))).toBe('pass');
    expect(statusAt(findings, 'aws-apigateway-domain-tls12', domainArn('old.example.edu'))).toBe('fail');
  });
});

describe('API Gateway methods and routes collected from moto (live slice, issue 14)', () => {
  it('records every REST method (GetResources with embedded methods) and every HTTP route (GetRoutes) with its authorization', () => {
    const of = (type: string) => snapshot.resources.filter((r) => r.type === type);
    expect(of('AWS::ApiGateway::Method').map((r) => r.arn).sort()).toEqual([seeded.goodMethod, seeded.openMethod, seeded.preflight].sort());
    expect(of('AWS::ApiGatewayV2::Route').map((r) => r.arn).sort()).toEqual([seeded.goodRoute, seeded.openRoute].sort());
    expect(snapshot.resources.find((r) => r.arn === seeded.openMethod)!.data).toMatchObject({ path: '/grades', httpMethod: 'POST', authorizationType: 'NONE', apiKeyRequired: true });
    expect(snapshot.resources.find((r) => r.arn === seeded.goodRoute)!.data).toMatchObject({ RouteKey: 'GET /roster', AuthorizationType: 'AWS_IAM' });
    expect(snapshot.errors.filter((e) => e.service === 'apigateway')).toEqual([]);
  });

  it('passes the authorized method and route, fails the open ones, and leaves the OPTIONS preflight out of scope', () => {
    const policy = 'aws-apigateway-route-authorized';
    expect(statusAt(findings, policy, seeded.goodMethod)).toBe('pass');
    expect(statusAt(findings, policy, seeded.goodRoute)).toBe('pass');
    expect(statusAt(findings, policy, seeded.openMethod)).toBe('fail');
    expect(statusAt(findings, policy, seeded.openRoute)).toBe('fail');
    expect(findings.filter((f) => f.policyId === policy && f.resource.arn === seeded.preflight)).toEqual([]);
  });
});

describe('Cognito user pools collected from moto', () => {
  it('records both pools with their DescribeUserPool settings and tags', () => {
    const pools = snapshot.resources.filter((r) => r.type === 'AWS::Cognito::UserPool');
    expect(pools.map((p) => p.arn).sort()).toEqual([seeded.goodPool, seeded.badPool].sort());
    for (const p of pools) expect(p.errors).toBeUndefined();
    const calls = new Set(snapshot.calls.filter((c) => c.service === 'cognito-idp').map((c) => `${c.operation} ${c.ok}`));
    expect([...calls].sort()).toEqual(['DescribeUserPool true', 'ListUserPools true']);
  });

  it.each(['aws-cognito-user-pool-mfa-required', 'aws-cognito-user-pool-threat-protection', 'aws-cognito-user-pool-password-policy'])('%s passes the compliant pool and fails the broken one', (policy) => {
    expect(statusAt(findings, policy, seeded.goodPool)).toBe('pass');
    expect(statusAt(findings, policy, seeded.badPool)).toBe('fail');
  });
});
