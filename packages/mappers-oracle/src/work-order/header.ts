// The field rows and known losses the discrete (`workOrders`) and process
// (`processWorkOrders`) work order mappers share: the same user key, scope,
// item, dates and two-layer status; they differ in the surrogate id's scheme,
// the item id attribute, the order quantity and the operation children.
import type { Converter, FieldDeclaration, KnownLoss } from "@mfgsync/mapping";
import { field, identifier, lossNormalizers, materialRef } from "@mfgsync/mapping";
import { ORACLE_ID_SCHEMES } from "../context.js";
import { amountIn, oracleDateTime, organizationPlant } from "../converters.js";
import { COMMON_LOSSES, issuerLoss } from "../losses.js";
import { oracleStateOf, workOrderStatus } from "./status.js";

/** The work order's user key, its surrogate id (kept under `scheme`) and its organisation. */
export function orderIdentityFields(scheme: string): FieldDeclaration[] {
  return [
    field("WorkOrderNumber", "id", identifier({ scoped: true, crossReferences: true }), { required: true, note: "user key, scoped by OrganizationCode" }),
    field("WorkOrderId", `crossReferences[scheme=${scheme}]`, identifier({ numeric: true, scheme }), { note: "int64 surrogate id (about 3·10^14), kept exactly" }),
    field([], "plant", organizationPlant("OrganizationCode"), { note: "OrganizationCode: the inventory organisation is the plant and scopes the keys" }),
  ];
}

/** The item produced: its number and its int64 id attribute (`InventoryItemId`, `PrimaryProductId`). */
export function orderItemFields(idAttribute: string, idNote = "int64 surrogate id, kept exactly"): FieldDeclaration[] {
  return [
    field("ItemNumber", "material", materialRef({ scoped: true }), { required: true, note: "Description (the item's) is kept in extensions" }),
    field(idAttribute, `material.id.crossReferences[scheme=${ORACLE_ID_SCHEMES.item}]`, identifier({ numeric: true, scheme: ORACLE_ID_SCHEMES.item }), { note: idNote }),
  ];
}

/** Completed and scrapped quantities, in the order quantity's unit (read from `unitProps`). */
export function orderActualFields(unit: Converter<unknown, unknown>, unitProps: readonly string[]): FieldDeclaration[] {
  return [
    field("CompletedQuantity", "confirmedYield", amountIn(unit, unitProps, "plannedQuantity.unit"), { note: "updated by completion transactions, not by PATCH (read-only)" }),
    field("ScrappedQuantity", "confirmedScrap", amountIn(unit, unitProps, "plannedQuantity.unit"), { note: "RejectedQuantity is kept in extensions" }),
  ];
}

/** Planned dates. */
export function orderPlannedDateFields(): FieldDeclaration[] {
  return [field("PlannedStartDate", "plannedStart", oracleDateTime()), field("PlannedCompletionDate", "plannedEnd", oracleDateTime())];
}

/** The two-layer status: system status and user status. */
export function orderStateField(): FieldDeclaration {
  return field(["WorkOrderSystemStatusCode", "WorkOrderStatusCode"], "state", workOrderStatus(), {
    required: true, carryAlways: true,
    note: "state from the system status; the user status is the originalCode; tenant user statuses through codeTables[\"oracle:WorkOrderStatusCode\"]",
    uncertain: "system status codes other than RELEASED are [inferred] from the seeded user statuses",
  });
}

/** A sequence number written as a number: leading zeros are not kept. */
export const noLeadingZeros = (value: unknown): unknown => (typeof value === "string" ? value.replace(/^0+(?=\d)/, "") : value);

/**
 * The losses both work order mappers declare: everything but the
 * components' order and material use, which depend on the children.
 */
export function orderLosses(scheme: string, idAttribute: string): KnownLoss[] {
  return [
    ...COMMON_LOSSES,
    { path: "/crossReferences", reason: `only ${idAttribute} (${scheme}) is kept as a cross-reference`, normalize: (value) => {
      if (!Array.isArray(value)) return value;
      const kept = (value as { scheme?: unknown }[]).filter((r) => r.scheme === scheme).map((r) => {
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
    { path: "/operations/*/sequence", reason: "OperationSequenceNumber is a number: leading zeros are not kept", normalize: noLeadingZeros },
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
    { path: "/components/*/item", reason: "MaterialSequenceNumber is a number: leading zeros are not kept", normalize: noLeadingZeros },
    { path: "/components/*/issuingOperation", reason: "the operation's sequence number: leading zeros are not kept", normalize: noLeadingZeros },
    { path: "/components/*/material/revision", reason: "operation materials carry no item revision" },
    { path: "/components/*/lot", reason: "lots consumed are material transactions, not work order attributes" },
    { path: "/components/*/lotRequired", reason: "operation materials carry no lot-required flag" },
    { path: "/components/*/plant", reason: "operation materials carry no organisation of their own" },
    { path: "/components/*/backflush", reason: "SupplyType codes (push, assembly pull, operation pull) are not documented in the notes; kept in extensions" },
  ];
}

/** Sorts components by their issuing operation's position in the order (then as they were), optionally outputs after materials. */
export function componentsByOperation(value: unknown, root: unknown, group: (c: unknown) => number = () => 0): unknown {
  if (!Array.isArray(value)) return value;
  const operations = ((root as { operations?: { sequence?: unknown }[] }).operations ?? []).map((o) => Number(o.sequence));
  const rank = (c: unknown) => operations.indexOf(Number((c as { issuingOperation?: unknown }).issuingOperation));
  return value.map((c, i) => ({ c, i })).sort((a, b) => group(a.c) - group(b.c) || rank(a.c) - rank(b.c) || a.i - b.i).map((x) => x.c);
}
