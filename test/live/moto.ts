import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * moto's server on a free loopback port, started and stopped by the tests that need it. A missing
 * emulator is a failure with a message saying how to install it, never a skipped test.
 */
export interface Moto {
  endpoint: string;
  port: number;
  /** Forget every seeded resource. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function command(): [string, string[]] {
  const onPath = spawnSync('moto_server', ['--help'], { stdio: 'ignore' });
  if (!onPath.error && onPath.status === 0) return ['moto_server', []];
  const asModule = spawnSync('python3', ['-c', 'import moto.server'], { stdio: 'ignore' });
  if (!asModule.error && asModule.status === 0) return ['python3', ['-m', 'moto.server']];
  throw new Error('moto server not found: neither `moto_server` on PATH nor `python3 -m moto.server` works. Install it with: pip install "moto[server]"');
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    const res = await fetch(`${endpoint}/moto-api/data.json`, { signal: AbortSignal.timeout(1000) });
    return res.ok;
  } catch {
    return false;
  }
}

export async function startMoto(): Promise<Moto> {
  const [cmd, pre] = command();
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(cmd, [...pre, '-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, MOTO_ALLOW_NONEXISTENT_REGION: 'false' },
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  // Bounded wait: 60 tries, 250 ms apart.
  for (let i = 0; i < 120 && !exited; i++) {
    if (await answers(endpoint)) {
      return {
        endpoint,
        port,
        reset: async () => {
          const res = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
          if (!res.ok) throw new Error(`moto reset failed: HTTP ${res.status}`);
        },
        stop: () =>
          new Promise<void>((resolve) => {
            if (exited) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => {
              if (!exited) child.kill('SIGKILL');
            }, 3000).unref();
          }),
      };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`moto server did not answer on ${endpoint}${exited ? ' (it exited)' : ''}: ${stderr.split('\n').slice(-5).join(' | ')}`);
}

/** Credentials and region for the SDK against moto (fake, never real). */
export function motoEnv(): void {
  process.env.AWS_ACCESS_KEY_ID = 'testing';
  process.env.AWS_SECRET_ACCESS_KEY = 'testing';
  process.env.AWS_SESSION_TOKEN = 'testing';
  process.env.AWS_REGION = 'us-east-1';
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_ENDPOINT_URL;
}
