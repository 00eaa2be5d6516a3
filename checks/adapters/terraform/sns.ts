import { attr, linkRef, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const topic: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.sns.topic', [rec.values.name]);
  r.attrs = {
    name: attr<string>(rec, 'name'),
    kmsMasterKeyId: attr<string>(rec, 'kms_master_key_id'),
    ...tagAttrs(rec),
  };
  r.linkRefs = [linkRef(rec, 'kmsKey', 'kms_master_key_id', ['aws.kms.key'])];
  return r;
};

export const snsAdapters: Record<string, TfAdapter> = { aws_sns_topic: topic };
