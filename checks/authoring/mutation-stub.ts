import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { InputError } from '../errors.js';
import { PLACEHOLDER } from '../engine/placeholders.js';

interface MutationEntry {
  id?: string;
  policy?: string;
  [k: string]: unknown;
}

/** The first file of the reference stack that declares a resource of one of these types (modules before environments). */
export function stackFileWith(stackDir: string, types: string[]): { file: string; type: string } | undefined {
  if (!existsSync(stackDir)) return undefined;
  const files = readdirSync(stackDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.tf') && !f.split(/[\\/]/).includes('.terraform'))
    .sort((a, b) => Number(b.startsWith('modules')) - Number(a.startsWith('modules')) || a.localeCompare(b));
  for (const type of types) {
    for (const f of files) {
      const header = type.startsWith('data.') ? `data "${type.slice(5)}" "` : `resource "${type}" "`;
      if (readFileSync(join(stackDir, f), 'utf8').includes(header)) return { file: relative(stackDir, join(stackDir, f)).split('\\').join('/'), type };
    }
  }
  return undefined;
}

/** The mutation entry `policies new` appends: the author names the mistake and the exact text it changes. */
export function mutationStub(policyId: string, file: string, type: string): string {
  return [
    '',
    `  # ${policyId}: break one ${type} of the stack the way this policy exists to catch (npm run mutate -- --only ${mutationId(policyId)}).`,
    `  - id: ${mutationId(policyId)}`,
    `    policy: ${policyId}`,
    `    file: ${file}`,
    '    description: TODO one sentence naming the realistic mistake',
    '    edit: { find: "TODO exact text that occurs once in the file", replace: "TODO the same text, broken" }',
    '',
  ].join('\n');
}

export function mutationId(policyId: string): string {
  return policyId.replace(/^aws-/, '');
}

/** Append an entry to the mutation list; the file must then parse to the same list plus that entry. */
export function appendMutation(text: string, stub: string, display: string): string {
  const before = parse(text) as { mutations?: MutationEntry[] };
  const out = `${text.replace(/\n*$/, '\n')}${stub}`;
  const after = parse(out) as { mutations?: MutationEntry[] };
  const added = parse(`mutations:\n${stub}`) as { mutations: MutationEntry[] };
  if (!Array.isArray(before?.mutations) || !isDeepStrictEqual(after?.mutations, [...before.mutations, ...added.mutations])) {
    throw new InputError('the mutation list is not the last part of the file; add the mutation by hand', display);
  }
  if (before.mutations.some((m) => m.id === added.mutations[0]!.id)) throw new InputError(`a mutation "${added.mutations[0]!.id}" exists already`, display);
  return out;
}

/** What `policies test` says about a core policy's mutations: none, or one still holding placeholders. */
export function mutationProblems(policyId: string, mutationsFile: string): string[] {
  const list = (parse(readFileSync(mutationsFile, 'utf8')) as { mutations?: MutationEntry[] } | null)?.mutations ?? [];
  const mine = list.filter((m) => m.policy === policyId);
  if (!mine.length) return ['no mutation in reference-stack/mutations.yaml: the reference stack must show the mistake the policy catches'];
  return mine.filter((m) => PLACEHOLDER.test(JSON.stringify(m))).map((m) => `mutation ${m.id} still holds TODO placeholders`);
}
