import { dataAt, liveAttr, liveDerived, liveLink, liveRefToken, liveResource, locAt, tagVals, type LiveAdapter } from './helpers/index.js';

interface RestMethodSetting {
  cachingEnabled?: boolean;
  cacheDataEncrypted?: boolean;
}

/**
 * A REST API stage as GetStages describes it (collect/apigateway.ts): `methodSettings` is a map keyed by
 * method path (one key stands for every method), `webAclArn` the associated WAF web ACL, `accessLogSettings` the access log.
 */
const restStage: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.apigateway.stage', ctx, [`restapi:${String(dataAt(rec, 'restApiId'))}/${String(dataAt(rec, 'stageName'))}`]);
  const settings = (dataAt(rec, 'methodSettings') as Record<string, RestMethodSetting> | undefined) ?? {};
  const web = dataAt(rec, 'webAclArn');
  const dest = dataAt(rec, 'accessLogSettings.destinationArn');
  r.attrs = {
    apiType: liveDerived(rec, ctx, 'restApiId', 'rest'),
    name: liveAttr(rec, ctx, 'stageName'),
    accessLoggingEnabled: liveDerived(rec, ctx, 'accessLogSettings', Boolean(dest), [], dest ? 'explicit' : 'default'),
    accessLogDestination: liveAttr(rec, ctx, 'accessLogSettings.destinationArn'),
    wafAssociated: liveDerived(rec, ctx, 'webAclArn', Boolean(web), [], web ? 'explicit' : 'default'),
    wafWebAclArn: liveAttr(rec, ctx, 'webAclArn'),
    cacheClusterEnabled: liveAttr(rec, ctx, 'cacheClusterEnabled', { default: false }),
    methodSettings: liveDerived(
      rec,
      ctx,
      'methodSettings',
      Object.entries(settings).map(([methodPath, s]) => ({ methodPath, cachingEnabled: s.cachingEnabled ?? false, cacheDataEncrypted: s.cacheDataEncrypted ?? false })),
    ),
    ...tagVals(rec, ctx, 'tags'),
  };
  r.linkRefs!.push(liveLink(rec, ctx, 'api', apiToken(rec.region, dataAt(rec, 'restApiId')), ['aws.apigateway.api'], { inverse: 'stages', attribute: 'restApiId' }));
  return r;
};

/** An HTTP or WebSocket API stage as apigatewayv2 GetStages describes it (no cache, no web ACL). */
const httpStage: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.apigateway.stage', ctx);
  const dest = dataAt(rec, 'AccessLogSettings.DestinationArn');
  r.attrs = {
    apiType: liveDerived(rec, ctx, 'ApiId', 'http'),
    name: liveAttr(rec, ctx, 'StageName'),
    accessLoggingEnabled: liveDerived(rec, ctx, 'AccessLogSettings', Boolean(dest), [], dest ? 'explicit' : 'default'),
    accessLogDestination: liveAttr(rec, ctx, 'AccessLogSettings.DestinationArn'),
    ...tagVals(rec, ctx, 'Tags'),
  };
  r.linkRefs!.push(liveLink(rec, ctx, 'api', apiToken(rec.region, dataAt(rec, 'ApiId')), ['aws.apigateway.api'], { inverse: 'stages', attribute: 'ApiId' }));
  return r;
};

// apis slice (issue 14, wave 4)
/** API ids are short and unique per region only: stages link to their API by this token. */
function apiToken(region: string | undefined, id: unknown): string | undefined {
  return typeof id === 'string' && id ? liveRefToken('apigateway-api', region ?? '', id) : undefined;
}

/** A REST API as GetRestApis lists it (name, tags; its stages link to it by id). */
const restApi: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.apigateway.api', ctx, [apiToken(rec.region, dataAt(rec, 'id'))]);
  r.attrs = {
    apiType: liveDerived(rec, ctx, 'id', 'rest'),
    name: liveAttr(rec, ctx, 'name'),
    protocolType: liveDerived(rec, ctx, 'id', 'REST'),
    ...tagVals(rec, ctx, 'tags'),
  };
  return r;
};

