import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../checks/engine/config.js';
import { InputError } from '../../checks/errors.js';

function withConfig(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'frcfg-'));
  writeFileSync(join(dir, '.ferpa-ready.yaml'), text);
  return dir;
}

describe('configuration', () => {
  it('defaults come from the profile file when there is no configuration', () => {
    const cfg = loadConfig(undefined, mkdtempSync(join(tmpdir(), 'frcfg-')));
    expect(cfg.profile.securityLogMinDays).toBe(365);
    expect(cfg.profile.piiLogMaxDays).toBe(90);
    expect(cfg.profile.dispositionDays).toBe(60);
    expect(cfg.profile.approvedRegions).toContain('us-east-1');
  });
  it('the profile is overridable key by key', () => {
    const cfg = loadConfig(undefined, withConfig('profile:\n  dispositionDays: 30\n'));
    expect(cfg.profile.dispositionDays).toBe(30);
    expect(cfg.profile.backupMinDays).toBe(7);
  });
  it.each([
    ['unknown key', 'profil:\n  x: 1\n', /unknown field "profil"/],
    ['wrong type', 'profile:\n  dispositionDays: "sixty"\n', /\/profile\/dispositionDays/],
    ['bad date', 'waivers:\n  - { policy: p, reason: why not, owner: me, expires: 2026-13-01 }\n', /\/waivers\/0\/expires/],
    ['unknown waiver field', 'waivers:\n  - { policy: p, reason: why not, owner: me, expires: 2026-12-01, who: x }\n', /\/waivers\/0: unknown field "who"/],
    ['not YAML', 'profile: [\n', /not valid YAML/],
  ])('%s is an InputError naming the key path', (_name, text, re) => {
    const dir = withConfig(text);
    expect(() => loadConfig(undefined, dir)).toThrow(InputError);
    expect(() => loadConfig(undefined, dir)).toThrow(re);
  });
});
