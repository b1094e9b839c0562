#!/usr/bin/env bash
# Installs the VS Code server that ships in the npm package code-server@4.100.3 (VS Code 1.100.3, the newest release
# whose `engines` accepts Node 20) into a cache folder git ignores, so the integration suite can run inside a real
# extension host on machines that cannot download desktop VS Code (our dev machines and CI have no internet except the
# npm registry and Debian apt). Not a package.json dependency: `npm install` stays fast for newcomers.
#
# Idempotent: skips when the marker of a finished install is present. Usage:
#   bash scripts/install-code-server.sh            # installs into .vscode-test/code-server/
#   RNN_LAB_CODE_SERVER_DIR=/some/dir bash scripts/install-code-server.sh
# Needs: ripgrep (/usr/bin/rg), a C/C++ toolchain and libkrb5-dev for the native modules (.ci/run installs them).
set -euo pipefail

CODE_SERVER_VERSION="4.100.3"
# code-server bundles @vscode/ripgrep@1.15.11, whose postinstall downloads ripgrep from GitHub unless this tarball is
# already in its cache folder (os.tmpdir()/vscode-ripgrep-cache-1.15.11/).
RIPGREP_PACKAGE_VERSION="1.15.11"
RIPGREP_TARBALL="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"

project_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
install_dir="${RNN_LAB_CODE_SERVER_DIR:-$project_root/.vscode-test/code-server}"
marker="$install_dir/.installed-$CODE_SERVER_VERSION"
entry="$install_dir/node_modules/code-server/out/node/entry.js"
started=$(date +%s)

log() { echo "[install-code-server] $*"; }

if [[ -f "$marker" && -f "$entry" ]]; then
  log "code-server@$CODE_SERVER_VERSION already installed in $install_dir (skipping)"
  exit 0
fi

if ! command -v rg >/dev/null 2>&1; then
  log "error: ripgrep (rg) is missing. Install it first: apt-get install -y ripgrep" >&2
  exit 1
fi

# Seed @vscode/ripgrep's download cache with the system rg so its postinstall never goes to GitHub.
tmp_root="$(node -p 'require("os").tmpdir()')"
ripgrep_cache="$tmp_root/vscode-ripgrep-cache-$RIPGREP_PACKAGE_VERSION"
if [[ ! -s "$ripgrep_cache/$RIPGREP_TARBALL" ]]; then
  staging="$ripgrep_cache/.staging-$$"
  mkdir -p "$staging"
  cp "$(command -v rg)" "$staging/rg"
  tar -czf "$ripgrep_cache/$RIPGREP_TARBALL.partial" -C "$staging" rg
  mv "$ripgrep_cache/$RIPGREP_TARBALL.partial" "$ripgrep_cache/$RIPGREP_TARBALL"
  rm -rf "$staging"
  log "seeded ripgrep cache $ripgrep_cache/$RIPGREP_TARBALL from $(command -v rg)"
fi

mkdir -p "$install_dir"
# A package.json of its own keeps npm from touching the project's package.json / package-lock.json.
if [[ ! -f "$install_dir/package.json" ]]; then
  printf '{\n  "name": "rnn-lab-code-server-host",\n  "private": true\n}\n' > "$install_dir/package.json"
fi

log "installing code-server@$CODE_SERVER_VERSION into $install_dir (about 2 minutes, ~300 MB, compiles native modules)"
# unsafe_perm: its postinstall must run as root in CI; yes: node-pty's postinstall calls `npx node-gyp` and must not
# prompt (stdin is closed in CI and the machine's npm config says yes=false).
# JOBS: node-gyp compiles each native module on every core.
JOBS="${JOBS:-max}" npm_config_unsafe_perm=true npm_config_yes=true npm_config_update_notifier=false \
  npm install --prefix "$install_dir" --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"

if [[ ! -f "$entry" ]]; then
  log "error: npm finished but $entry is missing; the install is incomplete" >&2
  exit 1
fi
touch "$marker"
log "code-server@$CODE_SERVER_VERSION installed in $(( $(date +%s) - started )) s"
