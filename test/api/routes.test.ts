import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../../reference-stack/api/src/audit.js';
import { loadConfig } from '../../reference-stack/api/src/config.js';
import { createPool, migrate } from '../../reference-stack/api/src/db.js';
import { idsDigest, purgeExpired, STUDENT_TABLES } from '../../reference-stack/api/src/records.js';
import { loadSpec } from '../../reference-stack/api/src/spec.js';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const key = (u: { apiKey: string }) => ({ 'x-api-key': u.apiKey });
const purpose = (p = 'instruction') => ({ 'x-access-purpose': p });

describe('health and openapi', () => {
  it('health answers without credentials and checks the database', async () => {
    const r = await h.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'ok', database: 'ok' });
  });
  it('serves the annotated OpenAPI document', async () => {
    const r = await h.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    const doc = r.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/students/{studentId}'].get['x-ferpa-student-record']).toBe(true);
  });
});

describe('students', () => {
  it('creates, reads, updates and deletes a student, auditing each in the school log', async () => {
    const admin = key(h.seed.users.adminA);
    const c = await h.app.inject({ method: 'POST', url: `/api/v1/schools/${h.seed.schoolA}/students`, headers: { ...admin, ...purpose('administration') }, payload: { studentNumber: 'R-1', givenName: 'Ada', familyName: 'Lovelace', gradeLevel: 5 } });
    expect(c.statusCode, c.body).toBe(201);
    const id = c.json().id as string;
    const g = await h.app.inject({ method: 'GET', url: `/api/v1/students/${id}`, headers: { ...key(h.seed.users.teacherA), ...purpose() } });
    expect(g.statusCode).toBe(200);
    expect(g.json()).toMatchObject({ id, givenName: 'Ada', schoolId: h.seed.schoolA, gradeLevel: 5 });
    const u = await h.app.inject({ method: 'PATCH', url: `/api/v1/students/${id}`, headers: { ...admin, ...purpose('administration') }, payload: { gradeLevel: 6 } });
    expect(u.json().gradeLevel).toBe(6);
    const d = await h.app.inject({ method: 'DELETE', url: `/api/v1/students/${id}`, headers: { ...admin, ...purpose('administration') } });
    expect(d.statusCode).toBe(200);
    expect(d.json().counts).toEqual({ students: 1, assessments: 0, disclosures: 0 });
    const log = await h.pool.query('SELECT action, user_id, purpose, ip, outcome FROM audit_log WHERE resource_id = $1 ORDER BY id', [id]);
    expect(log.rows.map((r) => r.action)).toEqual(['student.create', 'student.read', 'student.update', 'student.delete']);
    expect(log.rows[1]).toMatchObject({ user_id: h.seed.users.teacherA.id, purpose: 'instruction', outcome: 'success' });
    expect(log.rows[1].ip).toBeTruthy();
    const gone = await h.app.inject({ method: 'GET', url: `/api/v1/students/${id}`, headers: { ...admin, ...purpose() } });
    expect(gone.statusCode).toBe(404);
  });
});

const bearer = async (userId: string, o?: Parameters<Harness['jwt']>[1]) => ({ authorization: `Bearer ${await h.jwt(userId, o)}` });
async function newStudent(extra: Record<string, unknown> = {}, school = h.seed.schoolA, admin = h.seed.users.adminA) {
  const r = await h.app.inject({ method: 'POST', url: `/api/v1/schools/${school}/students`, headers: { ...key(admin), ...purpose('administration') }, payload: { studentNumber: `N-${Math.random().toString(36).slice(2, 10)}`, givenName: 'Grace', familyName: 'Hopper', ...extra } });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}

