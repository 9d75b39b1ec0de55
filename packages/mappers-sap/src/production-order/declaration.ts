import { SCHEMA_VERSION } from "@mfgsync/canonical";
import type { MapperDeclaration } from "@mfgsync/mapping";
import { odataV2Profile } from "@mfgsync/mapping";
import { lossNormalizers } from "@mfgsync/mapping";
import {
  abapTimestamp, amountInUnitOf, child, coded, odataV2Decimal, declareMapper, entity, field, identifier, materialRef, odataV2DateAndTime, quantity, text,
} from "@mfgsync/mapping";
import { SAP_CONTEXT_DEFAULTS, SAP_NAMESPACE } from "../context.js";
import { A_ProductionOrder_2_CATALOG } from "../generated/catalog.js";
import { COMMON_LOSSES, codeLoss, dateTimeLoss, issuerLoss } from "../losses.js";
import { sapUnit } from "../units.js";
import { componentEntity } from "./component.js";
import { operationEntity } from "./operation.js";
import { sapStatus } from "./status.js";

const PRODUCTION_UNIT = ["ProductionUnit", "ProductionUnitISOCode", "ProductionUnitSAPCode"] as const;

/** Header flags that decide the order's state, with their system status. */
const ORDER_STATUS_FLAGS = [
  ["OrderIsCreated", "CRTD"], ["OrderIsReleased", "REL"], ["OrderIsPartiallyReleased", "PREL"], ["OrderIsPartiallyConfirmed", "PCNF"],
  ["OrderIsConfirmed", "CNF"], ["OrderIsPartiallyDelivered", "PDLV"], ["OrderIsDelivered", "DLV"], ["OrderIsLocked", "LKD"],
  ["OrderIsTechnicallyCompleted", "TECO"], ["OrderIsClosed", "CLSD"], ["OrderIsMarkedForDeletion", "DLFL"], ["OrderIsDeleted", "DLT"],
] as const;

/**
 * The declaration of the SAP production order mapper:
 * API_PRODUCTION_ORDER_2_SRV `A_ProductionOrder_2` with expanded operations
 * (`to_ProductionOrderOperation`), components (`to_ProductionOrderComponent`)
 * and status set (`to_ProductionOrderStatus`) ↔ canonical `ProductionOrder`.
 *
 * @example
 * ```ts
 * import { productionOrderDeclaration } from "@mfgsync/mappers-sap";
 * productionOrderDeclaration.root.fields.length;
 * ```
 */
