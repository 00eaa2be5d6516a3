import type { Attestation, Diagnostic, Finding, Results, ResultsInput, Waiver } from '../checks/engine/types.js';
import { LazyJsonArray } from '../checks/util/json-chunks.js';
import { canonical, canonicalEvidenceToWrite, jsonDocumentChunks, sortFindings, SUMMARY_KEYS } from './common.js';
import { canonicalCoverage } from './coverage.js';
import type { PolicyMeta, RenderOptions } from './types.js';

/** Copy `keys` of `src` in that order, skipping undefined. */
function pick<T extends object>(src: T, keys: readonly (keyof T & string)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (src[k] !== undefined) out[k] = src[k];
  return out;
}

const WAIVER_KEYS = ['policy', 'resource', 'reason', 'owner', 'expires', 'origin'] as const;

function finding(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: f.id,
    policyId: f.policyId,
    status: f.status,
    severity: f.severity,
    category: f.category,
    controls: f.controls,
    resource: {
      kind: f.resource.kind,
      address: f.resource.address ?? null,
      arn: f.resource.arn ?? null,
      file: f.resource.file ?? null,
      line: f.resource.line ?? null,
    },
    message: f.message,
    evidence: canonicalEvidenceToWrite(f.evidence),
    source: f.source,
  };
  if (f.account !== undefined) out.account = f.account;
  if (f.region !== undefined) out.region = f.region;
  if (f.waiver) out.waiver = { ...pick(f.waiver, WAIVER_KEYS), expired: f.waiver.expired };
  if (f.baseline) out.baseline = true;
  if (f.input !== undefined) out.input = f.input;
  if (f.frameworks) out.frameworks = canonical(f.frameworks);
  return out;
}

/**
 * The results document in a canonical form: keys in contract order (open objects sorted), findings
 * sorted, evidence redacted. Both `renderJson` and other renderers that embed the document use this.
 */
export function canonicalResults(results: Results): Record<string, unknown> {
  return canonicalDocument(results, sortFindings(results.findings).map(finding));
}

function canonicalDocument(results: Results, findings: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {
    schemaVersion: results.schemaVersion,
    tool: pick(results.tool, ['name', 'version', 'catalogVersion']),
    generatedAt: results.generatedAt,
    inputs: results.inputs.map((i: ResultsInput) => pick(i, ['kind', 'path', 'sha256', 'time', 'error'])),
    findings,
    summary: pick(results.summary, SUMMARY_KEYS),
  };
  if (results.profile) out.profile = canonical(results.profile);
  if (results.frameworks) out.frameworks = results.frameworks.map((fw) => pick(fw, ['id', 'title', 'version']));
  if (results.diagnostics) out.diagnostics = results.diagnostics.map((d: Diagnostic) => pick(d, ['level', 'message', 'file']));
  if (results.attestations) {
    out.attestations = results.attestations.map((a: Attestation) => pick(a, ['framework', 'control', 'statement', 'attestedBy', 'date', 'document', 'expires']));
  }
  if (results.waivers) out.waivers = results.waivers.map((w: Waiver) => pick(w, WAIVER_KEYS));
  if (results.coverage) out.coverage = canonicalCoverage(results.coverage);
  if (results.shards) out.shards = results.shards.map((s) => pick(s, ['id', 'account', 'regions', 'status', 'input']));
  return out;
}

/** `--format json`: the results document, stable key order, 2-space indent, trailing newline. */
export function renderJson(results: Results, _meta: PolicyMeta[] = [], _opts: RenderOptions = {}): string {
  return `${JSON.stringify(canonicalResults(results), null, 2)}\n`;
}

/**
 * `renderJson` in pieces, for a document longer than one string can be; each finding is put in its
 * canonical form only when it is written.
 */
export function renderJsonChunks(results: Results, _meta: PolicyMeta[] = [], _opts: RenderOptions = {}): Iterable<string> {
  return jsonDocumentChunks(canonicalDocument(results, new LazyJsonArray(sortFindings(results.findings), finding)));
}
