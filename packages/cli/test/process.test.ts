// Process-level behaviour of the built CLI (dist/): closed pipes, full disks, paths that cannot be
// opened, the CommonJS build. These need a real process and its real streams, so they spawn
// `node dist/bin.js`; `pnpm test` builds before it tests (alone: `pnpm run build` first).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const PACKAGE = path.resolve(import.meta.dirname, "..");
const BIN = path.join(PACKAGE, "dist/bin.js");
const CJS = path.join(PACKAGE, "dist/index.cjs");
const ORDER_FIXTURE = path.resolve(PACKAGE, "../mappers-sap/fixtures/production-order/order-1000000-teco.json");
const LOT_EXAMPLE = path.resolve(PACKAGE, "../canonical/examples/lot.json");
const MAP = ["map", "--from", "sap", "--to", "canonical", "--entity", "production-order"];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mfgsync-process-test-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const target = path.join(dir, name);
  fs.writeFileSync(target, text);
  return target;
};

let orders = "";
let broken = "";
const loop = path.join(dir, "loop");
const tooLong = path.join(dir, "n".repeat(300));
beforeAll(() => {
  if (!fs.existsSync(BIN) || !fs.existsSync(CJS)) throw new Error(`${BIN} is missing: run \`pnpm run build\` before these tests`);
  const order = JSON.stringify(JSON.parse(fs.readFileSync(ORDER_FIXTURE, "utf8")));
  // About 10 MB of output: far more than a pipe buffers, so a closed reader is noticed.
  orders = file("orders.ndjson", `${order}\n`.repeat(3000));
  broken = file("broken.ndjson", "{not json\n".repeat(5000));
  fs.symlinkSync("loop", loop);
});

interface Ran { readonly code: number | null; readonly stdout: string; readonly stderr: string }

/** Runs the built CLI; `stdout: "closed"` closes the reading end before the CLI writes, `"full"` is /dev/full. */
function runCli(args: readonly string[], options: { stdout?: "pipe" | "closed" | "full"; stdin?: string } = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const full = options.stdout === "full" ? fs.openSync("/dev/full", "w") : undefined;
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["pipe", full ?? "pipe", "pipe"], cwd: dir });
    if (full !== undefined) fs.closeSync(full);
    let stdout = "";
    let stderr = "";
    if (options.stdout === "closed") child.stdout?.destroy();
    else child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.stdin?.on("error", () => undefined);
    child.stdin?.end(options.stdin ?? "");
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The promise every failure keeps: exactly one line on stderr, no stack trace. */
function expectOneLine(stderr: string, pattern: RegExp): void {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr.endsWith("\n") && stderr.indexOf("\n") === stderr.length - 1, stderr).toBe(true);
  expect(stderr).toMatch(pattern);
}

const hasDevFull = fs.existsSync("/dev/full");

describe("a closed standard output stops the CLI quietly (exit 141)", () => {
  it.each([
    ["demo", ["demo"]],
    ["map --ndjson", [...MAP, "--ndjson", "orders.ndjson"]],
    ["map", [...MAP, ORDER_FIXTURE]],
    ["schema", ["schema", "--entity", "production-order"]],
    ["validate --format json", ["validate", "--entity", "lot", "--format", "json", LOT_EXAMPLE]],
  ])("%s", async (_label, args) => {
    const r = await runCli(args, { stdout: "closed" });
    expect(r.code).toBe(141);
    // map warns about the plant without a time zone before it writes; nothing else may be said.
    expect(r.stderr.replace(/^warnings:\n(?: {2}.*\n)+/, "")).toBe("");
  });

  it("as in `mfgsync map --ndjson … | head -1` and `mfgsync demo | head -1`", () => {
    const shell = (command: string) => spawnSync("bash", ["-c", `${command}; echo "exit=\${PIPESTATUS[0]}" >&2`], { cwd: dir, encoding: "utf8" });
    const map = shell(`node ${JSON.stringify(BIN)} ${MAP.join(" ")} --ndjson orders.ndjson | head -1`);
    expect(JSON.parse(map.stdout) as { kind: string }).toMatchObject({ kind: "production-order" });
    expect(map.stderr).toBe("exit=141\n");
    const demo = shell(`node ${JSON.stringify(BIN)} demo | head -1`);
    expect(demo.stdout).toMatch(/^Canonical examples/);
    // The demo's text may fit the pipe before head closes it (exit 0); if not, it stops quietly (141).
    expect(demo.stderr).toMatch(/^exit=(0|141)\n$/);
  });
});

