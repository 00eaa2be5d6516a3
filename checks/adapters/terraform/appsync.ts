import { isUnknown, UNKNOWN } from '../../model/value.js';
import { asBool, attr, linkRef, locOf, rawAt, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

// apis slice (issue 14, wave 4)
/** aws_appsync_graphql_api: its authorization types and its field-level logging (NONE without a log_config block). */
const graphqlApi: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.appsync.graphql-api');
  const primary = attr<string>(rec, 'authentication_type');
  const extra = rawAt(rec.values, 'additional_authentication_provider');
  const providers = isUnknown(extra) ? undefined : Array.isArray(extra) ? extra : [];
  const types = providers === undefined || primary.origin === 'unknown' ? undefined : [primary.value, ...providers.map((p) => (p && typeof p === 'object' ? (p as Record<string, unknown>).authentication_type : undefined) ?? UNKNOWN)];
  const logConfig = rawAt(rec.values, 'log_config');
  const hasLogConfig = isUnknown(logConfig) ? undefined : Array.isArray(logConfig) ? logConfig.length > 0 : Boolean(logConfig);
  r.attrs = {
    name: attr<string>(rec, 'name'),
    authenticationType: primary,
    authenticationTypes: types === undefined ? { value: undefined, origin: 'unknown', loc: locOf(rec, 'additional_authentication_provider') } : { value: types, origin: 'explicit', loc: locOf(rec, 'authentication_type') },
    fieldLogLevel:
      hasLogConfig === undefined
        ? { value: undefined, origin: 'unknown', loc: locOf(rec, 'log_config') }
        : hasLogConfig
          ? attr<string>(rec, 'log_config.field_log_level', { default: 'NONE' })
          : { value: 'NONE', origin: 'default', loc: r.loc },
    // an aws_appsync_api_cache (apiCache below) sets these
    cached: { value: false, origin: 'default', loc: r.loc },
    cacheAtRestEncryption: { value: undefined, origin: 'default', loc: r.loc },
    cacheTransitEncryption: { value: undefined, origin: 'default', loc: r.loc },
    ...tagAttrs(rec),
  };
  return r;
};

/** aws_appsync_api_cache: the API's resolver cache, a facet of the API; both encryptions are off unless set. */
const apiCache: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.appsync.api-cache');
  r.identifiers = [];
  r.attrs = {
    cached: { value: true, origin: 'explicit', loc: r.loc },
    cacheAtRestEncryption: attr<boolean>(rec, 'at_rest_encryption_enabled', { default: false, map: asBool }),
    cacheTransitEncryption: attr<boolean>(rec, 'transit_encryption_enabled', { default: false, map: asBool }),
  };
  r.linkRefs!.push(linkRef(rec, 'api', 'api_id', ['aws.appsync.graphql-api']));
  r.mergeInto = 'api';
  return r;
};

/** Terraform resource type -> adapter. */
export const appsyncAdapters: Record<string, TfAdapter> = { aws_appsync_graphql_api: graphqlApi, aws_appsync_api_cache: apiCache };
