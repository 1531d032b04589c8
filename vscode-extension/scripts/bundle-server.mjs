// Publishes the language server (the recipelang CLI, framework-dependent: it runs on the user's `dotnet`)
// into server/ for the vsix, keeping the native plotting libraries of the common desktop platforms only;
// elsewhere users point recipelang.server.path at a recipelang they installed.
import { execFileSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";

const platforms = ["linux-x64", "linux-arm64", "osx", "win-x64", "win-arm64"];

rmSync("server", { recursive: true, force: true });
execFileSync("dotnet", ["publish", "../src/RecipeLang.Cli", "-c", "Release", "-o", "server", "--no-self-contained",
  "-p:UseAppHost=false", "-p:SatelliteResourceLanguages=en", "-p:DebugType=none", "-v", "q", "--nologo"], { stdio: "inherit" });
for (const runtime of readdirSync("server/runtimes")) {
  if (!platforms.includes(runtime)) {
    rmSync(`server/runtimes/${runtime}`, { recursive: true, force: true });
  }
}
