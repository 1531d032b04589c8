// How to start the recipelang CLI from a configured path; kept free of the vscode API so it can be unit-tested.

export interface CommandLine {
  command: string;
  args: string[];
}

/** `recipelang` on PATH, an executable path, or a recipelang.dll to run with `dotnet`. */
export function serverCommand(configuredPath: string | undefined, args: string[]): CommandLine {
  const path = (configuredPath ?? "").trim() || "recipelang";
  if (path.toLowerCase().endsWith(".dll")) {
    return { command: "dotnet", args: [path, ...args] };
  }
  return { command: path, args };
}

/** Where the thermal-profile plot of a recipe goes: beside the system's temp files, named after the recipe. */
export function plotPath(tempDirectory: string, recipePath: string): string {
  const base = recipePath.replace(/\\/g, "/").split("/").pop() ?? "recipe";
  const name = base.replace(/\.recipe$/i, "").replace(/[^A-Za-z0-9_.-]/g, "_") || "recipe";
  return `${tempDirectory.replace(/[\\/]+$/, "")}/${name}.thermal.svg`;
}

/** Settings read by name, so this stays free of the vscode API (a WorkspaceConfiguration fits). */
export interface Settings {
  get<T>(section: string): T | undefined;
}

/** The language server's initialization options from the extension's settings (unset ones are left to the server). */
export function initializationOptions(settings: Settings): { diagnosticsDelayMs?: number; maxDocumentLength?: number } {
  const options: { diagnosticsDelayMs?: number; maxDocumentLength?: number } = {};
  const delay = settings.get<number>("diagnostics.delayMs");
  if (typeof delay === "number" && delay >= 0) {
    options.diagnosticsDelayMs = delay;
  }
  const length = settings.get<number>("maxDocumentLength");
  if (typeof length === "number" && length > 0) {
    options.maxDocumentLength = length;
  }
  return options;
}
