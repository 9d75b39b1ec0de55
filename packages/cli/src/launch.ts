#!/usr/bin/env node
// The `mfgsync` command (dist/bin.cjs). It loads the bundled CLI (dist/main.cjs: the CLI with zod and the
// @mfgsync packages in one CommonJS file) through a V8 code cache, so that a fresh process does not parse
// and compile the bundle again: the first run writes the cache, later runs of the same build on the same
// Node.js reuse it. The cache lives in the temporary directory, one file per build and Node.js version
// (as Node 22's own compile cache does); MFGSYNC_NO_COMPILE_CACHE=1 (or NODE_DISABLE_COMPILE_CACHE=1) turns it
// off. Anything that goes wrong with the cache falls back to a plain compile: it only costs time.
// See docs/guides/benchmarks.md, "Cold start".
import fs from "node:fs";
import Module from "node:module";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";

const file = path.join(__dirname, "main.cjs");
const source = fs.readFileSync(file, "utf8");

function cachePath(): string | undefined {
  if (process.env["MFGSYNC_NO_COMPILE_CACHE"] || process.env["NODE_DISABLE_COMPILE_CACHE"]) return undefined;
  try {
    const stat = fs.statSync(file);
    const user = typeof process.getuid === "function" ? String(process.getuid()) : "user";
    const key = `${process.version}-${process.arch}-${stat.size}-${Math.floor(stat.mtimeMs)}`;
    return path.join(os.tmpdir(), `mfgsync-compile-cache-${user}`, `main-${key}.bin`);
  } catch {
    return undefined;
  }
}

const cacheFile = cachePath();
let cachedData: Buffer | undefined;
if (cacheFile !== undefined) {
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
}

const script = new vm.Script(Module.wrap(source), {
  filename: file,
  ...(cachedData === undefined ? {} : { cachedData }),
});

// Plugins are loaded with import(), which Node 20 refuses in a vm script without an experimental flag
// (and forgets for one compiled from a code cache): the CLI imports them through this module instead.
(globalThis as Record<symbol, unknown>)[Symbol.for("mfgsync.cli.import")] = (url: string): Promise<unknown> => import(url);

if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) {
  // Written at exit, so that the cache holds the functions this run compiled, not only the top level.
  process.once("exit", () => {
    try {
      fs.mkdirSync(path.dirname(cacheFile), { recursive: true, mode: 0o700 });
      const temporary = `${cacheFile}.${process.pid}`;
      fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
      fs.renameSync(temporary, cacheFile);
    } catch {
      // No cache this time.
    }
  });
}

const main = new Module(file, module);
main.filename = file;
const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
wrapper.call(main.exports, main.exports, Module.createRequire(file), main, file, path.dirname(file));
