// A quality order's tests as canonical characteristics. D365 keeps the tests
// with their tolerances on the quality order lines, a separate entity whose
// OData name was not verified (notes section 5); the result rows the caller
// attaches name each test (QualityTestId) and carry its values. The
// characteristics are therefore derived from the decoded results after the
// compiled mapper ran, and never written (the results are).
import type { Characteristic, CharacteristicResult, Issue } from "@mfgsync/canonical";
import { ISSUE_CODES } from "@mfgsync/canonical";
import type { MapResult, Mapper, WireResult } from "@mfgsync/mapping";

/** The canonical limit of `characteristics`. */
const MAX_CHARACTERISTICS = 10000;

/**
 * The characteristics the results of a quality order name: one per
 * `QualityTestId` in the order the results first name it; Quantitative when
 * a result of the test has a measured value (`ResultValue`), else
 * Qualitative (an option test: `QualityTestVariableOutcomeId`); the unit of
 * its measured values (the `d365:QualityTestUnit` code table's, else C62);
 * required, as validating a quality order checks every test of its test
 * group [inferred].
 *
 * @example
 * ```ts
 * import { characteristicsOfResults } from "@mfgsync/mappers-d365";
 * characteristicsOfResults([{ characteristic: "Viscosity", measured: { value: "1250", unit: "C7" }, evaluation: { value: "Pass" } }]);
 * // [{ id: "Viscosity", kind: "Quantitative", required: true, unit: "C7" }]
 * ```
 */
export function characteristicsOfResults(results: readonly CharacteristicResult[]): Characteristic[] {
  const byId = new Map<string, Characteristic>();
  for (const r of results) {
    const known = byId.get(r.characteristic);
    if (known === undefined) {
      byId.set(r.characteristic, { id: r.characteristic, kind: r.measured === undefined ? "Qualitative" : "Quantitative", required: true, ...(r.measured === undefined ? {} : { unit: r.measured.unit }) });
    } else if (known.kind === "Qualitative" && r.measured !== undefined) {
      byId.set(r.characteristic, { ...known, kind: "Quantitative", unit: r.measured.unit });
    }
  }
  return [...byId.values()];
}

type Decoded = { readonly results?: unknown; readonly characteristics?: unknown };

function withCharacteristics<C>(result: MapResult<C>, path: string): MapResult<C> {
  if (!result.ok) return result;
  const value = result.value as Decoded;
  if (!Array.isArray(value.results)) return result;
  const characteristics = characteristicsOfResults(value.results as CharacteristicResult[]);
  if (characteristics.length > MAX_CHARACTERISTICS) {
    const issue: Issue = { path, code: ISSUE_CODES.tooBig, message: `the results name ${characteristics.length} tests (QualityTestId); an inspection holds at most ${MAX_CHARACTERISTICS} characteristics` };
    return { ok: false, issues: [issue], warnings: result.warnings };
  }
  return { ...result, value: { ...(result.value as object), characteristics } as C };
}

/**
 * An inspection mapper whose decoded inspections carry the characteristics
 * their results name ({@link characteristicsOfResults}). Encoding is the
 * inner mapper's: characteristics are not written (the results are).
 */
export function withDerivedCharacteristics<V, C>(inner: Mapper<V, C>, navigation: string): Mapper<V, C> {
  const at = (basePath: string | undefined) => `${basePath ?? ""}/${navigation}`;
  return {
    ...inner,
    decode(input, context, options) {
      return withCharacteristics(inner.decode(input, context, options), at(options?.basePath));
    },
    decodeWire(payload, context, options): WireResult<C> {
      const r = inner.decodeWire(payload, context, options);
      if (!r.ok) return r;
      return { ...r, results: r.results.map((x) => withCharacteristics(x, at(options?.basePath))) };
    },
  };
}
