import { hash } from 'node:crypto';
import type { Model } from '../model/model.js';
import type { Resource } from '../model/resource.js';
import type { Location } from '../model/value.js';
import { codeCheckNamed, type CodeChecks, type Observed, type Outcome } from './code-check.js';
import { conditionOf } from './evaluate.js';
import type { Policy } from './policy.js';
import type { Finding, Profile, Status } from './types.js';
import { isSecretKeyName, redact, REDACTED } from './redact.js';
import { addPolicyTime, timingOn } from '../util/timing.js';
import type { Cond } from './policy.js';
import type { ParamOrigin } from './profiles.js';

export interface RunOptions {
  profile: Profile;
  /** The code checks the policies' `check:` conditions name (the catalog's `checks`). */
  checks: CodeChecks;
  /** Only these policy ids (all when absent). */
  only?: Set<string>;
  /**
   * The input a resource belongs to, added to its finding ids, when one scan reads several inputs that
   * may hold the same address (root modules, plans): see findingId. Undefined leaves ids as they are.
   */
  scopeOf?: (resource: Resource) => string | undefined;
  /**
   * Frameworks the scan was asked to judge (`--framework`): findings carry their control ids, and the
   * profile parameters that decided them with the framework whose profile set each (evidence.profile).
   * Absent for a default scan, whose findings stay as they were.
   */
  frameworks?: { ids: string[]; origins: Record<string, ParamOrigin> };
}

/** Evaluate every policy against every resource of its kind whose source it declares. Linear in resources × policies. */
export function runPolicies(policies: Policy[], model: Model, opts: RunOptions): Finding[] {
  const ctx = { model, profile: opts.profile, checks: opts.checks };
  const findings: Finding[] = [];
  for (const policy of policies) {
    if (opts.only && !opts.only.has(policy.id)) continue;
    const resources = inLabelOrder(model.ofKind(policy.resource));
    if (!resources.length) continue;
    // Compiled once per policy, then applied to each resource of its kind.
    const where = policy.where ? conditionOf(policy.where) : undefined;
    const assert = conditionOf(policy.rule.assert);
    const t0 = timingOn ? performance.now() : 0;
    const before = findings.length;
    for (const resource of resources) {
      if (!policy.sources.includes(resource.source)) continue;
      if (resource.readError) {
        findings.push(toFinding(policy, resource, { truth: 'error', evidence: [], error: resource.readError, loc: resource.loc }, opts.scopeOf?.(resource), opts));
        continue;
      }
      if (where && where(resource, ctx).truth === 'false') continue;
      findings.push(toFinding(policy, resource, assert(resource, ctx), opts.scopeOf?.(resource), opts));
    }
    if (timingOn) addPolicyTime(policy.id, performance.now() - t0, findings.length - before);
  }
  return findings;
}

/**
 * A kind's resources in the order findings are listed in (by resource label: address, else ARN), sorted once per
 * kind: each policy's findings then come out in that order, and sorting the results (checks/engine/order.ts) is a
 * pass that finds them in order instead of a comparison sort of every finding. Verdicts do not depend on it.
 */
