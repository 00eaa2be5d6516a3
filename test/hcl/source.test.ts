import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../checks/errors.js';
import { isSensitive, isUnknown } from '../../checks/model/value.js';
import { readHcl } from '../../checks/sources/hcl/index.js';
import { rec, scan, tree } from './helpers.js';

describe('readHcl: instances and addresses', () => {
  it('expands count and for_each into Terraform addresses', async () => {
    const r = await scan({
      'main.tf': `
variable "azs" {
  default = ["us-east-1b", "us-east-1a"]
}
resource "aws_subnet" "private" {
  for_each          = toset(var.azs)
  availability_zone = each.key
  cidr_block        = cidrsubnet("10.0.0.0/16", 8, index(var.azs, each.value))
}
resource "aws_db_instance" "main" {
  count      = 2
  identifier = "db-\${count.index}"
}
resource "aws_s3_bucket" "m" {
  for_each = { logs = "l", data = "d" }
  bucket   = "b-\${each.value}"
}
`,
    });
    expect(r.records.map((x) => x.address)).toEqual([
      'aws_subnet.private["us-east-1a"]',
      'aws_subnet.private["us-east-1b"]',
      'aws_db_instance.main[0]',
      'aws_db_instance.main[1]',
      'aws_s3_bucket.m["data"]',
      'aws_s3_bucket.m["logs"]',
    ]);
    expect(rec(r, 'aws_subnet.private["us-east-1a"]').values.cidr_block).toBe('10.0.1.0/24');
    expect(rec(r, 'aws_db_instance.main[1]').values.identifier).toBe('db-1');
    expect(rec(r, 'aws_db_instance.main[1]').index).toBe(1);
    expect(rec(r, 'aws_s3_bucket.m["logs"]').values.bucket).toBe('b-l');
    expect(rec(r, 'aws_s3_bucket.m["logs"]').source).toBe('hcl');
  });

  it('evaluates local modules with for_each, nested modules, inputs and outputs', async () => {
    const r = await scan({
      'main.tf': `
module "app" {
  source   = "./modules/app"
  for_each = toset(["blue", "green"])
  name     = "svc-\${each.key}"
}
resource "aws_s3_bucket_policy" "p" {
  bucket = module.app["blue"].bucket_id
  policy = module.app["green"].bucket_name
}
`,
      'modules/app/main.tf': `
variable "name" {
  type = string
}
resource "aws_s3_bucket" "b" {
  bucket = var.name
}
module "db" {
  source = "../db"
  count  = 1
  prefix = var.name
}
output "bucket_id" {
  value = aws_s3_bucket.b.id
}
output "bucket_name" {
  value = aws_s3_bucket.b.bucket
}
`,
      'modules/db/main.tf': `
variable "prefix" {}
resource "aws_db_instance" "main" {
  identifier = "\${var.prefix}-db"
}
`,
    });
    const addrs = r.records.map((x) => x.address);
    expect(addrs).toContain('module.app["blue"].aws_s3_bucket.b');
    expect(addrs).toContain('module.app["green"].module.db[0].aws_db_instance.main');
    const db = rec(r, 'module.app["green"].module.db[0].aws_db_instance.main');
    expect(db.values.identifier).toBe('svc-green-db');
    expect(db.modulePath).toBe('module.app["green"].module.db[0]');
    expect(db.loc.file).toBe('modules/db/main.tf');
    const pol = rec(r, 'aws_s3_bucket_policy.p');
    // a computed attribute is unknown, a literal one flows through; both reference the bucket
    expect(isUnknown(pol.values.bucket)).toBe(true);
    expect(pol.values.policy).toBe('svc-green');
    expect(pol.references.bucket).toEqual(['module.app["blue"].aws_s3_bucket.b']);
    expect(pol.references.policy).toEqual(['module.app["green"].aws_s3_bucket.b']);
  });

  it('notes modules that are not downloaded and reads installed ones from modules.json', async () => {
    const r = await scan({
      'main.tf': `
module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
}
module "kms" {
  source = "git::https://example.com/kms.git"
}
resource "aws_instance" "i" {
  subnet_id = module.vpc.private_subnets[0]
}
`,
      '.terraform/modules/modules.json': JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, { Key: 'kms', Source: 'git::https://example.com/kms.git', Dir: '.terraform/modules/kms' }] }),
      '.terraform/modules/kms/main.tf': 'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n',
    });
    expect(r.notes).toEqual(['module vpc (source terraform-aws-modules/vpc/aws) not downloaded; its resources are not scanned']);
    // where it is called, for the coverage stand-in (the downloaded one is read, not listed)
    expect(r.unreadModules).toEqual([{ address: 'module.vpc', source: 'terraform-aws-modules/vpc/aws', why: 'not downloaded', file: 'main.tf', line: 2 }]);
    expect(isUnknown(rec(r, 'aws_instance.i').values.subnet_id)).toBe(true);
    expect(rec(r, 'module.kms.aws_kms_key.k').values.enable_key_rotation).toBe(true);
  });
});

