import { isUnknown, isUnknownJson, UNKNOWN, UnknownValue } from './value.js';

/**
 * A normalised IAM policy statement. Every source (plan, HCL, live, `aws_iam_policy_document`) is
 * brought to this one shape so the code checks read a single form:
 * - `Action`, `NotAction`, `Resource`, `NotResource` are always arrays when present (IAM allows a bare string);
 * - `Principal` / `NotPrincipal` are objects of arrays (`"*"` becomes `{ AWS: ["*"] }`, which IAM treats the same);
 * - `Condition` is `{ operator: { key: string[] } }`.
 * Pieces known only after apply stay `UnknownValue` (a single element, or the whole field).
 */
export interface IamStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny' | UnknownValue;
  Action?: Array<string | UnknownValue> | UnknownValue;
  NotAction?: Array<string | UnknownValue> | UnknownValue;
  Resource?: Array<string | UnknownValue> | UnknownValue;
  NotResource?: Array<string | UnknownValue> | UnknownValue;
  Principal?: Record<string, Array<string | UnknownValue>> | UnknownValue;
  NotPrincipal?: Record<string, Array<string | UnknownValue>> | UnknownValue;
  Condition?: Record<string, Record<string, Array<string | UnknownValue>>> | UnknownValue;
}

export interface IamDocument {
  Version?: string;
  /** `UnknownValue` as an element when part of the document could not be known (e.g. a merged source document). */
  Statement: Array<IamStatement | UnknownValue>;
}

function list(v: unknown): Array<string | UnknownValue> | UnknownValue | undefined {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return v;
  const arr = Array.isArray(v) ? v : [v];
  return arr.map((x) => (isUnknown(x) ? x : String(x)));
}

function principal(v: unknown): Record<string, Array<string | UnknownValue>> | UnknownValue | undefined {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return v;
  if (typeof v === 'string') return { AWS: [v] };
  if (typeof v !== 'object' || Array.isArray(v)) return UNKNOWN;
  const out: Record<string, Array<string | UnknownValue>> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const l = list(x);
    out[k] = l === undefined ? [] : isUnknown(l) ? [l] : l;
  }
  return out;
}

function condition(v: unknown): IamStatement['Condition'] {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v) || typeof v !== 'object' || Array.isArray(v)) return isUnknown(v) ? v : UNKNOWN;
  const out: Record<string, Record<string, Array<string | UnknownValue>>> = {};
  for (const [op, block] of Object.entries(v as Record<string, unknown>)) {
    // An operator whose keys are not known could hold any condition.
    if (isUnknown(block)) return UNKNOWN;
    if (!block || typeof block !== 'object' || Array.isArray(block)) continue;
    out[op] = {};
    for (const [key, vals] of Object.entries(block as Record<string, unknown>)) {
      const l = list(vals);
      out[op]![key] = l === undefined ? [] : isUnknown(l) ? [l] : l;
    }
  }
  return out;
}

function effect(v: unknown): IamStatement['Effect'] {
  if (isUnknown(v)) return v;
  return v === 'Deny' ? 'Deny' : 'Allow';
}

/**
 * Normalise a policy document given as a JSON string or an already-parsed object. Returns undefined when it
 * is not a policy document. JSON known only after apply whose structure is partly known (`UnknownJson`)
 * gives the document with its unknown pieces marked, so the known statements can still be judged.
 */
