// Live start-up: how long after a process starts its first HTTP request reaches the endpoint. A local
// server answers every request 501 (the audit then stops at its identity check), so only the start-up
// is measured, not AWS or an emulator.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Milliseconds from spawning `node <args(endpoint)>` to its first request (NaN when none came). */
export async function firstCallMs(args: (endpoint: string) => string[]): Promise<number> {
  let t0 = 0;
  let first: number | undefined;
  const server = createServer((req, res) => {
    first ??= performance.now() - t0;
    req.resume();
    res.writeHead(501, { 'content-type': 'text/plain' });
    res.end('not implemented');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    t0 = performance.now();
    const child = spawn(process.execPath, args(endpoint), {
      stdio: 'ignore',
      env: { ...process.env, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true' },
    });
    await new Promise((ok) => child.on('exit', ok));
  } finally {
    server.close();
  }
  return first ?? NaN;
}