const LABEL_ORDER = new WeakMap<Resource[], Resource[]>();
function inLabelOrder(resources: Resource[]): Resource[] {
  let sorted = LABEL_ORDER.get(resources);
  if (sorted) return sorted;
  const label = (r: Resource): string => r.address ?? r.arn ?? r.kind;
  let inOrder = true;
  for (let i = 1; i < resources.length && inOrder; i++) inOrder = label(resources[i - 1]!) <= label(resources[i]!);
  sorted = inOrder ? resources : resources.map((r) => ({ r, key: label(r) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((x) => x.r);
  LABEL_ORDER.set(resources, sorted);
  return sorted;
}

function statusOf(policy: Policy, outcome: Outcome): Status {
  switch (outcome.truth) {
    case 'true':
      return 'pass';
    case 'false':
      return 'fail';
    case 'error':
      return 'error';
    case 'unknown':
      return policy.rule.onUnknown === 'fail' ? 'fail' : policy.rule.onUnknown === 'pass' ? 'pass' : 'unknown';
  }
}

/**
 * The stable fingerprint of a policy over a resource. `scope` (the root module or plan, relative to
 * the scanned directory) is part of the key only when given, so a single-input scan keeps the ids its
 * stored runs and baselines already hold.
 */
export function findingId(policyId: string, resource: Pick<Resource, 'id' | 'source' | 'account' | 'region'>, scope?: string): string {
  const key = `${policyId}|${resource.source}|${resource.account ?? ''}|${resource.region ?? ''}|${resource.id}`;
  return hash('sha256', scope === undefined ? key : `${key}|${scope}`, 'hex').slice(0, 16);
}

function toFinding(policy: Policy, resource: Resource, outcome: Outcome, scope: string | undefined, opts: RunOptions): Finding {
  const status = statusOf(policy, outcome);
  const loc: Location = status === 'pass' ? resource.loc : outcome.loc?.file || outcome.loc?.line ? outcome.loc : resource.loc;
  const display = resource.address ?? resource.arn ?? resource.id;
  const fw = opts.frameworks;
  const evidence = evidenceOf(outcome.evidence);
  if (fw) {
    const decided = decidingParams(policy, outcome.evidence, opts.checks).map((param) => ({ param, value: opts.profile[param], ...(fw.origins[param] ?? { framework: null, source: null }) }));
    if (decided.length) evidence.profile = decided;
  }
  const id = findingId(policy.id, resource, scope);
  const controls = policy.controls ?? [];
  const subject: Finding['resource'] = {
    kind: resource.kind,
    address: resource.address ?? null,
    arn: resource.arn ?? null,
    file: loc.file ?? resource.loc.file ?? null,
    line: loc.line ?? resource.loc.line ?? null,
  };
  const text = message(policy, status, display, outcome);
  // Literals in the document's key order (no spreads: a finding is made per resource and policy).
  const finding: Finding = fw
    ? { id, policyId: policy.id, status, severity: policy.severity, category: policy.category, controls, frameworks: frameworkControlsOf(policy, fw.ids), resource: subject, message: text, evidence, source: resource.source }
    : { id, policyId: policy.id, status, severity: policy.severity, category: policy.category, controls, resource: subject, message: text, evidence, source: resource.source };
  if (resource.account !== undefined) finding.account = resource.account ?? null;
  if (resource.region !== undefined) finding.region = resource.region ?? null;
  // Kept off the results document (not enumerable): see Finding.messageId.
  if (outcome.messageId && outcome.detail !== undefined && showsDetail(policy, status)) Object.defineProperty(finding, 'messageId', { value: outcome.messageId, enumerable: false });
  return finding;
}

/** The selected frameworks' control ids of a policy (a framework that does not map it is left out). */
function frameworkControlsOf(policy: Policy, ids: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const id of ids) {
    const controls = policy.frameworkControls?.[id];
    if (controls?.length) out[id] = [...controls];
  }
  return out;
}

/** Profile parameters read by the code checks of a policy's rule (a check reads them whenever it runs). */
const CHECK_PARAMS = new WeakMap<Policy, string[]>();
function codeCheckParams(policy: Policy, checks: CodeChecks): string[] {
  let found = CHECK_PARAMS.get(policy);
  if (found) return found;
  const names = new Set<string>();
  const walk = (c: Cond): void => {
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else if ('check' in c) for (const p of codeCheckNamed(checks, c.check)?.params ?? []) names.add(p);
    else if ('every' in c || 'some' in c || 'none' in c) {
      if (c.where) walk(c.where);
      if (c.assert) walk(c.assert);
    }
  };
  walk(policy.rule.assert);
  CHECK_PARAMS.set(policy, (found = [...names]));
  return found;
}

/** The parameters that decided an outcome: those its deciding comparisons used, and its code checks'. */
function decidingParams(policy: Policy, observed: Observed[], checks: CodeChecks): string[] {
  const names = new Set<string>(codeCheckParams(policy, checks));
  for (const o of observed) for (const p of o.params ?? []) names.add(p);
  return [...names].sort();
}

/** The evidence of a finding: each path's first observed value, internal keys stripped and credentials redacted. */
function evidenceOf(observed: Observed[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const o of observed) if (!(o.path in out)) out[o.path] = evidenceValue(o.value, o.path.slice(o.path.lastIndexOf('.') + 1));
  return out;
}

/**
 * `redact(stripInternal(v), keyHint)` in one walk that copies only what changes: a value with no
 * internal keys, markers or credentials is shared with the model, not deep-copied per finding (nothing
 * writes to evidence values afterwards).
 */
function evidenceValue(v: unknown, keyHint: string | undefined): unknown {
  if (typeof v === 'string') return redact(v, keyHint);
  if (!v || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x = evidenceValue(v[i], keyHint);
      if (copy) copy.push(x);
      else if (x !== v[i]) {
        copy = v.slice(0, i);
        copy.push(x);
      }
    }
    return copy ?? v;
  }
  if (v.constructor !== Object) return redact('toJSON' in v ? (v as { toJSON(): unknown }).toJSON() : v, keyHint);
  const o = v as Record<string, unknown>;
  const named = typeof o.name === 'string' && 'value' in o && isSecretKeyName(o.name);
  const keys = Object.keys(o);
  let copy: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const internal = k.startsWith('_');
    const x = internal ? undefined : named && k === 'value' ? REDACTED : evidenceValue(o[k], k);
    if (!copy && (internal || x !== o[k])) {
      copy = {};
      for (let j = 0; j < i; j++) copy[keys[j]!] = o[keys[j]!];
    }
    if (copy && !internal) copy[k] = x;
  }
  return copy ?? o;
}

