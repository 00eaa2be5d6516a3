import type { LinkRef, Resource } from '../../../model/resource.js';
import { UNKNOWN, type Location } from '../../../model/value.js';
import type { TfRecord } from '../../../sources/terraform/record.js';
import { tfResource } from './record.js';

/** Id (and address) of the synthetic `aws.account` of a Terraform scan, which account-level settings merge into. */
export const ACCOUNT_ID = 'account';

/** A link to the synthetic account (an EBS volume reads the account's encryption-by-default through it). */
export function accountLink(loc: Location): LinkRef {
  return { name: 'account', kinds: ['aws.account'], addresses: [ACCOUNT_ID], loc };
}

/** An account-level setting (aws_ebs_encryption_by_default, aws_s3_account_public_access_block): a facet of the synthetic account. */
export function accountFacet(rec: TfRecord): Resource {
  const r = tfResource(rec, 'aws.account');
  r.identifiers = [];
  r.mergeInto = 'account';
  r.linkRefs = [accountLink(r.loc)];
  return r;
}

/**
 * A regional account setting kept with its provider region as one entry `{ region, ...fields }` of a list the
 * facets append to (the synthetic account starts it empty), so a resource reads its own region's declaration.
 */
export function appendRegionalEntry(r: Resource, rec: TfRecord, attr: string, fields: Record<string, unknown>, loc: Location | undefined): void {
  r.attrs[attr] = { value: [{ region: rec.region ?? UNKNOWN, ...fields }], origin: 'explicit', loc };
  (r.appendAttrs ??= []).push(attr);
}
