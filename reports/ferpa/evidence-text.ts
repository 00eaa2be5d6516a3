// Evidence values as a reviewer reads them: short phrases instead of JSON. A policy document becomes
// one phrase per statement ("Allow root account: kms:*"), a security-group rule "tcp 5432 from
// 0.0.0.0/0", a list a comma list, a boolean yes/no. Nothing is cut off: a value is shown whole, as one
// phrase or as several (the renderers show several as a list). Input values are already canonical and
// redacted (reports/common.ts canonical), so this only formats.

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asList(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

/** A scalar as a word: yes/no for booleans, "not set" for null or undefined, text as it is. */
export function scalarText(v: unknown): string {
  if (v === undefined || v === null) return 'not set';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') return v === '' ? '(empty)' : v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  return inline(v);
}

/** Any value on one line: scalars as words, lists comma-separated, objects as `key: value; ...`. */
function inline(v: unknown): string {
  if (Array.isArray(v)) return v.length ? v.map(inline).join(', ') : 'none';
  if (isObj(v)) {
    if (isStatement(v)) return statementText(v, new Set());
    if (isNetworkRule(v)) return ruleText(v);
    const keys = Object.keys(v);
    return keys.length ? keys.map((k) => `${k}: ${inline(v[k])}`).join('; ') : 'empty';
  }
  return scalarText(v);
}

// --- policy documents (IAM, KMS key policies, bucket policies, trust policies) ---

function isStatement(v: Obj): boolean {
  return typeof v.Effect === 'string' && ('Action' in v || 'NotAction' in v);
}

function isPolicyDocument(v: Obj): boolean {
  const s = v.Statement;
  return (Array.isArray(s) && s.length > 0 && s.every((x) => isObj(x))) || (isObj(s) && isStatement(s));
}

const IAM_ARN = /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):(.+)$/;

function accountsIn(statements: Obj[]): Set<string> {
  const out = new Set<string>();
  for (const s of statements) {
    for (const p of principalValues(s.Principal ?? s.NotPrincipal)) {
      const m = IAM_ARN.exec(p.value);
      if (m) out.add(m[1]!);
      else if (/^\d{12}$/.test(p.value)) out.add(p.value);
    }
  }
  return out;
}

function principalValues(p: unknown): Array<{ type: string; value: string }> {
  if (p === '*') return [{ type: 'AWS', value: '*' }];
  if (!isObj(p)) return [];
  return Object.keys(p).flatMap((type) => asList(p[type]).map((value) => ({ type, value: String(value) })));
}

/** One principal, short: the account is named only when the document spans several accounts. */
function principalText(type: string, value: string, showAccount: boolean): string {
  if (value === '*') return 'anyone (*)';
  if (type === 'Service') return `service ${value}`;
  if (type === 'Federated') return `federated ${value.replace(/^arn:aws[a-z-]*:iam::\d{12}:(?:oidc|saml)-provider\//, '')}`;
  if (type === 'CanonicalUser') return `canonical user ${value}`;
  if (/^\d{12}$/.test(value)) return `account ${value}`;
  const m = IAM_ARN.exec(value);
  if (!m) return value;
  const who = m[2] === 'root' ? 'root account' : m[2]!;
  return showAccount ? `${who} (${m[1]})` : who;
}

function conditionText(c: unknown): string {
  if (!isObj(c)) return '';
  const parts: string[] = [];
  for (const op of Object.keys(c)) {
    const body = c[op];
    if (isObj(body)) {
      for (const k of Object.keys(body)) parts.push(`${op} ${k} = ${asList(body[k]).map(scalarText).join(', ')}`);
    } else {
      // Some sources keep only the condition keys (values withheld).
      for (const k of asList(body)) parts.push(`${op} ${scalarText(k)}`);
    }
  }
  return parts.join(' and ');
}

