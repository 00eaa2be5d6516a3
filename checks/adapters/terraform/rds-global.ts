import type { Val } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { asBool, attr, computedAttr, isConfigured, rawAt, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/**
 * storage_encrypted is Optional+Computed: a new global database without it is unencrypted, but one built from a
 * source cluster takes the source's encryption, which this resource does not show.
 */
function storageEncrypted(rec: TfRecord): Val<boolean> {
  const v = computedAttr<boolean>(rec, 'storage_encrypted', { default: false, map: asBool });
  const fromSource = rawAt(rec.values, 'source_db_cluster_identifier');
  if (v.origin === 'default' && isConfigured(rec, 'storage_encrypted') !== true && fromSource !== undefined && fromSource !== null && fromSource !== '') return { value: undefined, origin: 'unknown', loc: v.loc };
  return v;
}

/** aws_rds_global_cluster: an Aurora global database spanning regions. */
const globalCluster: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.rds.global-cluster', [rec.values.global_cluster_identifier]);
  r.attrs = {
    identifier: attr<string>(rec, 'global_cluster_identifier'),
    storageEncrypted: storageEncrypted(rec),
    deletionProtection: attr(rec, 'deletion_protection', { default: false, map: asBool }),
    engine: computedAttr<string>(rec, 'engine'),
    ...tagAttrs(rec),
  };
  return r;
};

export const rdsGlobalAdapters: Record<string, TfAdapter> = { aws_rds_global_cluster: globalCluster };
