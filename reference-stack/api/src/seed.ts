// Demo/test tenancy: one district with two schools, a second district with one school, one user per
// role (and a school-B teacher and admin), each with an API key. Returns the ids and keys.
import { issueApiKey } from './auth.js';
import type { Pool } from './db.js';
import type { Role } from './spec.js';

export interface SeedUser {
  id: string;
  role: Role;
  apiKey: string;
}
export interface Seed {
  districtId: string;
  otherDistrictId: string;
  schoolA: string;
  schoolB: string;
  schoolC: string;
  users: Record<'teacherA' | 'adminA' | 'teacherB' | 'adminB' | 'districtAdmin' | 'otherDistrictAdmin' | 'systemAdmin', SeedUser>;
}

export async function seed(pool: Pool, tag = Math.random().toString(36).slice(2, 8)): Promise<Seed> {
  const one = async (sql: string, params: unknown[]) => (await pool.query<{ id: string }>(sql, params)).rows[0]!.id;
  const districtId = await one('INSERT INTO districts (name) VALUES ($1) RETURNING id', [`District ${tag}`]);
  const otherDistrictId = await one('INSERT INTO districts (name) VALUES ($1) RETURNING id', [`Other District ${tag}`]);
  const school = (d: string, name: string) =>
    one("INSERT INTO schools (district_id, name, dpa_signed_at, data_residency, retention_days) VALUES ($1, $2, '2025-08-01', 'us', 365) RETURNING id", [d, name]);
  const schoolA = await school(districtId, `School A ${tag}`);
  const schoolB = await school(districtId, `School B ${tag}`);
  const schoolC = await school(otherDistrictId, `School C ${tag}`);
  const user = async (key: string, role: Role, schoolId: string | null, dId: string | null): Promise<SeedUser> => {
    const id = await one('INSERT INTO users (email, name, role, school_id, district_id) VALUES ($1, $2, $3, $4, $5) RETURNING id', [`${key}-${tag}@example.org`, key, role, schoolId, dId]);
    return { id, role, apiKey: await issueApiKey(pool, id, `${key} key`) };
  };
  return {
    districtId, otherDistrictId, schoolA, schoolB, schoolC,
    users: {
      teacherA: await user('teacherA', 'teacher', schoolA, null),
      adminA: await user('adminA', 'school_admin', schoolA, null),
      teacherB: await user('teacherB', 'teacher', schoolB, null),
      adminB: await user('adminB', 'school_admin', schoolB, null),
      districtAdmin: await user('districtAdmin', 'district_admin', null, districtId),
      otherDistrictAdmin: await user('otherDistrictAdmin', 'district_admin', null, otherDistrictId),
      systemAdmin: await user('systemAdmin', 'system_admin', null, null),
    },
  };
}
