/**
 * fast-check arbitraries for every canonical object, event and the main
 * primitives, so that mapper authors can property-test their mappers
 * (`canonical → vendor → canonical` must give back the input). Every value
 * they generate passes the zod schemas and the published JSON Schemas.
 *
 * `fast-check` (v4) is an optional peer dependency of `@mfgsync/canonical`:
 * install it to use this entry point.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { arbitraryObject } from "@mfgsync/canonical/testing";
 * fc.assert(fc.property(arbitraryObject("lot", { scheme: "sap-s4hana" }), (lot) => lot.kind === "lot"));
 * ```
 *
 * @packageDocumentation
 */
import type * as fc from "fast-check";
import type { CanonicalObject, ObjectName } from "../objects.js";
import type { ObjectArbitraryOptions } from "./objects.js";
import { arbitraryLot, arbitraryMaterial, arbitraryProductionOrder } from "./objects.js";
import { arbitraryInspection, arbitraryNonconformance } from "./quality.js";

export {
  arbitraryDecimal, arbitraryUnitCode, arbitraryQuantity, arbitraryMeasure, arbitraryIdentifier, arbitraryScope, arbitraryReference, arbitraryMaterialRef,
  arbitraryTimestamp, arbitraryPlainDate, arbitraryDateOrTimestamp, arbitraryExtensions,
} from "./primitives.js";
export { arbitraryLotHold, arbitraryHoldRelease } from "./holds.js";
export type { ObjectArbitraryOptions } from "./objects.js";
export { arbitraryCodedValue, arbitraryMaterial, arbitraryProductionOrder, arbitraryLot } from "./objects.js";
export { arbitraryInspection, arbitraryNonconformance, arbitraryQuantitySplit } from "./quality.js";
export { arbitraryEvent } from "./events.js";

const BY_NAME: { [N in ObjectName]: (options?: ObjectArbitraryOptions) => fc.Arbitrary<CanonicalObject<N>> } = {
  material: arbitraryMaterial,
  "production-order": arbitraryProductionOrder,
  lot: arbitraryLot,
  inspection: arbitraryInspection,
  nonconformance: arbitraryNonconformance,
};

/**
 * Arbitrary valid objects of the named canonical object, e.g. to run one
 * property over all five objects. Throws a `RangeError` for an unknown name.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { OBJECT_NAMES, safeParseObject } from "@mfgsync/canonical";
 * import { arbitraryObject } from "@mfgsync/canonical/testing";
 * for (const name of OBJECT_NAMES) {
 *   fc.assert(fc.property(arbitraryObject(name), (value) => safeParseObject(name, value).ok));
 * }
 * ```
 */
export function arbitraryObject<N extends ObjectName>(name: N, options: ObjectArbitraryOptions = {}): fc.Arbitrary<CanonicalObject<N>> {
  if (!Object.hasOwn(BY_NAME, name)) throw new RangeError(`unknown canonical object "${String(name)}"`);
  return (BY_NAME[name] as (options?: ObjectArbitraryOptions) => fc.Arbitrary<CanonicalObject<N>>)(options);
}
