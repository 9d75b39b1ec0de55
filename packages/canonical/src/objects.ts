import { Inspection } from "./inspection/inspection.js";
import { Lot } from "./lot/lot.js";
import { Material } from "./material/material.js";
import { Nonconformance } from "./nonconformance/nonconformance.js";
import { makeParsers } from "./parse.js";
import { ProductionOrder } from "./production-order/production-order.js";
import type { Issue, Result } from "./result.js";
import { ISSUE_CODES } from "./result.js";
import { quote } from "./quote.js";

/**
 * The canonical object schemas by name: the same `<name>` as their JSON
 * Schema file and example.
 *
 * @example
 * ```ts
 * import { ObjectSchemas } from "@mfgsync/canonical";
 * Object.keys(ObjectSchemas); // ["material", "production-order", "lot", "inspection", "nonconformance"]
 * ```
 */
export const ObjectSchemas = {
  material: Material,
  "production-order": ProductionOrder,
  lot: Lot,
  inspection: Inspection,
  nonconformance: Nonconformance,
} as const;

/**
 * Name of a canonical object: `material`, `production-order`, `lot`, `inspection` or `nonconformance`.
 *
 * @example
 * ```ts
 * import type { ObjectName } from "@mfgsync/canonical";
 * const name: ObjectName = "lot";
 * ```
 */
export type ObjectName = keyof typeof ObjectSchemas;

/**
 * The canonical object type for a name.
 *
 * @example
 * ```ts
 * import type { CanonicalObject } from "@mfgsync/canonical";
 * type L = CanonicalObject<"lot">;
 * ```
 */
export type CanonicalObject<N extends ObjectName = ObjectName> = ObjectTypes[N];

/** The named type of each object (each equal to `z.infer` of its schema, see test/model-types.test-d.ts), so that hovers say `Lot`, not its fields. */
interface ObjectTypes {
  material: Material;
  "production-order": ProductionOrder;
  lot: Lot;
  inspection: Inspection;
  nonconformance: Nonconformance;
}

/**
 * Names of all canonical objects, in a stable order.
 *
 * @example
 * ```ts
 * import { OBJECT_NAMES } from "@mfgsync/canonical";
 * OBJECT_NAMES.includes("lot"); // true
 * ```
 */
export const OBJECT_NAMES = Object.keys(ObjectSchemas) as ObjectName[];

const materialParsers = makeParsers(Material, "material");
const orderParsers = makeParsers(ProductionOrder, "production order");
const lotParsers = makeParsers(Lot, "lot");
const inspectionParsers = makeParsers(Inspection, "inspection");
const nonconformanceParsers = makeParsers(Nonconformance, "nonconformance");
const byName = { material: materialParsers, "production-order": orderParsers, lot: lotParsers, inspection: inspectionParsers, nonconformance: nonconformanceParsers };

/**
 * Parses a material, returning issues (JSON Pointer path, code, message) instead of throwing. Never throws, whatever the input.
 * @example
 * ```ts
 * import { safeParseMaterial } from "@mfgsync/canonical";
 * const r = safeParseMaterial(null); // { ok: false, issues: [...] }
 * ```
 * @function
 */
export const safeParseMaterial: (input: unknown) => Result<Material> = materialParsers.safeParse;
/**
 * Parses a material, throwing {@link CanonicalValidationError} when invalid.
 * @throws {@link CanonicalValidationError}
 * @example
 * ```ts
 * import { parseMaterial } from "@mfgsync/canonical";
 * try { parseMaterial({}); } catch (e) { console.log((e as Error).message); }
 * ```
 * @function
 */
export const parseMaterial: (input: unknown) => Material = materialParsers.parse;
/**
 * Parses a production order, returning issues instead of throwing. Never throws.
 * @example
 * ```ts
 * import { safeParseProductionOrder } from "@mfgsync/canonical";
 * safeParseProductionOrder("not an order").ok; // false
 * ```
 * @function
 */
export const safeParseProductionOrder: (input: unknown) => Result<ProductionOrder> = orderParsers.safeParse;
/**
 * Parses a production order, throwing {@link CanonicalValidationError} when invalid.
 * @throws {@link CanonicalValidationError}
 * @example
 * ```ts
 * import { parseProductionOrder } from "@mfgsync/canonical";
 * try { parseProductionOrder({}); } catch (e) { console.log((e as Error).message); }
 * ```
 * @function
 */
