import type { Resource } from '../../model/resource.js';
import { isUnknown, type Val } from '../../model/value.js';
import type { TfRecord } from '../../sources/terraform/record.js';
import { attr, isConfigured, linkRef, locOf, rawAt, tagAttrs, tfResource, type TfAdapter } from './helpers/index.js';

const KIND = 'aws.ec2.managed-prefix-list';

/** AWS-managed lists are named after the service whose addresses they hold (`com.amazonaws.us-east-1.s3`). */
const AWS_NAME = /^com\.amazonaws\./;

/**
 * The CIDRs of a list of `{ cidr }` objects (`entry` blocks, a data source's `entries`): unknown when the
 * list or any CIDR in it is known only after apply, so an entry that may be 0.0.0.0/0 is never dropped.
 */
function cidrsOf(rec: TfRecord, path: string, whenAbsent: 'none' | 'unknown'): Val<string[]> {
  const raw = rawAt(rec.values, path);
  const loc = locOf(rec, path);
  if (isUnknown(raw)) {
    // entries kept in aws_ec2_managed_prefix_list_entry resources leave the block unwritten (computed in a plan)
    if (isConfigured(rec, path) === false && whenAbsent === 'none') return { value: [], origin: 'default', loc };
    return { value: undefined, origin: 'unknown', loc };
  }
  if (raw === undefined || raw === null) return whenAbsent === 'none' ? { value: [], origin: 'default', loc } : { value: undefined, origin: 'unknown', loc };
  if (!Array.isArray(raw)) return { value: undefined, origin: 'unknown', loc };
  const out: string[] = [];
  for (const e of raw) {
    const cidr = e && typeof e === 'object' ? (e as Record<string, unknown>).cidr : undefined;
    if (isUnknown(e) || isUnknown(cidr) || typeof cidr !== 'string') return { value: undefined, origin: 'unknown', loc };
    out.push(cidr);
  }
  return { value: out, origin: 'explicit', loc };
}

function awsManagedOf(rec: TfRecord, loc: Resource['loc']): Val<boolean> {
  const owner = rawAt(rec.values, 'owner_id');
  const name = rawAt(rec.values, 'name');
  if (owner === 'AWS' || (typeof name === 'string' && AWS_NAME.test(name))) return { value: true, origin: 'explicit', loc };
  if (typeof owner === 'string' && owner) return { value: false, origin: 'explicit', loc };
  if (typeof name === 'string' && name) return { value: false, origin: 'explicit', loc };
  return { value: undefined, origin: 'unknown', loc };
}

/** aws_ec2_managed_prefix_list: a customer-managed list and its inline `entry` blocks. */
const managedPrefixList: TfAdapter = (rec) => {
  const r = tfResource(rec, KIND, [rec.values.name]);
  const { tags, dataClass } = tagAttrs(rec);
  r.attrs = {
    name: attr(rec, 'name'),
    awsManaged: { value: false, origin: 'explicit', loc: r.loc },
    entries: cidrsOf(rec, 'entry', 'none'),
    addressFamily: attr(rec, 'address_family'),
    tags,
    dataClass,
  };
  return r;
};

/**
 * aws_ec2_managed_prefix_list_entry: one CIDR of a list, appended to the list's `entries` by the linker.
 * Without its list in the input it says nothing about the rest of the list, so it is not kept alone.
 */
const prefixListEntry: TfAdapter = (rec) => {
  const r = tfResource(rec, KIND);
  const cidr = rawAt(rec.values, 'cidr');
  const loc = locOf(rec, 'cidr');
  r.attrs = { entries: isUnknown(cidr) || typeof cidr !== 'string' ? { value: undefined, origin: 'unknown', loc } : { value: [cidr], origin: 'explicit', loc } };
  r.mergeInto = 'prefixList';
  r.appendAttrs = ['entries'];
  r.identifiers = [];
  r.linkRefs = [linkRef(rec, 'prefixList', 'prefix_list_id', [KIND])];
  return r;
};

/** data.aws_ec2_managed_prefix_list: any list of the region, read at plan time (its entries unknown in HCL). */
const managedPrefixListData: TfAdapter = (rec) => {
  const r = tfResource(rec, KIND, [rec.values.name]);
  r.attrs = {
    name: attr(rec, 'name'),
    awsManaged: awsManagedOf(rec, r.loc),
    entries: cidrsOf(rec, 'entries', 'unknown'),
    addressFamily: attr(rec, 'address_family'),
  };
  return r;
};

/** data.aws_prefix_list: the prefix list of an AWS service (DescribePrefixLists lists no other). */
const servicePrefixListData: TfAdapter = (rec) => {
  const r = tfResource(rec, KIND, [rec.values.prefix_list_id, rec.values.name]);
  const blocks = rawAt(rec.values, 'cidr_blocks');
  const loc = locOf(rec, 'cidr_blocks');
  r.attrs = {
    name: attr(rec, 'name'),
    awsManaged: { value: true, origin: 'explicit', loc: r.loc },
    entries: Array.isArray(blocks) && blocks.every((c) => typeof c === 'string') ? { value: blocks as string[], origin: 'explicit', loc } : { value: undefined, origin: 'unknown', loc },
  };
  return r;
};

export const prefixListAdapters: Record<string, TfAdapter> = {
  aws_ec2_managed_prefix_list: managedPrefixList,
  aws_ec2_managed_prefix_list_entry: prefixListEntry,
  'data.aws_ec2_managed_prefix_list': managedPrefixListData,
  'data.aws_prefix_list': servicePrefixListData,
};
