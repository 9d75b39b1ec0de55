import type { CanonicalObject, ObjectName } from "@mfgsync/canonical";
import type { MapperDeclaration, VendorMappers } from "@mfgsync/mapping";
import { inspectionMapper } from "./inspection/index.js";
import { batchMapper } from "./lot/index.js";
import { materialMapper } from "./material/index.js";
import { nonconformanceMapper } from "./nonconformance/index.js";
import type { SapMapper } from "./odata/wire.js";
import { productionOrderMapper } from "./production-order/index.js";

/**
 * Every SAP mapper by name: `decode`, `encode`, `decodeWire`.
 *
 * @example
 * ```ts
 * import { sapMappers } from "@mfgsync/mappers-sap";
 * const wire = sapMappers.productionOrder.decodeWire('{"d":{"results":[]}}');
 * const bare = sapMappers.lot.decode({ Material: "FG226", BatchIdentifyingPlant: "", Batch: "0000000008" });
 * ```
 */
export const sapMappers = {
  material: materialMapper,
  productionOrder: productionOrderMapper,
  lot: batchMapper,
  inspection: inspectionMapper,
  nonconformance: nonconformanceMapper,
} as const;

/**
 * The SAP mappers keyed by canonical object name (`production-order`, ...),
 * as a CLI's `--entity` names them.
 *
 * @example
 * ```ts
 * import { SAP_MAPPERS_BY_OBJECT } from "@mfgsync/mappers-sap";
 * const mapper = SAP_MAPPERS_BY_OBJECT["production-order"];
 * mapper.entitySet; // "A_ProductionOrder_2"
 * ```
 */
export const SAP_MAPPERS_BY_OBJECT: { readonly [N in ObjectName]: SapMapper<unknown, CanonicalObject<N>> } = {
  material: materialMapper as SapMapper<unknown, CanonicalObject<"material">>,
  "production-order": productionOrderMapper as SapMapper<unknown, CanonicalObject<"production-order">>,
  lot: batchMapper as SapMapper<unknown, CanonicalObject<"lot">>,
  inspection: inspectionMapper as SapMapper<unknown, CanonicalObject<"inspection">>,
  nonconformance: nonconformanceMapper as SapMapper<unknown, CanonicalObject<"nonconformance">>,
};

/**
 * The SAP mapper for a canonical object name, or undefined for an unknown name.
 *
 * @example
 * ```ts
 * import { sapMapperFor } from "@mfgsync/mappers-sap";
 * sapMapperFor("lot")?.entitySet; // "Batch"
 * sapMapperFor("invoice"); // undefined
 * ```
 */
export function sapMapperFor(name: string): SapMapper<unknown, CanonicalObject> | undefined {
  return Object.prototype.hasOwnProperty.call(SAP_MAPPERS_BY_OBJECT, name) ? (SAP_MAPPERS_BY_OBJECT[name as ObjectName] as SapMapper<unknown, CanonicalObject>) : undefined;
}

/**
 * The declarations of every SAP mapper, in documentation order.
 *
 * @example
 * ```ts
 * import { SAP_DECLARATIONS } from "@mfgsync/mappers-sap";
 * SAP_DECLARATIONS.map((d) => d.name); // ["sap:material", "sap:production-order", ...]
 * ```
 */
export const SAP_DECLARATIONS: readonly MapperDeclaration[] = Object.values(sapMappers).map((m) => m.declaration);

/**
 * The SAP mappers as a vendor for a mapper registry (`createRegistry` in
 * `@mfgsync/mapping`): what the `mfgsync` CLI lists as `sap`.
 *
 * @example
 * ```ts
 * import { createRegistry } from "@mfgsync/mapping";
 * import { SAP_VENDOR } from "@mfgsync/mappers-sap";
 * const registry = createRegistry([SAP_VENDOR]);
 * registry.mapper("sap", "lot")?.entitySet; // "Batch"
 * ```
 */
export const SAP_VENDOR: VendorMappers = { name: "sap", title: "SAP S/4HANA (OData V2)", mappers: SAP_MAPPERS_BY_OBJECT };
