import * as os from "os";
import * as fs from "fs";
import { execFile } from "child_process";
import * as path from "path";
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, State } from "vscode-languageclient/node";
import { LineDirective, generatedLineFor, generatedPath, lineDirectives } from "./generatedCode";
import { CommandLine, ServerLaunch, codeFromQuery, explainUri, extend, initializationOptions, plotPath, resolveServer, serverEnvironment, taskArgs, taskKinds, TaskKind } from "./serverCommand";

const docsScheme = "recipelang-docs";
const generatedScheme = "recipelang-generated";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let status: vscode.StatusBarItem;
let launch: ServerLaunch | undefined;
let generated: GeneratedCode;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("RecipeLang");
  status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 0);
  status.name = "RecipeLang";
  status.command = "recipelang.showOutput";
  const pages = new RulePages();
  generated = new GeneratedCode();

  context.subscriptions.push(
    output,
    status,
    vscode.workspace.registerTextDocumentContentProvider(docsScheme, pages),
    vscode.workspace.registerTextDocumentContentProvider(generatedScheme, generated),
    generated,
    vscode.window.registerUriHandler({ handleUri: (uri) => (uri.path === "/explain" ? explain(codeFromQuery(uri.query)) : undefined) }),
    vscode.commands.registerCommand("recipelang.restartServer", () => restart(context)),
    vscode.commands.registerCommand("recipelang.showOutput", () => output.show(true)),
    vscode.commands.registerCommand("recipelang.explainDiagnostic", (code?: string) => explain(code ?? codeAtCursor())),
    vscode.commands.registerCommand("recipelang.compileRecipe", compileRecipe),
    vscode.commands.registerCommand("recipelang.showThermalProfile", showThermalProfile),
    vscode.commands.registerCommand("recipelang.dryRun", dryRun),
    vscode.languages.registerDocumentLinkProvider({ scheme: generatedScheme }, { provideDocumentLinks: compiledLinks }),
    vscode.window.onDidChangeTextEditorSelection((e) => followInCompiled(e.textEditor)),
    vscode.tasks.registerTaskProvider("recipelang", { provideTasks: () => provideTasks(), resolveTask: (task) => resolveTask(task) }),
    vscode.languages.onDidChangeDiagnostics(() => updateStatus()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("recipelang")) {
        output.appendLine("Settings changed: restarting the language server.");
        void restart(context);
      }
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const configured = vscode.workspace.getConfiguration("recipelang").get<string>("server.path");
  launch = resolveServer(configured, context.extensionPath, {
    path: process.env.PATH,
    delimiter: path.delimiter,
    executableSuffix: process.platform === "win32" ? ".exe" : "",
    exists: (file) => fs.existsSync(file),
  }, process.env.DOTNET_ROOT);
  if (launch.kind === "noRuntime") {
    setStatus("$(error) RecipeLang", "No .NET runtime: the language server is not running.");
    output.appendLine(`The bundled server (${launch.bundled}) needs 'dotnet' on PATH or in DOTNET_ROOT; none was found.`);
    const choice = await vscode.window.showErrorMessage(
      "RecipeLang needs the .NET 10 runtime to run its language server. Install it (https://dot.net), or set 'recipelang.server.path' to a recipelang executable.",
      "Open Setting",
      "Get .NET",
    );
    if (choice === "Open Setting") {
      void vscode.commands.executeCommand("workbench.action.openSettings", "recipelang.server.path");
    } else if (choice === "Get .NET") {
      void vscode.env.openExternal(vscode.Uri.parse("https://dot.net"));
    }
    return;
  }
  const server = extend(launch.line, ["lsp"]);
  output.appendLine(`Starting ${launch.description}: ${server.command} ${server.args.join(" ")}`);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: "file", language: "recipelang" }, { scheme: "untitled", language: "recipelang" }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/{recipelang.json,*.recipe}") },
    outputChannel: output,
    initializationOptions: { ruleDocsUri: explainUri(vscode.env.uriScheme, context.extension.id), ...initializationOptions(vscode.workspace.getConfiguration("recipelang")) },
  };
  client = new LanguageClient("recipelang", "RecipeLang", { command: server.command, args: server.args, options: { env: serverEnvironment(process.env) } }, clientOptions);
  client.onDidChangeState(() => updateStatus());
  setStatus("$(sync~spin) RecipeLang", "Starting the language server…");
  try {
    await client.start();
  } catch (error) {
    setStatus("$(error) RecipeLang", "The language server failed to start; see the output.");
    output.appendLine(`The language server failed to start: ${String(error)}`);
    output.show(true);
    void vscode.window.showErrorMessage(`RecipeLang: the language server failed to start (${server.command}). See the RecipeLang output.`, "Open Setting").then((choice) => {
      if (choice) {
        void vscode.commands.executeCommand("workbench.action.openSettings", "recipelang.server.path");
      }
    });
  }
  updateStatus();
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  const old = client;
  client = undefined;
  try {
    await old?.stop();
  } catch (error) {
    output.appendLine(`Stopping the old server: ${String(error)}`);
  }
  await start(context);
}

