import * as fc from "fast-check";
import type * as z from "zod";
import type { Extensions } from "../primitives/extensions.js";
import { EXTENSION_FIELD_PATTERN, EXTENSION_NAMESPACE_PATTERN } from "../primitives/extensions.js";
import type { Identifier, IdentifierScope, MaterialRef, Reference } from "../primitives/identifier.js";
import { SCHEME_PATTERN } from "../primitives/identifier.js";
import type { Measure, Quantity } from "../primitives/quantity.js";
import type { DateOrTimestamp, PlainDate, Timestamp } from "../primitives/time.js";
import { UnitCode, isUnitCode } from "../primitives/unit.js";

// Internal helpers shared by the object arbitraries.

// Building some arbitraries (fc.stringMatching parses its regex into a generator tree) costs
// milliseconds; arbitraries are immutable, so each distinct one is built once and shared.
const built = new Map<string, fc.Arbitrary<unknown>>();
/** The arbitrary built by `build` under `key`, built on first use only. */
export function cached<T>(key: string, build: () => fc.Arbitrary<T>): fc.Arbitrary<T> {
  let arbitrary = built.get(key) as fc.Arbitrary<T> | undefined;
  if (!arbitrary) {
    arbitrary = build();
    built.set(key, arbitrary);
  }
  return arbitrary;
}

/** `fc.stringMatching(pattern)`, built once per pattern. */
export function matching(pattern: RegExp): fc.Arbitrary<string> {
  return cached(`re:${pattern.source}`, () => fc.stringMatching(pattern));
}

/** `fc.record` that never builds null-prototype objects (canonical data is plain JSON) and keeps only `required` keys mandatory. */
export function rec<T extends Record<string, unknown>, K extends keyof T>(
  model: { [P in keyof T]: fc.Arbitrary<T[P]> },
  required: readonly K[],
): fc.Arbitrary<Pick<T, K> & Partial<Omit<T, K>>> {
  return fc.record(model, { requiredKeys: [...required], noNullPrototype: true }) as unknown as fc.Arbitrary<Pick<T, K> & Partial<Omit<T, K>>>;
}

/** Text of 1..`max` UTF-16 units (zod counts units), mostly ASCII, sometimes any Unicode. */
export function text(max: number, min = 1): fc.Arbitrary<string> {
  const cap = Math.min(max, 40);
  return fc
    .oneof(
      { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: cap }) },
      { weight: 1, arbitrary: fc.string({ minLength: min, maxLength: cap, unit: "grapheme" }) },
    )
    .filter((s) => s.length >= min && s.length <= max);
}

/** Small arrays: canonical arrays are at most 5 long here, to keep properties fast. */
export function list<T>(arb: fc.Arbitrary<T>, minLength = 0): fc.Arbitrary<T[]> {
  return fc.array(arb, { minLength, maxLength: 5 });
}

/** A value of a zod enum. */
export function enumValue<E extends z.ZodEnum>(values: E): fc.Arbitrary<z.infer<E>> {
  return fc.constantFrom(...(values.options as z.infer<E>[]));
}

/**
 * Arbitrary exact decimal strings as the canonical schemas accept them
 * (`"0"`, `"12.5"`, `"000"` never): mostly small values with short fractions,
 * sometimes the full 18 integer and 12 fraction digits. With `signed`, a
 * non-zero value may be negative.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { arbitraryDecimal } from "@mfgsync/canonical/testing";
 * fc.assert(fc.property(arbitraryDecimal(), (d) => !d.includes("e")));
 * ```
 */
export function arbitraryDecimal(options: { readonly signed?: boolean } = {}): fc.Arbitrary<string> {
  const integer = fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 99_999 }).map(String) },
    { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 18n - 1n }).map(String) },
  );
  const digits = (max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: max }).map((d) => d.join(""));
  const fraction = fc.option(fc.oneof({ weight: 3, arbitrary: digits(3) }, { weight: 1, arbitrary: digits(12) }), { nil: undefined });
  return fc.tuple(integer, fraction, fc.boolean()).map(([int, frac, negative]) => {
    const unsigned = frac === undefined ? int : `${int}.${frac}`;
    const isZero = /^[0.]+$/.test(unsigned);
    return options.signed && negative && !isZero ? `-${unsigned}` : unsigned;
  });
}