describe('authentication', () => {
  it('accepts a bearer JWT for a known user and refuses expired, forged or unknown-subject tokens', async () => {
    const ok = await h.app.inject({ method: 'GET', url: `/api/v1/schools/${h.seed.schoolA}`, headers: await bearer(h.seed.users.adminA.id) });
    expect(ok.statusCode).toBe(200);
    const expired = await h.app.inject({ method: 'GET', url: `/api/v1/schools/${h.seed.schoolA}`, headers: await bearer(h.seed.users.adminA.id, { expiresIn: '-1m' }) });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().message).toMatch(/bearer token rejected: ERR_JWT_EXPIRED/);
    const forged = await h.app.inject({ method: 'GET', url: `/api/v1/schools/${h.seed.schoolA}`, headers: await bearer(h.seed.users.adminA.id, { secret: new TextEncoder().encode('another-secret-another-secret-0000') }) });
    expect(forged.statusCode).toBe(401);
    const unknown = await h.app.inject({ method: 'GET', url: `/api/v1/schools/${h.seed.schoolA}`, headers: await bearer('00000000-0000-4000-8000-000000000000') });
    expect(unknown.json().message).toBe('bearer token subject is not a known user');
    const none = await h.app.inject({ method: 'GET', url: `/api/v1/schools/${h.seed.schoolA}` });
    expect(none.statusCode).toBe(401);
    expect(none.json().message).toMatch(/authentication required/);
  });
  it('stores API keys only as SHA-256 and refuses an unknown key', async () => {
    const rows = (await h.pool.query('SELECT key_sha256 FROM api_keys')).rows.map((r) => r.key_sha256 as string);
    expect(rows.every((k) => /^[0-9a-f]{64}$/.test(k))).toBe(true);
    const dump = JSON.stringify((await h.pool.query('SELECT * FROM api_keys')).rows);
    expect(dump).not.toContain(h.seed.users.adminA.apiKey);
    const bad = await h.app.inject({ method: 'GET', url: '/api/v1/schools', headers: { 'x-api-key': 'frk_not-a-key' } });
    expect(bad.statusCode).toBe(401);
  });
});

describe('query', () => {
  it('answers from the corpus, caches by SHA-256 of query and settings, audits the hash and never the text', async () => {
    const text = 'who may access education records without consent';
    const ask = () => h.app.inject({ method: 'POST', url: '/api/v1/query', headers: key(h.seed.users.teacherA), payload: { query: text, settings: { topK: 1 } } });
    const a = await ask();
    const b = await ask();
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json()).toMatchObject({ cached: false, sources: [{ title: 'School officials' }] });
    expect(b.json()).toMatchObject({ cached: true, querySha256: a.json().querySha256, answer: a.json().answer });
    const other = await h.app.inject({ method: 'POST', url: '/api/v1/query', headers: key(h.seed.users.teacherA), payload: { query: text, settings: { topK: 2 } } });
    expect(other.json().querySha256).not.toBe(a.json().querySha256);
    const audit = await h.pool.query("SELECT details FROM audit_log WHERE action = 'query.execute' AND resource_id = $1", [a.json().querySha256]);
    expect(audit.rows).toHaveLength(2);
    const everything = JSON.stringify([(await h.pool.query('SELECT * FROM audit_log')).rows, (await h.pool.query('SELECT * FROM queries')).rows, (await h.pool.query('SELECT * FROM query_cache')).rows]);
    expect(everything).not.toContain(text);
  });
});

