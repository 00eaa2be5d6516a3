import { describe, expect, it } from 'vitest';
import { scanText } from '../../helpers/scan-file.js';

// aws-resources-in-approved-regions beyond its fixtures: a replica written inside a resource (a DynamoDB table's or a
// secret's replica blocks) copies the data into that region whatever the provider's region is.

const POLICY = 'aws-resources-in-approved-regions';
const verdict = async (body: string) => {
  const findings = (await scanText('main.tf', `provider "aws" {\n  region = "us-east-1"\n}\n${body}`)).filter((f) => f.policyId === POLICY);
  expect(findings).toHaveLength(1);
  return findings[0]!;
};
const table = (replicas: string) => `resource "aws_dynamodb_table" "sessions" {
  name         = "sis-sessions"
  hash_key     = "id"
  billing_mode = "PAY_PER_REQUEST"
  attribute {
    name = "id"
    type = "S"
  }
${replicas}}
`;

describe('replica regions count as regions in use', () => {
  it('fails a table replicated outside the approved regions, and passes one replicated inside them', async () => {
    const outside = await verdict(table('  replica {\n    region_name = "us-west-2"\n  }\n  replica {\n    region_name = "eu-west-1"\n  }\n'));
    expect(outside.status).toBe('fail');
    expect(JSON.stringify(outside.evidence)).toContain('eu-west-1');
    expect((await verdict(table('  replica {\n    region_name = "us-west-2"\n  }\n'))).status).toBe('pass');
  });

  it('fails a secret replicated outside the approved regions', async () => {
    const found = await verdict('resource "aws_secretsmanager_secret" "db" {\n  name = "sis/db"\n  replica {\n    region = "ap-southeast-2"\n  }\n}\n');
    expect(found.status).toBe('fail');
    expect(JSON.stringify(found.evidence)).toContain('ap-southeast-2');
  });

  it('is unknown when a replica region is known only after apply', async () => {
    const found = await verdict('variable "dr_region" {\n  type = string\n}\n' + table('  replica {\n    region_name = var.dr_region\n  }\n'));
    expect(found.status).toBe('unknown');
  });
});
