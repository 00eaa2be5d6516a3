import { dataAt, keyFlag, keyIsAwsManaged, liveAttr, liveDerived, liveLink, liveResource, tagVals, unlistedKeyUnknown, type LiveAdapter } from './helpers/index.js';

const AWS_OWNED = 'AWS_OWNED_KMS_KEY';

/** A ledger as ListLedgers names it and DescribeLedger (facet `ledger`) describes it, with its tags. */
const ledger: LiveAdapter = (rec, ctx) => {
  const r = liveResource(rec, 'aws.qldb.ledger', ctx, [dataAt(rec, 'Name')]);
  const raw = dataAt(rec, 'ledger.EncryptionDescription.KmsKeyArn') as string | undefined;
  const key = raw && raw !== AWS_OWNED ? raw : undefined;
  r.attrs = {
    name: liveAttr(rec, ctx, 'Name'),
    kmsKey: liveAttr(rec, ctx, 'ledger.EncryptionDescription.KmsKeyArn', { default: AWS_OWNED }),
    kmsKeyIsAwsManaged: keyFlag(ctx, key, unlistedKeyUnknown(liveDerived(rec, ctx, 'ledger.EncryptionDescription.KmsKeyArn', key ? keyIsAwsManaged(ctx, key) : true, ['ledger'], raw ? 'explicit' : 'default'))),
    deletionProtection: liveAttr(rec, ctx, 'ledger.DeletionProtection', { default: true }),
    ...tagVals(rec, ctx, 'tags', 'tags'),
  };
  if (key) r.linkRefs!.push(liveLink(rec, ctx, 'kmsKey', key, ['aws.kms.key'], { attribute: 'ledger.EncryptionDescription.KmsKeyArn' }));
  return r;
};

export const qldbLiveAdapters: Record<string, LiveAdapter> = { 'AWS::QLDB::Ledger': ledger };
