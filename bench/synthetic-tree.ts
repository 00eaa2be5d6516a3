import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A generated Terraform tree: `modules` local modules (each called with count or for_each from the
 * root), `files` .tf files in all, about `lines` lines, every resource a kind the catalog checks.
 */
export function writeSyntheticTree(root: string, opts: { files: number; lines: number; modules: number }): { files: number; lines: number } {
  mkdirSync(root, { recursive: true });
  const filesPerModule = Math.max(1, Math.floor(opts.files / (opts.modules + 1)));
  const linesPerFile = Math.max(20, Math.floor(opts.lines / opts.files));
  let files = 0;
  let lines = 0;
  const write = (path: string, text: string) => {
    writeFileSync(path, text);
    files++;
    lines += text.split('\n').length;
  };
  const block = (m: number, f: number, i: number): string => {
    const n = `${m}_${f}_${i}`;
    switch (i % 5) {
      case 0:
        return `resource "aws_kms_key" "k${n}" {\n  description         = "key ${n}"\n  enable_key_rotation = var.rotate\n  deletion_window_in_days = 30\n}\n`;
      case 1:
        return `resource "aws_db_instance" "db${n}" {\n  identifier        = "db-\${var.name}-${n}"\n  engine            = "postgres"\n  instance_class    = "db.t3.micro"\n  storage_encrypted = true\n  kms_key_id        = aws_kms_key.k${m}_${f}_${i - 1}.arn\n  backup_retention_period = local.retention\n  deletion_protection = true\n  tags = merge(local.tags, { Name = "db-${n}" })\n}\n`;
      case 2:
        return `resource "aws_security_group" "sg${n}" {\n  name   = "sg-${n}"\n  vpc_id = var.vpc_id\n  dynamic "ingress" {\n    for_each = var.ports\n    content {\n      from_port   = ingress.value\n      to_port     = ingress.value\n      protocol    = "tcp\"\n      cidr_blocks = [cidrsubnet("10.0.0.0/16", 8, ${i % 200})]\n    }\n  }\n}\n`;
      case 3:
        return `resource "aws_s3_bucket" "b${n}" {\n  bucket = lower("b-\${var.name}-${n}")\n  tags   = local.tags\n}\n\nresource "aws_s3_bucket_versioning" "v${n}" {\n  bucket = aws_s3_bucket.b${n}.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n`;
      default:
        return `resource "aws_cloudwatch_log_group" "lg${n}" {\n  name              = "/app/\${var.name}/${n}"\n  retention_in_days = var.retention_days\n  kms_key_id        = aws_kms_key.k${m}_${f}_${i - 4}.arn\n  tags              = { DataClassification = "pii" }\n}\n`;
    }
  };
  const fileBody = (m: number, f: number): string => {
    let text = '';
    let i = 0;
    while (text.split('\n').length < linesPerFile) text += block(m, f, i++) + '\n';
    return text;
  };
  for (let m = 0; m < opts.modules; m++) {
    const dir = join(root, 'modules', `m${m}`);
    mkdirSync(dir, { recursive: true });
    write(join(dir, 'variables.tf'), `variable "name" { type = string }\nvariable "vpc_id" { default = null }\nvariable "rotate" { default = true }\nvariable "ports" { default = [5432, 6379] }\nvariable "retention_days" { default = 30 }\nlocals {\n  retention = 7\n  tags      = { Module = "m${m}", DataClassification = "student-data" }\n}\n`);
    for (let f = 1; f < filesPerModule; f++) write(join(dir, `main${f}.tf`), fileBody(m, f));
  }
  let rootText = 'provider "aws" {\n  region = "us-east-1"\n}\n\n';
  for (let m = 0; m < opts.modules; m++) {
    rootText += m % 2
      ? `module "m${m}" {\n  source = "./modules/m${m}"\n  count  = 2\n  name   = "m${m}-\${count.index}"\n}\n\n`
      : `module "m${m}" {\n  source   = "./modules/m${m}"\n  for_each = toset(["a", "b"])\n  name     = "m${m}-\${each.key}"\n}\n\n`;
  }
  write(join(root, 'main.tf'), rootText);
  for (let f = files; f < opts.files; f++) write(join(root, `root${f}.tf`), fileBody(999, f));
  return { files, lines };
}