function setStatus(text: string, tooltip: string): void {
  status.text = text;
  status.tooltip = tooltip;
  status.show();
}

/** Server state and version, and the RecipeLang problems in the workspace. */
function updateStatus(): void {
  if (!client) {
    return;
  }
  let errors = 0;
  let warnings = 0;
  for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
    for (const d of diagnostics) {
      if (d.source !== "recipelang") continue;
      if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
    }
  }
  const version = client.initializeResult?.serverInfo?.version;
  if (client.state === State.Running) {
    setStatus(`$(check) RecipeLang $(error) ${errors} $(warning) ${warnings}`, `RecipeLang language server ${version ?? ""} running (${launch?.kind === "ok" ? launch.description : ""}). Click for the output.`);
  } else if (client.state === State.Starting) {
    setStatus("$(sync~spin) RecipeLang", "Starting the language server…");
  } else {
    setStatus("$(error) RecipeLang", "The language server stopped; run 'RecipeLang: Restart Language Server'.");
  }
}

/** The CLI the commands and tasks run: the same executable as the server. */
function cli(args: string[]): CommandLine | undefined {
  if (launch?.kind !== "ok") {
    void vscode.window.showErrorMessage("RecipeLang: no .NET runtime or recipelang executable was found; see the RecipeLang output.");
    return undefined;
  }
  return extend(launch.line, args);
}

/** Rule pages (docs/rules/*.md, printed by `recipelang explain CODE`) as virtual Markdown documents. */
class RulePages implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const code = path.basename(uri.path, ".md");
    const line = cli(["explain", code]);
    return line ? runCli(line).then((page) => page ?? `# ${code}\n\nNo page: see the RecipeLang output.`) : Promise.resolve(`# ${code}\n\nThe RecipeLang CLI is not available.`);
  }
}

/** Opens a rule page rendered as Markdown (the command, and codeDescription links through the URI handler). */
async function explain(code: string | undefined): Promise<void> {
  if (!code) {
    void vscode.window.showInformationMessage("Put the cursor on a RecipeLang diagnostic to explain it.");
    return;
  }
  const uri = vscode.Uri.from({ scheme: docsScheme, path: `/${code}.md` });
  await vscode.commands.executeCommand("markdown.showPreview", uri);
}

/** The code of the first RecipeLang diagnostic under the cursor. */
function codeAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const at = editor.selection.active;
  const diagnostic = vscode.languages.getDiagnostics(editor.document.uri).find((d) => d.source === "recipelang" && d.range.contains(at));
  const code = diagnostic?.code;
  return typeof code === "object" ? String(code.value) : code === undefined ? undefined : String(code);
}

function provideTasks(): vscode.Task[] {
  const line = launch?.kind === "ok" ? launch.line : undefined;
  if (!line) return [];
  return (vscode.workspace.workspaceFolders ?? []).flatMap((folder) => taskKinds.map((kind) => makeTask(kind, folder, line)));
}

function resolveTask(task: vscode.Task): vscode.Task | undefined {
  const kind = task.definition.command as TaskKind;
  const line = launch?.kind === "ok" ? launch.line : undefined;
  if (!line || !taskKinds.includes(kind) || typeof task.scope !== "object") return undefined;
  return makeTask(kind, task.scope, line, task.definition);
}

function makeTask(kind: TaskKind, folder: vscode.WorkspaceFolder, line: CommandLine, definition?: vscode.TaskDefinition): vscode.Task {
  const command = extend(line, taskArgs(kind));
  const task = new vscode.Task(definition ?? { type: "recipelang", command: kind }, folder, kind, "recipelang",
    new vscode.ProcessExecution(command.command, command.args, { cwd: folder.uri.fsPath }), "$recipelang");
  task.group = kind === "compile" ? vscode.TaskGroup.Build : vscode.TaskGroup.Test;
  return task;
}

async function compileRecipe(): Promise<void> {
  const document = await activeRecipe();
  const line = document && cli(["compile", document.uri.fsPath, "--emit", "cs"]);
  if (!document || !line) return;
  const result = await runCli(line, path.dirname(document.uri.fsPath));
  if (result !== undefined) {
    const uri = vscode.Uri.from({ scheme: generatedScheme, path: generatedPath(document.uri.path) });
    generated.set(uri, { text: result, recipe: document.uri, base: path.dirname(document.uri.fsPath), directives: lineDirectives(result) });
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
  }
}

