import type { Val } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { attr, computedAttr, derived, linkRef, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/** aws_keyspaces_keyspace: a namespace; its tables hold the records. */
const keyspace: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.keyspaces.keyspace', [rec.values.name]);
  r.attrs = { name: attr<string>(rec, 'name'), ...tagAttrs(rec) };
  return r;
};

/** encryption_specification is Optional+Computed: unset means AWS_OWNED_KMS_KEY. */
function keyAwsOwned(rec: TfRecord): Val<boolean> {
  const type = computedAttr<string>(rec, 'encryption_specification.type', { default: 'AWS_OWNED_KMS_KEY', configuredAt: 'encryption_specification' });
  return derived(type.value === undefined ? undefined : type.value !== 'CUSTOMER_MANAGED_KMS_KEY', [type]);
}

/** aws_keyspaces_table: key and point-in-time recovery are the table's own. */
const table: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.keyspaces.table');
  const pitr = computedAttr<string>(rec, 'point_in_time_recovery.status', { default: 'DISABLED', configuredAt: 'point_in_time_recovery' });
  r.attrs = {
    name: attr<string>(rec, 'table_name'),
    keyspaceName: attr<string>(rec, 'keyspace_name'),
    kmsKeyId: computedAttr<string>(rec, 'encryption_specification.kms_key_identifier', { configuredAt: 'encryption_specification' }),
    kmsKeyIsAwsManaged: keyAwsOwned(rec),
    pointInTimeRecovery: derived(pitr.value === undefined ? undefined : pitr.value === 'ENABLED', [pitr]),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'keyspace', 'keyspace_name', ['aws.keyspaces.keyspace'], { inverse: 'tables' }));
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'encryption_specification.kms_key_identifier', ['aws.kms.key']));
  return r;
};

export const keyspacesAdapters: Record<string, TfAdapter> = { aws_keyspaces_keyspace: keyspace, aws_keyspaces_table: table };
