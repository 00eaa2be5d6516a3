// Test-only: deliberately broken variants of the reference API, each a realistic mistake, built by
// overriding its dependencies (or, where the mistake is in a response, by a hook on that response).
// Nothing in reference-stack/api (server.ts, config.ts) can select these. The failing fixture of each
// application check (fixtures/<app-check>/fail/api.yaml) names the breakage the suite must catch.
import type { FastifyInstance } from 'fastify';
import { defaultScope, type AppOverrides } from '../../../reference-stack/api/src/app.js';
import { writeAudit, type AuditEntry, type AuditWriter } from '../../../reference-stack/api/src/audit.js';
import { exportStudents } from '../../../reference-stack/api/src/records.js';

export interface Breakage {
  /** The mistake, as a reviewer would describe it. */
  what: string;
  overrides?: AppOverrides;
  /** Changes to the built app before it listens (hooks). */
  prepare?: (app: FastifyInstance) => void;
}

/** An audit writer that drops the entries `skip` selects and writes the rest as the reference does. */
const auditExcept = (skip: (e: AuditEntry) => boolean): AuditWriter => async (db, ctx, e) => (skip(e) ? undefined : writeAudit(db, ctx, e));

export const BREAKAGES = {
  'skip-audit-on-student-read': {
    what: 'a successful read of one student writes no audit row',
    overrides: { audit: auditExcept((e) => e.action === 'student.read' && e.outcome === 'success') },
  },
  'refusals-not-audited': {
    what: 'only successful requests are audited; refused ones leave no trace',
    overrides: { audit: auditExcept((e) => e.outcome !== 'success') },
  },
  'student-name-in-audit-details': {
    what: "audit rows about a student carry the student's name and number, for readability",
    overrides: {
      audit: async (db, ctx, e) => {
        if (e.resourceType !== 'student' || !e.resourceId || e.outcome !== 'success') return writeAudit(db, ctx, e);
        const r = (await db.query('SELECT given_name, student_number FROM students WHERE id = $1', [e.resourceId])) as { rows: Array<{ given_name: string; student_number: string }> };
        const row = r.rows[0];
        return writeAudit(db, ctx, row ? { ...e, details: { ...e.details, student: `${row.given_name} (${row.student_number})` } } : e);
      },
    },
  },
  'role-check-removed-on-school-export': {
    what: 'teachers may export the whole school',
    overrides: { roles: { exportSchool: ['teacher', 'school_admin', 'district_admin', 'system_admin'] } },
  },
  'cross-school-read': {
    what: "the student read skips the tenancy check: any school's student can be read by id",
    overrides: { scope: { school: (p, s, op) => op.action === 'student.read' || defaultScope.school(p, s, op) } },
  },
  'export-without-disclosures': {
    what: 'the export was written before the disclosures table and never learned about it',
    overrides: {
      records: {
        exportStudents: async (c, ids) => {
          const { disclosures: _left, ...tables } = await exportStudents(c, ids);
          return tables;
        },
      },
    },
  },
  'deletion-not-audited-per-student': {
    what: 'deleting a student writes no audit row for the student (only district deletion requests are audited, by certificate)',
    overrides: { audit: auditExcept((e) => e.eventType === 'data.deletion' && e.resourceType === 'student') },
  },
  'purge-dry-run': {
    what: 'the retention purge was left in dry-run mode: it answers but deletes nothing',
    overrides: { records: { purgeExpired: async (_pool, o) => ({ asOf: o.asOf, purgedStudents: 0, certificates: [] }) } },
  },
  'ledger-without-interest': {
    what: "the disclosure ledger's response leaves out the legitimate interest",
    prepare: (app) => {
      app.addHook('onSend', async (req, _reply, payload) => {
        if (req.op?.operationId !== 'listDisclosures' || typeof payload !== 'string') return payload;
        const body = JSON.parse(payload) as { disclosures?: Array<Record<string, unknown>> };
        for (const d of body.disclosures ?? []) delete d.legitimateInterest;
        return JSON.stringify(body);
      });
    },
  },
} satisfies Record<string, Breakage>;

export type BreakageName = keyof typeof BREAKAGES;

export function isBreakage(name: string): name is BreakageName {
  return Object.hasOwn(BREAKAGES, name);
}
