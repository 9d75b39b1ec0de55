/**
 * The conformance kit for mapper packages, for any test runner: plain
 * functions that check both round trips (vendor → canonical → vendor
 * exactly; canonical → vendor → canonical on every field the vendor can
 * hold, known losses declared), robustness against arbitrary and mutated
 * input (mutations typical of the mapper's wire profile), and catalog
 * coverage. They return problems instead of throwing. The vitest wrapper is
 * `@mfgsync/mapping/testing`.
 *
 * `fast-check` is an optional peer dependency needed by this entry point.
 *
 * @packageDocumentation
 */
export type { CheckResult } from "./checks.js";
export { checkVendorRoundTrip, checkCanonicalRoundTrip, checkCoverage, stripTransportAnnotations } from "./checks.js";
export { diffJson, applyKnownLoss } from "./diff.js";
export { mutablePaths, mutate } from "./mutations.js";
export { catalogFit } from "./fit.js";
export type { VendorFixture, ConformanceOptions, ConformanceCheck } from "./run.js";
export { conformanceChecks, runConformance } from "./run.js";
