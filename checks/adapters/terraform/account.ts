import type { Resource } from '../../model/resource.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { asBool, attr, linkRef, tfResource, type TfAdapter } from './helpers.js';

/** An account-level setting: a facet of the synthetic `aws.account` (id `account`). */
function accountFacet(rec: TfRecord): Resource {
  const r = tfResource(rec, 'aws.account');
  r.identifiers = [];
  r.mergeInto = 'account';
  r.linkRefs = [{ name: 'account', kinds: ['aws.account'], addresses: ['account'], loc: r.loc }];
  return r;
}

/** Terraform resource type -> adapter. */
export const accountAdapters: Record<string, TfAdapter> = {
  // `enabled` defaults to true: declaring the resource turns encryption by default on.
  aws_ebs_encryption_by_default: (rec) => {
    const r = accountFacet(rec);
    r.attrs = { ebsEncryptionByDefault: attr(rec, 'enabled', { default: true, map: asBool }) };
    return r;
  },
  aws_ebs_default_kms_key: (rec) => {
    const r = accountFacet(rec);
    r.attrs = { ebsDefaultKmsKeyId: attr(rec, 'key_arn') };
    r.linkRefs!.push(linkRef(rec, 'ebsDefaultKmsKey', 'key_arn', ['aws.kms.key']));
    return r;
  },
};
