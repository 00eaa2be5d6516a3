// `npm run bench report`: time to build and render the FERPA readiness report for 10,000 findings in
// every format (target: < 5 s for HTML + Markdown + JSON; PDF printed separately).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { countByStatus } from '../checks/engine/order.js';
import { SEVERITIES, type Finding, type Results, type Status } from '../checks/engine/types.js';
import { buildReport, type ReportFramework, type ReportPolicyMeta } from '../reports/ferpa/model.js';
import { renderFerpaHtml } from '../reports/ferpa/html.js';
import { renderFerpaJson } from '../reports/ferpa/json.js';
import { renderFerpaMarkdown } from '../reports/ferpa/markdown.js';
import { chromiumPath, PDF_MAX_EVIDENCE_ROWS, renderFerpaPdf } from '../reports/ferpa/pdf.js';

function framework(): ReportFramework {
  const file = fileURLToPath(new URL('../policies/frameworks/ferpa.yaml', import.meta.url));
  const raw = parseYaml(readFileSync(file, 'utf8')) as Omit<ReportFramework, 'controls'> & { controls: Record<string, Omit<ReportFramework['controls'][number], 'id'>> };
  return { ...raw, controls: Object.entries(raw.controls).map(([id, c]) => ({ id, ...c, policies: c.policies ?? [] })) };
}

function syntheticResults(n: number, fw: ReportFramework): { results: Results; meta: ReportPolicyMeta[] } {
  const policies = [...new Set(fw.controls.flatMap((c) => c.policies))].sort();
  const statuses: Status[] = ['pass', 'pass', 'pass', 'fail', 'unknown', 'pass', 'waived', 'error'];
  const findings: Finding[] = [];
  for (let i = 0; i < n; i++) {
    const policyId = policies[i % policies.length]!;
    const status = statuses[i % statuses.length]!;
    findings.push({
      id: createHash('sha256').update(String(i)).digest('hex').slice(0, 16),
      policyId,
      status,
      severity: SEVERITIES[i % SEVERITIES.length]!,
      category: 'encryption',
      controls: [],
      resource: { kind: 'aws.s3.bucket', address: `module.m${i % 50}.aws_s3_bucket.b${i}`, arn: null, file: `modules/m${i % 50}/main.tf`, line: (i % 400) + 1 },
      message: `module.m${i % 50}.aws_s3_bucket.b${i}: ${status}`,
      evidence: { 'serverSideEncryption.algorithm': i % 2 ? 'aws:kms' : 'AES256', 'tags.DataClassification': 'student-data', versioning: i % 3 === 0 },
      source: i % 4 === 0 ? 'live' : 'plan',
      ...(status === 'waived' ? { waiver: { policy: policyId, reason: 'bench', owner: 'ops', expires: '2099-01-01', expired: false } } : {}),
    });
  }
  const summary = countByStatus(findings);
  const meta = policies.map((id): ReportPolicyMeta => ({ id, title: `Policy ${id}`, severity: 'high', remediation: { terraform: '# fix' } }));
  return { results: { schemaVersion: '1', tool: { name: 'ferpa-ready', version: '0.1.0', catalogVersion: fw.version }, generatedAt: '2026-11-22T00:00:00.000Z', inputs: [], findings, summary }, meta };
}

/** The printable HTML the bench prints (for probing Chromium's print time). */
export function reportBenchHtml(n = 10_000): string {
  const fw = framework();
  const { results, meta } = syntheticResults(n, fw);
  const model = buildReport([{ results, path: 'bench.json', sha256: '0'.repeat(64) }], fw, meta, { now: new Date('2026-11-22T12:00:00Z') });
  return renderFerpaHtml(model, { maxEvidenceRows: PDF_MAX_EVIDENCE_ROWS });
}

export async function reportBench(): Promise<void> {
  const n = 10_000;
  console.log(`FERPA readiness report (${n.toLocaleString('en-US')} findings; target: every text format < 5 s)`);
  const fw = framework();
  const { results, meta } = syntheticResults(n, fw);
  const now = new Date('2026-11-22T12:00:00Z');
  const t0 = performance.now();
  const model = buildReport([{ results, path: 'bench.json', sha256: '0'.repeat(64) }], fw, meta, { now });
  const t1 = performance.now();
  const html = renderFerpaHtml(model);
  const t2 = performance.now();
  const md = renderFerpaMarkdown(model);
  const t3 = performance.now();
  const json = renderFerpaJson(model);
  const t4 = performance.now();
  const mb = (s: string) => (Buffer.byteLength(s) / 1e6).toFixed(1);
  console.log(`  model ${(t1 - t0).toFixed(0)} ms, html ${(t2 - t1).toFixed(0)} ms (${mb(html)} MB), markdown ${(t3 - t2).toFixed(0)} ms (${mb(md)} MB), json ${(t4 - t3).toFixed(0)} ms (${mb(json)} MB)`);
  console.log(`  total (model + html + markdown + json): ${((t4 - t0) / 1000).toFixed(2)} s`);
  let exe: string;
  try {
    exe = chromiumPath(process.env);
  } catch (e) {
    console.log(`  pdf: skipped (${(e as Error).message})`);
    return;
  }
  const t5 = performance.now();
  const printable = renderFerpaHtml(model, { maxEvidenceRows: PDF_MAX_EVIDENCE_ROWS });
  const pdf = await renderFerpaPdf(printable, { executablePath: exe, now });
  const t6 = performance.now();
  console.log(`  pdf (headless Chromium, launch included; ${PDF_MAX_EVIDENCE_ROWS} evidence rows per control): ${((t6 - t5) / 1000).toFixed(2)} s (${(pdf.length / 1e6).toFixed(1)} MB)`);
  console.log(`  total with pdf: ${((t6 - t0) / 1000).toFixed(2)} s`);
}
