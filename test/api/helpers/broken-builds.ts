// Test-only: deliberately broken variants of the reference API, built by overriding its dependencies.
// Nothing in reference-stack/api (server.ts, config.ts) can select these; the conformance suite must
// catch each of them.
import { defaultScope, type AppOverrides } from '../../../reference-stack/api/src/app.js';
import { writeAudit } from '../../../reference-stack/api/src/audit.js';

export type Breakage = 'skip-audit-on-student-read' | 'role-check-removed-on-school-export' | 'cross-school-read';

export function brokenOverrides(b: Breakage): AppOverrides {
  switch (b) {
    case 'skip-audit-on-student-read':
      return { audit: async (db, ctx, e) => (e.action === 'student.read' && e.outcome === 'success' ? undefined : writeAudit(db, ctx, e)) };
    case 'role-check-removed-on-school-export':
      return { roles: { exportSchool: ['teacher', 'school_admin', 'district_admin', 'system_admin'] } };
    case 'cross-school-read':
      return { scope: { school: (p, s, op) => op.action === 'student.read' || defaultScope.school(p, s, op) } };
  }
}
