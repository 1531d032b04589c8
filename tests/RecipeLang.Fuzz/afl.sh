#!/usr/bin/env bash
# Coverage-guided fuzzing with afl-fuzz and SharpFuzz (docs/fuzzing.md): every input afl makes runs through the same
# properties as the generator run, with RecipeLang.Core (lexer, parser, binder, checker, formatter) instrumented.
#
#   nice -n 10 bash tests/RecipeLang.Fuzz/afl.sh [SECONDS]      (default 600; one afl-fuzz, a fresh output folder)
#
# Needs afl-fuzz (Debian: apt-get install afl++) and the sharpfuzz tool of .config/dotnet-tools.json. Works in
# artifacts/afl/ (AFL_WORK overrides): build/ the Release build, instrumented/ its copy with RecipeLang.Core.dll
# instrumented (the normal build output is never touched), seeds/ and recipelang.dict, made anew each run; and one
# run-DATE/ per run: afl's output (crashes/, hangs/, queue/, fuzzer_stats) and failures.txt, every crash and hang
# input replayed on the uninstrumented build. Exits 1 when afl saved a crash or a hang.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-600}
work=${AFL_WORK:-artifacts/afl}
# afl's timeout per input: above the 5 s a slow input may take by the properties' own budget, and above a restarted
# child's start (the runtime, the catalog and the JIT of instrumented code: about 3 s on a loaded machine).
timeout_ms=${AFL_TIMEOUT_MS:-10000}

if ! command -v afl-fuzz >/dev/null; then
  echo "afl-fuzz is not installed (Debian: apt-get install afl++)" >&2
  exit 2
fi
dotnet tool restore >/dev/null

run="$work/run-$(date -u +%Y%m%d-%H%M%S)"
rm -rf "$work/build" "$work/instrumented" "$work/seeds"
mkdir -p "$work/seeds"
dotnet build tests/RecipeLang.Fuzz -c Release -v q --nologo -o "$work/build"
cp -r "$work/build" "$work/instrumented"
dotnet sharpfuzz "$work/instrumented/RecipeLang.Core.dll" >/dev/null

# afl wants small seeds (under ~10 KB): the shipped examples and the small regression files.
find examples tests/RecipeLang.Fuzz/Regressions -name '*.recipe' -size -10k | sort | while read -r file; do
  cp "$file" "$work/seeds/$(echo "$file" | tr / -)"
done

# Tokens afl splices into inputs: the language's keywords and punctuation, unit spellings, and every name in the
# catalog (operations and their aliases, parameters, materials, reagents, atmospheres, defects). afl reads bytes
# outside printable ASCII as \xNN.
token() {
  local LC_ALL=C text=$1 escaped= c i
  for ((i = 0; i < ${#text}; i++)); do
    c=${text:i:1}
    case $c in
      '"' | '\') escaped+="\\$c" ;;
      [[:print:]]) escaped+=$c ;;
      *) printf -v c '\\x%02x' "'$c"; escaped+=$c ;;
    esac
  done
  printf '"%s"\n' "$escaped"
}
{
  for word in recipe for then let use import defects batch expect ratio x3 '{' '}' '(' ')' '=' ',' ':' ';' '#' \
      '-' '*' '+' '/' '·' '"' '°C' C K h min s M wt% mol% C/min bar MPa g kg mA/g V 1e308 -0.8 .5; do
    token "$word"
  done
  grep -ho '"\(name\|aliases\)": *\("[^"]*"\|\[[^]]*\]\)' src/RecipeLang.Core/Catalog/Data/*.json |
    grep -o '"[^"]*"' | grep -v '^"\(name\|aliases\)"$' | tr -d '"' | sort -u | while read -r word; do token "$word"; done
} >"$work/recipelang.dict"

echo "afl-fuzz for $seconds s: $(ls "$work/seeds" | wc -l) seeds, $(wc -l <"$work/recipelang.dict") dictionary tokens, output in $run"
# SharpFuzz's fork server runs in dotnet, which afl cannot see is instrumented; no core files are wanted; the child
# is left to the scheduler on a shared machine.
status=0
AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
  afl-fuzz -i "$work/seeds" -o "$run" -x "$work/recipelang.dict" -V "$seconds" -t "$timeout_ms" -m none \
  -- dotnet "$work/instrumented/RecipeLang.Fuzz.dll" --afl >"$run.log" 2>&1 || status=$?
if [ ! -f "$run/default/fuzzer_stats" ]; then
  tail -n 30 "$run.log" >&2
  exit $((status == 0 ? 1 : status))
fi

field() { sed -n "s/^$1 *: *//p" "$run/default/fuzzer_stats"; }
execs=$(field execs_done)
run_time=$(field run_time)
echo "afl-fuzz $(field afl_version), commit $(git rev-parse --short HEAD), $(date -u +%Y-%m-%d):"
echo "  $execs execs in $run_time s ($(awk -v e="$execs" -v t="$run_time" 'BEGIN { printf "%.0f", (t > 0 ? e / t : 0) }')/s)," \
  "corpus $(field corpus_count) ($(field corpus_found) found), coverage $(field bitmap_cvg), stability $(field stability)," \
  "crashes $(field saved_crashes), hangs $(field saved_hangs)"

shopt -s nullglob
found=("$run"/default/crashes/id:* "$run"/default/hangs/id:*)
if [ ${#found[@]} -gt 0 ]; then
  echo "Crash and hang inputs, replayed without instrumentation (all of it in $run/failures.txt):"
  dotnet "$work/build/RecipeLang.Fuzz.dll" --replay "${found[@]}" >"$run/failures.txt" || true
  grep -v '^    ' "$run/failures.txt" | cut -c1-300
  exit 1
fi
exit "$status"
