#!/usr/bin/env bash
# The main job on the shipped examples: check every recipe, compile the Table 1 library into one plan
# assembly, and dry-run the card's one-liner on the simulated plant (progress, summary, thermal profile).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/RecipeLang.Cli -c Release -v q --nologo
recipelang() { dotnet src/RecipeLang.Cli/bin/Release/net10.0/recipelang.dll "$@"; }
mkdir -p artifacts
recipelang check examples/card.recipe examples/table1 examples/library examples/*.recipe
recipelang compile examples/table1 --emit dll -o artifacts/plans.dll
recipelang run examples/card.recipe --simulate --plot artifacts/card.thermal.svg
