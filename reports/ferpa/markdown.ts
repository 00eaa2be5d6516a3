// The readiness report (of any framework) as Markdown (GFM): the same sections as the HTML report, every value from the
// inputs escaped with mdCell so names, tags and messages render as inert text.
import type { Severity } from '../../checks/engine/types.js';
import { SEVERITIES } from '../../checks/engine/types.js';
import { STATUS_ORDER } from '../../checks/engine/order.js';
import { pushAll } from '../../checks/util/push-all.js';
import { mdCell, mdText } from '../markdown.js';
import { describeValue, messageText } from './evidence-text.js';
import { originParts } from './evidence-origin.js';
import { showsGuidance } from './guidance.js';
import { reportTitle, reviewPurpose } from './title.js';
import { CONTROL_STATUS_LABEL, CONTROL_STATUSES, type ControlReport, type EvidenceItem, type FerpaReport } from './model.js';

export { mdCell };

export interface FerpaMarkdownOptions {
  /** Evidence rows listed per control before "and N more" (default 100). */
  maxEvidenceRows?: number;
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

/** A value in a table cell: one phrase inline, several as bullet lines (evidence-text.ts). */
function valueCell(v: unknown, listItems = false): string {
  const phrases = describeValue(v, { listItems });
  return phrases.length === 1 ? mdText(phrases[0]!) : phrases.map((p) => `• ${mdText(p)}`).join('<br>');
}

function valuesCell(vals: Record<string, unknown>): string {
  const keys = Object.keys(vals);
  if (!keys.length) return '';
  return keys
    .map((k) => {
      const phrases = describeValue(vals[k]);
      return phrases.length === 1 ? `${mdCell(k)}: ${mdText(phrases[0]!)}` : `${mdCell(k)}:<br>${phrases.map((p) => `• ${mdText(p)}`).join('<br>')}`;
    })
    .join('<br>');
}

/** Source and root (or plan, snapshot), account and region of an evidence row. */
function whereCell(e: EvidenceItem): string {
  const o = originParts(e);
  return [`${mdCell(o.label)}${o.path !== null ? ` ${mdCell(o.path)}` : ''}`, `account ${mdCell(o.account ?? 'not recorded')} · region ${mdCell(o.region ?? 'not recorded')}`].join('<br>');
}

function evidenceRows(items: EvidenceItem[], max: number): string[] {
  if (!items.length) return ['', '_No findings from the given results map to this control._'];
  const rows = items.slice(0, max).map((e) => [
    mdCell(e.reopened ? `${e.status} (waiver expired ${e.waiver?.expires ?? ''})` : e.status === 'waived' ? `waived until ${e.waiver?.expires ?? ''}` : e.status),
    mdCell(e.resource) + (e.location ? `<br>${mdCell(e.location)}` : ''),
    whereCell(e),
    mdCell(e.policyId),
    valuesCell(e.values),
    e.status === 'pass' ? '' : mdCell(messageText(e.message, e.resource)),
  ]);
  const out = ['', ...table(['Status', 'Resource', 'Found in', 'Policy', 'Decisive values', 'Message'], rows)];
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
    out.push(`- **Attestation:** ${mdCell(a.state)}${who}${a.hint && a.state !== 'valid' && !showsGuidance(c) ? `. To attest: ${mdCell(a.hint)}` : ''}`);
  }
  if (showsGuidance(c)) {
    const g = c.guidance!;
    out.push(`- **Evidence to supply:** ${mdText(g.attest)}`);
    out.push(`  - Documents to attach: ${g.documents.map((d) => mdText(d)).join('; ')}`);
    out.push(`  - Signed by: ${mdCell(g.signer)}`);
    out.push(`  - How often: ${mdCell(g.frequency)}`);
  }
  if (c.status !== 'ready' && c.status !== 'attested' && c.remediation) out.push(`- **Remediation:** ${mdCell(c.remediation)}`);
  if (c.policies.length) {
    out.push('', ...table(
      ['Policy', 'Severity', 'Pass', 'Fail', 'Unknown', 'Error', 'Waived'],
      c.policies.map((p) => [mdCell(p.id), mdCell(p.severity ?? ''), String(p.counts.pass), String(p.counts.fail), String(p.counts.unknown), String(p.counts.error), String(p.counts.waived)]),
    ));
  }
  pushAll(out, evidenceRows(c.evidence, max));
  return out;
}

