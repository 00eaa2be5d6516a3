import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, REPO } from './run.js';

/** The CLI with its standard output closed by the reader before anything is written (`... | head -1`). */
function withClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a reader that closes the pipe early', () => {
  it('is not an internal error: the command ends quietly with its own exit status', async () => {
    const help = await withClosedStdout(['report', '--help']);
    expect(help.stderr).not.toMatch(/internal error|EPIPE/);
    expect(help.code).toBe(0);
    const scan = await withClosedStdout(['scan', 'fixtures/aws-s3-versioning-enabled/fail/main.tf', '--verbose']);
    expect(scan.stderr).not.toMatch(/internal error|EPIPE/);
    expect(scan.code).toBe(1); // the fixture's failing findings decide, as they would with the output read
  });
});
