import type { EntityDeclaration } from "@mfgsync/mapping";
import { amountInUnitOf, odataV2Decimal, entity, field, odataV2DateAndTime, quantity, sameAsParent, text, unlessSameAsParent } from "@mfgsync/mapping";
import { A_ProductionOrderOperation_2_CATALOG } from "../generated/catalog.js";
import { sapUnit } from "../units.js";
import { sapStatus } from "./status.js";

/** Operation numbers are digits ("0010"); the canonical schema refuses anything else. */
export const SEQUENCE = { pattern: /^\d{1,10}$/, patternMessage: "an operation number of 1 to 10 digits" } as const;

const OPERATION_UNIT = ["OperationUnit", "OperationUnitISOCode", "OperationUnitSAPCode"] as const;

/**
 * `A_ProductionOrderOperation_2` ↔ canonical `Operation`. The entity keys
 * (`OrderInternalBillOfOperations`, `OrderIntBillOfOperationsItem`) are
 * internal routing ids and are kept in the extensions.
 */
export const operationEntity: EntityDeclaration = entity({
  entity: "A_ProductionOrderOperation_2",
  catalog: A_ProductionOrderOperation_2_CATALOG,
  plant: { vendor: "ProductionPlant", canonical: "plant" },
  fields: [
    field("ManufacturingOrderOperation", "sequence", text(SEQUENCE), { required: true, note: "CHAR field: leading zeros kept (\"0010\")" }),
    field("MfgOrderOperationText", "description", text()),
    field("WorkCenter", "workCenter", text()),
    field("ProductionPlant", "plant", unlessSameAsParent("ProductionPlant"), { note: "only when it differs from the order's plant" }),
    field(
      ["OperationIsCreated", "OperationIsReleased", "OperationIsPartiallyConfirmed", "OperationIsConfirmed", "OperationIsPartiallyDelivered",
        "OperationIsDelivered", "OperationIsTechlyCompleted", "OperationIsClosed", "OperationIsDeleted"],
      "state",
      sapStatus({
        list: "sap:operation-status",
        flags: [["OperationIsCreated", "CRTD"], ["OperationIsReleased", "REL"], ["OperationIsPartiallyConfirmed", "PCNF"], ["OperationIsConfirmed", "CNF"],
          ["OperationIsPartiallyDelivered", "PDLV"], ["OperationIsDelivered", "DLV"], ["OperationIsTechlyCompleted", "TECO"], ["OperationIsClosed", "CLSD"], ["OperationIsDeleted", "DLT"]],
      }),
      { carryAlways: true, note: "same precedence as the order; OperationIsPrinted and OperationIsScheduled are informational and kept in extensions", uncertain: "flag-to-status pairing follows the order's flags [INFERRED]" },
    ),
    field(["OpErlstSchedldExecStrtDte", "OpErlstSchedldExecStrtTme"], "plannedStart", odataV2DateAndTime(), { note: "earliest scheduled start" }),
    field(["OpErlstSchedldExecEndDte", "OpErlstSchedldExecEndTme"], "plannedEnd", odataV2DateAndTime(), { note: "earliest scheduled end" }),
    field(["OpActualExecutionStartDate", "OpActualExecutionStartTime"], "actualStart", odataV2DateAndTime()),
    field(["OpActualExecutionEndDate", "OpActualExecutionEndTime"], "actualEnd", odataV2DateAndTime()),
    field(["OpPlannedTotalQuantity", ...OPERATION_UNIT], "plannedQuantity", quantity(odataV2Decimal(), sapUnit({ iso: true, internal: true }))),
    field("OpTotalConfirmedYieldQty", "confirmedYield", amountInUnitOf(odataV2Decimal(), sapUnit({ iso: true, internal: true }), OPERATION_UNIT, "plannedQuantity.unit")),
    field("ManufacturingOrder", null, sameAsParent("ManufacturingOrder")),
    field("ManufacturingOrderCategory", null, sameAsParent("ManufacturingOrderCategory")),
    field("ManufacturingOrderType", null, sameAsParent("ManufacturingOrderType")),
  ],
});
