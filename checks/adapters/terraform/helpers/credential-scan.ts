import { isSensitive, isUnknown, type Location } from '../../../model/value.js';
import type { TfRecord } from '../../../sources/terraform/record.js';
import { credentialShape, decodeBase64Text, isCredentialName, plausibleSecret, scanText } from '../../../util/credentials.js';
import { locOf } from './record.js';
import { isConfigured } from './values.js';

/**
 * Literal credentials in one Terraform block (credentials.ts makes the `aws.terraform.block` resources
 * from them; the aws_instance adapter judges its user data with it too). What counts: a value in a
 * well-known credential format anywhere (AWS access key id, private key, token, URL with a password);
 * a literal under a credential-named key or environment variable (`access_key`, `DB_PASSWORD`); a line
 * of user data (plain, base64 or gzip+base64) that assigns one.
 * Values a plan or variable marks sensitive are never read. A non-sensitive variable's value counts
 * wherever it was set (default, tfvars, -var): Terraform prints it in plans and logs. A value taken
 * from another resource or data source is not a literal; one this input cannot show at all (a
 * variable without a value, a local in a plan) is unread, which makes the verdict unknown.
 */

/** Arguments holding scripts or environments: unread when their value cannot be seen. */
const CARRIER_KEYS = /^(user_data|user_data_base64|container_definitions|container_properties|variables)$/;
const USER_DATA_KEY = /^user_data(_base64)?$/;
/** An AWS secret access key has no prefix: 40 base64 characters, recognisable only beside its name. */
const AWS_SECRET_KEY_NAME = /secret_?(access_?)?key$/i;
const AWS_SECRET_KEY = /^[A-Za-z0-9/+=]{40}$/;
const MAX_DEPTH = 24;

export interface CredentialUse {
  attribute: string;
  /** Variable or key named on the line or pair, when it is not the attribute itself. */
  variable?: string;
  /** Line within a multi-line value (user data), 1-based. */
  line?: number;
  reason: string;
  _loc: Location;
}

export interface UnreadCredential {
  attribute: string;
  reason: string;
  _loc: Location;
}

/** `environment[0].variables.X` -> `environment.variables.X` */
function plainPath(path: string): string {
  return path.replace(/\[\d+\]/g, '');
}

class Scan {
  readonly uses: CredentialUse[] = [];
  /** Uses judged by the name of their key alone (not by a credential format). */
  readonly byName = new Set<CredentialUse>();
  readonly unread: UnreadCredential[] = [];
  /** user_data planned as its SHA-1 (AWS provider v5 and older): the content is not in the plan. */
  readonly hashed: string[] = [];
  private readonly seen = new Set<string>();
  private readonly refPaths: string[];

  constructor(readonly rec: TfRecord) {
    this.refPaths = Object.keys(rec.references).filter((k) => (rec.references[k]?.length ?? 0) > 0);
  }

