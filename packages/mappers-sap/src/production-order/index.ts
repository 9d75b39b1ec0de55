import type { ProductionOrder } from "@mfgsync/canonical";
import { compileMapper } from "@mfgsync/mapping";
import type { A_ProductionOrder_2 } from "../generated/wire-types.js";
import type { SapMapper } from "../odata/wire.js";
import { productionOrderDeclaration } from "./declaration.js";

/**
 * SAP production order mapper: API_PRODUCTION_ORDER_2_SRV
 * `A_ProductionOrder_2` (with expanded operations, components and status
 * set) ↔ canonical `ProductionOrder`. Compiled once when the module loads.
 *
 * @example
 * ```ts
 * import { productionOrderMapper } from "@mfgsync/mappers-sap";
 * const result = productionOrderMapper.decodeWire('{"d":{"ManufacturingOrder":"1000000"}}', { plantTimeZones: { "1710": "America/New_York" } });
 * if (result.ok) for (const r of result.results) if (!r.ok) console.log(r.issues);
 * ```
 */
export const productionOrderMapper: SapMapper<A_ProductionOrder_2, ProductionOrder> = compileMapper<A_ProductionOrder_2, "production-order">(productionOrderDeclaration);
