import type {
  CanonicalEvent, CanonicalEventOf, CanonicalObject, EventName, Inspection, Lot, Material, Nonconformance, ObjectName, ProductionOrder,
} from "@mfgsync/canonical";
import { EventSchemas, OBJECT_NAMES, checkObject, safeParseEvent, safeParseEventOf, safeParseObject } from "@mfgsync/canonical";
import type * as t from "io-ts";
import { codecFromParser } from "./codec.js";

// The codecs are built from the canonical catalogs (object names, event schemas), so a new
// object or event gets its codec without a change here. Type guards use the canonical check
// (no parsed copy); decode uses the parser, and gives its copy.

type ObjectCodecs = { readonly [N in ObjectName]: t.Type<CanonicalObject<N>, CanonicalObject<N>, unknown> };
type EventCodecs = { readonly [N in EventName]: t.Type<CanonicalEventOf<N>, CanonicalEventOf<N>, unknown> };

/** `production-order` -> `ProductionOrder`: the io-ts name of an object's codec. */
function typeName(name: string): string {
  return name.split("-").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
}

function objectCodecs(): ObjectCodecs {
  const codecs: Record<string, unknown> = {};
  for (const name of OBJECT_NAMES) {
    codecs[name] = codecFromParser(typeName(name), (u) => safeParseObject(name, u), (u) => checkObject(name, u) === undefined);
  }
  return codecs as ObjectCodecs;
}

function eventCodecs(): EventCodecs {
  const codecs: Record<string, unknown> = {};
  for (const name of Object.keys(EventSchemas) as EventName[]) codecs[name] = codecFromParser(name, (u) => safeParseEventOf(name, u));
  return codecs as EventCodecs;
}

/**
 * The io-ts codec of every canonical object, by object name.
 *
 * @example
 * ```ts
 * import { OBJECT_CODECS } from "@mfgsync/fp/io-ts";
 * const result = OBJECT_CODECS["production-order"].decode({});
 * ```
 */
export const OBJECT_CODECS: ObjectCodecs = objectCodecs();

/**
 * The io-ts codec of every canonical event, by event name (its JSON Schema
 * name, e.g. `lot-disposition-changed`).
 *
 * @example
 * ```ts
 * import { EVENT_CODECS } from "@mfgsync/fp/io-ts";
 * const result = EVENT_CODECS["lot-disposition-changed"].decode(JSON.parse("{}"));
 * ```
 */
export const EVENT_CODECS: EventCodecs = eventCodecs();

/**
 * io-ts codec of a canonical `Material`, delegating to its zod schema.
 *
 * @example
 * ```ts
 * import { MaterialCodec } from "@mfgsync/fp/io-ts";
 * MaterialCodec.is({}); // false
 * ```
 */
export const MaterialCodec: t.Type<Material, Material, unknown> = OBJECT_CODECS.material;

/**
 * io-ts codec of a canonical `ProductionOrder`, delegating to its zod schema.
 *
 * @example
 * ```ts
 * import { ProductionOrderCodec } from "@mfgsync/fp/io-ts";
 * const result = ProductionOrderCodec.decode(JSON.parse('{"kind":"production-order"}')); // Left
 * ```
 */
export const ProductionOrderCodec: t.Type<ProductionOrder, ProductionOrder, unknown> = OBJECT_CODECS["production-order"];

/**
 * io-ts codec of a canonical `Lot`, delegating to its zod schema.
 *
 * @example
 * ```ts
 * import { LotCodec } from "@mfgsync/fp/io-ts";
 * import { PathReporter } from "io-ts/lib/PathReporter.js";
 * console.log(PathReporter.report(LotCodec.decode({ kind: "lot" })));
 * ```
 */
export const LotCodec: t.Type<Lot, Lot, unknown> = OBJECT_CODECS.lot;

/**
 * io-ts codec of a canonical `Inspection`, delegating to its zod schema.
 *
 * @example
 * ```ts
 * import { InspectionCodec } from "@mfgsync/fp/io-ts";
 * InspectionCodec.is(null); // false
 * ```
 */
export const InspectionCodec: t.Type<Inspection, Inspection, unknown> = OBJECT_CODECS.inspection;

/**
 * io-ts codec of a canonical `Nonconformance`, delegating to its zod schema.
 *
 * @example
 * ```ts
 * import { NonconformanceCodec } from "@mfgsync/fp/io-ts";
 * NonconformanceCodec.is([]); // false
 * ```
 */
export const NonconformanceCodec: t.Type<Nonconformance, Nonconformance, unknown> = OBJECT_CODECS.nonconformance;

/**
 * io-ts codec of any canonical CloudEvents event (dispatching on `type`).
 *
 * @example
 * ```ts
 * import { CanonicalEventCodec } from "@mfgsync/fp/io-ts";
 * CanonicalEventCodec.is({ specversion: "1.0" }); // false
 * ```
 */
export const CanonicalEventCodec: t.Type<CanonicalEvent, CanonicalEvent, unknown> = codecFromParser("CanonicalEvent", safeParseEvent);
