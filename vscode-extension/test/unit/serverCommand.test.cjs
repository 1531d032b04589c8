const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { resolveServer, withArgs, extend, findDotnet, plotPath, explainUri, codeFromQuery, taskArgs, taskKinds, initializationOptions, serverEnvironment } = require("../../out/test/serverCommand.cjs");

const env = (files, pathValue = "/usr/bin:/opt/dotnet") => ({ path: pathValue, delimiter: ":", executableSuffix: "", exists: (f) => files.includes(f) });
const extension = "/home/u/.vscode/extensions/recipelang";

test("by default the bundled server runs on the dotnet found on PATH", () => {
  const launch = resolveServer(undefined, extension, env(["/opt/dotnet/dotnet"]));
  assert.equal(launch.kind, "ok");
  assert.deepEqual(extend(launch.line, ["lsp"]), { command: "/opt/dotnet/dotnet", args: [path.join(extension, "server", "recipelang.dll"), "lsp"] });
});

test("without dotnet on PATH, DOTNET_ROOT is tried, then the launch says no runtime", () => {
  const fromRoot = resolveServer("  ", extension, env(["/root/.dotnet/dotnet"]), "/root/.dotnet");
  assert.equal(fromRoot.line.command, "/root/.dotnet/dotnet");
  const none = resolveServer("", extension, env([]), "/root/.dotnet");
  assert.deepEqual(none, { kind: "noRuntime", bundled: path.join(extension, "server", "recipelang.dll") });
});

test("recipelang.server.path overrides the bundled server; a dll is started with dotnet", () => {
  assert.deepEqual(resolveServer("/usr/local/bin/recipelang", extension, env([])).line, { command: "/usr/local/bin/recipelang", args: [] });
  assert.deepEqual(resolveServer("/opt/rl/recipelang.dll", extension, env([])).line, { command: "dotnet", args: ["/opt/rl/recipelang.dll"] });
  assert.deepEqual(withArgs("recipelang", ["compile", "a.recipe"]), { command: "recipelang", args: ["compile", "a.recipe"] });
});

test("dotnet.exe is looked for on Windows", () => {
  const windows = { path: "C:\\Windows;C:\\Program Files\\dotnet", delimiter: ";", executableSuffix: ".exe", exists: (f) => f.endsWith(path.join("C:\\Program Files\\dotnet", "dotnet.exe")) };
  assert.ok(findDotnet(windows)?.endsWith("dotnet.exe"));
});

test("codeDescription links go through the extension's URI handler, never a web address", () => {
  assert.equal(explainUri("vscode", "recipelang.recipelang"), "vscode://recipelang.recipelang/explain?code={code}");
  // code-server, Insiders and forks have their own scheme; links with VS Code's would not reach the extension.
  assert.equal(explainUri("code-oss", "recipelang.recipelang"), "code-oss://recipelang.recipelang/explain?code={code}");
  assert.equal(codeFromQuery("code=RL3010"), "RL3010");
  assert.equal(codeFromQuery("code=rl3010"), "RL3010");
  assert.equal(codeFromQuery("code=../../etc/passwd"), undefined);
  assert.equal(codeFromQuery(""), undefined);
});

test("the extension id in the manifest is the one the links name", () => {
  const manifest = require("../../package.json");
  assert.equal(`${manifest.publisher}.${manifest.name}`, "recipelang.recipelang");
});

test("tasks run the CLI on the workspace folder and use the $recipelang problem matcher", () => {
  assert.deepEqual(taskKinds, ["check", "lint", "compile"]);
  assert.deepEqual(taskArgs("check"), ["check", "."]);
  assert.deepEqual(taskArgs("lint"), ["lint", "."]);
  assert.deepEqual(taskArgs("compile").slice(0, 4), ["compile", ".", "--emit", "dll"]);
  const manifest = require("../../package.json");
  assert.deepEqual(manifest.contributes.taskDefinitions[0].properties.command.enum, taskKinds);
  assert.equal(manifest.contributes.problemMatchers[0].name, "recipelang");
});

test("the plot is named after the recipe, in the temp folder", () => {
  assert.equal(plotPath("/tmp/", "/home/lab/ncm 523.recipe"), "/tmp/ncm_523.thermal.svg");
  assert.equal(plotPath("C:\\Temp", "C:\\lab\\card.recipe"), "C:\\Temp/card.thermal.svg");
});

test("settings become the server's initialization options; unset ones are left out", () => {
  const settings = (values) => ({ get: (name) => values[name] });
  assert.deepEqual(initializationOptions(settings({ "diagnostics.delayMs": 0, maxDocumentLength: 1000 })), { diagnosticsDelayMs: 0, maxDocumentLength: 1000 });
  assert.deepEqual(initializationOptions(settings({ memoryTrimDelayMs: 0 })), { memoryTrimDelayMs: 0 });
  assert.deepEqual(initializationOptions(settings({ memoryTrimDelayMs: -5 })), {});
  assert.deepEqual(initializationOptions(settings({})), {});
  assert.deepEqual(initializationOptions(settings({ "diagnostics.delayMs": -1, maxDocumentLength: 0 })), {});
});

test("the server runs with tiered compilation off unless the user chose otherwise", () => {
  assert.deepEqual(serverEnvironment({ PATH: "/usr/bin" }), { PATH: "/usr/bin", DOTNET_TieredCompilation: "0" });
  assert.deepEqual(serverEnvironment({ PATH: "/usr/bin", DOTNET_TieredCompilation: "1" }), { PATH: "/usr/bin", DOTNET_TieredCompilation: "1" });
});
