import type { Finding, Results, Severity } from '../checks/engine/types.js';
import { LazyJsonArray } from '../checks/util/json-chunks.js';
import { maxOf, pushAll } from '../checks/util/push-all.js';
import { canonicalEvidence, cmp, jsonDocumentChunks, metaIndex, resourceLabel, sortFindings, workspaceFile } from './common.js';
import type { PolicyMeta, RenderOptions } from './types.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Where people learn about the tool (the package page; override with `informationUri`). */
export const DEFAULT_INFORMATION_URI = 'https://www.npmjs.com/package/ferpa-ready';
/** Key of the stable fingerprint in `partialFingerprints`: bump the version if finding ids change meaning. */
export const FINGERPRINT_KEY = 'ferpaReady/v1';

/** GitHub code scanning's `security-severity` (a CVSS-like score, as a string). */
export const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };

type Level = 'error' | 'warning' | 'note';

function severityLevel(s: Severity): Level {
  return s === 'critical' || s === 'high' ? 'error' : s === 'medium' ? 'warning' : 'note';
}

function levelOf(f: Finding): Level {
  return f.status === 'unknown' || f.status === 'error' ? 'note' : severityLevel(f.severity);
}

/** `aws-rds-storage-encrypted` -> `AwsRdsStorageEncrypted` (SARIF's human-readable rule name). */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** A fenced Markdown code block whose fence is longer than any backtick run inside. */
function fence(body: string, lang: string): string {
  const longest = maxOf((body.match(/`+/g) ?? []).map((r) => r.length), 0);
  const f = '`'.repeat(Math.max(3, longest + 1));
  return `${f}${lang}\n${body.replace(/\s+$/, '')}\n${f}`;
}

function helpOf(p: PolicyMeta): { text: string; markdown: string } {
  const r = p.remediation ?? {};
  const text: string[] = [p.description.trim(), '', 'Remediation:'];
  const md: string[] = [`**${p.title}**`, '', p.description.trim(), '', '## Remediation'];
  if (r.terraform) {
    text.push(`Terraform:\n${r.terraform.trim()}`);
    md.push('', 'Terraform:', '', fence(r.terraform, 'hcl'));
  }
  if (r.cli) {
    text.push(`CLI:\n${r.cli.trim()}`);
    md.push('', 'AWS CLI:', '', fence(r.cli, 'sh'));
  }
  if (r.console) {
    text.push(`Console:\n${r.console.trim()}`);
    md.push('', 'Console:', '', r.console.trim());
  }
  if (!r.terraform && !r.cli && !r.console) {
    text.push('(none given)');
    md.push('', '(none given)');
  }
  if (p.references.length) {
    text.push('', 'References:');
    pushAll(text, p.references.map((u) => `- ${u}`));
    md.push('', '## References', '');
    pushAll(md, p.references.map((u) => `- <${u}>`));
  }
  return { text: text.join('\n'), markdown: md.join('\n') };
}

function fallbackMeta(f: Finding): PolicyMeta {
  return { id: f.policyId, title: f.policyId, description: f.policyId, remediation: {}, references: [], severity: f.severity, category: f.category };
}

function ruleOf(p: PolicyMeta, controls: string[], frameworkTags: string[] = []): Record<string, unknown> {
  const rule: Record<string, unknown> = {
    id: p.id,
    name: ruleName(p.id),
    shortDescription: { text: p.title },
    fullDescription: { text: p.description.trim() || p.title },
    defaultConfiguration: { level: severityLevel(p.severity) },
  };
  const helpUri = p.references.find((u) => /^https?:\/\//.test(u));
  if (helpUri) rule.helpUri = helpUri;
  rule.help = helpOf(p);
  rule.properties = {
    tags: ['security', 'ferpa', p.category, ...controls, ...frameworkTags],
    'security-severity': SECURITY_SEVERITY[p.severity],
    precision: 'high',
    severity: p.severity,
    category: p.category,
  };
  return rule;
}

/** A relative file path as a URI reference (`/` separators, reserved characters percent-encoded). */
export function fileUri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

function resultOf(f: Finding, ruleIndex: number): Record<string, unknown> {
  const location: Record<string, unknown> = {};
  const file = workspaceFile(f);
  if (file) {
    const physical: Record<string, unknown> = { artifactLocation: { uri: fileUri(file) } };
    if (f.resource.line != null && f.resource.line >= 1) physical.region = { startLine: f.resource.line };
    location.physicalLocation = physical;
  }
  location.logicalLocations = [{ fullyQualifiedName: resourceLabel(f), kind: 'resource' }];

  const result: Record<string, unknown> = {
    ruleId: f.policyId,
    ruleIndex,
    level: levelOf(f),
    message: { text: f.message },
    locations: [location],
    partialFingerprints: { [FINGERPRINT_KEY]: f.id },
  };
  if (f.status === 'waived') {
    result.suppressions = [{ kind: 'external', status: 'accepted', justification: waiverText(f) }];
  }
  const props: Record<string, unknown> = {
    status: f.status,
    severity: f.severity,
    category: f.category,
    controls: [...f.controls],
    source: f.source,
    resourceKind: f.resource.kind,
  };
  if (f.resource.arn) props.arn = f.resource.arn;
  if (f.account) props.account = f.account;
  if (f.region) props.region = f.region;
  if (f.input) props.input = f.input;
  if (f.frameworks) props.frameworks = Object.fromEntries(Object.keys(f.frameworks).sort(cmp).map((k) => [k, [...f.frameworks![k]!]]));
  if (f.waiver) props.waiver = { owner: f.waiver.owner, expires: f.waiver.expires, expired: f.waiver.expired, reason: f.waiver.reason };
  props.evidence = canonicalEvidence(f.evidence);
  result.properties = props;
  return result;
}

function waiverText(f: Finding): string {
  const w = f.waiver;
  return w ? `${w.reason} (owner ${w.owner}, expires ${w.expires})` : 'waived';
}

/** SARIF 2.1.0 log: one run; rules are the policies with findings; results for fail, error, unknown and waived. */
export function renderSarif(results: Results, meta: PolicyMeta[] = [], opts: RenderOptions & { informationUri?: string } = {}): string {
  return `${JSON.stringify(sarifLog(results, meta, opts), null, 2)}\n`;
}

/** `renderSarif` in pieces, for output that may be longer than one string. */
export function renderSarifChunks(results: Results, meta: PolicyMeta[] = [], opts: RenderOptions & { informationUri?: string } = {}): Iterable<string> {
  return jsonDocumentChunks(sarifLog(results, meta, opts));
}

function sarifLog(results: Results, meta: PolicyMeta[], opts: RenderOptions & { informationUri?: string }): Record<string, unknown> {
  const byId = metaIndex(meta);
  const sorted = sortFindings(results.findings);

  const controlsOf = new Map<string, Set<string>>();
  const frameworkTagsOf = new Map<string, Set<string>>();
  const policyOf = new Map<string, PolicyMeta>();
  for (const f of sorted) {
    if (!policyOf.has(f.policyId)) policyOf.set(f.policyId, byId.get(f.policyId) ?? fallbackMeta(f));
    const set = controlsOf.get(f.policyId) ?? new Set<string>();
    for (const c of f.controls) set.add(c);
    controlsOf.set(f.policyId, set);
    // --framework: the selected frameworks' control ids as `<framework>:<control>` tags.
    if (f.frameworks) {
      const tags = frameworkTagsOf.get(f.policyId) ?? new Set<string>();
      for (const [fw, ids] of Object.entries(f.frameworks)) for (const c of ids) tags.add(`${fw}:${c}`);
      frameworkTagsOf.set(f.policyId, tags);
    }
  }
  const ruleIds = [...policyOf.keys()].sort(cmp);
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => ruleOf(policyOf.get(id)!, [...controlsOf.get(id)!].sort(cmp), [...(frameworkTagsOf.get(id) ?? [])].sort(cmp)));

  // Made one at a time as they are written (a log can be longer than one string).
  const reported = new LazyJsonArray(sorted.filter((f) => f.status !== 'pass'), (f) => resultOf(f, ruleIndex.get(f.policyId)!));

  const driver: Record<string, unknown> = {
    name: 'ferpa-ready',
    version: results.tool.version,
    informationUri: opts.informationUri ?? DEFAULT_INFORMATION_URI,
    rules,
  };
  if (/^\d+\.\d+\.\d+/.test(results.tool.version)) driver.semanticVersion = results.tool.version;

  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        results: reported,
        columnKind: 'unicodeCodePoints',
        properties: {
          generatedAt: results.generatedAt,
          ...(results.tool.catalogVersion ? { catalogVersion: results.tool.catalogVersion } : {}),
          ...(results.frameworks ? { frameworks: results.frameworks.map((fw) => ({ id: fw.id, version: fw.version })) } : {}),
          summary: { pass: results.summary.pass, fail: results.summary.fail, unknown: results.summary.unknown, waived: results.summary.waived, error: results.summary.error },
          inputs: results.inputs.map((i) => ({ kind: i.kind, path: i.path, sha256: i.sha256 })),
        },
      },
    ],
  };
  return log;
}