describe('schools, users and the audit log', () => {
  it('lets a district admin create and configure schools of its district only, auditing settings changes', async () => {
    const da = key(h.seed.users.districtAdmin);
    const c = await h.app.inject({ method: 'POST', url: '/api/v1/schools', headers: da, payload: { districtId: h.seed.districtId, name: 'New School', dpaSignedAt: '2026-01-10', dataResidency: 'us-east-1', retentionDays: 30 } });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json()).toMatchObject({ dpaSignedAt: expect.stringMatching(/^2026-01-/), dataResidency: 'us-east-1', retentionDays: 30 });
    const other = await h.app.inject({ method: 'POST', url: '/api/v1/schools', headers: da, payload: { districtId: h.seed.otherDistrictId, name: 'Not mine' } });
    expect(other.statusCode).toBe(404);
    const p = await h.app.inject({ method: 'PATCH', url: `/api/v1/schools/${c.json().id}`, headers: da, payload: { retentionDays: 60 } });
    expect(p.json().retentionDays).toBe(60);
    const log = await h.pool.query("SELECT action, details FROM audit_log WHERE school_id = $1 AND event_type = 'settings.change' ORDER BY id", [c.json().id]);
    expect(log.rows.map((r) => r.action)).toEqual(['school.create', 'settings.change']);
    expect(log.rows[1].details).toEqual({ fields: ['retentionDays'] });
  });
  it("lets a school admin add a teacher to its school (audited permission grant) but not to another school", async () => {
    const r = await h.app.inject({ method: 'POST', url: `/api/v1/schools/${h.seed.schoolA}/users`, headers: key(h.seed.users.adminA), payload: { email: 'new.teacher@example.org', name: 'New Teacher', role: 'teacher' } });
    expect(r.statusCode, r.body).toBe(201);
    const grant = await h.pool.query("SELECT * FROM audit_log WHERE event_type = 'permission.grant' AND resource_id = $1", [r.json().id]);
    expect(grant.rows[0]).toMatchObject({ user_id: h.seed.users.adminA.id, details: { role: 'teacher' } });
    const dup = await h.app.inject({ method: 'POST', url: `/api/v1/schools/${h.seed.schoolA}/users`, headers: key(h.seed.users.adminA), payload: { email: 'new.teacher@example.org', name: 'Again', role: 'teacher' } });
    expect(dup.statusCode).toBe(409);
    const cross = await h.app.inject({ method: 'POST', url: `/api/v1/schools/${h.seed.schoolB}/users`, headers: key(h.seed.users.adminA), payload: { email: 'x@example.org', name: 'X', role: 'school_admin' } });
    expect(cross.statusCode).toBe(404);
    const elevate = await h.app.inject({ method: 'POST', url: `/api/v1/schools/${h.seed.schoolA}/users`, headers: key(h.seed.users.adminA), payload: { email: 'y@example.org', name: 'Y', role: 'system_admin' } });
    expect(elevate.statusCode).toBe(400);
  });
  it('shows a school its audit log (school and district admins), and refuses teachers and other schools', async () => {
    const id = await newStudent();
    await h.app.inject({ method: 'GET', url: `/api/v1/students/${id}`, headers: { ...key(h.seed.users.teacherA), ...purpose('parent-request'), 'x-request-id': 'req-audit-1' } });
    const mine = await h.app.inject({ method: 'GET', url: `/api/v1/schools/${h.seed.schoolA}/audit-log?requestId=req-audit-1`, headers: key(h.seed.users.adminA) });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().entries).toEqual([expect.objectContaining({ action: 'student.read', resourceId: id, userId: h.seed.users.teacherA.id, role: 'teacher', purpose: 'parent-request', outcome: 'success', requestId: 'req-audit-1', ip: expect.any(String), at: expect.any(String) })]);
    const district = await h.app.inject({ method: 'GET', url: `/api/v1/schools/${h.seed.schoolA}/audit-log?requestId=req-audit-1`, headers: key(h.seed.users.districtAdmin) });
    expect(district.json().entries).toHaveLength(1);
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/schools/${h.seed.schoolA}/audit-log`, headers: key(h.seed.users.teacherA) })).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/schools/${h.seed.schoolA}/audit-log`, headers: key(h.seed.users.adminB) })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/schools/${h.seed.schoolA}/audit-log`, headers: key(h.seed.users.otherDistrictAdmin) })).statusCode).toBe(404);
  });
});

describe('tenant isolation', () => {
  it("hides another school's student (404 like a random id) and files the attempt in the owning school's log", async () => {
    const id = await newStudent({ givenName: 'Isolated' });
    const r = await h.app.inject({ method: 'GET', url: `/api/v1/students/${id}`, headers: { ...key(h.seed.users.teacherB), ...purpose(), 'x-request-id': 'req-cross-1' } });
    expect(r.statusCode).toBe(404);
    expect(r.body).not.toContain('Isolated');
    const random = await h.app.inject({ method: 'GET', url: '/api/v1/students/6f1c7a8e-0000-4000-8000-000000000001', headers: { ...key(h.seed.users.teacherB), ...purpose() } });
    expect(random.statusCode).toBe(404);
    const row = (await h.pool.query("SELECT * FROM audit_log WHERE request_id = 'req-cross-1'")).rows[0];
    expect(row).toMatchObject({ school_id: h.seed.schoolA, user_id: h.seed.users.teacherB.id, outcome: 'denied', action: 'student.read', resource_id: id });
    const list = await h.app.inject({ method: 'GET', url: `/api/v1/schools/${h.seed.schoolA}/students`, headers: { ...key(h.seed.users.adminB), ...purpose() } });
    expect(list.statusCode).toBe(404);
    const da = await h.app.inject({ method: 'GET', url: `/api/v1/students/${id}`, headers: { ...key(h.seed.users.districtAdmin), ...purpose() } });
    expect(da.statusCode).toBe(200);
  });
});

describe('export, disclosures, deletion and purge', () => {
  async function withChildren() {
    const id = await newStudent({ givenName: 'Exported' });
    const a = await h.app.inject({ method: 'POST', url: `/api/v1/students/${id}/assessments`, headers: { ...key(h.seed.users.teacherA), ...purpose() }, payload: { subject: 'math', score: 91, assessedOn: '2026-02-01' } });
    expect(a.statusCode, a.body).toBe(201);
    const d = await h.app.inject({ method: 'POST', url: `/api/v1/students/${id}/disclosures`, headers: { ...key(h.seed.users.adminA), ...purpose('legal-compliance') }, payload: { recipient: 'County Court', legitimateInterest: 'subpoena 2026-17', recordsDisclosed: 'attendance' } });
    expect(d.statusCode, d.body).toBe(201);
    return { id, assessment: a.json().id as string, disclosure: d.json().id as string };
  }
  it('exports every table holding the student, and records the export in the audit log', async () => {
    const s = await withChildren();
    const r = await h.app.inject({ method: 'GET', url: `/api/v1/students/${s.id}/export`, headers: { ...key(h.seed.users.adminA), ...purpose('parent-request') } });
    expect(r.statusCode).toBe(200);
    expect(Object.keys(r.json().tables).sort()).toEqual(['assessments', 'disclosures', 'students']);
    expect(r.json().tables.assessments.map((x: { id: string }) => x.id)).toEqual([s.assessment]);
    expect(r.json().tables.disclosures.map((x: { id: string }) => x.id)).toEqual([s.disclosure]);
    expect(r.json().counts).toEqual({ students: 1, assessments: 1, disclosures: 1 });
    const school = await h.app.inject({ method: 'GET', url: `/api/v1/schools/${h.seed.schoolA}/export`, headers: { ...key(h.seed.users.districtAdmin), ...purpose('district-request') } });
    expect(school.json().tables.students.map((x: { id: string }) => x.id)).toContain(s.id);
    const audited = await h.pool.query("SELECT action FROM audit_log WHERE event_type = 'data.export' AND resource_id = ANY($1)", [[s.id, h.seed.schoolA]]);
    expect(audited.rows.map((x) => x.action).sort()).toEqual(['school.export', 'student.export']);
  });
  it('keeps a per-student disclosure ledger readable by school admins, not teachers', async () => {
    const s = await withChildren();
    const r = await h.app.inject({ method: 'GET', url: `/api/v1/students/${s.id}/disclosures`, headers: { ...key(h.seed.users.adminA), ...purpose('audit') } });
    expect(r.json().disclosures).toEqual([expect.objectContaining({ id: s.disclosure, recipient: 'County Court', legitimateInterest: 'subpoena 2026-17', disclosedAt: expect.any(String), recordedBy: h.seed.users.adminA.id })]);
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/students/${s.id}/disclosures`, headers: { ...key(h.seed.users.teacherA), ...purpose() } })).statusCode).toBe(403);
  });
  it("deletes on the district's request through every table and returns a certificate", async () => {
    const s = await withChildren();
    const r = await h.app.inject({ method: 'POST', url: `/api/v1/districts/${h.seed.districtId}/deletion-requests`, headers: { ...key(h.seed.users.districtAdmin), ...purpose('district-request') }, payload: { reason: 'DPA termination', studentIds: [s.id] } });
    expect(r.statusCode, r.body).toBe(200);
    const cert = r.json();
    expect(cert.counts).toEqual({ students: 1, assessments: 1, disclosures: 1 });
    expect(cert.idsSha256).toBe(idsDigest([s.id, s.assessment, s.disclosure]));
    expect(cert).toMatchObject({ requestedBy: h.seed.users.districtAdmin.id, districtId: h.seed.districtId, reason: 'DPA termination', deletedAt: expect.any(String) });
    for (const [t, col] of [['students', 'id'], ['assessments', 'student_id'], ['disclosures', 'student_id']]) {
      expect((await h.pool.query(`SELECT count(*)::int AS n FROM ${t} WHERE ${col} = $1`, [s.id])).rows[0].n, t).toBe(0);
    }
    expect((await h.pool.query('SELECT ids_sha256 FROM deletion_certificates WHERE id = $1', [cert.certificateId])).rows[0].ids_sha256).toBe(cert.idsSha256);
    const log = await h.pool.query('SELECT action, resource_type FROM audit_log WHERE request_id = $1 ORDER BY id', [r.headers['x-request-id']]);
    expect(log.rows).toEqual([{ action: 'deletion.request', resource_type: 'student' }, { action: 'deletion.request', resource_type: 'deletion-certificate' }]);
    const other = await h.app.inject({ method: 'POST', url: `/api/v1/districts/${h.seed.districtId}/deletion-requests`, headers: { ...key(h.seed.users.otherDistrictAdmin), ...purpose('district-request') }, payload: { reason: 'x', studentIds: [await newStudent()] } });
    expect(other.statusCode).toBe(404);
    const both = await h.app.inject({ method: 'POST', url: `/api/v1/districts/${h.seed.districtId}/deletion-requests`, headers: { ...key(h.seed.users.districtAdmin), ...purpose('district-request') }, payload: { reason: 'x', schoolId: h.seed.schoolB, studentIds: [s.id] } });
    expect(both.statusCode).toBe(400);
    expect(both.json().message).toBe('body must name exactly one of schoolId or studentIds');
  });
  it('deletes a whole school on request: all its students and their rows, nothing of the other school', async () => {
    const inB = await newStudent({}, h.seed.schoolB, h.seed.users.adminB);
    const inA = await newStudent();
    const before = (await h.pool.query('SELECT count(*)::int AS n FROM students WHERE school_id = $1', [h.seed.schoolB])).rows[0].n;
    const r = await h.app.inject({ method: 'POST', url: `/api/v1/districts/${h.seed.districtId}/deletion-requests`, headers: { ...key(h.seed.users.districtAdmin), ...purpose('district-request') }, payload: { reason: 'school closed', schoolId: h.seed.schoolB } });
    expect(r.json().counts.students).toBe(before);
    expect((await h.pool.query('SELECT count(*)::int AS n FROM students WHERE id = $1', [inB])).rows[0].n).toBe(0);
    expect((await h.pool.query('SELECT count(*)::int AS n FROM students WHERE id = $1', [inA])).rows[0].n).toBe(1);
  });
  it('purges students past the retention window (route for system_admin only; function for the job)', async () => {
    const old = await newStudent({ withdrawnAt: '2020-01-01' });
    const recent = await newStudent({ withdrawnAt: new Date(Date.now() - 5 * 86400_000).toISOString().slice(0, 10) });
    const enrolled = await newStudent();
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/admin/retention-purge', headers: { ...key(h.seed.users.districtAdmin), ...purpose('administration') }, payload: {} })).statusCode).toBe(403);
    const future = await h.app.inject({ method: 'POST', url: '/api/v1/admin/retention-purge', headers: { ...key(h.seed.users.systemAdmin), ...purpose('administration') }, payload: { asOf: '2999-01-01' } });
    expect(future.statusCode).toBe(400);
    const r = await h.app.inject({ method: 'POST', url: '/api/v1/admin/retention-purge', headers: { ...key(h.seed.users.systemAdmin), ...purpose('administration') } });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().purgedStudents).toBeGreaterThanOrEqual(1);
    const left = (await h.pool.query('SELECT id FROM students WHERE id = ANY($1)', [[old, recent, enrolled]])).rows.map((x) => x.id);
    expect(left.sort()).toEqual([recent, enrolled].sort());
    const purged = await h.pool.query("SELECT outcome, school_id FROM audit_log WHERE action = 'retention.purge' AND resource_id = $1", [old]);
    expect(purged.rows).toEqual([{ outcome: 'success', school_id: h.seed.schoolA }]);
    // the job: purgeExpired with a later date removes the recently withdrawn one too
    const report = await purgeExpired(h.pool, { asOf: new Date(Date.now() + 400 * 86400_000).toISOString().slice(0, 10), audit: writeAudit, ctx: { ip: 'job', requestId: 'retention-job-test' }, requestedBy: 'system:retention-job' });
    expect(report.certificates.flatMap((c) => c.counts.students)).toContain(1);
    expect((await h.pool.query('SELECT count(*)::int AS n FROM students WHERE id = $1', [recent])).rows[0].n).toBe(0);
    expect((await h.pool.query('SELECT count(*)::int AS n FROM students WHERE id = $1', [enrolled])).rows[0].n).toBe(1);
  });
});

