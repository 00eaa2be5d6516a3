// Student-record operations that span every table holding a student's data: export, cascading
// deletion with a certificate, and the retention purge (FERPA-ACC-03, DEL-01, RET-01).
import type { AuditContext, AuditWriter } from './audit.js';
import { sha256Hex } from './auth.js';
import { withTx, type Client, type Pool } from './db.js';

/** Every table holding student data and the column naming the student; deletion goes child first. */
export const STUDENT_TABLES: Array<{ table: string; studentColumn: string }> = [
  { table: 'students', studentColumn: 'id' },
  { table: 'assessments', studentColumn: 'student_id' },
  { table: 'disclosures', studentColumn: 'student_id' },
];

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
export function camelRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[camel(k)] = v instanceof Date ? v.toISOString() : v;
  return out;
}

/** Every row of every student table for the given students. */
export async function exportStudents(c: Client, studentIds: string[]): Promise<Record<string, Record<string, unknown>[]>> {
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const t of STUDENT_TABLES) {
    const r = await c.query(`SELECT * FROM ${t.table} WHERE ${t.studentColumn} = ANY($1::uuid[]) ORDER BY ${t.table === 'students' ? 'student_number' : 'id'}`, [studentIds]);
    tables[t.table] = r.rows.map(camelRow);
  }
  return tables;
}

export interface DeletionCertificate {
  certificateId: string;
  districtId: string | null;
  requestedBy: string;
  reason: string;
  scope: Record<string, unknown>;
  deletedAt: string;
  counts: Record<string, number>;
  /** SHA-256 (hex) over the deleted row ids, sorted, joined by "\n". */
  idsSha256: string;
  idCount: number;
}

export const idsDigest = (ids: string[]): string => sha256Hex([...ids].sort().join('\n'));

/**
 * Delete the students and every row referring to them (children first), write one audit row per
 * student on the same connection, and store and return a certificate. Run inside a transaction.
 */
export async function deleteStudents(
  c: Client,
  students: Array<{ id: string; schoolId: string; districtId: string }>,
  opts: { audit: AuditWriter; ctx: AuditContext; action: string; requestedBy: string; reason: string; scope: Record<string, unknown>; districtId: string | null; extraTables?: Array<{ table: string; where: string; params: unknown[] }> },
): Promise<DeletionCertificate> {
  const ids = students.map((s) => s.id);
  const counts: Record<string, number> = {};
  const deleted: string[] = [];
  const perStudent = new Map<string, Record<string, number>>();
  for (const t of [...STUDENT_TABLES].reverse()) {
    const r = await c.query<{ id: string; sid: string }>(`DELETE FROM ${t.table} WHERE ${t.studentColumn} = ANY($1::uuid[]) RETURNING id::text AS id, ${t.studentColumn}::text AS sid`, [ids]);
    counts[t.table] = r.rowCount ?? 0;
    for (const row of r.rows) {
      deleted.push(row.id);
      const m = perStudent.get(row.sid) ?? {};
      m[t.table] = (m[t.table] ?? 0) + 1;
      perStudent.set(row.sid, m);
    }
  }
  for (const x of opts.extraTables ?? []) {
    const r = await c.query<{ id: string }>(`DELETE FROM ${x.table} WHERE ${x.where} RETURNING id::text AS id`, x.params);
    counts[x.table] = r.rowCount ?? 0;
    for (const row of r.rows) deleted.push(row.id);
  }
  for (const s of students) {
    await opts.audit(c, opts.ctx, {
      eventType: 'data.deletion', action: opts.action, resourceType: 'student', resourceId: s.id, schoolId: s.schoolId, districtId: s.districtId, outcome: 'success',
      details: { counts: perStudent.get(s.id) ?? {} },
    });
  }
  const deletedAt = new Date().toISOString();
  const idsSha256 = idsDigest(deleted);
  const cert = await c.query<{ id: string }>(
    'INSERT INTO deletion_certificates (district_id, requested_by, reason, scope, counts, ids_sha256, deleted_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
    [opts.districtId, opts.requestedBy, opts.reason, JSON.stringify(opts.scope), JSON.stringify(counts), idsSha256, deletedAt],
  );
  return { certificateId: cert.rows[0]!.id, districtId: opts.districtId, requestedBy: opts.requestedBy, reason: opts.reason, scope: opts.scope, deletedAt, counts, idsSha256, idCount: deleted.length };
}

export interface PurgeReport {
  asOf: string;
  purgedStudents: number;
  certificates: DeletionCertificate[];
}

/**
 * The retention job: delete every student whose withdrawal date plus the school's retention window
 * lies before `asOf`, one transaction (and one certificate) per school.
 */
export async function purgeExpired(pool: Pool, opts: { asOf: string; audit: AuditWriter; ctx: AuditContext; requestedBy: string }): Promise<PurgeReport> {
  const due = await pool.query<{ id: string; school_id: string; district_id: string }>(
    `SELECT st.id, st.school_id, sc.district_id FROM students st JOIN schools sc ON sc.id = st.school_id
     WHERE st.withdrawn_at IS NOT NULL AND st.withdrawn_at + sc.retention_days < $1::date ORDER BY st.school_id`,
    [opts.asOf],
  );
  const bySchool = new Map<string, Array<{ id: string; schoolId: string; districtId: string }>>();
  for (const r of due.rows) {
    const list = bySchool.get(r.school_id) ?? [];
    list.push({ id: r.id, schoolId: r.school_id, districtId: r.district_id });
    bySchool.set(r.school_id, list);
  }
  const certificates: DeletionCertificate[] = [];
  for (const [schoolId, students] of bySchool) {
    certificates.push(
      await withTx(pool, async (c) => {
        // re-check under lock: a student re-enrolled meanwhile is kept
        const still = await c.query<{ id: string }>(
          `SELECT st.id FROM students st JOIN schools sc ON sc.id = st.school_id WHERE st.id = ANY($1::uuid[]) AND st.withdrawn_at + sc.retention_days < $2::date FOR UPDATE OF st`,
          [students.map((s) => s.id), opts.asOf],
        );
        const keep = new Set(still.rows.map((r) => r.id));
        return deleteStudents(c, students.filter((s) => keep.has(s.id)), {
          audit: opts.audit, ctx: opts.ctx, action: 'retention.purge', requestedBy: opts.requestedBy, reason: `retention window passed (as of ${opts.asOf})`,
          scope: { schoolId, retention: true }, districtId: students[0]!.districtId,
        });
      }),
    );
  }
  return { asOf: opts.asOf, purgedStudents: certificates.reduce((n, c) => n + (c.counts.students ?? 0), 0), certificates };
}
