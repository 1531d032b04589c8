// End-to-end tests of the packaged extension in a real VS Code: code-server serves the workbench, Chromium
// (through playwright-core) drives it the way a user does: keyboard, command palette, Problems panel.
// run.sh installs what this needs and passes the paths; see the README's "Editor (VS Code)" section.
//
// Every check waits on UI state (an element, a text) with a timeout, never on a fixed sleep. A failing check
// leaves a screenshot in results/ and the run goes on; the last line is "N passed, N failed".
import { spawn } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createRequire } from "node:module";

const { values: options } = parseArgs({
  options: {
    "code-server": { type: "string" },
    chromium: { type: "string" },
    vsix: { type: "string" },
    examples: { type: "string" },
    results: { type: "string" },
    path: { type: "string" },
    modules: { type: "string" },
    dotnet: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});
for (const name of ["code-server", "chromium", "vsix", "examples", "results", "path", "modules", "dotnet"]) {
  if (!options[name]) throw new Error(`--${name} is required (run.sh passes it)`);
}

// playwright-core lives in the install cache, not beside this file.
const { chromium } = createRequire(path.join(options.modules, "package.json"))("playwright-core");
const here = path.dirname(new URL(import.meta.url).pathname);
const timeout = 60_000;
const results = options.results;
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

// A fresh profile, extensions folder and workspace for every run.
const root = mkdtempSync(path.join(tmpdir(), "recipelang-e2e-"));
const userData = path.join(root, "user-data");
const extensions = path.join(root, "extensions");
const workspace = path.join(root, "workspace");
cpSync(path.join(here, "workspace"), workspace, { recursive: true });
const example = "ncm523-ethylene-glycol-relithiation.recipe";
copyFileSync(path.join(options.examples, example), path.join(workspace, example));
mkdirSync(path.join(userData, "User"), { recursive: true });
writeFileSync(path.join(userData, "User", "settings.json"), JSON.stringify({
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "chat.disableAIFeatures": true,
  "editor.hover.delay": 100,
  "files.autoSave": "off",
  "terminal.integrated.gpuAcceleration": "off",
}, null, 2));
// code-server reads no config file and keeps its own state out of the user's home.
const env = {
  PATH: options.path,
  HOME: root,
  XDG_CONFIG_HOME: path.join(root, "config"),
  XDG_DATA_HOME: path.join(root, "data"),
  TMPDIR: root,
  DOTNET_CLI_TELEMETRY_OPTOUT: "1",
  DOTNET_NOLOGO: "1",
  DOTNET_ROOT: path.dirname(options.dotnet),
  // The extension host keeps this PATH instead of the one a login shell (/etc/profile) would give it: the
  // server skips resolving the shell environment when started from the VS Code CLI.
  VSCODE_CLI: "1",
};

function runToEnd(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    child.stdout.on("data", (d) => (text += d));
    child.stderr.on("data", (d) => (text += d));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`${command} ${args.join(" ")} exited ${code}:\n${text}`))));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, child) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer ${url} within ${timeout / 1000} s`);
}

const profile = ["--user-data-dir", userData, "--extensions-dir", extensions];
const serverLog = [];
let codeServer;
let browser;
let page;

const stopServer = () => {
  try {
    if (codeServer) process.kill(-codeServer.pid, "SIGTERM");
  } catch {
    // already gone
  }
};
process.on("exit", stopServer);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));

/** Installs the vsix into the fresh profile, starts code-server on a free port and opens the workspace. */
async function start() {
  await runToEnd(options["code-server"], [...profile, "--install-extension", options.vsix]);
  const port = await freePort();
  codeServer = spawn(options["code-server"], [...profile, "--auth", "none", "--bind-addr", `127.0.0.1:${port}`,
    "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust", "--disable-getting-started-override",
    "--config", path.join(root, "config.yaml"), workspace], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  codeServer.stdout.on("data", (d) => serverLog.push(String(d)));
  codeServer.stderr.on("data", (d) => serverLog.push(String(d)));
  await waitForHealth(`http://127.0.0.1:${port}/healthz`, codeServer);
  browser = await chromium.launch({ executablePath: options.chromium, args: ["--no-sandbox", "--disable-gpu"] });
  page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  page.setDefaultTimeout(timeout);
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator(".monaco-workbench").waitFor();
  await page.locator(".explorer-folders-view").waitFor();
}

const modifier = "Control";

/** Runs a command from the palette by its title, as a user types it. */
async function command(title) {
  await page.keyboard.press(`${modifier}+Shift+P`);
  const input = page.locator(".quick-input-widget input");
  await input.waitFor();
  await input.fill(`>${title}`);
  const item = page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first();
  await item.waitFor();
  await input.press("Enter");
  await page.locator(".quick-input-widget").waitFor({ state: "hidden" });
}

