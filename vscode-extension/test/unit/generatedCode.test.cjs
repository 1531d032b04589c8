const test = require("node:test");
const assert = require("node:assert/strict");
const { lineDirectives, generatedLineFor, generatedPath } = require("../../out/test/generatedCode.cjs");

const code = [
  "namespace RecipeLang.Plans",
  "{",
  "#line 9 \"table1/03.recipe\"",
  "        await context.StepAsync(0, async ct =>",
  "#line 12 \"table1/03.recipe\"",
  "        await context.StepAsync(1, async ct =>",
  "#line default",
  "}",
].join("\n");

test("every #line directive of the compiled C# is found with its recipe line and file", () => {
  assert.deepEqual(lineDirectives(code).map((d) => [d.generatedLine, d.recipeLine, d.file]), [
    [2, 9, "table1/03.recipe"],
    [4, 12, "table1/03.recipe"],
  ]);
  assert.deepEqual(lineDirectives("#line default\n#line hidden\n"), []);
});

test("the cursor on a recipe line reveals that step's code, or the step above a comment line", () => {
  const directives = lineDirectives(code);
  assert.equal(generatedLineFor(directives, 8), 2, "recipe line 9 (0-based 8)");
  assert.equal(generatedLineFor(directives, 10), 2, "line 11 sits in the step of line 9");
  assert.equal(generatedLineFor(directives, 11), 4);
  assert.equal(generatedLineFor(directives, 0), undefined, "above the first step");
});

test("the generated C# is named after the recipe, in its folder", () => {
  assert.equal(generatedPath("/home/lab/ncm523.recipe"), "/home/lab/ncm523.cs");
  assert.equal(generatedPath("/c:/lab/Card.RECIPE"), "/c:/lab/Card.cs");
});
