import { SCHEMA_VERSION } from "@mfgsync/canonical";
// A plain hand-written SAP production order decoder: what an integration
// team writes without a mapping library. It produces exactly the canonical
// object `productionOrderMapper.decode` produces for well-formed SAP data
// (bench.test.ts keeps the two deep-equal), including the SAP fields kept in
// `extensions.sap`, but it validates nothing beyond what it needs to map.
import {
  SAP_INTERNAL_UNITS_OUT, SAP_ISO_UNITS_OUT, SAP_ORDER_STATUS_PRECEDENCE, SAP_ORDER_STATUS_STATES, SAP_SYSTEM_STATUS_CODES, SAP_UNITS_IN, SAP_UNITS_OUT,
} from "@mfgsync/mappers-sap";
import { abapToIso, localDateTime } from "./time.js";

type Rec = Record<string, unknown>;
/** The parts of a mapping context the hand-written mappers read. */
export interface HandwrittenContext {
  readonly plantTimeZones: Readonly<Record<string, string>>;
  readonly identifiers: { readonly issuer?: string };
}

const SCHEME = "sap-s4hana";

export const ORDER_FLAGS: readonly (readonly [string, string])[] = [
  ["OrderIsCreated", "CRTD"], ["OrderIsReleased", "REL"], ["OrderIsPartiallyReleased", "PREL"], ["OrderIsPartiallyConfirmed", "PCNF"],
  ["OrderIsConfirmed", "CNF"], ["OrderIsPartiallyDelivered", "PDLV"], ["OrderIsDelivered", "DLV"], ["OrderIsLocked", "LKD"],
  ["OrderIsTechnicallyCompleted", "TECO"], ["OrderIsClosed", "CLSD"], ["OrderIsMarkedForDeletion", "DLFL"], ["OrderIsDeleted", "DLT"],
];
export const OPERATION_FLAGS: readonly (readonly [string, string])[] = [
  ["OperationIsCreated", "CRTD"], ["OperationIsReleased", "REL"], ["OperationIsPartiallyConfirmed", "PCNF"], ["OperationIsConfirmed", "CNF"],
  ["OperationIsPartiallyDelivered", "PDLV"], ["OperationIsDelivered", "DLV"], ["OperationIsTechlyCompleted", "TECO"], ["OperationIsClosed", "CLSD"], ["OperationIsDeleted", "DLT"],
];

// Properties that become canonical fields (and are not kept as they are).
const ORDER_MAPPED = new Set([
  "__metadata", "ManufacturingOrder", "LastChangeDateTime", "ManufacturingOrderType", "Material", "ProductionPlant", "TotalQuantity", "ProductionUnit",
  "ProductionUnitISOCode", "ProductionUnitSAPCode", "MfgOrderConfirmedYieldQty", "MfgOrderPlannedStartDate", "MfgOrderPlannedStartTime",
  "MfgOrderPlannedEndDate", "MfgOrderPlannedEndTime", "MfgOrderScheduledStartDate", "MfgOrderScheduledStartTime", "MfgOrderScheduledEndDate",
  "MfgOrderScheduledEndTime", "to_ProductionOrderStatus", "to_ProductionOrderOperation", "to_ProductionOrderComponent",
]);
const OPERATION_MAPPED = new Set([
  "__metadata", "ManufacturingOrderOperation", "MfgOrderOperationText", "WorkCenter", "ProductionPlant", "OpErlstSchedldExecStrtDte", "OpErlstSchedldExecStrtTme",
  "OpErlstSchedldExecEndDte", "OpErlstSchedldExecEndTme", "OpActualExecutionStartDate", "OpActualExecutionStartTime", "OpActualExecutionEndDate",
  "OpActualExecutionEndTime", "OpPlannedTotalQuantity", "OperationUnit", "OperationUnitISOCode", "OperationUnitSAPCode", "OpTotalConfirmedYieldQty",
  "ManufacturingOrder", "ManufacturingOrderCategory", "ManufacturingOrderType",
]);
const COMPONENT_MAPPED = new Set([
  "__metadata", "ReservationItem", "Material", "RequiredQuantity", "BaseUnit", "BaseUnitISOCode", "BaseUnitSAPCode", "WithdrawnQuantity", "GoodsMovementType",
  "Batch", "ManufacturingOrderOperation", "Plant", "StorageLocation", "MatlCompIsMarkedForBackflush", "ManufacturingOrder", "ManufacturingOrderCategory",
  "ManufacturingOrderType", "ProductionPlant",
]);
const PARENT_KEYS = ["ManufacturingOrder", "ManufacturingOrderCategory", "ManufacturingOrderType"] as const;
const RANK = new Map(SAP_ORDER_STATUS_PRECEDENCE.map((code, i) => [code, i]));
const MOVEMENT_TYPES: Readonly<Record<string, string>> = { "261": "Consumed", "531": "By-product Produced", "101": "Co-product Produced" };

