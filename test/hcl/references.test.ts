import { describe, expect, it } from 'vitest';
import { rec, scan } from './helpers.js';

describe('references carried through values (provenance)', () => {
  it('each.value.<attr> over a resource with for_each names the instance', async () => {
    const r = await scan({
      'main.tf': `
resource "aws_s3_bucket" "this" {
  for_each = toset(["logs", "data"])
  bucket   = "b-\${each.key}"
}
resource "aws_s3_bucket_versioning" "v" {
  for_each = aws_s3_bucket.this
  bucket   = each.value.id
  versioning_configuration { status = "Enabled" }
}
`,
    });
    expect(rec(r, 'aws_s3_bucket_versioning.v["logs"]').references.bucket).toEqual(['aws_s3_bucket.this["logs"]']);
    expect(rec(r, 'aws_s3_bucket_versioning.v["data"]').references.bucket).toEqual(['aws_s3_bucket.this["data"]']);
  });

  it('each.value.<attr> over a local map of objects built from resource attributes', async () => {
    const r = await scan({
      'main.tf': `
resource "aws_s3_bucket" "logs" { bucket = "logs" }
resource "aws_s3_bucket" "data" { bucket = "data" }
resource "aws_kms_key" "k" {}
locals {
  buckets = {
    logs = { id = aws_s3_bucket.logs.id, key_arn = aws_kms_key.k.arn }
    data = { id = aws_s3_bucket.data.id, key_arn = null }
  }
}
resource "aws_s3_bucket_server_side_encryption_configuration" "sse" {
  for_each = local.buckets
  bucket   = each.value.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = each.value.key_arn
    }
  }
}
`,
    });
    const logs = rec(r, 'aws_s3_bucket_server_side_encryption_configuration.sse["logs"]');
    expect(logs.references.bucket).toEqual(['aws_s3_bucket.logs']);
    expect(logs.references['rule.apply_server_side_encryption_by_default.kms_master_key_id']).toEqual(['aws_kms_key.k']);
    const data = rec(r, 'aws_s3_bucket_server_side_encryption_configuration.sse["data"]');
    expect(data.references.bucket).toEqual(['aws_s3_bucket.data']);
    expect(data.references['rule.apply_server_side_encryption_by_default.kms_master_key_id']).toBeUndefined();
  });

  it('survives for expressions, merge() and module inputs', async () => {
    const r = await scan({
      'main.tf': `
resource "aws_s3_bucket" "b" {
  count  = 2
  bucket = "b\${count.index}"
}
locals {
  byname = { for i, b in aws_s3_bucket.b : "n\${i}" => { id = b.id } }
  all    = merge(local.byname, { extra = { id = "literal" } })
}
resource "aws_s3_bucket_public_access_block" "p" {
  for_each                = local.all
  bucket                  = each.value.id
  block_public_acls       = true
}
module "m" {
  source   = "./m"
  for_each = local.byname
  bucket   = each.value.id
}
`,
      'm/main.tf': `
variable "bucket" {}
resource "aws_s3_bucket_versioning" "v" {
  bucket = var.bucket
  versioning_configuration { status = "Enabled" }
}
`,
    });
    expect(rec(r, 'aws_s3_bucket_public_access_block.p["n1"]').references.bucket).toEqual(['aws_s3_bucket.b[1]']);
    expect(rec(r, 'aws_s3_bucket_public_access_block.p["extra"]').references.bucket).toBeUndefined();
    expect(rec(r, 'module.m["n0"].aws_s3_bucket_versioning.v').references.bucket).toEqual(['aws_s3_bucket.b[0]']);
  });

  it('dynamic blocks keep the provenance of their iterator value', async () => {
    const r = await scan({
      'main.tf': `
resource "aws_security_group" "a" { name = "a" }
resource "aws_security_group" "b" { name = "b" }
locals { peers = { a = aws_security_group.a.id, b = aws_security_group.b.id } }
resource "aws_security_group" "web" {
  name = "web"
  dynamic "ingress" {
    for_each = { only = local.peers.a }
    content {
      from_port       = 443
      to_port         = 443
      protocol        = "tcp"
      security_groups = [ingress.value]
    }
  }
}
`,
    });
    const refs = rec(r, 'aws_security_group.web').references['ingress.security_groups'] ?? [];
    expect(refs).toContain('aws_security_group.a');
  });

  it('links a for_each facet to its bucket instance in the model', async () => {
    const { adaptTerraform } = await import('../../checks/adapters/terraform/index.js');
    const { linkModel } = await import('../../checks/adapters/link.js');
    const r = await scan({
      'main.tf': `
resource "aws_s3_bucket" "this" {
  for_each = { logs = "l", data = "d" }
  bucket   = "x-\${each.value}"
}
resource "aws_s3_bucket_versioning" "v" {
  for_each = aws_s3_bucket.this
  bucket   = each.value.id
  versioning_configuration { status = each.key == "logs" ? "Enabled" : "Suspended" }
}
`,
    });
    const model = linkModel(adaptTerraform(r.records, 'hcl'));
    const all = model.all();
    const logs = all.find((x) => x.address === 'aws_s3_bucket.this["logs"]');
    const data = all.find((x) => x.address === 'aws_s3_bucket.this["data"]');
    expect(all.some((x) => String(x.address).startsWith('aws_s3_bucket_versioning'))).toBe(false);
    expect(logs?.attrs.versioningEnabled?.value).toBe(true);
    expect(data?.attrs.versioningEnabled?.value).toBe(false);
  });
});

describe('references narrow to the member an expression reaches', () => {
  it('local.m["a"].id names only bucket a, local.m names every bucket', async () => {
    const r = await scan({
      'main.tf': `
resource "aws_s3_bucket" "a" { bucket = "a" }
resource "aws_s3_bucket" "b" { bucket = "b" }
locals {
  m = { a = { id = aws_s3_bucket.a.id, name = "x" }, b = { id = aws_s3_bucket.b.id, name = "y" } }
}
resource "aws_s3_bucket_versioning" "v" {
  bucket = local.m["a"].id
  versioning_configuration { status = "Enabled" }
}
resource "aws_s3_bucket_policy" "p" {
  bucket = local.m.b.name
  policy = jsonencode(local.m)
}
module "out" {
  source = "./out"
}
resource "aws_s3_bucket_versioning" "w" {
  bucket = module.out.ids["two"]
  versioning_configuration { status = "Enabled" }
}
`,
      'out/main.tf': `
resource "aws_s3_bucket" "x" {
  for_each = toset(["one", "two"])
  bucket   = each.key
}
output "ids" { value = { for k, b in aws_s3_bucket.x : k => b.id } }
`,
    });
    expect(rec(r, 'aws_s3_bucket_versioning.v').references.bucket).toEqual(['aws_s3_bucket.a']);
    expect(rec(r, 'aws_s3_bucket_policy.p').references.bucket).toBeUndefined();
    expect([...(rec(r, 'aws_s3_bucket_policy.p').references.policy ?? [])].sort()).toEqual(['aws_s3_bucket.a', 'aws_s3_bucket.b']);
    expect(rec(r, 'aws_s3_bucket_versioning.w').references.bucket).toEqual(['module.out.aws_s3_bucket.x["two"]']);
  });
});
