import fs from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Non-negotiable: runtime packages run in Node 20+, browsers and edge runtimes.
// Their sources must not import Node built-ins nor touch Node-only globals.
const RUNTIME_PACKAGES = ["canonical", "validators", "mapping", "mappers-sap", "mappers-oracle", "mappers-d365", "fp"];
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const root = path.resolve(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith(".ts") ? [full] : [];
  });
}

/** What in one source file would tie a package to Node. */
function offencesIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
    if (BUILTINS.has(match[1]!)) found.push(`imports ${match[1]}`);
  }
  const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
  // Whole identifiers only: `ArrayBuffer.isView` is the standard's, not Node's `Buffer`.
  for (const global of ["process.", "Buffer.", "require(", "__dirname"]) {
    if (new RegExp(`(?<![\\w$.])${global.replace(/[.(]/g, "\\$&")}`).test(code)) found.push(`uses ${global}`);
  }
  return found;
}

describe("runtime packages are runtime-neutral", () => {
  it("the check itself catches built-in imports and Node globals, and ignores comments", () => {
    expect(offencesIn('import fs from "node:fs";\nconst x = await import("crypto");')).toEqual(["imports node:fs", "imports crypto"]);
    expect(offencesIn("const env = process.env.X;")).toEqual(["uses process."]);
    expect(offencesIn('// process.env in a comment\nimport { z } from "zod";')).toEqual([]);
    expect(offencesIn("if (ArrayBuffer.isView(chunk)) {}")).toEqual([]);
    expect(offencesIn("const b = Buffer.from(x);")).toEqual(["uses Buffer."]);
  });

  for (const pkg of RUNTIME_PACKAGES) {
    it(`@mfgsync/${pkg} imports no Node built-in and uses no process/Buffer/require`, () => {
      const files = sources(path.join(root, "packages", pkg, "src"));
      expect(files.length).toBeGreaterThan(0);
      const offences = files.flatMap((file) => offencesIn(fs.readFileSync(file, "utf8")).map((o) => `${path.relative(root, file)} ${o}`));
      expect(offences).toEqual([]);
    });
  }
});
