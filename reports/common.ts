import { isSecretKeyName, redact } from '../checks/engine/redact.js';
import { jsonChunks } from '../checks/util/json-chunks.js';
import { cmp } from '../checks/engine/order.js';
import type { Finding } from '../checks/engine/types.js';
import type { PolicyMeta } from './types.js';

// The finding order and the status and severity orders are the engine's (one definition for every output).
export { cmp, countByStatus, resourceLabel, SEVERITY_RANK, sortFindings, STATUS_ORDER, SUMMARY_KEYS } from '../checks/engine/order.js';

/** `file:line`, `file`, or '' when the finding has no source location. */
/**
 * The finding's file from the working directory (where CI tools such as GitHub code scanning resolve
 * paths): the scanned directory joined with `file` when the finding knows it, else `file` as it is.
 */
export function workspaceFile(f: Finding): string | null {
  const file = f.resource.file;
  if (!file || !f.resource.root || f.resource.root === '.') return file;
  const joined = `${f.resource.root.replace(/\\/g, '/').replace(/\/+$/, '')}/${file}`;
  // fold `a/../` and `./` the way a path join would, keeping leading `../` (a directory above the working directory)
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '.' || seg === '') continue;
    if (seg === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

export function fileLine(f: Finding): string {
  if (!f.resource.file) return '';
  return f.resource.line != null ? `${f.resource.file}:${f.resource.line}` : f.resource.file;
}

export function metaIndex(meta: readonly PolicyMeta[]): Map<string, PolicyMeta> {
  const m = new Map<string, PolicyMeta>();
  for (const p of meta) if (!m.has(p.id)) m.set(p.id, p);
  return m;
}

/**
 * A JSON-safe, deterministic copy of an open value (evidence, profile): markers become their JSON
 * form, object keys are sorted, undefined is dropped, and credential-looking values are redacted
 * again (defence in depth: the engine already redacts, a renderer never shows more than it got).
 */
export function canonical(v: unknown, keyHint?: string): unknown {
  return sortKeys(redact(plain(v), keyHint));
}

function plain(v: unknown): unknown {
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return undefined;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (v === null || typeof v !== 'object') return v;
  if ('toJSON' in v && typeof (v as { toJSON: unknown }).toJSON === 'function') return plain((v as { toJSON(): unknown }).toJSON());
  if (Array.isArray(v)) return v.map((x) => plain(x) ?? null);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    const p = plain(x);
    if (p !== undefined) out[k] = p;
  }
  return out;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort(cmp)) out[k] = sortKeys(o[k]);
    return out;
  }
  return v;
}

/** Evidence of a finding, canonical and redacted (keys judged by their last path segment). */
export function canonicalEvidence(evidence: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(evidence ?? {}).sort(cmp)) {
    const v = canonical(evidence![k], k.split('.').pop());
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/**
 * `canonicalEvidence` for serialising at once: a value that is canonical already is used as it is
 * rather than copied three times, so the result may share objects with the finding (never write to it).
 */
export function canonicalEvidenceToWrite(evidence: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(evidence ?? {}).sort(cmp)) {
    const x = evidence![k];
    const hint = k.slice(k.lastIndexOf('.') + 1);
    const v = alreadyCanonical(x, hint) ? x : canonical(x, hint);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/**
 * Whether `canonical(v, keyHint)` has the same JSON text as `v`: plain JSON data, object keys already
 * in order, no undefined member or entry, nothing to redact. Anything else takes the copying path.
 */
function alreadyCanonical(v: unknown, keyHint: string | undefined): boolean {
  switch (typeof v) {
    case 'string':
      return redact(v, keyHint) === v;
    case 'number':
      return Number.isFinite(v);
    case 'boolean':
      return true;
    case 'object':
      break;
    default:
      return false;
  }
  if (v === null) return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (v[i] === undefined || !alreadyCanonical(v[i], keyHint)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(v);
  if ((proto !== Object.prototype && proto !== null) || 'toJSON' in v) return false;
  const o = v as Record<string, unknown>;
  if (typeof o.name === 'string' && 'value' in o && isSecretKeyName(o.name)) return false;
  const keys = Object.keys(o);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    // strictly ascending in cmp order: the order sortKeys gives (integer-like keys come first either way)
    if (i > 0 && !(keys[i - 1]! < k)) return false;
    const x = o[k];
    if (x === undefined || !alreadyCanonical(x, k)) return false;
  }
  return true;
}

/** A one-line rendering of a short value for text formats. */
export function shortValue(v: unknown, max = 80): string {
  const s = v === undefined ? 'not set' : typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max - 3)}...` : s;
}


/** A line-based document: the lines joined by newlines, with a final newline. */
export function joinLines(lines: readonly string[]): string {
  return `${lines.join('\n')}\n`;
}

/**
 * The same text as `joinLines(lines)`, in pieces of about `size` characters, for writing a document
 * that may be longer than one string can be.
 */
export function* lineChunks(lines: readonly string[], size = 1 << 20): Generator<string, void, undefined> {
  let buf = '';
  for (let i = 0; i < lines.length; i++) {
    buf += i === 0 ? lines[i] : `\n${lines[i]}`;
    if (buf.length >= size) {
      yield buf;
      buf = '';
    }
  }
  yield `${buf}\n`;
}

/** A JSON document (2-space indent, final newline, as the JSON formats print) in pieces. */
export function* jsonDocumentChunks(doc: unknown): Generator<string, void, undefined> {
  yield* jsonChunks(doc, { indent: 2 });
  yield '\n';
}
