// The readiness report model: one pure function from results documents, a framework of the catalog
// (FERPA by default; NIST SP 800-53, FedRAMP, SOC 2) and policy metadata to everything a reviewer needs
// (scope, per-control status and evidence, attestations, waivers, profile, drift, trend, and a crosswalk
// to the FERPA and 800-53 controls the same policies evidence). Renderers (html, markdown, json, pdf)
// only format this model.
import { createHash } from 'node:crypto';
import type { Attestation, Finding, Results, Severity, Status, Waiver } from '../../checks/engine/types.js';
import { SEVERITIES } from '../../checks/engine/types.js';
import { looksLikeSecretValue } from '../../checks/engine/redact.js';
import { compareFindingKeys, STATUS_ORDER, zeroCountsWorstFirst } from '../../checks/engine/order.js';
import { canonical, canonicalEvidence, cmp, fileLine, resourceLabel } from '../common.js';
import { inputsByFinding } from './evidence-origin.js';
import type { AttestationGuidance } from './guidance.js';
import { reportCoverage, type ReportCoverage } from './coverage.js';
import { pushAll } from '../../checks/util/push-all.js';

export const REPORT_SCHEMA = 'ferpa-ready/readiness-report@1';

/** The framework whose control ids findings carry in `controls` (the others' are in `frameworks`). */
export const FERPA_FRAMEWORK = 'ferpa';

/** Worst first: the order summaries, charts and tables use. */
export const CONTROL_STATUSES = ['not-ready', 'needs-evidence', 'waived', 'attested', 'ready'] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

export const CONTROL_STATUS_LABEL: Record<ControlStatus, string> = {
  'not-ready': 'Not ready',
  'needs-evidence': 'Needs evidence',
  waived: 'Waived',
  attested: 'Attested',
  ready: 'Ready',
};

/** What the report needs of a framework control (checks/engine/catalog.ts FrameworkControl fits). */
export interface ReportFrameworkControl {
  id: string;
  title: string;
  family: string;
  sources: string;
  evidence: string[];
  primaryEvidence: string[];
  policies: string[];
  /** Application conformance checks of the control (results of source `app`, from `npm run conformance`). */
  appChecks?: string[];
  requirement?: string;
  remediation?: string;
  attestationHint?: string;
  attestationGuidance?: AttestationGuidance;
}

export interface ReportFramework {
  framework: string;
  title: string;
  /** Short name for titles and headings (`FedRAMP Moderate`); default the id. */
  name?: string;
  version: string;
  families: Record<string, string>;
  controls: ReportFrameworkControl[];
}

/** Policy metadata (policyMeta() in checks/cli/context.ts fits). */
export interface ReportPolicyMeta {
  id: string;
  title: string;
  severity: Severity;
  remediation?: { terraform?: string; cli?: string; console?: string };
  controls?: string[];
  /** The inputs the policy judges (hcl, plan, live); absent: any. */
  sources?: string[];
}

export interface ReportInput {
  results: Results;
  /** The results file as the user named it. */
  path: string;
  /** sha256 of the results file's bytes. */
  sha256: string;
}

/** One earlier report in the trend: when, and how many controls had each status. */
export interface TrendPoint {
  at: string;
  label: string;
  counts: Record<ControlStatus, number>;
}

export interface BuildOptions {
  /** The report's clock (injected: the same inputs and clock give the same report). */
  now: Date;
  /** Attestations from the configuration or an attestations file (the results' own are merged in). */
  attestations?: Attestation[];
  /** Earlier reports, for the trend chart. */
  history?: TrendPoint[];
  /** sha256 of the previous report, to chain this one to it. */
  previousReportSha256?: string | null;
  /** Profile to show when no results document carries one (for example from the configuration). */
  profile?: Record<string, unknown>;
  /** Frameworks to crosswalk each control to (the CLI gives FERPA and NIST SP 800-53 Moderate). */
  crosswalk?: CrosswalkFramework[];
}

/** The frameworks every report crosswalks its controls to: FERPA and NIST SP 800-53 Moderate. */
export const CROSSWALK_FRAMEWORKS = [FERPA_FRAMEWORK, 'nist-800-53-moderate'];

/** The crosswalk frameworks out of the catalog's frameworks (by id), those it has, in that order. */
export function crosswalkFrameworks(frameworks: Map<string, ReportFramework>, ids = CROSSWALK_FRAMEWORKS): CrosswalkFramework[] {
  return ids.flatMap((id) => {
    const fw = frameworks.get(id);
    return fw ? [{ framework: fw.framework, title: fw.title, ...(fw.name ? { name: fw.name } : {}), controls: fw.controls.map((c) => ({ id: c.id, title: c.title, policies: [...c.policies] })) }] : [];
  });
}

/** What the crosswalk needs of another framework: its controls and the policies each maps. */
export interface CrosswalkFramework {
  framework: string;
  title: string;
  name?: string;
  controls: Array<{ id: string; title: string; policies: string[] }>;
}

