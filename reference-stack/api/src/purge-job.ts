// The scheduled retention job (e.g. a daily ECS task): `node --import tsx reference-stack/api/src/purge-job.ts`.
// Same configuration as the server; prints the purge report (ids and counts only) as JSON.
import { ConfigError } from './errors.js';
import { writeAudit } from './audit.js';
import { loadConfig } from './config.js';
import { createPool, migrate } from './db.js';
import { purgeExpired } from './records.js';

async function main(): Promise<void> {
  const pool = await createPool(loadConfig().db, 2);
  try {
    await migrate(pool);
    const asOf = new Date().toISOString().slice(0, 10);
    const report = await purgeExpired(pool, { asOf, audit: writeAudit, ctx: { ip: 'internal', requestId: `retention-job-${Date.now()}`, purpose: 'legal-compliance' }, requestedBy: 'system:retention-job' });
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    await pool.end();
  }
}

main().catch((e) => {
  console.error(`retention-job: ${e instanceof ConfigError ? e.message : (e as Error).stack}`);
  process.exit(e instanceof ConfigError ? 2 : 1);
});