const COMMON_UNITS = ["H87", "C62", "EA", "KGM", "GRM", "TNE", "LBR", "LTR", "MLT", "MTQ", "MTR", "MMT", "CMT", "MTK", "SET", "DZN", "HUR", "MIN", "SEC", "CEL"];

/**
 * Arbitrary active UN/ECE Rec 20 unit codes: common ones most of the time,
 * any of the 1,700+ active codes sometimes; or only the given `units` (for a
 * mapper that supports a fixed set). Throws a `RangeError` when a given unit
 * is not an active Rec 20 code.
 *
 * @example
 * ```ts
 * import { arbitraryUnitCode } from "@mfgsync/canonical/testing";
 * const units = arbitraryUnitCode({ units: ["H87", "KGM", "LTR"] });
 * ```
 */
export function arbitraryUnitCode(options: { readonly units?: readonly string[] } = {}): fc.Arbitrary<UnitCode> {
  if (options.units !== undefined) {
    const bad = options.units.filter((u) => !isUnitCode(u));
    if (options.units.length === 0 || bad.length > 0) throw new RangeError(`units must be non-empty active UN/ECE Rec 20 codes; not valid: ${bad.join(", ") || "(empty list)"}`);
    return fc.constantFrom(...options.units);
  }
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...COMMON_UNITS) }, { weight: 1, arbitrary: fc.constantFrom(...(UnitCode.options as string[])) });
}

/**
 * Arbitrary {@link Quantity} values: a non-negative exact decimal string and
 * an active Rec 20 unit, optionally only from `units`.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { arbitraryQuantity } from "@mfgsync/canonical/testing";
 * fc.sample(arbitraryQuantity({ units: ["KGM"] }), 3); // e.g. [{ value: "12.5", unit: "KGM" }, ...]
 * ```
 */
export function arbitraryQuantity(options: { readonly units?: readonly string[] } = {}): fc.Arbitrary<Quantity> {
  return fc.record({ value: arbitraryDecimal(), unit: arbitraryUnitCode(options) }, { noNullPrototype: true });
}

/**
 * Arbitrary {@link Measure} values (signed decimal with unit), as recorded for
 * quantitative inspection results.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { arbitraryMeasure } from "@mfgsync/canonical/testing";
 * fc.sample(arbitraryMeasure({ units: ["CEL"] }), 1); // e.g. [{ value: "-18.5", unit: "CEL" }]
 * ```
 */
export function arbitraryMeasure(options: { readonly units?: readonly string[] } = {}): fc.Arbitrary<Measure> {
  return fc.record({ value: arbitraryDecimal({ signed: true }), unit: arbitraryUnitCode(options) }, { noNullPrototype: true });
}

const SCHEMES = ["sap-s4hana", "oracle-fusion", "d365", "mes", "qms", "gs1.gtin"];

/**
 * Arbitrary {@link Identifier} values: SAP-style zero-padded numbers,
 * codes with dashes and free text, with a scheme (the given one, or a known or
 * random valid one), sometimes an issuer and sometimes a scope. Throws a `RangeError` when the
 * given scheme does not match {@link SCHEME_PATTERN}.
 *
 * @example
 * ```ts
 * import { arbitraryIdentifier } from "@mfgsync/canonical/testing";
 * const sapIds = arbitraryIdentifier({ scheme: "sap-s4hana" });
 * ```
 */
