import { APIGatewayClient, GetStagesCommand as GetRestStagesCommand, paginateGetDomainNames, paginateGetRestApis } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, GetApisCommand, GetDomainNamesCommand as GetHttpDomainNamesCommand, GetStagesCommand as GetHttpStagesCommand } from '@aws-sdk/client-apigatewayv2';
import { v2Pages } from './apigateway-pages.js';
import { collectHttpRoutes, collectRestMethods, HTTP_ROUTE, REST_METHOD } from './apigateway-routes.js';
import { items, listAll, plain, type Collector } from './context.js';

// API Gateway authorises reads by HTTP verb on resource paths: every call below is `apigateway:GET`
// (iam-policy.json scopes it to /restapis, /apis and /domainnames, never /apikeys).
const GET = 'apigateway:GET';
const REST_STAGE = 'AWS::ApiGateway::Stage';
const HTTP_STAGE = 'AWS::ApiGatewayV2::Stage';
const DOMAIN = 'AWS::ApiGateway::DomainName';
const REST_API = 'AWS::ApiGateway::RestApi';
const HTTP_API = 'AWS::ApiGatewayV2::Api';

/**
 * API Gateway: REST APIs and HTTP/WebSocket APIs as GetRestApis / GetApis list them (policy and tags included), REST API stages (GetStages: method settings, cache cluster, webAclArn, access log settings,
 * tags), HTTP/WebSocket API stages, REST methods and HTTP/WebSocket routes with their authorization
 * (apigateway-routes.ts), and custom domain names with their securityPolicy. A domain both APIs
 * list (real API Gateway shares regional domains between them) is recorded once, from the REST API.
 */
export async function collectApiGateway(c: Collector, region: string): Promise<void> {
  const arn = (path: string) => `arn:${c.partition}:apigateway:${region}::${path}`;
  const rest = c.client(APIGatewayClient, region);
  const http = c.client(ApiGatewayV2Client, region);
  const [restApis, httpApis, restDomains, httpDomains] = await Promise.all([
    listAll(c, 'apigateway', region, GET, [REST_API, REST_STAGE, REST_METHOD], () => items(paginateGetRestApis({ client: rest }, {}), (p) => p.items)),
    listAll(c, 'apigateway', region, GET, [HTTP_API, HTTP_STAGE, HTTP_ROUTE], () => v2Pages((NextToken) => http.send(new GetApisCommand({ NextToken })))),
    listAll(c, 'apigateway', region, GET, [DOMAIN], () => items(paginateGetDomainNames({ client: rest }, {}), (p) => p.items)),
    listAll(c, 'apigateway', region, GET, [DOMAIN], () => v2Pages((NextToken) => http.send(new GetHttpDomainNamesCommand({ NextToken })))),
  ]);
  await Promise.all([
    ...(restApis ?? []).map(async (api) => {
      if (!api.id) return;
      c.add({ type: REST_API, arn: arn(`/restapis/${api.id}`), region, account: c.accountId, data: plain(api) as Record<string, unknown> });
      const stages = await listAll(c, 'apigateway', region, GET, [REST_STAGE], async function* () {
        yield (await rest.send(new GetRestStagesCommand({ restApiId: api.id }))).item;
      });
      for (const s of stages ?? []) {
        if (!s.stageName) continue;
        c.add({ type: REST_STAGE, arn: arn(`/restapis/${api.id}/stages/${s.stageName}`), region, account: c.accountId, data: { ...(plain(s) as Record<string, unknown>), restApiId: api.id, restApiName: api.name ?? null } });
      }
      await collectRestMethods(c, region, rest, api.id, api.name);
    }),
    ...(httpApis ?? []).map(async (api) => {
      if (!api.ApiId) return;
      c.add({ type: HTTP_API, arn: arn(`/apis/${api.ApiId}`), region, account: c.accountId, data: plain(api) as Record<string, unknown> });
      const stages = await listAll(c, 'apigateway', region, GET, [HTTP_STAGE], () => v2Pages((NextToken) => http.send(new GetHttpStagesCommand({ ApiId: api.ApiId, NextToken }))));
      for (const s of stages ?? []) {
        if (!s.StageName) continue;
        c.add({ type: HTTP_STAGE, arn: arn(`/apis/${api.ApiId}/stages/${s.StageName}`), region, account: c.accountId, data: { ...(plain(s) as Record<string, unknown>), ApiId: api.ApiId, ApiName: api.Name ?? null, ProtocolType: api.ProtocolType ?? null } });
      }
      await collectHttpRoutes(c, region, http, api.ApiId, api.Name, api.ProtocolType);
    }),
  ]);
  const seen = new Set<string>();
  for (const d of restDomains ?? []) {
    if (!d.domainName) continue;
    seen.add(d.domainName);
    c.add({ type: DOMAIN, arn: arn(`/domainnames/${d.domainName}`), region, account: c.accountId, data: { ...(plain(d) as Record<string, unknown>), apiType: 'rest' } });
  }
  for (const d of httpDomains ?? []) {
    if (!d.DomainName || seen.has(d.DomainName)) continue;
    c.add({ type: DOMAIN, arn: arn(`/domainnames/${d.DomainName}`), region, account: c.accountId, data: { ...(plain(d) as Record<string, unknown>), apiType: 'http' } });
  }
}
