const test = require("node:test");
const assert = require("node:assert/strict");
const { serverCommand, plotPath, initializationOptions } = require("../../out/test/serverCommand.cjs");

test("recipelang on PATH by default", () => {
  assert.deepEqual(serverCommand(undefined, ["lsp"]), { command: "recipelang", args: ["lsp"] });
  assert.deepEqual(serverCommand("  ", ["lsp"]), { command: "recipelang", args: ["lsp"] });
});

test("a dll is started with dotnet", () => {
  assert.deepEqual(serverCommand("/opt/recipelang/recipelang.dll", ["lsp"]), { command: "dotnet", args: ["/opt/recipelang/recipelang.dll", "lsp"] });
});

test("an executable path is used as it is", () => {
  assert.deepEqual(serverCommand("/usr/local/bin/recipelang", ["compile", "a.recipe"]), { command: "/usr/local/bin/recipelang", args: ["compile", "a.recipe"] });
});

test("the plot is named after the recipe, in the temp folder", () => {
  assert.equal(plotPath("/tmp/", "/home/lab/ncm 523.recipe"), "/tmp/ncm_523.thermal.svg");
  assert.equal(plotPath("C:\\Temp", "C:\\lab\\card.recipe"), "C:\\Temp/card.thermal.svg");
});

test("settings become the server's initialization options; unset ones are left out", () => {
  const settings = (values) => ({ get: (name) => values[name] });
  assert.deepEqual(initializationOptions(settings({ "diagnostics.delayMs": 0, maxDocumentLength: 1000 })), { diagnosticsDelayMs: 0, maxDocumentLength: 1000 });
  assert.deepEqual(initializationOptions(settings({})), {});
  assert.deepEqual(initializationOptions(settings({ "diagnostics.delayMs": -1, maxDocumentLength: 0 })), {});
});
