import { gunzipSync } from 'node:zlib';

/**
 * What a credential looks like, the one place that knows: for the places that judge configuration
 * (Terraform adapters, live collectors and adapters, code checks): well-known formats by value, names
 * that say a value is one, and scripts (user data) that assign one; and for redaction of what leaves
 * the tool (checks/engine/redact.ts), the broader tests `looksLikeSecretValue` and `isSecretKeyName`.
 * Callers report where (attribute, variable, line), never the value.
 */

const SHAPES: Array<{ re: RegExp; what: string }> = [
  { re: /\b(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/, what: 'an AWS access key id' },
  { re: /-----BEGIN [A-Z ]*PRIVATE KEY-----/, what: 'a private key' },
  { re: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/, what: 'a JSON web token' },
  { re: /\bgh[pousr]_[A-Za-z0-9]{30,}\b/, what: 'a GitHub token' },
  { re: /\bxox[abprs]-[A-Za-z0-9-]{10,}/, what: 'a Slack token' },
];
const URL_WITH_PASSWORD = /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@'"]+:([^\s@/'"]+)@/gi;
/** Any URL with a user and a password, placeholder or not: what redaction hides. */
const ANY_URL_WITH_PASSWORD = /\b[a-z]+:\/\/[^\s:/@]+:[^\s@/]+@/i;

/** Which well-known credential format a value holds (`an AWS access key id`, ...), if any. */
export function credentialShape(value: string): string | undefined {
  for (const s of SHAPES) if (s.re.test(value)) return s.what;
  if (value.includes('://')) {
    for (const m of value.matchAll(URL_WITH_PASSWORD)) if (!isPlaceholder(m[1]!)) return 'a URL with a password';
  }
  return undefined;
}

/**
 * Redaction: a value to hide wherever it appears (evidence, messages, snapshots, exports). Broader than
 * `credentialShape`: a URL's password is hidden even when it looks like a placeholder.
 */
export function looksLikeSecretValue(v: string): boolean {
  return SHAPES.some((s) => s.re.test(v)) || ANY_URL_WITH_PASSWORD.test(v);
}

/**
 * How the live ECS adapter shows an environment value the collector found credential-shaped (a snapshot
 * never holds environment values); the ECS code check fails on it.
 */
export const CREDENTIAL_MARKER = '(redacted: credential-shaped value)';

const CREDENTIAL_NAME =
  /(password|passwd|passphrase|(^|[^a-z])pass($|[^a-z])|(^|[^a-z])pwd($|[^a-z])|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential|auth[_-]?string|client[_-]?secret|connection[_-]?string)/i;
/**
 * Names that point at a credential or describe one rather than hold it (`DB_PASSWORD_SECRET_ARN`,
 * `SECRET_NAME`, `TOKEN_TTL`, `http_tokens`, `kms_key_id`), idempotency tokens (`creation_token` of an EFS file
 * system), and IAM condition keys or paths (`:`, `.`, `/`).
 */
const REFERENCE_NAME =
  /(arn|arns|_ids?$|[a-z]Ids?$|names?$|kms|rotation|length|enabled|manage|secretsmanager|ssm|_ref$|from$|_files?$|_paths?$|_dir$|_header$|_param(eter)?s?$|_ttl$|_expir|_timeout$|_type$|_source$|_policy$|_version$|_stages?$|_days$|_mode$|_url$|_uri$|_endpoint$|_location$|_prefix$|^http_tokens$|^(creation|client|idempotency)_token$|[:./])/i;

const credentialNames = new Map<string, boolean>();

/** Whether a key or variable name says its value is a credential (`DB_PASSWORD`, `secret_key`, `SIS_API_TOKEN`). */
export function isCredentialName(name: string): boolean {
  let v = credentialNames.get(name);
  if (v === undefined) {
    v = CREDENTIAL_NAME.test(name) && !REFERENCE_NAME.test(name);
    if (credentialNames.size < 10_000) credentialNames.set(name, v);
  }
  return v;
}

const SECRET_KEY = /(pass(word|wd|phrase)?|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential|auth[_-]?string|client[_-]?secret|connection[_-]?string)/i;
const NOT_SECRET_KEY = /(arn|_id$|Id$|kms|rotation|length|enabled|manage|secretsmanager|ref|from|valueFrom|name$)/i;
/** Verdicts by key name: the same few attribute names come up for every finding. */
const secretKeyNames = new Map<string, boolean>();

/**
 * Redaction: a key whose value is hidden whatever it holds (`password`, `DB_TOKEN`). Broader than
 * `isCredentialName`, which judges configuration and so leaves out names that point at a credential.
 */
export function isSecretKeyName(k: string): boolean {
  let secret = secretKeyNames.get(k);
  if (secret === undefined) {
    secret = SECRET_KEY.test(k) && !NOT_SECRET_KEY.test(k);
    if (secretKeyNames.size < 10_000) secretKeyNames.set(k, secret);
  }
  return secret;
}

/** Settings and switches that share a credential-sounding name (`required`, `HEADER`, `true`, `3600`). */
const NOT_A_SECRET = /^(required|optional|disabled|enabled|none|null|nil|true|false|yes|no|on|off|header|authorizer|\d+|[A-Z][A-Z0-9_]*)$/;

/** A value that stands for another (shell or template variable, reference, masked or empty text). */
export function isPlaceholder(value: string): boolean {
  const t = value.trim().replace(/^(["'])(.*)\1$/, '$2').trim();
  if (t === '') return true;
  if (/^(\$|%\{|\{\{|<[^>]*>$|%[A-Za-z_]+%$|@@|arn:|data\.|var\.|local\.|module\.)/.test(t)) return true;
  return /^(.)\1+$/.test(t) || /^\*+$/.test(t);
}

/** A literal that could be a credential: not a placeholder, a switch or too short to be one. */
export function plausibleSecret(value: string): boolean {
  const t = value.trim().replace(/^(["'])(.*)\1$/, '$2').trim();
  if (t.length < 4 || isPlaceholder(t) || NOT_A_SECRET.test(t)) return false;
  // structured values (a YAML flow mapping, a JSON list) are judged member by member, not as one literal
  return !/^[{[]/.test(t);
}

export interface TextCredential {
  /** Line within the text, 1-based. */
  line: number;
  /** The variable or key assigned on that line, when there is one. */
  name?: string;
  reason: string;
}

/** `export NAME=value`, `NAME: value`, `"NAME": "value"`, `set NAME=value`, `$env:NAME = value`. */
const ASSIGNMENT = /^\s*(?:-\s+)?(?:export\s+|set\s+|declare\s+(?:-\w+\s+)*|local\s+|readonly\s+|ENV\s+|\$env:)?["']?([A-Za-z_][A-Za-z0-9_.-]*)["']?\s*(?:=|:(?!\/\/))\s*(.*?)\s*,?\s*$/;
/** `ENV NAME value` (Dockerfile), `setx NAME value` (Windows). */
const SPACED_ASSIGNMENT = /^\s*(?:ENV|setx)\s+([A-Za-z_][A-Za-z0-9_]*)\s+(.+?)\s*$/;
/** `NAME=value` inside a line (`echo "TOKEN=..." >> f`, `PGPASSWORD=... psql`, `docker run -e KEY=...`). */
const INLINE_ASSIGNMENT = /(?:^|[\s"'`;(])([A-Za-z_][A-Za-z0-9_]*)=(["']?)([^\s"'`;)]+)\2/g;
/** `--password=value`, `--db-password value`, `aws configure set aws_secret_access_key value`. */
const FLAG = /(?:--|configure\s+set\s+)([A-Za-z][A-Za-z0-9_-]*)(?:=|\s+)(\S+)/g;

/**
 * Credentials written in a script or cloud-init document (user data): a line holding a well-known
 * credential format, or assigning a literal to a credential-named variable, key or flag. One entry
 * per line, with the line number and the name assigned, never the value.
 */
export function scanText(text: string, opts: { maxLines?: number; prose?: boolean } = {}): TextCredential[] {
  const maxLines = opts.maxLines ?? 20_000;
  // In free text (a description, a document) `Password: see the vault` is prose: only a single token counts.
  const literal = (v: string): boolean => plausibleSecret(v) && !(opts.prose && /\s/.test(v.trim().replace(/^(["'])(.*)\1$/, '$2').trim()));
  const out: TextCredential[] = [];
  const lines = text.split(/\r?\n/, maxLines);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > 10_000 || (i === 0 && line.startsWith('#!'))) continue;
    const assigned = ASSIGNMENT.exec(line) ?? SPACED_ASSIGNMENT.exec(line);
    const shape = credentialShape(line);
    if (shape) {
      out.push(assigned ? { line: i + 1, name: assigned[1]!, reason: `holds ${shape}` } : { line: i + 1, reason: `holds ${shape}` });
      continue;
    }
    if (assigned && isCredentialName(assigned[1]!) && literal(stripComment(assigned[2]!))) {
      out.push({ line: i + 1, name: assigned[1]!, reason: `assigns a literal to "${assigned[1]}"` });
      continue;
    }
    const inline = [...line.matchAll(INLINE_ASSIGNMENT)].find((m) => isCredentialName(m[1]!) && plausibleSecret(m[3]!));
    if (inline) {
      out.push({ line: i + 1, name: inline[1]!, reason: `assigns a literal to "${inline[1]}"` });
      continue;
    }
    const flag = [...line.matchAll(FLAG)].find((m) => isCredentialName(m[1]!) && plausibleSecret(m[2]!));
    if (flag) out.push({ line: i + 1, name: flag[1]!, reason: `passes a literal as "${flag[1]}"` });
  }
  return out;
}

function stripComment(v: string): string {
  const m = /^(["'])(.*?)\1/.exec(v);
  if (m) return m[0];
  return v.replace(/\s+#.*$/, '');
}

/**
 * The text a base64 value carries (user_data_base64, a launch template's user_data, EC2's
 * DescribeInstanceAttribute), gunzipped when it is gzip (cloud-init accepts both); undefined when
 * the value is not base64 of mostly printable text.
 */
export function decodeBase64Text(value: string, maxBytes = 1024 * 1024): string | undefined {
  const compact = value.replace(/\s+/g, '');
  if (compact.length < 8 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
  let bytes: Buffer = Buffer.from(compact, 'base64');
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch {
      return undefined;
    }
  }
  const text = bytes.subarray(0, maxBytes).toString('utf8');
  let printable = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13 || (c >= 32 && c !== 0xfffd)) printable++;
  }
  return text.length && printable / text.length > 0.95 ? text : undefined;
}

export type EnvValueShape = 'empty' | 'flag' | 'reference' | 'credential' | 'text';

/**
 * What kind of value an environment variable holds, so a snapshot can keep the kind and not the value:
 * empty, a flag or small number (kept verbatim: not a secret), a reference (ARN or dynamic reference,
 * kept verbatim), credential-shaped, or other literal text.
 */
export function envValueShape(value: string | undefined): { shape: EnvValueShape; value?: string } {
  const v = value ?? '';
  if (v.trim() === '') return { shape: 'empty', value: '' };
  if (/^(true|false|yes|no|on|off|none|null|enabled|disabled|\d{1,5})$/i.test(v.trim())) return { shape: 'flag', value: v };
  const shape = credentialShape(v);
  if (shape) return { shape: 'credential' };
  if (/^(arn:aws[a-z-]*:|\{\{resolve:)/.test(v.trim())) return { shape: 'reference', value: v };
  return { shape: 'text' };
}