/** Controls of another framework that share policies with a control of this report. */
export interface CrosswalkMatch {
  id: string;
  title: string;
  /** The policies both controls map. */
  policies: string[];
}

export interface CrosswalkRow {
  control: string;
  title: string;
  /** Policies this control maps. */
  policies: string[];
  /** Findings of this report that evidence the control (through those policies). */
  findings: number;
  /** By crosswalk framework id: its controls evidenced by the same policies, and so by the same findings. */
  related: Record<string, CrosswalkMatch[]>;
}

export interface Crosswalk {
  frameworks: Array<{ id: string; name: string; title: string }>;
  rows: CrosswalkRow[];
}

export interface ScopeInput {
  kind: string;
  path: string;
  sha256: string;
  time: string | null;
  /** The results file that listed this input (null for a results file itself). */
  via: string | null;
  /** Why the scan could not read this input (it holds nothing the report judged). */
  error?: string;
}

export interface EvidenceItem {
  findingId: string;
  policyId: string;
  policyTitle: string;
  /** Status after waiver expiry at report time (a waived finding whose waiver expired is `fail`). */
  status: Status;
  /** Status as written in the results document. */
  recordedStatus: Status;
  reopened: boolean;
  severity: Severity;
  source: string;
  resource: string;
  kind: string;
  location: string;
  /** The root module, plan or snapshot this comes from: the finding's `input`, else the only input of its source in its results file. */
  input?: string;
  account: string | null;
  region: string | null;
  message: string;
  /** The attribute values that decided the verdict (canonical, redacted). */
  values: Record<string, unknown>;
  waiver: (Waiver & { expired: boolean }) | null;
}

/** One difference between the plan and the live account (results `drift`). */
export interface DriftRow {
  drift: 'missing' | 'changed' | 'unmanaged';
  kind: string;
  resource: string;
  attribute: string | null;
  planned: unknown;
  live: unknown;
  message: string;
}

export interface ControlPolicyRow {
  id: string;
  title: string;
  severity: Severity | null;
  counts: Record<Status, number>;
  remediation: { terraform?: string; cli?: string; console?: string } | null;
}

export type AttestationState = 'valid' | 'expired' | 'not-yet-valid' | 'missing' | 'not-required';

export interface ControlAttestation {
  state: AttestationState;
  required: boolean;
  attestation: Attestation | null;
  hint: string | null;
}

export interface ControlReport {
  id: string;
  title: string;
  family: string;
  familyTitle: string;
  status: ControlStatus;
  /** One sentence: why this status. */
  reason: string;
  requirement: string | null;
  sources: string;
  evidenceKinds: string[];
  primaryEvidence: string[];
  remediation: string | null;
  policies: ControlPolicyRow[];
  counts: Record<Status, number>;
  evidence: EvidenceItem[];
  attestation: ControlAttestation;
  /** What to attest or supply, which documents, who signs and how often (framework `attestationGuidance`). */
  guidance: AttestationGuidance | null;
}

export interface FamilySummary {
  id: string;
  title: string;
  total: number;
  counts: Record<ControlStatus, number>;
  /** Share of controls ready or attested, 0..100 (whole number). */
  readyPercent: number;
}

export interface AttestationRow {
  control: string;
  controlTitle: string;
  state: AttestationState | 'unknown-control';
  attestation: Attestation | null;
  hint: string | null;
}

export interface WaiverRow {
  policy: string;
  resource: string | null;
  reason: string;
  owner: string;
  expires: string;
  origin: string | null;
  state: 'active' | 'expired';
  waivedFindings: number;
  reopenedFindings: number;
  /** Controls of this report's framework whose findings the waiver covers (or whose policies it names). */
  controls: string[];
}

export interface FerpaReport {
  schema: typeof REPORT_SCHEMA;
  generatedAt: string;
  framework: { id: string; name: string; title: string; version: string };
  scope: {
    results: Array<{ path: string; sha256: string; generatedAt: string; toolVersion: string; catalogVersion: string | null }>;
    inputs: ScopeInput[];
    toolVersions: string[];
    catalogVersions: string[];
    sources: string[];
    accounts: string[];
    regions: string[];
    /** Every resource of the scanned inputs: evaluated, or not and why (null when no results file records it). */
    coverage: ReportCoverage | null;
  };
  summary: {
    overall: ControlStatus;
    controls: Record<ControlStatus, number>;
    totalControls: number;
    readyPercent: number;
    families: FamilySummary[];
    findings: Record<Status, Record<Severity, number>>;
    findingTotals: Record<Status, number>;
    gaps: number;
  };
  controls: ControlReport[];
  attestations: AttestationRow[];
  waivers: WaiverRow[];
  profile: { values: Record<string, unknown> | null; origin: string | null; conflicts: string[] };
  drift: DriftRow[] | null;
  trend: TrendPoint[];
  /** Per control, the FERPA and 800-53 controls the same policies evidence (null when none was asked for). */
  crosswalk: Crosswalk | null;
  integrity: { resultsSha256: string; previousReportSha256: string | null };
  notes: string[];
}

