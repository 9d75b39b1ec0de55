import type { ProductionOrder } from "@mfgsync/canonical";
import type { Mapper } from "@mfgsync/mapping";
import { compileMapper } from "@mfgsync/mapping";
import type { WorkOrder } from "../generated/wire-types.js";
import { workOrderDeclaration } from "./declaration.js";

/**
 * Oracle discrete work order mapper: REST `workOrders` (with expanded
 * `WorkOrderOperation` and `WorkOrderOperationMaterial`) ↔ canonical
 * `ProductionOrder`. Compiled once when the module loads.
 *
 * @example
 * ```ts
 * import { workOrderMapper } from "@mfgsync/mappers-oracle";
 * const result = workOrderMapper.decodeWire('{"items":[],"count":0,"hasMore":false}');
 * if (result.ok) for (const r of result.results) if (!r.ok) console.log(r.issues);
 * ```
 */
export const workOrderMapper: Mapper<WorkOrder, ProductionOrder> = compileMapper<WorkOrder, "production-order">(workOrderDeclaration);
