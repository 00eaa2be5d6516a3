import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../checks/pipeline/catalog.js';
import { defaultProfile } from '../../checks/engine/config.js';
import { frameworkProfile, mergeProfiles, parameterSpecs, profileForFrameworks, type ProfileInputs } from '../../checks/engine/profiles.js';
import type { Framework } from '../../checks/engine/frameworks.js';
import type { Profile } from '../../checks/engine/types.js';
import { InputError } from '../../checks/errors.js';

const catalog = loadCatalog();
const fw = (id: string): Framework => catalog.frameworks.get(id)!;
const FERPA = fw('ferpa');
const FEDRAMP = fw('fedramp-moderate');
const FIPS = ['ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04', 'ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04', 'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04', 'ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04', 'ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04', 'ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04'];

function inputs(configProfile: Partial<Profile> = {}, frameworkProfiles: Record<string, Partial<Profile>> = {}): ProfileInputs {
  return { defaults: defaultProfile(), configProfile, frameworkProfiles, configFile: '.ferpa-ready.yaml' };
}
const merge = (list: Framework[], i = inputs()) => mergeProfiles(list.map((f) => frameworkProfile(f, i, 'ferpa')));

describe('parameter bounds', () => {
  it('every profile parameter says how it merges, and every capped floor is a floor', () => {
    const specs = parameterSpecs();
    for (const k of Object.keys(defaultProfile())) expect(specs[k], k).toBeDefined();
    for (const k of Object.keys(FEDRAMP.profile ?? {})) expect(specs[k], k).toBeDefined();
    expect(specs.dispositionDays).toEqual({ bound: 'ceiling', caps: ['backupMinDays'] });
    expect(specs.securityLogMinDays!.bound).toBe('floor');
    expect(specs.tlsPolicies!.bound).toBe('allow-list');
    for (const s of Object.values(specs)) for (const floor of s.caps) expect(specs[floor]!.bound).toBe('floor');
  });
});