describe('readHcl: values', () => {
  it('renders nested blocks and dynamic blocks as arrays of objects', async () => {
    const r = await scan({
      'main.tf': `
locals {
  ports = [80, 443]
}
resource "aws_security_group" "web" {
  name = "web"
  ingress {
    from_port   = 22
    cidr_blocks = ["10.0.0.0/8"]
  }
  dynamic "ingress" {
    for_each = local.ports
    iterator = port
    content {
      from_port   = port.value
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
resource "aws_s3_bucket" "b" {
  bucket = "x"
  versioning {
    enabled = true
  }
}
`,
    });
    const sg = rec(r, 'aws_security_group.web');
    expect(sg.values.ingress).toEqual([
      { from_port: 22, cidr_blocks: ['10.0.0.0/8'] },
      { from_port: 80, cidr_blocks: ['0.0.0.0/0'] },
      { from_port: 443, cidr_blocks: ['0.0.0.0/0'] },
    ]);
    expect([...(sg.configured ?? [])].sort()).toEqual(['ingress', 'ingress.cidr_blocks', 'ingress.from_port', 'name']);
    expect(rec(r, 'aws_s3_bucket.b').values).toEqual({ bucket: 'x', versioning: [{ enabled: true }] });
  });

  it('records references per attribute path, module path included', async () => {
    const r = await scan({
      'main.tf': `
resource "aws_security_group" "app" {
  name = "app"
}
resource "aws_security_group" "db" {
  ingress {
    from_port       = 5432
    security_groups = [aws_security_group.app.id]
  }
}
resource "aws_instance" "i" {
  vpc_security_group_ids = [aws_security_group.app.id]
  tags = {
    Name = aws_security_group.app.name
  }
}
module "db" {
  source = "./db"
}
resource "aws_db_instance" "d" {
  kms_key_id = module.db.key_arn
}
`,
      'db/main.tf': 'resource "aws_kms_key" "k" {}\nlocals {\n  arn = aws_kms_key.k.arn\n}\noutput "key_arn" {\n  value = local.arn\n}\n',
    });
    expect(rec(r, 'aws_security_group.db').references).toEqual({ 'ingress.security_groups': ['aws_security_group.app'] });
    const i = rec(r, 'aws_instance.i');
    expect(i.references.vpc_security_group_ids).toEqual(['aws_security_group.app']);
    expect((i.values.tags as Record<string, unknown>).Name).toBe('app');
    expect(isUnknown((i.values.vpc_security_group_ids as unknown[])[0])).toBe(true);
    expect(rec(r, 'aws_db_instance.d').references.kms_key_id).toEqual(['module.db.aws_kms_key.k']);
  });

  it('applies variable precedence: default < TF_VAR_ < terraform.tfvars < *.auto.tfvars < --var-file < --var', async () => {
    const files = {
      'main.tf': ['a', 'b', 'c', 'd', 'e', 'f']
        .map((v) => `variable "${v}" {\n  default = "default"\n}\n`)
        .join('') + 'resource "aws_s3_bucket" "x" {\n  tags = { a = var.a, b = var.b, c = var.c, d = var.d, e = var.e, f = var.f }\n}\n',
      'terraform.tfvars': 'b = "tfvars"\nc = "tfvars"\nd = "tfvars"\ne = "tfvars"\nf = "tfvars"\n',
      'a.auto.tfvars': 'c = "auto-a"\nd = "auto-a"\n',
      'b.auto.tfvars': 'd = "auto-b"\n',
      'extra.tfvars': 'e = "var-file"\nf = "var-file"\n',
    };
    const dir = tree(files);
    const r = await readHcl([dir], {
      root: dir,
      env: { TF_VAR_a: 'env', TF_VAR_b: 'env' },
      varFiles: [join(dir, 'extra.tfvars')],
      vars: { f: 'cli' },
    });
    expect(rec(r, 'aws_s3_bucket.x').values.tags).toEqual({ a: 'env', b: 'tfvars', c: 'auto-a', d: 'auto-b', e: 'var-file', f: 'cli' });
  });

  it('a variables file Terraform loads only with -var-file makes the variables it sets unknown, unless --var-file or --var decides', async () => {
    const files = {
      'main.tf': 'variable "encrypted" {\n  default = true\n}\nvariable "retention" {\n  default = 7\n}\nvariable "name" {\n  default = "sis"\n}\nresource "aws_db_instance" "x" {\n  storage_encrypted = var.encrypted\n  backup_retention_period = var.retention\n  identifier = var.name\n}\n',
      'prod.tfvars': 'encrypted = false\n',
      'staging.tfvars.json': '{ "retention": 1, "not_a_variable": 2 }',
      'broken.tfvars': 'this is not HCL = = =\n',
    };
    const dir = tree(files);
    const r = await readHcl([dir], { root: dir, displayRoot: dir });
    // before, the defaults were judged: storage_encrypted = true passed whatever prod.tfvars deploys
    const values = rec(r, 'aws_db_instance.x').values;
    expect(isUnknown(values.storage_encrypted)).toBe(true);
    expect(isUnknown(values.backup_retention_period)).toBe(true);
    expect(values.identifier).toBe('sis');
    expect(r.notes.join('\n')).toMatch(/^prod\.tfvars, staging\.tfvars\.json set variables encrypted, retention, but Terraform loads them only when named with -var-file/m);
    const chosen = await readHcl([dir], { root: dir, displayRoot: dir, varFiles: [join(dir, 'prod.tfvars')] });
    expect(rec(chosen, 'aws_db_instance.x').values).toMatchObject({ storage_encrypted: false, backup_retention_period: 7 });
    expect(chosen.notes.join('\n')).not.toMatch(/-var-file/);
    const pinned = await readHcl([dir], { root: dir, displayRoot: dir, vars: { encrypted: 'true', retention: '14' } });
    expect(rec(pinned, 'aws_db_instance.x').values).toMatchObject({ storage_encrypted: 'true', backup_retention_period: '14' }); // -var strings, untyped variables
  });

  it('parses complex -var values and converts primitive types', async () => {
    const r = await scan(
      {
        'main.tf': `
variable "n" {
  type = number
}
variable "l" {
  type = list(string)
}
resource "aws_db_instance" "x" {
  backup_retention_period = var.n + 1
  tags = { first = var.l[0] }
}
`,
      },
      { vars: { n: '6', l: '["a", "b"]' } },
    );
    expect(rec(r, 'aws_db_instance.x').values.backup_retention_period).toBe(7);
    expect(rec(r, 'aws_db_instance.x').values.tags).toEqual({ first: 'a' });
  });

  it('marks sensitive variables and leaves unset variables unknown', async () => {
    const r = await scan({
      'main.tf': `
variable "pw" {
  default   = "hunter2"
  sensitive = true
}
variable "unset" {}
resource "aws_db_instance" "x" {
  password = var.pw
  username = var.unset
}
`,
    });
    const v = rec(r, 'aws_db_instance.x').values;
    expect(isSensitive(v.password)).toBe(true);
    expect(JSON.stringify(r.records)).not.toContain('hunter2');
    expect(isUnknown(v.username)).toBe(true);
  });

  it('renders aws_iam_policy_document into json like the provider', async () => {
    const r = await scan({
      'main.tf': `
data "aws_iam_policy_document" "p" {
  statement {
    sid     = "DenyInsecure"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
  statement {
    actions     = ["s3:GetObject"]
    not_resources = ["arn:aws:s3:::secret/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }
}
resource "aws_s3_bucket_policy" "bp" {
  bucket = "b"
  policy = data.aws_iam_policy_document.p.json
}
data "aws_iam_policy_document" "u" {
  statement {
    resources = [aws_s3_bucket.x.arn]
    actions   = ["s3:*"]
  }
}
`,
    });
    const p = rec(r, 'data.aws_iam_policy_document.p');
    expect(p.mode).toBe('data');
    expect(JSON.parse(p.values.json as string)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyInsecure',
          Effect: 'Deny',
          Action: 's3:*',
          Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
          Principal: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
        { Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret/*', Principal: { AWS: 'arn:aws:iam::111122223333:root' } },
      ],
    });
    const bp = rec(r, 'aws_s3_bucket_policy.bp');
    expect(bp.values.policy).toBe(p.values.json);
    expect(bp.references.policy).toEqual(['data.aws_iam_policy_document.p']);
    expect(isUnknown(rec(r, 'data.aws_iam_policy_document.u').values.json)).toBe(true);
  });

  it('reads files inside the tree with file/templatefile, not outside', async () => {
    const r = await scan({
      'main.tf': `
resource "aws_iam_policy" "p" {
  policy = file("\${path.module}/policy.json")
  description = templatefile("t.tpl", { name = "x", items = ["a", "b"] })
  name = file("/etc/hostname")
}
`,
      'policy.json': '{"Version":"2012-10-17"}',
      't.tpl': 'hi ${name}%{ for i in items } ${i}%{ endfor }',
    });
    const v = rec(r, 'aws_iam_policy.p').values;
    expect(v.policy).toBe('{"Version":"2012-10-17"}');
    expect(v.description).toBe('hi x a b');
    expect(isUnknown(v.name)).toBe(true);
  });

  it('takes region from the provider, following aliases and module provider maps', async () => {
    const r = await scan({
      'main.tf': `
variable "region" {
  default = "us-east-1"
}
provider "aws" {
  region = var.region
}
provider "aws" {
  alias  = "dr"
  region = "us-west-2"
}
resource "aws_s3_bucket" "a" {}
resource "aws_s3_bucket" "b" {
  provider = aws.dr
}
module "m" {
  source = "./m"
  providers = {
    aws = aws.dr
  }
}
`,
      'm/main.tf': 'resource "aws_kms_key" "k" {}\n',
    });
    expect(rec(r, 'aws_s3_bucket.a').region).toBe('us-east-1');
    expect(rec(r, 'aws_s3_bucket.b').region).toBe('us-west-2');
    expect(rec(r, 'module.m.aws_kms_key.k').region).toBe('us-west-2');
    expect(r.regions).toEqual({ aws: 'us-east-1', 'aws.dr': 'us-west-2' });
  });

  it('reads .tf.json files in the same module', async () => {
    const r = await scan({
      'main.tf.json': JSON.stringify({ resource: { aws_s3_bucket: { j: { bucket: '${local.n}' } } }, locals: { n: 'from-json' } }, null, 2),
    });
    expect(rec(r, 'aws_s3_bucket.j').values.bucket).toBe('from-json');
    expect(rec(r, 'aws_s3_bucket.j').loc.line).toBeGreaterThan(1);
  });

  it('evaluates partial configurations to UNKNOWN without failing', async () => {
    const r = await scan({
      'main.tf': `
resource "aws_instance" "i" {
  subnet_id = aws_subnet.missing.id
  ami       = local.nope
  count     = var.undeclared
  user_data = lookup({}, "x")
}
module "gone" {
  source = "./does-not-exist"
}
`,
    });
    const i = rec(r, 'aws_instance.i');
    expect(isUnknown(i.values.subnet_id)).toBe(true);
    expect(isUnknown(i.values.ami)).toBe(true);
    expect(isUnknown(i.values.user_data)).toBe(true);
    expect(i.references.subnet_id).toEqual(['aws_subnet.missing']);
    expect(r.notes.some((n) => n.includes('module gone'))).toBe(true);
  });
});

describe('readHcl: positions and suppressions', () => {
  it('gives the block line and each attribute line, nested paths included', async () => {
    const r = await scan({
      'a.tf': '# header\n\nresource "aws_s3_bucket" "b" {\n  bucket = "x" # comment {\n  tags = {\n    a = "}"\n  }\n  versioning {\n    enabled = true\n  }\n  logging { target_bucket = "l" }\n}\n',
    });
    const b = rec(r, 'aws_s3_bucket.b');
    expect(b.loc).toEqual({ file: 'a.tf', line: 3 });
    expect(b.attrLocs?.bucket).toEqual({ file: 'a.tf', line: 4 });
    expect(b.attrLocs?.tags).toEqual({ file: 'a.tf', line: 5 });
    expect(b.attrLocs?.versioning).toEqual({ file: 'a.tf', line: 8 });
    expect(b.attrLocs?.['versioning.enabled']).toEqual({ file: 'a.tf', line: 9 });
    expect(b.attrLocs?.['logging.target_bucket']).toEqual({ file: 'a.tf', line: 11 });
    expect(b.attrLocs?.a).toBeUndefined();
  });

  it('collects ferpa-ready:ignore comments for the next or enclosing block', async () => {
    const r = await scan({
      'main.tf': `
# ferpa-ready:ignore s3-versioning-enabled reason="scratch bucket" expires=2027-01-31 owner=data-team
resource "aws_s3_bucket" "scratch" {
  count = 2
}
resource "aws_db_instance" "d" {
  // ferpa-ready:ignore rds-encrypted reason="legacy"
  storage_encrypted = false
}
`,
    });
    expect(r.suppressions).toEqual([
      { policy: 's3-versioning-enabled', address: 'aws_s3_bucket.scratch', reason: 'scratch bucket', expires: '2027-01-31', owner: 'data-team', file: 'main.tf', line: 2 },
      { policy: 'rds-encrypted', address: 'aws_db_instance.d', reason: 'legacy', file: 'main.tf', line: 7 },
    ]);
  });
});

describe('readHcl: errors', () => {
  it('reports syntax errors as file:line:column', async () => {
    const dir = tree({ 'ok.tf': 'resource "aws_s3_bucket" "a" {}\n', 'bad.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = = "x"\n}\n' });
    const err = await readHcl([dir], { root: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/^bad\.tf:2:\d+: /);
  });

  it('names the cycle in locals', async () => {
    const dir = tree({ 'main.tf': 'locals {\n  a = local.b\n  b = "${local.c}-x"\n  c = local.a\n}\nresource "aws_s3_bucket" "x" {\n  bucket = local.a\n}\n' });
    const err = await readHcl([dir], { root: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/cycle between local\.a -> local\.b -> local\.c -> local\.a/);
  });

  it('rejects a module that includes itself', async () => {
    const dir = tree({ 'main.tf': 'module "m" {\n  source = "./m"\n}\n', 'm/main.tf': 'module "again" {\n  source = "../m"\n}\n' });
    const err = await readHcl([dir], { root: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/module cycle/);
  });

  it('survives deep nesting and long files', async () => {
    const deep = 'locals {\n  x = ' + '['.repeat(400) + '1' + ']'.repeat(400) + '\n}\n';
    const many = Array.from({ length: 400 }, (_, i) => `resource "aws_s3_bucket" "b${i}" {\n  bucket = "b-${i}"\n  tags = { i = "${i}" }\n}\n`).join('');
    const chain = 'locals {\n' + Array.from({ length: 300 }, (_, i) => `  l${i} = ${i === 0 ? '"x"' : `local.l${i - 1}`}\n`).join('') + '}\nresource "aws_s3_bucket" "c" {\n  bucket = local.l299\n}\n';
    const r = await scan({ 'deep.tf': deep, 'many.tf': many, 'chain.tf': chain });
    expect(r.records.filter((x) => x.type === 'aws_s3_bucket').length).toBe(401);
    expect(rec(r, 'aws_s3_bucket.b399').values.bucket).toBe('b-399');
    // a very long chain is cut off as unknown rather than overflowing
    const c = rec(r, 'aws_s3_bucket.c').values.bucket;
    expect(c === 'x' || isUnknown(c)).toBe(true);
  });
});
