import { attr, computedAttr, linkRef, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const S = 'data_catalog_encryption_settings';

/** aws_glue_data_catalog_encryption_settings: the catalog's whole encryption configuration (the API replaces it as one). */
const encryptionSettings: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.glue.data-catalog', [rec.values.catalog_id]);
  r.attrs = {
    catalogEncryptionMode: attr<string>(rec, `${S}.encryption_at_rest.catalog_encryption_mode`, { default: 'DISABLED' }),
    catalogKmsKeyId: attr<string>(rec, `${S}.encryption_at_rest.sse_aws_kms_key_id`),
    connectionPasswordEncrypted: attr<boolean>(rec, `${S}.connection_password_encryption.return_connection_password_encrypted`, { default: false }),
    connectionPasswordKmsKeyId: attr<string>(rec, `${S}.connection_password_encryption.aws_kms_key_id`),
  };
  r.linkRefs!.push(linkRef(rec, 'catalogKey', `${S}.encryption_at_rest.sse_aws_kms_key_id`, ['aws.kms.key']));
  return r;
};

// lakes-apis slice (issue 14, wave 4)
/** aws_glue_catalog_database: judged through its region's catalog encryption settings. */
const database: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.glue.catalog-entry', [rec.values.name]);
  r.attrs = {
    entryType: { value: 'database', origin: 'explicit', loc: r.loc },
    name: attr<string>(rec, 'name'),
    databaseName: attr<string>(rec, 'name'),
    catalogId: computedAttr<string>(rec, 'catalog_id'),
    ...tagAttrs(rec),
  };
  return r;
};

/** aws_glue_catalog_table: has no tags of its own (classified as its database); judged through its region's catalog encryption settings. */
const table: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.glue.catalog-entry');
  r.attrs = {
    entryType: { value: 'table', origin: 'explicit', loc: r.loc },
    name: attr<string>(rec, 'name'),
    databaseName: attr<string>(rec, 'database_name'),
    catalogId: computedAttr<string>(rec, 'catalog_id'),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'database', 'database_name', ['aws.glue.catalog-entry']));
  r.classifiedBy = 'database';
  return r;
};

/** Terraform resource type -> adapter. */
export const glueAdapters: Record<string, TfAdapter> = {
  aws_glue_data_catalog_encryption_settings: encryptionSettings,
  aws_glue_catalog_database: database,
  aws_glue_catalog_table: table,
};
