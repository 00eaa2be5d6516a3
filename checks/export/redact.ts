// Deep redaction of JSON members before they go into a bundle, and a last scan of what is bundled.
import { isSecretKeyName, looksLikeSecretValue, redact, REDACTED } from '../engine/redact.js';
import { canonicalJson } from '../util/canonical-json.js';
import { InputError } from '../errors.js';
import { jsonBytes } from './format.js';

/**
 * `redact` (credential-looking strings, secret-named keys, name/value pairs judged by name), then
 * numbers under secret-named keys too (a numeric PIN is still a secret).
 */
export function redactDeep(v: unknown): unknown {
  return scalars(redact(v), undefined);
}

function scalars(v: unknown, key: string | undefined): unknown {
  if (typeof v === 'number' && key && isSecretKeyName(key)) return REDACTED;
  if (Array.isArray(v)) return v.map((x) => scalars(x, key));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, scalars(x, k)]));
  return v;
}

export interface RedactedJson {
  bytes: Uint8Array;
  value: unknown;
  /** True when something was replaced (the bytes are then re-serialised). */
  redacted: boolean;
}

/** Parse JSON bytes and redact them; unchanged content keeps its original bytes. */
export function redactJsonBytes(bytes: Uint8Array, file: string): RedactedJson {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (e) {
    throw new InputError(`not valid JSON: ${(e as Error).message.split('\n')[0]}`, file);
  }
  const clean = redactDeep(value);
  if (canonicalJson(clean) === canonicalJson(value)) return { bytes, value, redacted: false };
  return { bytes: jsonBytes(clean), value: clean, redacted: true };
}

/** True when these bytes (read as text) hold a credential-looking value. */
export function holdsSecret(bytes: Uint8Array): boolean {
  return looksLikeSecretValue(Buffer.from(bytes).toString('utf8'));
}
