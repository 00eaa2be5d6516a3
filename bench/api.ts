// API bench (child of bench/run.ts, or `node --import tsx bench/api.ts`): the reference API as its own
// process on a real PostgreSQL, 200 concurrent clients for 60 s on loopback (API_BENCH_SECONDS,
// API_BENCH_CLIENTS override), then checks that no audit record was lost: audit rows for the run ==
// successful student-record requests. Last stdout line: JSON figures.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createPool, migrate } from '../reference-stack/api/src/db.js';
import { seed } from '../reference-stack/api/src/seed.js';
import { startPostgres } from '../test/setup/postgres.js';

const SECONDS = Number(process.env.API_BENCH_SECONDS ?? 60);
const CLIENTS = Number(process.env.API_BENCH_CLIENTS ?? 200);

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function main(): Promise<void> {
  const pg = await startPostgres();
  const dbUrl = await pg.createDatabase('ferpa_bench');
  const pool = await createPool({ connectionString: dbUrl, ssl: false }, 4);
  let server: ReturnType<typeof spawn> | undefined;
  try {
    await migrate(pool);
    const s = await seed(pool, 'bench');
    const students: string[] = [];
    for (let i = 0; i < 200; i++) {
      const r = await pool.query<{ id: string }>("INSERT INTO students (school_id, student_number, given_name, family_name) VALUES ($1, $2, 'Bench', 'Student') RETURNING id", [s.schoolA, `B-${i}`]);
      students.push(r.rows[0]!.id);
      await pool.query("INSERT INTO assessments (student_id, school_id, subject, score, assessed_on) VALUES ($1, $2, 'math', 80, '2026-01-01')", [r.rows[0]!.id, s.schoolA]);
    }
    const port = await freePort();
    server = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../reference-stack/api/src/server.ts')], {
      env: { PATH: process.env.PATH, DATABASE_URL: dbUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '20' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      if (i > 300) throw new Error('the API did not start within 30 s');
      if (await fetch(`${base}/api/v1/health`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const key = s.users.teacherA.apiKey;
    const latencies: number[] = [];
    let ok = 0;
    let studentOk = 0;
    let failed = 0;
    let seq = 0;
    const until = performance.now() + SECONDS * 1000;
    const client = async () => {
      while (performance.now() < until) {
        const n = seq++;
        const pick = n % 10;
        const sid = students[n % students.length]!;
        const studentRoute = pick !== 9;
        const url = pick === 9 ? `${base}/api/v1/query` : pick === 8 ? `${base}/api/v1/students/${sid}/assessments` : `${base}/api/v1/students/${sid}`;
        const t0 = performance.now();
        try {
          const r = await fetch(url, {
            method: pick === 9 ? 'POST' : 'GET',
            headers: { 'x-api-key': key, 'x-access-purpose': 'instruction', 'x-request-id': `bench-${n}`, ...(pick === 9 ? { 'content-type': 'application/json' } : {}) },
            body: pick === 9 ? JSON.stringify({ query: `records question ${n % 50}` }) : undefined,
          });
          await r.arrayBuffer();
          latencies.push(performance.now() - t0);
          if (r.ok) {
            ok++;
            if (studentRoute) studentOk++;
          } else failed++;
        } catch {
          failed++;
        }
      }
    };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: CLIENTS }, client));
    const wall = (performance.now() - t0) / 1000;
    const audited = Number(
      (await pool.query<{ n: string }>("SELECT count(*) AS n FROM audit_log WHERE request_id LIKE 'bench-%' AND outcome = 'success' AND action IN ('student.read', 'assessment.list')")).rows[0]!.n,
    );
    latencies.sort((a, b) => a - b);
    const out = { clients: CLIENTS, seconds: wall, requests: latencies.length, ok, failed, rps: latencies.length / wall, p50Ms: pct(latencies, 50), p99Ms: pct(latencies, 99), studentRecordOk: studentOk, auditRows: audited, lostAudit: studentOk - audited };
    console.log(JSON.stringify(out));
  } finally {
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    await pool.end();
    await pg.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
