import { describe, expect, it } from 'vitest';
import { readHcl } from '../../checks/sources/hcl/index.js';
import { ParsePool } from '../../checks/sources/hcl/parse.js';
import { rec, scan, tree } from './helpers.js';

describe('registry modules from .terraform/modules/modules.json', () => {
  it('reads installed registry modules, nested ones by key path, once per instance', async () => {
    const r = await scan({
      'main.tf': `
module "db" {
  source   = "terraform-aws-modules/rds/aws"
  version  = "6.1.0"
  for_each = toset(["a", "b"])
  name     = "db-\${each.key}"
}
resource "aws_db_instance" "replica" {
  identifier          = "replica"
  replicate_source_db = module.db["a"].id
}
`,
      '.terraform/modules/modules.json': JSON.stringify({
        Modules: [
          { Key: '', Source: '', Dir: '.' },
          { Key: 'db', Source: 'registry.terraform.io/terraform-aws-modules/rds/aws', Version: '6.1.0', Dir: '.terraform/modules/db' },
          { Key: 'db.key', Source: './modules/key', Dir: '.terraform/modules/db/modules/key' },
        ],
      }),
      '.terraform/modules/db/main.tf': `
variable "name" {}
module "key" {
  source = "./modules/key"
  alias  = var.name
}
resource "aws_db_instance" "this" {
  identifier        = var.name
  storage_encrypted = true
  kms_key_id        = module.key.arn
}
output "id" { value = aws_db_instance.this.id }
`,
      '.terraform/modules/db/modules/key/main.tf': `
variable "alias" {}
resource "aws_kms_key" "k" { description = "key for \${var.alias}" }
output "arn" { value = aws_kms_key.k.arn }
`,
    });
    expect(r.notes).toEqual([]);
    expect(rec(r, 'module.db["a"].aws_db_instance.this').values.identifier).toBe('db-a');
    expect(rec(r, 'module.db["b"].aws_db_instance.this').values.identifier).toBe('db-b');
    expect(rec(r, 'module.db["b"].module.key.aws_kms_key.k').values.description).toBe('key for db-b');
    expect(rec(r, 'module.db["a"].aws_db_instance.this').references.kms_key_id).toEqual(['module.db["a"].module.key.aws_kms_key.k']);
    expect(rec(r, 'aws_db_instance.replica').references.replicate_source_db).toEqual(['module.db["a"].aws_db_instance.this']);
  });

  it('treats a module missing from modules.json as not downloaded, and an unreadable manifest as none', async () => {
    const r = await scan({
      'main.tf': 'module "net" {\n  source = "terraform-aws-modules/vpc/aws"\n}\n',
      '.terraform/modules/modules.json': '{ not json',
    });
    expect(r.notes).toEqual(['module net (source terraform-aws-modules/vpc/aws) not downloaded; its resources are not scanned']);
  });
});

describe('parsing on worker threads', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 40; i++) files[`f${String(i).padStart(2, '0')}.tf`] = `resource "aws_s3_bucket" "b${i}" {\n  bucket = "bucket-\${local.env}-${i}"\n  tags   = { DataClassification = "pii", N = ${i} }\n}\n`;
  files['locals.tf'] = 'locals {\n  env = "prod"\n}\n';

  it('gives the same records with and without workers', async () => {
    const dir = tree(files);
    const main = await readHcl([dir], { root: dir, parseWorkers: 0 });
    const pooled = await readHcl([dir], { root: dir, parseWorkers: 1 });
    expect(main.records.length).toBe(40);
    expect(pooled.records.map((x) => [x.address, x.values, x.loc])).toEqual(main.records.map((x) => [x.address, x.values, x.loc]));
    expect(rec(pooled, 'aws_s3_bucket.b39').values.bucket).toBe('bucket-prod-39');
  });

  it('reports a syntax error found by a worker like one found on the main thread', async () => {
    const bad = { ...files, 'zz.tf': 'resource "aws_s3_bucket" "x" {\n  bucket = \n}\n' };
    const dir = tree(bad);
    const a = await readHcl([dir], { root: dir, parseWorkers: 0 }).then(
      () => 'no error',
      (e: Error) => e.message,
    );
    const b = await readHcl([dir], { root: dir, parseWorkers: 1 }).then(
      () => 'no error',
      (e: Error) => e.message,
    );
    expect(a).toMatch(/^zz\.tf:\d+:\d+: /);
    expect(b).toBe(a);
  });

  it('sends files past the threshold to the worker and parses them correctly', async () => {
    const pool = new ParsePool(1, 2);
    try {
      await pool.warm();
      const bodies = await Promise.all(Array.from({ length: 8 }, (_, i) => pool.parse(`p${i}.tf`, `a = ${i}\nb = "x\${var.y}"\n`)));
      expect(bodies.map((b) => b.a)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(bodies[7]?.b).toBe('x${var.y}');
      expect(pool.workerParses).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });
});

describe('parse pool failures', () => {
  it('parses on the main thread what a dying worker held and what was still queued', async () => {
    const pool = new ParsePool(1, 0);
    try {
      await pool.warm();
      const texts = Array.from({ length: 30 }, (_, i) => `n = ${i}\n`);
      const pending = texts.map((t, i) => pool.parse(`q${i}.tf`, t));
      expect(pool.workerParses).toBeGreaterThan(0);
      await (pool as unknown as { workers: Array<{ w: { terminate(): Promise<number> } }> }).workers[0]!.w.terminate();
      const bodies = await Promise.all(pending);
      expect(bodies.map((b) => b.n)).toEqual(texts.map((_, i) => i));
    } finally {
      await pool.close();
    }
  });
});

describe('parse cache', () => {
  it('parses identical module copies once per run and still reads both', async () => {
    const mod = 'variable "n" {}\nresource "aws_kms_key" "k" {\n  description = var.n\n}\n';
    const pool = new ParsePool(0);
    const a = await pool.parseOnce('a/main.tf', mod);
    const b = await pool.parseOnce('b/main.tf', mod);
    expect(pool.contentHits).toBe(1);
    expect(b).toBe(a);
    const r = await scan({
      'main.tf': 'module "x" {\n  source = "./x"\n  n = "one"\n}\nmodule "y" {\n  source = "./y"\n  n = "two"\n}\n',
      'x/main.tf': mod,
      'y/main.tf': mod,
    });
    expect(rec(r, 'module.x.aws_kms_key.k').values.description).toBe('one');
    expect(rec(r, 'module.y.aws_kms_key.k').values.description).toBe('two');
    expect(rec(r, 'module.y.aws_kms_key.k').loc.file).toBe('y/main.tf');
  });
});
