import { asBool, attr, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/** aws_db_proxy: require_tls and debug_logging are Optional, false when not set. */
const proxy: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.rds.proxy', [rec.values.name]);
  r.attrs = {
    name: attr<string>(rec, 'name'),
    engineFamily: attr<string>(rec, 'engine_family'),
    requireTls: attr<boolean>(rec, 'require_tls', { default: false, map: asBool }),
    debugLogging: attr<boolean>(rec, 'debug_logging', { default: false, map: asBool }),
    ...tagAttrs(rec),
  };
  return r;
};

/** Terraform resource type -> adapter. */
export const rdsProxyAdapters: Record<string, TfAdapter> = { aws_db_proxy: proxy };
