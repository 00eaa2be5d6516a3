// Deep redaction of JSON members before they go into a bundle, and a last scan of what is bundled.
import { redact } from '../engine/redact.js';
import { looksLikeSecretValue } from '../util/credentials.js';
import { canonicalJson } from '../util/canonical-json.js';
import { InputError } from '../errors.js';
import { jsonBytes } from './format.js';

/** Deep redaction of a JSON value: credential-looking strings, strings under secret-named keys, name/value pairs judged by name. */
export function redactDeep(v: unknown): unknown {
  return redact(v);
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
