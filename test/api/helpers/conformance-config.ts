import type { ConformanceConfig } from '../../../reference-stack/api/conformance/config.js';
import type { Seed } from '../../../reference-stack/api/src/seed.js';

/** The conformance configuration for a seeded database: school A's users, and users elsewhere (the district admin by bearer JWT when given). */
export function configFor(s: Seed, districtAdminJwt?: string): ConformanceConfig {
  const k = (u: { apiKey: string }) => ({ apiKey: u.apiKey });
  return {
    schoolId: s.schoolA,
    districtId: s.districtId,
    roles: { teacher: k(s.users.teacherA), school_admin: k(s.users.adminA), district_admin: districtAdminJwt ? { bearer: districtAdminJwt } : k(s.users.districtAdmin), system_admin: k(s.users.systemAdmin) },
    otherTenants: [
      { label: 'school B school_admin', credential: k(s.users.adminB) },
      { label: 'school B teacher', credential: k(s.users.teacherB) },
      { label: 'other district_admin', credential: k(s.users.otherDistrictAdmin) },
    ],
  };
}
