// Runs the extension's tests and ends with one line "N passed, N failed" for CI: each grammar fixture file
// counts as one test (it passes when every scope assertion in it holds), each node:test test as one.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const run = (command, args) => {
  const result = spawnSync(command, args, { encoding: "utf8", shell: false });
  process.stdout.write(result.stdout ?? "");
  process.stderr.write(result.stderr ?? "");
  return result;
};

let passed = 0;
let failed = 0;

for (const fixture of readdirSync("test/grammar").filter((f) => f.endsWith(".recipe"))) {
  const result = run("npx", ["vscode-tmgrammar-test", "--config", "test/grammar/grammars.json", `test/grammar/${fixture}`]);
  if (result.status === 0) passed++;
  else failed++;
}

const unit = run("npm", ["run", "--silent", "test:unit"]);
const count = (name) => Number((unit.stdout.match(new RegExp(`^# ${name} (\\d+)$`, "m")) ?? [])[1] ?? 0);
passed += count("pass");
failed += count("fail");
if (unit.status !== 0 && count("fail") === 0) failed++;

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
