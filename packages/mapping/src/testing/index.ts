/**
 * The conformance kit for mapper packages: run {@link describeConformance}
 * in a vitest file of your mapper package to check both round trips (vendor
 * → canonical → vendor exactly; canonical → vendor → canonical on every
 * field the vendor can hold, known losses declared), robustness against
 * arbitrary and mutated input, and catalog coverage. The checks are also
 * exported as plain functions for other test runners.
 *
 * `vitest` and `fast-check` are optional peer dependencies needed by this
 * entry point only.
 *
 * @packageDocumentation
 */
export type { CheckResult } from "./checks.js";
export { checkVendorRoundTrip, checkCanonicalRoundTrip, checkCoverage, stripTransportAnnotations } from "./checks.js";
export { diffJson, applyKnownLoss } from "./diff.js";
export type { VendorFixture, ConformanceOptions } from "./describe.js";
export { describeConformance } from "./describe.js";