describe('audit in the same transaction as the data', () => {
  it('rolls the data change back when the audit insert fails, and returns no data on a read it could not audit', async () => {
    const id = await newStudent({ gradeLevel: 3 });
    await h.pool.query(`CREATE FUNCTION fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW.outcome = 'success' AND NEW.action IN ('student.update', 'student.create', 'student.read', 'deletion.request') THEN RAISE EXCEPTION 'audit store unavailable'; END IF;
      RETURN NEW; END $$`);
    await h.pool.query('CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION fail_audit()');
    try {
      const students = async () => (await h.pool.query('SELECT count(*)::int AS n FROM students')).rows[0].n as number;
      const n0 = await students();
      const u = await h.app.inject({ method: 'PATCH', url: `/api/v1/students/${id}`, headers: { ...key(h.seed.users.adminA), ...purpose('administration') }, payload: { gradeLevel: 9 } });
      expect(u.statusCode).toBe(500);
      expect((await h.pool.query('SELECT grade_level FROM students WHERE id = $1', [id])).rows[0].grade_level).toBe(3);
      const c = await h.app.inject({ method: 'POST', url: `/api/v1/schools/${h.seed.schoolA}/students`, headers: { ...key(h.seed.users.adminA), ...purpose('administration') }, payload: { studentNumber: 'TX-1', givenName: 'Rolled', familyName: 'Back' } });
      expect(c.statusCode).toBe(500);
      const d = await h.app.inject({ method: 'POST', url: `/api/v1/districts/${h.seed.districtId}/deletion-requests`, headers: { ...key(h.seed.users.districtAdmin), ...purpose('district-request') }, payload: { reason: 'x', studentIds: [id] } });
      expect(d.statusCode).toBe(500);
      expect(await students()).toBe(n0);
      const g = await h.app.inject({ method: 'GET', url: `/api/v1/students/${id}`, headers: { ...key(h.seed.users.adminA), ...purpose() } });
      expect(g.statusCode).toBe(500);
      expect(g.body).not.toContain('Grace');
      expect(g.json().message).toBe('internal error');
    } finally {
      await h.pool.query('DROP TRIGGER fail_audit ON audit_log; DROP FUNCTION fail_audit()');
    }
  });
});

