#!/usr/bin/env bash
# Measures every performance target of issue 12 beside its baseline, in one run on this machine, and rewrites the
# targets table in docs/benchmarks.md (docs/benchmarks.md explains the rows).
#   bash bench/run.sh                 quick preset (under 5 minutes on 2 cores)
#   bash bench/run.sh --full          more runs per figure
#   bash bench/run.sh --before REF    also time the tool as built from git REF (e.g. main), interleaved with this one
set -euo pipefail
cd "$(dirname "$0")/.."
work=bench/.work
mkdir -p "$work"
args=()
before_ref=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --before) before_ref="$2"; shift 2 ;;
    --full) args+=(--full); shift ;;
    *) echo "usage: bash bench/run.sh [--full] [--before GIT-REF]" >&2; exit 2 ;;
  esac
done
# The tool as its release package for this machine holds it (`dotnet pack -p:PlatformToolPackages=true`: ReadyToRun
# for the platform, framework-dependent); the before build is published as that commit's `dotnet pack` did.
rid=$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')
echo "Building (Release): the tool as its $rid release package holds it, the two baselines, the bench harness"
dotnet publish src/RecipeLang.Cli -c Release -v q --nologo -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$work/cli" >/dev/null
dotnet build bench/Hello -c Release -v q --nologo -o "$work/hello" >/dev/null
dotnet build bench/JsonRead -c Release -v q --nologo -o "$work/json-read" >/dev/null
dotnet build bench/RecipeLang.Bench -c Release -v q --nologo >/dev/null
if [[ -n "$before_ref" ]]; then
  commit=$(git rev-parse --verify "$before_ref^{commit}")
  if [[ "$(cat "$work/before-cli/.commit" 2>/dev/null)" != "$commit" ]]; then
    echo "Building the tool at $before_ref ($commit)"
    rm -rf "$work/before-src" "$work/before-cli"
    mkdir -p "$work/before-src"
    git archive "$commit" | tar -x -C "$work/before-src"
    dotnet publish "$work/before-src/src/RecipeLang.Cli" -c Release -v q --nologo -o "$work/before-cli" >/dev/null
    echo "$commit" > "$work/before-cli/.commit"
  fi
  args+=(--before "$PWD/$work/before-cli/recipelang.dll" --before-name "$before_ref (${commit:0:7})")
fi
# No command server unless a row asks for one, and the bench's own socket folder, away from the user's servers.
export RECIPELANG_SERVER=off XDG_RUNTIME_DIR="$PWD/$work/runtime"
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
# run --simulate keeps compiled plans in a cache; the bench uses its own, emptied, so its first run compiles.
export RECIPELANG_CACHE="$PWD/$work/plan-cache"
rm -rf "$RECIPELANG_CACHE"
dotnet bench/RecipeLang.Bench/bin/Release/net10.0/RecipeLang.Bench.dll targets "${args[@]}" \
  --cli "$PWD/$work/cli/recipelang.dll" --hello "$PWD/$work/hello/Hello.dll" --json-read "$PWD/$work/json-read/JsonRead.dll" \
  --work "$PWD/$work" --docs "$PWD/docs/benchmarks.md"
