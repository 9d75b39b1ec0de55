import * as fc from "fast-check";
import { safeParseObject } from "@mfgsync/canonical";
import type { MappingContext } from "../context.js";
import type { Mapper } from "../mapper.js";
import type { CheckResult } from "./checks.js";
import { checkCanonicalRoundTrip, checkCoverage, checkVendorRoundTrip } from "./checks.js";
import { mutablePaths, mutate } from "./mutations.js";

/**
 * A vendor fixture: one bare vendor entity (transport annotations allowed)
 * and the context to map it with.
 *
 * @example
 * ```ts
 * import type { VendorFixture } from "@mfgsync/mapping/conformance";
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
 * What the conformance checks need from a mapper package.
 *
 * @example
 * ```ts
 * import type { ConformanceOptions } from "@mfgsync/mapping/conformance";
 * ```
 */
export interface ConformanceOptions<V, C> {
  /** The compiled mapper. */
  readonly mapper: Mapper<V, C>;
  /** Raw vendor entities, each of which must survive vendor → canonical → vendor exactly. */
  readonly fixtures: readonly VendorFixture[];
  /** Canonical objects, e.g. `arbitraryObject(...)` from `@mfgsync/canonical/testing`. */
  readonly arbitrary: fc.Arbitrary<C>;
  /** Turns an arbitrary canonical object into one the vendor can hold (lengths, schemes, units): the documented input domain of the mapper. See `catalogFit`. */
  readonly fit: (canonical: C) => C;
  /** Context of the property tests. */
  readonly context?: MappingContext;
  /** Runs per property (default 200). */
  readonly numRuns?: number;
  /** Seed of the properties (default: fast-check's global setting). */
  readonly seed?: number;
  /** Normalizes a vendor input before comparing it with encode's output (default: the profile's transport stripping). */
  readonly normalizeVendor?: (vendor: unknown) => unknown;
  /** Declared vendor properties allowed outside the catalog (bundle navigations assembled by the caller). */
  readonly allowUncatalogued?: readonly string[];
}

/**
 * One named conformance check, to run with any test runner.
 *
 * @example
 * ```ts
 * import type { ConformanceCheck } from "@mfgsync/mapping/conformance";
 * const report = (c: ConformanceCheck) => `${c.name}: ${c.run().problems.length === 0 ? "ok" : "failed"}`;
 * ```
 */
export interface ConformanceCheck {
  /** What the check verifies. */
  readonly name: string;
  /** Runs it. */
  run(): CheckResult;
}

function pointerIssues(issues: readonly { path: string }[]): string[] {
  return issues.filter((i) => !(i.path === "" || i.path.startsWith("/"))).map((i) => `issue path "${i.path}" is not a JSON Pointer`);
}

function property<T>(arb: fc.Arbitrary<T>, numRuns: number, seed: number | undefined, predicate: (value: T) => readonly string[]): CheckResult {
  const details = fc.check(fc.property(arb, (value) => {
    const problems = predicate(value);
    if (problems.length > 0) throw new Error(problems.join("\n"));
  }), { numRuns, ...(seed === undefined ? {} : { seed }) });
  if (!details.failed) return { problems: [] };
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  let example: string;
  try {
    example = JSON.stringify(details.counterexample?.[0])?.slice(0, 2000) ?? "undefined";
  } catch {
    example = "(not JSON)";
  }
  return { problems: [`failed after ${details.numRuns} runs (seed ${details.seed}, path "${details.counterexamplePath ?? ""}"): ${error}\ncounterexample: ${example}`] };
}

/**
 * The conformance checks of a mapper as plain functions, for any test
 * runner: coverage of the catalogs and the canonical schema, the exact
 * vendor round trip of every fixture, and as fast-check properties the
 * canonical round trip up to declared losses, robustness of encode and decode
 * against arbitrary input, and mutated fixtures (values typical of the
 * mapper's protocol, from its wire profile) that either fail with issues or
 * still round-trip exactly.
 *
 * @example
 * ```ts
 * import type { ConformanceOptions } from "@mfgsync/mapping/conformance";
 * import { conformanceChecks } from "@mfgsync/mapping/conformance";
 * const failures = (options: ConformanceOptions<unknown, unknown>) =>
 *   conformanceChecks(options).flatMap((c) => c.run().problems.map((p) => `${c.name}: ${p}`));
 * ```
 */
