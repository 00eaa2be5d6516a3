import { describe, expect, it } from 'vitest';
import { cli } from './run.js';

describe('the CLI entry point', () => {
  it('--help lists the commands and exits 0', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/scan/);
    expect(r.stdout).toMatch(/policies/);
  });
  it('--version prints the tool and policy-catalog versions', () => {
    const r = cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ferpa-ready \d+\.\d+\.\d+ \(policy catalog \d+\.\d+\.\d+\)/);
  });
  it('policies list --format json is an array of policies with the contract fields', () => {
    const r = cli(['policies', 'list', '--format', 'json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(list.length).toBeGreaterThanOrEqual(40);
    for (const p of list) for (const k of ['id', 'title', 'severity', 'category', 'controls', 'sources']) expect(p, String(p.id)).toHaveProperty(k);
  });
  it('policies validate accepts the core catalog', () => {
    const r = cli(['policies', 'validate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\d+ policies valid/);
  });
});
