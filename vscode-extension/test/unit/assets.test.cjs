const test = require("node:test");
const assert = require("node:assert/strict");
const { existsSync, readFileSync } = require("node:fs");
const path = require("node:path");

const manifest = JSON.parse(readFileSync("package.json", "utf8"));
const normalize = (p) => path.normalize(p);

test("every contributed grammar and schema is copied from a file in the repository", async () => {
  const { assets } = await import("../../scripts/copy-assets.mjs");
  const contributed = [
    ...manifest.contributes.grammars.map((g) => g.path),
    ...manifest.contributes.jsonValidation.map((v) => v.url),
  ];
  for (const file of contributed) {
    const asset = assets.find(([, to]) => normalize(to) === normalize(file));
    assert.ok(asset, `${file} is contributed but not copied by scripts/copy-assets.mjs`);
    assert.ok(existsSync(asset[0]), `${asset[0]} is missing`);
  }
});

test("recipelang.json is validated with the repository's schema", () => {
  const validation = manifest.contributes.jsonValidation.find((v) => v.fileMatch === "recipelang.json");
  assert.equal(validation?.url, "./schemas/recipelang.schema.json");
  const schema = JSON.parse(readFileSync("../schemas/recipelang.schema.json", "utf8"));
  assert.equal(schema.additionalProperties, false);
  assert.ok(schema.properties.equipment.properties.furnaceMaxC.description, "keys have descriptions for hover");
});

test("the grammar tests read the grammar from grammar/, not the packaged copy", () => {
  const config = JSON.parse(readFileSync("test/grammar/grammars.json", "utf8"));
  const tested = path.resolve("test/grammar", config.contributes.grammars[0].path);
  assert.equal(tested, path.resolve("../grammar/recipelang.tmLanguage.json"));
});