export function conformanceChecks<V, C>(options: ConformanceOptions<V, C>): ConformanceCheck[] {
  const { mapper, fixtures, context, fit, seed } = options;
  const numRuns = options.numRuns ?? 200;
  const checks: ConformanceCheck[] = [
    { name: "declares every canonical field it cannot fill and names only catalogued properties", run: () => checkCoverage(mapper.declaration, { allowUncatalogued: options.allowUncatalogued ?? [] }) },
    { name: "has at least one vendor fixture", run: () => ({ problems: fixtures.length > 0 ? [] : ["no vendor fixture"] }) },
  ];
  for (const fixture of fixtures) {
    checks.push({ name: `vendor → canonical → vendor is exact: ${fixture.name}`, run: () => checkVendorRoundTrip(mapper, fixture.vendor, fixture.context ?? context, options.normalizeVendor) });
  }
  checks.push({
    name: "canonical → vendor → canonical keeps every field the vendor can hold (property)",
    run: () => property(options.arbitrary, numRuns, seed, (canonical) => {
      const fitted = fit(canonical);
      const valid = safeParseObject(mapper.declaration.canonical, fitted);
      if (!valid.ok) return [`fit() produced an invalid object: ${valid.issues.map((i) => `${i.path} ${i.message}`).join("; ")}`];
      return checkCanonicalRoundTrip(mapper, fitted, context).problems;
    }),
  });
  checks.push({
    name: "encode never throws and reports issues with JSON Pointer paths (property, unfitted objects)",
    run: () => property(options.arbitrary, Math.ceil(numRuns / 2), seed, (canonical) => {
      const result = mapper.encode(canonical, context);
      return result.ok ? [] : pointerIssues(result.issues);
    }),
  });
  checks.push({
    name: "decode never throws, points its issues into the input, and what it decodes is valid (property)",
    run: () => property(fc.jsonValue({ maxDepth: 3 }), Math.ceil(numRuns / 2), seed, (input) => {
      const result = mapper.decode(input, context);
      if (!result.ok) return pointerIssues(result.issues);
      const valid = safeParseObject(mapper.declaration.canonical, result.value);
      return valid.ok ? [] : [`decode said ok but the object is invalid: ${valid.issues.map((i) => `${i.path} ${i.message}`).join("; ")}`];
    }),
  });
  const profile = mapper.profile;
  const mutable = fixtures.map((f) => ({ fixture: f, paths: mutablePaths(f.vendor, profile) })).filter((f) => f.paths.length > 0);
  if (mutable.length > 0) {
    const mutationValue = fc.oneof(fc.constantFrom(...profile.mutations), fc.string({ maxLength: 14 }), fc.integer(), fc.jsonValue({ maxDepth: 2 }));
    checks.push({
      name: "a fixture with one property changed either fails with issues or still round-trips exactly (property)",
      run: () => {
        const arb = fc.integer({ min: 0, max: mutable.length - 1 }).chain((i) => {
          const m = mutable[i] ?? (mutable[0] as (typeof mutable)[number]);
          return fc.tuple(fc.constant(m.fixture), fc.constantFrom(...m.paths), mutationValue);
        });
        return property(arb, numRuns, seed, ([fixture, path, value]) => {
          const changed = mutate(fixture.vendor, path, value);
          const decoded = mapper.decode(changed, fixture.context ?? context);
          if (!decoded.ok) return pointerIssues(decoded.issues);
          return checkVendorRoundTrip(mapper, changed, fixture.context ?? context, options.normalizeVendor).problems.map((p) => `after setting /${path.join("/")} to ${JSON.stringify(value)}: ${p}`);
        });
      },
    });
  }
  return checks;
}

/**
 * Runs every conformance check of a mapper and returns the problems per
 * check (empty when all passed). Never throws.
 *
 * @example
 * ```ts
 * import type { ConformanceOptions } from "@mfgsync/mapping/conformance";
 * import { runConformance } from "@mfgsync/mapping/conformance";
 * const passed = (options: ConformanceOptions<unknown, unknown>) => runConformance(options).every((c) => c.problems.length === 0);
 * ```
 */
export function runConformance<V, C>(options: ConformanceOptions<V, C>): readonly { readonly name: string; readonly problems: readonly string[] }[] {
  return conformanceChecks(options).map((check) => {
    try {
      return { name: check.name, problems: check.run().problems };
    } catch (error) {
      return { name: check.name, problems: [`the check threw: ${error instanceof Error ? error.message : String(error)}`] };
    }
  });
}
