import type { Mapper } from "@mfgsync/mapping";

/**
 * An SAP mapper: a compiled `@mfgsync/mapping` mapper on the OData V2
 * profile, whose `decodeWire` reads SAP's payloads as they come off the wire
 * (`{"d": ...}` envelopes, collections, bare entities).
 *
 * @example
 * ```ts
 * import { sapMappers } from "@mfgsync/mappers-sap";
 * const result = sapMappers.productionOrder.decodeWire('{"d":{"ManufacturingOrder":"1"}}');
 * ```
 */
export type SapMapper<V, C> = Mapper<V, C>;
