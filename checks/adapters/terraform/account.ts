import { UNKNOWN } from '../../model/value.js';
import { accountFacet, appendRegionalEntry, asBool, attr, linkRef, type TfAdapter } from './helpers/index.js';

/** Terraform resource type -> adapter. */
export const accountAdapters: Record<string, TfAdapter> = {
  // `enabled` defaults to true: declaring the resource turns encryption by default on.
  aws_ebs_encryption_by_default: (rec) => {
    const r = accountFacet(rec);
    const enabled = attr(rec, 'enabled', { default: true, map: asBool });
    r.attrs = { ebsEncryptionByDefault: enabled };
    // The setting is regional: kept with its provider region too, so a volume reads its own region's.
    appendRegionalEntry(r, rec, 'ebsEncryptionByDefaultRegions', { enabled: enabled.origin === 'unknown' ? UNKNOWN : enabled.value }, enabled.loc);
    return r;
  },
  aws_ebs_default_kms_key: (rec) => {
    const r = accountFacet(rec);
    r.attrs = { ebsDefaultKmsKeyId: attr(rec, 'key_arn') };
    r.linkRefs!.push(linkRef(rec, 'ebsDefaultKmsKey', 'key_arn', ['aws.kms.key']));
    return r;
  },
};
