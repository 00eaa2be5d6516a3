import { isUnknown, type Val } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { attr, locOf, rawAt, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const upper = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : undefined);

/** A REST API method: its HTTP method and authorization (there is no live collector for API Gateway). */
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

function stage(apiType: 'rest' | 'http', namePath: string): TfAdapter {
  return (rec: TfRecord) => {
    const r = tfResource(rec, 'aws.apigateway.stage');
    const logs = rawAt(rec.values, 'access_log_settings');
    const loc = locOf(rec, 'access_log_settings');
    const present = Array.isArray(logs) ? logs.length > 0 : Boolean(logs);
    r.attrs = {
      apiType: { value: apiType, origin: 'explicit', loc: r.loc },
      name: attr(rec, namePath),
      accessLoggingEnabled: isUnknown(logs) ? { value: undefined, origin: 'unknown', loc } : present ? { value: true, origin: 'explicit', loc } : { value: false, origin: 'default', loc },
      accessLogDestination: attr(rec, 'access_log_settings.destination_arn'),
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
};
