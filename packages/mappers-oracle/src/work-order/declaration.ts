import { SCHEMA_VERSION } from "@mfgsync/canonical";
import type { MapperDeclaration } from "@mfgsync/mapping";
import {
  child, declareMapper, lossNormalizers, entity, field, identifier, jsonDecimal, materialRef, oracleRestProfile, quantity, unitCodeAndName,
} from "@mfgsync/mapping";
import { ORACLE_CONTEXT_DEFAULTS, ORACLE_ID_SCHEMES, ORACLE_NAMESPACE } from "../context.js";
import { amountIn, oracleDateTime, organizationPlant } from "../converters.js";
import { WORK_ORDER_CATALOG } from "../generated/catalog.js";
import { COMMON_LOSSES, instantLoss, issuerLoss } from "../losses.js";
import { operationEntity } from "./operation.js";
import { oracleStateOf, workOrderStatus } from "./status.js";

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
      field("WorkOrderNumber", "id", identifier({ scoped: true, crossReferences: true }), { required: true, note: "user key, scoped by OrganizationCode" }),
      field("WorkOrderId", `crossReferences[scheme=${ORACLE_ID_SCHEMES.workOrder}]`, identifier({ numeric: true, scheme: ORACLE_ID_SCHEMES.workOrder }), { note: "int64 surrogate id (about 3·10^14), kept exactly" }),
      field([], "plant", organizationPlant("OrganizationCode"), { note: "OrganizationCode: the inventory organisation is the plant and scopes the keys" }),
      field("ItemNumber", "material", materialRef({ scoped: true }), { required: true, note: "Description (the item's) is kept in extensions" }),
      field("InventoryItemId", `material.id.crossReferences[scheme=${ORACLE_ID_SCHEMES.item}]`, identifier({ numeric: true, scheme: ORACLE_ID_SCHEMES.item }), { note: "int64 surrogate id, kept exactly" }),
      field(["PlannedStartQuantity", ...ORDER_UNIT], "plannedQuantity", quantity(jsonDecimal(), unitCodeAndName()), {
        required: true, note: "exact JSON number; unit from UOMCode, or from the unit name UnitOfMeasure when the code is missing",
      }),
      field("CompletedQuantity", "confirmedYield", amountIn(unitCodeAndName(), ORDER_UNIT, "plannedQuantity.unit"), { note: "updated by completion transactions, not by PATCH (read-only)" }),
      field("ScrappedQuantity", "confirmedScrap", amountIn(unitCodeAndName(), ORDER_UNIT, "plannedQuantity.unit"), { note: "RejectedQuantity is kept in extensions" }),
      field("PlannedStartDate", "plannedStart", oracleDateTime()),
      field("PlannedCompletionDate", "plannedEnd", oracleDateTime()),
      field("ActualStartDate", "actualStart", oracleDateTime()),
      field("ActualCompletionDate", "actualEnd", oracleDateTime()),
      field("LastUpdateDate", "lastChangedAt", oracleDateTime()),
      field(["WorkOrderSystemStatusCode", "WorkOrderStatusCode"], "state", workOrderStatus(), {
        required: true, carryAlways: true,
        note: "state from the system status; the user status is the originalCode; tenant user statuses through codeTables[\"oracle:WorkOrderStatusCode\"]",
        uncertain: "system status codes other than RELEASED are [inferred] from the seeded user statuses",
      }),
    ],
    children: [
      child("WorkOrderOperation", "operations", operationEntity, { match: "sequence", note: "OperationSequenceNumber is unique in the order (the core refuses a repeated match key): the materials are linked to their operation by it" }),
    ],
  }),
  knownLoss: [
    ...COMMON_LOSSES,
    { path: "/crossReferences", reason: "only WorkOrderId (oracle-fusion.work-order-id) is kept as a cross-reference", normalize: (value) => {
      if (!Array.isArray(value)) return value;
      const kept = (value as { scheme?: unknown }[]).filter((r) => r.scheme === ORACLE_ID_SCHEMES.workOrder).map((r) => {
        const { issuer: _i, scope: _s, ...rest } = r as Record<string, unknown>;
        return rest;
      });
      return kept.length > 0 ? kept.slice(0, 1) : undefined;
    } },
    { path: "/orderType", reason: "WorkOrderType codes (lookup WIE_WO_TYPE) are not documented in the notes; kept in extensions" },
    { path: "/priority", reason: "work orders have no priority attribute in the catalog" },
    { path: "/scheduledStart", reason: "work orders keep planned and actual dates only" },
    { path: "/scheduledEnd", reason: "work orders keep planned and actual dates only" },
    { path: "/billOfMaterials", reason: "the work definition (WorkDefinitionCode, kept in extensions) is Oracle's bill and routing in one" },
    { path: "/routing", reason: "the work definition (WorkDefinitionCode, kept in extensions) is Oracle's bill and routing in one" },
    { path: "/producedLot", reason: "product lots are the WorkOrderLotNumber rows, kept in extensions" },
    { path: "/material/revision", reason: "work orders carry no item revision in the catalog" },
    { path: "/state", reason: "Oracle's system statuses: Ready and Running read back as Released, Suspended as Held, Aborted as Cancelled; the user status is Oracle's originalCode", normalize: (value) => (typeof value === "object" && value !== null ? { value: oracleStateOf(String((value as { value?: unknown }).value)) } : value) },
    ...issuerLoss(["/id"], { keepScope: true }),
    ...issuerLoss(["/material/id", "/components/*/material/id"], { crossReferences: [ORACLE_ID_SCHEMES.item] }),
    { path: "/operations/*/id", reason: "WorkOrderOperationId is kept in extensions" },
    { path: "/operations/*/sequence", reason: "OperationSequenceNumber is a number: leading zeros are not kept", normalize: (value) => (typeof value === "string" ? value.replace(/^0+(?=\d)/, "") : value) },
    { path: "/operations/*/state", reason: "operations carry no status: their state is the order's", normalize: (_value, env) => ({ value: oracleStateOf(String((env.root as { state?: { value?: unknown } }).state?.value)) }) },
    { path: "/operations/*/description", reason: "an empty OperationName means none", normalize: lossNormalizers.emptyIsNone },
    { path: "/operations/*/plant", reason: "operations carry no organisation of their own" },
    { path: "/operations/*/actualStart", reason: "operation actual dates are not in the catalog" },
    { path: "/operations/*/actualEnd", reason: "operation actual dates are not in the catalog" },
    { path: "/operations/*/plannedQuantity", reason: "operations carry no planned quantity in the catalog" },
    { path: "/operations/*/confirmedYield", reason: "CompletedQuantity of an operation has no unit of its own; kept in extensions" },
    { path: "/operations/*/confirmedScrap", reason: "operations carry no scrap quantity in the catalog" },
    { path: "/operations/*/confirmedRework", reason: "operations carry no rework quantity in the catalog" },
    { path: "/operations/*/repeats", reason: "operations carry no rework link in the catalog" },
    { path: "/components", reason: "operation materials live under their operation: components read back grouped by issuing operation, in operation order", normalize: (value, env) => {
      if (!Array.isArray(value)) return value;
      const operations = ((env.root as { operations?: { sequence?: unknown }[] }).operations ?? []).map((o) => Number(o.sequence));
      const rank = (c: unknown) => operations.indexOf(Number((c as { issuingOperation?: unknown }).issuingOperation));
      return value.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map((x) => x.c);
    } },
    { path: "/components/*/item", reason: "MaterialSequenceNumber is a number: leading zeros are not kept", normalize: (value) => (typeof value === "string" ? value.replace(/^0+(?=\d)/, "") : value) },
    { path: "/components/*/issuingOperation", reason: "the operation's sequence number: leading zeros are not kept", normalize: (value) => (typeof value === "string" ? value.replace(/^0+(?=\d)/, "") : value) },
    { path: "/components/*/materialUse", reason: "operation materials are consumed; by-products and co-products are WorkOrderOperationOutput rows (kept in extensions)", normalize: () => ({ value: "Consumed" }) },
    { path: "/components/*/material/revision", reason: "operation materials carry no item revision" },
    { path: "/components/*/lot", reason: "lots consumed are material transactions, not work order attributes" },
    { path: "/components/*/lotRequired", reason: "operation materials carry no lot-required flag" },
    { path: "/components/*/plant", reason: "operation materials carry no organisation of their own" },
    { path: "/components/*/backflush", reason: "SupplyType codes (push, assembly pull, operation pull) are not documented in the notes; kept in extensions" },
    ...instantLoss(["/plannedStart", "/plannedEnd", "/actualStart", "/actualEnd", "/lastChangedAt", "/operations/*/plannedStart", "/operations/*/plannedEnd"]),
  ],
  notes: [
    "Surrogate ids (WorkOrderId, InventoryItemId) are int64 JSON numbers, read digit for digit and kept as cross-references; the canonical ids are the user keys scoped by OrganizationCode.",
    "Actuals (CompletedQuantity, ScrappedQuantity) change through transaction resources (operationTransactions, materialTransactions, productionReports), not by PATCH.",
  ],
});