describe('database', () => {
  it('every table referring to a student is in the export/deletion cascade (STUDENT_TABLES)', async () => {
    const refs = await h.pool.query(`
      SELECT DISTINCT tc.table_name FROM information_schema.table_constraints tc
      JOIN information_schema.constraint_column_usage cu ON cu.constraint_name = tc.constraint_name
      WHERE tc.constraint_type = 'FOREIGN KEY' AND cu.table_name = 'students'`);
    const cascade = STUDENT_TABLES.map((t) => t.table);
    for (const r of refs.rows) expect(cascade, `table ${r.table_name} refers to students`).toContain(r.table_name);
    expect(loadSpec().studentTables.sort()).toEqual([...cascade].sort());
  });
  it('the students table holds only the minimal fields (FERPA-USE-02)', async () => {
    const cols = (await h.pool.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'students' ORDER BY column_name")).rows.map((r) => r.column_name);
    expect(cols).toEqual(['birth_date', 'created_at', 'enrolled_at', 'family_name', 'given_name', 'grade_level', 'id', 'school_id', 'student_number', 'updated_at', 'withdrawn_at']);
  });
  it('migrations are recorded and applying them again does nothing', async () => {
    expect(await migrate(h.pool)).toEqual([]);
    expect((await h.pool.query('SELECT name FROM schema_migrations')).rows.map((r) => r.name)).toContain('001_init.sql');
  });
  it('connects over verified TLS when DATABASE_SSL=require with a CA file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frca-'));
    writeFileSync(join(dir, 'ca.pem'), h.server.caPem ?? '');
    const cfg = loadConfig({ DATABASE_URL: h.dbUrl, DATABASE_SSL: 'require', DATABASE_SSL_CA_FILE: join(dir, 'ca.pem') });
    expect(cfg.db.ssl).toMatchObject({ rejectUnauthorized: true });
    const pool = await createPool(cfg.db, 1);
    try {
      expect((await pool.query('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')).rows[0].ssl).toBe(true);
    } finally {
      await pool.end();
    }
  });
});

