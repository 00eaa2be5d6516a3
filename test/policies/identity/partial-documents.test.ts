import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runCodeCheck } from '../../../checks/engine/code-check.js';
import { CODE_CHECKS } from '../../../checks/rules/table.js';
import type { Finding } from '../../../checks/engine/types.js';
import { documentFromStatementBlocks, normalizeIamDocument, type IamDocument } from '../../../checks/model/iam-document.js';
import { isUnknown, isUnknownJson, UNKNOWN, UnknownJson } from '../../../checks/model/value.js';
import type { Snapshot } from '../../../checks/sources/live/snapshot.js';
import { ev, scan } from '../../hcl/helpers.js';
import { cli } from '../../cli/run.js';
import { A, bucket, cmk, managedPolicy, role, snapshot } from '../../live/records.js';
import { evaluateSnapshot, findings, model, PROFILE, rec, statusOf as planStatus } from '../../helpers/policy-tester.js';
import type { TfRecord } from '../../../checks/sources/terraform/record.js';

/**
 * A policy document with a part known only after apply (an interpolated ARN, a variable without a value)
 * is judged on the statements that are known: a known violating statement fails the policy, a known
 * satisfying statement satisfies a "must contain" check, and only otherwise does the unknown part make
 * the finding unknown.
 */

function findingsOver(records: TfRecord[], source: 'hcl' | 'plan', policyId: string): Finding[] {
  return findings(policyId, model(records, source));
}

/** Status of one policy on one address after reading `main.tf` through the HCL source. */
async function hclStatus(tf: string, policyId: string, address: string): Promise<string | undefined> {
  const r = await scan({ 'main.tf': tf });
  return findingsOver(r.records, 'hcl', policyId).find((f) => f.resource.address === address)?.status;
}

function liveStatus(snap: Snapshot, policyId: string, arn: string): string | undefined {
  return evaluateSnapshot(snap, 'live.json', [policyId]).find((f) => f.resource.arn === arn)?.status;
}

const HCL_HEAD = `
variable "extra_statement" {}
variable "actions" {}
resource "aws_kms_key" "records" {
  description = "records"
}
resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }] })
}
`;

/** An aws_iam_policy whose jsonencode'd Statement list is the given HCL expressions. */
const identityPolicy = (...statements: string[]) => `${HCL_HEAD}
resource "aws_iam_policy" "p" {
  name   = "p"
  policy = jsonencode({ Version = "2012-10-17", Statement = [${statements.join(', ')}] })
}
`;

describe('normalised documents keep known statements beside unknown ones', () => {
  it('an UnknownJson document normalises its known structure; a condition operator with unknown keys makes the condition unknown', () => {
    const d = normalizeIamDocument(
      new UnknownJson({ Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: UNKNOWN }, UNKNOWN, { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: UNKNOWN } }] }),
    ) as IamDocument;
    expect(isUnknown(d)).toBe(false);
    expect(d.Statement).toHaveLength(3);
    expect(d.Statement[0]).toMatchObject({ Effect: 'Allow', Action: ['kms:Decrypt'] });
    expect(isUnknown((d.Statement[0] as { Resource: unknown }).Resource)).toBe(true);
    expect(isUnknown(d.Statement[1])).toBe(true);
    expect(isUnknown((d.Statement[2] as { Condition: unknown }).Condition)).toBe(true);
    // wholly unknown or not a document: stays unknown
    expect(isUnknown(normalizeIamDocument(new UnknownJson(UNKNOWN)))).toBe(true);
    expect(isUnknown(normalizeIamDocument(new UnknownJson([1, UNKNOWN])))).toBe(true);
  });

  it('aws_iam_policy_document: known source documents merge by Sid, unknown ones add an unknown statement, an unknown override unsettles Sid statements', () => {
    const src = JSON.stringify({ Statement: [{ Sid: 'A', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }, { Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }] });
    const own = [{ sid: 'A', effect: 'Deny', actions: ['s3:*'], resources: ['*'] }, { sid: 'B', actions: ['sqs:SendMessage'], resources: ['*'] }];
    const merged = documentFromStatementBlocks({ source_policy_documents: [src], statement: own });
    // own "A" replaced the source "A" in place; the Sid-less source statement stays; "B" is appended
    expect(merged.Statement).toEqual([
      { Effect: 'Deny', Sid: 'A', Action: ['s3:*'], Resource: ['*'] },
      { Effect: 'Allow', Action: ['kms:Decrypt'], Resource: ['*'] },
      { Effect: 'Allow', Sid: 'B', Action: ['sqs:SendMessage'], Resource: ['*'] },
    ]);
    const overridden = documentFromStatementBlocks({ source_policy_documents: [src], statement: own, override_policy_documents: [UNKNOWN] });
    // statements with a Sid may be replaced by the unknown override; the Sid-less one cannot
    expect(overridden.Statement.map((s) => (isUnknown(s) ? 'unknown' : s.Action))).toEqual(['unknown', ['kms:Decrypt'], 'unknown', 'unknown']);
    const knownOverride = documentFromStatementBlocks({ statement: own, override_policy_documents: [JSON.stringify({ Statement: [{ Sid: 'B', Effect: 'Allow', Action: '*', Resource: '*' }] })] });
    expect(knownOverride.Statement[1]).toEqual({ Sid: 'B', Effect: 'Allow', Action: ['*'], Resource: ['*'] });
    // an own statement whose Sid is unknown could replace any source statement with a Sid
    const unknownSid = documentFromStatementBlocks({ source_policy_documents: [src], statement: [{ sid: UNKNOWN, actions: ['s3:GetObject'], resources: ['*'] }] });
    expect(unknownSid.Statement.map((s) => (isUnknown(s) ? 'unknown' : s.Action))).toEqual(['unknown', ['kms:Decrypt'], ['s3:GetObject']]);
    // a source document given as partly known JSON contributes its known statements
    const partialSrc = documentFromStatementBlocks({ source_policy_documents: [new UnknownJson({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, UNKNOWN] })], statement: [] });
    expect(partialSrc.Statement[0]).toEqual({ Effect: 'Allow', Action: ['*'], Resource: ['*'] });
    expect(isUnknown(partialSrc.Statement[1])).toBe(true);
  });
});

