import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers.js';

// The image cannot be built on these machines, so the Dockerfile is checked statically.

interface Instruction {
  op: string;
  args: string;
  line: number;
}

/** Instructions of a Dockerfile: comments dropped, `\` continuations joined. */
export function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i]!;
    if (/^\s*(#|$)/.test(line)) continue;
    while (/\\\s*$/.test(line) && i + 1 < lines.length) {
      line = line.replace(/\\\s*$/, ' ');
      let next = lines[++i]!;
      while (/^\s*#/.test(next) && i + 1 < lines.length) next = lines[++i]!;
      line += next;
    }
    const m = /^\s*(\w+)\s+(.*)$/.exec(line);
    if (m) out.push({ op: m[1]!.toUpperCase(), args: m[2]!.trim(), line: start + 1 });
  }
  return out;
}

const SECRET_NAME = /(secret|passw(or)?d|token|api[_-]?key|private[_-]?key|credential|aws_access_key_id|aws_secret_access_key|session_token)/i;
const SECRET_VALUE = /(AKIA[0-9A-Z]{16}|ASIA[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----|gh[pousr]_[A-Za-z0-9]{20,}|xox[baprs]-[A-Za-z0-9-]+|[A-Za-z0-9/+]{40})/;

/** What a static review of a Dockerfile finds wrong (empty = fine). */
export function dockerfileProblems(text: string): string[] {
  const ins = parseDockerfile(text);
  const problems: string[] = [];
  const froms = ins.filter((i) => i.op === 'FROM');
  if (froms.length < 2) problems.push('not multi-stage (fewer than two FROM)');
  const stages = new Set(froms.map((f) => /\bAS\s+(\S+)/i.exec(f.args)?.[1]?.toLowerCase()).filter(Boolean));
  for (const f of froms) {
    const image = f.args.split(/\s+/).find((w) => !w.startsWith('--'))!;
    if (stages.has(image.toLowerCase())) continue;
    const pinned = /@sha256:[0-9a-f]{64}$/.test(image) || /^[\w./-]+:\d+\.\d+\.\d+[\w.-]*$/.test(image);
    if (!pinned) problems.push(`line ${f.line}: base image "${image}" is not pinned to a full version or digest`);
  }
  const last = froms.at(-1);
  const finalStage = last ? ins.filter((i) => i.line >= last.line) : [];
  if (!/node:20[.\d]*-bookworm-slim/.test(last?.args ?? '')) problems.push('final stage is not node:20 bookworm-slim');
  const users = finalStage.filter((i) => i.op === 'USER');
  if (!users.length) problems.push('no USER in the final stage (runs as root)');
  else if (/^(root|0)(:|$)/.test(users.at(-1)!.args)) problems.push(`line ${users.at(-1)!.line}: USER is root`);
  if (!finalStage.some((i) => i.op === 'RUN' && /npm ci\b[^&]*--omit=dev/.test(i.args))) problems.push('the final stage does not install with npm ci --omit=dev');
  for (const i of ins.filter((x) => x.op === 'ENV' || x.op === 'ARG')) {
    const pairs = i.args.match(/[A-Za-z_][A-Za-z0-9_]*(=("[^"]*"|\S*))?/g) ?? [];
    for (const p of pairs) {
      const [name, ...rest] = p.split('=');
      const value = rest.join('=');
      if (SECRET_NAME.test(name!)) problems.push(`line ${i.line}: ${i.op} ${name} looks like a secret`);
      if (value && SECRET_VALUE.test(value)) problems.push(`line ${i.line}: ${i.op} ${name} has a secret-looking value`);
    }
  }
  for (const i of ins) if (SECRET_VALUE.test(i.args) && i.op !== 'LABEL') problems.push(`line ${i.line}: secret-looking value in ${i.op}`);
  if (ins.some((i) => (i.op === 'COPY' || i.op === 'ADD') && /(\.env\b|\.aws|id_rsa|\.pem\b|\.npmrc)/.test(i.args))) problems.push('copies a credentials file');
  const entry = finalStage.filter((i) => i.op === 'ENTRYPOINT').at(-1);
  let argv: unknown = null;
  try {
    argv = entry ? JSON.parse(entry.args) : null;
  } catch {
    problems.push('ENTRYPOINT is not in exec (JSON) form');
  }
  if (JSON.stringify(argv) !== JSON.stringify(['node', '/app/bin/ferpa-ready.js'])) problems.push(`ENTRYPOINT is not the CLI: ${entry?.args ?? 'none'}`);
  return problems;
}

const dockerfile = readFileSync(join(REPO, 'Dockerfile'), 'utf8');

describe('Dockerfile (static)', () => {
  it('passes every check: multi-stage, pinned base, non-root, npm ci --omit=dev, no secrets, CLI entrypoint', () => {
    expect(dockerfileProblems(dockerfile)).toEqual([]);
  });

  it('the final stage copies the packed package, not the whole tree', () => {
    const ins = parseDockerfile(dockerfile);
    const last = ins.filter((i) => i.op === 'FROM').at(-1)!;
    const copies = ins.filter((i) => i.line > last.line && i.op === 'COPY');
    expect(copies.length).toBeGreaterThan(0);
    for (const c of copies) expect(c.args).toMatch(/^--from=/);
    expect(ins.some((i) => i.op === 'RUN' && /npm pack/.test(i.args))).toBe(true);
  });

  it('the checks catch the mistakes they are for', () => {
    const mutate = (from: RegExp | string, to: string) => dockerfileProblems(dockerfile.replace(from, to));
    expect(mutate(/^FROM node:20\.18\.1-bookworm-slim AS runtime$/m, 'FROM node:20-bookworm-slim AS runtime').join()).toMatch(/not pinned/);
    expect(mutate(/^FROM node:20\.18\.1-bookworm-slim AS pack$/m, 'FROM node:latest AS pack').join()).toMatch(/not pinned/);
    expect(mutate(/^USER node$/m, '').join()).toMatch(/no USER/);
    expect(mutate(/^USER node$/m, 'USER root').join()).toMatch(/USER is root/);
    expect(mutate(/^USER node$/m, 'USER 0:0').join()).toMatch(/USER is root/);
    expect(mutate(/^ENV NODE_ENV=production/m, 'ENV GITHUB_TOKEN=x NODE_ENV=production').join()).toMatch(/GITHUB_TOKEN looks like a secret/);
    expect(mutate(/^WORKDIR \/app$/m, 'ARG AWS_SECRET_ACCESS_KEY\nWORKDIR /app').join()).toMatch(/AWS_SECRET_ACCESS_KEY/);
    expect(mutate(/^WORKDIR \/app$/m, 'ENV REGION_HINT=AKIAIOSFODNN7EXAMPLE\nWORKDIR /app').join()).toMatch(/secret-looking value/);
    expect(mutate('ENTRYPOINT ["node", "/app/bin/ferpa-ready.js"]', 'ENTRYPOINT node /app/bin/ferpa-ready.js').join()).toMatch(/exec/);
    expect(mutate('ENTRYPOINT ["node", "/app/bin/ferpa-ready.js"]', 'ENTRYPOINT ["bash"]').join()).toMatch(/not the CLI/);
    expect(mutate('--omit=dev', '').join()).toMatch(/omit=dev/);
    const single = dockerfile.replace(/^FROM node:20\.18\.1-bookworm-slim AS pack[\s\S]*?(?=^FROM )/m, '');
    expect(dockerfileProblems(single).join()).toMatch(/multi-stage/);
  });

  it('.dockerignore keeps tests, fixtures, state and credentials out of the build context', () => {
    const ignore = readFileSync(join(REPO, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    for (const p of ['.git', 'test', 'fixtures', 'reference-stack', '**/node_modules', '.env', '**/*.tfstate', '**/.aws']) expect(ignore, p).toContain(p);
  });
});
