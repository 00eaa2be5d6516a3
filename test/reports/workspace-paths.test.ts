import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { loadConfig } from '../../checks/engine/config.js';
import type { Finding } from '../../checks/engine/types.js';
import { scanPaths } from '../../checks/pipeline/scan.js';
import { workspaceFile } from '../../reports/common.js';
import { renderGitlabSast } from '../../reports/gitlab-sast.js';
import { renderJson } from '../../reports/json.js';
import { renderJunit } from '../../reports/junit.js';
import { renderSarif } from '../../reports/sarif.js';

// CI tools resolve report paths from the repository root (the working directory of the job), while
// the results document keeps HCL files relative to the scanned directory (the contract).

const withRoot = (file: string | null, root?: string): Finding => {
  const f = { resource: { kind: 'aws.s3.bucket', address: 'x', arn: null, file, line: 1 } } as unknown as Finding;
  if (root !== undefined) Object.defineProperty(f.resource, 'root', { value: root, enumerable: false });
  return f;
};

describe('workspaceFile', () => {
  it('joins the scanned directory and the file, folding ../ and ./', () => {
    expect(workspaceFile(withRoot('main.tf', 'infra/envs/prod'))).toBe('infra/envs/prod/main.tf');
    expect(workspaceFile(withRoot('../../modules/db/main.tf', 'infra/envs/prod'))).toBe('infra/modules/db/main.tf');
    expect(workspaceFile(withRoot('main.tf', '../other'))).toBe('../other/main.tf');
    expect(workspaceFile(withRoot('main.tf', 'infra\\prod\\'))).toBe('infra/prod/main.tf');
  });
  it('leaves files alone without a root, at the root, or without a file', () => {
    expect(workspaceFile(withRoot('plan.json'))).toBe('plan.json');
    expect(workspaceFile(withRoot('main.tf', '.'))).toBe('main.tf');
    expect(workspaceFile(withRoot(null, 'infra'))).toBeNull();
  });
});

describe('a scan of a subdirectory', () => {
  const repo = mkdtempSync(join(tmpdir(), 'fr-ws-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  mkdirSync(join(repo, 'infra/envs/prod'), { recursive: true });
  mkdirSync(join(repo, 'infra/modules/store'), { recursive: true });
  writeFileSync(join(repo, 'infra/envs/prod/main.tf'), 'module "store" {\n  source = "../../modules/store"\n}\n');
  writeFileSync(join(repo, 'infra/modules/store/main.tf'), 'resource "aws_s3_bucket" "records" {\n  bucket = "lincoln-records"\n  tags   = { DataClassification = "student-data" }\n}\n');

  it('names files from the repository root in SARIF, GitLab SAST and JUnit, and from the scanned directory in JSON', async () => {
    const { results } = await scanPaths([join(repo, 'infra/envs/prod')], { config: loadConfig(undefined, '/nonexistent'), catalog: loadCatalog(), now: new Date('2026-11-22T00:00:00Z'), cwd: repo });
    const failing = results.findings.filter((f) => f.status === 'fail' && f.resource.address === 'module.store.aws_s3_bucket.records');
    expect(failing.length).toBeGreaterThan(0);
    expect(failing[0]!.resource.file).toBe('../../modules/store/main.tf');

    const sarif = JSON.parse(renderSarif(results, [])) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation?: { artifactLocation: { uri: string } } }> }> }> };
    const uris = new Set(sarif.runs[0]!.results.flatMap((r) => r.locations.map((l) => l.physicalLocation?.artifactLocation.uri)).filter(Boolean));
    expect([...uris]).toEqual(['infra/modules/store/main.tf']);
    const gitlab = JSON.parse(renderGitlabSast(results, [])) as { vulnerabilities: Array<{ location: { file?: string } }> };
    expect(new Set(gitlab.vulnerabilities.map((v) => v.location.file).filter(Boolean))).toEqual(new Set(['infra/modules/store/main.tf']));
    expect(renderJunit(results, [])).toContain('file="infra/modules/store/main.tf"');

    const json = renderJson(results);
    expect(json).toContain('"file": "../../modules/store/main.tf"');
    expect(json).not.toContain('"root"');
    expect(JSON.stringify(results)).not.toContain('"root"');
  });
});