const isDeferred = (v: unknown) => typeof v === "object" && v !== null && "__deferred" in v;

/** Everything not mapped, as SAP sent it (without `__metadata` and unexpanded links); nulls go to the core's bookkeeping list. */
function keep(record: Rec, mapped: ReadonlySet<string>, kept: Rec, state: Rec): Rec {
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (mapped.has(key) || isDeferred(value)) continue;
    if (value === null) ((state["nulls"] ??= []) as string[]).push(key);
    else kept[key] = value;
  }
  return kept;
}

function identifier(value: unknown, ctx: HandwrittenContext) {
  if (typeof value !== "string" || value === "") return undefined;
  return ctx.identifiers.issuer === undefined ? { value, scheme: SCHEME } : { value, scheme: SCHEME, issuer: ctx.identifiers.issuer };
}

/** The Rec 20 unit of SAP's three spellings (ISO first); spellings SAP would not write back are kept. */
function unit(record: Rec, prefix: string, kept: Rec): string | undefined {
  const commercial = record[prefix] as string, iso = record[prefix + "ISOCode"] as string, internal = record[prefix + "SAPCode"] as string;
  const rec20 = SAP_UNITS_IN[iso] ?? SAP_UNITS_IN[internal] ?? SAP_UNITS_IN[commercial];
  if (rec20 === undefined) return undefined;
  if (commercial !== (SAP_UNITS_OUT[rec20] ?? rec20)) kept[prefix] = commercial;
  if (iso !== (SAP_ISO_UNITS_OUT[rec20] ?? rec20)) kept[prefix + "ISOCode"] = iso;
  if (internal !== (SAP_INTERNAL_UNITS_OUT[rec20] ?? "")) kept[prefix + "SAPCode"] = internal;
  return rec20;
}

const quantity = (value: unknown, rec20: string | undefined) => (typeof value === "string" && rec20 !== undefined ? { value, unit: rec20 } : undefined);

function state(record: Rec, flags: readonly (readonly [string, string])[], list: string, statusSet: unknown, kept: Rec) {
  let winner: string | undefined;
  const consider = (code: string | undefined) => {
    if (code !== undefined && (winner === undefined || (RANK.get(code) ?? 99) < (RANK.get(winner) ?? 99))) winner = code;
  };
  for (const [flag, code] of flags) {
    kept[flag] = record[flag];
    if (record[flag] === "X") consider(code);
  }
  if (statusSet !== undefined) {
    const results = (statusSet as { results: Rec[] }).results.map(({ __metadata: _m, ...status }) => status);
    kept["to_ProductionOrderStatus"] = { results };
    for (const s of results) if (s["IsUserStatus"] !== true) consider(SAP_SYSTEM_STATUS_CODES[s["StatusCode"] as string]);
  }
  return winner === undefined ? { value: "Other", originalList: list } : { value: SAP_ORDER_STATUS_STATES[winner]!, originalCode: winner, originalList: list };
}

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

function operation(op: Rec, order: Rec, ctx: HandwrittenContext) {
  const rowState: Rec = {};
  const kept = keep(op, OPERATION_MAPPED, {}, rowState);
  for (const key of PARENT_KEYS) if (op[key] !== order[key]) kept[key] = op[key];
  const plant = op["ProductionPlant"] as string;
  const zone = ctx.plantTimeZones[plant] ?? "UTC";
  const rec20 = unit(op, "OperationUnit", kept);
  const value = {
    sequence: op["ManufacturingOrderOperation"] as string,
    description: text(op["MfgOrderOperationText"]),
    workCenter: text(op["WorkCenter"]),
    plant: plant === order["ProductionPlant"] ? undefined : plant,
    state: state(op, OPERATION_FLAGS, "sap:operation-status", undefined, kept),
    plannedStart: localDateTime(op["OpErlstSchedldExecStrtDte"], op["OpErlstSchedldExecStrtTme"], zone),
    plannedEnd: localDateTime(op["OpErlstSchedldExecEndDte"], op["OpErlstSchedldExecEndTme"], zone),
    actualStart: localDateTime(op["OpActualExecutionStartDate"], op["OpActualExecutionStartTime"], zone),
    actualEnd: localDateTime(op["OpActualExecutionEndDate"], op["OpActualExecutionEndTime"], zone),
    plannedQuantity: quantity(op["OpPlannedTotalQuantity"], rec20),
    confirmedYield: quantity(op["OpTotalConfirmedYieldQty"], rec20),
  };
  rowState["key"] = value.sequence;
  return { value: dropUndefined(value), kept, state: rowState };
}