export function arbitraryIdentifier(options: { readonly scheme?: string } = {}): fc.Arbitrary<Identifier> {
  if (options.scheme !== undefined && !(SCHEME_PATTERN.test(options.scheme) && options.scheme.length <= 64)) {
    throw new RangeError(`"${options.scheme}" is not a valid identifier scheme`);
  }
  return cached(`identifier:${options.scheme ?? ""}`, () => buildIdentifier(options.scheme));
}

function buildIdentifier(fixedScheme: string | undefined): fc.Arbitrary<Identifier> {
  const scheme = fixedScheme !== undefined
    ? fc.constant(fixedScheme)
    : fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...SCHEMES) },
      { weight: 1, arbitrary: matching(/^[a-z][a-z0-9]{0,8}(?:[.-][a-z0-9]{1,6}){0,2}$/) },
    );
  const value = fc.oneof(
    fc.integer({ min: 1, max: 9_999_999 }).map((n) => String(n).padStart(10, "0")),
    matching(/^[A-Z]{1,4}-\d{1,6}$/),
    text(255),
  );
  const issuer = fc.oneof(fc.constantFrom("S4P-100", "PRD-200", "USMF", "EU-POD-1"), text(128));
  // Scopes are rarer than issuers: most keys are unique without one.
  const scope = fc.option(arbitraryScope(), { freq: 3, nil: undefined });
  return fc.tuple(rec<Identifier, "value" | "scheme">({ value, scheme, issuer }, ["value", "scheme"]), scope)
    .map(([id, s]) => (s === undefined ? id : { ...id, scope: s }));
}

/**
 * Arbitrary {@link IdentifierScope} values: D365 companies, Oracle
 * organisations, SAP plants, sometimes free text.
 *
 * @example
 * ```ts
 * import { arbitraryScope } from "@mfgsync/canonical/testing";
 * const scopes = arbitraryScope();
 * ```
 */
export function arbitraryScope(): fc.Arbitrary<IdentifierScope> {
  return cached("scope", () => fc.record({
    type: fc.constantFrom("company" as const, "organization" as const, "plant" as const),
    value: fc.oneof(fc.constantFrom("usmf", "demf", "M1", "V1", "1010"), text(64)),
  }, { noNullPrototype: true }));
}

/**
 * Arbitrary {@link Reference} values: an identifier (scheme as given, scope
 * sometimes) that sometimes carries the referenced object's identifiers in
 * other systems.
 *
 * @example
 * ```ts
 * import { arbitraryReference } from "@mfgsync/canonical/testing";
 * const lots = arbitraryReference({ scheme: "sap-s4hana" });
 * ```
 */
export function arbitraryReference(options: { readonly scheme?: string } = {}): fc.Arbitrary<Reference> {
  const id = arbitraryIdentifier(options);
  return cached(`reference:${options.scheme ?? ""}`, () => fc.tuple(id, fc.option(fc.array(arbitraryIdentifier(), { minLength: 1, maxLength: 2 }), { freq: 3, nil: undefined }))
    .map(([ref, crossReferences]) => (crossReferences === undefined ? ref : { ...ref, crossReferences })));
}

/**
 * Arbitrary {@link MaterialRef} values, sometimes with a revision.
 *
 * @example
 * ```ts
 * import { arbitraryMaterialRef } from "@mfgsync/canonical/testing";
 * const refs = arbitraryMaterialRef({ scheme: "sap-s4hana" });
 * ```
 */
export function arbitraryMaterialRef(options: { readonly scheme?: string } = {}): fc.Arbitrary<MaterialRef> {
  return rec<MaterialRef, "id">({ id: arbitraryReference(options), revision: text(40) }, ["id"]);
}

const MIN_MS = Date.UTC(2000, 0, 1);
const MAX_MS = Date.UTC(2099, 11, 31, 23, 59, 59, 999);
// Offsets in minutes, including the unusual ones (+05:45, +14:00) that trip naive parsers.
const OFFSETS = [0, 0, 60, 120, -300, -240, 330, 345, 540, 600, -600, 840, -720];

