// The grammar and the config schema live in the repository (grammar/, schemas/); the packaged extension
// needs its own copies. The tests read the originals, so they never depend on this step.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

export const assets = [
  ["../grammar/recipelang.tmLanguage.json", "syntaxes/recipelang.tmLanguage.json"],
  ["../schemas/recipelang.schema.json", "schemas/recipelang.schema.json"],
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [from, to] of assets) {
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
  }
}
