// The compiled C# view: each step of a plan carries a `#line N "recipe"` directive (Roslyn's source mapping), so the
// view can link back to the recipe and follow the cursor there. Pure functions, tested without VS Code.

/** One `#line N "file"` directive of the generated code; lines are 0-based, `recipeLine` as written (1-based). */
export interface LineDirective {
  generatedLine: number;
  recipeLine: number;
  file: string;
  /** Where the directive's file name and line number sit on its line, for a link. */
  start: number;
  end: number;
}

const directive = /^(\s*)#line\s+(\d+)\s+"([^"]*)"/;

export function lineDirectives(code: string): LineDirective[] {
  const found: LineDirective[] = [];
  code.split(/\r?\n/).forEach((text, generatedLine) => {
    const match = directive.exec(text);
    if (match) {
      found.push({ generatedLine, recipeLine: Number(match[2]), file: match[3], start: match[1].length, end: match[0].length });
    }
  });
  return found;
}

/**
 * The generated line to reveal for a 0-based recipe line: the first directive of that recipe line, else of the
 * nearest recipe line before it (a comment or a blank line sits in the step above), else undefined.
 */
export function generatedLineFor(directives: LineDirective[], recipeLine: number): number | undefined {
  const wanted = recipeLine + 1;
  let best: LineDirective | undefined;
  for (const d of directives) {
    if (d.recipeLine <= wanted && (!best || d.recipeLine > best.recipeLine)) {
      best = d;
    }
  }
  return best?.generatedLine;
}

/** The path of a recipe's generated C# (a read-only virtual document beside the recipe): the recipe's, ending in .cs. */
export function generatedPath(recipePath: string): string {
  return recipePath.replace(/\.recipe$/i, "") + ".cs";
}
