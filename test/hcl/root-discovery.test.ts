import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { loadConfig } from '../../checks/engine/config.js';
import { InputError } from '../../checks/errors.js';
import { scanPaths } from '../../checks/pipeline/scan.js';
import { rootModules } from '../../checks/sources/hcl/files.js';

// `ferpa-ready scan .` at the top of a repository whose Terraform lives in subfolders must scan the
// root modules there, not pass on an empty directory.

const base = mkdtempSync(join(tmpdir(), 'fr-roots-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function tree(name: string, files: Record<string, string>): string {
  const root = join(base, name);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  mkdirSync(root, { recursive: true });
  return root;
}

const env = (name: string) => `module "store" {\n  source = "../../modules/store"\n  name   = "${name}"\n}\n`;
const store = 'variable "name" {}\nresource "aws_s3_bucket" "records" {\n  bucket = "lincoln-${var.name}"\n  tags   = { DataClassification = "student-data" }\n}\n';
const repo = tree('repo', {
  'README.md': '# infra\n',
  'envs/dev/main.tf': env('dev'),
  'envs/prod/main.tf': env('prod'),
  'modules/store/main.tf': store,
  'examples/standalone/main.tf.json': JSON.stringify({ resource: { aws_s3_bucket: { demo: { bucket: 'demo' } } } }),
  '.terraform/modules/store/main.tf': store,
  'node_modules/pkg/main.tf': store,
  '.github/hidden/main.tf': store,
});

const scan = (paths: string[]) => scanPaths(paths, { config: loadConfig(undefined, '/nonexistent'), catalog: loadCatalog(), now: new Date('2026-11-22T00:00:00Z'), cwd: base });

describe('root modules below a directory without configuration files', () => {
  it('finds the folders with configuration that no other folder calls as a local module', () => {
    expect(rootModules(repo).map((d) => d.slice(repo.length + 1))).toEqual(['envs/dev', 'envs/prod', 'examples/standalone']);
  });

  it('scans each root module on its own, with its module calls, and says what it found', async () => {
    const { results } = await scan([repo]);
    expect(results.inputs.map((i) => [i.kind, i.path])).toEqual([
      ['hcl', 'repo/envs/dev'],
      ['hcl', 'repo/envs/prod'],
      ['hcl', 'repo/examples/standalone'],
    ]);
    const addresses = new Set(results.findings.map((f) => f.resource.address));
    expect(addresses.has('module.store.aws_s3_bucket.records')).toBe(true);
    expect(addresses.has('aws_s3_bucket.demo')).toBe(true);
    // the shared module is read through its callers only, never as a root with unset variables
    expect(addresses.has('aws_s3_bucket.records')).toBe(false);
    const sse = results.findings.filter((f) => f.policyId === 'aws-s3-sse-kms' && f.resource.address === 'module.store.aws_s3_bucket.records');
    expect(sse.map((f) => f.status)).toEqual(['fail', 'fail']);
    expect(results.diagnostics?.find((d) => d.level === 'note' && d.file === 'repo')?.message).toMatch(/3 root module\(s\) below it: repo\/envs\/dev, repo\/envs\/prod, repo\/examples\/standalone/);
  });

  it('keeps a directory with configuration files of its own as the one root module', async () => {
    expect(rootModules(join(repo, 'envs/dev'))).toEqual([join(repo, 'envs/dev')]);
    const { results } = await scan([join(repo, 'envs/dev')]);
    expect(results.inputs.map((i) => i.path)).toEqual(['repo/envs/dev']);
  });

  it('is an input error when there is no configuration anywhere below (not an empty pass)', async () => {
    const empty = tree('empty', { 'docs/readme.md': 'nothing\n', '.terraform/modules/x/main.tf': store });
    await expect(scan([empty])).rejects.toThrow(InputError);
    await expect(scan([empty])).rejects.toThrow(/no Terraform files \(\.tf, \.tf\.json\) in this directory or below/);
  });
});
