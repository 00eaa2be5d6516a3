import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { defaultProfile } from '../../checks/engine/config.js';
import { scanPaths } from '../../checks/pipeline/scan.js';
import { policyMeta } from '../../checks/cli/context.js';
import { render } from '../../reports/index.js';
import { buildReport, crosswalkFrameworks } from '../../reports/ferpa/model.js';
import { renderFerpaHtml } from '../../reports/ferpa/html.js';
import { renderFerpaJson } from '../../reports/ferpa/json.js';
import { renderFerpaMarkdown } from '../../reports/ferpa/markdown.js';

// Snapshot tests pin every renderer on the reference stack's results (issue: renderers are pure and
// deterministic). A change to a renderer, a policy or the stack shows up here as a reviewed diff:
// update with `npx vitest run test/reports/reference-snapshots.test.ts -u`.
const REPO = join(__dirname, '../..');
const NOW = new Date('2026-11-22T00:00:00Z');

describe('renderers on the reference stack (production) are pinned', async () => {
  const catalog = loadCatalog();
  const config = { profile: defaultProfile(), policyDirs: [], disable: [], waivers: [], attestations: [] };
  const { results } = await scanPaths([join(REPO, 'reference-stack/terraform/environments/production')], { config, catalog, now: NOW, cwd: REPO });
  const meta = policyMeta(catalog.policies);
  const json = render('json', results, meta);
  const report = buildReport([{ results, path: 'reference-stack/terraform/environments/production', sha256: createHash('sha256').update(json).digest('hex') }], catalog.framework, meta, {
    now: NOW,
    attestations: [],
    profile: config.profile,
    crosswalk: crosswalkFrameworks(catalog.frameworks),
  });

  it('the stack scans with findings to pin (and no fail)', () => {
    expect(results.findings.length).toBeGreaterThan(100);
    expect(results.summary.fail).toBe(0);
  });

  it.each(['text', 'json', 'sarif', 'junit', 'markdown'])('scan output: %s', async (format) => {
    const out = render(format, results, meta, { verbose: true });
    expect(render(format, results, meta, { verbose: true })).toBe(out);
    await expect(out).toMatchFileSnapshot(`__snapshots__/reference/results.${format === 'markdown' ? 'md' : format === 'junit' ? 'xml' : format === 'text' ? 'txt' : format}`);
  });

  it.each([
    ['readiness.html', () => renderFerpaHtml(report)],
    ['readiness.md', () => renderFerpaMarkdown(report)],
    ['readiness.json', () => renderFerpaJson(report)],
  ] as const)('readiness report: %s', async (name, fn) => {
    const out = fn();
    expect(fn()).toBe(out);
    await expect(out).toMatchFileSnapshot(`__snapshots__/reference/${name}`);
  });
});
