import { asBool, attr, awsManagedKeyAttr, computedAttr, linkRef, rawAt, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const AWS_OWNED = 'AWS_OWNED_KMS_KEY';

/** aws_qldb_ledger: kms_key unset or AWS_OWNED_KMS_KEY means a key AWS owns; deletion protection on by default. */
const ledger: TfAdapter = (rec) => {
  const r = tfResource(rec, 'aws.qldb.ledger', [rec.values.name]);
  const key = computedAttr<string>(rec, 'kms_key');
  r.attrs = {
    name: computedAttr<string>(rec, 'name'),
    kmsKey: key,
    kmsKeyIsAwsManaged: rawAt(rec.values, 'kms_key') === AWS_OWNED ? { value: true, origin: key.origin, loc: key.loc } : awsManagedKeyAttr(rec, 'kms_key'),
    deletionProtection: attr(rec, 'deletion_protection', { default: true, map: asBool }),
    ...tagAttrs(rec),
  };
  r.linkRefs!.push(linkRef(rec, 'kmsKey', 'kms_key', ['aws.kms.key']));
  return r;
};

export const qldbAdapters: Record<string, TfAdapter> = { aws_qldb_ledger: ledger };