function statementText(s: Obj, accounts: Set<string>): string {
  const showAccount = accounts.size > 1;
  const principal = s.Principal ?? s.NotPrincipal;
  const who = principalValues(principal).map((p) => principalText(p.type, p.value, showAccount));
  const whoText = principal === undefined ? '' : s.NotPrincipal !== undefined ? ` everyone except ${who.join(', ')}` : ` ${who.join(', ') || 'no principal'}`;
  const actions = asList(s.Action ?? s.NotAction).map(scalarText);
  const actionText = s.NotAction !== undefined ? `every action except ${actions.join(', ')}` : actions.join(', ') || 'no action';
  const resources = asList(s.Resource ?? s.NotResource).map(scalarText);
  // On a resource policy "*" means "this resource"; on an identity policy it is every resource and matters.
  const onResource =
    s.NotResource !== undefined
      ? ` on every resource except ${resources.join(', ')}`
      : resources.length && (principal === undefined || !(resources.length === 1 && resources[0] === '*'))
        ? ` on ${resources.join(', ')}`
        : '';
  const cond = conditionText(s.Condition);
  return `${String(s.Effect)}${whoText}: ${actionText}${onResource}${cond ? ` when ${cond}` : ''}`;
}

function policyPhrases(doc: Obj): string[] {
  const statements = asList(doc.Statement).filter(isObj);
  const accounts = accountsIn(statements);
  return statements.map((s) => statementText(s, accounts));
}

// --- security-group rules ---

const RULE_SOURCES = ['cidrIpv4', 'cidrIpv6', 'cidrBlocks', 'ipv6CidrBlocks', 'prefixLists', 'sourceSecurityGroups', 'securityGroups'];

function isNetworkRule(v: Obj): boolean {
  return ('fromPort' in v || 'toPort' in v || 'protocol' in v) && RULE_SOURCES.some((k) => k in v || 'self' in v);
}

function portsText(protocol: string, from: unknown, to: unknown): string {
  if (protocol === '-1' || protocol === 'all') return 'all traffic';
  const f = typeof from === 'number' ? from : null;
  const t = typeof to === 'number' ? to : f;
  if (f === null) return `${protocol} (ports ${scalarText(from)})`;
  if ((f === 0 || f === -1) && (t === 65535 || t === -1)) return `${protocol} all ports`;
  return f === t ? `${protocol} ${f}` : `${protocol} ${f}-${t}`;
}

function ruleText(r: Obj): string {
  const protocol = r.protocol === undefined ? 'tcp' : String(r.protocol);
  const sources: string[] = [];
  for (const k of RULE_SOURCES) {
    const v = r[k];
    if (typeof v === 'string') sources.push(`${v} (${k})`);
    else for (const x of asList(v)) sources.push(scalarText(x));
  }
  if (r.self === true) sources.push('itself');
  const description = typeof r.description === 'string' && r.description ? ` ("${r.description}")` : '';
  return `${portsText(protocol, r.fromPort, r.toPort)} from ${sources.join(', ') || 'no source'}${description}`;
}

// --- entry point ---

/** Lists longer than this show their first items and a count of the rest (a phrase, never a cut string). */
const MAX_ITEMS = 60;

function capped(items: string[]): string[] {
  return items.length > MAX_ITEMS ? [...items.slice(0, MAX_ITEMS), `and ${items.length - MAX_ITEMS} more`] : items;
}

export interface DescribeOptions {
  /** Show each element of a list of plain values as its own phrase (the parameter profile); default: one comma list. */
  listItems?: boolean;
}

/**
 * A value as one or more readable phrases. One phrase renders inline; several render as a list, one
 * per statement, rule or element.
 */
export function describeValue(v: unknown, opts: DescribeOptions = {}): string[] {
  if (Array.isArray(v)) {
    if (!v.length) return ['none'];
    if (v.every((x) => !isObj(x) && !Array.isArray(x))) return opts.listItems ? capped(v.map(scalarText)) : [v.map(scalarText).join(', ')];
    return capped(v.flatMap((x) => (isObj(x) && isPolicyDocument(x) ? policyPhrases(x) : [inline(x)])));
  }
  if (isObj(v)) {
    if (isPolicyDocument(v)) return capped(policyPhrases(v));
    if (isStatement(v)) return [statementText(v, accountsIn([v]))];
    if (isNetworkRule(v)) return [ruleText(v)];
    const keys = Object.keys(v);
    if (!keys.length) return ['empty'];
    return capped(keys.map((k) => `${k}: ${inline(v[k])}`));
  }
  return [scalarText(v)];
}

/** The finding's message without the resource label it starts with (the evidence row names the resource already). */
export function messageText(message: string, resource: string): string {
  return message.startsWith(`${resource}: `) ? message.slice(resource.length + 2) : message;
}
