import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { chance, int, mutateJsonText, mutateText, mutateTree, pick, rngFor, type Rng } from './mutate.js';

/** One fuzz case: files to write into a fresh folder, and the CLI arguments to run on them. */
export interface FuzzCase {
  index: number;
  kind: 'plan' | 'hcl' | 'snapshot' | 'config' | 'policy';
  files: Record<string, string>;
  args: (dir: string) => string[];
}

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(REPO, 'fixtures');

/** Seed inputs: the policy fixtures (real plans, HCL and snapshots), the core policies. */
function seeds(): { plans: string[]; hcl: string[]; snapshots: string[]; policies: string[] } {
  const ids = readdirSync(FIXTURES).sort();
  const found = (rel: string): string[] => ids.flatMap((id) => ['pass', 'fail'].map((c) => join(FIXTURES, id, c, rel))).filter((f) => existsSync(f));
  const policies = readdirSync(join(REPO, 'policies'))
    .filter((f) => f.endsWith('.policy.yaml'))
    .sort()
    .map((f) => join(REPO, 'policies', f));
  return { plans: found('plan.json'), hcl: found('main.tf'), snapshots: found('live.json'), policies };
}

let cached: ReturnType<typeof seeds> | undefined;
const text = new Map<string, string>();
const read = (f: string): string => {
  let t = text.get(f);
  if (t === undefined) text.set(f, (t = readFileSync(f, 'utf8')));
  return t;
};

/** A plan that scans cleanly, for cases that mutate something else (config, policies). */
export const BASE_PLAN = join(FIXTURES, 'aws-s3-versioning-enabled/fail/plan.json');

/** Where resource values live: plan `values`, `after`, marks, expressions; snapshot `data`. */
const PLAN_VALUES = new Set(['values', 'after', 'after_unknown', 'after_sensitive', 'sensitive_values', 'expressions', 'variables']);
const SNAPSHOT_DATA = new Set(['data', 'errors']);

const SCAN_FORMATS = ['json', 'text', 'sarif', 'junit', 'markdown', 'gitlab-sast'];

/** A fan-out shard manifest (`ferpa-ready shards`): two accounts, one region. */
const SHARDS_SEED = JSON.stringify(
  ['111122223333', '444455556666'].map((account) => ({ shard: `${account}-us-east-1`, account, region: 'us-east-1', roleArn: `arn:aws:iam::${account}:role/FerpaReadyAuditor`, accountRegions: 'us-east-1' })),
  null,
  2,
);

const CONFIG_SEED = `failOn: high
profile:
  approvedRegions: [us-east-1, us-west-2]
  dispositionDays: 365
  securityLogMinDays: 365
disable: [aws-s3-versioning-enabled]
waivers:
  - policy: aws-s3-sse-kms
    resource: aws_s3_bucket.records
    reason: legacy bucket, migration planned
    owner: data-team
    expires: 2027-01-31
attestations:
  - control: FERPA-GOV-01
    statement: The district names a records officer for every system.
    attestedBy: Records Office
    date: 2026-09-01
    document: policies/records-officer.pdf
`;

function mutateYaml(seed: string, rng: Rng): string {
  let out: string;
  out = seed;
  if (chance(rng, 0.6)) {
    let doc: unknown = parseYaml(seed);
    for (let i = int(rng, 3) + 1; i > 0; i--) doc = mutateTree(doc, rng);
    try {
      out = stringifyYaml(doc, { aliasDuplicateObjects: false }) ?? '';
    } catch {
      // the YAML writer recurses: a document nested thousands deep is written as JSON (also YAML)
      out = JSON.stringify(doc) ?? 'null';
    }
  }
  for (let i = chance(rng, 0.5) ? int(rng, 3) + 1 : 0; i > 0; i--) out = mutateText(out, rng);
  if (chance(rng, 0.03)) out = `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n${out}`;
  return out;
}

/** Well-formed HCL expressions of every type, and ones that only fail when evaluated. */
const HCL_VALUES = [
  'null', 'true', 'false', '0', '-1', '1e308', '"x"', '""', '[]', '{}', '[null]', '["a", 1, true]', '{ a = { b = [] } }', 'var.nope', 'local.nope', 'module.nope.out',
  'aws_s3_bucket.nope.id', 'data.aws_caller_identity.nope.account_id', '"${var.nope}"', 'jsonencode({ a = [1, { b = null }] })', 'jsondecode("[[[[1]]]]")', 'tomap(1)',
  'file("missing.txt")', 'file("/dev/zero")', 'templatefile("/etc/hostname", {})', 'element([], 0)', 'lookup({}, "a")', 'try(var.nope, 1)', 'can(var.nope)', '1 / 0',
  '[for x in range(3) : x]', '{ for k, v in { a = 1 } : k => v }', 'count.index', 'each.key', 'self.id', 'upper(1)', 'cidrsubnet("10.0.0.0/8", 8, 300)', 'base64decode("%%%")',
  'length(null)', 'concat([], null)', 'merge({}, null)', 'flatten([[[[]]]])', 'coalesce()', 'format("%d", "x")', 'regex("(", "x")', 'replace("a", "/(/", "b")',
];

