import type { CanonicalObject, ObjectName } from "@mfgsync/canonical";
import type { Mapper, MapperDeclaration, VendorMappers } from "@mfgsync/mapping";
import { inspectionMapper } from "./inspection/index.js";
import { lotMapper } from "./lot/index.js";
import { itemMapper } from "./material/index.js";
import { qualityIssueMapper } from "./nonconformance/index.js";
import { workOrderMapper } from "./work-order/index.js";
import { processWorkOrderMapper } from "./work-order/process-work-order.js";
import { oracleProductionOrderMapper } from "./work-order/production-order.js";

/**
 * Every Oracle mapper by name.
 *
 * @example
 * ```ts
 * import { oracleMappers } from "@mfgsync/mappers-oracle";
 * const wire = oracleMappers.workOrder.decodeWire('{"items":[],"hasMore":false}');
 * ```
 */
export const oracleMappers = {
  item: itemMapper,
  workOrder: workOrderMapper,
  processWorkOrder: processWorkOrderMapper,
  lot: lotMapper,
  inspection: inspectionMapper,
  nonconformance: qualityIssueMapper,
} as const;

/**
 * The Oracle mappers keyed by canonical object name (`production-order`,
 * ...), as a CLI's `--entity` names them.
 *
 * @example
 * ```ts
 * import { ORACLE_MAPPERS_BY_OBJECT } from "@mfgsync/mappers-oracle";
 * ORACLE_MAPPERS_BY_OBJECT["production-order"]?.entitySet; // "workOrders"
 * ```
 */
export const ORACLE_MAPPERS_BY_OBJECT: { readonly [N in ObjectName]?: Mapper<unknown, CanonicalObject<N>> } = {
  material: itemMapper as Mapper<unknown, CanonicalObject<"material">>,
  // Discrete and process work orders: each read and written by its own mapper.
  "production-order": oracleProductionOrderMapper as Mapper<unknown, CanonicalObject<"production-order">>,
  lot: lotMapper as Mapper<unknown, CanonicalObject<"lot">>,
  inspection: inspectionMapper as Mapper<unknown, CanonicalObject<"inspection">>,
  nonconformance: qualityIssueMapper as Mapper<unknown, CanonicalObject<"nonconformance">>,
};

/**
 * The declarations of every Oracle mapper, in documentation order.
 *
 * @example
 * ```ts
 * import { ORACLE_DECLARATIONS } from "@mfgsync/mappers-oracle";
 * ORACLE_DECLARATIONS.map((d) => d.name); // ["oracle:material", "oracle:production-order", "oracle:process-production-order", ...]
 * ```
 */
export const ORACLE_DECLARATIONS: readonly MapperDeclaration[] = Object.values(oracleMappers).map((m) => m.declaration);

/**
 * The Oracle mappers as a vendor for a mapper registry (`createRegistry` in
 * `@mfgsync/mapping`): what the `mfgsync` CLI lists as `oracle`.
 *
 * @example
 * ```ts
 * import { createRegistry } from "@mfgsync/mapping";
 * import { ORACLE_VENDOR } from "@mfgsync/mappers-oracle";
 * const registry = createRegistry([ORACLE_VENDOR]);
 * registry.mapper("oracle", "production-order")?.entitySet; // "workOrders"
 * ```
 */
export const ORACLE_VENDOR: VendorMappers = { name: "oracle", title: "Oracle Fusion Cloud SCM (REST)", mappers: ORACLE_MAPPERS_BY_OBJECT };
