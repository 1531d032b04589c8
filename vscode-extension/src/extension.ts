import * as os from "os";
import * as fs from "fs";
import { execFile } from "child_process";
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions } from "vscode-languageclient/node";
import { initializationOptions, plotPath, serverCommand } from "./serverCommand";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel("RecipeLang");
  const configured = () => vscode.workspace.getConfiguration("recipelang").get<string>("server.path");
  const server = serverCommand(configured(), ["lsp"]);
  const serverOptions: ServerOptions = { command: server.command, args: server.args };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: "file", language: "recipelang" }, { scheme: "untitled", language: "recipelang" }],
    // The server registers its own file watchers (workspace/didChangeWatchedFiles, dynamic registration).
    initializationOptions: initializationOptions(vscode.workspace.getConfiguration("recipelang")),
    outputChannel: output,
  };
  client = new LanguageClient("recipelang", "RecipeLang", serverOptions, clientOptions);

  context.subscriptions.push(
    output,
    vscode.commands.registerCommand("recipelang.compileRecipe", async () => {
      const document = await activeRecipe();
      if (!document) {
        return;
      }
      const result = await run(serverCommand(configured(), ["compile", document.uri.fsPath, "--emit", "cs"]), output);
      if (result !== undefined) {
        const generated = await vscode.workspace.openTextDocument({ language: "csharp", content: result });
        await vscode.window.showTextDocument(generated, vscode.ViewColumn.Beside);
      }
    }),
    vscode.commands.registerCommand("recipelang.showThermalProfile", async () => {
      const document = await activeRecipe();
      if (!document) {
        return;
      }
      const plot = plotPath(os.tmpdir(), document.uri.fsPath);
      const result = await run(serverCommand(configured(), ["run", document.uri.fsPath, "--simulate", "--plot", plot]), output);
      if (result === undefined) {
        return;
      }
      const panel = vscode.window.createWebviewPanel("recipelangThermalProfile", `Thermal profile: ${document.fileName.split(/[\\/]/).pop()}`, vscode.ViewColumn.Beside, {});
      const svg = fs.readFileSync(plot, "utf8");
      panel.webview.html = `<!DOCTYPE html><html><body style="background:white">${svg}</body></html>`;
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
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
function run(commandLine: { command: string; args: string[] }, output: vscode.OutputChannel): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(commandLine.command, commandLine.args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
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
