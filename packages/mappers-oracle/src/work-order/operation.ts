import type { EntityDeclaration, FieldDeclaration } from "@mfgsync/mapping";
import { child, entity, field, identifier, materialRef, text, unitCode } from "@mfgsync/mapping";
import { ORACLE_ID_SCHEMES } from "../context.js";
import { amountIn, firstAmount, fromParent, oracleDateTime, sequenceNumber } from "../converters.js";
import {
  WORK_ORDER_OPERATION_CATALOG, WORK_ORDER_OPERATION_MATERIAL_CATALOG,
} from "../generated/catalog.js";
import { workOrderStateOfRecord } from "./status.js";

/** A material or output row's sequence number and item (number and int64 id). */
export function rowItemFields(sequenceAttribute: string, sequenceNote: string): FieldDeclaration[] {
  return [
    field(sequenceAttribute, "item", sequenceNumber(), { note: sequenceNote }),
    field("ItemNumber", "material", materialRef({ scoped: true }), { required: true }),
    field("InventoryItemId", `material.id.crossReferences[scheme=${ORACLE_ID_SCHEMES.item}]`, identifier({ numeric: true, scheme: ORACLE_ID_SCHEMES.item }), { note: "int64 surrogate id, exact" }),
  ];
}

/** An operation's sequence, name, work center, planned dates and (derived) state. */
export function operationFields(): FieldDeclaration[] {
  return [
    field("OperationSequenceNumber", "sequence", sequenceNumber(), { required: true, note: "a JSON number (10) read as \"10\"" }),
    field("OperationName", "description", text({ maxLength: 1000 }), { note: "OperationDescription (the long text) is kept in extensions" }),
    field("WorkCenterCode", "workCenter", text({ maxLength: 64 }), { note: "WorkCenterId is kept in extensions" }),
    field("PlannedStartDate", "plannedStart", oracleDateTime()),
    field("PlannedCompletionDate", "plannedEnd", oracleDateTime()),
    field([], "state", fromParent("order state", (parent) => ({ value: workOrderStateOfRecord(parent) })), { note: "the order's system status (operations have no status attribute in the catalog)", uncertain: "that an operation's state follows its order's is [inferred]" }),
  ];
}

/**
 * `WorkOrderOperationMaterial` ↔ canonical `Component`: the operation's
 * materials become the order's components, each remembering its issuing
 * operation (`issuingOperation` = the operation's sequence number).
 */
export const operationMaterialEntity: EntityDeclaration = entity({
  entity: "WorkOrderOperationMaterial",
  catalog: WORK_ORDER_OPERATION_MATERIAL_CATALOG,
  constants: { materialUse: { value: "Consumed" } },
  fields: [
    ...rowItemFields("MaterialSequenceNumber", "material sequence within the operation (a number, 10)"),
    field(["Quantity", "ExtendedQuantity", "UOMCode"], "requiredQuantity", firstAmount(["Quantity", "ExtendedQuantity"], unitCode()), {
      required: true,
      note: "Quantity, or ExtendedQuantity when Quantity is null; fresh objects write Quantity",
      uncertain: "that WorkOrderOperationMaterial has Quantity is [inferred] (ExtendedQuantity is seen in the spec)",
    }),
    field("IssuedQuantity", "withdrawnQuantity", amountIn(unitCode(), ["UOMCode"], "requiredQuantity.unit"), { uncertain: "IssuedQuantity is [inferred]" }),
    field("SupplySubinventory", "storageLocation", text({ maxLength: 32 }), { uncertain: "SupplySubinventory is [inferred]" }),
  ],
});

/**
 * `WorkOrderOperation` ↔ canonical `Operation`. Operations carry no status
 * attribute in the catalog: the operation's state is the order's. Resources
 * (`WorkOrderOperationResource`) and outputs (`WorkOrderOperationOutput`) have
 * no canonical home and are kept whole in the operation's extensions.
 */
export const operationEntity: EntityDeclaration = entity({
  entity: "WorkOrderOperation",
  catalog: WORK_ORDER_OPERATION_CATALOG,
  fields: operationFields(),
  children: [
    child("WorkOrderOperationMaterial", "components", operationMaterialEntity, {
      match: "item",
      flatten: { into: "components", link: { canonical: "issuingOperation", parent: "sequence" } },
      note: "flattened into the order's components",
    }),
  ],
});
