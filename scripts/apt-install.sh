#!/usr/bin/env bash
# Installs Debian packages for the test setup (scripts/setup.sh), waiting (bounded) while another
# process holds the package manager's locks (unattended-upgrades, another install) instead of failing
# at once. apt-get waits by itself only for dpkg's lock (DPkg::Lock::Timeout), not for the package
# lists or the download cache, so the wait is done here first.
# Usage: apt-install.sh <package>...   Env: FERPA_READY_APT_LOCK_WAIT (seconds, default 600).
set -euo pipefail

log() { printf '[setup] %s\n' "$*" >&2; }

limit=${FERPA_READY_APT_LOCK_WAIT:-600}
poll=${FERPA_READY_APT_LOCK_POLL:-5}
# The locks apt and dpkg take (fcntl locks); overridable so the test can hold one of its own.
read -r -a locks <<<"${FERPA_READY_APT_LOCKS:-/var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock /var/cache/apt/archives/lock}"

# Prints "<lock> held by <command> (pid N)" for the first lock another process holds; nothing when all are free.
lock_holder() {
  command -v python3 >/dev/null 2>&1 || return 0
  python3 - "${locks[@]}" <<'PY'
import fcntl, os, sys
for path in sys.argv[1:]:
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        continue  # absent, or not ours to open: apt-get itself will say so
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        ino = os.fstat(fd).st_ino
        who = 'another process'
        try:
            for line in open('/proc/locks'):
                f = line.split()
                if f[1] == 'POSIX' and f[5].rsplit(':', 1)[-1] == str(ino):
                    pid = f[4]
                    who = f"{open(f'/proc/{pid}/comm').read().strip()} (pid {pid})"
                    break
        except OSError:
            pass
        print(f'{path} held by {who}')
        break
    finally:
        os.close(fd)
PY
}

# Waits until no lock is held, at most $limit seconds in all; fails with one clear line after that.
t0=$SECONDS
wait_for_locks() {
  local holder waited held=0 next_note=0
  while holder=$(lock_holder) && [ -n "$holder" ]; do
    held=1
    waited=$((SECONDS - t0))
    if [ "$waited" -ge "$limit" ]; then
      log "gave up after ${waited}s waiting for the package manager's lock: $holder; let that install finish, then run this again"
      exit 1
    fi
    if [ "$waited" -ge "$next_note" ]; then
      log "waiting for the package manager's lock: $holder (${waited}s of at most ${limit}s)"
      next_note=$((waited + 30))
    fi
    sleep $((limit - waited < poll ? limit - waited : poll))
  done
  if [ "$held" = 1 ]; then log "the package manager's lock is free after $((SECONDS - t0))s"; fi
}

export DEBIAN_FRONTEND=noninteractive
wait_for_locks
apt-get update -qq >&2
wait_for_locks
left=$((limit - (SECONDS - t0)))
apt-get -o "DPkg::Lock::Timeout=$((left > 0 ? left : 1))" install -y -qq --no-install-recommends "$@" >&2