/** A compiled view: the C#, the recipe it came from and its #line directives. */
interface CompiledView {
  text: string;
  recipe: vscode.Uri;
  base: string;
  directives: LineDirective[];
}

/**
 * The C# compiled from each recipe, as read-only documents named after it (one per recipe, so the map stays as
 * small as the recipes compiled): closing one asks nothing, and compiling the recipe again refreshes it.
 */
class GeneratedCode implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly views = new Map<string, CompiledView>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, view: CompiledView): void {
    this.views.set(uri.toString(), view);
    this.changed.fire(uri);
  }

  get(uri: vscode.Uri): CompiledView | undefined {
    return this.views.get(uri.toString());
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.get(uri)?.text ?? "// Compile the recipe again: RecipeLang: Compile recipe.";
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Each `#line N "recipe"` of a compiled view links to that line of the recipe. */
function compiledLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
  const view = generated.get(document.uri);
  if (!view) return [];
  return view.directives.map((d) => {
    const file = path.resolve(view.base, d.file);
    const target = (file === view.recipe.fsPath ? view.recipe : vscode.Uri.file(file)).with({ fragment: `L${d.recipeLine}` });
    const link = new vscode.DocumentLink(new vscode.Range(d.generatedLine, d.start, d.generatedLine, d.end), target);
    link.tooltip = `Recipe line ${d.recipeLine}`;
    return link;
  });
}

/** Moving in a recipe scrolls its visible compiled view to the step under the cursor. */
function followInCompiled(editor: vscode.TextEditor): void {
  if (editor.document.languageId !== "recipelang") return;
  for (const other of vscode.window.visibleTextEditors) {
    const view = generated.get(other.document.uri);
    if (!view || view.recipe.toString() !== editor.document.uri.toString()) continue;
    const line = generatedLineFor(view.directives, editor.selection.active.line);
    if (line !== undefined) {
      other.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }
}

/** `recipelang run FILE --simulate` in a terminal: the CLI's live per-step progress, then its step table. */
async function dryRun(): Promise<void> {
  const document = await activeRecipe();
  // The plot goes to the temp folder, not beside the recipe in the user's Explorer.
  const line = document && cli(["run", document.uri.fsPath, "--simulate", "--plot", plotPath(os.tmpdir(), document.uri.fsPath)]);
  if (!document || !line) return;
  const folder = vscode.workspace.getWorkspaceFolder(document.uri) ?? vscode.TaskScope.Workspace;
  const task = new vscode.Task({ type: "recipelang", command: "run" }, folder, `dry-run ${path.basename(document.fileName)}`, "recipelang",
    new vscode.ProcessExecution(line.command, line.args, { cwd: path.dirname(document.uri.fsPath) }), "$recipelang");
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, panel: vscode.TaskPanelKind.Dedicated, clear: true };
  await vscode.tasks.executeTask(task);
}

async function showThermalProfile(): Promise<void> {
  const document = await activeRecipe();
  if (!document) return;
  const plot = plotPath(os.tmpdir(), document.uri.fsPath);
  const line = cli(["run", document.uri.fsPath, "--simulate", "--plot", plot]);
  if (!line || (await runCli(line, path.dirname(document.uri.fsPath))) === undefined) return;
  const panel = vscode.window.createWebviewPanel("recipelangThermalProfile", `Thermal profile: ${path.basename(document.fileName)}`, vscode.ViewColumn.Beside, {});
  // The plot is drawn at a fixed size; scale it to the panel.
  const svg = fs.readFileSync(plot, "utf8").replace(/<svg\b/, '<svg preserveAspectRatio="xMidYMid meet" style="width:100%;height:auto"');
  panel.webview.html = `<!DOCTYPE html><html><body style="background:white;margin:0">${svg}</body></html>`;
}

/** The active editor's recipe, saved first so the CLI reads what the user sees. */
async function activeRecipe(): Promise<vscode.TextDocument | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== "recipelang") {
    void vscode.window.showErrorMessage("Open a .recipe file first.");
    return undefined;
  }
  if (document.isDirty) {
    await document.save();
  }
  return document;
}

/** Runs the CLI; its standard output on success, undefined (and the errors shown) on failure. */
function runCli(commandLine: CommandLine, cwd?: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(commandLine.command, commandLine.args, { maxBuffer: 64 * 1024 * 1024, cwd }, (error, stdout, stderr) => {
      if (error) {
        output.appendLine(`${commandLine.command} ${commandLine.args.join(" ")}`);
        output.appendLine(stdout);
        output.appendLine(stderr);
        output.show(true);
        void vscode.window.showErrorMessage(`recipelang failed (exit ${error.code ?? "?"}); see the RecipeLang output.`);
        resolve(undefined);
        return;
      }
      resolve(stdout);
    });
  });
}
