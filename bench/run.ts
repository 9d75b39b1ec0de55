// `pnpm bench [-- --json] [--quick] [--only key,key] [--rounds N] [--time MS] [--stream-sizes 100000,400000] [--no-build] [--no-process] [--cold-runs N]`
//
// Runs every comparison side by side in alternating rounds and prints a
// table (or, with --json, one JSON object on stdout). Progress goes to stderr.
import os from "node:os";
import { parseArgs } from "node:util";
import type { CaseSizes } from "./cases.js";
import { FULL_SIZES, buildCases } from "./cases.js";
import type { ComparisonResult, MeasureOptions } from "./harness.js";
import { measure, measureAlone } from "./harness.js";
import { SAP_ORDER_APP, bundleSize } from "./bundle-size.js";
import type { CliColdStart, ColdStart, StreamRun } from "./process.js";
import { buildPackages, measureCliColdStart, measureColdStart, measureStream } from "./process.js";
import { renderTable } from "./report.js";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: {
    json: { type: "boolean", default: false },
    quick: { type: "boolean", default: false },
    only: { type: "string" },
    "stream-sizes": { type: "string" },
    "no-build": { type: "boolean", default: false },
    "no-process": { type: "boolean", default: false },
    "cold-runs": { type: "string" },
    rounds: { type: "string" },
    time: { type: "string" },
  },
  strict: true,
});

const log = (text: string) => process.stderr.write(text + "\n");
const quick = values.quick === true;
const defaults: MeasureOptions = quick ? { time: 250, rounds: 3 } : { time: 500, rounds: 9 };
const options: MeasureOptions = { time: Number(values.time ?? defaults.time), rounds: Number(values.rounds ?? defaults.rounds) };
const sizes: CaseSizes = quick ? { orders: 16, batches: 100, inspectionLots: 16, jsonataOrders: 2 } : FULL_SIZES;
const only = values.only?.split(",").map((s) => s.trim()).filter(Boolean);
const wanted = (key: string) => only === undefined || only.includes(key);
const streamSizes = (values["stream-sizes"] ?? (quick ? "20000,80000" : "100000,400000")).split(",").map(Number);

/** The machine, for the report: benchmark figures mean little without it. */
export const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
  node: process.version,
  platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  memoryGB: Math.round(os.totalmem() / 1024 ** 3),
  loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
};

