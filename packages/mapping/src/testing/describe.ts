import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeParseObject } from "@mfgsync/canonical";
import type { MappingContext } from "../context.js";
import type { Mapper } from "../mapper.js";
import { isRecord } from "../util/json.js";
import { checkCanonicalRoundTrip, checkCoverage, checkVendorRoundTrip, stripTransportAnnotations } from "./checks.js";

/**
 * A vendor fixture: one bare vendor entity (transport annotations allowed)
 * and the context to map it with.
 *
 * @example
 * ```ts
 * import type { VendorFixture } from "@mfgsync/mapping/testing";
 * const fixture: VendorFixture = { name: "released order", vendor: { ManufacturingOrder: "1000123" } };
 * ```
 */
export interface VendorFixture {
  /** Test name. */
  readonly name: string;
  /** The vendor entity. */
  readonly vendor: unknown;
  /** Context for this fixture (defaults to the suite's). */
  readonly context?: MappingContext;
}

/**
 * What {@link describeConformance} needs from a mapper package.
 *
 * @example
 * ```ts
 * import type { ConformanceOptions } from "@mfgsync/mapping/testing";
 * ```
 */
export interface ConformanceOptions<V, C> {
  /** The compiled mapper. */
  readonly mapper: Mapper<V, C>;
  /** Raw vendor entities, each of which must survive vendor → canonical → vendor exactly. */
  readonly fixtures: readonly VendorFixture[];
  /** Canonical objects, e.g. `arbitraryObject(...)` from `@mfgsync/canonical/testing`. */
  readonly arbitrary: fc.Arbitrary<C>;
  /** Turns an arbitrary canonical object into one the vendor can hold (lengths, schemes, units): the documented input domain of the mapper. */
  readonly fit: (canonical: C) => C;
  /** Context of the property tests. */
  readonly context?: MappingContext;
  /** Runs per property (default 200). */
  readonly numRuns?: number;
  /** Normalizes a vendor input before comparing it with encode's output (default: strip OData V2 transport annotations). */
  readonly normalizeVendor?: (vendor: unknown) => unknown;
  /** Declared vendor properties allowed outside the catalog (bundle navigations assembled by the caller). */
  readonly allowUncatalogued?: readonly string[];
}

const mutationValue = fc.oneof(
  fc.constantFrom("", "X", null, "0", "/Date(0)/", "/Date(abc)/", "PT00H00M00S", "12,5", "__proto__", true, false, 0, -1),
  fc.string({ maxLength: 14 }),
  fc.integer(),
  fc.jsonValue({ maxDepth: 2 }),
);

function mutate(entity: unknown, path: readonly string[], value: unknown): unknown {
  if (!isRecord(entity)) return entity;
  const copy: Record<string, unknown> = { ...entity };
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (rest.length === 0) copy[head] = value;
  else copy[head] = mutate(copy[head], rest, value);
  return copy;
}

/** Paths of the scalar properties of an entity and of its expanded children (first two of each). */
function mutablePaths(entity: unknown, prefix: string[] = [], depth = 0): string[][] {
  if (!isRecord(entity) || depth > 3) return [];
  const out: string[][] = [];
  for (const [key, value] of Object.entries(entity)) {
    if (key === "__metadata") continue;
    if (isRecord(value) && Array.isArray(value["results"])) {
      (value["results"] as unknown[]).slice(0, 2).forEach((item, i) => out.push(...mutablePaths(item, [...prefix, key, "results", String(i)], depth + 1)));
    } else out.push([...prefix, key]);
  }
  return out;
}

function assertNoProblems(problems: readonly string[]): void {
  if (problems.length > 0) throw new Error(problems.join("\n"));
}

/**
 * Registers the conformance suite of a mapper with vitest: vendor round
 * trips of every fixture, canonical round trips and robustness as fast-check
 * properties, and catalog/known-loss coverage.
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
  const { mapper, fixtures, context, fit } = options;
  const numRuns = options.numRuns ?? 200;
  const normalizeVendor = options.normalizeVendor ?? stripTransportAnnotations;
  describe(`conformance: ${name}`, () => {
    it("declares every canonical field it cannot fill and names only catalogued properties", () => {
      assertNoProblems(checkCoverage(mapper.declaration, { allowUncatalogued: options.allowUncatalogued ?? [] }).problems);
    });

    it("has at least one vendor fixture", () => {
      expect(fixtures.length).toBeGreaterThan(0);
    });

    for (const fixture of fixtures) {
      it(`vendor → canonical → vendor is exact: ${fixture.name}`, () => {
        const result = checkVendorRoundTrip(mapper, fixture.vendor, fixture.context ?? context, normalizeVendor);
        assertNoProblems(result.problems);
        expect(result.canonical).toBeDefined();
      });
    }

    it("canonical → vendor → canonical keeps every field the vendor can hold (property)", () => {
      fc.assert(fc.property(options.arbitrary, (canonical) => {
        const fitted = fit(canonical);
        const valid = safeParseObject(mapper.declaration.canonical, fitted);
        if (!valid.ok) throw new Error(`fit() produced an invalid object: ${valid.issues.map((i) => `${i.path} ${i.message}`).join("; ")}`);
        assertNoProblems(checkCanonicalRoundTrip(mapper, fitted, context).problems);
      }), { numRuns });
    });

    it("encode never throws and reports issues with JSON Pointer paths (property, unfitted objects)", () => {
      fc.assert(fc.property(options.arbitrary, (canonical) => {
        const result = mapper.encode(canonical, context);
        if (!result.ok) for (const issue of result.issues) expect(issue.path === "" || issue.path.startsWith("/")).toBe(true);
      }), { numRuns: Math.ceil(numRuns / 2) });
    });

    it("decode never throws on arbitrary JSON and points its issues into the input (property)", () => {
      fc.assert(fc.property(fc.jsonValue({ maxDepth: 3 }), (input) => {
        const result = mapper.decode(input, context);
        expect(typeof result.ok).toBe("boolean");
        if (!result.ok) for (const issue of result.issues) expect(issue.path === "" || issue.path.startsWith("/")).toBe(true);
      }), { numRuns: Math.ceil(numRuns / 2) });
    });

    const mutable = fixtures.map((f) => ({ fixture: f, paths: mutablePaths(f.vendor) })).filter((f) => f.paths.length > 0);
    if (mutable.length > 0) {
      it("a fixture with one property changed either fails with issues or still round-trips exactly (property)", () => {
        const arb = fc.integer({ min: 0, max: mutable.length - 1 }).chain((i) => {
          const m = mutable[i] ?? mutable[0]!;
          return fc.tuple(fc.constant(m.fixture), fc.constantFrom(...m.paths), mutationValue);
        });
        fc.assert(fc.property(arb, ([fixture, path, value]) => {
          const changed = mutate(fixture.vendor, path, value);
          const decoded = mapper.decode(changed, fixture.context ?? context);
          if (!decoded.ok) {
            for (const issue of decoded.issues) expect(issue.path === "" || issue.path.startsWith("/")).toBe(true);
            return;
          }
          assertNoProblems(checkVendorRoundTrip(mapper, changed, fixture.context ?? context, normalizeVendor).problems);
        }), { numRuns });
      });
    }
  });
}
