// A real PostgreSQL for tests. With DATABASE_URL set, databases are created on that server; otherwise
// Debian's PostgreSQL binaries start a throw-away cluster on a free loopback port (as the `postgres`
// user when running as root), with TLS on (self-signed certificate for 127.0.0.1), removed by stop().
// No skip: if PostgreSQL cannot start, startPostgres() throws saying why.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PgServer {
  /** Connection URL of the server's `postgres` database (admin). */
  adminUrl: string;
  /** PEM of the server certificate (self-started clusters only), to verify TLS. */
  caPem?: string;
  /** Create an empty database and return its URL. */
  createDatabase(prefix?: string): Promise<string>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (!versions.length) throw new Error('PostgreSQL is not available: set DATABASE_URL or install Debian postgresql (no /usr/lib/postgresql/*/bin/initdb)');
  return join(root, versions[0]!, 'bin');
}

export async function startPostgres(): Promise<PgServer> {
  const created: string[] = [];
  const make = (adminUrl: string, stopServer: () => Promise<void>, caPem?: string): PgServer => ({
    adminUrl,
    caPem,
    async createDatabase(prefix = 'ferpa_api') {
      const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE ${name}`);
      } finally {
        await c.end();
      }
      created.push(name);
      const u = new URL(adminUrl);
      u.pathname = `/${name}`;
      return u.toString();
    },
    async stop() {
      if (process.env.DATABASE_URL) {
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        for (const n of created) await c.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`).catch(() => undefined);
        await c.end();
      }
      await stopServer();
    },
  });

  if (process.env.DATABASE_URL) return make(process.env.DATABASE_URL, async () => undefined);

  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'frpg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const run = (cmd: string, args: string[]) => {
    const full = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] as const : [join(bin, cmd), args] as const;
    const r = spawnSync(full[0], full[1] as string[], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) {
      const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8').slice(-800) : '';
      throw new Error(`PostgreSQL could not start: ${cmd} exited ${r.status}: ${(r.stderr || r.stdout || String(r.error)).trim().slice(0, 800)} ${log}`);
    }
  };
  const asPg = (cmd: string, args: string[]) => {
    const r = asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`PostgreSQL could not start: ${cmd} failed: ${r.stderr}`);
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']);
  // TLS with a self-signed certificate for 127.0.0.1 so DATABASE_SSL=require can be exercised.
  asPg('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', join(dir, 'server.key'), '-out', join(dir, 'server.crt')]);
  const port = await freePort();
  const opts = [
    `-p ${port}`, `-k ${dir}`, "-c listen_addresses=127.0.0.1", '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off', '-c max_connections=300',
    '-c ssl=on', `-c ssl_cert_file=${join(dir, 'server.crt')}`, `-c ssl_key_file=${join(dir, 'server.key')}`,
  ].join(' ');
  run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', opts, '-w', '-t', '60', 'start']);
  const caPem = readFileSync(join(dir, 'server.crt'), 'utf8');
  return make(`postgresql://postgres@127.0.0.1:${port}/postgres`, async () => {
    spawnSync(asRoot ? 'runuser' : join(bin, 'pg_ctl'), asRoot ? ['-u', 'postgres', '--', join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop'] : ['-D', data, '-m', 'immediate', '-w', 'stop'], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
  }, caPem);
}
