import { describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import { frameworkFromFile as loadFramework } from './sample.js';
import type { Results } from '../../checks/engine/types.js';
import { buildReport } from '../../reports/ferpa/model.js';
import { escapeHtml, renderFerpaHtml } from '../../reports/ferpa/html.js';
import { renderFerpaJson } from '../../reports/ferpa/json.js';
import { renderFerpaMarkdown } from '../../reports/ferpa/markdown.js';
import { ATT_GOV02, ATT_PER01_EXPIRED, finding, input, META, mixedResults, NOW, results, smallFramework, XSS } from './sample.js';

// The results file's hash is fixed here: reordering findings changes a file's bytes, not its meaning.
const SHA = 'c'.repeat(64);

function renderAll(r: Results, now = NOW) {
  const model = buildReport([{ results: r, path: 'results.json', sha256: SHA }], smallFramework(), META, { now, attestations: [ATT_GOV02, ATT_PER01_EXPIRED] });
  return { model, html: renderFerpaHtml(model), md: renderFerpaMarkdown(model), json: renderFerpaJson(model) };
}

/** Deterministic shuffle (no Math.random): reverse, then interleave halves. */
function shuffled<T>(xs: T[]): T[] {
  const r = [...xs].reverse();
  const half = Math.ceil(r.length / 2);
  const out: T[] = [];
  for (let i = 0; i < half; i++) {
    out.push(r[i]!);
    if (r[half + i]) out.push(r[half + i]!);
  }
  return out;
}

describe('determinism', () => {
  it('the same inputs and clock give byte-identical HTML, Markdown and JSON', () => {
    const a = renderAll(mixedResults());
    const b = renderAll(mixedResults());
    expect(b.html).toBe(a.html);
    expect(b.md).toBe(a.md);
    expect(b.json).toBe(a.json);
  });

  it('shuffled findings (and attestation order) give the same bytes', () => {
    const base = mixedResults();
    const order = shuffled(base.findings);
    expect(order.map((f) => f.id)).not.toEqual(base.findings.map((f) => f.id));
    const a = renderAll(base);
    const b = renderAll({ ...base, findings: order });
    expect(b.html).toBe(a.html);
    expect(b.md).toBe(a.md);
    expect(b.json).toBe(a.json);
    const c = renderFerpaJson(buildReport([{ results: base, path: 'results.json', sha256: SHA }], smallFramework(), META, { now: NOW, attestations: [ATT_PER01_EXPIRED, ATT_GOV02] }));
    expect(c).toBe(a.json);
  });

  it('the clock is the only time source: another clock changes the generated date', () => {
    const a = renderAll(mixedResults());
    const b = renderAll(mixedResults(), new Date('2026-12-01T00:00:00Z'));
    expect(a.html).toContain('2026-11-22T12:00:00.000Z');
    expect(b.html).toContain('2026-12-01T00:00:00.000Z');
    expect(b.html).not.toContain('2026-11-22T12:00:00.000Z');
  });

  it('JSON output is the model', () => {
    const { model, json } = renderAll(mixedResults());
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(model)));
  });
});

const NASTY = [XSS, '"><img src=x onerror=alert(2)>', "it's `rm -rf` | [click](javascript:alert(3)) **bold** <b>x</b>"];

function hostileResults(): Results {
  return results(
    [
      finding({
        policyId: 'p-rds-enc',
        status: 'fail',
        address: `aws_db_instance.${XSS}`,
        controls: ['FERPA-ENC-01'],
        evidence: { 'tags.Name': NASTY[1], 'tags.Owner': NASTY[2], storageEncrypted: false },
        message: `not met: ${NASTY[2]} ${XSS}`,
      }),
      finding({
        policyId: 'p-region',
        status: 'waived',
        address: 'aws_s3_bucket.eu',
        controls: ['FERPA-GOV-03'],
        waiver: { policy: 'p-region', reason: XSS, owner: NASTY[2]!, expires: '2027-01-31', expired: false },
      }),
    ],
    {
      inputs: [{ kind: 'plan', path: `plans/${XSS}|x.json`, sha256: 'b'.repeat(64) }],
      attestations: [{ control: 'FERPA-GOV-02', statement: NASTY[2]!, attestedBy: XSS, date: '2026-01-01', document: NASTY[1]! }],
      drift: [{ drift: 'changed', kind: 'aws.s3.bucket', address: XSS, arn: null, attribute: 'tags', planned: NASTY[1], live: NASTY[2], message: XSS }],
    },
  );
}