describe.skipIf(!hasDevFull)("a full disk on standard output is one line and exit 74", () => {
  it.each([
    ["demo", ["demo"]],
    ["map", [...MAP, ORDER_FIXTURE]],
    ["map --ndjson", [...MAP, "--ndjson", "orders.ndjson"]],
    ["map --format json", [...MAP, "--format", "json", ORDER_FIXTURE]],
    ["validate", ["validate", "--entity", "lot", LOT_EXAMPLE]],
    ["schema", ["schema", "--entity", "lot"]],
    ["rules", ["rules"]],
    ["--help", ["--help"]],
    ["--version", ["--version"]],
  ])("%s", async (_label, args) => {
    const r = await runCli(args, { stdout: "full" });
    expect(r.code).toBe(74);
    const stderr = r.stderr.replace(/^warnings:\n(?: {2}.*\n)+/, "");
    expectOneLine(stderr, /^mfgsync( \w+)?: cannot write standard output: no space left on device \(ENOSPC\)\n$/);
  });
});

describe("a dead-letter or warnings file that cannot be created is one line naming it and exit 73", () => {
  it.each([
    ["a missing directory", path.join(dir, "no-such-dir", "dead.ndjson"), /no such file or directory \(ENOENT\)/],
    ["a directory", dir, /is a directory \(EISDIR\)/],
    ["a path through a file", path.join(LOT_EXAMPLE, "dead.ndjson"), /a part of the path is not a directory \(ENOTDIR\)/],
    ["a symbolic-link loop", loop, /too many levels of symbolic links \(ELOOP\)/],
    ["a name too long", tooLong, /file name too long \(ENAMETOOLONG\)/],
  ])("%s", async (_label, target, reason) => {
    for (const flag of ["--dead-letter", "--warnings"]) {
      const r = await runCli([...MAP, "--ndjson", flag, target, "broken.ndjson"]);
      expect(r.code).toBe(73);
      expectOneLine(r.stderr, new RegExp(`^mfgsync map: cannot create ${flag === "--dead-letter" ? "dead-letter" : "warnings"} file "${target.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}.*": ${reason.source}\\n$`));
      expect(r.stdout).toBe("");
    }
  });

  it("an unwritable place (permission denied), where the system has one even for root", async () => {
    // Root may write anywhere on a normal file system; sysfs refuses new files to everyone.
    let target: string | undefined;
    for (const candidate of ["/sys/mfgsync-dead-letter.ndjson", "/proc/mfgsync-dead-letter.ndjson"]) {
      try {
        fs.closeSync(fs.openSync(candidate, "w"));
      } catch (error) {
        if ((error as { code?: string }).code === "EACCES" || (error as { code?: string }).code === "EPERM") target = candidate;
      }
      if (target) break;
    }
    if (target === undefined) return expect.fail("no path refuses writing here (neither /sys nor /proc): run on Linux");
    const r = await runCli([...MAP, "--ndjson", "--dead-letter", target, "broken.ndjson"]);
    expect(r.code).toBe(73);
    expectOneLine(r.stderr, /^mfgsync map: cannot create dead-letter file "\/(sys|proc)\/mfgsync-dead-letter\.ndjson": (permission denied \(EACCES\)|operation not permitted \(EPERM\))\n$/);
  });

  it.skipIf(!hasDevFull)("a dead-letter file on a full disk is one line and exit 74, with one failed line or thousands", async () => {
    for (const [input, stdin] of [["-", "{not json\n"], ["broken.ndjson", ""]] as const) {
      const r = await runCli([...MAP, "--ndjson", "--dead-letter", "/dev/full", input], { stdin });
      expect(r.code).toBe(74);
      expectOneLine(r.stderr, /^mfgsync map: cannot write dead-letter file "\/dev\/full": no space left on device \(ENOSPC\)\n$/);
    }
  });
});

describe("an input that cannot be read is one line naming it and exit 66", () => {
  it.each([
    ["missing", path.join(dir, "missing.json"), /no such file or directory \(ENOENT\)/],
    ["a directory", dir, /is a directory \(EISDIR\)/],
    ["a symbolic-link loop", loop, /too many levels of symbolic links \(ELOOP\)/],
    ["a name too long", tooLong, /file name too long \(ENAMETOOLONG\)/],
  ])("%s", async (_label, target, reason) => {
    const quoted = `"${target.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}.*"`;
    const cases: Array<[string[], string]> = [
      [["validate", "--entity", "lot", target], `^mfgsync validate: cannot read input file ${quoted}`],
      [["validate", "--entity", "lot", "--context", target, LOT_EXAMPLE], `^mfgsync validate: cannot read --context file ${quoted}`],
      [["validate", "--entity", "lot", "--profile", target, LOT_EXAMPLE], `^mfgsync validate: cannot read --profile file ${quoted}`],
      [[...MAP, target], `^mfgsync map: cannot read input file ${quoted}`],
      [[...MAP, "--context", target, ORDER_FIXTURE], `^mfgsync map: cannot read --context file ${quoted}`],
      [[...MAP, "--ndjson", "--dead-letter", path.join(dir, "unused.ndjson"), target], `^mfgsync map: cannot read input file ${quoted}`],
    ];
    for (const [args, start] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(" ")).toBe(66);
      expectOneLine(r.stderr, new RegExp(`${start}: ${reason.source}\\n$`));
    }
  });
});

