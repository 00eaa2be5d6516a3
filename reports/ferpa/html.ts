// The readiness report as ONE self-contained HTML file: inline CSS, inline SVG charts, no scripts, no
// external requests (a CSP forbids them), print CSS with a page per control family. Every value from
// the inputs goes through escapeHtml (the `html` template escapes every interpolation unless it is
// already-built Html).
import type { Severity, Status } from '../../checks/engine/types.js';
import { SEVERITIES } from '../../checks/engine/types.js';
import { STATUS_ORDER } from '../../checks/engine/order.js';
import { describeValue, messageText } from './evidence-text.js';
import { originParts } from './evidence-origin.js';
import { showsGuidance } from './guidance.js';
import { headerMeta, runningHeader } from './print-header.js';
import { reportTitle, reviewPurpose } from './title.js';
import {
  CONTROL_STATUS_LABEL,
  CONTROL_STATUSES,
  type ControlReport,
  type ControlStatus,
  type Crosswalk,
  type EvidenceItem,
  type FamilySummary,
  type FerpaReport,
  type TrendPoint,
} from './model.js';

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => ESC[c]!);
}
const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Markup built by `html` (trusted); anything else interpolated is text and gets escaped. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}
type Part = Html | string | number | boolean | null | undefined | readonly Part[];

function part(v: Part): string {
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return (v as readonly Part[]).map(part).join('');
  if (v === null || v === undefined || v === false) return '';
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...vals: Part[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < vals.length; i++) out += part(vals[i]!) + strings[i + 1]!;
  return new Html(out);
}

const COLORS: Record<ControlStatus, string> = {
  ready: '#1a7f37',
  attested: '#0969da',
  waived: '#8250df',
  'needs-evidence': '#9a6700',
  'not-ready': '#cf222e',
};
const FINDING_COLORS: Record<Status, string> = { fail: '#cf222e', error: '#9a6700', unknown: '#9a6700', waived: '#8250df', pass: '#1a7f37' };
const FINDING_LABEL: Record<Status, string> = { fail: 'fail', error: 'error (not read)', unknown: 'unknown (needs live check)', waived: 'waived', pass: 'pass' };
const BEST_FIRST: ControlStatus[] = [...CONTROL_STATUSES].reverse();

