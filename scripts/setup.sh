#!/usr/bin/env bash
# Installs everything the tests need on a fresh machine: npm packages, the AWS emulator (moto),
# PostgreSQL and Chromium. Idempotent: each step is skipped when its part is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[setup] %s\n' "$*" >&2; }

if [ ! -d node_modules ] || ! npm ls --depth=0 >/dev/null 2>&1; then
  log "npm ci"
  npm ci --no-audit --no-fund >&2
fi

if ! command -v moto_server >/dev/null 2>&1 && ! python3 -c 'import moto.server' >/dev/null 2>&1; then
  log "installing moto[server]"
  python3 -m pip install --quiet "moto[server]>=5,<6" >&2
fi

apt_missing=()
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then apt_missing+=(postgresql); fi
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then apt_missing+=(chromium); fi
if ! command -v pdftotext >/dev/null 2>&1; then apt_missing+=(poppler-utils); fi
if [ ${#apt_missing[@]} -gt 0 ]; then
  log "apt-get install ${apt_missing[*]}"
  # waits (at most 10 minutes) while another install holds the package manager's lock
  bash scripts/apt-install.sh "${apt_missing[@]}"
fi
# the CLI runs from dist/ when it is current (bin/compiled.js); compiling takes well under a second
log "compiling the CLI to dist/"
node scripts/build.mjs
log "ready"