/**
 * Arbitrary {@link Timestamp} values between 2000 and 2099: RFC 3339 with
 * seconds, sometimes milliseconds, and `Z` or an explicit offset
 * (`+05:45` and `+14:00` included).
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { arbitraryTimestamp } from "@mfgsync/canonical/testing";
 * fc.assert(fc.property(arbitraryTimestamp(), (t) => !Number.isNaN(Date.parse(t))));
 * ```
 */
export function arbitraryTimestamp(): fc.Arbitrary<Timestamp> {
  return fc.tuple(fc.integer({ min: MIN_MS, max: MAX_MS }), fc.constantFrom(...OFFSETS), fc.boolean(), fc.boolean()).map(([ms, offset, zulu, withMillis]) => {
    const local = new Date(ms + offset * 60_000).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ, shifted to local time
    const base = withMillis ? local.slice(0, 23) : local.slice(0, 19);
    if (offset === 0 && zulu) return `${base}Z`;
    const abs = Math.abs(offset);
    return `${base}${offset < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  });
}

/**
 * Arbitrary {@link PlainDate} values between 2000 and 2099 (leap days included).
 *
 * @example
 * ```ts
 * import { arbitraryPlainDate } from "@mfgsync/canonical/testing";
 * const dates = arbitraryPlainDate();
 * ```
 */
export function arbitraryPlainDate(): fc.Arbitrary<PlainDate> {
  return fc.integer({ min: MIN_MS, max: MAX_MS }).map((ms) => new Date(ms).toISOString().slice(0, 10));
}

/**
 * Arbitrary {@link DateOrTimestamp} values: a plain date or a timestamp.
 *
 * @example
 * ```ts
 * import { arbitraryDateOrTimestamp } from "@mfgsync/canonical/testing";
 * const planned = arbitraryDateOrTimestamp();
 * ```
 */
export function arbitraryDateOrTimestamp(): fc.Arbitrary<DateOrTimestamp> {
  return fc.oneof(arbitraryPlainDate(), arbitraryTimestamp());
}

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

const FIELD_NAMES = ["MRPController", "ProductionSupervisor", "YY1_Shift_ORD", "ZZ1_LineCode", "ORA_STATUS", "dataAreaId", "@odata.etag", "_sortKey", "$rev"];
// Keys inside extension values avoid the names the parsers refuse anywhere in an input.
const jsonKey = text(30).filter((k) => k !== "__proto__" && k !== "constructor" && k !== "prototype");

const jsonValue: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
    text(100, 0),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(jsonKey, tie("value"), { maxKeys: 3, noNullPrototype: true }),
  ),
})).value;

/**
 * Arbitrary {@link Extensions}: one or two source-system namespaces (`sap`,
 * `oracle`, `d365`, `mes`, ...) holding vendor fields with small JSON values.
 *
 * @example
 * ```ts
 * import { arbitraryExtensions } from "@mfgsync/canonical/testing";
 * const extensions = arbitraryExtensions();
 * ```
 */
export function arbitraryExtensions(): fc.Arbitrary<Extensions> {
  return cached("extensions", buildExtensions);
}

function buildExtensions(): fc.Arbitrary<Extensions> {
  const namespace = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom("sap", "oracle", "d365", "mes", "qms", "acme.mes") },
    { weight: 1, arbitrary: matching(/^[a-z][a-z0-9]{0,8}(?:[.-][a-z0-9]{1,6})?$/) },
  ).filter((ns) => EXTENSION_NAMESPACE_PATTERN.test(ns));
  const fieldName = fc.oneof(fc.constantFrom(...FIELD_NAMES), matching(/^[A-Za-z_][A-Za-z0-9_]{0,20}$/)).filter((k) => EXTENSION_FIELD_PATTERN.test(k));
  return fc.dictionary(namespace, fc.dictionary(fieldName, jsonValue, { maxKeys: 4, noNullPrototype: true }), { minKeys: 1, maxKeys: 2, noNullPrototype: true });
}