describe('hostile values render inert', () => {
  const model = buildReport([input(hostileResults())], smallFramework(), META, { now: NOW });
  const html = renderFerpaHtml(model);
  const md = renderFerpaMarkdown(model);

  it('escapeHtml escapes every HTML-significant character', () => {
    expect(escapeHtml(`<a href="x" title='y'>&\``)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;');
  });

  it('HTML: no live script, no injected element or attribute, and the text is still shown', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<[^>]*onerror=/i);
    expect(html).not.toContain('<b>x</b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    // The only tags in the document are the ones the renderer writes.
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase()));
    const allowed = ['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'h1', 'h2', 'h3', 'h4', 'p', 'span', 'strong', 'section', 'div', 'svg', 'g', 'rect', 'text', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'nav', 'a', 'code', 'dl', 'dt', 'dd', 'ul', 'li', 'br', 'article', 'pre', 'footer', 'polyline', 'line', 'circle', 'ol', 'colgroup', 'col'];
    for (const t of tags) expect(allowed, `unexpected tag <${t}>`).toContain(t);
    expect(html).not.toMatch(/href="javascript:/i);
  });

  it('Markdown: rendered by a Markdown engine, hostile values produce no HTML elements or links', () => {
    const rendered = new MarkdownIt({ html: true, linkify: false }).render(md);
    expect(rendered).not.toMatch(/<script/i);
    expect(rendered).not.toMatch(/<img/i);
    expect(rendered).not.toMatch(/<a /i);
    expect(rendered).not.toContain('<b>x</b>');
    expect(rendered).not.toMatch(/<strong>bold<\/strong>/);
    // Table rows keep their column count: `|` in values is escaped.
    const evidenceHeader = md.split('\n').findIndex((l) => l.startsWith('| Status | Resource | Found in | Policy |'));
    expect(evidenceHeader).toBeGreaterThan(0);
    const row = md.split('\n')[evidenceHeader + 2]!;
    expect(row.replace(/\\\|/g, '').split('|').length).toBe(8);
    expect(row).toContain('\\`rm -rf\\`');
    expect(row).toContain('\\[click\\]');
  });
});

describe('the real framework', () => {
  it('every control has requirement and remediation text, and attestation controls an attestation hint', () => {
    const fw = loadFramework();
    expect(fw.controls.length).toBeGreaterThanOrEqual(39);
    for (const c of fw.controls) {
      expect(c.requirement, c.id).toMatch(/\S.{60,}/);
      expect(c.remediation, c.id).toMatch(/\S.{20,}/);
      if (c.evidence.includes('ATT')) expect(c.attestationHint, c.id).toMatch(/\S.{10,}/);
    }
  });

  it('a report over the real framework names every control in HTML and Markdown, grouped by family', () => {
    const fw = loadFramework();
    const model = buildReport([input(mixedResults())], fw, META, { now: NOW });
    const html = renderFerpaHtml(model);
    const md = renderFerpaMarkdown(model);
    for (const c of fw.controls) {
      expect(html).toContain(`id="${c.id}"`);
      expect(md).toContain(`### ${c.id}:`);
    }
    for (const [id, title] of Object.entries(fw.families)) {
      expect(html).toContain(`<section class="family" id="family-${id}">`);
      expect(md).toContain(`## ${id}: ${title}`);
    }
  });
});
