import { attr, awsManagedKeyAttr, linkRef, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const stream: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.kinesis.stream', [rec.values.name]);
  r.attrs = {
    name: attr<string>(rec, 'name'),
    encryptionType: attr<string>(rec, 'encryption_type', { default: 'NONE' }),
    kmsKeyId: attr<string>(rec, 'kms_key_id'),
    kmsKeyIsAwsManaged: awsManagedKeyAttr(rec, 'kms_key_id'),
    retentionHours: attr<number>(rec, 'retention_period', { default: 24 }),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'kms_key_id', ['aws.kms.key']));
  return r;
};

/** Terraform resource type -> adapter. */
export const kinesisAdapters: Record<string, TfAdapter> = { aws_kinesis_stream: stream };
