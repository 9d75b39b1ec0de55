// Benchmarks that need fresh processes: the cold start of the built
// packages and the built CLI streaming NDJSON. Node only (bench/).
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { makeSapOrderPayload, SAP_BENCH_CONTEXT } from "./sap-data.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// The CLI worker threads (map --ndjson --jobs N) import every vendor package the CLI registers from its build.
const BUILT = ["canonical", "mapping", "mappers-sap", "mappers-oracle", "mappers-d365", "validators", "cli"];

/** Builds the JavaScript of the packages the process benchmarks run (no type declarations: fast), logging to stderr. */
export function buildPackages(): void {
  for (const name of BUILT) {
    const r = spawnSync("pnpm", ["exec", "tsup", "--no-dts", "--no-clean", "--silent"], { cwd: path.join(ROOT, "packages", name), stdio: ["ignore", 2, 2] });
    if (r.status !== 0) throw new Error(`building packages/${name} failed (exit ${r.status})`);
  }
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Runs a process to completion; returns wall milliseconds, exit code and stdout. */
function timed(args: readonly string[], options: { cwd: string }): Promise<{ ms: number; code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.on("error", reject);
    child.on("close", (code) => resolve({ ms: performance.now() - started, code, stdout, stderr }));
  });
}

/** Cold start figures, in milliseconds (medians of `runs` fresh processes). */
export interface ColdStart {
  /** Spawn to exit of `node cold-start.mjs`: boot, import the built canonical and SAP packages, map one order (with the schema check). */
  readonly coldStartMs: number;
  /** Inside that process: from process start (performance.timeOrigin) until the first order was mapped. */
  readonly coldStartInProcessMs: number;
  /** Of which: importing the packages. */
  readonly importMs: number;
  /** Of which: mapping the first order. */
  readonly firstMapMs: number;
  /** Spawn to exit of an empty `node -e ""`, the floor on this machine. */
  readonly nodeBaselineMs: number;
}

