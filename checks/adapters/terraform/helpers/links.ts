import type { LinkRef } from '../../../model/resource.js';
import { isUnknown } from '../../../model/value.js';
import type { TfRecord } from '../../../sources/terraform/record.js';
import { locOf, rawAt, referencesOf } from './record.js';

/** Every string in a raw value (for literal ids / ARNs inside lists). */
function strings(raw: unknown): string[] {
  if (typeof raw === 'string') return raw ? [raw] : [];
  if (Array.isArray(raw)) return raw.flatMap(strings);
  return [];
}

/**
 * A link request for an attribute: by the Terraform references of its expression, and by the literal
 * ids/ARNs/names it holds (for values written literally, or known in the plan).
 */
export function linkRef(rec: TfRecord, name: string, path: string, kinds: string[], opts: { inverse?: string } = {}): LinkRef {
  const addresses = referencesOf(rec, path);
  const raw = rawAt(rec.values, path);
  return { name, kinds, addresses, literals: isUnknown(raw) ? [] : strings(raw), loc: locOf(rec, path), ...(opts.inverse ? { inverse: opts.inverse } : {}) };
}

/**
 * A link to the data.aws_iam_policy_document an attribute's expression references (by address only:
 * the JSON text is no identifier). Key, bucket and IAM policies use it to reach the document's blocks.
 */
export function policyDocumentRef(rec: TfRecord, name: string, path: string): LinkRef {
  const addresses = referencesOf(rec, path).filter((a) => /(^|\.)data\.aws_iam_policy_document\./.test(a));
  return { name, kinds: ['aws.iam.policy-document'], addresses, literals: [], loc: locOf(rec, path) };
}

/**
 * A reference names a resource of one of these Terraform types (`module.x.aws_s3_bucket.b["k"]` is an aws_s3_bucket);
 * a data source of the type counts too.
 */
export function refersToType(address: string, ...types: string[]): boolean {
  const parts = address.replace(/\[[^\]]*\]/g, '').split('.');
  return parts.length >= 2 && types.includes(parts[parts.length - 2]!);
}