/** Opens a workspace file with Quick Open and waits until its editor has the focus. */
async function open(file) {
  await command("View: Close All Editors");
  await page.keyboard.press(`${modifier}+P`);
  const input = page.locator(".quick-input-widget input");
  await input.waitFor();
  await input.fill(file);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: file }).first().waitFor();
  await input.press("Enter");
  await page.locator(".tabs-container .tab.active", { hasText: file }).waitFor();
  await editor().locator(".view-lines").waitFor();
}

/** The editor in the active editor group. */
function editor() {
  return page.locator(".editor-group-container.active .monaco-editor").first();
}

/** Moves the cursor with Go to Line (line:column, 1-based). */
async function goTo(line, column) {
  await page.keyboard.press(`${modifier}+G`);
  const input = page.locator(".quick-input-widget input");
  await input.waitFor();
  await input.fill(`:${line}:${column}`);
  await input.press("Enter");
  await page.locator(".quick-input-widget").waitFor({ state: "hidden" });
}

/** Waits until the active editor's visible text matches (Monaco renders spaces as no-break spaces). */
async function waitForEditorText(pattern) {
  await page.waitForFunction(([selector, source]) => {
    const lines = document.querySelector(selector);
    return lines && new RegExp(source).test(lines.innerText.replace(/\u00a0/g, " "));
  }, [".editor-group-container.active .monaco-editor .view-lines", pattern.source], { timeout });
}

/** The RecipeLang status bar item once the server runs: "$(check) RecipeLang $(error) N $(warning) N". */
function statusItem() {
  return page.locator(".statusbar-item", { hasText: "RecipeLang" }).filter({ has: page.locator(".codicon-check") });
}

async function showProblems() {
  await command("View: Focus Problems");
  const panel = page.locator(".markers-panel");
  await panel.waitFor();
  return panel;
}

/** The document inside a webview (markdown preview, thermal profile): two nested iframes. */
function webview(index = 0) {
  return page.frameLocator("iframe.webview.ready").nth(index).frameLocator("iframe#active-frame");
}

let passed = 0;
let failed = 0;