describe('merging the profiles of FERPA and FedRAMP Moderate', () => {
  it('with FedRAMP as published: no conflict; floors take the larger, ceilings the smaller, allow-lists the common entries, each value naming its framework', () => {
    const m = merge([FERPA, FEDRAMP]);
    expect(m.conflicts).toEqual([]);
    // FERPA allows TLS 1.2 and 1.3 policies with and without FIPS; FedRAMP only the FIPS ones.
    expect(m.profile.tlsPolicies).toEqual(FIPS);
    expect(m.origins.tlsPolicies).toEqual({ framework: 'fedramp-moderate', source: 'framework' });
    expect(m.profile.breachNoticeHours).toBe(1);
    expect(m.origins.breachNoticeHours).toEqual({ framework: 'fedramp-moderate', source: 'framework' });
    expect(m.profile.dispositionDays).toBe(60);
    expect(m.origins.dispositionDays).toEqual({ framework: 'ferpa', source: 'framework' });
    expect(m.profile.vulnScanMaxDays).toBe(31);
    // Same number on both sides: the first framework given keeps it.
    expect(m.profile.securityLogMinDays).toBe(365);
    expect(m.origins.securityLogMinDays!.framework).toBe('ferpa');
  });

  it('reports the backup retention conflict when the FedRAMP system keeps backups 7 years: dispositionDays (FERPA ceiling) below backupMinDays (FedRAMP floor)', () => {
    const i = inputs({}, { 'fedramp-moderate': { backupMinDays: 2555 } });
    const m = merge([FERPA, FEDRAMP], i);
    expect(m.conflicts).toHaveLength(1);
    const c = m.conflicts[0]!;
    expect(c).toMatchObject({
      param: 'dispositionDays',
      value: 60,
      origin: { framework: 'ferpa', source: 'framework' },
      against: { param: 'backupMinDays', value: 2555, origin: { framework: 'fedramp-moderate', source: 'config' } },
    });
    expect(c.message).toBe('ceiling dispositionDays = 60 (ferpa) is below floor backupMinDays = 2555 (fedramp-moderate, set in the configuration)');
    // Not silently merged: judging both at once is refused, naming both parameters and frameworks.
    expect(() => profileForFrameworks([FERPA, FEDRAMP], i, 'ferpa')).toThrow(InputError);
    expect(() => profileForFrameworks([FERPA, FEDRAMP], i, 'ferpa')).toThrow(/--framework ferpa \+ fedramp-moderate: the profiles conflict: ceiling dispositionDays = 60 \(ferpa\) is below floor backupMinDays = 2555/);
  });

  it('judges FedRAMP alone with the 7-year floor once the organisation sets its own disposition window for that system', () => {
    expect(() => profileForFrameworks([FEDRAMP], inputs({}, { 'fedramp-moderate': { backupMinDays: 2555 } }), 'ferpa')).toThrow(/its profile conflicts with itself: ceiling dispositionDays = 60 \(fedramp-moderate, ferpa-ready default\)/);
    const m = profileForFrameworks([FEDRAMP], inputs({}, { 'fedramp-moderate': { backupMinDays: 2555, dispositionDays: 2920 } }), 'ferpa');
    expect(m.profile).toMatchObject({ backupMinDays: 2555, dispositionDays: 2920 });
    expect(m.origins.backupMinDays).toEqual({ framework: 'fedramp-moderate', source: 'config' });
  });

  it("a DPA's looser log floor holds for FERPA alone, and FedRAMP's floor decides when both are judged", () => {
    const i = inputs({ securityLogMinDays: 90 });
    expect(merge([FERPA], i).profile.securityLogMinDays).toBe(90);
    expect(merge([FERPA], i).origins.securityLogMinDays).toEqual({ framework: 'ferpa', source: 'config' });
    const both = merge([FERPA, FEDRAMP], i);
    expect(both.profile.securityLogMinDays).toBe(365);
    expect(both.origins.securityLogMinDays).toEqual({ framework: 'fedramp-moderate', source: 'framework' });
  });

  it("FERPA alone is exactly the configuration's profile (the default scan's)", () => {
    const i = inputs({ dispositionDays: 30, approvedRegions: ['us-east-1'] });
    expect(merge([FERPA], i).profile).toEqual({ ...defaultProfile(), dispositionDays: 30, approvedRegions: ['us-east-1'] });
  });

  it('frameworks that fix no numbers take the configuration and the defaults, and say so', () => {
    const m = merge([fw('soc2')], inputs({ piiLogMaxDays: 30 }));
    expect(m.profile.piiLogMaxDays).toBe(30);
    expect(m.origins.piiLogMaxDays).toEqual({ framework: 'soc2', source: 'config' });
    expect(m.origins.securityLogMinDays).toEqual({ framework: 'soc2', source: 'default' });
  });

  it("refuses a configuration that loosens what FedRAMP fixes", () => {
    expect(() => frameworkProfile(FEDRAMP, inputs({}, { 'fedramp-moderate': { securityLogMinDays: 90 } }), 'ferpa')).toThrow(/\/frameworkProfiles\/fedramp-moderate\/securityLogMinDays: 90 loosens the floor fedramp-moderate fixes \(365\)/);
    expect(() => frameworkProfile(FEDRAMP, inputs({}, { 'fedramp-moderate': { tlsPolicies: ['ELBSecurityPolicy-TLS-1-2-2017-01'] } }), 'ferpa')).toThrow(/tlsPolicies: .* loosens the allow-list/);
    // Tightening is fine.
    expect(frameworkProfile(FEDRAMP, inputs({}, { 'fedramp-moderate': { securityLogMinDays: 400, tlsPolicies: [FIPS[1]!] } }), 'ferpa').values).toMatchObject({ securityLogMinDays: 400, tlsPolicies: [FIPS[1]] });
  });

  it('an allow-list no value survives is a conflict naming the parameter', () => {
    const i = inputs({ tlsPolicies: ['ELBSecurityPolicy-TLS-1-2-2017-01'] });
    const m = merge([FERPA, FEDRAMP], i);
    expect(m.conflicts.map((c) => c.param)).toEqual(['tlsPolicies']);
    expect(m.conflicts[0]!.message).toMatch(/^tlsPolicies: ferpa, set in the configuration allows \[ELBSecurityPolicy-TLS-1-2-2017-01\] but fedramp-moderate allows \[.*FIPS.*\]; no value is allowed by all$/);
  });
});
