import { isUnknown, UNKNOWN, type Val } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { asBool, attr, computedAttr, linkRef, locOf, rawAt, referencesOf, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const upper = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : undefined);

/** A REST API method: its HTTP method and authorization (live: checks/adapters/live/apigateway.ts, from GetResources). */
const restMethod: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.apigateway.route');
  r.attrs = {
    apiType: { value: 'rest', origin: 'explicit', loc: r.loc },
    httpMethod: attr(rec, 'http_method', { map: upper }),
    authorizationType: attr(rec, 'authorization', { map: upper }),
  };
  return r;
};

/** An HTTP or WebSocket API route: `GET /path`, or `$default` (every method). */
const httpRoute: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.apigateway.route');
  const key = attr<string>(rec, 'route_key');
  const method: Val = key.origin === 'unknown' || typeof key.value !== 'string' ? { value: undefined, origin: key.origin, loc: key.loc } : { value: key.value.startsWith('$') ? 'ANY' : key.value.split(' ')[0]!.toUpperCase(), origin: key.origin, loc: key.loc };
  r.attrs = {
    apiType: { value: 'http', origin: 'explicit', loc: r.loc },
    httpMethod: method,
    routeKey: key,
    authorizationType: attr(rec, 'authorization_type', { default: 'NONE', map: upper }),
  };
  return r;
};

/** The literal a REST stage is also known by (`<rest_api_id>/<stage_name>`), so method settings written with literals find it. */
function restStageToken(apiId: unknown, stageName: unknown): string[] {
  return typeof apiId === 'string' && typeof stageName === 'string' ? [`restapi:${apiId}/${stageName}`] : [];
}

function stage(apiType: 'rest' | 'http', namePath: string): TfAdapter {
  return (rec: TfRecord) => {
    const r = tfResource(rec, 'aws.apigateway.stage', apiType === 'rest' ? restStageToken(rec.values.rest_api_id, rec.values.stage_name) : []);
    const logs = rawAt(rec.values, 'access_log_settings');
    const loc = locOf(rec, 'access_log_settings');
    const present = Array.isArray(logs) ? logs.length > 0 : Boolean(logs);
    r.attrs = {
      apiType: { value: apiType, origin: 'explicit', loc: r.loc },
      name: attr(rec, namePath),
      accessLoggingEnabled: isUnknown(logs) ? { value: undefined, origin: 'unknown', loc } : present ? { value: true, origin: 'explicit', loc } : { value: false, origin: 'default', loc },
      accessLogDestination: attr(rec, 'access_log_settings.destination_arn'),
      ...(apiType === 'rest'
        ? {
            wafAssociated: { value: false, origin: 'default', loc: r.loc },
            cacheClusterEnabled: attr(rec, 'cache_cluster_enabled', { default: false, map: asBool }),
            methodSettings: { value: [], origin: 'default', loc: r.loc },
          }
        : {}),
      ...tagAttrs(rec),
    };
    r.linkRefs!.push(linkRef(rec, 'api', apiType === 'rest' ? 'rest_api_id' : 'api_id', ['aws.apigateway.api'], { inverse: 'stages' }));
    return r;
  };
}

/**
 * Method settings are a facet of the REST stage they name (rest_api_id + stage_name), appended to its
 * `methodSettings`: caching and its encryption are set here, not on the stage.
 */
const methodSettings: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.apigateway.stage');
  r.identifiers = [];
  const cachingEnabled = attr<boolean>(rec, 'settings.caching_enabled', { default: false, map: asBool });
  const cacheDataEncrypted = attr<boolean>(rec, 'settings.cache_data_encrypted', { default: false, map: asBool });
  const methodPath = attr<string>(rec, 'method_path');
  const loc = locOf(rec, 'settings');
  const entry = { methodPath: methodPath.value, cachingEnabled: cachingEnabled.origin === 'unknown' ? UNKNOWN : cachingEnabled.value, cacheDataEncrypted: cacheDataEncrypted.origin === 'unknown' ? UNKNOWN : cacheDataEncrypted.value };
  r.attrs = { methodSettings: { value: [entry], origin: 'explicit', loc } };
  r.appendAttrs = ['methodSettings'];
  r.mergeInto = 'stage';
  const stageRefs = referencesOf(rec, 'stage_name').filter((a) => /(^|\.)aws_api_gateway_stage\.[^.]+$/.test(a));
  r.linkRefs = [{ name: 'stage', kinds: ['aws.apigateway.stage'], addresses: stageRefs, literals: restStageToken(rec.values.rest_api_id, rec.values.stage_name), loc: locOf(rec, 'stage_name') }];
  return r;
};

/** A custom domain and the TLS security policy clients negotiate with it. */
function domainName(apiType: 'rest' | 'http', policyPath: string): TfAdapter {
  return (rec) => {
    const r = tfResource(rec, 'aws.apigateway.domain-name', [rec.values.domain_name]);
    r.attrs = {
      apiType: { value: apiType, origin: 'explicit', loc: r.loc },
      domainName: attr(rec, 'domain_name'),
      securityPolicy: apiType === 'rest' ? computedAttr(rec, policyPath, { default: 'TLS_1_0' }) : attr(rec, policyPath),
      ...tagAttrs(rec),
    };
    return r;
  };
}

// apis slice (issue 14, wave 4)
/** A REST API or an HTTP/WebSocket API: it holds no records itself, its stages serve them (judged through `stages`). */
function api(apiType: 'rest' | 'http'): TfAdapter {
  return (rec) => {
    const r = tfResource(rec, 'aws.apigateway.api');
    r.attrs = {
      apiType: { value: apiType, origin: 'explicit', loc: r.loc },
      name: attr(rec, 'name'),
      protocolType: apiType === 'rest' ? { value: 'REST', origin: 'explicit', loc: r.loc } : attr(rec, 'protocol_type', { map: upper }),
      ...tagAttrs(rec),
    };
    return r;
  };
}

export const apigatewayAdapters: Record<string, TfAdapter> = {
  aws_api_gateway_method: restMethod,
  aws_apigatewayv2_route: httpRoute,
  aws_api_gateway_stage: stage('rest', 'stage_name'),
  aws_apigatewayv2_stage: stage('http', 'name'),
  aws_api_gateway_method_settings: methodSettings,
  aws_api_gateway_domain_name: domainName('rest', 'security_policy'),
  aws_apigatewayv2_domain_name: domainName('http', 'domain_name_configuration.security_policy'),
  // apis slice (issue 14, wave 4)
  aws_api_gateway_rest_api: api('rest'),
  aws_apigatewayv2_api: api('http'),
};
