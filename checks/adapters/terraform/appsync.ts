import { isUnknown, UNKNOWN } from '../../model/value.js';
import { attr, locOf, rawAt, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

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
    ...tagAttrs(rec),
  };
  return r;
};

/** Terraform resource type -> adapter. */
export const appsyncAdapters: Record<string, TfAdapter> = { aws_appsync_graphql_api: graphqlApi };