function component(c: Rec, order: Rec, ctx: HandwrittenContext) {
  const rowState: Rec = {};
  const kept = keep(c, COMPONENT_MAPPED, {}, rowState);
  for (const key of [...PARENT_KEYS, "ProductionPlant"] as const) if (c[key] !== order[key]) kept[key] = c[key];
  const rec20 = unit(c, "BaseUnit", kept);
  const movement = c["GoodsMovementType"] as string;
  const plant = c["Plant"] as string;
  const value = {
    item: text(c["ReservationItem"]),
    material: { id: identifier(c["Material"], ctx) },
    requiredQuantity: quantity(c["RequiredQuantity"], rec20),
    withdrawnQuantity: quantity(c["WithdrawnQuantity"], rec20),
    materialUse: movement === "" ? { value: "Consumed" } : { value: MOVEMENT_TYPES[movement] ?? "Other", originalCode: movement, originalList: "sap:GoodsMovementType" },
    lot: identifier(c["Batch"], ctx),
    issuingOperation: text(c["ManufacturingOrderOperation"]),
    plant: plant === "" || plant === order["ProductionPlant"] ? undefined : plant,
    storageLocation: text(c["StorageLocation"]),
    backflush: typeof c["MatlCompIsMarkedForBackflush"] === "boolean" ? c["MatlCompIsMarkedForBackflush"] : undefined,
  };
  if (movement === "") kept["GoodsMovementType"] = "";
  if (value.item !== undefined) rowState["key"] = value.item;
  return { value: dropUndefined(value), kept, state: rowState };
}

function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value)) if ((value as Rec)[key] === undefined) delete (value as Rec)[key];
  return value;
}

/**
 * SAP `A_ProductionOrder_2` (operations, components and status set
 * expanded) to a canonical production order, by hand.
 */
export function handwrittenDecodeOrder(order: Rec, ctx: HandwrittenContext): Rec {
  const rootState: Rec = {};
  const kept = keep(order, ORDER_MAPPED, {}, rootState);
  const plant = order["ProductionPlant"] as string;
  const zone = ctx.plantTimeZones[plant] ?? "UTC";
  const rec20 = unit(order, "ProductionUnit", kept);
  const type = order["ManufacturingOrderType"] as string;
  const operations = (order["to_ProductionOrderOperation"] as { results: Rec[] }).results.map((op) => operation(op, order, ctx));
  const components = (order["to_ProductionOrderComponent"] as { results: Rec[] }).results.map((c) => component(c, order, ctx));
  const value = dropUndefined({
    schemaVersion: SCHEMA_VERSION,
    kind: "production-order",
    id: identifier(order["ManufacturingOrder"], ctx),
    lastChangedAt: text(order["LastChangeDateTime"]) === undefined ? undefined : abapToIso(order["LastChangeDateTime"] as string),
    orderType: type === "" ? undefined : { value: "Production", originalCode: type, originalList: "sap:ManufacturingOrderType" },
    material: { id: identifier(order["Material"], ctx) },
    plant,
    plannedQuantity: quantity(order["TotalQuantity"], rec20),
    confirmedYield: quantity(order["MfgOrderConfirmedYieldQty"], rec20),
    plannedStart: localDateTime(order["MfgOrderPlannedStartDate"], order["MfgOrderPlannedStartTime"], zone),
    plannedEnd: localDateTime(order["MfgOrderPlannedEndDate"], order["MfgOrderPlannedEndTime"], zone),
    scheduledStart: localDateTime(order["MfgOrderScheduledStartDate"], order["MfgOrderScheduledStartTime"], zone),
    scheduledEnd: localDateTime(order["MfgOrderScheduledEndDate"], order["MfgOrderScheduledEndTime"], zone),
    state: state(order, ORDER_FLAGS, "sap:order-status", order["to_ProductionOrderStatus"], kept),
    operations: operations.map((o) => o.value),
    components: components.map((c) => c.value),
    extensions: undefined as unknown,
  });
  kept["to_ProductionOrderOperation"] = operations.map((o) => o.kept);
  kept["to_ProductionOrderComponent"] = components.map((c) => c.kept);
  rootState["children"] = { to_ProductionOrderOperation: operations.map((o) => o.state), to_ProductionOrderComponent: components.map((c) => c.state) };
  value.extensions = { sap: kept, mfgsync: { sap: rootState } };
  return value;
}
