import { asBool, attr, computedAttr, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/** aws_dms_replication_instance: publicly_accessible is Optional+Computed, and AWS's default is a public address. */
const replicationInstance: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.dms.replication-instance', [rec.values.replication_instance_id]);
  r.attrs = {
    name: attr<string>(rec, 'replication_instance_id'),
    publiclyAccessible: computedAttr<boolean>(rec, 'publicly_accessible', { default: true, map: asBool }),
    ...tagAttrs(rec),
  };
  return r;
};

/** aws_dms_endpoint: ssl_mode is Optional+Computed, none unless set. */
const endpoint: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.dms.endpoint', [rec.values.endpoint_id]);
  r.attrs = {
    name: attr<string>(rec, 'endpoint_id'),
    endpointType: attr<string>(rec, 'endpoint_type', { map: (v) => (typeof v === 'string' ? v.toLowerCase() : undefined) }),
    engineName: attr<string>(rec, 'engine_name'),
    sslMode: computedAttr<string>(rec, 'ssl_mode', { default: 'none' }),
    ...tagAttrs(rec),
  };
  return r;
};

/** Terraform resource type -> adapter. */
export const dmsAdapters: Record<string, TfAdapter> = { aws_dms_replication_instance: replicationInstance, aws_dms_endpoint: endpoint };