/** Render the report model as Markdown. Pure and deterministic. */
export function renderFerpaMarkdown(r: FerpaReport, opts: FerpaMarkdownOptions = {}): string {
  const max = Math.max(1, Math.floor(opts.maxEvidenceRows ?? 100));
  const out: string[] = [`# ${mdCell(reportTitle(r))}`, ''];
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
  out.push(...table(['Status', ...SEVERITIES, 'Total'], STATUS_ORDER.map((st) => [st, ...SEVERITIES.map((s: Severity) => String(r.summary.findings[st][s])), String(r.summary.findingTotals[st])])));
  out.push('', '### Controls', '');
  out.push(...table(['Control', 'Title', 'Status', 'Why'], r.controls.map((c) => [mdCell(c.id), mdCell(c.title), CONTROL_STATUS_LABEL[c.status], mdCell(c.reason)])));
  if (r.notes.length) pushAll(out, ['', '### Notes', '', ...r.notes.map((n) => `- ${mdCell(n)}`)]);

  out.push('', '## Scope', '');
  out.push(`- **Tool versions:** ${mdCell(r.scope.toolVersions.join(', ') || 'unknown')}`);
  out.push(`- **Policy catalog:** ${mdCell(r.scope.catalogVersions.join(', ') || 'unknown')}`);
  out.push(`- **Sources:** ${mdCell(r.scope.sources.join(', ') || 'none')}`);
  out.push(`- **AWS accounts:** ${mdCell(r.scope.accounts.join(', ') || 'none seen')}`);
  out.push(`- **Regions:** ${mdCell(r.scope.regions.join(', ') || 'none seen')}`);
  out.push(`- **Results digest:** ${mdCell(r.integrity.resultsSha256)}`);
  out.push(`- **Previous report:** ${mdCell(r.integrity.previousReportSha256 ?? 'none given')}`);
  pushAll(out, ['', ...table(['Kind', 'Path', 'SHA-256', 'Time', 'Listed by'], r.scope.inputs.map((i) => [mdCell(i.kind), mdCell(i.error ? `${i.path} (could not be read: ${i.error})` : i.path), mdCell(i.sha256), mdCell(i.time ?? ''), mdCell(i.via ?? '')]))]);
  pushAll(out, coverageBlock(r, max));

  out.push('', '## Attestations', '');
  out.push(...table(
    ['Control', 'State', 'Statement', 'Signed by', 'Date', 'Expires', 'Document'],
    r.attestations.map((a) => [mdCell(a.control), mdCell(a.state), mdCell(a.attestation?.statement ?? a.hint ?? ''), mdCell(a.attestation?.attestedBy ?? ''), mdCell(a.attestation?.date ?? ''), mdCell(a.attestation?.expires ?? ''), mdCell(a.attestation?.document ?? '')]),
  ));

  const toSupply = r.controls.filter(showsGuidance);
  if (toSupply.length) {
    out.push('', '### Evidence to supply', '', `${toSupply.length} controls need evidence that no scan produces.`, '');
    out.push(...table(
      ['Control', 'Status', 'What to attest', 'Documents to attach', 'Signed by', 'How often'],
      toSupply.map((c) => [`${mdCell(c.id)}: ${mdCell(c.title)}`, CONTROL_STATUS_LABEL[c.status], mdText(c.guidance!.attest), c.guidance!.documents.map((d) => mdText(d)).join('<br>'), mdCell(c.guidance!.signer), mdCell(c.guidance!.frequency)]),
    ));
  }

  out.push('', '## Waivers', '');
  if (r.waivers.length) {
    pushAll(out, table(
      ['Policy', 'Controls', 'Resource', 'Reason', 'Owner', 'Expires', 'State', 'Waived', 'Re-opened'],
      r.waivers.map((w) => [mdCell(w.policy), mdCell(w.controls.join(', ')), mdCell(w.resource ?? '(all)'), mdCell(w.reason), mdCell(w.owner), mdCell(w.expires), w.state === 'expired' ? 'expired: findings re-opened' : 'active', String(w.waivedFindings), String(w.reopenedFindings)]),
    ));
  } else out.push('_No waivers._');

  out.push('', '## Parameter profile in force', '');
  if (r.profile.values) {
    out.push(`From ${mdCell(r.profile.origin ?? 'unknown')}.`, '');
    pushAll(out, table(['Parameter', 'Value'], Object.keys(r.profile.values).map((k) => [mdCell(k) + (r.profile.conflicts.includes(k) ? ' (differs between results files)' : ''), valueCell(r.profile.values![k], true)])));
  } else out.push('_The results carry no profile._');

  if (r.drift) {
    out.push('', '## Drift between plan and live account', '');
    pushAll(out, table(['Drift', 'Resource', 'Attribute', 'Planned', 'Live', 'Message'], r.drift.map((d) => [mdCell(d.drift), mdCell(d.resource), mdCell(d.attribute ?? ''), valueCell(d.planned), valueCell(d.live), mdCell(d.message)])));
  }

  out.push('', '## Trend', '');
  if (r.trend.length > 1) {
    pushAll(out, table(['Report', 'Date', ...CONTROL_STATUSES.map((s) => CONTROL_STATUS_LABEL[s])], r.trend.map((p) => [mdCell(p.label), mdCell(p.at), ...CONTROL_STATUSES.map((s) => String(p.counts[s]))])));
  } else out.push('_No earlier reports were given._');

  if (r.crosswalk) {
    const x = r.crosswalk;
    out.push('', '## Crosswalk', '', `For each control, the ${x.frameworks.map((f) => mdCell(f.name)).join(' and ')} controls that map the same policies, so the same findings evidence them.`, '');
    pushAll(out, table(
      ['Control', 'Policies', 'Findings', ...x.frameworks.map((f) => mdCell(f.id === r.framework.id ? `Other ${f.name} controls` : `${f.name} controls`))],
      x.rows.map((row) => [mdCell(row.control), String(row.policies.length), String(row.findings), ...x.frameworks.map((f) => {
        const list = row.related[f.id] ?? [];
        return list.length ? list.map((m) => mdCell(m.id)).join(', ') : row.policies.length ? '_none_' : '_attestation only_';
      })]),
    ));
  }

  for (const f of r.summary.families) {
    out.push('', `## ${mdCell(f.id)}: ${mdCell(f.title)}`, '', `${f.readyPercent}% ready or attested.`);
    for (const c of r.controls.filter((x) => x.family === f.id)) pushAll(out, controlBlock(c, max));
  }
  out.push('', '---', '', `_ferpa-ready readiness report; results digest ${mdCell(r.integrity.resultsSha256)}. Evidence for ${mdCell(reviewPurpose(r))}, not legal advice._`);
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