/** An HTTP or WebSocket API as apigatewayv2 GetApis lists it. */
const httpApi: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.apigateway.api', ctx, [apiToken(rec.region, dataAt(rec, 'ApiId'))]);
  r.attrs = {
    apiType: liveDerived(rec, ctx, 'ApiId', 'http'),
    name: liveAttr(rec, ctx, 'Name'),
    protocolType: liveAttr(rec, ctx, 'ProtocolType'),
    ...tagVals(rec, ctx, 'Tags'),
  };
  return r;
};

const TLS12 = /^(TLS_1_2|SecurityPolicy_TLS1[23]_.+)$/;

/**
 * A custom domain name: from the REST API (`securityPolicy`, TLS_1_0 when the answer leaves it out) or,
 * when only apigatewayv2 lists it, from its endpoint configurations (the weakest policy among them stands).
 */
const domainName: LiveAdapter = (rec, ctx) => {
  const rest = dataAt(rec, 'apiType') !== 'http';
  const name = dataAt(rec, rest ? 'domainName' : 'DomainName');
  const r = liveResource(rec, 'aws.apigateway.domain-name', ctx, [name]);
  const configs = (dataAt(rec, 'DomainNameConfigurations') as Array<{ SecurityPolicy?: string }> | undefined) ?? [];
  const policies = configs.map((c) => c.SecurityPolicy ?? 'TLS_1_0');
  r.attrs = {
    apiType: liveAttr(rec, ctx, 'apiType', { default: 'rest' }),
    domainName: liveDerived(rec, ctx, rest ? 'domainName' : 'DomainName', name as string | undefined),
    securityPolicy: rest
      ? liveAttr(rec, ctx, 'securityPolicy', { default: 'TLS_1_0' })
      : liveDerived(rec, ctx, 'DomainNameConfigurations', policies.find((p) => !TLS12.test(p)) ?? policies[0]),
    ...tagVals(rec, ctx, rest ? 'tags' : 'Tags'),
  };
  return r;
};

// live slice (issue 14)
const upper = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : undefined);

/**
 * A REST API method as GetResources (embed methods) answers it (collect/apigateway-routes.ts). AWS always answers
 * `authorizationType` (PutMethod requires it): a record without one is unknown, never a pass.
 */
const restMethod: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.apigateway.route', ctx);
  const auth = dataAt(rec, 'authorizationType');
  r.attrs = {
    apiType: liveDerived(rec, ctx, 'restApiId', 'rest'),
    httpMethod: liveAttr(rec, ctx, 'httpMethod', { map: upper }),
    authorizationType: typeof auth === 'string' ? liveAttr(rec, ctx, 'authorizationType', { map: upper }) : { value: undefined, origin: 'unknown', loc: locAt(rec, ctx, 'authorizationType') },
  };
  return r;
};

/** An HTTP or WebSocket API route as GetRoutes answers it: `GET /path`, or `$default` (every method); AuthorizationType defaults to NONE. */
const httpRoute: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.apigateway.route', ctx);
  const key = liveAttr<string>(rec, ctx, 'RouteKey');
  const method = typeof key.value === 'string' ? (key.value.startsWith('$') ? 'ANY' : key.value.split(' ')[0]!.toUpperCase()) : undefined;
  r.attrs = {
    apiType: liveDerived(rec, ctx, 'ApiId', 'http'),
    httpMethod: liveDerived(rec, ctx, 'RouteKey', method),
    routeKey: key,
    authorizationType: liveAttr(rec, ctx, 'AuthorizationType', { default: 'NONE', map: upper }),
  };
  return r;
};

export const apigatewayLiveAdapters: Record<string, LiveAdapter> = {
  // live slice (issue 14)
  'AWS::ApiGateway::Method': restMethod,
  'AWS::ApiGatewayV2::Route': httpRoute,
  'AWS::ApiGateway::Stage': restStage,
  'AWS::ApiGatewayV2::Stage': httpStage,
  'AWS::ApiGateway::DomainName': domainName,
  // apis slice (issue 14, wave 4)
  'AWS::ApiGateway::RestApi': restApi,
  'AWS::ApiGatewayV2::Api': httpApi,
};
