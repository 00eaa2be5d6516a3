import { paginateGetResources, type APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { GetRoutesCommand, type ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import { v2Pages } from './apigateway-pages.js';
import { items, listAll, type Collector } from './context.js';

// Both reads are `apigateway:GET` on /restapis/<id>/resources and /apis/<id>/routes (iam-policy.json already allows them).
const GET = 'apigateway:GET';
export const REST_METHOD = 'AWS::ApiGateway::Method';
export const HTTP_ROUTE = 'AWS::ApiGatewayV2::Route';

/**
 * live slice (issue 14): the methods of one REST API, from GetResources with `embed: ['methods']` (every page): one
 * record per resource and method, `.../restapis/<id>/resources/<resource id>/methods/<METHOD>`, keeping the path, the
 * HTTP method and its authorization (type, authorizer, scopes, API key). Integrations and request models are not kept.
 * A failed list is recorded for the region: the route policy then reports `error` there.
 */
export async function collectRestMethods(c: Collector, region: string, client: APIGatewayClient, apiId: string, apiName: string | undefined): Promise<void> {
  const resources = await listAll(c, 'apigateway', region, GET, [REST_METHOD], () => items(paginateGetResources({ client }, { restApiId: apiId, embed: ['methods'] }), (p) => p.items));
  for (const res of resources ?? []) {
    if (!res.id) continue;
    for (const [verb, m] of Object.entries(res.resourceMethods ?? {})) {
      const httpMethod = m.httpMethod ?? verb;
      c.add({
        type: REST_METHOD,
        arn: `arn:${c.partition}:apigateway:${region}::/restapis/${apiId}/resources/${res.id}/methods/${httpMethod}`,
        region,
        account: c.accountId,
        data: {
          restApiId: apiId,
          restApiName: apiName ?? null,
          resourceId: res.id,
          path: res.path ?? null,
          httpMethod,
          authorizationType: m.authorizationType ?? null,
          authorizerId: m.authorizerId ?? null,
          authorizationScopes: m.authorizationScopes ?? [],
          apiKeyRequired: m.apiKeyRequired ?? false,
        },
      });
    }
  }
}

/**
 * live slice (issue 14): the routes of one HTTP or WebSocket API, from GetRoutes (every page): one record per route,
 * `.../apis/<id>/routes/<route id>`, keeping the route key and its authorization.
 */
export async function collectHttpRoutes(c: Collector, region: string, client: ApiGatewayV2Client, apiId: string, apiName: string | undefined, protocol: string | undefined): Promise<void> {
  const routes = await listAll(c, 'apigateway', region, GET, [HTTP_ROUTE], () => v2Pages((NextToken) => client.send(new GetRoutesCommand({ ApiId: apiId, NextToken }))));
  for (const r of routes ?? []) {
    if (!r.RouteId) continue;
    c.add({
      type: HTTP_ROUTE,
      arn: `arn:${c.partition}:apigateway:${region}::/apis/${apiId}/routes/${r.RouteId}`,
      region,
      account: c.accountId,
      data: {
        ApiId: apiId,
        ApiName: apiName ?? null,
        ProtocolType: protocol ?? null,
        RouteId: r.RouteId,
        RouteKey: r.RouteKey ?? null,
        AuthorizationType: r.AuthorizationType ?? null,
        AuthorizerId: r.AuthorizerId ?? null,
        AuthorizationScopes: r.AuthorizationScopes ?? [],
        ApiKeyRequired: r.ApiKeyRequired ?? false,
      },
    });
  }
}
