// `pnpm fuzz`: FUZZ_N cases (default 100,000) of every target, seed FUZZ_SEED;
// FUZZ_ONLY=a,b limits the targets (names containing a or b), FUZZ_CASE=i
// replays one case. Prints the counts and exits 1 when any defect was found.
import { writeFileSync } from "node:fs";
import { DEFAULT_N, DEFAULT_SEED, renderRuns, runFuzz } from "./suite.js";

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw.replace(/_/g, ""));
  if (!Number.isSafeInteger(value) || value < 0) {
    process.stderr.write(`${name} must be a non-negative integer, got ${raw}\n`);
    process.exit(64);
  }
  return value;
}

const n = intEnv("FUZZ_N", DEFAULT_N);
const seed = intEnv("FUZZ_SEED", DEFAULT_SEED);
const only = process.env["FUZZ_ONLY"]?.split(",").map((s) => s.trim()).filter(Boolean);
const caseIndex = process.env["FUZZ_CASE"] === undefined || process.env["FUZZ_CASE"] === "" ? undefined : intEnv("FUZZ_CASE", 0);

const started = Date.now();
const runs = await runFuzz({
  n, seed, ...(only ? { only } : {}), ...(caseIndex === undefined ? {} : { caseIndex }),
  onTarget: (target, tally, ms) => {
    const found = Object.entries(tally.counts).filter(([, n]) => n > 0).map(([c, n]) => `${c} ${n}`).join(", ");
    process.stderr.write(`${target.name}: ${tally.cases} cases, ${tally.defects} defects${found ? ` (${found})` : ""}, ${(ms / 1000).toFixed(1)} s\n`);
    for (const e of tally.examples) process.stderr.write(`  ${e.category} case ${e.index}: ${e.detail.slice(0, 300)}\n`);
  },
});
process.stdout.write(renderRuns(runs, { n, seed }));
// FUZZ_DUMP=FILE (with FUZZ_CASE): the whole input of the first example found, as JSON, for a regression test.
const dump = process.env["FUZZ_DUMP"];
if (dump) {
  const example = runs.flatMap((r) => r.tally.examples)[0];
  if (example) writeFileSync(dump, JSON.stringify(example.raw, null, 1) ?? "undefined");
}
const defects = runs.reduce((a, r) => a + r.tally.defects, 0);
process.stdout.write(`\n${runs.length} targets, ${runs.reduce((a, r) => a + r.tally.cases, 0)} cases, ${defects} defects, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
process.exitCode = defects > 0 ? 1 : runs.length === 0 ? 2 : 0;