export const productionOrderDeclaration: MapperDeclaration<"production-order"> = declareMapper({
  name: "sap:production-order",
  title: "SAP S/4HANA production order (API_PRODUCTION_ORDER_2_SRV A_ProductionOrder_2)",
  canonical: "production-order",
  profile: odataV2Profile,
  namespace: SAP_NAMESPACE,
  defaults: SAP_CONTEXT_DEFAULTS,
  root: entity({
    entity: "A_ProductionOrder_2",
    catalog: A_ProductionOrder_2_CATALOG,
    constants: { schemaVersion: SCHEMA_VERSION, kind: "production-order" },
    plant: { vendor: "ProductionPlant", canonical: "plant" },
    fields: [
      field("ManufacturingOrder", "id", identifier({ crossReferences: true }), { required: true, note: "kept as sent (no leading zeros: \"1000000\")" }),
      field("LastChangeDateTime", "lastChangedAt", abapTimestamp(), { note: "String(14) ABAP time stamp, not an Edm.DateTime", uncertain: "that the time stamp is UTC is [INFERRED]" }),
      field("ManufacturingOrderType", "orderType", coded({ list: "sap:ManufacturingOrderType", codes: {}, fallback: "Production", encode: { Production: "PP01" } }), {
        note: "every order of this API is a production order; the order type (YBM1, PP01) is the originalCode; PP01 is written when none is known",
      }),
      field("Material", "material", materialRef(), { required: true }),
      field("ProductionPlant", "plant", text(), { required: true, note: "Plant (planning plant) is kept in extensions" }),
      field(["TotalQuantity", ...PRODUCTION_UNIT], "plannedQuantity", quantity(odataV2Decimal(), sapUnit({ iso: true, internal: true })), {
        required: true, note: "ISO code preferred (PCE → H87), then internal, then commercial unit",
      }),
      field("MfgOrderConfirmedYieldQty", "confirmedYield", amountInUnitOf(odataV2Decimal(), sapUnit({ iso: true, internal: true }), PRODUCTION_UNIT, "plannedQuantity.unit")),
      field(["MfgOrderPlannedStartDate", "MfgOrderPlannedStartTime"], "plannedStart", odataV2DateAndTime(), { note: "basic start date" }),
      field(["MfgOrderPlannedEndDate", "MfgOrderPlannedEndTime"], "plannedEnd", odataV2DateAndTime(), { note: "basic end date" }),
      field(["MfgOrderScheduledStartDate", "MfgOrderScheduledStartTime"], "scheduledStart", odataV2DateAndTime()),
      field(["MfgOrderScheduledEndDate", "MfgOrderScheduledEndTime"], "scheduledEnd", odataV2DateAndTime()),
      field([...ORDER_STATUS_FLAGS.map(([flag]) => flag), "to_ProductionOrderStatus"], "state", sapStatus({
        list: "sap:order-status", flags: ORDER_STATUS_FLAGS, statusSet: "to_ProductionOrderStatus",
      }), {
        carryAlways: true,
        note: "precedence DLT > DLFL > CLSD > TECO > LKD > DLV > CNF > PDLV > PCNF > REL > PREL > CRTD (override: statusRules[\"sap:order-status\"]); informational flags (printed, pre-costed, settlement rule, ...) are kept in extensions",
        uncertain: "status numbers other than I0045 (TECO) and the state of each status are [INFERRED]",
      }),
    ],
    children: [
      child("to_ProductionOrderOperation", "operations", operationEntity, { match: "sequence" }),
      child("to_ProductionOrderComponent", "components", componentEntity, { match: "item" }),
    ],
  }),
  knownLoss: [
    ...COMMON_LOSSES,
    { path: "/confirmedScrap", reason: "A_ProductionOrder_2 has no confirmed scrap quantity (confirmations carry it)" },
    { path: "/actualStart", reason: "A_ProductionOrder_2 (1.1.0) has no actual start; operations carry actual dates" },
    { path: "/actualEnd", reason: "A_ProductionOrder_2 (1.1.0) has no actual end; operations carry actual dates" },
    { path: "/priority", reason: "ManufacturingOrderImportance codes are not documented in the stored spec; kept in extensions" },
    { path: "/billOfMaterials", reason: "the order header does not name its BOM" },
    { path: "/routing", reason: "the order header names only its internal routing number (kept in extensions)" },
    { path: "/producedLot", reason: "the produced batch is on the order item (A_ProductionOrderItem_2), which is kept in extensions" },
    { path: "/material/revision", reason: "A_ProductionOrder_2 has no material revision" },
    { path: "/operations/*/id", reason: "operation keys are internal routing ids (kept in extensions)" },
    { path: "/operations/*/confirmedScrap", reason: "operations carry no confirmed scrap in 1.1.0" },
    { path: "/operations/*/confirmedRework", reason: "operations carry no confirmed rework in 1.1.0" },
    { path: "/operations/*/plant", reason: "written as the operation's plant; read back only when it differs from the order's plant", normalize: (value, env) => (value === (env.root as { plant?: unknown }).plant ? undefined : value) },
    { path: "/components/*/plant", reason: "written as the component's plant; read back only when it differs from the order's plant", normalize: (value, env) => (value === (env.root as { plant?: unknown }).plant ? undefined : value) },
    { path: "/components/*/material/revision", reason: "components carry no material revision" },
    { path: "/components/*/lotRequired", reason: "A_ProductionOrderComponent_2 has no batch-required flag" },
    ...codeLoss(["/orderType", "/state", "/operations/*/state", "/components/*/materialUse"]),
    ...issuerLoss(["/id", "/material/id", "/components/*/material/id", "/components/*/lot"]),
    { path: "/operations/*/description", reason: "SAP's empty text means none", normalize: lossNormalizers.emptyIsNone },
    { path: "/lastChangedAt", reason: "the ABAP time stamp keeps seconds, in UTC", normalize: lossNormalizers.utcSeconds },
    ...dateTimeLoss(["/plannedStart", "/plannedEnd", "/scheduledStart", "/scheduledEnd", "/operations/*/plannedStart", "/operations/*/plannedEnd", "/operations/*/actualStart", "/operations/*/actualEnd"]),
    // Since canonical 1.1:
    { path: "/operations/*/repeats", reason: "not among the catalogued A_ProductionOrderOperation_2 properties: a rework operation's link to the operation it repeats is not mapped" },
  ],
});