const CSS = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg2:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:#fff}
main{max-width:1080px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:16px;margin:0}h4{font-size:13px;margin:14px 0 6px;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
p{margin:6px 0}.muted{color:var(--muted)}
code,.mono,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
pre{white-space:pre-wrap;background:var(--bg2);border:1px solid var(--line);border-radius:6px;padding:6px 8px;margin:4px 0 8px;max-width:100%}
.msg{overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;margin:6px 0 10px;font-size:12.5px}
th,td{border:1px solid var(--line);padding:4px 7px;text-align:left;vertical-align:top}
th{background:var(--bg2);font-weight:600;overflow-wrap:normal;word-break:normal;hyphens:manual}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.nw{white-space:nowrap}
.pill{display:inline-block;padding:1px 9px;border-radius:10px;color:#fff;font-size:12px;font-weight:600;white-space:nowrap}
.fs{display:inline-block;font-size:11.5px;font-weight:600}
.cards{display:grid;grid-template-columns:repeat(5,minmax(0,1fr));gap:10px;margin:12px 0}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 12px;border-top-width:4px;min-width:0}
.card .big{font-size:26px;font-weight:700}
.control{border:1px solid var(--line);border-radius:8px;padding:12px 14px;margin:14px 0;border-left-width:5px}
.control header{display:flex;gap:4px 10px;align-items:baseline;flex-wrap:wrap}
.control .id{font-weight:700;white-space:nowrap}
.kv{display:grid;grid-template-columns:170px minmax(0,1fr);gap:2px 12px;margin:8px 0}.kv dt{color:var(--muted)}.kv dd{margin:0;min-width:0}
ul.vals{margin:0;padding-left:16px}ul.vals li{margin:0}
ul.ev{list-style:none;margin:0;padding:0}ul.ev>li{margin:0 0 3px}ul.ev .k{color:var(--muted)}ul.ev ul{margin:1px 0 0;padding-left:16px}
.where{display:block;margin-top:2px;color:var(--muted)}
table.evidence .c-status{width:10%}table.evidence .c-resource{width:36%}table.evidence .c-policy{width:21%}
table.supply .c-control{width:26%}table.supply .c-signer{width:24%}
nav.contents .ids a{white-space:nowrap}
.guide{background:#ddf4ff;border:1px solid #54aeff;border-radius:6px;padding:6px 10px;margin:8px 0}
.guide .kv{grid-template-columns:150px minmax(0,1fr);margin:4px 0}
nav.contents ol{margin:4px 0;padding-left:22px}nav.contents li{margin:1px 0}nav.contents .ids{color:var(--muted);font-size:.88em}
nav.toc a{color:inherit}a{color:#0969da}
svg{max-width:100%;height:auto}
svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
.note{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:6px 10px;margin:6px 0}
footer{margin-top:36px;color:var(--muted);font-size:12px;overflow-wrap:anywhere}
@media screen and (max-width:640px){
  main{padding:14px 12px 32px}
  h1{font-size:21px}h2{font-size:18px}
  .kv,.guide .kv{grid-template-columns:minmax(0,1fr)}.kv dt{font-weight:600;margin-top:4px}
  .cards{gap:5px}.card{padding:6px 5px;font-size:11px}.card .big{font-size:20px}
  table,tbody,tr,td{display:block;width:auto}
  thead{display:none}
  tr{border:1px solid var(--line);border-radius:6px;margin:0 0 8px;padding:3px 0}
  td{border:0;padding:2px 8px}
  td[data-label]::before{content:attr(data-label);display:block;font-size:11px;font-weight:600;color:var(--muted)}
  td.n{display:inline-block;text-align:left}td.n[data-label]::before{display:inline;margin-right:4px}
}
@page{size:Letter;margin:16mm 12mm 15mm}
@media print{
  body{font-size:10.5px}main{max-width:none;padding:0}
  table{font-size:9.5px}code,.mono,pre{font-size:9px}.pill{font-size:10px}.fs{font-size:9.5px}
  h2{margin-top:18px}
  #details{break-before:page}
  h2,h3,h4{break-after:avoid}
  .control{break-inside:auto}
  .control header{break-inside:avoid;break-after:avoid}
  tr:not(.tall),li,.where,.kv dt,.kv dd,pre,.guide,.card{break-inside:avoid}
  thead{display:table-header-group}
  nav.contents>ol{columns:2;column-gap:24px}
  a{color:inherit;text-decoration:none}
  .pill,.card,.control,.guide,pre,th{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}`;

function pill(s: ControlStatus): Html {
  return html`<span class="pill" style="background:${COLORS[s]}">${CONTROL_STATUS_LABEL[s]}</span>`;
}

function findingStatus(s: Status): Html {
  return html`<span class="fs" style="color:${FINDING_COLORS[s]}">${FINDING_LABEL[s]}</span>`;
}

/** A value as readable phrases: inline when one, a list when several (evidence-text.ts). */
function valueHtml(v: unknown, listItems = false): Html {
  const phrases = describeValue(v, { listItems });
  return phrases.length === 1 ? html`<code>${phrases[0]}</code>` : html`<ul class="vals">${phrases.map((p) => html`<li><code>${p}</code></li>`)}</ul>`;
}

function values(vals: Record<string, unknown>): Html {
  const keys = Object.keys(vals);
  if (!keys.length) return html`<span class="muted">none recorded</span>`;
  return html`<ul class="ev">${keys.map((k) => html`<li><code class="k">${k}</code>: ${valueHtml(vals[k])}</li>`)}</ul>`;
}

/** Where an evidence row comes from: source and root (or plan, snapshot), account and region. */
function whereHtml(e: EvidenceItem): Html {
  const o = originParts(e);
  return html`<span class="where">${o.label}${o.path !== null ? html` <code>${o.path}</code>` : ''} · account ${o.account ? html`<code>${o.account}</code>` : 'not recorded'} · region ${o.region ? html`<code>${o.region}</code>` : 'not recorded'}</span>`;
}

/** Horizontal stacked bars: one row per family, segments per control status, best first. */
export function familyChart(families: FamilySummary[]): Html {
  const longest = Math.max(0, ...families.map((f) => `${f.title} (${f.id})`.length));
  const labelW = Math.max(160, Math.ceil(longest * 7) + 16);
  const barW = 440;
  const rowH = 26;
  const top = 8;
  const height = top + families.length * rowH + 34;
  const width = labelW + barW + 70;
  const rows = families.map((f, i) => {
    const y = top + i * rowH;
    let x = labelW;
    const segs = BEST_FIRST.filter((s) => f.counts[s] > 0).map((s) => {
      const w = (barW * f.counts[s]) / Math.max(1, f.total);
      const r = html`<rect x="${x.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 10}" fill="${COLORS[s]}"><title>${f.title}: ${f.counts[s]} ${CONTROL_STATUS_LABEL[s].toLowerCase()}</title></rect>`;
      x += w;
      return r;
    });
    return html`<g><text x="${labelW - 8}" y="${y + rowH / 2 + 4}" text-anchor="end" font-size="12" fill="#1f2328">${f.title} (${f.id})</text><rect x="${labelW}" y="${y + 4}" width="${barW}" height="${rowH - 10}" fill="#eaeef2"/>${segs}<text x="${labelW + barW + 8}" y="${y + rowH / 2 + 4}" font-size="12" fill="#1f2328">${f.readyPercent}%</text></g>`;
  });
  const ly = top + families.length * rowH + 16;
  let lx = labelW;
  const legend = BEST_FIRST.map((s) => {
    const g = html`<rect x="${lx}" y="${ly - 9}" width="10" height="10" fill="${COLORS[s]}"/><text x="${lx + 14}" y="${ly}" font-size="11" fill="#59636e">${CONTROL_STATUS_LABEL[s]}</text>`;
    lx += 14 + CONTROL_STATUS_LABEL[s].length * 6.5 + 14;
    return g;
  });
  return html`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="fam-title" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><title id="fam-title">Readiness per control family</title>${rows}${legend}</svg>`;
}

/** Line chart of the share of controls ready or attested (and the count not ready) across reports. */
export function trendChart(trend: TrendPoint[]): Html {
  const width = 720;
  const height = 230;
  const left = 44;
  const right = 20;
  const top = 14;
  const bottom = 56;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const pts = trend.map((p, i) => {
    const total = CONTROL_STATUSES.reduce((n, s) => n + p.counts[s], 0);
    const pct = total ? Math.floor(((p.counts.ready + p.counts.attested) * 100) / total) : 0;
    const x = left + (trend.length === 1 ? plotW / 2 : (plotW * i) / (trend.length - 1));
    const y = top + plotH - (plotH * pct) / 100;
    return { p, pct, x, y };
  });
  const grid = [0, 25, 50, 75, 100].map((g) => {
    const y = top + plotH - (plotH * g) / 100;
    return html`<line x1="${left}" y1="${y}" x2="${width - right}" y2="${y}" stroke="#d1d9e0" stroke-width="1"/><text x="${left - 6}" y="${y + 4}" text-anchor="end" font-size="11" fill="#59636e">${g}%</text>`;
  });
  const line = pts.map((q) => `${q.x.toFixed(1)},${q.y.toFixed(1)}`).join(' ');
  const dots = pts.map(
    (q) =>
      html`<circle cx="${q.x.toFixed(1)}" cy="${q.y.toFixed(1)}" r="4" fill="#1a7f37"><title>${q.p.label} (${q.p.at}): ${q.pct}% ready or attested, ${q.p.counts['not-ready']} not ready</title></circle><text x="${q.x.toFixed(1)}" y="${(q.y - 8).toFixed(1)}" text-anchor="middle" font-size="11" fill="#1f2328">${q.pct}%</text><text x="${q.x.toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle" font-size="10.5" fill="#59636e">${q.p.at.slice(0, 10)}</text><text x="${q.x.toFixed(1)}" y="${height - bottom + 30}" text-anchor="middle" font-size="10.5" fill="#59636e">${q.p.label.length > 18 ? `${q.p.label.slice(0, 17)}…` : q.p.label}</text>`,
  );
  return html`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="trend-title" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><title id="trend-title">Share of controls ready or attested, per report</title>${grid}<polyline points="${line}" fill="none" stroke="#1a7f37" stroke-width="2"/>${dots}</svg>`;
}

/**
 * Rows kept on one page in print, unless their values are long enough to fill much of a page: moving
 * such a row to the next page would leave a large blank gap, so it may break between lines instead.
 */
const TALL_ROW_CHARS = 900;

function isTall(e: EvidenceItem): boolean {
  let n = e.message.length;
  for (const [k, v] of Object.entries(e.values)) for (const p of describeValue(v)) n += k.length + p.length;
  return n > TALL_ROW_CHARS;
}

function evidenceTable(all: EvidenceItem[], max = Infinity): Html {
  if (!all.length) return html`<p class="muted">No findings from the given results map to this control.</p>`;
  const items = all.length > max ? all.slice(0, max) : all;
  const more = all.length - items.length;
  return html`${more ? html`<p class="muted">The first ${items.length} of ${all.length} findings (failing first); the other ${more} are in the HTML and JSON reports.</p>` : ''}<table class="evidence"><colgroup><col class="c-status"><col class="c-resource"><col class="c-policy"><col class="c-values"></colgroup><thead><tr><th>Status</th><th>Resource and where it was found</th><th>Policy</th><th>Decisive values</th></tr></thead><tbody>${items.map(
    (e) =>
      html`<tr${isTall(e) ? html` class="tall"` : ''}><td data-label="Status">${findingStatus(e.status)}${e.reopened ? html`<br><span class="muted">waiver expired ${e.waiver?.expires ?? ''}</span>` : ''}${e.status === 'waived' && e.waiver ? html`<br><span class="muted">until ${e.waiver.expires}</span>` : ''}</td><td data-label="Resource"><code>${e.resource}</code><br><span class="muted"><span class="mono">${e.kind}</span>${e.location ? html` · <span class="mono">${e.location}</span>` : ''}</span>${whereHtml(e)}</td><td data-label="Policy">${e.policyTitle === e.policyId ? '' : html`${e.policyTitle}<br>`}<span class="muted mono">${e.policyId}</span> <span class="muted">(${e.severity})</span></td><td data-label="Decisive values">${values(e.values)}${e.status !== 'pass' ? html`<div class="muted msg">${messageText(e.message, e.resource)}</div>` : ''}</td></tr>`,
  )}</tbody></table>`;
}

function attestationBlock(c: ControlReport): Html {
  const a = c.attestation;
  if (!a.required && !a.attestation) return html``;
  const state = a.state === 'valid' ? 'valid' : a.state === 'expired' ? 'EXPIRED (gap)' : a.state === 'not-yet-valid' ? 'dated in the future (gap)' : a.state === 'missing' ? 'MISSING (gap)' : a.state;
  return html`<h4>Attestation</h4><dl class="kv"><dt>State</dt><dd>${state}</dd>${
    a.attestation
      ? html`<dt>Statement</dt><dd>${a.attestation.statement}</dd><dt>Signed by</dt><dd>${a.attestation.attestedBy}, ${a.attestation.date}${a.attestation.expires ? `, expires ${a.attestation.expires}` : ''}</dd><dt>Document</dt><dd><code>${a.attestation.document}</code></dd>`
      : ''
  }${a.hint && a.state !== 'valid' && !showsGuidance(c) ? html`<dt>What to attest</dt><dd>${a.hint}</dd>` : ''}</dl>`;
}

/** What to supply for a control that needs evidence (framework attestationGuidance). */
function guidanceBlock(c: ControlReport): Html {
  if (!showsGuidance(c)) return html``;
  const g = c.guidance!;
  return html`<div class="guide"><h4>Evidence to supply</h4><dl class="kv"><dt>What to attest</dt><dd>${g.attest}</dd><dt>Documents to attach</dt><dd><ul class="vals">${g.documents.map((d) => html`<li>${d}</li>`)}</ul></dd><dt>Signed by</dt><dd>${g.signer}</dd><dt>How often</dt><dd>${g.frequency}</dd></dl></div>`;
}

function remediationBlock(c: ControlReport): Html {
  const fixes = c.policies.filter((p) => p.remediation && (p.counts.fail > 0 || p.counts.unknown > 0 || p.counts.error > 0));
  if (!c.remediation && !fixes.length) return html``;
  return html`<div class="remediation">${c.remediation ? html`<h4>Remediation</h4><p>${c.remediation}</p>` : ''}${fixes.map(
    (p) =>
      html`<p><strong>${p.title}</strong> <span class="muted mono">(${p.id})</span></p>${p.remediation!.terraform ? html`<pre>${p.remediation!.terraform}</pre>` : ''}${p.remediation!.cli ? html`<pre>${p.remediation!.cli}</pre>` : ''}${p.remediation!.console ? html`<p>${p.remediation!.console}</p>` : ''}`,
  )}</div>`;
}

function controlSection(c: ControlReport, maxRows: number): Html {
  return html`<article class="control" id="${c.id}" style="border-left-color:${COLORS[c.status]}"><header><span class="id">${c.id}</span><h3>${c.title}</h3>${pill(c.status)}</header><p>${c.reason}</p><dl class="kv"><dt>Requirement</dt><dd>${c.requirement ?? html`<span class="muted">not written yet</span>`}</dd><dt>Sources</dt><dd>${c.sources}</dd><dt>Evidence kinds</dt><dd>${c.evidenceKinds.join(', ')} (primary: ${c.primaryEvidence.join(', ')})</dd><dt>Findings</dt><dd>${c.counts.pass} pass, ${c.counts.fail} fail, ${c.counts.unknown} unknown, ${c.counts.error} error, ${c.counts.waived} waived</dd></dl>${
    c.policies.length
      ? html`<h4>Policies</h4><table class="policies"><thead><tr><th>Policy</th><th>Severity</th><th class="n">Pass</th><th class="n">Fail</th><th class="n">Unknown</th><th class="n">Error</th><th class="n">Waived</th></tr></thead><tbody>${c.policies.map(
          (p) => html`<tr><td data-label="Policy">${p.title === p.id ? '' : html`${p.title}<br>`}<span class="muted mono">${p.id}</span></td><td data-label="Severity">${p.severity ?? ''}</td><td class="n" data-label="Pass">${p.counts.pass}</td><td class="n" data-label="Fail">${p.counts.fail}</td><td class="n" data-label="Unknown">${p.counts.unknown}</td><td class="n" data-label="Error">${p.counts.error}</td><td class="n" data-label="Waived">${p.counts.waived}</td></tr>`,
        )}</tbody></table>`
      : ''
  }<h4>Evidence</h4>${evidenceTable(c.evidence, maxRows)}${attestationBlock(c)}${guidanceBlock(c)}${c.status === 'ready' || c.status === 'attested' ? '' : remediationBlock(c)}</article>`;
}

function findingMatrix(r: FerpaReport): Html {
  return html`<table class="matrix"><thead><tr><th>Finding status</th>${SEVERITIES.map((s: Severity) => html`<th class="n">${s}</th>`)}<th class="n">Total</th></tr></thead><tbody>${STATUS_ORDER.map(
    (st) => html`<tr><td>${findingStatus(st)}</td>${SEVERITIES.map((s: Severity) => html`<td class="n" data-label="${s}">${r.summary.findings[st][s]}</td>`)}<td class="n" data-label="Total" data-total="${st}">${r.summary.findingTotals[st]}</td></tr>`,
  )}</tbody></table>`;
}

/** Table of contents: the report's sections, then each family with links to its controls. */
function contents(r: FerpaReport, byFamily: Array<{ f: FamilySummary; controls: ControlReport[] }>, toSupply: number): Html {
  return html`<nav class="contents" id="contents" aria-label="Contents"><h2>Contents</h2><ol><li><a href="#summary">Executive summary</a></li><li><a href="#scope">Scope</a></li><li><a href="#attestations">Attestations${toSupply ? ` and evidence to supply (${toSupply} controls)` : ''}</a></li><li><a href="#waivers">Waivers</a></li><li><a href="#profile">Parameter profile in force</a></li>${r.drift ? html`<li><a href="#drift">Drift between plan and live account</a></li>` : ''}<li><a href="#trend">Trend</a></li>${r.crosswalk ? html`<li><a href="#crosswalk">Crosswalk: the same evidence in ${r.crosswalk.frameworks.map((f) => f.name).join(' and ')}</a></li>` : ''}<li><a href="#details">Controls by family</a><ol>${byFamily.map(
    ({ f, controls }) => html`<li><a href="#family-${f.id}">${f.id}: ${f.title}</a> <span class="ids">(${f.readyPercent}% ready: ${controls.map((c, i) => html`${i ? ', ' : ''}<a href="#${c.id}">${c.id.replace(/^[A-Z]+-/, '')}</a>`)})</span></li>`,
  )}</ol></li></ol></nav>`;
}

/** Every control that still needs evidence, with what to attest, what to attach, who signs and how often. */
function supplyTable(controls: ControlReport[]): Html {
  if (!controls.length) return html``;
  return html`<h4 id="to-supply">Evidence to supply</h4><p>${controls.length} controls need evidence that no scan produces. For each: the statement to attest, the documents to attach, who signs and how often.</p><table class="supply"><colgroup><col class="c-control"><col class="c-attest"><col class="c-signer"></colgroup><thead><tr><th>Control</th><th>What to attest, and the documents to attach</th><th>Signed by, how often</th></tr></thead><tbody>${controls.map(
    (c) => html`<tr><td data-label="Control"><a href="#${c.id}"><code>${c.id}</code></a> ${pill(c.status)}<br><span class="muted">${c.title}</span></td><td data-label="What to attest, and the documents to attach">${c.guidance!.attest}<ul class="vals">${c.guidance!.documents.map((d) => html`<li>${d}</li>`)}</ul></td><td data-label="Signed by, how often">${c.guidance!.signer}<br><span class="muted">${c.guidance!.frequency}</span></td></tr>`,
  )}</tbody></table>`;
}

export interface HtmlOptions {
  /** Document title (default: "<framework name> readiness report", e.g. "FERPA readiness report"). */
  title?: string;
  /** Evidence rows per control (default: all). The PDF uses a cap so very large scans stay printable. */
  maxEvidenceRows?: number;
}

/** Render the report model as one self-contained HTML document. Pure and deterministic. */
export function renderFerpaHtml(r: FerpaReport, opts: HtmlOptions = {}): string {
  const title = opts.title ?? reportTitle(r);
  const maxRows = opts.maxEvidenceRows === undefined ? Infinity : Math.max(1, Math.floor(opts.maxEvidenceRows));
  const byFamily = r.summary.families.map((f) => ({ f, controls: r.controls.filter((c) => c.family === f.id) }));
  const gapsAtt = r.attestations.filter((a) => a.state !== 'valid' && a.state !== 'not-required');
  const toSupply = r.controls.filter(showsGuidance);
  const doc = html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ferpa-ready">
${new Html(headerMeta(runningHeader(r)))}
<title>${title}</title>
<style>${new Html(CSS)}</style></head>
<body><main>
<header><h1>${title}</h1>
<p class="muted">${r.framework.title}, framework version ${r.framework.version}. Generated ${r.generatedAt}.</p>
<p>Overall: ${pill(r.summary.overall)} <strong>${r.summary.readyPercent}%</strong> of ${r.summary.totalControls} controls ready or attested; ${r.summary.gaps} open gaps.</p>
</header>
${contents(r, byFamily, toSupply.length)}

<section id="summary"><h2>Executive summary</h2>
<div class="cards">${CONTROL_STATUSES.map((s) => html`<div class="card" style="border-top-color:${COLORS[s]}"><div class="big">${r.summary.controls[s]}</div><div>${CONTROL_STATUS_LABEL[s]}</div></div>`)}</div>
<h4>Readiness per control family</h4>
${familyChart(r.summary.families)}
<h4>Findings by status and severity</h4>
${findingMatrix(r)}
<h4>Controls</h4>
<nav class="toc"><table><thead><tr><th>Control</th><th>Title</th><th>Status</th><th>Why</th></tr></thead><tbody>${r.controls.map(
    (c) => html`<tr><td class="nw" data-label="Control"><a href="#${c.id}"><code>${c.id}</code></a></td><td data-label="Title">${c.title}</td><td data-label="Status">${pill(c.status)}</td><td data-label="Why">${c.reason}</td></tr>`,
  )}</tbody></table></nav>
${r.notes.length ? html`<h4>Notes</h4>${r.notes.map((n) => html`<p class="note">${n}</p>`)}` : ''}
</section>

<section id="scope"><h2>Scope</h2>
<dl class="kv"><dt>Tool versions</dt><dd>${r.scope.toolVersions.join(', ') || 'unknown'}</dd><dt>Policy catalog</dt><dd>${r.scope.catalogVersions.join(', ') || 'unknown'}</dd><dt>Sources</dt><dd>${r.scope.sources.join(', ') || 'none'}</dd><dt>AWS accounts</dt><dd>${r.scope.accounts.join(', ') || 'none seen'}</dd><dt>Regions</dt><dd>${r.scope.regions.join(', ') || 'none seen'}</dd><dt>Results digest</dt><dd><code>${r.integrity.resultsSha256}</code></dd><dt>Previous report</dt><dd>${r.integrity.previousReportSha256 ? html`<code>${r.integrity.previousReportSha256}</code>` : 'none given'}</dd></dl>
<table><thead><tr><th>Kind</th><th>Path</th><th>SHA-256</th><th>Time</th><th>Listed by</th></tr></thead><tbody>${r.scope.inputs.map(
    (i) => html`<tr><td>${i.kind}</td><td><code>${i.path}</code>${i.error ? html`<br><strong>could not be read:</strong> ${i.error}` : ''}</td><td><code>${i.sha256}</code></td><td>${i.time ?? ''}</td><td>${i.via ? html`<code>${i.via}</code>` : ''}</td></tr>`,
  )}</tbody></table>
${coverageSection(r, maxRows)}
</section>

<section id="attestations"><h2>Attestations</h2>
<p>Controls no scanner can see are evidenced by signed statements. ${gapsAtt.length ? `${gapsAtt.length} attestation gap(s).` : 'No attestation gaps.'}</p>
<table><thead><tr><th>Control</th><th>State</th><th>Statement</th><th>Signed by</th><th>Date</th><th>Expires</th><th>Document</th></tr></thead><tbody>${r.attestations.map(
    (a) => html`<tr><td data-label="Control"><code>${a.control}</code><br><span class="muted">${a.controlTitle}</span></td><td data-label="State">${a.state}</td><td data-label="Statement">${a.attestation?.statement ?? (a.hint ? html`<span class="muted">${a.hint}</span>` : '')}</td><td data-label="Signed by">${a.attestation?.attestedBy ?? ''}</td><td data-label="Date">${a.attestation?.date ?? ''}</td><td data-label="Expires">${a.attestation?.expires ?? ''}</td><td data-label="Document">${a.attestation ? html`<code>${a.attestation.document}</code>` : ''}</td></tr>`,
  )}</tbody></table>
${supplyTable(toSupply)}
</section>

<section id="waivers"><h2>Waivers</h2>
${r.waivers.length ? html`<table><thead><tr><th>Policy</th><th>Controls</th><th>Resource</th><th>Reason</th><th>Owner</th><th>Expires</th><th>State</th><th class="n">Waived</th><th class="n">Re-opened</th></tr></thead><tbody>${r.waivers.map(
    (w) => html`<tr><td data-label="Policy"><code>${w.policy}</code></td><td data-label="Controls">${w.controls.map((c, i) => html`${i ? ', ' : ''}<a href="#${c}"><code>${c}</code></a>`)}</td><td data-label="Resource"><code>${w.resource ?? '(all)'}</code></td><td data-label="Reason">${w.reason}</td><td data-label="Owner">${w.owner}</td><td data-label="Expires">${w.expires}</td><td data-label="State">${w.state === 'expired' ? html`<strong>expired: findings re-opened</strong>` : 'active'}</td><td class="n" data-label="Waived">${w.waivedFindings}</td><td class="n" data-label="Re-opened">${w.reopenedFindings}</td></tr>`,
  )}</tbody></table>` : html`<p class="muted">No waivers.</p>`}
</section>

<section id="profile"><h2>Parameter profile in force</h2>
${r.profile.values ? html`<p class="muted">From ${r.profile.origin ?? 'unknown'}.</p><table><thead><tr><th>Parameter</th><th>Value</th></tr></thead><tbody>${Object.keys(r.profile.values).map(
    (k) => html`<tr><td data-label="Parameter"><code>${k}</code>${r.profile.conflicts.includes(k) ? html` <strong>(differs between results files)</strong>` : ''}</td><td data-label="Value">${valueHtml(r.profile.values![k], true)}</td></tr>`,
  )}</tbody></table>` : html`<p class="muted">The results carry no profile.</p>`}
</section>

${r.drift ? html`<section id="drift"><h2>Drift between plan and live account</h2><table><thead><tr><th>Drift</th><th>Resource</th><th>Attribute</th><th>Planned</th><th>Live</th><th>Message</th></tr></thead><tbody>${r.drift.map(
    (d) => html`<tr><td data-label="Drift">${d.drift}</td><td data-label="Resource"><code>${d.resource}</code><br><span class="muted mono">${d.kind}</span></td><td data-label="Attribute"><code>${d.attribute ?? ''}</code></td><td data-label="Planned">${valueHtml(d.planned)}</td><td data-label="Live">${valueHtml(d.live)}</td><td data-label="Message" class="msg">${d.message}</td></tr>`,
  )}</tbody></table></section>` : ''}

<section id="trend"><h2>Trend</h2>
${r.trend.length > 1 ? trendChart(r.trend) : html`<p class="muted">No earlier reports were given (ferpa-ready report --history earlier.json).</p>`}
</section>

${r.crosswalk ? crosswalkSection(r.crosswalk, r.framework.id) : ''}

<div id="details">${byFamily.map(
    ({ f, controls }) => html`<section class="family" id="family-${f.id}"><h2>${f.id}: ${f.title}</h2><p>${f.readyPercent}% ready or attested (${BEST_FIRST.filter((s) => f.counts[s]).map((s) => `${f.counts[s]} ${CONTROL_STATUS_LABEL[s].toLowerCase()}`).join(', ')}).</p>${controls.map((c) => controlSection(c, maxRows))}</section>`,
  )}</div>

<footer>ferpa-ready readiness report · framework ${r.framework.version} · results digest <span class="mono">${r.integrity.resultsSha256}</span> · This report is evidence for ${reviewPurpose(r)}, not legal advice.</footer>
</main></body></html>
`;
  return doc.value;
}

/**
 * Crosswalk: for each control, the controls of the other frameworks whose policies it shares, so the
 * same findings evidence them (each id's tooltip names the shared policies; the JSON report lists them).
 */
function crosswalkSection(x: Crosswalk, fwId: string): Html {
  const head = (f: Crosswalk['frameworks'][number]) => (f.id === fwId ? `Other ${f.name} controls` : `${f.name} controls`);
  return html`<section id="crosswalk"><h2>Crosswalk</h2>
<p>For each control, the ${x.frameworks.map((f) => f.name).join(' and ')} controls that map the same policies, so the same findings evidence them. A control with no policy is evidenced by attestation only.</p>
<table class="crosswalk"><thead><tr><th>Control</th><th class="n">Policies</th><th class="n">Findings</th>${x.frameworks.map((f) => html`<th>${head(f)}</th>`)}</tr></thead><tbody>${x.rows.map(
    (row) => html`<tr><td class="nw" data-label="Control"><a href="#${row.control}"><code>${row.control}</code></a></td><td class="n" data-label="Policies">${row.policies.length}</td><td class="n" data-label="Findings">${row.findings}</td>${x.frameworks.map((f) => {
      const list = row.related[f.id] ?? [];
      return html`<td data-label="${head(f)}">${list.length ? list.map((m, i) => html`${i ? ', ' : ''}<code title="${m.title}: ${m.policies.join(', ')}">${m.id}</code>`) : html`<span class="muted">${row.policies.length ? 'none' : 'attestation only'}</span>`}</td>`;
    })}</tr>`,
  )}</tbody></table></section>`;
}

/** Scope, coverage: every resource of the inputs accounted for; the data stores no policy evaluated listed. */
function coverageSection(r: FerpaReport, maxRows: number): Html {
  const c = r.scope.coverage;
  if (!c) return html`<h3 id="coverage">Coverage</h3><p class="muted">The results do not record which resources were evaluated.</p>`;
  const stores = c.unevaluatedDataStores;
  return html`<h3 id="coverage">Coverage</h3>
<p>${c.line}.</p>${c.dataStoreLine ? html`<p>Data stores: ${c.dataStoreLine}.</p>` : ''}
<table><thead><tr><th>Input</th><th>Source</th><th>Resources</th><th>Evaluated</th><th>Not evaluated</th><th>Data stores</th><th>Data stores not evaluated</th><th>Unclassified data stores</th></tr></thead><tbody>${c.inputs.map(
    (i) => html`<tr><td><code>${i.input}</code></td><td>${i.source}</td><td>${i.total}</td><td>${i.evaluated}</td><td>${i.notEvaluated}</td><td>${i.dataStores}</td><td>${i.dataStoresNotEvaluated}</td><td>${i.dataStoresUnclassified}</td></tr>`,
  )}</tbody></table>
${c.notEvaluatedTypes.length ? html`<h4>Types not evaluated</h4><table><thead><tr><th>Type</th><th>Resources</th><th>Why</th><th>Data store</th></tr></thead><tbody>${c.notEvaluatedTypes.map(
    (t) => html`<tr><td><code>${t.type}</code></td><td>${t.count}</td><td>${t.why}</td><td>${t.dataStore ?? ''}</td></tr>`,
  )}</tbody></table>` : ''}
${stores.length ? html`<h4>Data stores no policy evaluated</h4><table><thead><tr><th>Resource</th><th>Type</th><th>Data store</th><th>Why</th><th>Location</th><th>Input</th></tr></thead><tbody>${stores.slice(0, maxRows).map(
    (d) => html`<tr><td><code>${d.resource}</code></td><td><code>${d.type}</code></td><td>${d.dataStore}</td><td>${d.why}</td><td>${d.location}</td><td><code>${d.input}</code></td></tr>`,
  )}</tbody></table>${stores.length > maxRows ? html`<p class="muted">... and ${stores.length - maxRows} more.</p>` : ''}` : ''}`;
}