describe('production entry (server.ts)', () => {
  const serverTs = join(import.meta.dirname, '../../reference-stack/api/src/server.ts');
  const start = (env: Record<string, string>) => spawn(process.execPath, ['--import', 'tsx', serverTs], { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = (p: ChildProcess) => new Promise<{ code: number | null; stderr: string }>((resolve) => {
    let stderr = '';
    p.stderr!.on('data', (d) => (stderr += String(d)));
    p.on('exit', (code) => resolve({ code, stderr }));
  });
  it('refuses to start with a literal secret in the environment: one line, exit 2', async () => {
    const r = await exited(start({ DATABASE_URL: h.dbUrl, PGPASSWORD: 'hunter2' }));
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('reference-api: environment variable PGPASSWORD holds a literal secret; use DATABASE_PASSWORD_FILE (a file path) or DATABASE_URL_SECRET_ARN instead');
  });
  it('applies the migrations to an empty database at start and serves health', async () => {
    const url = await h.server.createDatabase('ferpa_api_start');
    const port = 20000 + Math.floor(Math.random() * 20000);
    const p = start({ DATABASE_URL: url, PORT: String(port) });
    const done = exited(p);
    try {
      let ok = false;
      for (let i = 0; i < 300 && !ok; i++) {
        ok = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then((r) => r.ok, () => false);
        if (!ok) await new Promise((r) => setTimeout(r, 100));
      }
      expect(ok).toBe(true);
      const pool = await createPool({ connectionString: url, ssl: false }, 1);
      try {
        expect((await pool.query('SELECT name FROM schema_migrations')).rows.map((r) => r.name)).toEqual(['001_init.sql']);
      } finally {
        await pool.end();
      }
    } finally {
      p.kill('SIGTERM');
      await done;
    }
  });
});
