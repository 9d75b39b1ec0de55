import type { CanonicalObject, ObjectName } from "@mfgsync/canonical";
import type { MapperDeclaration, Mapper, VendorMappers } from "@mfgsync/mapping";
import { inspectionMapper } from "./inspection/index.js";
import { batchMapper } from "./lot/index.js";
import { nonconformanceMapper } from "./nonconformance/index.js";
import { materialMapper } from "./material/index.js";
import { productionOrderMapper } from "./production-order/index.js";

/**
 * Every D365 mapper by name: `decode`, `decodeWire`, `encode`, `encodeWire`, `encodeResources`.
 *
 * @example
 * ```ts
 * import { d365Mappers } from "@mfgsync/mappers-d365";
 * const wire = d365Mappers.productionOrder.decodeWire('{"value":[]}');
 * ```
 */
export const d365Mappers = {
  material: materialMapper,
  productionOrder: productionOrderMapper,
  lot: batchMapper,
  inspection: inspectionMapper,
  nonconformance: nonconformanceMapper,
} as const;

/**
 * The D365 mappers keyed by canonical object name (`production-order`, ...),
 * as a CLI's `--entity` names them.
 *
 * @example
 * ```ts
 * import { D365_MAPPERS_BY_OBJECT } from "@mfgsync/mappers-d365";
 * D365_MAPPERS_BY_OBJECT["production-order"]?.entitySet; // "ProductionOrderHeaders"
 * ```
 */
export const D365_MAPPERS_BY_OBJECT: { readonly [N in ObjectName]?: Mapper<unknown, CanonicalObject<N>> } = {
  material: materialMapper as Mapper<unknown, CanonicalObject<"material">>,
  "production-order": productionOrderMapper as Mapper<unknown, CanonicalObject<"production-order">>,
  lot: batchMapper as Mapper<unknown, CanonicalObject<"lot">>,
  inspection: inspectionMapper as Mapper<unknown, CanonicalObject<"inspection">>,
  nonconformance: nonconformanceMapper as Mapper<unknown, CanonicalObject<"nonconformance">>,
};

/**
 * The declarations of every D365 mapper, in documentation order.
 *
 * @example
 * ```ts
 * import { D365_DECLARATIONS } from "@mfgsync/mappers-d365";
 * D365_DECLARATIONS.map((d) => d.name); // ["d365:material", "d365:production-order", ...]
 * ```
 */
export const D365_DECLARATIONS: readonly MapperDeclaration[] = Object.values(d365Mappers).map((m) => m.declaration);

/**
 * The D365 mappers as a vendor for a mapper registry (`createRegistry` in
 * `@mfgsync/mapping`): what the `mfgsync` CLI lists as `d365`.
 *
 * @example
 * ```ts
 * import { createRegistry } from "@mfgsync/mapping";
 * import { D365_VENDOR } from "@mfgsync/mappers-d365";
 * const registry = createRegistry([D365_VENDOR]);
 * registry.mapper("d365", "production-order")?.entitySet; // "ProductionOrderHeaders"
 * ```
 */
export const D365_VENDOR: VendorMappers = { name: "d365", title: "Dynamics 365 Supply Chain Management (OData V4)", mappers: D365_MAPPERS_BY_OBJECT };
