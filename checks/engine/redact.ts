import { isSecretKeyName, looksLikeSecretValue } from '../util/credentials.js';

/**
 * Credential redaction for anything that leaves the tool (evidence, messages, snapshots). Sensitive
 * plan values never reach here (sources drop them); this catches secrets written in plain attributes,
 * such as a password in a task definition's environment. What counts as a secret is decided in
 * checks/util/credentials.ts (re-exported for reports/, which read only this module of it).
 */
export { isSecretKeyName, looksLikeSecretValue };

export const REDACTED = '(redacted)';

/** Deep copy with credential-looking values replaced. Name/value pairs (`{name, value}`) are judged by name. */
export function redact(v: unknown, keyHint?: string): unknown {
  if (typeof v === 'string') {
    if (looksLikeSecretValue(v)) return REDACTED;
    if (keyHint && isSecretKeyName(keyHint) && v.length > 0) return REDACTED;
    return v;
  }
  if (Array.isArray(v)) return v.map((x) => redact(x, keyHint));
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.name === 'string' && 'value' in o && isSecretKeyName(o.name)) {
      return { ...Object.fromEntries(Object.entries(o).map(([k, x]) => [k, k === 'value' ? REDACTED : redact(x, k)])) };
    }
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, redact(x, k)]));
  }
  return v;
}

export function redactEvidence(e: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in e) out[k] = redact(e[k], k.slice(k.lastIndexOf('.') + 1));
  return out;
}
