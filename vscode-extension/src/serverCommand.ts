// How to start the recipelang CLI and language server; kept free of the vscode API so it can be unit-tested.
import * as path from "path";

export interface CommandLine {
  command: string;
  args: string[];
}

/** What the extension starts, or why it cannot: no override and no `dotnet` to run the bundled server. */
export type ServerLaunch = { kind: "ok"; line: CommandLine; description: string } | { kind: "noRuntime"; bundled: string };

export interface LaunchEnvironment {
  /** The PATH variable's value. */
  path: string | undefined;
  /** The platform's PATH separator and executable suffix (';' and '.exe' on Windows). */
  delimiter: string;
  executableSuffix: string;
  exists(file: string): boolean;
}

/**
 * The server to start: `recipelang.server.path` when set (an executable, or a recipelang.dll run with
 * `dotnet`); otherwise the server shipped in the extension (server/recipelang.dll, framework-dependent)
 * run by the `dotnet` found on PATH or in DOTNET_ROOT.
 */
export function resolveServer(configuredPath: string | undefined, extensionPath: string, env: LaunchEnvironment, dotnetRoot?: string): ServerLaunch {
  const configured = (configuredPath ?? "").trim();
  if (configured) {
    return { kind: "ok", line: withArgs(configured, []), description: `recipelang.server.path (${configured})` };
  }
  const bundled = path.join(extensionPath, "server", "recipelang.dll");
  const dotnet = findDotnet(env, dotnetRoot);
  if (!dotnet) {
    return { kind: "noRuntime", bundled };
  }
  return { kind: "ok", line: { command: dotnet, args: [bundled] }, description: `bundled server (${dotnet})` };
}

/** The same executable with more arguments: `recipelang lsp`, `dotnet recipelang.dll compile x.recipe`. */
export function withArgs(commandOrDll: string, args: string[]): CommandLine {
  if (commandOrDll.toLowerCase().endsWith(".dll")) {
    return { command: "dotnet", args: [commandOrDll, ...args] };
  }
  return { command: commandOrDll, args };
}

export function extend(line: CommandLine, args: string[]): CommandLine {
  return { command: line.command, args: [...line.args, ...args] };
}

/**
 * The language server's environment: the editor's, with tiered compilation off unless the user set it. The server
 * lives as long as the editor, so its code is compiled optimised once at start instead of quickly first and again in
 * the background while the user types: about a third less CPU per keystroke (docs/benchmarks.md, "LSP latency").
 */
export function serverEnvironment(base: Record<string, string | undefined>): Record<string, string | undefined> {
  return base.DOTNET_TieredCompilation === undefined ? { ...base, DOTNET_TieredCompilation: "0" } : { ...base };
}

/** `dotnet` on PATH, else in DOTNET_ROOT; undefined when neither has it. */
export function findDotnet(env: LaunchEnvironment, dotnetRoot?: string): string | undefined {
  const name = `dotnet${env.executableSuffix}`;
  const folders = (env.path ?? "").split(env.delimiter).filter((f) => f.length > 0);
  if (dotnetRoot) {
    folders.push(dotnetRoot);
  }
  for (const folder of folders) {
    const candidate = path.join(folder, name);
    if (env.exists(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

/** Where the thermal-profile plot of a recipe goes: beside the system's temp files, named after the recipe. */
export function plotPath(tempDirectory: string, recipePath: string): string {
  const base = recipePath.replace(/\\/g, "/").split("/").pop() ?? "recipe";
  const name = base.replace(/\.recipe$/i, "").replace(/[^A-Za-z0-9_.-]/g, "_") || "recipe";
  return `${tempDirectory.replace(/[\\/]+$/, "")}/${name}.thermal.svg`;
}

/**
 * The diagnostic-code link the server puts in codeDescription; the extension's URI handler opens it. The scheme
 * is the editor's own (vscode.env.uriScheme): `vscode`, but `vscode-insiders`, `code-oss` in code-server, or a
 * fork's; a link with another editor's scheme opens a broken editor tab instead of the page.
 */
export function explainUri(uriScheme: string, extensionId: string): string {
  return `${uriScheme}://${extensionId}/explain?code={code}`;
}

/** The code in an explain link's query (`code=RL3001`), or undefined when it is not a diagnostic code. */
export function codeFromQuery(query: string): string | undefined {
  const code = new URLSearchParams(query).get("code")?.toUpperCase();
  return code && /^RL\d{4}$/.test(code) ? code : undefined;
}

/** The workspace tasks: what each runs (after the CLI's own command line) on the folder. */
export const taskKinds = ["check", "lint", "compile"] as const;
export type TaskKind = (typeof taskKinds)[number];

export function taskArgs(kind: TaskKind): string[] {
  switch (kind) {
    case "check":
      return ["check", "."];
    case "lint":
      return ["lint", "."];
    case "compile":
      return ["compile", ".", "--emit", "dll", "-o", "recipes.dll"];
  }
}

/** Settings read by name, so this stays free of the vscode API (a WorkspaceConfiguration fits). */
export interface Settings {
  get<T>(section: string): T | undefined;
}

/** The language server's initialization options from the extension's settings (unset ones are left to the server). */
export function initializationOptions(settings: Settings): { diagnosticsDelayMs?: number; maxDocumentLength?: number; memoryTrimDelayMs?: number } {
  const options: { diagnosticsDelayMs?: number; maxDocumentLength?: number; memoryTrimDelayMs?: number } = {};
  const delay = settings.get<number>("diagnostics.delayMs");
  if (typeof delay === "number" && delay >= 0) {
    options.diagnosticsDelayMs = delay;
  }
  const length = settings.get<number>("maxDocumentLength");
  if (typeof length === "number" && length > 0) {
    options.maxDocumentLength = length;
  }
  const trim = settings.get<number>("memoryTrimDelayMs");
  if (typeof trim === "number" && trim >= 0) {
    options.memoryTrimDelayMs = trim;
  }
  return options;
}
