import { describe, expect, it } from "vitest";
import type { ConformanceOptions } from "../conformance/run.js";
import { conformanceChecks } from "../conformance/run.js";

/**
 * Registers the conformance checks of a mapper with vitest, one test per
 * check (see `conformanceChecks` in `@mfgsync/mapping/conformance` for the
 * list, and for other test runners).
 *
 * @example
 * ```ts
 * import { arbitraryObject } from "@mfgsync/canonical/testing";
 * import { describeConformance } from "@mfgsync/mapping/testing";
 * // describeConformance("sap:lot", { mapper, fixtures, arbitrary: arbitraryObject("lot", { scheme: "sap-s4hana" }), fit: (lot) => lot });
 * void arbitraryObject; void describeConformance;
 * ```
 */
export function describeConformance<V, C>(name: string, options: ConformanceOptions<V, C>): void {
  describe(`conformance: ${name}`, () => {
    for (const check of conformanceChecks(options)) {
      it(check.name, () => {
        const problems = check.run().problems;
        expect(problems, problems.join("\n")).toEqual([]);
      });
    }
  });
}
