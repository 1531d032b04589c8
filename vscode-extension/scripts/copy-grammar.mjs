// The grammar lives in the repository's grammar/ folder; the packaged extension needs its own copy.
import { copyFileSync, mkdirSync } from "node:fs";
mkdirSync("syntaxes", { recursive: true });
copyFileSync("../grammar/recipelang.tmLanguage.json", "syntaxes/recipelang.tmLanguage.json");
