/** Managed prefix lists named by security-group rules: whether the ranges they hold are the internet. */
import type { Model } from '../../model/model.js';
import type { Resource } from '../../model/resource.js';
import { isUnknown } from '../../model/value.js';
import { pushAll } from '../../util/push-all.js';
import { cidrIsWorld, type Tri } from './world-cidr.js';

/** What a rule's prefix list admits: `yes` with the world-wide CIDRs, `no`, or `maybe` (with `error` when a read failed). */
export interface ListReach {
  tri: Tri;
  cidrs: string[];
  error?: string;
}

export type PrefixListResolver = (ref: unknown) => ListReach;

const withoutKeys = (address: string): string => address.replace(/\[[^\]]*\]/g, '');

/**
 * A Terraform reference to a gateway VPC endpoint (`aws_vpc_endpoint.s3.prefix_list_id`): the endpoint's
 * prefix list is its AWS service's (S3, DynamoDB), AWS-managed.
 */
const ENDPOINT_REF = /(^|\.)(data\.)?aws_vpc_endpoint\.[^.[]+(\[[^\]]*\])?$/;

/** A rule's prefix-list entry (an id, or a Terraform address of any instance of the list) is this list. */
function names(list: Resource, ref: string): boolean {
  if (list.address && (list.address === ref || withoutKeys(list.address) === withoutKeys(ref))) return true;
  return list.identifiers.some((id) => id === ref || id.endsWith(`/${ref}`));
}

/** The reach of one list: AWS-managed lists hold an AWS service's addresses, never the internet at large. */
function reachOf(list: Resource, ref: string): ListReach {
  const managed = list.attrs.awsManaged;
  const entries = list.attrs.entries;
  if (managed?.value === true) return { tri: 'no', cidrs: [] };
  if (entries?.error) return { tri: 'maybe', cidrs: [], error: `prefix list ${ref}: ${entries.error}` };
  if (!entries || entries.origin === 'unknown' || !Array.isArray(entries.value)) return { tri: 'maybe', cidrs: [] };
  let tri: Tri = 'no';
  const cidrs: string[] = [];
  for (const c of entries.value) {
    const w = cidrIsWorld(c);
    if (w === 'yes') {
      tri = 'yes';
      cidrs.push(`${String(c)} (prefix list ${ref})`);
    } else if (w === 'maybe' && tri === 'no') tri = 'maybe';
  }
  return { tri, cidrs };
}

/**
 * Resolves the prefix lists a group's rules name against the lists linked to the group. A list that is
 * not in the input (an id of a list managed elsewhere) is `maybe`: nobody looked at its entries. Live, a
 * list the audit could not read, or a failed prefix-list listing of the region, is `maybe` with the error.
 */
export function prefixListResolver(model: Model, sg: Resource): PrefixListResolver {
  const linked = model.linked(sg, 'prefixLists');
  const unread = linked.find((l) => l.readError);
  return (ref) => {
    if (isUnknown(ref) || typeof ref !== 'string' || !ref) return { tri: 'maybe', cidrs: [] };
    if (ENDPOINT_REF.test(ref)) return { tri: 'no', cidrs: [] };
    const lists = linked.filter((l) => !l.readError && names(l, ref));
    if (!lists.length) return unread ? { tri: 'maybe', cidrs: [], error: `prefix list ${ref}: ${unread.readError}` } : { tri: 'maybe', cidrs: [] };
    const out: ListReach = { tri: 'no', cidrs: [] };
    for (const l of lists) {
      const r = reachOf(l, ref);
      if (r.tri === 'yes') out.tri = 'yes';
      else if (r.tri === 'maybe' && out.tri === 'no') out.tri = 'maybe';
      pushAll(out.cidrs, r.cidrs);
      out.error ??= r.error;
    }
    return out;
  };
}