export function normalizeIamDocument(raw: unknown): IamDocument | UnknownValue | undefined {
  if (isUnknownJson(raw)) {
    const partial = raw.partial;
    if (isUnknown(partial) || !partial || typeof partial !== 'object' || Array.isArray(partial)) return raw;
    return normalizeIamDocument(partial) ?? raw;
  }
  if (isUnknown(raw)) return raw;
  let doc: unknown = raw;
  if (typeof raw === 'string') {
    if (raw.trim() === '') return undefined;
    try {
      doc = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const d = doc as Record<string, unknown>;
  const st = d.Statement;
  if (isUnknown(st)) return { ...(typeof d.Version === 'string' ? { Version: d.Version } : {}), Statement: [st] };
  const statements = st === undefined || st === null ? [] : Array.isArray(st) ? st : [st];
  return {
    ...(typeof d.Version === 'string' ? { Version: d.Version } : {}),
    Statement: statements.map((s) => {
      if (isUnknown(s) || !s || typeof s !== 'object') return isUnknown(s) ? s : UNKNOWN;
      const o = s as Record<string, unknown>;
      const out: IamStatement = { Effect: effect(o.Effect) };
      if (typeof o.Sid === 'string') out.Sid = o.Sid;
      const fields: Array<[keyof IamStatement, unknown]> = [
        ['Action', list(o.Action)],
        ['NotAction', list(o.NotAction)],
        ['Resource', list(o.Resource)],
        ['NotResource', list(o.NotResource)],
        ['Principal', principal(o.Principal)],
        ['NotPrincipal', principal(o.NotPrincipal)],
        ['Condition', condition(o.Condition)],
      ];
      for (const [k, v] of fields) if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v;
      return out;
    }),
  };
}

/** Principal types as `aws_iam_policy_document` spells them -> policy JSON keys. */
const PRINCIPAL_KEYS: Record<string, string> = { aws: 'AWS', service: 'Service', federated: 'Federated', canonicaluser: 'CanonicalUser', '*': 'AWS' };

function blocks(v: unknown): Array<Record<string, unknown> | UnknownValue> {
  if (isUnknown(v)) return [v];
  if (!Array.isArray(v)) return [];
  return v.filter((b) => isUnknown(b) || (b && typeof b === 'object')) as Array<Record<string, unknown> | UnknownValue>;
}

function principalBlocks(v: unknown): IamStatement['Principal'] {
  const bs = blocks(v);
  if (bs.length === 0) return undefined;
  const out: Record<string, Array<string | UnknownValue>> = {};
  for (const b of bs) {
    if (isUnknown(b)) return b;
    const type = isUnknown(b.type) ? undefined : PRINCIPAL_KEYS[String(b.type).toLowerCase()] ?? String(b.type);
    if (!type) return UNKNOWN;
    const ids = list(b.identifiers);
    const arr = (out[type] ??= []);
    if (ids === undefined) continue;
    if (isUnknown(ids)) arr.push(ids);
    else for (const id of ids) arr.push(id);
  }
  return out;
}

/** A statement while `aws_iam_policy_document` layers are merged: its Sid may be unknown (it could replace another). */
interface Layered {
  sid: string | UnknownValue | undefined;
  statement: IamStatement | UnknownValue;
}

/** The statements of a source or override document: `undefined` when the document as a whole is unknown. */
function layerOf(raw: unknown): Layered[] | undefined {
  const doc = normalizeIamDocument(raw);
  if (doc === undefined) return undefined;
  if (isUnknown(doc)) return undefined;
  return doc.Statement.map((st) => ({ sid: isUnknown(st) ? st : st.Sid, statement: st }));
}

/**
 * `aws_iam_policy_document` merging: a statement with a non-blank Sid replaces the earlier statement of that
 * Sid, others are appended. Where a Sid (or a whole layer) is unknown, the earlier statements it could
 * replace become unknown: they may not be in the rendered document.
 */
function overlay(base: Layered[], layer: Layered[] | undefined): void {
  const unsettle = (pred: (x: Layered) => boolean) => {
    for (const x of base) if (x.sid !== undefined && x.sid !== '' && pred(x)) x.statement = UNKNOWN;
  };
  if (layer === undefined) {
    unsettle(() => true);
    base.push({ sid: UNKNOWN, statement: UNKNOWN });
    return;
  }
  for (const l of layer) {
    if (l.sid === undefined || l.sid === '') base.push(l);
    else if (isUnknown(l.sid)) {
      unsettle(() => true);
      base.push(l);
    } else {
      unsettle((x) => isUnknown(x.sid));
      const i = base.findIndex((x) => x.sid === l.sid);
      if (i >= 0) base[i] = l;
      else base.push(l);
    }
  }
}

/** The documents of a `source_policy_documents` / `override_policy_documents` list (or a `*_json` string). */
function documentsIn(v: unknown): Array<Layered[] | undefined> {
  if (v === undefined || v === null || v === '') return [];
  if (isUnknown(v) && !isUnknownJson(v)) return [undefined];
  return (Array.isArray(v) ? v : [v]).map(layerOf);
}

/**
 * Build a normalised document from the `statement` blocks of a `data.aws_iam_policy_document` (used when
 * its rendered `json` is not known, e.g. a plan defers the read). Source documents come first, the blocks
 * replace source statements of the same Sid, override documents come last (as the provider merges them);
 * a merged document that is not known adds an unknown statement.
 */
export function documentFromStatementBlocks(values: Record<string, unknown>): IamDocument {
  const own: Layered[] = [];
  for (const b of blocks(values.statement)) {
    if (isUnknown(b)) {
      own.push({ sid: UNKNOWN, statement: b });
      continue;
    }
    const s: IamStatement = { Effect: effect(b.effect ?? 'Allow') };
    if (typeof b.sid === 'string' && b.sid) s.Sid = b.sid;
    const pairs: Array<[keyof IamStatement, unknown]> = [
      ['Action', list(nonEmpty(b.actions))],
      ['NotAction', list(nonEmpty(b.not_actions))],
      ['Resource', list(nonEmpty(b.resources))],
      ['NotResource', list(nonEmpty(b.not_resources))],
      ['Principal', principalBlocks(b.principals)],
      ['NotPrincipal', principalBlocks(b.not_principals)],
    ];
    const conds = blocks(b.condition);
    if (conds.length) {
      const c: Record<string, Record<string, Array<string | UnknownValue>>> | UnknownValue = conds.some((cb) => isUnknown(cb) || isUnknown(cb.test) || isUnknown(cb.variable)) ? UNKNOWN : {};
      if (!isUnknown(c)) {
        for (const cb of conds as Array<Record<string, unknown>>) {
          const test = String(cb.test);
          const variable = String(cb.variable);
          const l = list(cb.values);
          (c[test] ??= {})[variable] = l === undefined ? [] : isUnknown(l) ? [l] : l;
        }
      }
      pairs.push(['Condition', c]);
    }
    for (const [k, v] of pairs) if (v !== undefined) (s as unknown as Record<string, unknown>)[k] = v;
    own.push({ sid: isUnknown(b.sid) ? b.sid : s.Sid, statement: s });
  }
  const merged: Layered[] = [];
  for (const d of [...documentsIn(values.source_policy_documents), ...documentsIn(values.source_json)]) {
    if (d === undefined) merged.push({ sid: UNKNOWN, statement: UNKNOWN });
    else for (const x of d) merged.push(x);
  }
  overlay(merged, own);
  for (const d of [...documentsIn(values.override_policy_documents), ...documentsIn(values.override_json)]) overlay(merged, d);
  return { Version: typeof values.version === 'string' ? values.version : '2012-10-17', Statement: merged.map((x) => x.statement) };
}

function nonEmpty(v: unknown): unknown {
  return Array.isArray(v) && v.length === 0 ? undefined : v;
}
