/** Resource-policy documents (bucket and key policies), shared by the code checks that judge them. */
import type { Model } from '../../model/model.js';
import type { Resource } from '../../model/resource.js';
import { normalizeIamDocument, type IamDocument } from '../../model/iam-document.js';
import { attrNamed, linkedNamed } from '../../model/typed.js';
import { isUnknown, isUnknownJson, UNKNOWN, type Location, type UnknownValue } from '../../model/value.js';

export interface DocLookup {
  /** The normalised document; undefined when there is none; UnknownValue when it cannot be known here. */
  doc: IamDocument | UnknownValue | undefined;
  path: string;
  loc?: Location;
  error?: string;
}

/**
 * A resource-policy document: the attribute (`policy`, `keyPolicy`) when known, else the document of a
 * linked `data.aws_iam_policy_document` (a plan defers that read when it depends on values known only
 * after apply, yet its statement blocks are still visible). The attribute and the link are named by the
 * check's options (`optionRefs`), so checked against the model when the policy loads.
 */
export function resourcePolicy(r: Resource, model: Model, attr: string, sourceLink?: string): DocLookup {
  const val = attrNamed(r, attr);
  if (val?.error) return { doc: undefined, path: attr, loc: val.loc, error: val.error };
  if (val && val.origin !== 'unknown' && val.value !== undefined && val.value !== null) {
    // A statement list (a Lambda function's permissions) is the document those statements make.
    const doc = normalizeIamDocument(Array.isArray(val.value) ? { Statement: val.value } : val.value);
    return { doc: doc ?? undefined, path: attr, loc: val.loc };
  }
  if (val?.origin === 'unknown' || isUnknown(val?.value)) {
    // JSON known only after apply whose statements are partly known: judge the known ones.
    if (isUnknownJson(val?.value)) {
      const doc = normalizeIamDocument(val.value);
      if (doc && !isUnknown(doc)) return { doc, path: attr, loc: val.loc };
    }
    const src = sourceLink ? linkedNamed(model, r, sourceLink, 'aws.iam.policy-document')[0] : undefined;
    const d = src?.attrs.document;
    if (src && d && d.origin !== 'unknown' && d.value) {
      const doc = normalizeIamDocument(d.value);
      return { doc: doc ?? undefined, path: `${sourceLink}.document`, loc: d.loc ?? src.loc };
    }
    return { doc: UNKNOWN, path: attr, loc: val?.loc };
  }
  return { doc: undefined, path: attr, loc: val?.loc ?? r.loc };
}

/**
 * Every resource-policy document of a resource whose attribute is a list of them (a DynamoDB table's own policy and
 * its stream's, a Kinesis stream's and its consumers'): one lookup per document. A document known only after apply
 * is judged from the linked `data.aws_iam_policy_document` only when it is the resource's one policy and one
 * document is linked; with several, which document wrote which policy is not known, so it stays unknown. An
 * attribute that is itself unknown or failed is one lookup saying so.
 */
export function resourcePolicies(r: Resource, model: Model, attr: string, sourceLink?: string): DocLookup[] {
  const val = attrNamed(r, attr);
  if (val?.error) return [{ doc: undefined, path: attr, loc: val.loc, error: val.error }];
  if (!val || (val.origin !== 'unknown' && (val.value === undefined || val.value === null))) return [];
  if (val.origin === 'unknown' || isUnknown(val.value) || !Array.isArray(val.value)) return [{ doc: UNKNOWN, path: attr, loc: val.loc }];
  const list = val.value as unknown[];
  const linked = sourceLink ? linkedNamed(model, r, sourceLink, 'aws.iam.policy-document') : [];
  return list.map((raw, i) => {
    const path = list.length === 1 ? attr : `${attr}[${i}]`;
    const loc = (raw && typeof raw === 'object' && '_loc' in raw ? (raw as { _loc?: Location })._loc : undefined) ?? val.loc;
    const doc = normalizeIamDocument(raw);
    // text that is no policy document (garbled, a number) cannot be read: unknown, never "no policy"
    if (doc === undefined) return { doc: emptyDocument(raw) ? undefined : UNKNOWN, path, loc };
    if (!isUnknown(doc)) return { doc, path, loc };
    const d = list.length === 1 && linked.length === 1 ? linked[0]!.attrs.document : undefined;
    if (d && d.origin !== 'unknown' && d.value) return { doc: normalizeIamDocument(d.value) ?? undefined, path: `${sourceLink}.document`, loc: d.loc ?? linked[0]!.loc };
    return { doc: UNKNOWN, path, loc };
  });
}

/** No policy at all: nothing, blank text, or an object without a member but its location. */
function emptyDocument(raw: unknown): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw === 'string') return raw.trim() === '' || raw.trim() === '{}';
  return typeof raw === 'object' && !Array.isArray(raw) && Object.keys(raw).every((k) => k === '_loc');
}

/** Lowercase string list of a normalised field; `unknown` when any element is unknown. */
export function strs(v: Array<string | UnknownValue> | UnknownValue | undefined): { values: string[]; unknown: boolean } {
  if (v === undefined) return { values: [], unknown: false };
  if (isUnknown(v)) return { values: [], unknown: true };
  return { values: v.filter((x): x is string => typeof x === 'string'), unknown: v.some(isUnknown) };
}
