import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { Finding, Results } from '../../checks/engine/types.js';
import { MARKDOWN_MARKER, mdCell, renderMarkdown } from '../../reports/markdown.js';
import { finding, META, sampleResults, SECRET, withShuffledFindings } from './sample.js';

// html: true renders raw HTML as GitHub would before sanitising, so escaping must come from the renderer.
const md = new MarkdownIt({ html: true, linkify: false });

/** The rendered HTML tables as arrays of rows of cell text (tags stripped, entities decoded). */
function tables(html: string): string[][][] {
  const decode = (s: string) => s.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim();
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) =>
    [...t[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => decode(c[1]!))),
  );
}

describe('markdown renderer', () => {
  it('starts with the hidden marker and a headline, then a status x severity table', () => {
    const out = renderMarkdown(sampleResults(), META);
    expect(out.split('\n')[0]).toBe(MARKDOWN_MARKER);
    expect(out).toContain('## FERPA readiness scan: 2 failing, 1 could not be read, 1 needs live verification');
    const summary = tables(md.render(out))[0]!;
    expect(summary[0]).toEqual(['Status', 'critical', 'high', 'medium', 'low', 'info', 'Total']);
    expect(summary.find((r) => r[0] === 'fail')).toEqual(['fail', '1', '1', '0', '0', '0', '2']);
    expect(summary.find((r) => r[0] === 'pass')).toEqual(['pass', '0', '1', '1', '0', '0', '2']);
    expect(summary.find((r) => r[0] === 'waived')).toEqual(['waived', '1', '0', '0', '0', '0', '1']);
  });

  it('lists failing findings (severity first), unknowns as needing live verification, and waivers', () => {
    const out = renderMarkdown(sampleResults(), META);
    const html = md.render(out);
    const [, failing, errors, unknown, waived] = tables(html);
    expect(failing!.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([
      ['critical', 'aws_s3_bucket.records', 'storage/s3 buckets.tf:4'],
      ['high', 'module.db.aws_db_instance.main[0]', 'modules/db/main.tf:12'],
    ]);
    expect(failing![1]![4]).toContain('waiver expired 2024-01-31');
    expect(errors!.slice(1).map((r) => r[2])).toEqual(['arn:aws:cloudtrail:us-east-1:123456789012:trail/main']);
    expect(out).toContain('### Needs live verification (1)');
    expect(unknown!.slice(1).map((r) => r[2])).toEqual(['aws_db_instance.replica']);
    expect(waived![1]).toEqual(['critical', 'aws-s3-public-access-blocked', 'aws_s3_bucket.website', 'public course catalogue, no student data', 'web-team', '2099-12-31']);
    expect(out).not.toContain('aws_db_instance.reports'); // passes are counted, not listed
  });

  it('caps the failing table at maxRows and says how many more', () => {
    const r: Results = { ...sampleResults(), findings: Array.from({ length: 12 }, (_, i) => finding({ policyId: 'aws-rds-storage-encrypted', status: 'fail', address: `aws_db_instance.db${String(i).padStart(2, '0')}` })) };
    const out = renderMarkdown(r, META, { maxRows: 5 });
    const failing = tables(md.render(out))[1]!;
    expect(failing).toHaveLength(1 + 5);
    expect(out).toContain('... and 7 more.');
    expect(renderMarkdown(r, META)).not.toContain('more.');
  });

  it('renders hostile resource names and messages inert', () => {
    const evil: [string, string][] = [
      ['aws_s3_bucket.x["<script>alert(1)</script>"]', 'name with <img src=x onerror=alert(1)>'],
      ['aws_s3_bucket.a|b', 'pipe | in | message'],
      ['aws_s3_bucket.`code`', 'backticks ``` and `x`'],
      ['aws_s3_bucket.[link](https://evil.example)', '**bold** _em_ ~~strike~~ ![img](https://evil.example/x.png)'],
      ['aws_s3_bucket.multi\nline', 'first\nsecond\r\n| fake | row |'],
      ['aws_s3_bucket.back\\slash', 'ends with backslash \\'],
      ['aws_s3_bucket.amp', '&lt;script&gt; entity'],
    ];
    const findings: Finding[] = evil.map(([address, message]) => finding({ policyId: 'aws-s3-public-access-blocked', status: 'fail', severity: 'critical', address, message }));
    const out = renderMarkdown({ ...sampleResults(), findings }, META);
    const html = md.render(out);
    expect(html).not.toMatch(/<script|<img|<a |<strong>|<em>|<code>|<s>|<del>/);
    const failing = tables(html)[1]!;
    expect(failing).toHaveLength(1 + evil.length);
    for (const row of failing) expect(row).toHaveLength(5);
    const shown = new Map(failing.slice(1).map((r) => [r[2], r[4]]));
    for (const [address, message] of evil) {
      const flat = (s: string) => s.replace(/\r\n|\r|\n/g, ' ');
      expect(shown.get(flat(address))).toBe(flat(message));
    }
  });

  it('escapes every Markdown-significant character in a cell', () => {
    expect(mdCell('a|b')).toBe('a\\|b');
    expect(mdCell('<x>')).toBe('&lt;x&gt;');
    expect(mdCell('`[*_]`')).toBe('\\`\\[\\*\\_\\]\\`');
    expect(mdCell('one\ntwo')).toBe('one two');
    expect(mdCell('c:\\d')).toBe('c:\\\\d');
  });

  it('is byte-identical for the same and for shuffled input, and carries no secret evidence', () => {
    const r = sampleResults();
    r.findings.push(finding({ policyId: 'aws-rds-storage-encrypted', status: 'fail', address: 'aws_db_instance.z', evidence: { password: SECRET } }));
    const out = renderMarkdown(r, META);
    expect(renderMarkdown(withShuffledFindings(r, 11), META)).toBe(out);
    expect(out).not.toContain(SECRET);
  });
});
