import { SCHEMA_VERSION } from "@mfgsync/canonical";
import type { MapperDeclaration } from "@mfgsync/mapping";
import { child, declareMapper, entity, field, oracleRestProfile, unitCode } from "@mfgsync/mapping";
import { ORACLE_CONTEXT_DEFAULTS, ORACLE_ID_SCHEMES, ORACLE_NAMESPACE } from "../context.js";
import { firstAmount } from "../converters.js";
import { PROCESS_WORK_ORDER_CATALOG } from "../generated/catalog.js";
import { instantLoss } from "../losses.js";
import {
  componentsByOperation, orderActualFields, orderIdentityFields, orderItemFields, orderLosses, orderPlannedDateFields, orderStateField,
} from "./header.js";
import { isOutputComponent, isPrimaryOutput, outputUseOf } from "./output.js";
import { processOperationEntity } from "./process-operation.js";

const ORDER_UNIT = ["PrimaryProductUOMCode"] as const;

/**
 * The declaration of the Oracle process work order mapper:
 * `processWorkOrders` (process manufacturing plants) with expanded
 * `Operation` and its `Material` and `Output` rows ↔ canonical
 * `ProductionOrder`. The header shares the discrete work order's field
 * table (user key scoped by `OrganizationCode`, two-layer status, planned
 * dates); the item is the primary product (`ItemNumber`, `PrimaryProductId`),
 * the planned quantity the planned start quantity when sent, else the
 * primary product quantity, in `PrimaryProductUOMCode` (notes §4). The
 * operations' materials become consumed components and their outputs
 * (primary product, co-products, by-products) produced components, each with
 * its issuing operation. `BatchQuantity`, `ProcessName`, the read-only
 * views (`ProcessWorkOrderMaterial`, `ProcessWorkOrderOutput`, …) and the
 * other children are kept whole in the extensions. Use it through
 * `processWorkOrderMapper` (which marks the primary product's output
 * `Produced`) or the production-order mapper registered for Oracle, which
 * reads either kind of work order.
 *
 * @example
 * ```ts
 * import { processWorkOrderDeclaration } from "@mfgsync/mappers-oracle";
 * processWorkOrderDeclaration.root.entity; // "processWorkOrders"
 * ```
 */
export const processWorkOrderDeclaration: MapperDeclaration<"production-order"> = declareMapper({
  name: "oracle:process-production-order",
  title: "Oracle Fusion Cloud SCM process work order (REST processWorkOrders)",
  canonical: "production-order",
  profile: oracleRestProfile,
  namespace: ORACLE_NAMESPACE,
  defaults: ORACLE_CONTEXT_DEFAULTS,
  root: entity({
    entity: "processWorkOrders",
    catalog: PROCESS_WORK_ORDER_CATALOG,
    constants: { schemaVersion: SCHEMA_VERSION, kind: "production-order", components: [] },
    // The path key is an opaque hash (processWorkOrdersUniqID, from the self link); the user key is WorkOrderNumber per organisation.
    requiredKeys: [],
    scope: { vendor: "OrganizationCode", type: "organization", fallback: "plant" },
    plant: { vendor: "OrganizationCode", canonical: "plant" },
    fields: [
      ...orderIdentityFields(ORACLE_ID_SCHEMES.processWorkOrder),
      ...orderItemFields("PrimaryProductId", "the primary product's int64 item id, kept exactly (as InventoryItemId of the outputs)"),
      field(["PlannedStartQuantity", "PrimaryProductQuantity", ...ORDER_UNIT], "plannedQuantity", firstAmount(["PlannedStartQuantity", "PrimaryProductQuantity"], unitCode(), { fresh: 1 }), {
        required: true,
        note: "the planned start quantity, or the primary product quantity when it is absent or null (notes §4), in PrimaryProductUOMCode; written back where it was read, fresh objects write PrimaryProductQuantity",
        uncertain: "PlannedStartQuantity on processWorkOrders, and that it is in PrimaryProductUOMCode, are [inferred]",
      }),
      ...orderActualFields(unitCode(), ORDER_UNIT),
      ...orderPlannedDateFields(),
      orderStateField(),
    ],
    children: [
      child("Operation", "operations", processOperationEntity, { match: "sequence", note: "OperationSequenceNumber ([inferred]) is unique in the order: the materials and outputs are linked to their operation by it" }),
    ],
  }),
  knownLoss: [
    ...orderLosses(ORACLE_ID_SCHEMES.processWorkOrder, "WorkOrderId"),
    { path: "/actualStart", reason: "process work orders carry no actual dates in the catalog" },
    { path: "/actualEnd", reason: "process work orders carry no actual dates in the catalog" },
    { path: "/lastChangedAt", reason: "process work orders carry no LastUpdateDate in the catalog" },
    { path: "/components", reason: "materials and outputs live under their operation: components read back materials first, then outputs, each grouped by operation in operation order", normalize: (value, env) => componentsByOperation(value, env.root, (c) => (typeof c === "object" && c !== null && isOutputComponent(c as Record<string, unknown>) ? 1 : 0)) },
    {
      path: "/components/*/materialUse",
      reason: "materials are consumed; outputs are by-products (OutputType BY_PRODUCT) or products: the order's primary product reads as Produced, other products as co-products",
      normalize: (value, env) => {
        const component = env.parent as Record<string, unknown>;
        const use = (value as { value?: unknown } | undefined)?.value;
        return typeof use === "string" && isOutputComponent(component) ? { value: outputUseOf(use, isPrimaryOutput(component, env.root as Record<string, unknown>)) } : { value: "Consumed" };
      },
    },
    { path: "/components/*/withdrawnQuantity", reason: "process materials and outputs carry no issued quantity in the catalog" },
    { path: "/components/*/storageLocation", reason: "process materials and outputs carry no subinventory in the catalog" },
    ...instantLoss(["/plannedStart", "/plannedEnd", "/operations/*/plannedStart", "/operations/*/plannedEnd"]),
  ],
  notes: [
    "Surrogate ids (WorkOrderId, PrimaryProductId, InventoryItemId) are int64 JSON numbers, read digit for digit and kept as cross-references (WorkOrderId as oracle-fusion.process-work-order-id); the canonical ids are the user keys scoped by OrganizationCode. The path key processWorkOrdersUniqID is an opaque hash: take it from the self link.",
    "The Operation attributes, OutputType and PlannedStartQuantity are [inferred] by analogy with workOrders; verify them with GET processWorkOrders/describe.",
  ],
});
