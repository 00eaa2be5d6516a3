// The readiness report as Markdown (GFM): the same sections as the HTML report, every value from the
// inputs escaped with mdCell so names, tags and messages render as inert text.
import type { Severity, Status } from '../../checks/engine/types.js';
import { SEVERITIES } from '../../checks/engine/types.js';
import { mdCell } from '../markdown.js';
import { CONTROL_STATUS_LABEL, CONTROL_STATUSES, type ControlReport, type EvidenceItem, type FerpaReport } from './model.js';

export { mdCell };

export interface FerpaMarkdownOptions {
  /** Evidence rows listed per control before "and N more" (default 100). */
  maxEvidenceRows?: number;
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function short(v: unknown, max = 160): string {
  const s = v === undefined ? 'not set' : JSON.stringify(v) ?? String(v);
  return s.length > max ? `${s.slice(0, max - 3)}...` : s;
}

function valuesCell(vals: Record<string, unknown>): string {
  const keys = Object.keys(vals);
  if (!keys.length) return '';
  return keys.map((k) => mdCell(`${k} = ${short(vals[k])}`)).join('<br>');
}

function evidenceRows(items: EvidenceItem[], max: number): string[] {
  if (!items.length) return ['', '_No findings from the given results map to this control._'];
  const rows = items.slice(0, max).map((e) => [
    mdCell(e.reopened ? `${e.status} (waiver expired ${e.waiver?.expires ?? ''})` : e.status === 'waived' ? `waived until ${e.waiver?.expires ?? ''}` : e.status),
    mdCell(e.resource) + (e.location ? `<br>${mdCell(e.location)}` : ''),
    mdCell(e.policyId),
    mdCell(e.source),
    valuesCell(e.values),
    e.status === 'pass' ? '' : mdCell(e.message),
  ]);
  const out = ['', ...table(['Status', 'Resource', 'Policy', 'Source', 'Decisive values', 'Message'], rows)];
  if (items.length > max) out.push('', `... and ${items.length - max} more (see the JSON or HTML report).`);
  return out;
}

function controlBlock(c: ControlReport, max: number): string[] {
  const out = ['', `### ${mdCell(c.id)}: ${mdCell(c.title)}`, '', `**Status: ${CONTROL_STATUS_LABEL[c.status]}.** ${mdCell(c.reason)}`, ''];
  out.push(`- **Requirement:** ${c.requirement ? mdCell(c.requirement) : '_not written yet_'}`);
  out.push(`- **Sources:** ${mdCell(c.sources)}`);
  out.push(`- **Evidence kinds:** ${mdCell(c.evidenceKinds.join(', '))} (primary: ${mdCell(c.primaryEvidence.join(', '))})`);
  out.push(`- **Findings:** ${c.counts.pass} pass, ${c.counts.fail} fail, ${c.counts.unknown} unknown, ${c.counts.error} error, ${c.counts.waived} waived`);
  const a = c.attestation;
  if (a.required || a.attestation) {
    const who = a.attestation ? `: ${mdCell(a.attestation.statement)} (${mdCell(a.attestation.attestedBy)}, ${mdCell(a.attestation.date)}${a.attestation.expires ? `, expires ${mdCell(a.attestation.expires)}` : ''}; document ${mdCell(a.attestation.document)})` : '';
    out.push(`- **Attestation:** ${mdCell(a.state)}${who}${a.hint && a.state !== 'valid' ? `. To attest: ${mdCell(a.hint)}` : ''}`);
  }
  if (c.status !== 'ready' && c.status !== 'attested' && c.remediation) out.push(`- **Remediation:** ${mdCell(c.remediation)}`);
  if (c.policies.length) {
    out.push('', ...table(
      ['Policy', 'Severity', 'Pass', 'Fail', 'Unknown', 'Error', 'Waived'],
      c.policies.map((p) => [mdCell(p.id), mdCell(p.severity ?? ''), String(p.counts.pass), String(p.counts.fail), String(p.counts.unknown), String(p.counts.error), String(p.counts.waived)]),
    ));
  }
  out.push(...evidenceRows(c.evidence, max));
  return out;
}

/** Render the report model as Markdown. Pure and deterministic. */
export function renderFerpaMarkdown(r: FerpaReport, opts: FerpaMarkdownOptions = {}): string {
  const max = Math.max(1, Math.floor(opts.maxEvidenceRows ?? 100));
  const out: string[] = ['# FERPA readiness report', ''];
  out.push(`${mdCell(r.framework.title)}, framework version ${mdCell(r.framework.version)}. Generated ${mdCell(r.generatedAt)}.`, '');
  out.push(`**Overall: ${CONTROL_STATUS_LABEL[r.summary.overall]}.** ${r.summary.readyPercent}% of ${r.summary.totalControls} controls ready or attested; ${r.summary.gaps} open gaps.`);

  out.push('', '## Executive summary', '');
  out.push(...table(CONTROL_STATUSES.map((s) => CONTROL_STATUS_LABEL[s]), [CONTROL_STATUSES.map((s) => String(r.summary.controls[s]))]));
  out.push('', '### Readiness per control family', '');
  out.push(...table(
    ['Family', 'Controls', ...CONTROL_STATUSES.map((s) => CONTROL_STATUS_LABEL[s]), 'Ready or attested'],
    r.summary.families.map((f) => [`${mdCell(f.id)}: ${mdCell(f.title)}`, String(f.total), ...CONTROL_STATUSES.map((s) => String(f.counts[s])), `${f.readyPercent}%`]),
  ));
  out.push('', '### Findings by status and severity', '');
  const statuses: Status[] = ['fail', 'error', 'unknown', 'waived', 'pass'];
  out.push(...table(['Status', ...SEVERITIES, 'Total'], statuses.map((st) => [st, ...SEVERITIES.map((s: Severity) => String(r.summary.findings[st][s])), String(r.summary.findingTotals[st])])));
  out.push('', '### Controls', '');
  out.push(...table(['Control', 'Title', 'Status', 'Why'], r.controls.map((c) => [mdCell(c.id), mdCell(c.title), CONTROL_STATUS_LABEL[c.status], mdCell(c.reason)])));
  if (r.notes.length) out.push('', '### Notes', '', ...r.notes.map((n) => `- ${mdCell(n)}`));

  out.push('', '## Scope', '');
  out.push(`- **Tool versions:** ${mdCell(r.scope.toolVersions.join(', ') || 'unknown')}`);
  out.push(`- **Policy catalog:** ${mdCell(r.scope.catalogVersions.join(', ') || 'unknown')}`);
  out.push(`- **Sources:** ${mdCell(r.scope.sources.join(', ') || 'none')}`);
  out.push(`- **AWS accounts:** ${mdCell(r.scope.accounts.join(', ') || 'none seen')}`);
  out.push(`- **Regions:** ${mdCell(r.scope.regions.join(', ') || 'none seen')}`);
  out.push(`- **Results digest:** ${mdCell(r.integrity.resultsSha256)}`);
  out.push(`- **Previous report:** ${mdCell(r.integrity.previousReportSha256 ?? 'none given')}`);
  out.push('', ...table(['Kind', 'Path', 'SHA-256', 'Time', 'Listed by'], r.scope.inputs.map((i) => [mdCell(i.kind), mdCell(i.path), mdCell(i.sha256), mdCell(i.time ?? ''), mdCell(i.via ?? '')])));
  out.push(...coverageBlock(r, max));

  out.push('', '## Attestations', '');
  out.push(...table(
    ['Control', 'State', 'Statement', 'Signed by', 'Date', 'Expires', 'Document'],
    r.attestations.map((a) => [mdCell(a.control), mdCell(a.state), mdCell(a.attestation?.statement ?? a.hint ?? ''), mdCell(a.attestation?.attestedBy ?? ''), mdCell(a.attestation?.date ?? ''), mdCell(a.attestation?.expires ?? ''), mdCell(a.attestation?.document ?? '')]),
  ));

  out.push('', '## Waivers', '');
  if (r.waivers.length) {
    out.push(...table(
      ['Policy', 'Resource', 'Reason', 'Owner', 'Expires', 'State', 'Waived', 'Re-opened'],
      r.waivers.map((w) => [mdCell(w.policy), mdCell(w.resource ?? '(all)'), mdCell(w.reason), mdCell(w.owner), mdCell(w.expires), w.state === 'expired' ? 'expired: findings re-opened' : 'active', String(w.waivedFindings), String(w.reopenedFindings)]),
    ));
  } else out.push('_No waivers._');

  out.push('', '## Parameter profile in force', '');
  if (r.profile.values) {
    out.push(`From ${mdCell(r.profile.origin ?? 'unknown')}.`, '');
    out.push(...table(['Parameter', 'Value'], Object.keys(r.profile.values).map((k) => [mdCell(k) + (r.profile.conflicts.includes(k) ? ' (differs between results files)' : ''), mdCell(short(r.profile.values![k], 400))])));
  } else out.push('_The results carry no profile._');

  if (r.drift) {
    out.push('', '## Drift between plan and live account', '');
    out.push(...table(['Drift', 'Resource', 'Attribute', 'Planned', 'Live', 'Message'], r.drift.map((d) => [mdCell(d.drift), mdCell(d.resource), mdCell(d.attribute ?? ''), mdCell(short(d.planned)), mdCell(short(d.live)), mdCell(d.message)])));
  }

  out.push('', '## Trend', '');
  if (r.trend.length > 1) {
    out.push(...table(['Report', 'Date', ...CONTROL_STATUSES.map((s) => CONTROL_STATUS_LABEL[s])], r.trend.map((p) => [mdCell(p.label), mdCell(p.at), ...CONTROL_STATUSES.map((s) => String(p.counts[s]))])));
  } else out.push('_No earlier reports were given._');

  for (const f of r.summary.families) {
    out.push('', `## ${mdCell(f.id)}: ${mdCell(f.title)}`, '', `${f.readyPercent}% ready or attested.`);
    for (const c of r.controls.filter((x) => x.family === f.id)) out.push(...controlBlock(c, max));
  }
  out.push('', '---', '', `_ferpa-ready readiness report; results digest ${mdCell(r.integrity.resultsSha256)}. Evidence for a data-privacy-agreement review, not legal advice._`);
  return `${out.join('\n')}\n`;
}

/** Scope, coverage: every resource of the inputs accounted for; the data stores no policy evaluated listed. */
function coverageBlock(r: FerpaReport, max: number): string[] {
  const c = r.scope.coverage;
  if (!c) return ['', '### Coverage', '', 'The results do not record which resources were evaluated.'];
  const out = ['', '### Coverage', '', `${mdCell(c.line)}.`];
  if (c.dataStoreLine) out.push('', `Data stores: ${mdCell(c.dataStoreLine)}.`);
  out.push('', ...table(
    ['Input', 'Source', 'Resources', 'Evaluated', 'Not evaluated', 'Data stores', 'Data stores not evaluated', 'Unclassified data stores'],
    c.inputs.map((i) => [mdCell(i.input), mdCell(i.source), String(i.total), String(i.evaluated), String(i.notEvaluated), String(i.dataStores), String(i.dataStoresNotEvaluated), String(i.dataStoresUnclassified)]),
  ));
  if (c.notEvaluatedTypes.length) {
    out.push('', '#### Types not evaluated', '', ...table(['Type', 'Resources', 'Why', 'Data store'], c.notEvaluatedTypes.map((t) => [mdCell(t.type), String(t.count), mdCell(t.why), mdCell(t.dataStore ?? '')])));
  }
  if (c.unevaluatedDataStores.length) {
    out.push('', '#### Data stores no policy evaluated', '', ...table(
      ['Resource', 'Type', 'Data store', 'Why', 'Location', 'Input'],
      c.unevaluatedDataStores.slice(0, max).map((d) => [mdCell(d.resource), mdCell(d.type), mdCell(d.dataStore), mdCell(d.why), mdCell(d.location), mdCell(d.input)]),
    ));
    if (c.unevaluatedDataStores.length > max) out.push('', `... and ${c.unevaluatedDataStores.length - max} more.`);
  }
  return out;
}
