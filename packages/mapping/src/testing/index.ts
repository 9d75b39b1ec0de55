/**
 * The conformance kit for mapper packages as vitest tests: run
 * {@link describeConformance} in a test file of your mapper package. The
 * checks themselves are plain functions in `@mfgsync/mapping/conformance`
 * (re-exported here), usable with any test runner.
 *
 * `vitest` and `fast-check` are optional peer dependencies needed by this
 * entry point only.
 *
 * @packageDocumentation
 */
export { describeConformance } from "./describe.js";
export type { CheckResult, VendorFixture, ConformanceOptions, ConformanceCheck } from "../conformance/index.js";
export {
  checkVendorRoundTrip, checkCanonicalRoundTrip, checkCoverage, stripTransportAnnotations, diffJson, applyKnownLoss, mutablePaths, mutate, catalogFit,
  conformanceChecks, runConformance,
} from "../conformance/index.js";