function stripInternal(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripInternal);
  if (v && typeof v === 'object' && v.constructor === Object) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) if (!k.startsWith('_')) out[k] = stripInternal((v as Record<string, unknown>)[k]);
    return out;
  }
  if (v && typeof v === 'object' && 'toJSON' in v) return (v as { toJSON(): unknown }).toJSON();
  return v;
}

function summarize(observed: Observed[]): string {
  const parts = observed.slice(0, 3).map((o) => `${o.path} = ${short(stripInternal(o.value))}`);
  return parts.join(', ');
}

function short(v: unknown): string {
  const s = v === undefined ? 'not set' : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

function templateOf(policy: Policy, status: Status): string | undefined {
  return status === 'pass' ? policy.messages?.pass : status === 'fail' ? policy.messages?.fail : status === 'unknown' ? policy.messages?.unknown : undefined;
}

/** Whether the finding message of this status includes the outcome's detail (when it has one). */
function showsDetail(policy: Policy, status: Status): boolean {
  const template = templateOf(policy, status);
  return template ? template.includes('{detail}') : status === 'fail' || status === 'unknown';
}

function message(policy: Policy, status: Status, display: string, outcome: Outcome): string {
  const template = templateOf(policy, status);
  if (template) {
    const filled = template.replaceAll('{address}', display).replaceAll('{title}', policy.title);
    return filled.includes('{detail}') ? filled.replaceAll('{detail}', outcome.detail ?? summarize(outcome.evidence)) : filled;
  }
  if (status === 'pass') return `${display}: ${policy.title}`;
  const why = status === 'error' ? undefined : (outcome.detail ?? summarize(outcome.evidence));
  switch (status) {
    case 'fail':
      return `${display}: not met: ${policy.title}${why ? ` (${why})` : ''}`;
    case 'unknown':
      return `${display}: cannot tell from this input (needs live verification): ${policy.title}${why ? ` (${why})` : ''}`;
    case 'error':
      return `${display}: could not be read: ${outcome.error ?? 'read failed'}`;
    default:
      return `${display}: ${policy.title}`;
  }
}