/** Measures the cold start `runs` times (alternating with an empty Node process). */
export async function measureColdStart(runs: number): Promise<ColdStart> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mfgsync-cold-"));
  try {
    const payload = path.join(dir, "order.json");
    fs.writeFileSync(payload, JSON.stringify(makeSapOrderPayload(7)));
    fs.writeFileSync(path.join(dir, "context.json"), JSON.stringify(SAP_BENCH_CONTEXT));
    const wall: number[] = [], inside: number[] = [], imports: number[] = [], maps: number[] = [], baseline: number[] = [];
    for (let i = 0; i < runs; i++) {
      baseline.push((await timed(["-e", ""], { cwd: ROOT })).ms);
      const r = await timed([path.join(ROOT, "bench", "cold-start.mjs"), payload, path.join(dir, "context.json")], { cwd: ROOT });
      if (r.code !== 0) throw new Error(`cold start run failed: ${r.stderr}`);
      const report = JSON.parse(r.stdout) as { mappedAtMs: number; importMs: number; mapMs: number; ok: boolean };
      if (!report.ok) throw new Error("cold start: the order did not map");
      wall.push(r.ms);
      inside.push(report.mappedAtMs);
      imports.push(report.importMs);
      maps.push(report.mapMs);
    }
    return { coldStartMs: median(wall), coldStartInProcessMs: median(inside), importMs: median(imports), firstMapMs: median(maps), nodeBaselineMs: median(baseline) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The CLI's cold start against an empty Node process (`coldStartVsNode`). */
export interface CliColdStart {
  /** Median over the pairs of (CLI wall time ÷ `node -e 0` wall time), each pair run back to back. */
  readonly ratio: number;
  /** Median spawn-to-exit of `mfgsync map --from sap --to canonical --entity production-order --context FILE ORDER`. */
  readonly cliMs: number;
  /** Median spawn-to-exit of `node -e 0`. */
  readonly nodeMs: number;
  readonly pairs: number;
  /** Every pair's ratio, in run order (their spread shows the machine's noise). */
  readonly ratios: readonly number[];
}

/**
 * Runs `pairs` pairs of a fresh `node -e 0` and a fresh built CLI mapping one
 * SAP order to canonical (with the plant time zones of the bench context, as a
 * user would), alternating which goes first, and checks every CLI output.
 */
export async function measureCliColdStart(pairs: number): Promise<CliColdStart> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mfgsync-cli-cold-"));
  try {
    const payload = path.join(dir, "order.json");
    const context = path.join(dir, "context.json");
    fs.writeFileSync(payload, JSON.stringify(makeSapOrderPayload(7)));
    fs.writeFileSync(context, JSON.stringify(SAP_BENCH_CONTEXT));
    // The command as installed: the package's `bin` (its launcher loads the bundled CLI through a code cache).
    const bin = (JSON.parse(fs.readFileSync(path.join(ROOT, "packages", "cli", "package.json"), "utf8")) as { bin: { mfgsync: string } }).bin.mfgsync;
    const cliArgs = [path.join(ROOT, "packages", "cli", bin), "map", "--from", "sap", "--to", "canonical", "--entity", "production-order", "--context", context, payload];
    const cli = async () => {
      const r = await timed(cliArgs, { cwd: dir });
      const out = r.code === 0 ? (JSON.parse(r.stdout) as { kind?: unknown; id?: { value?: unknown } }) : undefined;
      if (out?.kind !== "production-order" || out.id?.value !== "1000007") throw new Error(`coldStartVsNode: the CLI did not map the order (exit ${r.code}): ${r.stderr.slice(0, 500)}`);
      return r.ms;
    };
    const node = async () => (await timed(["-e", "0"], { cwd: dir })).ms;
    await cli(); // a first run outside the figures: it warms the file system cache and writes the CLI's code cache
    const cliMs: number[] = [], nodeMs: number[] = [], ratios: number[] = [];
    for (let i = 0; i < pairs; i++) {
      let c: number, n: number;
      if (i % 2 === 0) {
        c = await cli();
        n = await node();
      } else {
        n = await node();
        c = await cli();
      }
      cliMs.push(c);
      nodeMs.push(n);
      ratios.push(c / n);
    }
    return { ratio: median(ratios), cliMs: median(cliMs), nodeMs: median(nodeMs), pairs, ratios };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One streaming run of the built CLI. */
export interface StreamRun {
  readonly orders: number;
  readonly seconds: number;
  readonly ordersPerSec: number;
  readonly peakRssMB: number;
  readonly mapped: number;
  readonly failed: number;
  readonly inputMB: number;
  /** Where the CLI read the orders from. */
  readonly source: string;
  /** `--jobs` of the run (worker threads; 1 = in-process). */
  readonly jobs: number;
  /** SHA-256 of standard output and of the dead-letter file: runs with other `--jobs` must give the same. */
  readonly outputSha256: string;
  readonly deadLetterSha256: string;
}

/** Every `INVALID_EVERY`th line is broken (a unit SAP does not know), to exercise the dead-letter path. */
export const INVALID_EVERY = 1000;

/**
 * Writes an NDJSON file of `lines` SAP order payloads. Only `distinct`
 * orders are generated and serialised; they repeat (with fresh order
 * numbers) so that big files are quick to write.
 */
export function writeOrdersNdjson(file: string, lines: number, distinct = 2000): void {
  const templates = Array.from({ length: Math.min(distinct, lines) }, (_, i) => JSON.stringify(makeSapOrderPayload(i)));
  const fd = fs.openSync(file, "w");
  try {
    let chunk = "";
    for (let i = 0; i < lines; i++) {
      let line = templates[i % templates.length]!;
      if (i >= templates.length) line = line.replaceAll(`"${1_000_000 + (i % templates.length)}"`, `"${1_000_000 + i}"`);
      if ((i + 1) % INVALID_EVERY === 0) line = line.replace('"ProductionUnitISOCode":"', '"ProductionUnitISOCode":"X').replace('"ProductionUnitSAPCode":"', '"ProductionUnitSAPCode":"X').replace('"ProductionUnit":"', '"ProductionUnit":"X');
      chunk += line + "\n";
      if (chunk.length > 1 << 22) {
        fs.writeSync(fd, chunk);
        chunk = "";
      }
    }
    fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Streams SAP orders through `mfgsync map --ndjson` (built), output to a pipe
 * that is read and dropped. `file` orders are generated into an NDJSON file;
 * the CLI reads it `repeat` times: once as a FILE argument, or, when
 * `repeat` > 1, through standard input (the file piped `repeat` times, with
 * backpressure), so a 400k-order run needs no 12 GB file.
 */
export async function measureStream(file: number, repeat = 1, jobs = 1): Promise<StreamRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mfgsync-stream-"));
  const orders = file * repeat;
  try {
    const input = path.join(dir, "orders.ndjson");
    const context = path.join(dir, "context.json");
    const rssFile = path.join(dir, "rss.json");
    writeOrdersNdjson(input, file);
    fs.writeFileSync(context, JSON.stringify(SAP_BENCH_CONTEXT));
    const args = [
      "--require", path.join(ROOT, "bench", "rss-report.cjs"), path.join(ROOT, "packages", "cli", "dist", "bin.js"),
      "map", "--from", "sap", "--to", "canonical", "--entity", "production-order", "--context", context, "--ndjson", "--jobs", String(jobs), "--dead-letter", path.join(dir, "dead.ndjson"),
      repeat > 1 ? "-" : input,
    ];
    const started = performance.now();
    const hash = createHash("sha256");
    const result = await new Promise<{ code: number | null; outLines: number; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd: dir, stdio: [repeat > 1 ? "pipe" : "ignore", "pipe", "pipe"], env: { ...process.env, MFGSYNC_BENCH_RSS_FILE: rssFile } });
      let outLines = 0;
      let stderr = "";
      if (child.stdout === null || child.stderr === null) throw new Error("no pipes to the CLI");
      child.stdout.on("data", (b: Buffer) => {
        hash.update(b);
        for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) outLines++;
      });
      child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, outLines, stderr }));
      if (repeat > 1 && child.stdin) {
        const stdin = child.stdin;
        stdin.on("error", reject);
        (async () => {
          for (let r = 0; r < repeat; r++) {
            for await (const chunk of fs.createReadStream(input)) if (!stdin.write(chunk)) await new Promise((ok) => stdin.once("drain", ok));
          }
          stdin.end();
        })().catch(reject);
      }
    });
    const seconds = (performance.now() - started) / 1000;
    const expectedFailed = Math.floor(file / INVALID_EVERY) * repeat;
    if (result.code !== (expectedFailed > 0 ? 1 : 0) || result.outLines !== orders - expectedFailed) {
      throw new Error(`stream of ${orders}: exit ${result.code}, ${result.outLines} lines out (expected ${orders - expectedFailed}): ${result.stderr.slice(-2000)}`);
    }
    const deadText = fs.readFileSync(path.join(dir, "dead.ndjson"), "utf8");
    const deadLines = deadText.split("\n").filter(Boolean).length;
    if (deadLines !== expectedFailed) throw new Error(`stream of ${orders}: ${deadLines} dead letters, expected ${expectedFailed}`);
    const rss = JSON.parse(fs.readFileSync(rssFile, "utf8")) as { maxRssKB: number };
    return {
      orders, seconds, ordersPerSec: orders / seconds, peakRssMB: rss.maxRssKB / 1024, mapped: result.outLines, failed: deadLines,
      inputMB: (fs.statSync(input).size * repeat) / 1024 / 1024, source: repeat > 1 ? `stdin (${file.toLocaleString("en")}-line file x${repeat})` : "file",
      jobs, outputSha256: hash.digest("hex"), deadLetterSha256: createHash("sha256").update(deadText).digest("hex"),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