describe('the HCL evaluator keeps the known structure of JSON it cannot render', () => {
  it('aws_iam_policy_document with an unknown part: its json keeps the known statements for documents that merge it', async () => {
    const tf = `${HCL_HEAD}
data "aws_iam_policy_document" "base" {
  statement {
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.records.arn]
  }
  statement {
    actions   = ["kms:Decrypt"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "merged" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}
resource "aws_iam_policy" "p" {
  name   = "p"
  policy = data.aws_iam_policy_document.merged.json
}
`;
    const r = await scan({ 'main.tf': tf });
    const base = r.records.find((x) => x.address === 'data.aws_iam_policy_document.base')!;
    expect(isUnknownJson(base.values.json)).toBe(true);
    expect(((base.values.json as UnknownJson).partial as IamDocument).Statement[1]).toEqual({ Effect: 'Allow', Action: ['kms:Decrypt'], Resource: ['*'] });
    const f = findingsOver(r.records, 'hcl', 'aws-iam-no-kms-wildcard').find((x) => x.resource.address === 'aws_iam_policy.p');
    expect(f?.status).toBe('fail');
  });

  it('jsonencode of an object holding an unknown is an UnknownJson with the known parts', () => {
    const v = ev('jsonencode({ Statement = [{ Effect = "Allow", Resource = x }, { Effect = "Deny" }] })', { x: UNKNOWN });
    expect(isUnknownJson(v)).toBe(true);
    const partial = (v as UnknownJson).partial as { Statement: Array<Record<string, unknown>> };
    expect(partial.Statement[1]).toEqual({ Effect: 'Deny' });
    expect(isUnknown(partial.Statement[0]!.Resource)).toBe(true);
    // still unknown to everything else: string functions over it give plain unknown
    expect(isUnknown(ev('length(jsonencode({ a = x }))', { x: UNKNOWN }))).toBe(true);
    expect(isUnknownJson(ev('upper(jsonencode({ a = x }))', { x: UNKNOWN }))).toBe(false);
    // a fully known argument still renders to text
    expect(ev('jsonencode({ a = 1 })')).toBe('{"a":1}');
  });

  it('jsonencode of a wholly unknown value, or of one holding a sensitive value, keeps nothing', () => {
    expect(isUnknownJson(ev('jsonencode(x)', { x: UNKNOWN }))).toBe(false);
    expect(isUnknown(ev('jsonencode(x)', { x: UNKNOWN }))).toBe(true);
    const withSecret = ev('jsonencode({ a = x, b = sensitive("s3cr3t") })', { x: UNKNOWN });
    expect(isUnknown(withSecret)).toBe(true);
    expect(isUnknownJson(withSecret)).toBe(false);
    expect(JSON.stringify(withSecret)).not.toContain('s3cr3t');
  });

  it('a heredoc JSON policy with unknown interpolations inside strings keeps the rest; elsewhere it is plain unknown', () => {
    const heredoc = ev('"{\\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Resource\\": \\"${x}/*\\"}, {\\"Effect\\": \\"Deny\\"}]}"', { x: UNKNOWN });
    expect(isUnknownJson(heredoc)).toBe(true);
    const partial = (heredoc as UnknownJson).partial as { Statement: Array<Record<string, unknown>> };
    expect(isUnknown(partial.Statement[0]!.Resource)).toBe(true);
    expect(partial.Statement[1]).toEqual({ Effect: 'Deny' });
    // an unknown outside a string, an unknown key, a non-JSON template, an unknown directive: nothing kept
    expect(isUnknownJson(ev('"{\\"Resource\\": ${x}}"', { x: UNKNOWN }))).toBe(false);
    expect(isUnknownJson(ev('"{\\"${x}\\": 1}"', { x: UNKNOWN }))).toBe(false);
    expect(isUnknownJson(ev('"arn:aws:s3:::${x}/*"', { x: UNKNOWN }))).toBe(false);
    expect(isUnknownJson(ev('"{\\"a\\": \\"%{ if x }b%{ endif }\\", \\"c\\": \\"${x}\\"}"', { x: UNKNOWN }))).toBe(false);
  });
});