/** Replace literal values of attributes with other well-formed expressions: the text stays valid HCL, so the case reaches the evaluator. */
function swapHclValues(text: string, rng: Rng): string {
  const lines = text.split('\n');
  const attrs = lines.map((l, i) => (/^\s*[A-Za-z_][\w-]*\s*=\s*("[^"\\$%]*"|-?\d+(\.\d+)?|true|false|null)\s*$/.test(l) ? i : -1)).filter((i) => i >= 0);
  for (let n = int(rng, 4) + 1; n > 0 && attrs.length; n--) {
    const i = pick(rng, attrs);
    lines[i] = lines[i]!.replace(/=\s*.*$/, `= ${pick(rng, HCL_VALUES)}`);
  }
  return lines.join('\n');
}

/** A side file of an HCL case: broken as text sometimes, otherwise only its values changed. */
function mutateSome(text: string, rng: Rng): string {
  return chance(rng, 0.35) ? mutateText(text, rng) : swapHclValues(text, rng);
}

function hclCase(rng: Rng, s: ReturnType<typeof seeds>): Record<string, string> {
  let main = read(pick(rng, s.hcl));
  if (chance(rng, 0.6)) main = swapHclValues(main, rng);
  else for (let i = int(rng, 4) + 1; i > 0; i--) main = mutateText(main, rng);
  const files: Record<string, string> = { 'main.tf': main };
  if (chance(rng, 0.3)) {
    // a local module with its own (mutated) configuration
    const mod = mutateSome(read(pick(rng, s.hcl)), rng);
    files['modules/m/main.tf'] = mod;
    files['calls.tf'] = mutateSome('module "m" {\n  source = "./modules/m"\n  name   = var.name\n}\nvariable "name" {\n  default = "x"\n}\n', rng);
  }
  if (chance(rng, 0.2)) files['terraform.tfvars'] = mutateSome('name = "records"\nregion = "us-east-1"\ntags = { a = "b" }\n', rng);
  if (chance(rng, 0.1)) files['extra.tf.json'] = mutateJsonText('{"resource":{"aws_s3_bucket":{"j":{"bucket":"j","tags":{"DataClassification":"student-data"}}}}}', rng);
  return files;
}

/** The case at `index` for `seed`: same inputs every time. */
export function fuzzCase(seed: number, index: number): FuzzCase {
  const s = (cached ??= seeds());
  const rng = rngFor(seed, index);
  const r = rng();
  const format = (): string[] => ['--format', pick(rng, SCAN_FORMATS)];
  if (r < 0.32) {
    const files = { 'plan.json': mutateJsonText(read(pick(rng, s.plans)), rng, chance(rng, 0.45) ? PLAN_VALUES : undefined) };
    const extra = [...format(), ...(chance(rng, 0.2) ? ['--fail-on', pick(rng, ['low', 'none', 'critical'])] : [])];
    return { index, kind: 'plan', files, args: (d) => ['scan', join(d, 'plan.json'), ...extra] };
  }
  if (r < 0.56) {
    const files = hclCase(rng, s);
    const extra = [...format(), ...(chance(rng, 0.2) ? ['--var', pick(rng, ['name=x', 'name=[[[[', 'tags={a=1}', `name=${'['.repeat(600)}`])] : [])];
    return { index, kind: 'hcl', files, args: (d) => ['scan', d, ...extra] };
  }
  if (r < 0.76) {
    const files = { 'live.json': mutateJsonText(read(pick(rng, s.snapshots)), rng, chance(rng, 0.45) ? SNAPSHOT_DATA : undefined) };
    if (chance(rng, 0.25)) {
      const plan = pick(rng, s.plans);
      const fmt = pick(rng, ['text', 'json']);
      return { index, kind: 'snapshot', files, args: (d) => ['drift', '--plan', plan, '--snapshot', join(d, 'live.json'), '--format', fmt] };
    }
    const extra = format();
    if (chance(rng, 0.2)) {
      // a fan-out shard manifest beside the snapshot (scan --shards)
      const withShards: Record<string, string> = { ...files, 'shards.json': mutateJsonText(SHARDS_SEED, rng) };
      return { index, kind: 'snapshot', files: withShards, args: (d) => ['scan', join(d, 'live.json'), '--shards', join(d, 'shards.json'), ...extra] };
    }
    return { index, kind: 'snapshot', files, args: (d) => ['scan', join(d, 'live.json'), ...extra] };
  }
  if (r < 0.88) {
    const files = { 'cfg.yaml': mutateYaml(CONFIG_SEED, rng) };
    return { index, kind: 'config', files, args: (d) => ['scan', BASE_PLAN, '--config', join(d, 'cfg.yaml'), '--format', 'json'] };
  }
  // a core policy under a new id (file name and id must agree; mutations may break that too)
  const src = pick(rng, s.policies);
  const id = `fuzz-${src.split('/').pop()!.replace('.policy.yaml', '')}`;
  const seedText = read(src).replace(/^id: .*$/m, `id: ${id}`);
  const files = { [`pol/${id}.policy.yaml`]: mutateYaml(seedText, rng) };
  const validate = chance(rng, 0.5);
  return { index, kind: 'policy', files, args: (d) => (validate ? ['policies', 'validate', join(d, 'pol')] : ['scan', BASE_PLAN, '--policies', join(d, 'pol'), '--format', 'json']) };
}
