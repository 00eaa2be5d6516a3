// The fixtures of the application checks: fixtures/<app-check>/{pass,fail}/api.yaml, each naming a
// build of the reference API (`reference`, or a breakage of broken-builds.ts) and the findings the
// conformance suite must produce on it. Validated with ajv before use.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import type { Finding, Results } from '../../../reference-stack/api/conformance/results.js';

export const FIXTURES = join(__dirname, '../../../fixtures');

export interface ExpectedAppFinding {
  address: string;
  status: 'pass' | 'fail' | 'error';
  /** A regular expression the finding's message matches. */
  message?: string;
}

export interface AppFixture {
  build: string;
  findings: ExpectedAppFinding[];
  /** Fail case: the other checks the breakage fails too (exactly these). */
  alsoFails?: string[];
}

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['build', 'findings'],
  properties: {
    build: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
    findings: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['address', 'status'],
        properties: { address: { type: 'string', minLength: 1 }, status: { enum: ['pass', 'fail', 'error'] }, message: { type: 'string', minLength: 1 } },
      },
    },
    alsoFails: { type: 'array', uniqueItems: true, items: { type: 'string', pattern: '^app-' } },
  },
};
const validate = new Ajv({ allErrors: false, strict: true }).compile(SCHEMA);

export function fixtureFile(check: string, expectation: 'pass' | 'fail'): string {
  return join(FIXTURES, check, expectation, 'api.yaml');
}

export function readAppFixture(check: string, expectation: 'pass' | 'fail'): AppFixture {
  const file = fixtureFile(check, expectation);
  if (!existsSync(file)) throw new Error(`${file}: missing`);
  const data = parse(readFileSync(file, 'utf8')) as unknown;
  if (!validate(data)) throw new Error(`${file}: ${validate.errors![0]!.instancePath || '/'} ${validate.errors![0]!.message}`);
  return data as unknown as AppFixture;
}

const line = (f: Finding) => `${f.status} ${f.policyId} ${f.resource.address}: ${f.message}`;

/**
 * What is wrong with a conformance run against a fixture: a listed finding missing (address, status,
 * message); for a pass case, any finding of the check that is not listed; for a fail case, the check
 * failing anywhere else, or other checks failing beyond `alsoFails`.
 */
export function fixtureProblems(check: string, expectation: 'pass' | 'fail', fx: AppFixture, results: Results): string[] {
  const problems: string[] = [];
  const own = results.findings.filter((f) => f.policyId === check);
  for (const e of fx.findings) {
    const hit = own.find((f) => f.resource.address === e.address && f.status === e.status && (!e.message || new RegExp(e.message).test(f.message)));
    if (!hit) problems.push(`expected ${e.status} on ${e.address}${e.message ? ` matching /${e.message}/` : ''}; the check gave: ${own.filter((f) => f.resource.address === e.address).map(line).join(' | ') || 'nothing there'}`);
  }
  const listed = new Set(fx.findings.map((e) => `${e.status} ${e.address}`));
  const unlisted = expectation === 'pass' ? own.filter((f) => !listed.has(`${f.status} ${f.resource.address}`)) : own.filter((f) => f.status !== 'pass' && !listed.has(`${f.status} ${f.resource.address}`));
  for (const f of unlisted) problems.push(`not in the fixture: ${line(f)}`);
  if (expectation === 'fail') {
    const others = [...new Set(results.findings.filter((f) => f.policyId !== check && f.status !== 'pass').map((f) => f.policyId))].sort();
    const also = [...(fx.alsoFails ?? [])].sort();
    if (others.join() !== also.join()) problems.push(`other checks not passing: [${others.join(', ')}], alsoFails lists [${also.join(', ')}]: ${results.findings.filter((f) => f.policyId !== check && f.status !== 'pass').map(line).join(' | ')}`);
  }
  return problems;
}