export const parseProductionOrder: (input: unknown) => ProductionOrder = orderParsers.parse;
/**
 * Parses a lot, returning issues instead of throwing. Never throws.
 * @example
 * ```ts
 * import { safeParseLot } from "@mfgsync/canonical";
 * safeParseLot([]).ok; // false
 * ```
 * @function
 */
export const safeParseLot: (input: unknown) => Result<Lot> = lotParsers.safeParse;
/**
 * Parses a lot, throwing {@link CanonicalValidationError} when invalid.
 * @throws {@link CanonicalValidationError}
 * @example
 * ```ts
 * import { parseLot } from "@mfgsync/canonical";
 * try { parseLot({}); } catch (e) { console.log((e as Error).message); }
 * ```
 * @function
 */
export const parseLot: (input: unknown) => Lot = lotParsers.parse;
/**
 * Parses an inspection, returning issues instead of throwing. Never throws.
 * @example
 * ```ts
 * import { safeParseInspection } from "@mfgsync/canonical";
 * safeParseInspection(42).ok; // false
 * ```
 * @function
 */
export const safeParseInspection: (input: unknown) => Result<Inspection> = inspectionParsers.safeParse;
/**
 * Parses an inspection, throwing {@link CanonicalValidationError} when invalid.
 * @throws {@link CanonicalValidationError}
 * @example
 * ```ts
 * import { parseInspection } from "@mfgsync/canonical";
 * try { parseInspection({}); } catch (e) { console.log((e as Error).message); }
 * ```
 * @function
 */
export const parseInspection: (input: unknown) => Inspection = inspectionParsers.parse;
/**
 * Parses a nonconformance, returning issues instead of throwing. Never throws.
 * @example
 * ```ts
 * import { safeParseNonconformance } from "@mfgsync/canonical";
 * safeParseNonconformance(undefined).ok; // false
 * ```
 * @function
 */
export const safeParseNonconformance: (input: unknown) => Result<Nonconformance> = nonconformanceParsers.safeParse;
/**
 * Parses a nonconformance, throwing {@link CanonicalValidationError} when invalid.
 * @throws {@link CanonicalValidationError}
 * @example
 * ```ts
 * import { parseNonconformance } from "@mfgsync/canonical";
 * try { parseNonconformance({}); } catch (e) { console.log((e as Error).message); }
 * ```
 * @function
 */
export const parseNonconformance: (input: unknown) => Nonconformance = nonconformanceParsers.parse;

/**
 * Parses any canonical object by name, returning issues instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParseObject } from "@mfgsync/canonical";
 * const r = safeParseObject("lot", JSON.parse('{"kind":"lot"}'));
 * ```
 */
export function safeParseObject<N extends ObjectName>(name: N, input: unknown): Result<CanonicalObject<N>> {
  // Own keys only: a name such as "constructor" must not reach Object.prototype.
  const parsers = Object.hasOwn(byName, name) ? (byName as Record<string, { safeParse(input: unknown): Result<unknown> }>)[name] : undefined;
  if (!parsers) return { ok: false, issues: [{ path: "", code: ISSUE_CODES.invalidValue, message: `unknown canonical object ${quote(name)}` }] };
  return parsers.safeParse(input) as Result<CanonicalObject<N>>;
}


/**
 * Checks any canonical object by name without building a parsed copy: the
 * same issues {@link safeParseObject} reports, or `undefined` when the input
 * is valid. Cheaper when the caller keeps its own object (a mapper checking
 * what it just decoded). Never throws.
 *
 * @example
 * ```ts
 * import { checkObject } from "@mfgsync/canonical";
 * const issues = checkObject("lot", JSON.parse('{"kind":"lot"}'));
 * if (issues) console.log(issues.map((i) => `${i.path} ${i.code}`));
 * ```
 */
export function checkObject(name: ObjectName, input: unknown): readonly [Issue, ...Issue[]] | undefined {
  const parsers = Object.hasOwn(byName, name) ? (byName as Record<string, { check(input: unknown): readonly [Issue, ...Issue[]] | undefined }>)[name] : undefined;
  if (!parsers) return [{ path: "", code: ISSUE_CODES.invalidValue, message: `unknown canonical object ${quote(name)}` }];
  return parsers.check(input);
}
