import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// scripts/apt-install.sh (run by scripts/setup.sh) against a real fcntl lock, the kind apt and dpkg
// take. apt-get itself is a stand-in that records its arguments and whether the lock had been let go
// when it ran: a real install needs root and the network.
const SCRIPT = join(__dirname, '../../scripts/apt-install.sh');

const HOLD = `
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
fcntl.lockf(fd, fcntl.LOCK_EX)
print('holding', flush=True)
time.sleep(float(sys.argv[2]))
open(sys.argv[3], 'w').write('released')
`;

const holders: ChildProcess[] = [];
afterEach(() => {
  for (const h of holders.splice(0)) if (h.exitCode === null) h.kill();
});

/** A process holding an fcntl lock on `lock` for `seconds`; writes `marker` just before it lets go. */
async function holdLock(lock: string, seconds: number, marker: string): Promise<ChildProcess> {
  const h = spawn('python3', ['-c', HOLD, lock, String(seconds), marker], { stdio: ['ignore', 'pipe', 'inherit'] });
  holders.push(h);
  await new Promise<void>((res, rej) => {
    h.stdout!.on('data', (d: Buffer) => d.toString().includes('holding') && res());
    h.on('exit', (c) => rej(new Error(`lock holder exited early (${c})`)));
  });
  return h;
}

function setup(): { dir: string; lock: string; marker: string; calls: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'fraptlock-'));
  const lock = join(dir, 'lock-frontend');
  const marker = join(dir, 'released');
  const calls = join(dir, 'apt-get.calls');
  writeFileSync(join(dir, 'apt-get'), `#!/bin/sh\necho "$* | lock released: $(test -f '${marker}' && echo yes || echo no)" >> '${calls}'\n`);
  chmodSync(join(dir, 'apt-get'), 0o755);
  return { dir, lock, marker, calls, env: { ...process.env, PATH: `${dir}:${process.env.PATH}`, FERPA_READY_APT_LOCKS: lock, FERPA_READY_APT_LOCK_POLL: '1' } };
}

describe('setup waits for the package manager lock instead of failing', () => {
  it('waits while another process holds the lock, says so, then installs', async () => {
    const s = setup();
    await holdLock(s.lock, 3, s.marker);
    const r = spawnSync('bash', [SCRIPT, 'poppler-utils'], { env: s.env, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`waiting for the package manager's lock: ${s.lock} held by python3 \\(pid \\d+\\) \\(\\d+s of at most 600s\\)`));
    expect(r.stderr).toMatch(/the package manager's lock is free after \d+s/);
    const calls = readFileSync(s.calls, 'utf8').trim().split('\n');
    expect(calls).toHaveLength(2);
    expect(calls[0]).toBe('update -qq | lock released: yes');
    expect(calls[1]).toMatch(/^-o DPkg::Lock::Timeout=\d+ install -y -qq --no-install-recommends poppler-utils \| lock released: yes$/);
  });

  it('gives up after the limit with one line naming the lock and its holder, installing nothing', async () => {
    const s = setup();
    await holdLock(s.lock, 60, s.marker);
    const r = spawnSync('bash', [SCRIPT, 'poppler-utils'], { env: { ...s.env, FERPA_READY_APT_LOCK_WAIT: '2' }, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    const last = r.stderr.trim().split('\n').pop();
    expect(last).toMatch(new RegExp(`^\\[setup\\] gave up after \\d+s waiting for the package manager's lock: ${s.lock} held by python3 \\(pid \\d+\\); let that install finish, then run this again$`));
    expect(existsSync(s.calls)).toBe(false);
  });

  it('goes straight on when nobody holds the lock', () => {
    const s = setup();
    writeFileSync(s.marker, '');
    const r = spawnSync('bash', [SCRIPT, 'chromium'], { env: s.env, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/waiting/);
    expect(readFileSync(s.calls, 'utf8')).toMatch(/install -y -qq --no-install-recommends chromium/);
  });
});
