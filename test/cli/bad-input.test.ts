import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'frbad-'));
function file(name: string, content: string | Buffer): string {
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
}

const cases: Array<[string, string, RegExp]> = [
  ['empty file', file('empty.json', ''), /empty/i],
  ['truncated JSON', file('truncated.json', '{"format_version":"1.2","planned_values":{"root_module":{'), /not valid JSON/i],
  ['JSON that is not a plan', file('other.json', '{"hello":"world"}'), /not a (Terraform )?plan/i],
  ['a state file given as a plan', file('state.json', JSON.stringify({ format_version: '1.0', terraform_version: '1.5.0', values: { root_module: { resources: [] } } })), /state/i],
  ['an unsupported major version', file('v2.json', JSON.stringify({ format_version: '2.0', planned_values: { root_module: {} } })), /format_version 2\.0/],
  ['a binary file', file('binary.json', Buffer.from([0, 1, 2, 255, 254, 0, 7])), /binary|not valid JSON/i],
  ['a JSON array', file('array.json', '[1,2,3]'), /not a (Terraform )?plan/i],
  ['a missing file', join(dir, 'nope.json'), /no such file/i],
  ['a folder with no Terraform files in it or below', (mkdirSync(join(dir, 'no-terraform/docs'), { recursive: true }), join(dir, 'no-terraform')), /no Terraform files/],
];

describe('bad input is exit 2 with one line naming the file and the problem', () => {
  it.each(cases)('%s', (_name, path, re) => {
    const r = cli(['scan', path]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(re);
    expect(lines[0]).toContain(path.split('/').pop()!);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a policy file with an unknown field, given with --policies', () => {
    const pdir = mkdtempSync(join(tmpdir(), 'frpolbad-'));
    writeFileSync(join(pdir, 'my-policy.policy.yaml'), 'id: my-policy\ntitle: Things are fine\nseverity: high\ncolour: red\n');
    const r = cli(['scan', file('ok.json', JSON.stringify({ format_version: '1.2', planned_values: { root_module: {} } })), '--policies', pdir]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/my-policy\.policy\.yaml/);
    expect(r.stderr).toMatch(/unknown field "colour"|required/);
  });

  it('unknown options and formats are usage errors', () => {
    expect(cli(['scan', '--no-such-flag']).code).toBe(2);
    const r = cli(['scan', file('ok2.json', JSON.stringify({ format_version: '1.2', planned_values: { root_module: {} } })), '--format', 'yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown format "yaml"/);
  });
});
