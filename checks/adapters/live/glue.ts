import { dataAt, liveAttr, liveLink, liveResource, type LiveAdapter } from './helpers/index.js';

const S = 'DataCatalogEncryptionSettings';

/** A region's Data Catalog encryption settings, as GetDataCatalogEncryptionSettings answers (facet `DataCatalogEncryptionSettings`). */
const catalog: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.glue.data-catalog', ctx, [dataAt(rec, 'CatalogId')]);
  const key = dataAt(rec, `${S}.EncryptionAtRest.SseAwsKmsKeyId`) as string | undefined;
  r.attrs = {
    catalogEncryptionMode: liveAttr(rec, ctx, `${S}.EncryptionAtRest.CatalogEncryptionMode`, { default: 'DISABLED' }),
    catalogKmsKeyId: liveAttr(rec, ctx, `${S}.EncryptionAtRest.SseAwsKmsKeyId`),
    connectionPasswordEncrypted: liveAttr(rec, ctx, `${S}.ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted`, { default: false }),
    connectionPasswordKmsKeyId: liveAttr(rec, ctx, `${S}.ConnectionPasswordEncryption.AwsKmsKeyId`),
  };
  if (key) r.linkRefs!.push(liveLink(rec, ctx, 'catalogKey', key, ['aws.kms.key'], { attribute: `${S}.EncryptionAtRest.SseAwsKmsKeyId` }));
  return r;
};

export const glueLiveAdapters: Record<string, LiveAdapter> = { 'AWS::Glue::DataCatalogEncryptionSettings': catalog };
