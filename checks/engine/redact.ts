/**
 * Credential redaction for anything that leaves the tool (evidence, messages, snapshots). Sensitive
 * plan values never reach here (sources drop them); this catches secrets written in plain attributes,
 * such as a password in a task definition's environment.
 */
const SECRET_KEY = /(pass(word|wd|phrase)?|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential|auth[_-]?string|client[_-]?secret|connection[_-]?string)/i;
const SECRET_VALUE: RegExp[] = [
  /\b(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/, // AWS access key id
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/, // JWT
  /\bgh[pousr]_[A-Za-z0-9]{30,}\b/, // GitHub token
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/, // Slack token
  /\b[a-z]+:\/\/[^\s:/@]+:[^\s@/]+@/i, // URL with user:password
];
export const REDACTED = '(redacted)';

export function looksLikeSecretValue(v: string): boolean {
  return SECRET_VALUE.some((re) => re.test(v));
}

const NOT_SECRET_KEY = /(arn|_id$|Id$|kms|rotation|length|enabled|manage|secretsmanager|ref|from|valueFrom|name$)/i;
/** Verdicts by key name: the same few attribute names come up for every finding. */
const SECRET_KEY_NAMES = new Map<string, boolean>();

export function isSecretKeyName(k: string): boolean {
  let secret = SECRET_KEY_NAMES.get(k);
  if (secret === undefined) {
    secret = SECRET_KEY.test(k) && !NOT_SECRET_KEY.test(k);
    if (SECRET_KEY_NAMES.size < 10_000) SECRET_KEY_NAMES.set(k, secret);
  }
  return secret;
}

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
