import type { ComparisonResult } from "./harness.js";
import type { CliColdStart, ColdStart, StreamRun } from "./process.js";

const rate = (n: number) => (n >= 100 ? Math.round(n).toLocaleString("en") : n.toFixed(1));
const verdict = (value: number, target: number | undefined) => (target === undefined ? "" : value <= target ? "met" : "**missed**");

/** The Markdown tables `pnpm bench` prints (and docs/guides/benchmarks.md shows). */
export function renderTable(output: Readonly<Record<string, unknown>>, results: readonly ComparisonResult[]): string {
  const lines: string[] = [];
  lines.push("| key | ratio | target | | subject (payloads/s) | reference (payloads/s) |", "|---|---:|---:|---|---|---|");
  for (const r of results) {
    lines.push(`| \`${r.key}\` | ${r.ratio.toFixed(3)} | ${r.target === undefined ? "" : `<= ${r.target}`} | ${verdict(r.ratio, r.target)} | ${r.subject.name}: ${rate(r.subject.payloadsPerSec)} | ${r.reference.name}: ${rate(r.reference.payloadsPerSec)} |`);
  }
  const rules = output["rulesPerOrderUs"];
  const cold = output["coldStart"] as ColdStart | undefined;
  const streams = output["stream"] as StreamRun[] | undefined;
  const cliCold = output["coldStartVsNodeRuns"] as CliColdStart | undefined;
  const bundle = output["browserBundleGzipKB"];
  const speedup = output["parallelSpeedup2"];
  if (typeof rules === "number" || cold || streams || cliCold || typeof bundle === "number" || typeof speedup === "number") {
    lines.push("", "| key | value | target | |", "|---|---:|---:|---|");
    if (cliCold) {
      lines.push(`| \`coldStartVsNode\` (\`mfgsync map\` one SAP order ÷ \`node -e 0\`, median of ${cliCold.pairs} pairs) | ${cliCold.ratio.toFixed(2)} | <= 1.5 | ${verdict(cliCold.ratio, 1.5)} |`);
      lines.push(`| the CLI, spawn to exit (median) | ${cliCold.cliMs.toFixed(1)} ms | | |`);
      lines.push(`| \`node -e 0\`, spawn to exit (median) | ${cliCold.nodeMs.toFixed(1)} ms | | |`);
    }
    if (typeof bundle === "number") lines.push(`| \`browserBundleGzipKB\` (SAP order: decode, schema check, rules) | ${bundle.toFixed(1)} KB | <= 100 | ${verdict(bundle, 100)} |`);
    if (typeof rules === "number") lines.push(`| \`rulesPerOrderUs\` | ${rules.toFixed(1)} µs | | |`);
    if (cold) {
      lines.push(`| \`coldStartMs\` (spawn to exit) | ${cold.coldStartMs.toFixed(1)} ms | <= 150 | ${verdict(cold.coldStartMs, 150)} |`);
      lines.push(`| of which an empty \`node -e ""\` | ${cold.nodeBaselineMs.toFixed(1)} ms | | |`);
      lines.push(`| import canonical + SAP packages | ${cold.importMs.toFixed(1)} ms | | |`);
      lines.push(`| map the first order (with schema check) | ${cold.firstMapMs.toFixed(1)} ms | | |`);
    }
    for (const s of streams ?? []) {
      lines.push(`| \`streamOrdersPerSec\` ${s.orders.toLocaleString("en")} orders (${Math.round(s.inputMB).toLocaleString("en")} MB, ${s.source}) | ${rate(s.ordersPerSec)} /s | | |`);
      lines.push(`| \`streamPeakRssMB\` ${s.orders.toLocaleString("en")} orders (--jobs ${s.jobs}) | ${s.peakRssMB.toFixed(1)} MB | <= 250 | ${verdict(s.peakRssMB, 250)} |`);
    }
    if (typeof speedup === "number") {
      const p = output["parallelStream"] as { jobs1: StreamRun; jobs2: StreamRun };
      // A speedup is met when it is at least the target (the other keys are met below theirs).
      lines.push(`| \`parallelSpeedup2\` (--jobs 2 ÷ --jobs 1, ${p.jobs1.orders.toLocaleString("en")} orders: ${rate(p.jobs1.ordersPerSec)} → ${rate(p.jobs2.ordersPerSec)} /s) | ${speedup.toFixed(3)} | >= 1.7 | ${speedup >= 1.7 ? "met" : "**missed**"} |`);
    }
  }
  return lines.join("\n");
}