  private loc(path: string): Location {
    return locOf(this.rec, path.split(/[.[]/)[0] ?? path);
  }

  private use(path: string, reason: string, extra: { variable?: string; line?: number } = {}, byName = false): void {
    const key = `${plainPath(path)}|${extra.variable ?? ''}|${extra.line ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const u: CredentialUse = { attribute: path, reason, _loc: this.loc(path) };
    if (extra.variable !== undefined) u.variable = extra.variable;
    if (extra.line !== undefined) u.line = extra.line;
    this.uses.push(u);
    if (byName) this.byName.add(u);
  }

  /** Taken from another resource or data source (a reference on this path or around it). */
  private referenced(path: string): boolean {
    const p = plainPath(path);
    return this.refPaths.some((r) => r === p || p.startsWith(`${r}.`) || r.startsWith(`${p}.`));
  }

  /**
   * An argument the configuration does not set (a plan shows an Optional+Computed one as computed:
   * user_data_base64). A key inside a configured object value (`environment.variables.X`) is set with
   * it: the sources list the argument, not its keys.
   */
  private unset(path: string): boolean {
    if (!this.rec.configured) return false;
    const p = plainPath(path);
    for (let i = p.indexOf('.'); i !== -1; i = p.indexOf('.', i + 1)) if (isConfigured(this.rec, p.slice(0, i))) return false;
    return isConfigured(this.rec, p) === false;
  }

  private unknownAt(path: string, key: string | undefined): void {
    if (!key || !(CARRIER_KEYS.test(key) || isCredentialName(key)) || this.referenced(path) || this.unset(path)) return;
    if (this.unread.some((u) => plainPath(u.attribute) === plainPath(path))) return;
    this.unread.push({ attribute: path, reason: 'its value is not in this input (a variable without a value, or an expression the scan cannot evaluate)', _loc: this.loc(path) });
  }

  walk(v: unknown, path: string, key: string | undefined, depth: number): void {
    if (depth > MAX_DEPTH || v === null || v === undefined || isSensitive(v)) return;
    if (isUnknown(v)) return this.unknownAt(path, key);
    if (typeof v === 'string') return this.text(v, path, key, depth);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) this.walk(v[i], `${path}[${i}]`, key, depth + 1);
      return;
    }
    if (typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    // {name, value} pairs (container environment, Beanstalk settings): the name says what the value is.
    if (typeof o.name === 'string' && 'value' in o && isCredentialName(o.name)) {
      const at = `${path}.value`;
      if (typeof o.value === 'string' && !credentialShape(o.value) && plausibleSecret(o.value)) {
        this.use(at, `literal value for "${o.name}"`, { variable: o.name }, true);
        return;
      }
      if (isUnknown(o.value)) {
        this.unknownAt(at, o.name);
        return;
      }
    }
    for (const k of Object.keys(o)) {
      if (k.startsWith('_') || (depth === 0 && k === 'tags_all')) continue;
      this.walk(o[k], path ? `${path}.${k}` : k, k, depth + 1);
    }
  }

  private text(v: string, path: string, key: string | undefined, depth: number): void {
    const t = v.trim();
    if ((t.startsWith('{') || t.startsWith('[')) && t.length < 1_000_000) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(t);
      } catch {
        parsed = undefined;
      }
      if (parsed !== undefined && typeof parsed === 'object') return this.walk(parsed, path, key, depth + 1);
    }
    if (key === 'user_data' && /^[0-9a-f]{40}$/.test(v)) {
      this.hashed.push(path);
      return;
    }
    const userData = key !== undefined && USER_DATA_KEY.test(key);
    const decoded = userData ? decodeBase64Text(v) : undefined;
    if (decoded !== undefined || userData || v.includes('\n')) {
      const how = decoded !== undefined ? ' (base64-decoded)' : '';
      for (const c of scanText(decoded ?? v, { prose: !userData })) this.use(path, `${c.reason}${how}`, c.name !== undefined ? { variable: c.name, line: c.line } : { line: c.line });
      return;
    }
    const shape = credentialShape(v) ?? (key !== undefined && AWS_SECRET_KEY_NAME.test(key) && AWS_SECRET_KEY.test(v.trim()) ? 'an AWS secret access key' : undefined);
    if (shape) this.use(path, `holds ${shape}`);
    else if (key !== undefined && isCredentialName(key) && plausibleSecret(v)) this.use(path, `literal value under the credential-named key "${key}"`, {}, true);
  }
}

/** Whether a path of the planned values is (inside) a sensitive value. */
function sensitiveAt(values: unknown, path: string): boolean {
  let cur: unknown = values;
  for (const seg of path.split('.')) {
    if (isSensitive(cur)) return true;
    if (Array.isArray(cur)) cur = cur[0];
    if (isSensitive(cur)) return true;
    if (!cur || typeof cur !== 'object' || isUnknown(cur)) return false;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return isSensitive(cur);
}

/** What one record holds: literal credentials and credential-carrying arguments it cannot show. */
export function scanCredentials(rec: TfRecord): { uses: CredentialUse[]; unread: UnreadCredential[] } {
  const scan = new Scan(rec);
  scan.walk(rec.values, '', undefined, 0);
  // A plan shows what the provider will store; what was written can differ (a hash for user_data).
  for (const [path, v] of Object.entries(rec.literals ?? {})) {
    if (sensitiveAt(rec.values, path)) continue;
    scan.walk(v, path, path.slice(path.lastIndexOf('.') + 1), 1);
  }
  for (const path of scan.hashed) {
    if (rec.literals?.[plainPath(path)] === undefined) {
      scan.unread.push({ attribute: path, reason: 'the plan holds only a hash of it (AWS provider v5); scan the Terraform source to read it', _loc: locOf(rec, path) });
    }
  }
  // A literal written in the configuration settles what an unknown planned value hides.
  const unread = scan.unread.filter((u) => !scan.uses.some((x) => plainPath(x.attribute) === plainPath(u.attribute)));
  // A provider that never presents its keys to AWS (LocalStack, mocks: `access_key = "test"`) holds no
  // AWS credential, unless a value has a credential's format.
  if (rec.mode === 'provider' && rec.values.skip_credentials_validation === true) return { uses: scan.uses.filter((u) => !scan.byName.has(u)), unread: [] };
  return { uses: scan.uses, unread };
}