async function check(name, body) {
  const started = Date.now();
  try {
    await body();
    passed++;
    console.log(`ok ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failed++;
    const shot = path.join(results, `${name.replace(/[^a-z0-9]+/gi, "-")}.png`);
    await page?.screenshot({ path: shot }).catch(() => undefined);
    console.log(`FAILED ${name}: ${String(error?.message ?? error).split("\n").slice(0, 6).join("\n  ")}${page ? `\n  screenshot: ${shot}` : ""}`);
    await page?.keyboard.press("Escape").catch(() => undefined);
  }
}

/** The last line, and the code-server log beside the screenshots when something failed. */
function finish() {
  if (failed > 0) {
    writeFileSync(path.join(results, "code-server.log"), serverLog.join(""));
    console.log(`code-server's log: ${path.join(results, "code-server.log")}`);
  }
  if (!options.keep) rmSync(root, { recursive: true, force: true });
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

await check("start: code-server opens the workspace with the vsix installed", start);
if (failed > 0) {
  await browser?.close();
  finish();
}

const broken = "broken.recipe";

await check("activation: the status bar shows the bundled server running on the runtime-only dotnet", async () => {
  await open(broken);
  await statusItem().waitFor();
  await command("RecipeLang: Show Output");
  await page.locator(".output-view .view-lines", { hasText: `Starting bundled server (${options.dotnet})` }).waitFor();
});

await check("diagnostics: squiggles in the editor and RL2004, RL3002 in the Problems panel", async () => {
  await open(broken);
  await editor().locator(".squiggly-error").nth(1).waitFor();
  const panel = await showProblems();
  await panel.locator(".monaco-list-row", { hasText: "RL2004" }).waitFor();
  await panel.locator(".monaco-list-row", { hasText: "RL3002" }).waitFor();
  await page.locator(".statusbar-item", { hasText: "RecipeLang" }).filter({ hasText: "2" }).waitFor();
});

await check("hover: the anneal operation's documentation", async () => {
  await open(broken);
  await showProblems();
  await goTo(5, 4);
  await command("Show or Focus Hover");
  const hover = page.locator(".monaco-hover:not(.hidden)", { hasText: "anneal" });
  await hover.waitFor();
  const text = await hover.innerText();
  if (!/°C|temperature/i.test(text)) throw new Error(`hover shows no temperature range: ${text}`);
  // The picture for docs/images: squiggles, the Problems panel and a hover (run.sh --update-docs copies it).
  await page.screenshot({ path: path.join(results, "editor.png") });
});

await check("quick fix: Write 850C adds the unit and RL2004 goes away", async () => {
  await open(broken);
  await goTo(5, 10);
  await command("Quick Fix...");
  const fix = page.locator(".action-widget .monaco-list-row", { hasText: "Write 850C" });
  await fix.waitFor();
  await fix.click();
  await waitForEditorText(/anneal 850C O2 4h/);
  const panel = await showProblems();
  await panel.locator(".monaco-list-row", { hasText: "RL2004" }).waitFor({ state: "detached" });
  await panel.locator(".monaco-list-row", { hasText: "RL3002" }).waitFor();
  await command("File: Revert File");
});

await check("explain: the RL3002 page opens as rendered Markdown", async () => {
  await open(broken);
  await goTo(4, 15);
  await command("RecipeLang: Explain this diagnostic");
  await page.locator(".tabs-container .tab", { hasText: "RL3002" }).waitFor();
  await webview().locator("h1", { hasText: "RL3002" }).waitFor();
});

await check("explain: the code link in the Problems panel opens the same page", async () => {
  await open(broken);
  const panel = await showProblems();
  await panel.locator(".monaco-list-row", { hasText: "RL2004" }).getByText("RL2004", { exact: true }).click();
  await page.locator(".tabs-container .tab", { hasText: "RL2004" }).waitFor();
  await webview().locator("h1", { hasText: "RL2004" }).waitFor();
});

await check("restart: the server starts again and diagnostics come back", async () => {
  await open(broken);
  await statusItem().waitFor();
  await command("RecipeLang: Show Output");
  const started = page.locator(".output-view .view-lines", { hasText: "Starting bundled server" });
  await started.waitFor();
  await page.locator(".panel").getByRole("button", { name: "Clear Output" }).click();
  await started.waitFor({ state: "detached" });
  await command("RecipeLang: Restart Language Server");
  await started.waitFor();
  await statusItem().waitFor();
  const panel = await showProblems();
  await panel.locator(".monaco-list-row", { hasText: "RL3002" }).waitFor();
});

await check("compile: read-only C# beside the recipe, named after it, its #line directives linked to the recipe", async () => {
  await open(example);
  await command("RecipeLang: Compile recipe");
  const name = "ncm523-ethylene-glycol-relithiation.cs";
  const tab = page.locator(".tabs-container .tab", { hasText: name });
  await tab.waitFor();
  if (await tab.evaluate((element) => element.classList.contains("dirty"))) throw new Error("the generated C# is an unsaved document");
  const view = page.locator(".editor-group-container", { has: page.locator(".tab.active", { hasText: name }) }).locator(".monaco-editor").first();
  // The header names the file, not a path relative to where the editor was started.
  await view.locator(".view-lines", { hasText: "Generated by RecipeLang from ncm523-ethylene-glycol-relithiation.recipe" }).waitFor();
  const header = await view.locator(".view-line", { hasText: "Generated by RecipeLang from" }).innerText();
  if (!/from ncm523-ethylene-glycol-relithiation\.recipe$/.test(header.replace(/\u00a0/g, " ").trim())) throw new Error(`header: ${header}`);
  // Moving to the anneal step in the recipe scrolls the C# to its #line directive, which is a link.
  await goTo(13, 8);
  await view.locator(".view-line", { hasText: '#line 13 "ncm523-ethylene-glycol-relithiation.recipe"' }).first().waitFor();
  await view.locator(".view-line", { hasText: "#line 13" }).locator(".detected-link").first().waitFor();
});

await check("dry run: the terminal shows the step table of the simulated run", async () => {
  await open(example);
  await command("RecipeLang: Dry-run recipe on the simulated plant");
  const terminal = page.locator(".terminal-wrapper.active .xterm-rows");
  await terminal.filter({ hasText: "anneal 850C O2 4h ramp 5C/min" }).waitFor();
  await terminal.filter({ hasText: "ncm523-ethylene-glycol-relithiation.recipe:13:3" }).waitFor();
});

await check("thermal profile: the plot fits the panel", async () => {
  await open(example);
  await command("RecipeLang: Show thermal profile");
  await page.locator(".tabs-container .tab", { hasText: `Thermal profile: ${example}` }).waitFor();
  const svg = webview().locator("svg").first();
  await svg.waitFor();
  const fits = await svg.evaluate((element) => element.getBoundingClientRect().width <= document.documentElement.clientWidth + 1);
  if (!fits) throw new Error("the plot is wider than its panel");
});

await browser.close();
stopServer();
finish();
