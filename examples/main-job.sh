#!/usr/bin/env bash
# The main job on the shipped examples: check every recipe, compile the Table 1 library into one plan
# assembly, dry-run the card's one-liner on the simulated plant (progress, summary, thermal profile), then run
# a Table 1 recipe over MQTT against simulated units behind an embedded broker on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
# The build's own output only when it fails, so the job's output starts with the recipes.
echo "Building the CLI (Release)..."
if ! build=$(dotnet build src/RecipeLang.Cli -c Release -v q --nologo 2>&1); then
  echo "$build"
  exit 1
fi
recipelang() { dotnet src/RecipeLang.Cli/bin/Release/net10.0/recipelang.dll "$@"; }
mkdir -p artifacts
recipelang check examples/card.recipe examples/table1 examples/library examples/*.recipe
recipelang compile examples/table1 --emit dll -o artifacts/plans.dll
recipelang run examples/card.recipe --simulate --plot artifacts/card.thermal.svg

# Over MQTT: one line of simulated units (furnace-1, autoclave-1, cell-1, mixer-1, dryer-1) at 7200x plant time.
port=${RECIPELANG_MQTT_PORT:-18830}
# exec, so that $! is the simulator itself and the trap stops it.
(exec dotnet src/RecipeLang.Cli/bin/Release/net10.0/recipelang.dll plant simulate --port "$port" --units 1 --speed 7200 --for 300 > artifacts/plant.log) &
plant=$!
trap 'kill "$plant" 2>/dev/null || true' EXIT
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
rm -f artifacts/mqtt-run.jsonl
recipelang run examples/table1/03-ncm523-hydrothermal-lioh-220c.recipe --broker "mqtt://127.0.0.1:$port" \
  --journal artifacts/mqtt-run.jsonl --plot artifacts/mqtt.thermal.png
