// Production entry: `node --import tsx reference-stack/api/src/server.ts`.
// Configuration from the environment (see config.ts and ../README.md): no literal secrets.
import { ConfigError } from './errors.js';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { createPool, migrate } from './db.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const pool = await createPool(config.db, Number(process.env.DATABASE_POOL_SIZE ?? 20));
  const applied = await migrate(pool);
  const app = await buildApp({ pool, config, logger: process.env.LOG_LEVEL ?? 'info' });
  if (applied.length) app.log.info({ applied }, 'migrations applied');
  await app.listen({ port: config.port, host: config.host });
  const stop = async () => {
    await app.close();
    await pool.end();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e) => {
  if (e instanceof ConfigError) {
    console.error(`reference-api: ${e.message}`);
    process.exit(2);
  }
  console.error(e);
  process.exit(1);
});
