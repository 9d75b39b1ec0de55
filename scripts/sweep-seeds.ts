// `pnpm exec tsx --conditions=@mfgsync/source scripts/sweep-seeds.ts [FIRST] [LAST]`
//
// Runs the SAP production-order property "canonical → vendor → canonical
// keeps every field the vendor can hold" once per fast-check seed (default
// 1..1000, 150 runs each, as the test does) and prints the seeds that fail.
// Too slow for CI; CI runs the seeds that once failed as regression cases
// (packages/mappers-sap/test/production-order.test.ts).
import { arbitraryProductionOrder } from "@mfgsync/canonical/testing";
import { productionOrderMapper } from "@mfgsync/mappers-sap";
import { conformanceChecks } from "@mfgsync/mapping/conformance";
import { SAP_TEST_UNITS, SCHEME } from "../packages/mappers-sap/test/helpers/fit.js";
import { fitOrder } from "../packages/mappers-sap/test/helpers/fit-order.js";

const CONTEXT = { plantTimeZones: { "1710": "America/New_York", "1010": "Europe/Berlin" }, defaultTimeZone: "Asia/Tokyo" };
const first = Number(process.argv[2] ?? 1), last = Number(process.argv[3] ?? 1000);
const failed: number[] = [];
for (let seed = first; seed <= last; seed++) {
  const check = conformanceChecks({
    mapper: productionOrderMapper, fixtures: [], arbitrary: arbitraryProductionOrder({ scheme: SCHEME, units: SAP_TEST_UNITS }), fit: fitOrder, context: CONTEXT, numRuns: 150, seed,
  }).find((c) => c.name.startsWith("canonical → vendor → canonical"));
  const problems = check?.run().problems ?? ["check not found"];
  if (problems.length > 0) {
    failed.push(seed);
    process.stderr.write(`seed ${seed}: ${problems[0]?.split("\n")[0]}\n`);
  }
  if (seed % 100 === 0) process.stderr.write(`  ${seed} done, ${failed.length} failed\n`);
}
process.stdout.write(`${last - first + 1} seeds, ${failed.length} failed${failed.length ? `: ${failed.join(", ")}` : ""}\n`);
process.exitCode = failed.length > 0 ? 1 : 0;
