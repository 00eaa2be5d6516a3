/**
 * Three-valued helpers over normalised IAM documents (checks/model/iam-document.ts), shared by the
 * IAM code checks.
 */
import type { CheckContext, CheckOutcome } from '../../engine/code-check.js';
import { normalizeIamDocument, type IamDocument, type IamStatement } from '../../model/iam-document.js';
import { attrNamed, linkedNamed } from '../../model/typed.js';
import type { Resource } from '../../model/resource.js';
import { isUnknown, isUnknownJson, type Location } from '../../model/value.js';

/** Kleene truth: T, F, U. */
export type K = 'T' | 'F' | 'U';

export function kAnd(...xs: K[]): K {
  if (xs.includes('F')) return 'F';
  return xs.includes('U') ? 'U' : 'T';
}
export function kOr(...xs: K[]): K {
  if (xs.includes('T')) return 'T';
  return xs.includes('U') ? 'U' : 'F';
}
export function kNot(x: K): K {
  return x === 'T' ? 'F' : x === 'F' ? 'T' : 'U';
}

/** Whether some element of a list satisfies `pred` (unknown list or element -> U unless another element is T). */
export function someOf(list: unknown, pred: (s: string) => boolean): K {
  if (list === undefined) return 'F';
  if (isUnknown(list)) return 'U';
  if (!Array.isArray(list)) return 'U';
  let u = false;
  for (const x of list) {
    if (isUnknown(x)) u = true;
    else if (typeof x === 'string' && pred(x)) return 'T';
  }
  return u ? 'U' : 'F';
}

/** IAM wildcard match (`*`, `?`), case-insensitive as IAM compares actions. */
export function globMatch(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return re.test(value);
}

/**
 * Whether a statement field is present. A field whose value is known only after apply may turn out null,
 * which renders as no field at all (`NotAction = var.x` with x null is no NotAction).
 */
export function present(v: unknown): K {
  return v === undefined ? 'F' : isUnknown(v) ? 'U' : 'T';
}

export function isAllow(s: IamStatement): K {
  return isUnknown(s.Effect) ? 'U' : s.Effect === 'Allow' ? 'T' : 'F';
}

/** The statement grants `action` (through Action, or through NotAction not excluding it). */
export function grantsAction(s: IamStatement, action: string): K {
  if (s.Action !== undefined) return someOf(s.Action, (p) => globMatch(p, action));
  if (s.NotAction !== undefined) return kNot(someOf(s.NotAction, (p) => globMatch(p, action)));
  return 'F';
}

/** A resource pattern that covers every resource (`*`, or an ARN whose resource part is `*`). */
export function isAllResources(r: string): boolean {
  return r === '*' || /^arn:[^:]*:[^:]*:[^:]*:[^:]*:\*$/.test(r);
}

/** The statement applies to every resource: Resource `*`, or NotResource (everything but the listed ones). */
export function onAllResources(s: IamStatement, extra?: (r: string) => boolean): K {
  const listed = someOf(s.Resource, (r) => isAllResources(r) || (extra ? extra(r) : false));
  return kOr(present(s.NotResource), listed);
}

/** Condition keys present (lower-cased), optionally ignoring `...IfExists` operators and all-wildcard values. */
export function conditionKeys(s: IamStatement, opts: { strict?: boolean } = {}): Set<string> | 'U' {
  if (s.Condition === undefined) return new Set();
  if (isUnknown(s.Condition)) return 'U';
  const keys = new Set<string>();
  for (const [op, block] of Object.entries(s.Condition)) {
    if (opts.strict && /IfExists$/i.test(op)) continue;
    for (const [key, vals] of Object.entries(block)) {
      if (opts.strict && vals.length > 0 && vals.every((v) => typeof v === 'string' && /^\*+$/.test(v))) continue;
      keys.add(key.toLowerCase());
    }
  }
  return keys;
}

/** The statement has a condition whose key is one of `wanted` (lower-case; `prefix*` matches a prefix). */
export function hasConditionKey(s: IamStatement, wanted: string[], strict = true): K {
  const keys = conditionKeys(s, { strict });
  if (keys === 'U') return 'U';
  for (const k of keys) if (wanted.some((w) => (w.endsWith('*') ? k.startsWith(w.slice(0, -1)) : k === w))) return 'T';
  return 'F';
}

export interface ResolvedDocument {
  doc?: IamDocument;
  path: string;
  loc?: Location;
  /** The document could not be known; outcome `unknown` (or `error` when `error` is set). */
  unknown?: boolean;
  error?: string;
}

/**
 * The document in `attrName`, or (when unknown) the document of the data.aws_iam_policy_document linked
 * as `sourceLink`: both named by the check's options (`optionRefs`), so checked against the model.
 */
export function resolveDocument(resource: Resource, ctx: CheckContext, attrName: string, sourceLink?: string): ResolvedDocument {
  const v = attrNamed(resource, attrName);
  if (v?.error) return { path: attrName, loc: v.loc, unknown: true, error: v.error };
  if (v && v.origin !== 'unknown' && v.value !== undefined && !isUnknown(v.value)) return { doc: v.value as IamDocument, path: attrName, loc: v.loc };
  // JSON known only after apply whose statements are partly known: judge the known ones.
  if (isUnknownJson(v?.value)) {
    const doc = normalizeIamDocument(v.value);
    if (doc && !isUnknown(doc)) return { doc, path: attrName, loc: v.loc };
  }
  if (sourceLink) {
    for (const src of linkedNamed(ctx.model, resource, sourceLink, 'aws.iam.policy-document')) {
      const d = src.attrs.document;
      if (d && d.origin !== 'unknown' && d.value !== undefined && !isUnknown(d.value)) return { doc: d.value as IamDocument, path: `${sourceLink}.document`, loc: d.loc ?? src.loc };
    }
  }
  return { path: attrName, loc: v?.loc ?? resource.loc, unknown: true };
}

/** The message `unknownDocument` reports: a check using it lists these among its own. */
export const DOCUMENT_MESSAGES = { documentUnknown: 'the policy document is known only after apply' } as const;

export function unknownDocument(res: ResolvedDocument): CheckOutcome<typeof DOCUMENT_MESSAGES> {
  if (res.error) return { truth: 'error', evidence: [{ path: res.path, value: null, loc: res.loc }], loc: res.loc, error: res.error };
  return { truth: 'unknown', evidence: [{ path: res.path, value: '(known after apply)', loc: res.loc }], loc: res.loc, message: { id: 'documentUnknown' } };
}

/** A compact, value-safe view of a statement for evidence. */
export function statementView(s: IamStatement): Record<string, unknown> {
  const out: Record<string, unknown> = { Effect: s.Effect };
  if (s.Sid) out.Sid = s.Sid;
  for (const k of ['Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal'] as const) if (s[k] !== undefined) out[k] = s[k];
  if (s.Condition !== undefined) out.Condition = isUnknown(s.Condition) ? s.Condition : Object.fromEntries(Object.entries(s.Condition).map(([op, b]) => [op, Object.keys(b)]));
  return out;
}

export function label(s: IamStatement, i: number): string {
  return s.Sid ? `statement "${s.Sid}"` : `statement ${i + 1}`;
}
