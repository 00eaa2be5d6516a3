import type { Finding, Results, Severity } from '../checks/engine/types.js';
import { LazyJsonArray } from '../checks/util/json-chunks.js';
import { fileLine, jsonDocumentChunks, metaIndex, resourceLabel, sortFindings, workspaceFile } from './common.js';
import type { PolicyMeta, RenderOptions } from './types.js';

/**
 * GitLab's security report (SAST flavour, schema v15): what `artifacts:reports:sast` reads into the
 * merge-request security widget and the vulnerability report. One vulnerability per failing finding;
 * passes, waived findings, unknowns and read errors are not vulnerabilities and are left out (the
 * JSON/Markdown outputs carry them). Baseline findings stay: GitLab compares with the target branch.
 */
export const GITLAB_SAST_SCHEMA_VERSION = '15.0.7';

export const GITLAB_SEVERITY: Record<Severity, 'Critical' | 'High' | 'Medium' | 'Low' | 'Info'> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

/** GitLab limits `identifiers` to 20 entries. */
const MAX_IDENTIFIERS = 20;
const MAX_NAME = 255;

/**
 * `2026-11-22T10:00:00.123Z` -> `2026-11-22T10:00:00` (the schema's pattern: no fraction, no zone).
 * Results documents carry UTC times; anything unparsable becomes the epoch rather than an invalid report.
 */
export function gitlabTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]}T${m[2]}` : '1970-01-01T00:00:00';
}

/** FNV-1a (32 bit) of `s` from `seed`: a pure, dependency-free hash (not for security, only for ids). */
function fnv1a(s: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** A UUID-shaped id derived from the finding id, so the same finding keeps the same id across runs. */
function vulnerabilityId(f: Finding): string {
  const key = `ferpa-ready|${f.id}`;
  const h = [0x811c9dc5, 0x050c5d1f, 0x2c1b3c6d, 0x297a2d39].map((seed) => fnv1a(key, seed)).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 3)}...` : s;
}

function solutionOf(p: PolicyMeta | undefined): string | undefined {
  const r = p?.remediation;
  if (!r) return undefined;
  const parts: string[] = [];
  if (r.terraform) parts.push(`Terraform:\n${r.terraform.trim()}`);
  if (r.cli) parts.push(`AWS CLI:\n${r.cli.trim()}`);
  if (r.console) parts.push(`Console: ${r.console.trim()}`);
  return parts.length ? parts.join('\n\n') : undefined;
}

function location(f: Finding, results: Results): Record<string, unknown> {
  const loc: Record<string, unknown> = {};
  const file = workspaceFile(f) ?? results.inputs[0]?.path;
  if (file) loc.file = file;
  if (f.resource.line != null && f.resource.line >= 1) {
    loc.start_line = f.resource.line;
    loc.end_line = f.resource.line;
  }
  loc.class = f.resource.kind;
  loc.method = resourceLabel(f);
  return loc;
}

function vulnerability(f: Finding, meta: Map<string, PolicyMeta>, results: Results): Record<string, unknown> {
  const p = meta.get(f.policyId);
  const title = p?.title ?? f.policyId;
  const where = fileLine(f);
  const description = [
    p?.description?.trim() || title,
    '',
    `Finding: ${f.message}`,
    `Resource: ${resourceLabel(f)} (${f.resource.kind})${where ? ` at ${where}` : ''}`,
    `Source: ${f.source}${f.controls.length ? `; FERPA controls: ${f.controls.join(', ')}` : ''}`,
  ].join('\n');
  const identifiers = [
    { type: 'ferpa_ready_policy', name: `ferpa-ready ${f.policyId}`, value: f.policyId },
    ...f.controls.map((c) => ({ type: 'ferpa_control', name: `FERPA control ${c}`, value: c })),
  ].slice(0, MAX_IDENTIFIERS);
  const v: Record<string, unknown> = {
    id: vulnerabilityId(f),
    name: clip(`${title}: ${resourceLabel(f)}`, MAX_NAME),
    description,
    severity: GITLAB_SEVERITY[f.severity],
    location: location(f, results),
    identifiers,
  };
  const solution = solutionOf(p);
  if (solution) v.solution = solution;
  const link = p?.references.find((u) => /^https?:\/\//.test(u));
  if (link) v.links = [{ url: link }];
  return v;
}

/** Render a results document as `gl-sast-report.json`. Pure and deterministic. */
export function renderGitlabSast(results: Results, meta: PolicyMeta[] = [], opts: RenderOptions = {}): string {
  return `${JSON.stringify(gitlabReport(results, meta, opts), null, 2)}\n`;
}

/** `renderGitlabSast` in pieces, for a report longer than one string can be. */
export function renderGitlabSastChunks(results: Results, meta: PolicyMeta[] = [], opts: RenderOptions = {}): Iterable<string> {
  return jsonDocumentChunks(gitlabReport(results, meta, opts));
}

function gitlabReport(results: Results, meta: PolicyMeta[], _opts: RenderOptions): Record<string, unknown> {
  const index = metaIndex(meta);
  const vendor = { name: 'ferpa-ready' };
  const tool = { id: 'ferpa-ready', name: 'ferpa-ready', version: results.tool.version, vendor };
  const time = gitlabTime(results.generatedAt);
  const report = {
    version: GITLAB_SAST_SCHEMA_VERSION,
    vulnerabilities: new LazyJsonArray(sortFindings(results.findings.filter((f) => f.status === 'fail')), (f) => vulnerability(f, index, results)),
    scan: {
      analyzer: tool,
      scanner: { ...tool },
      type: 'sast',
      start_time: time,
      end_time: time,
      status: 'success',
    },
  };
  return report;
}