function zeroStatus(): Record<Status, number> {
  return zeroCountsWorstFirst();
}

export function zeroControlCounts(): Record<ControlStatus, number> {
  return { 'not-ready': 0, 'needs-evidence': 0, waived: 0, attested: 0, ready: 0 };
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.floor((part * 100) / whole);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** YYYY-MM-DD of the injected clock (UTC). */
export function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Merge results documents: findings keyed by id + source, the newest document wins on a duplicate. */
function mergeFindings(inputs: ReportInput[], notes: string[]): Finding[] {
  const order = inputs
    .map((inp, i) => ({ inp, i }))
    .sort((a, b) => cmp(a.inp.results.generatedAt, b.inp.results.generatedAt) || a.i - b.i);
  const byKey = new Map<string, { f: Finding; from: string }>();
  let conflicts = 0;
  for (const { inp } of order) {
    for (const f of inp.results.findings) {
      const key = `${f.id}|${f.source}`;
      const prev = byKey.get(key);
      if (prev && prev.f.status !== f.status) conflicts++;
      byKey.set(key, { f, from: inp.path });
    }
  }
  if (conflicts) notes.push(`${plural(conflicts, 'finding')} appeared in several results files with different statuses; the newest results file decides.`);
  return [...byKey.values()].map((v) => v.f);
}

function redactMessage(f: Finding): string {
  return looksLikeSecretValue(f.message) ? `${resourceLabel(f)}: (message withheld: it contained a credential-looking value)` : f.message;
}

function evidenceItem(f: Finding, meta: Map<string, ReportPolicyMeta>, today: string, input: string | undefined): EvidenceItem {
  const waiverExpired = Boolean(f.waiver && (f.waiver.expired || f.waiver.expires < today));
  const reopened = Boolean(f.waiver && waiverExpired && f.status !== 'pass');
  const status: Status = f.status === 'waived' && waiverExpired ? 'fail' : f.status;
  return {
    findingId: f.id,
    policyId: f.policyId,
    policyTitle: meta.get(f.policyId)?.title ?? f.policyId,
    status,
    recordedStatus: f.status,
    reopened,
    severity: f.severity,
    source: f.source,
    resource: resourceLabel(f),
    kind: f.resource.kind,
    location: fileLine(f),
    ...(input !== undefined ? { input } : {}),
    account: f.account ?? null,
    region: f.region ?? null,
    message: redactMessage(f),
    values: canonicalEvidence(f.evidence),
    waiver: f.waiver
      ? {
          policy: f.waiver.policy,
          ...(f.waiver.resource !== undefined ? { resource: f.waiver.resource } : {}),
          reason: f.waiver.reason,
          owner: f.waiver.owner,
          expires: f.waiver.expires,
          ...(f.waiver.origin !== undefined ? { origin: f.waiver.origin } : {}),
          expired: waiverExpired,
        }
      : null,
  };
}

/** Evidence rows in the finding order (checks/engine/order.ts), by the status the report gives each row. */
function sortEvidence(rows: EvidenceItem[]): EvidenceItem[] {
  return rows
    .map((e) => ({ e, key: { status: e.status, severity: e.severity, policyId: e.policyId, resource: e.resource, source: e.source, input: e.input, id: e.findingId } }))
    .sort((a, b) => compareFindingKeys(a.key, b.key))
    .map((x) => x.e);
}

function attestationState(a: Attestation, today: string): 'valid' | 'expired' | 'not-yet-valid' {
  if (a.expires && a.expires < today) return 'expired';
  if (a.date > today) return 'not-yet-valid';
  return 'valid';
}

function attestationKey(a: Attestation): string {
  return [a.control, a.date, a.expires ?? '', a.attestedBy, a.document, a.statement].join('\u0000');
}

/** The best attestation for a control: a valid one (newest date), else the newest of the rest. */
function pickAttestation(list: Attestation[], today: string): Attestation | null {
  if (!list.length) return null;
  const sorted = [...list].sort((a, b) => cmp(b.date, a.date) || cmp(b.expires ?? '9999', a.expires ?? '9999') || cmp(attestationKey(a), attestationKey(b)));
  return sorted.find((a) => attestationState(a, today) === 'valid') ?? sorted[0]!;
}

/** The policy sources the report's inputs give: a Terraform directory is hcl, a plan plan, a snapshot live. */
function sourcesSeen(inputs: ReportInput[]): Set<string> {
  const seen = new Set<string>();
  for (const inp of inputs) {
    for (const i of inp.results.inputs) {
      if (i.error) continue;
      if (i.kind === 'hcl' || i.kind === 'plan') seen.add(i.kind);
      else if (i.kind === 'live' || i.kind === 'snapshot') seen.add('live');
      else if (i.kind === 'app') seen.add('app');
    }
  }
  return seen;
}

/**
 * Policies of a control that no input of the report could give them anything to judge (a live-only
 * policy on a Terraform scan, a Terraform-only one on an audit): they never ran, so their silence is
 * not a pass. Only known when the inputs are (a report of no inputs says so elsewhere).
 */
function unjudgedPolicies(c: ReportFrameworkControl, meta: Map<string, ReportPolicyMeta>, seen: Set<string>): string[] {
  if (!seen.size) return [];
  return c.policies.filter((pid) => {
    const sources = meta.get(pid)?.sources;
    return Array.isArray(sources) && sources.length > 0 && !sources.some((s) => seen.has(s));
  });
}

/**
 * Application checks of a control whose primary evidence is the application, when no input holds
 * application results: the infrastructure policies that passed are not what the control asks for.
 */
function unrunAppChecks(c: ReportFrameworkControl, seen: Set<string>): string[] {
  if (!seen.size || seen.has('app') || !c.primaryEvidence.includes('APP')) return [];
  return [...(c.appChecks ?? [])];
}

function missingInput(pids: string[], meta: Map<string, ReportPolicyMeta>): string {
  const live = pids.every((pid) => (meta.get(pid)?.sources ?? []).every((s) => s === 'live'));
  return live ? 'a live audit' : pids.every((pid) => !(meta.get(pid)?.sources ?? []).includes('live')) ? 'a Terraform scan or plan' : 'other inputs';
}

function decide(
  c: ReportFrameworkControl,
  counts: Record<Status, number>,
  att: ControlAttestation,
  unjudged: { ids: string[]; need: string } = { ids: [], need: '' },
  unrunApp: string[] = [],
): { status: ControlStatus; reason: string } {
  const automated = counts.pass + counts.fail + counts.unknown + counts.error + counts.waived;
  const attValid = att.state === 'valid';
  const attGap = att.required && !attValid ? ` The ${att.state === 'expired' ? 'attestation has expired' : att.state === 'not-yet-valid' ? 'attestation is dated in the future' : 'attestation is missing'}.` : '';
  if (counts.fail > 0) return { status: 'not-ready', reason: `${plural(counts.fail, 'failing finding')}.${attGap}` };
  if (counts.unknown + counts.error > 0) {
    const parts: string[] = [];
    if (counts.unknown) parts.push(`${plural(counts.unknown, 'finding')} cannot be decided from these inputs (needs live verification)`);
    if (counts.error) parts.push(`${plural(counts.error, 'finding')} could not be read`);
    return { status: 'needs-evidence', reason: `${parts.join('; ')}.${attGap}` };
  }
  if ((unjudged.ids.length || unrunApp.length) && !attValid) {
    const had = counts.pass || counts.waived ? `${plural(counts.pass, 'passing finding')}, none failing, but ` : '';
    const gaps: string[] = [];
    if (unjudged.ids.length) gaps.push(`${plural(unjudged.ids.length, 'policy', 'policies')} of this control judge${unjudged.ids.length === 1 ? 's' : ''} what these inputs do not hold and did not run (${unjudged.ids.join(', ')}): needs ${unjudged.need}`);
    if (unrunApp.length) gaps.push(`its primary evidence is the application, and these inputs hold no application results (${unrunApp.join(', ')}): needs the conformance suite's results (\`npm run conformance\`)`);
    return { status: 'needs-evidence', reason: `${had}${gaps.join('; ')}.${attGap}` };
  }
  if (automated > 0 && c.primaryEvidence.includes('ATT') && !attValid) {
    return { status: 'needs-evidence', reason: `Automated checks raise no failure, but an attestation is part of this control's primary evidence.${attGap}` };
  }
  if (counts.waived > 0) return { status: 'waived', reason: `Every non-passing finding is waived (${plural(counts.waived, 'waived finding')}, ${counts.pass} passing).${attGap}` };
  if (counts.pass > 0) return { status: 'ready', reason: `${plural(counts.pass, 'passing finding')}, none failing.${attGap}` };
  if (attValid) return { status: 'attested', reason: `Attested by ${att.attestation!.attestedBy} on ${att.attestation!.date}${att.attestation!.expires ? `, valid until ${att.attestation!.expires}` : ''}.` };
  const why = c.policies.length ? 'No resource in these inputs was checked by this control\'s policies' : 'No automated check covers this control';
  return { status: 'needs-evidence', reason: `${why}, and there is no valid attestation.${attGap}` };
}

function attested(c: ReportFrameworkControl, list: Attestation[], today: string): ControlAttestation {
  const required = c.evidence.includes('ATT');
  const best = pickAttestation(list, today);
  const state: AttestationState = best ? attestationState(best, today) : required ? 'missing' : 'not-required';
  return { state, required, attestation: best ? { ...best } : null, hint: c.attestationHint ?? null };
}

function profileOf(inputs: ReportInput[], fallback: Record<string, unknown> | undefined, notes: string[]): FerpaReport['profile'] {
  const withProfile = inputs.filter((i) => i.results.profile);
  if (!withProfile.length) {
    return { values: fallback ? (canonical(fallback) as Record<string, unknown>) : null, origin: fallback ? 'configuration' : null, conflicts: [] };
  }
  const first = canonical(withProfile[0]!.results.profile) as Record<string, unknown>;
  const conflicts = new Set<string>();
  for (const other of withProfile.slice(1)) {
    const p = canonical(other.results.profile) as Record<string, unknown>;
    for (const k of new Set([...Object.keys(first), ...Object.keys(p)])) {
      if (JSON.stringify(first[k]) !== JSON.stringify(p[k])) conflicts.add(k);
    }
  }
  const list = [...conflicts].sort(cmp);
  if (list.length) notes.push(`The results files were produced with different parameter profiles (${list.join(', ')}); the profile of ${withProfile[0]!.path} is shown.`);
  return { values: first, origin: withProfile[0]!.path, conflicts: list };
}

/**
 * Build the readiness report. Pure: no clock, files or environment; the same arguments give a deeply
 * equal model, whatever the order of findings inside the results documents.
 */
/** The profile's default maxEvidenceAgeDays (policies/profile.default.yaml), for results written before it existed. */
const MAX_EVIDENCE_AGE_DAYS = 30;

/**
 * Evidence older than the profile accepts (maxEvidenceAgeDays): a live snapshot by when it was collected, a results
 * document by when it was written. Old evidence says how the stack was, not how it is, so it keeps the report from
 * Ready (one note each).
 */
function staleEvidence(inputs: ReportInput[], now: Date): string[] {
  const out: string[] = [];
  for (const inp of inputs) {
    const raw = inp.results.profile?.maxEvidenceAgeDays;
    const max = typeof raw === 'number' && raw >= 1 ? raw : MAX_EVIDENCE_AGE_DAYS;
    const times: Array<{ what: string; time: string }> = [{ what: `${inp.path} (results written)`, time: inp.results.generatedAt }];
    for (const i of inp.results.inputs) if (i.kind === 'live' && i.time) times.push({ what: `${i.path} (live snapshot collected)`, time: i.time });
    for (const { what, time } of times) {
      const days = Math.floor((now.getTime() - Date.parse(time)) / 86_400_000);
      if (days > max) out.push(`${what} ${time.slice(0, 10)}, ${days} days before this report; the profile accepts evidence up to ${max} days old (maxEvidenceAgeDays), so the report cannot be ready: audit or scan again.`);
    }
  }
  return out;
}

export function buildReport(inputs: ReportInput[], framework: ReportFramework, policyMeta: ReportPolicyMeta[], opts: BuildOptions): FerpaReport {
  const today = dayOf(opts.now);
  const notes: string[] = [];
  const meta = new Map<string, ReportPolicyMeta>();
  for (const p of policyMeta) if (!meta.has(p.id)) meta.set(p.id, p);

  const findings = mergeFindings(inputs, notes);
  const seen = sourcesSeen(inputs);
  const inputOf = inputsByFinding(inputs);
  const items = findings.map((f) => ({ f, item: evidenceItem(f, meta, today, inputOf.get(f)) }));
  const fwId = framework.framework;
  const fwName = framework.name ?? fwId;

  // Control membership: the finding's own controls of this framework (FERPA's are `controls`, another
  // framework's are in `frameworks` when the scan judged it) plus the framework's policy lists.
  const ownControls = (f: Finding): string[] => (fwId === FERPA_FRAMEWORK ? f.controls : (f.frameworks?.[fwId] ?? []));
  const controlIds = new Set(framework.controls.map((c) => c.id));
  const byControl = new Map<string, EvidenceItem[]>();
  const policiesOf = new Map<string, Set<string>>();
  for (const c of framework.controls) {
    byControl.set(c.id, []);
    policiesOf.set(c.id, new Set(c.policies));
  }
  const byPolicy = new Map<string, string[]>();
  for (const c of framework.controls) for (const p of c.policies) byPolicy.set(p, [...(byPolicy.get(p) ?? []), c.id]);
  const unknownControls = new Set<string>();
  const controlsOfItem = new Map<EvidenceItem, string[]>();
  const unmapped = new Map<string, number>();
  for (const { f, item } of items) {
    const targets = new Set([...ownControls(f), ...(byPolicy.get(f.policyId) ?? [])]);
    const mine: string[] = [];
    for (const cid of targets) {
      if (!controlIds.has(cid)) {
        unknownControls.add(cid);
        continue;
      }
      byControl.get(cid)!.push(item);
      policiesOf.get(cid)!.add(f.policyId);
      mine.push(cid);
    }
    controlsOfItem.set(item, mine);
    if (!mine.length) unmapped.set(f.policyId, (unmapped.get(f.policyId) ?? 0) + 1);
  }
  if (unknownControls.size) notes.push(`Findings name controls this framework does not have: ${[...unknownControls].sort(cmp).join(', ')}.`);
  if (unmapped.size) {
    const n = [...unmapped.values()].reduce((a, b) => a + b, 0);
    notes.push(`${plural(n, 'finding')} of ${plural(unmapped.size, 'policy', 'policies')} that ${fwName} maps to no control (${[...unmapped.keys()].sort(cmp).join(', ')}) ${n === 1 ? 'is' : 'are'} not part of this report.`);
  }
  pushAll(notes, judgedWithNotes(inputs, fwId));
  for (const inp of inputs) {
    for (const i of inp.results.inputs) if (i.error) notes.push(`${i.path} could not be read, so nothing in it was checked and the report cannot be ready: ${i.error}`);
  }
  const stale = staleEvidence(inputs, opts.now);
  pushAll(notes, stale);

  // Attestations: options first, then each results document's; exact duplicates collapse.
  const allAtt = new Map<string, Attestation>();
  for (const a of [...(opts.attestations ?? []), ...inputs.flatMap((i) => i.results.attestations ?? [])]) {
    if ((a.framework ?? FERPA_FRAMEWORK) === fwId) allAtt.set(attestationKey(a), a);
  }
  const attByControl = new Map<string, Attestation[]>();
  for (const a of allAtt.values()) attByControl.set(a.control, [...(attByControl.get(a.control) ?? []), a]);

  const controls: ControlReport[] = framework.controls.map((c) => {
    const evidence = sortEvidence(byControl.get(c.id)!);
    const counts = zeroStatus();
    for (const e of evidence) counts[e.status]++;
    const att = attested(c, attByControl.get(c.id) ?? [], today);
    const skipped = unjudgedPolicies(c, meta, seen);
    const { status, reason } = decide(c, counts, att, { ids: skipped, need: skipped.length ? missingInput(skipped, meta) : '' }, unrunAppChecks(c, seen));
    const policies = [...policiesOf.get(c.id)!].sort(cmp).map((pid): ControlPolicyRow => {
      const pc = zeroStatus();
      for (const e of evidence) if (e.policyId === pid) pc[e.status]++;
      const m = meta.get(pid);
      return { id: pid, title: m?.title ?? pid, severity: m?.severity ?? null, counts: pc, remediation: m?.remediation ? { ...m.remediation } : null };
    });
    return {
      id: c.id,
      title: c.title,
      family: c.family,
      familyTitle: framework.families[c.family] ?? c.family,
      status,
      reason,
      requirement: c.requirement ?? null,
      sources: c.sources,
      evidenceKinds: [...c.evidence],
      primaryEvidence: [...c.primaryEvidence],
      remediation: c.remediation ?? null,
      policies,
      counts,
      evidence,
      attestation: att,
      guidance: c.attestationGuidance ? { ...c.attestationGuidance, documents: [...c.attestationGuidance.documents] } : null,
    };
  });

  // Attestation table: every control that needs one or has one, plus attestations for unknown controls.
  const attestations: AttestationRow[] = controls
    .filter((c) => c.attestation.required || c.attestation.attestation)
    .map((c) => ({ control: c.id, controlTitle: c.title, state: c.attestation.state, attestation: c.attestation.attestation, hint: c.attestation.hint }));
  for (const [cid, list] of [...attByControl.entries()].sort((a, b) => cmp(a[0], b[0]))) {
    if (controlIds.has(cid)) continue;
    for (const a of list) attestations.push({ control: cid, controlTitle: '(not a control of this framework)', state: 'unknown-control', attestation: { ...a }, hint: null });
    notes.push(`An attestation names ${cid}, which is not a control of this framework; it counts for nothing.`);
  }

  // Waivers: declared ones (results documents) and the ones findings carry, keyed by policy + resource + expiry.
  const waivers = new Map<string, WaiverRow>();
  const wkey = (w: Waiver) => [w.policy, w.resource ?? '', w.expires, w.owner, w.reason].join('\u0000');
  const addWaiver = (w: Waiver) => {
    const k = wkey(w);
    if (!waivers.has(k)) {
      waivers.set(k, {
        policy: w.policy,
        resource: w.resource ?? null,
        reason: w.reason,
        owner: w.owner,
        expires: w.expires,
        origin: w.origin ?? null,
        state: w.expires < today ? 'expired' : 'active',
        waivedFindings: 0,
        reopenedFindings: 0,
        controls: [...(byPolicy.get(w.policy) ?? [])],
      });
    }
    return waivers.get(k)!;
  };
  for (const inp of inputs) for (const w of inp.results.waivers ?? []) if (w && w.policy && w.expires) addWaiver(w);
  for (const { item } of items) {
    if (!item.waiver) continue;
    const row = addWaiver(item.waiver);
    for (const cid of controlsOfItem.get(item) ?? []) if (!row.controls.includes(cid)) row.controls.push(cid);
    if (item.reopened) row.reopenedFindings++;
    else if (item.status === 'waived') row.waivedFindings++;
  }
  for (const row of waivers.values()) row.controls.sort(cmp);
  const waiverRows = [...waivers.values()].sort((a, b) => cmp(a.policy, b.policy) || cmp(a.resource ?? '', b.resource ?? '') || cmp(a.expires, b.expires) || cmp(a.owner, b.owner) || cmp(a.reason, b.reason));
  const reopened = items.filter((i) => i.item.reopened).length;
  if (reopened) notes.push(`${plural(reopened, 'finding')} had an expired waiver and count as open again.`);

  // Summary.
  const controlCounts = zeroControlCounts();
  for (const c of controls) controlCounts[c.status]++;
  const families: FamilySummary[] = Object.entries(framework.families)
    .map(([id, title]) => {
      const fc = controls.filter((c) => c.family === id);
      const counts = zeroControlCounts();
      for (const c of fc) counts[c.status]++;
      return { id, title, total: fc.length, counts, readyPercent: percent(counts.ready + counts.attested, fc.length) };
    })
    .filter((f) => f.total > 0);
  const findingMatrix = Object.fromEntries(STATUS_ORDER.map((s) => [s, Object.fromEntries(SEVERITIES.map((v) => [v, 0]))])) as Record<Status, Record<Severity, number>>;
  const findingTotals = zeroStatus();
  for (const { item } of items) {
    findingMatrix[item.status][item.severity]++;
    findingTotals[item.status]++;
  }
  // An input the scan could not read holds resources nobody judged: the report cannot be ready or waived with it.
  // (each is named in the notes; see above)
  const unread = inputs.some((inp) => inp.results.inputs.some((i) => i.error)) || stale.length > 0;
  // Overall: the worst control decides; attested controls count as ready, waived ones are shown as waived.
  const overall: ControlStatus = controlCounts['not-ready']
    ? 'not-ready'
    : controlCounts['needs-evidence'] || controls.length === 0 || unread
      ? 'needs-evidence'
      : controlCounts.waived
        ? 'waived'
        : 'ready';
  // A gap: a control that is not ready or needs evidence, or whose required attestation is missing or stale.
  const gaps = controls.filter(
    (c) => c.status === 'not-ready' || c.status === 'needs-evidence' || (c.attestation.required && c.attestation.state !== 'valid'),
  ).length;

  // Scope.
  const scopeInputs = new Map<string, ScopeInput>();
  for (const inp of inputs) {
    scopeInputs.set(`results|${inp.path}|${inp.sha256}`, { kind: 'results', path: inp.path, sha256: inp.sha256, time: inp.results.generatedAt, via: null });
    for (const i of inp.results.inputs) {
      const k = `${i.kind}|${i.path}|${i.sha256}`;
      if (!scopeInputs.has(k)) scopeInputs.set(k, { kind: i.kind, path: i.path, sha256: i.sha256, time: i.time ?? null, via: inp.path, ...(i.error ? { error: i.error } : {}) });
    }
  }
  const uniq = (xs: Array<string | null | undefined>) => [...new Set(xs.filter((x): x is string => typeof x === 'string' && x !== ''))].sort(cmp);
  const resultsRefs = inputs
    .map((i) => ({ path: i.path, sha256: i.sha256, generatedAt: i.results.generatedAt, toolVersion: i.results.tool.version, catalogVersion: i.results.tool.catalogVersion ?? null }))
    .sort((a, b) => cmp(a.generatedAt, b.generatedAt) || cmp(a.path, b.path) || cmp(a.sha256, b.sha256));
  const catalogVersions = uniq(inputs.map((i) => i.results.tool.catalogVersion));
  if (catalogVersions.some((v) => v !== framework.version)) notes.push(`Results were produced with policy catalog ${catalogVersions.join(', ')}; this report uses framework ${framework.version}.`);

  // Trend: earlier points plus this report, oldest first, the last twelve.
  const current: TrendPoint = { at: opts.now.toISOString(), label: 'this report', counts: { ...controlCounts } };
  const trend = [...(opts.history ?? []).filter((p) => p.at < current.at), current]
    .sort((a, b) => cmp(a.at, b.at) || cmp(a.label, b.label))
    .slice(-12)
    .map((p) => ({ at: p.at, label: p.label, counts: { ...zeroControlCounts(), ...p.counts } }));

  const driftRows = new Map<string, DriftRow>();
  for (const inp of inputs) {
    for (const d of inp.results.drift ?? []) {
      const row: DriftRow = {
        drift: d.drift,
        kind: d.kind,
        resource: d.address ?? d.arn ?? d.kind,
        attribute: d.attribute ?? null,
        planned: d.planned === undefined ? null : canonical(d.planned, d.attribute),
        live: d.live === undefined ? null : canonical(d.live, d.attribute),
        message: looksLikeSecretValue(d.message) ? '(message withheld: it contained a credential-looking value)' : d.message,
      };
      driftRows.set(JSON.stringify(row), row);
    }
  }
  const drift = [...driftRows.entries()]
    .sort((a, b) => cmp(a[1].resource, b[1].resource) || cmp(a[1].attribute ?? '', b[1].attribute ?? '') || cmp(a[0], b[0]))
    .map(([, r]) => r);
  const coverage = reportCoverage(inputs);
  const scanned = (i: ReportInput) => i.results.inputs.some((x) => x.kind === 'hcl' || x.kind === 'plan' || x.kind === 'live' || x.kind === 'snapshot');
  const uncovered = inputs.filter((i) => !i.results.coverage && scanned(i)).map((i) => i.path).sort(cmp);
  if (uncovered.length) notes.push(`${plural(uncovered.length, 'results file')} without a coverage section (${uncovered.join(', ')}): which of their resources were evaluated is not recorded.`);
  const resultsSha256 = createHash('sha256')
    .update(resultsRefs.map((r) => `${r.sha256}  ${r.path}\n`).join(''))
    .digest('hex');

  return {
    schema: REPORT_SCHEMA,
    generatedAt: opts.now.toISOString(),
    framework: { id: fwId, name: fwName, title: framework.title, version: framework.version },
    scope: {
      results: resultsRefs,
      inputs: [...scopeInputs.values()].sort((a, b) => cmp(a.kind === 'results' ? '0' : '1', b.kind === 'results' ? '0' : '1') || cmp(a.kind, b.kind) || cmp(a.path, b.path) || cmp(a.sha256, b.sha256)),
      toolVersions: uniq(inputs.map((i) => i.results.tool.version)),
      catalogVersions,
      sources: uniq(findings.map((f) => f.source)),
      accounts: uniq(findings.map((f) => f.account)),
      regions: uniq(findings.map((f) => f.region)),
      coverage,
    },
    summary: {
      overall,
      controls: controlCounts,
      totalControls: controls.length,
      readyPercent: percent(controlCounts.ready + controlCounts.attested, controls.length),
      families,
      findings: findingMatrix,
      findingTotals,
      gaps,
    },
    controls,
    attestations,
    waivers: waiverRows,
    profile: profileOf(inputs, opts.profile, notes),
    drift: drift.length ? drift : null,
    trend,
    crosswalk: crosswalkOf(fwId, controls, opts.crosswalk ?? []),
    integrity: { resultsSha256, previousReportSha256: opts.previousReportSha256 ?? null },
    notes: notes.sort(cmp),
  };
}

/**
 * Results judged with another framework's profile than this report's: say so, since a threshold this
 * framework fixes (FedRAMP's TLS policies, a seven-year backup floor) did not decide those verdicts. A
 * results document without `frameworks` was judged with FERPA's (the configuration's) profile.
 */
function judgedWithNotes(inputs: ReportInput[], fwId: string): string[] {
  const byJudges = new Map<string, string[]>();
  for (const inp of inputs) {
    const ids = inp.results.frameworks?.map((f) => f.id);
    if ((ids ?? [FERPA_FRAMEWORK]).includes(fwId)) continue;
    const key = ids ? ids.join(' + ') : `${FERPA_FRAMEWORK} (a scan without --framework)`;
    byJudges.set(key, [...(byJudges.get(key) ?? []), inp.path]);
  }
  return [...byJudges.entries()].map(
    ([judges, paths]) =>
      `${paths.sort(cmp).join(', ')} ${paths.length === 1 ? 'was' : 'were'} judged with the parameter profile of ${judges}, not with ${fwId}'s: scan with --framework ${fwId} for verdicts under its parameters.`,
  );
}

/** For each control, the controls of the crosswalk frameworks that map at least one of its policies. */
function crosswalkOf(fwId: string, controls: ControlReport[], list: CrosswalkFramework[]): Crosswalk | null {
  if (!list.length) return null;
  const rows = controls.map((c): CrosswalkRow => {
    const mine = new Set(c.policies.map((p) => p.id));
    const related: Record<string, CrosswalkMatch[]> = {};
    for (const other of list) {
      related[other.framework] = other.controls
        .filter((o) => !(other.framework === fwId && o.id === c.id))
        .map((o) => ({ id: o.id, title: o.title, policies: o.policies.filter((p) => mine.has(p)).sort(cmp) }))
        .filter((m) => m.policies.length > 0);
    }
    return { control: c.id, title: c.title, policies: [...mine].sort(cmp), findings: c.evidence.length, related };
  });
  return { frameworks: list.map((f) => ({ id: f.framework, name: f.name ?? f.framework, title: f.title })), rows };
}

/** A trend point from an earlier JSON report (the model this module builds), or null when it is not one. */
export function trendPointOf(report: unknown, label: string): TrendPoint | null {
  if (!report || typeof report !== 'object') return null;
  const r = report as Partial<FerpaReport>;
  if (r.schema !== REPORT_SCHEMA || typeof r.generatedAt !== 'string' || !r.summary || typeof r.summary.controls !== 'object') return null;
  const counts = zeroControlCounts();
  for (const s of CONTROL_STATUSES) {
    const v = (r.summary.controls as Record<string, unknown>)[s];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) counts[s] = Math.floor(v);
  }
  return { at: r.generatedAt, label, counts };
}
