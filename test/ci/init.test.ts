import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { defaultProfile, loadConfig } from '../../checks/engine/config.js';
import { schemaRef, starterConfig } from '../../checks/cli/commands/init.js';
import { cli, PASS_PLAN, REPO } from './helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'fr-init-'));

describe('ferpa-ready init', () => {
  it('writes a commented config that loads to exactly the defaults, with a $schema line that resolves', () => {
    const dir = tmp();
    const r = cli(['init', dir]);
    expect(r.code).toBe(0);
    const file = join(dir, '.ferpa-ready.yaml');
    const text = readFileSync(file, 'utf8');
    const first = text.split('\n')[0]!;
    const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    expect(m, first).not.toBeNull();
    const schemaFile = resolve(dir, m![1]!);
    expect(existsSync(schemaFile)).toBe(true);
    expect(JSON.parse(readFileSync(schemaFile, 'utf8')).title).toMatch(/ferpa-ready configuration/);
    expect(text.split('\n').filter((l) => l.trim().startsWith('#')).length).toBeGreaterThan(20);

    const cfg = loadConfig(file);
    expect(cfg.profile).toEqual(defaultProfile());
    expect(cfg.failOn).toBe('high');
    expect(cfg.waivers).toEqual([]);
    expect(cfg.attestations).toEqual([]);
    expect(cfg.disable).toEqual([]);
    expect(cfg.policyDirs).toEqual([]);
  });

  it('prefers the project install of the schema under node_modules when there is one', () => {
    const dir = tmp();
    const installed = join(dir, 'node_modules/ferpa-ready/policies/schema/config.schema.json');
    mkdirSync(dirname(installed), { recursive: true });
    writeFileSync(installed, '{}');
    expect(schemaRef(join(dir, '.ferpa-ready.yaml'))).toBe('./node_modules/ferpa-ready/policies/schema/config.schema.json');
    expect(schemaRef(join(REPO, '.ferpa-ready.yaml'))).toBe('./policies/schema/config.schema.json');
  });

  it('the commented examples are valid configuration when uncommented', () => {
    const text = starterConfig('./x.json');
    const lines = text.split('\n');
    const from = lines.indexOf('# waivers:');
    const to = lines.indexOf('# attestationFiles:');
    expect(from).toBeGreaterThan(0);
    expect(to).toBeGreaterThan(from);
    // uncomment the YAML lines (keys, list items, indented values), not the prose between them
    const yamlLine = /^# ([a-zA-Z]+:( |$)| +)/;
    const enabled = lines.map((l, i) => (i >= from && i < to && yamlLine.test(l) ? l.slice(2) : l)).join('\n');
    const dir = tmp();
    writeFileSync(join(dir, 'c.yaml'), enabled);
    const cfg = loadConfig(join(dir, 'c.yaml'));
    expect(cfg.waivers).toHaveLength(1);
    expect(cfg.waivers[0]!.expires).toBe('2027-06-30');
    expect(cfg.attestations).toHaveLength(1);
    expect(parse(enabled).waivers[0].policy).toBe('aws-s3-access-logging');
  });

  it('refuses to overwrite an existing file without --force', () => {
    const dir = tmp();
    const file = join(dir, '.ferpa-ready.yaml');
    writeFileSync(file, 'failOn: none\n');
    const r = cli(['init', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/\.ferpa-ready\.yaml: already exists.*--force/);
    expect(readFileSync(file, 'utf8')).toBe('failOn: none\n');
    const forced = cli(['init', dir, '--force']);
    expect(forced.code).toBe(0);
    expect(loadConfig(file).failOn).toBe('high');
  });
});

describe('configuration errors are exit 2 naming the key', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['an unknown top-level key', 'failOn: high\nfailon: low\n', /\/: unknown field "failon"/],
    ['an unknown profile key', 'profile:\n  securityLogDays: 30\n', /\/profile: unknown field "securityLogDays"/],
    ['a wrong type', 'profile:\n  securityLogMinDays: "a year"\n', /\/profile\/securityLogMinDays: must be integer/],
    ['a wrong enum value', 'failOn: severe\n', /\/failOn: must be one of/],
    ['a password floor that is not a number', 'profile:\n  passwordMinLength: "long"\n', /\/profile\/passwordMinLength: must be integer/],
    ['an impossible waiver date', 'waivers:\n  - policy: aws-s3-sse-kms\n    reason: legacy bucket\n    owner: me\n    expires: 2026-02-30\n', /\/waivers\/0\/expires: (.*2026-02-30.*not a real date|must match format "date")/],
    ['a malformed attestation date', 'attestations:\n  - control: FERPA-GOV-01\n    statement: Training done for all staff\n    attestedBy: Registrar\n    date: 01/09/2026\n    document: doc.pdf\n', /\/attestations\/0\/date/],
  ];
  it.each(cases)('%s', (_name, yaml, re) => {
    const dir = tmp();
    writeFileSync(join(dir, '.ferpa-ready.yaml'), yaml);
    const r = cli(['scan', PASS_PLAN], { cwd: dir });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/\.ferpa-ready\.yaml/);
    expect(lines[0]).toMatch(re);
    expect(r.stdout).toBe('');
  });
});