describe("standard input that is a directory is one line and exit 66, not an empty input", () => {
  it.each([
    ["validate", ["validate", "--entity", "lot", "-"]],
    ["map", [...MAP, "-"]],
    ["map --ndjson", [...MAP, "--ndjson", "-"]],
  ])("%s", (_label, args) => {
    const fd = fs.openSync(dir, "r");
    try {
      const r = spawnSync(process.execPath, [BIN, ...args], { stdio: [fd, "pipe", "pipe"], encoding: "utf8", cwd: dir });
      expect(r.status).toBe(66);
      expectOneLine(r.stderr, /^mfgsync \w+: cannot read standard input: is a directory \(EISDIR\)\n$/);
    } finally {
      fs.closeSync(fd);
    }
  });
});

describe("the CommonJS build", () => {
  it("runs the demo and --version through require(\"@mfgsync/cli\").run", () => {
    const script = `
      const { run } = require(${JSON.stringify(CJS)});
      let out = "", err = "";
      const io = { out: (s) => (out += s), err: (s) => (err += s), readText: async () => "" };
      (async () => {
        const demo = await run(["demo"], io);
        const version = await run(["--version"], io);
        process.stdout.write(JSON.stringify({ demo, version, out, err }));
      })();`;
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", cwd: dir });
    expect(r.stderr).toBe("");
    const result = JSON.parse(r.stdout) as { demo: number; version: number; out: string; err: string };
    expect(result.demo).toBe(0);
    expect(result.out).toContain("SAP S/4HANA OData V2 → canonical → SAP");
    expect(result.out).toMatch(/^Demo finished: /m);
    const { version } = JSON.parse(fs.readFileSync(path.join(PACKAGE, "package.json"), "utf8")) as { version: string };
    expect(result.version).toBe(0);
    expect(result.out).toContain(`mfgsync ${version} (canonical schema `);
    expect(result.err).toBe("");
  });
});

describe("the package's bin (launcher, bundled CLI, code cache)", () => {
  const bin = path.join(PACKAGE, (JSON.parse(fs.readFileSync(path.join(PACKAGE, "package.json"), "utf8")) as { bin: { mfgsync: string } }).bin.mfgsync);
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "mfgsync-cache-test-"));
  afterAll(() => fs.rmSync(cacheDir, { recursive: true, force: true }));
  const runBin = (args: readonly string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", cwd: dir, env: { ...process.env, TMPDIR: cacheDir, ...env } });
  const plugin = file("acme-plugin.mjs", `export default { name: "acme", title: "Acme ERP", mappers: {} };\n`);

  it("writes its code cache on the first run and maps the same with and without it", () => {
    const first = runBin([...MAP, ORDER_FIXTURE]);
    expect(first.status, first.stderr).toBe(0);
    const caches = fs.readdirSync(cacheDir, { recursive: true }).map(String).filter((f) => f.endsWith(".bin"));
    expect(caches).toHaveLength(1);
    const cached = runBin([...MAP, ORDER_FIXTURE]);
    const uncached = runBin([...MAP, ORDER_FIXTURE], { MFGSYNC_NO_COMPILE_CACHE: "1" });
    expect(cached.status).toBe(0);
    expect(cached.stdout).toBe(first.stdout);
    expect(uncached.stdout).toBe(first.stdout);
    expect(JSON.parse(first.stdout)).toMatchObject({ kind: "production-order" });
  });

  it("loads plugins with import(), from the code cache and without it, and names a plugin it cannot load", () => {
    const order = ["map", "--from", "acme", "--to", "canonical", "--entity", "lot", LOT_EXAMPLE];
    // Without the plugin the vendor is unknown; with it, it is known and has no lot mapper.
    expect(runBin(order).stderr).toMatch(/unknown vendor "acme"/);
    for (const env of [{}, { MFGSYNC_NO_COMPILE_CACHE: "1" }] as Record<string, string>[]) {
      const r = runBin(["--plugin", plugin, ...order], env);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^mfgsync map: the acme mappers do not cover lot yet\n/);
    }
    const missing = runBin(["--plugin", "./no-such-plugin.mjs", "--version"]);
    expect(missing.status).toBe(2);
    expectOneLine(missing.stderr, /--plugin \.\/no-such-plugin\.mjs: cannot load it \(Cannot find module/);
  });
});
