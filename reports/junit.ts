import type { Finding, Results } from '../checks/engine/types.js';
import { canonicalEvidence, cmp, countByStatus, fileLine, joinLines, lineChunks, resourceLabel, sortFindings, workspaceFile } from './common.js';
import type { PolicyMeta, RenderOptions } from './types.js';

/** Characters XML 1.0 cannot carry (and C1 controls): removed, not escaped. */
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Escape for element text. */
export function xmlText(s: string): string {
  return s.replace(XML_INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escape for a double-quoted attribute value (whitespace kept as character references). */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function attrs(pairs: [string, string | number | undefined][]): string {
  return pairs
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
}

function details(f: Finding): string {
  const lines = [f.message, `resource: ${resourceLabel(f)} (${f.resource.kind}, ${f.source})`];
  const where = fileLine(f);
  if (where) lines.push(`location: ${where}`);
  if (f.controls.length) lines.push(`controls: ${f.controls.join(', ')}`);
  for (const fw of Object.keys(f.frameworks ?? {}).sort(cmp)) lines.push(`${fw}: ${f.frameworks![fw]!.join(', ')}`);
  const evidence = canonicalEvidence(f.evidence);
  if (Object.keys(evidence).length) lines.push(`evidence: ${JSON.stringify(evidence)}`);
  if (f.waiver) lines.push(`waiver: ${f.waiver.reason} (owner ${f.waiver.owner}, expires ${f.waiver.expires}${f.waiver.expired ? ', expired' : ''})`);
  return lines.join('\n');
}

function testcase(f: Finding, name: string): string {
  const head = `    <testcase${attrs([
    ['classname', f.policyId],
    ['name', name],
    ['file', workspaceFile(f) ?? undefined],
    ['line', f.resource.line ?? undefined],
    ['time', '0'],
  ])}`;
  switch (f.status) {
    case 'pass':
      return `${head}/>`;
    case 'fail':
      return `${head}>\n      <failure${attrs([['message', f.message], ['type', f.severity]])}>${xmlText(details(f))}</failure>\n    </testcase>`;
    case 'error':
      return `${head}>\n      <error${attrs([['message', f.message], ['type', 'read-error']])}>${xmlText(details(f))}</error>\n    </testcase>`;
    case 'unknown':
      return `${head}>\n      <skipped${attrs([['message', `unknown: ${f.message}`]])}/>\n    </testcase>`;
    case 'waived':
      return `${head}>\n      <skipped${attrs([['message', `waived: ${f.waiver?.reason ?? 'waived'}`]])}/>\n    </testcase>`;
  }
}

/**
 * JUnit XML: one testsuite per policy, one testcase per policy x resource. fail -> failure,
 * error -> error, unknown and waived -> skipped. Counts on every suite and on the root.
 */
export function renderJunit(results: Results, meta: PolicyMeta[] = [], opts: RenderOptions = {}): string {
  return joinLines(junitLines(results, meta, opts));
}

/** `renderJunit` in pieces, for output that may be longer than one string. */
export function renderJunitChunks(results: Results, meta: PolicyMeta[] = [], opts: RenderOptions = {}): Iterable<string> {
  return lineChunks(junitLines(results, meta, opts));
}

function junitLines(results: Results, _meta: PolicyMeta[], _opts: RenderOptions): string[] {
  const sorted = sortFindings(results.findings);
  const byPolicy = new Map<string, Finding[]>();
  for (const f of sorted) {
    const group = byPolicy.get(f.policyId);
    if (group) group.push(f);
    else byPolicy.set(f.policyId, [f]);
  }

  const total = countByStatus(sorted);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(
    `<testsuites${attrs([
      ['name', 'ferpa-ready'],
      ['tests', sorted.length],
      ['failures', total.fail],
      ['errors', total.error],
      ['skipped', total.unknown + total.waived],
      ['time', '0'],
      ['timestamp', results.generatedAt],
    ])}>`,
  );
  for (const policyId of [...byPolicy.keys()].sort(cmp)) {
    const group = byPolicy.get(policyId)!;
    const c = countByStatus(group);
    out.push(
      `  <testsuite${attrs([
        ['name', policyId],
        ['tests', group.length],
        ['failures', c.fail],
        ['errors', c.error],
        ['skipped', c.unknown + c.waived],
        ['time', '0'],
        ['timestamp', results.generatedAt],
      ])}>`,
    );
    // --framework: the policy's control ids in each selected framework, as suite properties.
    const frameworkIds = new Map<string, Set<string>>();
    for (const f of group) for (const [fw, ids] of Object.entries(f.frameworks ?? {})) for (const c of ids) frameworkIds.set(fw, (frameworkIds.get(fw) ?? new Set()).add(c));
    if (frameworkIds.size) {
      out.push('    <properties>');
      for (const fw of [...frameworkIds.keys()].sort(cmp)) out.push(`      <property${attrs([['name', `framework:${fw}`], ['value', [...frameworkIds.get(fw)!].join(' ')]])}/>`);
      out.push('    </properties>');
    }
    // A scan of several roots names each case's root; the same resource seen through two sources (hcl
    // and plan) gets the source in its name, so names stay unique.
    const labelOf = (f: Finding) => (f.input !== undefined ? `${resourceLabel(f)} [${f.input}]` : resourceLabel(f));
    const seen = new Map<string, number>();
    for (const f of group) seen.set(labelOf(f), (seen.get(labelOf(f)) ?? 0) + 1);
    for (const f of group) {
      const label = labelOf(f);
      out.push(testcase(f, (seen.get(label) ?? 0) > 1 ? `${label} [${f.source}]` : label));
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out;
}