// ------------------------------------------------------------------------------------------------
// iam-policy-grants: each forbidden shape, over HCL (jsonencode), plan (deferred data source) and live.

interface GrantCase {
  policy: string;
  /** A known statement of the forbidden shape (HCL object expression, and the same as policy JSON). */
  bad: [string, Record<string, unknown>];
  /** A known harmless statement. */
  harmless: [string, Record<string, unknown>];
  /** aws_iam_policy_document statement blocks for the plan: a violating one and one with unknown parts that could violate. */
  planBad: Record<string, unknown>;
  planUnknown: Record<string, unknown>;
}

const GRANTS: GrantCase[] = [
  {
    policy: 'aws-iam-no-full-admin',
    bad: ['{ Effect = "Allow", Action = "*", Resource = "*" }', { Effect: 'Allow', Action: '*', Resource: '*' }],
    harmless: ['{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }', { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
    planBad: { actions: ['*'], resources: ['*'] },
    planUnknown: { actions: ['*'], resources: [UNKNOWN] },
  },
  {
    policy: 'aws-iam-no-service-wildcard-on-all-resources',
    bad: ['{ Effect = "Allow", Action = ["s3:*"], Resource = "*" }', { Effect: 'Allow', Action: ['s3:*'], Resource: '*' }],
    harmless: ['{ Effect = "Allow", Action = ["s3:*"], Resource = "arn:aws:s3:::records/*" }', { Effect: 'Allow', Action: ['s3:*'], Resource: 'arn:aws:s3:::records/*' }],
    planBad: { actions: ['dynamodb:*'], resources: ['*'] },
    planUnknown: { actions: ['s3:*'], resources: [UNKNOWN] },
  },
  {
    policy: 'aws-iam-no-kms-wildcard',
    bad: ['{ Effect = "Allow", Action = "kms:Decrypt", Resource = "*" }', { Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }],
    harmless: ['{ Effect = "Allow", Action = "kms:Encrypt", Resource = "*" }', { Effect: 'Allow', Action: 'kms:Encrypt', Resource: '*' }],
    planBad: { actions: ['kms:Decrypt'], resources: ['*'] },
    planUnknown: { actions: ['kms:Decrypt'], resources: [UNKNOWN] },
  },
  {
    policy: 'aws-iam-no-notaction-allow',
    bad: ['{ Effect = "Allow", NotAction = "iam:*", Resource = "*" }', { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }],
    harmless: ['{ Effect = "Deny", NotAction = "iam:*", Resource = "*" }', { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }],
    planBad: { not_actions: ['iam:*'], resources: ['*'] },
    planUnknown: { effect: UNKNOWN, not_actions: ['iam:*'], resources: ['*'] },
  },
];

describe.each(GRANTS.map((c) => [c.policy, c] as const))('%s judges the known statements of a partial document', (id, c) => {
  it('HCL: an unknown statement beside a known violating one fails; beside a harmless one it is unknown', async () => {
    expect(await hclStatus(identityPolicy('var.extra_statement', c.bad[0]), id, 'aws_iam_policy.p')).toBe('fail');
    expect(await hclStatus(identityPolicy('var.extra_statement', c.harmless[0]), id, 'aws_iam_policy.p')).toBe('unknown');
    expect(await hclStatus(identityPolicy(c.harmless[0]), id, 'aws_iam_policy.p')).toBe('pass');
    // one statement whose Resource is an interpolated ARN does not hide the next
    expect(await hclStatus(identityPolicy('{ Effect = "Allow", Action = "s3:GetObject", Resource = "${aws_kms_key.records.arn}/x" }', c.bad[0]), id, 'aws_iam_policy.p')).toBe('fail');
  });

  it('plan: a deferred policy document with an unknown statement fails on the known violating one, else unknown', () => {
    const records = (blocks: Array<Record<string, unknown>>) => [
      rec('aws_iam_policy.p', { name: 'p', policy: UNKNOWN }, { references: { policy: ['data.aws_iam_policy_document.d'] } }),
      rec('data.aws_iam_policy_document.d', { json: UNKNOWN, statement: blocks }, { mode: 'data' }),
    ];
    expect(planStatus(id, records([c.planUnknown, c.planBad]), 'aws_iam_policy.p')).toBe('fail');
    expect(planStatus(id, records([c.planUnknown]), 'aws_iam_policy.p')).toBe('unknown');
    expect(planStatus(id, records([UNKNOWN as unknown as Record<string, unknown>, c.planBad]), 'aws_iam_policy.p')).toBe('fail');
    // the policy's own JSON wholly unknown and no document to follow: unknown, never pass
    expect(planStatus(id, [rec('aws_iam_policy.p', { name: 'p', policy: UNKNOWN })], 'aws_iam_policy.p')).toBe('unknown');
  });

  it('live: every statement of a known document is judged (the violating one after a harmless one fails)', () => {
    const arn = `arn:aws:iam::${A}:policy/p`;
    expect(liveStatus(snapshot([managedPolicy('p', [c.harmless[1], c.bad[1]])]), id, arn)).toBe('fail');
    expect(liveStatus(snapshot([managedPolicy('p', [c.harmless[1]])]), id, arn)).toBe('pass');
  });
});

describe('iam-policy-grants within one statement: what the known parts prove', () => {
  const id = 'aws-iam-no-full-admin';
  it('Action "*" with a Resource known only after apply is not proven admin (a named resource is no full admin); NotResource is', async () => {
    expect(await hclStatus(identityPolicy('{ Effect = "Allow", Action = "*", Resource = aws_kms_key.records.arn }'), id, 'aws_iam_policy.p')).toBe('unknown');
    expect(await hclStatus(identityPolicy('{ Effect = "Allow", Action = "*", Resource = [aws_kms_key.records.arn, "*"] }'), id, 'aws_iam_policy.p')).toBe('fail');
    // NotResource as a list is present whatever its unknown element; a bare unknown value might be null (no NotResource)
    expect(await hclStatus(identityPolicy('{ Effect = "Allow", Action = "*", NotResource = [aws_kms_key.records.arn] }'), id, 'aws_iam_policy.p')).toBe('fail');
    expect(await hclStatus(identityPolicy('{ Effect = "Allow", Action = "*", NotResource = aws_kms_key.records.arn }'), id, 'aws_iam_policy.p')).toBe('unknown');
    // a known harmless Action settles it whatever the Resource
    expect(await hclStatus(identityPolicy('{ Effect = "Allow", Action = "s3:GetObject", Resource = aws_kms_key.records.arn }'), id, 'aws_iam_policy.p')).toBe('pass');
    // actions known only after apply on every resource: unknown
    expect(await hclStatus(identityPolicy('{ Effect = "Allow", Action = var.actions, Resource = "*" }'), id, 'aws_iam_policy.p')).toBe('unknown');
  });

  it('a NotAction or NotResource known only after apply may be null: NotAction unknown is not proven, known Allow+NotAction is', async () => {
    expect(await hclStatus(identityPolicy('{ Effect = "Allow", Action = "s3:GetObject", NotAction = var.actions, Resource = "*" }'), 'aws-iam-no-notaction-allow', 'aws_iam_policy.p')).toBe('unknown');
    expect(await hclStatus(identityPolicy('{ Effect = "Allow", Action = "*", NotResource = var.actions, Resource = "arn:aws:s3:::b" }'), id, 'aws_iam_policy.p')).toBe('unknown');
  });

  it('kms:Decrypt on every key with a condition known only after apply is unknown (it may scope key use)', async () => {
    const st = '{ Effect = "Allow", Action = "kms:Decrypt", Resource = "*", Condition = { StringEquals = { "kms:ViaService" = var.actions } } }';
    expect(await hclStatus(identityPolicy(st), 'aws-iam-no-kms-wildcard', 'aws_iam_policy.p')).toBe('pass');
    const unknownOp = '{ Effect = "Allow", Action = "kms:Decrypt", Resource = "*", Condition = var.extra_statement }';
    expect(await hclStatus(identityPolicy(unknownOp), 'aws-iam-no-kms-wildcard', 'aws_iam_policy.p')).toBe('unknown');
  });
});

// ------------------------------------------------------------------------------------------------
// iam-trust-principals

describe('aws-iam-role-trust-no-wildcard-principal over partial trust policies', () => {
  const id = 'aws-iam-role-trust-no-wildcard-principal';
  const trust = (...statements: string[]) => `${HCL_HEAD}
resource "aws_iam_role" "r" {
  name               = "r"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [${statements.join(', ')}] })
}
`;
  const named = '{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = aws_iam_role.app.arn } }';
  it('HCL: a known wildcard trust beside a principal known only after apply fails; a named role alone is unknown; NotPrincipal unknown is not proven', async () => {
    expect(await hclStatus(trust(named, '{ Effect = "Allow", Action = "sts:AssumeRole", Principal = "*" }'), id, 'aws_iam_role.r')).toBe('fail');
    expect(await hclStatus(trust(named), id, 'aws_iam_role.r')).toBe('unknown');
    expect(await hclStatus(trust(named, '{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }'), id, 'aws_iam_role.r')).toBe('unknown');
    expect(await hclStatus(trust('{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" }, NotPrincipal = var.extra_statement }'), id, 'aws_iam_role.r')).toBe('unknown');
    // a wildcard pinned by an organization condition whose value is known only after apply is still pinned
    expect(await hclStatus(trust('{ Effect = "Allow", Action = "sts:AssumeRole", Principal = "*", Condition = { StringEquals = { "aws:PrincipalOrgID" = var.actions } } }'), id, 'aws_iam_role.r')).toBe('pass');
  });

  it('plan: a deferred trust document fails on its known wildcard statement', () => {
    const records = (blocks: Array<Record<string, unknown>>) => [
      rec('aws_iam_role.r', { name: 'r', assume_role_policy: UNKNOWN }, { references: { assume_role_policy: ['data.aws_iam_policy_document.t'] } }),
      rec('data.aws_iam_policy_document.t', { json: UNKNOWN, statement: blocks }, { mode: 'data' }),
    ];
    const unknownPrincipal = { actions: ['sts:AssumeRole'], principals: [{ type: 'AWS', identifiers: [UNKNOWN] }] };
    expect(planStatus(id, records([unknownPrincipal, { actions: ['sts:AssumeRole'], principals: [{ type: '*', identifiers: ['*'] }] }]), 'aws_iam_role.r')).toBe('fail');
    expect(planStatus(id, records([unknownPrincipal]), 'aws_iam_role.r')).toBe('unknown');
  });

  it('live: the wildcard statement after a named one fails', () => {
    const arn = `arn:aws:iam::${A}:role/r`;
    const namedSt = { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: `arn:aws:iam::${A}:role/app` } };
    expect(liveStatus(snapshot([role('r', { Version: '2012-10-17', Statement: [namedSt, { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: '*' }] })]), id, arn)).toBe('fail');
    expect(liveStatus(snapshot([role('r', { Version: '2012-10-17', Statement: [namedSt] })]), id, arn)).toBe('pass');
  });
});

// ------------------------------------------------------------------------------------------------
// Resource policies: policy-no-public-allow (S3 bucket, KMS key), s3-tls-only-policy, s3-policy-admits-log-delivery

const BUCKET_HEAD = `${HCL_HEAD}
resource "aws_s3_bucket" "b" {
  bucket = "district-records"
}
`;
const bucketPolicy = (...statements: string[]) => `${BUCKET_HEAD}
resource "aws_s3_bucket_policy" "b" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [${statements.join(', ')}] })
}
`;
const APP_READ = '{ Sid = "App", Effect = "Allow", Principal = { AWS = aws_iam_role.app.arn }, Action = "s3:GetObject", Resource = "${aws_s3_bucket.b.arn}/*" }';
const PUBLIC_READ = '{ Sid = "Public", Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::district-records/*" }';
const SERVICE_READ = '{ Sid = "Trail", Effect = "Allow", Principal = { Service = "cloudtrail.amazonaws.com" }, Action = "s3:GetBucketAcl", Resource = "arn:aws:s3:::district-records" }';
const TLS_DENY =
  '{ Sid = "TlsOnly", Effect = "Deny", Principal = "*", Action = "s3:*", Resource = ["arn:aws:s3:::district-records", "arn:aws:s3:::district-records/*"], Condition = { Bool = { "aws:SecureTransport" = "false" } } }';
const LOG_DELIVERY = '{ Sid = "Logs", Effect = "Allow", Principal = { Service = "logging.s3.amazonaws.com" }, Action = "s3:PutObject", Resource = "arn:aws:s3:::district-records/*" }';

describe('aws-s3-no-public-policy (policy-no-public-allow) over partial bucket policies', () => {
  const id = 'aws-s3-no-public-policy';
  it('HCL: a known public statement beside an interpolated one fails; a service-only statement beside it is unknown', async () => {
    expect(await hclStatus(bucketPolicy(APP_READ, PUBLIC_READ), id, 'aws_s3_bucket.b')).toBe('fail');
    expect(await hclStatus(bucketPolicy(APP_READ, SERVICE_READ), id, 'aws_s3_bucket.b')).toBe('unknown');
    expect(await hclStatus(bucketPolicy(SERVICE_READ), id, 'aws_s3_bucket.b')).toBe('pass');
    // the same as a heredoc with interpolations
    const heredoc = `${BUCKET_HEAD}
resource "aws_s3_bucket_policy" "b" {
  bucket = aws_s3_bucket.b.id
  policy = <<EOF
{"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Principal": {"AWS": "\${aws_iam_role.app.arn}"}, "Action": "s3:GetObject", "Resource": "\${aws_s3_bucket.b.arn}/*"},
  {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::district-records/*"}
]}
EOF
}
`;
    expect(await hclStatus(heredoc, id, 'aws_s3_bucket.b')).toBe('fail');
  });

  it('an effect known only after apply counts unless the principal rules the statement out', async () => {
    expect(await hclStatus(bucketPolicy('{ Effect = var.actions, Principal = { Service = "cloudtrail.amazonaws.com" }, Action = "s3:GetBucketAcl", Resource = "*" }'), id, 'aws_s3_bucket.b')).toBe('pass');
    expect(await hclStatus(bucketPolicy('{ Effect = var.actions, Principal = "*", Action = "s3:GetObject", Resource = "*" }'), id, 'aws_s3_bucket.b')).toBe('unknown');
  });

  it('plan: a deferred bucket policy document fails on its known public statement', () => {
    const records = (blocks: Array<Record<string, unknown>>) => [
      rec('aws_s3_bucket.b', { bucket: 'district-records' }),
      rec('aws_s3_bucket_policy.b', { bucket: UNKNOWN, policy: UNKNOWN }, { references: { bucket: ['aws_s3_bucket.b'], policy: ['data.aws_iam_policy_document.d'] } }),
      rec('data.aws_iam_policy_document.d', { json: UNKNOWN, statement: blocks }, { mode: 'data' }),
    ];
    const unknownPrincipal = { actions: ['s3:GetObject'], resources: ['arn:aws:s3:::district-records/*'], principals: [{ type: 'AWS', identifiers: [UNKNOWN] }] };
    const pub = { actions: ['s3:GetObject'], resources: ['arn:aws:s3:::district-records/*'], principals: [{ type: '*', identifiers: ['*'] }] };
    expect(planStatus(id, records([unknownPrincipal, pub]), 'aws_s3_bucket.b')).toBe('fail');
    expect(planStatus(id, records([unknownPrincipal]), 'aws_s3_bucket.b')).toBe('unknown');
  });

  it('live: the public statement after a restricted one fails', () => {
    const arn = 'arn:aws:s3:::district-records';
    const svc = { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: arn };
    const pub = { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${arn}/*` };
    expect(liveStatus(snapshot([bucket('district-records', { policy: { Version: '2012-10-17', Statement: [svc, pub] } })]), id, arn)).toBe('fail');
    expect(liveStatus(snapshot([bucket('district-records', { policy: { Version: '2012-10-17', Statement: [svc] } })]), id, arn)).toBe('pass');
  });
});

describe('aws-kms-key-policy-no-wildcard-principal (policy-no-public-allow) over partial key policies', () => {
  const id = 'aws-kms-key-policy-no-wildcard-principal';
  const keyPolicy = (...statements: string[]) => `${HCL_HEAD}
resource "aws_kms_key" "k" {
  description         = "k"
  enable_key_rotation = true
  policy              = jsonencode({ Version = "2012-10-17", Statement = [${statements.join(', ')}] })
}
`;
  const admin = '{ Sid = "Admin", Effect = "Allow", Principal = { AWS = aws_iam_role.app.arn }, Action = "kms:*", Resource = "*" }';
  it('HCL: a known "*" statement beside an interpolated admin fails; the admin alone is unknown', async () => {
    expect(await hclStatus(keyPolicy(admin, '{ Sid = "Any", Effect = "Allow", Principal = "*", Action = "kms:Decrypt", Resource = "*" }'), id, 'aws_kms_key.k')).toBe('fail');
    expect(await hclStatus(keyPolicy(admin), id, 'aws_kms_key.k')).toBe('unknown');
    expect(await hclStatus(keyPolicy(admin, '{ Sid = "Root", Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "kms:*", Resource = "*" }'), id, 'aws_kms_key.k')).toBe('unknown');
  });

  it('plan: a deferred key policy document fails on its known "*" statement', () => {
    const records = (blocks: Array<Record<string, unknown>>) => [
      rec('aws_kms_key.k', { description: 'k', enable_key_rotation: true, policy: UNKNOWN }, { references: { policy: ['data.aws_iam_policy_document.kp'] } }),
      rec('data.aws_iam_policy_document.kp', { json: UNKNOWN, statement: blocks }, { mode: 'data' }),
    ];
    const unknownAdmin = { actions: ['kms:*'], resources: ['*'], principals: [{ type: 'AWS', identifiers: [UNKNOWN] }] };
    expect(planStatus(id, records([unknownAdmin, { actions: ['kms:Decrypt'], resources: ['*'], principals: [{ type: 'AWS', identifiers: ['*'] }] }]), 'aws_kms_key.k')).toBe('fail');
    expect(planStatus(id, records([unknownAdmin]), 'aws_kms_key.k')).toBe('unknown');
  });

  it('live: the "*" statement after the root statement fails', () => {
    const root = { Sid: 'root', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:*', Resource: '*' };
    const key = (statements: unknown[]) => cmk({ policy: { Version: '2012-10-17', Statement: statements } });
    const arn = key([]).arn;
    expect(liveStatus(snapshot([key([root, { Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' }])]), id, arn)).toBe('fail');
    expect(liveStatus(snapshot([key([root])]), id, arn)).toBe('pass');
  });
});

describe('aws-s3-tls-only-policy (a "must contain" check) over partial bucket policies', () => {
  const id = 'aws-s3-tls-only-policy';
  it('HCL: a known TLS deny passes beside an unknown statement; without one it is unknown while a statement could still be it', async () => {
    expect(await hclStatus(bucketPolicy('var.extra_statement', TLS_DENY), id, 'aws_s3_bucket.b')).toBe('pass');
    expect(await hclStatus(bucketPolicy(APP_READ, TLS_DENY), id, 'aws_s3_bucket.b')).toBe('pass');
    expect(await hclStatus(bucketPolicy('var.extra_statement', SERVICE_READ), id, 'aws_s3_bucket.b')).toBe('unknown');
    // every statement known not to be the deny (an Allow whose resource alone is unknown): fail
    expect(await hclStatus(bucketPolicy(APP_READ, SERVICE_READ), id, 'aws_s3_bucket.b')).toBe('fail');
    // the deny whose resources are known only after apply: unknown (they may name another bucket)
    const denyUnknownResource =
      '{ Effect = "Deny", Principal = "*", Action = "s3:*", Resource = [aws_s3_bucket.b.arn, "${aws_s3_bucket.b.arn}/*"], Condition = { Bool = { "aws:SecureTransport" = "false" } } }';
    expect(await hclStatus(bucketPolicy(denyUnknownResource), id, 'aws_s3_bucket.b')).toBe('unknown');
    // a NotPrincipal known only after apply may exempt callers from the deny
    const denyNotPrincipal =
      '{ Effect = "Deny", Principal = "*", NotPrincipal = var.actions, Action = "s3:*", Resource = ["arn:aws:s3:::district-records", "arn:aws:s3:::district-records/*"], Condition = { Bool = { "aws:SecureTransport" = "false" } } }';
    expect(await hclStatus(bucketPolicy(denyNotPrincipal), id, 'aws_s3_bucket.b')).toBe('unknown');
  });

  it('plan: a deferred bucket policy document with the known TLS deny passes; with an unknown statement alone it is unknown', () => {
    const records = (blocks: Array<Record<string, unknown>>) => [
      rec('aws_s3_bucket.b', { bucket: 'district-records' }),
      rec('aws_s3_bucket_policy.b', { bucket: UNKNOWN, policy: UNKNOWN }, { references: { bucket: ['aws_s3_bucket.b'], policy: ['data.aws_iam_policy_document.d'] } }),
      rec('data.aws_iam_policy_document.d', { json: UNKNOWN, statement: blocks }, { mode: 'data' }),
    ];
    const deny = {
      effect: 'Deny',
      actions: ['s3:*'],
      resources: ['arn:aws:s3:::district-records', 'arn:aws:s3:::district-records/*'],
      principals: [{ type: '*', identifiers: ['*'] }],
      condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
    };
    const unknownStatement = {
      effect: UNKNOWN,
      actions: [UNKNOWN],
      resources: [UNKNOWN],
      principals: [{ type: '*', identifiers: ['*'] }],
      condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: [UNKNOWN] }],
    };
    expect(planStatus(id, records([unknownStatement, deny]), 'aws_s3_bucket.b')).toBe('pass');
    expect(planStatus(id, records([unknownStatement]), 'aws_s3_bucket.b')).toBe('unknown');
    // known not to be the deny (no aws:SecureTransport condition at all) whatever its unknown parts: fail
    expect(planStatus(id, records([{ ...unknownStatement, condition: [] }]), 'aws_s3_bucket.b')).toBe('fail');
  });

  it('live: the TLS deny after other statements passes; without it the policy fails', () => {
    const arn = 'arn:aws:s3:::district-records';
    const svc = { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: arn };
    const deny = { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [arn, `${arn}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
    expect(liveStatus(snapshot([bucket('district-records', { policy: { Version: '2012-10-17', Statement: [svc, deny] } })]), id, arn)).toBe('pass');
    expect(liveStatus(snapshot([bucket('district-records', { policy: { Version: '2012-10-17', Statement: [svc] } })]), id, arn)).toBe('fail');
  });
});

describe('aws-s3-sse-kms exempts log targets (s3-policy-admits-log-delivery) from partial bucket policies', () => {
  const id = 'aws-s3-sse-kms';
  // SSE-S3 (no CMK): a finding unless the bucket is a server access log target
  const sseS3 = `
resource "aws_s3_bucket_server_side_encryption_configuration" "b" {
  bucket = aws_s3_bucket.b.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
`;
  // A bucket that cannot be shown to be a log target stays in scope (the engine applies a policy whose scope is undecided).
  it('HCL: a known log-delivery grant beside an unknown statement makes the bucket a log target (no finding); otherwise it is judged', async () => {
    expect(await hclStatus(bucketPolicy('var.extra_statement', LOG_DELIVERY) + sseS3, id, 'aws_s3_bucket.b')).toBeUndefined();
    expect(await hclStatus(bucketPolicy(APP_READ, SERVICE_READ) + sseS3, id, 'aws_s3_bucket.b')).toBe('fail');
    expect(await hclStatus(bucketPolicy('var.extra_statement', SERVICE_READ) + sseS3, id, 'aws_s3_bucket.b')).toBe('fail');
  });

  it('the log-delivery test itself: known parts that rule a statement out decide it whatever else is unknown', async () => {
    const check = CODE_CHECKS['s3-policy-admits-log-delivery']!;
    const truth = async (...statements: string[]) => {
      const r = await scan({ 'main.tf': bucketPolicy(...statements) });
      const m = model(r.records, 'hcl');
      return runCodeCheck(check, m.get('aws_s3_bucket.b')!, { model: m, profile: PROFILE }, {}).truth;
    };
    // effect and principal unknown, but the action cannot be s3:PutObject
    expect(await truth('{ Effect = var.actions, Principal = { Service = var.actions }, Action = "s3:GetObject", Resource = "*" }')).toBe('false');
    expect(await truth('{ Effect = var.actions, Principal = { Service = "logging.s3.amazonaws.com" }, Action = "s3:PutObject", Resource = "*" }')).toBe('unknown');
    expect(await truth('var.extra_statement', LOG_DELIVERY)).toBe('true');
    expect(await truth('var.extra_statement')).toBe('unknown');
  });

  it('plan: the known log-delivery statement of a deferred document exempts the bucket', () => {
    const records = (blocks: Array<Record<string, unknown>>) => [
      rec('aws_s3_bucket.b', { bucket: 'district-records' }),
      rec('aws_s3_bucket_server_side_encryption_configuration.b', { bucket: UNKNOWN, rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'AES256' }] }] }, { references: { bucket: ['aws_s3_bucket.b'] } }),
      rec('aws_s3_bucket_policy.b', { bucket: UNKNOWN, policy: UNKNOWN }, { references: { bucket: ['aws_s3_bucket.b'], policy: ['data.aws_iam_policy_document.d'] } }),
      rec('data.aws_iam_policy_document.d', { json: UNKNOWN, statement: blocks }, { mode: 'data' }),
    ];
    const logs = { actions: ['s3:PutObject'], resources: ['arn:aws:s3:::district-records/*'], principals: [{ type: 'Service', identifiers: ['logging.s3.amazonaws.com'] }] };
    expect(planStatus(id, records([UNKNOWN as unknown as Record<string, unknown>, logs]), 'aws_s3_bucket.b')).toBeUndefined();
    expect(planStatus(id, records([UNKNOWN as unknown as Record<string, unknown>]), 'aws_s3_bucket.b')).toBe('fail');
  });

  it('live: a log-delivery statement after others exempts the bucket', () => {
    const arn = 'arn:aws:s3:::access-logs';
    const svc = { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: arn };
    const logs = { Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject', Resource: `${arn}/*` };
    const sse = { encryption: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } };
    expect(liveStatus(snapshot([bucket('access-logs', { ...sse, policy: { Version: '2012-10-17', Statement: [svc, logs] } })]), id, arn)).toBeUndefined();
    expect(liveStatus(snapshot([bucket('access-logs', { ...sse, policy: { Version: '2012-10-17', Statement: [svc] } })]), id, arn)).toBe('fail');
  });
});

// ------------------------------------------------------------------------------------------------
// End to end: the CLI over a plan and its HCL.

describe('ferpa-ready scan of a partial policy document (CLI, plan and HCL)', () => {
  const dir = join(__dirname, 'fixtures', 'partial-documents');
  const kms = (out: string, address: string) => {
    const doc = JSON.parse(readFileSync(out, 'utf8')) as { findings: Finding[] };
    return doc.findings.find((f) => f.policyId === 'aws-iam-no-kms-wildcard' && f.resource.address === address);
  };

  it.each(['main.tf', 'plan.json'])('%s: an unknown statement beside kms:Decrypt on "*" fails (exit 1); beside a harmless statement it is unknown', (file) => {
    const failOut = join(tmpdir(), `ferpa-partial-fail-${file}.json`);
    const failRun = cli(['scan', join(dir, 'fail', file), '--format', `json=${failOut}`]);
    expect(failRun.stderr).toBe('');
    expect(failRun.code).toBe(1);
    // the document data source: the plan shows its statement blocks, HCL evaluates them
    expect(kms(failOut, 'aws_iam_policy.deploy')?.status).toBe('fail');
    expect(kms(failOut, 'aws_iam_policy.deploy')?.message).toContain('statement "AnyKey"');
    // jsonencode: HCL keeps the known statements; a plan renders it wholly unknown (Terraform writes no JSON with an unknown inside)
    expect(kms(failOut, 'aws_iam_policy.reporting')?.status).toBe(file === 'main.tf' ? 'fail' : 'unknown');

    const unknownOut = join(tmpdir(), `ferpa-partial-unknown-${file}.json`);
    const unknownRun = cli(['scan', join(dir, 'unknown', file), '--format', `json=${unknownOut}`]);
    expect(unknownRun.stderr).toBe('');
    expect(kms(unknownOut, 'aws_iam_policy.deploy')?.status).toBe('unknown');
    expect(kms(unknownOut, 'aws_iam_policy.reporting')?.status).toBe('unknown');
  });
});