async function main(): Promise<void> {
  const started = performance.now();
  log(`mfgsync bench on ${machine.cpuModel} x${machine.cpus}, Node ${machine.node}${quick ? " (quick)" : ""}`);
  const cases = buildCases(sizes);
  const results: ComparisonResult[] = [];
  for (const comparison of cases.comparisons) {
    if (!wanted(comparison.key)) continue;
    log(`  ${comparison.key} ...`);
    const r = await measure(comparison, options);
    log(`  ${comparison.key} = ${r.ratio.toFixed(3)} (rounds ${r.rounds.map((x) => x.toFixed(3)).join(" ")})`);
    results.push(r);
  }
  let rules: { usPerOrder: number; ordersPerSec: number } | undefined;
  if (wanted("rulesPerOrderUs")) {
    cases.rules.verify();
    const r = await measureAlone("rules", cases.rules.fn, options.time * options.rounds);
    rules = { usPerOrder: (r.medianMs * 1000) / cases.rules.batch, ordersPerSec: r.opsPerSec * cases.rules.batch };
    log(`  rulesPerOrderUs = ${rules.usPerOrder.toFixed(1)}`);
  }
  let bundle: Awaited<ReturnType<typeof bundleSize>> | undefined;
  if (wanted("browserBundleGzipKB")) {
    bundle = await bundleSize("SAP order: decode, schema check, rules", SAP_ORDER_APP);
    if (!bundle.evalFree) throw new Error("the browser bundle uses eval or new Function");
    log(`  browserBundleGzipKB = ${(bundle.gzipBytes / 1024).toFixed(1)} (${(bundle.minifiedBytes / 1024).toFixed(1)} KB minified)`);
  }
  let cold: ColdStart | undefined;
  let cliCold: CliColdStart | undefined;
  const streams: StreamRun[] = [];
  const processWanted = values["no-process"] !== true && (wanted("coldStartMs") || wanted("coldStartVsNode") || wanted("streamOrdersPerSec") || wanted("streamPeakRssMB") || wanted("parallelSpeedup2"));
  if (processWanted && values["no-build"] !== true) {
    log("  building the packages (JavaScript only) ...");
    buildPackages();
  }
  if (processWanted && wanted("coldStartMs")) {
    cold = await measureColdStart(Number(values["cold-runs"] ?? (quick ? 5 : 15)));
    log(`  coldStartMs = ${cold.coldStartMs.toFixed(1)} (node alone ${cold.nodeBaselineMs.toFixed(1)})`);
  }
  if (processWanted && wanted("coldStartVsNode")) {
    cliCold = await measureCliColdStart(Number(values["cold-runs"] ?? (quick ? 10 : 15)));
    log(`  coldStartVsNode = ${cliCold.ratio.toFixed(2)} (CLI ${cliCold.cliMs.toFixed(1)} ms, node -e 0 ${cliCold.nodeMs.toFixed(1)} ms, ${cliCold.pairs} pairs)`);
  }
  if (processWanted && (wanted("streamOrdersPerSec") || wanted("streamPeakRssMB"))) {
    // Sizes above 100k read a 100k-line file several times through standard input. The parallel run (--jobs 2).
    for (const n of streamSizes) {
      log(`  streaming ${n} orders ...`);
      const repeat = n > 100_000 && n % 100_000 === 0 ? n / 100_000 : 1;
      const s = await measureStream(n / repeat, repeat, 2);
      log(`  ${n} orders: ${Math.round(s.ordersPerSec)}/s, peak RSS ${s.peakRssMB.toFixed(1)} MB`);
      streams.push(s);
    }
  }
  // --jobs 2 against --jobs 1 on the same file, one after the other; the output and the dead letters must be the same.
  let parallel: { jobs1: StreamRun; jobs2: StreamRun } | undefined;
  if (processWanted && wanted("parallelSpeedup2")) {
    const n = streamSizes[0] ?? 100_000;
    log(`  parallelSpeedup2: ${n} orders, --jobs 1 then --jobs 2 ...`);
    const jobs1 = await measureStream(n, 1, 1);
    const jobs2 = await measureStream(n, 1, 2);
    if (jobs1.outputSha256 !== jobs2.outputSha256 || jobs1.deadLetterSha256 !== jobs2.deadLetterSha256) throw new Error("parallelSpeedup2: --jobs 2 wrote another output or other dead letters than --jobs 1");
    parallel = { jobs1, jobs2 };
    log(`  parallelSpeedup2 = ${(jobs2.ordersPerSec / jobs1.ordersPerSec).toFixed(3)} (${Math.round(jobs1.ordersPerSec)} → ${Math.round(jobs2.ordersPerSec)} orders/s; peak RSS ${jobs1.peakRssMB.toFixed(0)} → ${jobs2.peakRssMB.toFixed(0)} MB)`);
  }

  const output: Record<string, unknown> = {};
  for (const r of results) {
    output[r.key] = r.ratio;
    output[`${r.key}Ops`] = { subject: r.subject, reference: r.reference, rounds: r.rounds, ...(r.target === undefined ? {} : { target: r.target }) };
  }
  if (rules) {
    output["rulesPerOrderUs"] = rules.usPerOrder;
    output["rulesOrdersPerSec"] = rules.ordersPerSec;
  }
  if (cold) {
    output["coldStartMs"] = cold.coldStartMs;
    output["coldStart"] = cold;
  }
  if (cliCold) {
    output["coldStartVsNode"] = cliCold.ratio;
    output["coldStartVsNodeRuns"] = { ...cliCold, target: 1.5 };
  }
  if (bundle) {
    output["browserBundleGzipKB"] = bundle.gzipBytes / 1024;
    output["browserBundle"] = { ...bundle, minifiedKB: bundle.minifiedBytes / 1024, target: 100 };
  }
  if (streams.length > 0) {
    output["streamOrdersPerSec"] = Object.fromEntries(streams.map((s) => [String(s.orders), s.ordersPerSec]));
    output["streamPeakRssMB"] = Object.fromEntries(streams.map((s) => [String(s.orders), s.peakRssMB]));
    output["stream"] = streams;
  }
  if (parallel) {
    output["parallelSpeedup2"] = parallel.jobs2.ordersPerSec / parallel.jobs1.ordersPerSec;
    output["parallelStream"] = parallel;
  }
  output["data"] = cases.data;
  output["machine"] = { ...machine, loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100) };
  output["settings"] = { ...options, quick, durationSec: Math.round((performance.now() - started) / 1000) };
  if (values.json) process.stdout.write(JSON.stringify(output, null, 2) + "\n");
  else process.stdout.write(renderTable(output, results) + `\n\n${options.rounds} alternating rounds of ${options.time} ms per side; ${Math.round((performance.now() - started) / 1000)} s in all.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
