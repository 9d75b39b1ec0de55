import { SCHEMA_VERSION } from "@mfgsync/canonical";
import type { MapperDeclaration } from "@mfgsync/mapping";
import { child, declareMapper, entity, field, jsonDecimal, oracleRestProfile, quantity, unitCodeAndName } from "@mfgsync/mapping";
import { ORACLE_CONTEXT_DEFAULTS, ORACLE_ID_SCHEMES, ORACLE_NAMESPACE } from "../context.js";
import { oracleDateTime } from "../converters.js";
import { WORK_ORDER_CATALOG } from "../generated/catalog.js";
import { instantLoss } from "../losses.js";
import {
  componentsByOperation, orderActualFields, orderIdentityFields, orderItemFields, orderLosses, orderPlannedDateFields, orderStateField,
} from "./header.js";
import { operationEntity } from "./operation.js";

const ORDER_UNIT = ["UOMCode", "UnitOfMeasure"] as const;

/**
 * The declaration of the Oracle discrete work order mapper: `workOrders`
 * with expanded `WorkOrderOperation` (and its `WorkOrderOperationMaterial`)
 * ↔ canonical `ProductionOrder`. Expanded children are read as bare arrays
 * (REST framework versions 1 and 2) or as collection objects with `items`
 * (version 3 and later) and written back in the shape read. The order-level
 * read-only views (`WorkOrderMaterial`, `WorkOrderResource`), lots
 * (`WorkOrderLotNumber`), serials and the other children are kept whole in
 * the extensions.
 *
 * @example
 * ```ts
 * import { workOrderDeclaration } from "@mfgsync/mappers-oracle";
 * workOrderDeclaration.root.entity; // "workOrders"
 * ```
 */
export const workOrderDeclaration: MapperDeclaration<"production-order"> = declareMapper({
  name: "oracle:production-order",
  title: "Oracle Fusion Cloud SCM discrete work order (REST workOrders)",
  canonical: "production-order",
  profile: oracleRestProfile,
  namespace: ORACLE_NAMESPACE,
  defaults: ORACLE_CONTEXT_DEFAULTS,
  root: entity({
    entity: "workOrders",
    catalog: WORK_ORDER_CATALOG,
    constants: { schemaVersion: SCHEMA_VERSION, kind: "production-order", components: [] },
    // The user key WorkOrderNumber is unique per inventory organisation; WorkOrderId is a surrogate (cross-reference).
    requiredKeys: [],
    scope: { vendor: "OrganizationCode", type: "organization", fallback: "plant" },
    plant: { vendor: "OrganizationCode", canonical: "plant" },
    fields: [
      ...orderIdentityFields(ORACLE_ID_SCHEMES.workOrder),
      ...orderItemFields("InventoryItemId"),
      field(["PlannedStartQuantity", ...ORDER_UNIT], "plannedQuantity", quantity(jsonDecimal(), unitCodeAndName()), {
        required: true, note: "exact JSON number; unit from UOMCode, or from the unit name UnitOfMeasure when the code is missing",
      }),
      ...orderActualFields(unitCodeAndName(), ORDER_UNIT),
      ...orderPlannedDateFields(),
      field("ActualStartDate", "actualStart", oracleDateTime()),
      field("ActualCompletionDate", "actualEnd", oracleDateTime()),
      field("LastUpdateDate", "lastChangedAt", oracleDateTime()),
      orderStateField(),
    ],
    children: [
      child("WorkOrderOperation", "operations", operationEntity, { match: "sequence", note: "OperationSequenceNumber is unique in the order (the core refuses a repeated match key): the materials are linked to their operation by it" }),
    ],
  }),
  knownLoss: [
    ...orderLosses(ORACLE_ID_SCHEMES.workOrder, "WorkOrderId"),
    { path: "/components", reason: "operation materials live under their operation: components read back grouped by issuing operation, in operation order", normalize: (value, env) => componentsByOperation(value, env.root) },
    { path: "/components/*/materialUse", reason: "operation materials are consumed; by-products and co-products are WorkOrderOperationOutput rows (kept in extensions)", normalize: () => ({ value: "Consumed" }) },
    ...instantLoss(["/plannedStart", "/plannedEnd", "/actualStart", "/actualEnd", "/lastChangedAt", "/operations/*/plannedStart", "/operations/*/plannedEnd"]),
  ],
  notes: [
    "Surrogate ids (WorkOrderId, InventoryItemId) are int64 JSON numbers, read digit for digit and kept as cross-references; the canonical ids are the user keys scoped by OrganizationCode.",
    "Actuals (CompletedQuantity, ScrappedQuantity) change through transaction resources (operationTransactions, materialTransactions, productionReports), not by PATCH.",
  ],
});
