import { attr, awsManagedKeyAttr, computedAttr, linkRef, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

/** aws_timestreamwrite_database: kms_key_id unset means the AWS managed key alias/aws/timestream. */
const database: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.timestream.database', [rec.values.database_name]);
  r.attrs = {
    name: attr<string>(rec, 'database_name'),
    kmsKeyId: computedAttr<string>(rec, 'kms_key_id'),
    kmsKeyIsAwsManaged: awsManagedKeyAttr(rec, 'kms_key_id'),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'kms_key_id', ['aws.kms.key']));
  return r;
};

/** aws_timestreamwrite_table: encrypted with its database's key. */
const table: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.timestream.table');
  r.attrs = {
    name: attr<string>(rec, 'table_name'),
    databaseName: attr<string>(rec, 'database_name'),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'database', 'database_name', ['aws.timestream.database'], { inverse: 'tables' }));
  return r;
};

export const timestreamAdapters: Record<string, TfAdapter> = { aws_timestreamwrite_database: database, aws_timestreamwrite_table: table };
