// A plain hand-written canonical → SAP production order encoder. It gives
// back exactly what `productionOrderMapper.encode` writes (bench.test.ts
// keeps the two deep-equal): the mapped fields, then the SAP fields kept in
// `extensions.sap`, with the kept status flags only while they still say the
// order's state.
import { SAP_INTERNAL_UNITS_OUT, SAP_ISO_UNITS_OUT, SAP_ORDER_STATUS_STATES, SAP_UNITS_OUT } from "@mfgsync/mappers-sap";
import type { HandwrittenContext } from "./decode.js";
import { OPERATION_FLAGS, ORDER_FLAGS } from "./decode.js";
import { isoToAbap, toSapDateTime } from "./time.js";

type Rec = Record<string, unknown>;
interface Quantity { value: string; unit: string }
interface Coded { value: string; originalCode?: string; originalList?: string }

const PREFERRED: Readonly<Record<string, string>> = { Forecast: "CRTD", Released: "REL", Running: "PCNF", Completed: "CNF", Closed: "TECO", Cancelled: "DLFL", Held: "LKD" };
const MOVEMENT_CODES: Readonly<Record<string, string>> = { Consumed: "261", "By-product Produced": "531", "Co-product Produced": "101" };

function units(target: Rec, prefix: string, rec20: string | undefined): void {
  target[prefix] = rec20 === undefined ? "" : SAP_UNITS_OUT[rec20] ?? rec20;
  target[prefix + "ISOCode"] = rec20 === undefined ? "" : SAP_ISO_UNITS_OUT[rec20] ?? rec20;
  target[prefix + "SAPCode"] = rec20 === undefined ? "" : SAP_INTERNAL_UNITS_OUT[rec20] ?? "";
}

/** The status flags for a state: the kept flags while they still decode to it, else the state's own status. */
function flags(target: Rec, table: readonly (readonly [string, string])[], state: Coded, kept: Rec | undefined): void {
  if (kept !== undefined && table.every(([flag]) => flag in kept)) {
    // Still the same state? The strongest kept flag must be the state's original code.
    const active = table.filter(([flag]) => kept[flag] === "X").map(([, code]) => code);
    if (state.originalCode !== undefined && active.includes(state.originalCode) && SAP_ORDER_STATUS_STATES[state.originalCode] === state.value) {
      for (const [flag] of table) target[flag] = kept[flag];
      return;
    }
  }
  const code = state.originalCode !== undefined && SAP_ORDER_STATUS_STATES[state.originalCode] === state.value ? state.originalCode : PREFERRED[state.value];
  for (const [flag, status] of table) target[flag] = status === code ? "X" : "";
}

/** Kept SAP fields (and the nulls of the core's bookkeeping) back in place, never the child lists. */
function restore(target: Rec, kept: Rec | undefined, skip: ReadonlySet<string>, state?: Rec): void {
  if (kept !== undefined) for (const key of Object.keys(kept)) if (!skip.has(key)) target[key] = kept[key];
  const nulls = state?.["nulls"];
  if (Array.isArray(nulls)) for (const key of nulls as string[]) target[key] = null;
}

const CHILD_LISTS = new Set(["to_ProductionOrderOperation", "to_ProductionOrderComponent"]);
const NONE: ReadonlySet<string> = new Set();

function operation(op: Rec, target: Rec, ctx: HandwrittenContext, { kept, state }: { kept: Rec | undefined; state: Rec | undefined }): Rec {
  const out: Rec = {};
  const plant = (op["plant"] as string | undefined) ?? (target["ProductionPlant"] as string);
  const zone = ctx.plantTimeZones[plant] ?? "UTC";
  out["ManufacturingOrderOperation"] = op["sequence"];
  out["MfgOrderOperationText"] = op["description"] ?? "";
  out["WorkCenter"] = op["workCenter"] ?? "";
  out["ProductionPlant"] = plant;
  flags(out, OPERATION_FLAGS, op["state"] as Coded, kept);
  [out["OpErlstSchedldExecStrtDte"], out["OpErlstSchedldExecStrtTme"]] = toSapDateTime(op["plannedStart"] as string | undefined, zone);
  [out["OpErlstSchedldExecEndDte"], out["OpErlstSchedldExecEndTme"]] = toSapDateTime(op["plannedEnd"] as string | undefined, zone);
  [out["OpActualExecutionStartDate"], out["OpActualExecutionStartTime"]] = toSapDateTime(op["actualStart"] as string | undefined, zone);
  [out["OpActualExecutionEndDate"], out["OpActualExecutionEndTime"]] = toSapDateTime(op["actualEnd"] as string | undefined, zone);
  const planned = op["plannedQuantity"] as Quantity | undefined;
  out["OpPlannedTotalQuantity"] = planned?.value ?? null;
  units(out, "OperationUnit", planned?.unit);
  out["OpTotalConfirmedYieldQty"] = (op["confirmedYield"] as Quantity | undefined)?.value ?? null;
  out["ManufacturingOrder"] = target["ManufacturingOrder"];
  out["ManufacturingOrderCategory"] = target["ManufacturingOrderCategory"];
  out["ManufacturingOrderType"] = target["ManufacturingOrderType"];
  restore(out, kept, NONE, state);
  return out;
}

function component(c: Rec, target: Rec, { kept, state }: { kept: Rec | undefined; state: Rec | undefined }): Rec {
  const out: Rec = {};
  const required = c["requiredQuantity"] as Quantity;
  const use = c["materialUse"] as Coded;
  out["ReservationItem"] = c["item"] ?? "";
  out["Material"] = (c["material"] as { id: { value: string } }).id.value;
  out["RequiredQuantity"] = required.value;
  units(out, "BaseUnit", required.unit);
  out["WithdrawnQuantity"] = (c["withdrawnQuantity"] as Quantity | undefined)?.value ?? null;
  out["GoodsMovementType"] = use.originalCode !== undefined && use.originalList === "sap:GoodsMovementType" ? use.originalCode : MOVEMENT_CODES[use.value] ?? "";
  out["Batch"] = (c["lot"] as { value: string } | undefined)?.value ?? "";
  out["ManufacturingOrderOperation"] = c["issuingOperation"] ?? "";
  out["Plant"] = c["plant"] ?? target["ProductionPlant"];
  out["StorageLocation"] = c["storageLocation"] ?? "";
  out["MatlCompIsMarkedForBackflush"] = c["backflush"] ?? null;
  out["ManufacturingOrder"] = target["ManufacturingOrder"];
  out["ManufacturingOrderCategory"] = target["ManufacturingOrderCategory"];
  out["ManufacturingOrderType"] = target["ManufacturingOrderType"];
  out["ProductionPlant"] = target["ProductionPlant"];
  restore(out, kept, NONE, state);
  return out;
}

/** Pairs each child with the SAP data and bookkeeping kept for it (by sequence or item, as decode recorded it). */
function keptFor(list: unknown, states: unknown, key: unknown, index: number): { kept: Rec | undefined; state: Rec | undefined } {
  if (!Array.isArray(list) || !Array.isArray(states)) return { kept: undefined, state: undefined };
  let j = (states[index] as Rec | undefined)?.["key"] === key ? index : -1;
  if (j < 0) j = (states as Rec[]).findIndex((s) => s["key"] === key);
  return j < 0 ? { kept: undefined, state: undefined } : { kept: list[j] as Rec, state: states[j] as Rec };
}

/** A canonical production order to SAP `A_ProductionOrder_2` (with operations and components), by hand. */
export function handwrittenEncodeOrder(order: Rec, ctx: HandwrittenContext): Rec {
  const extensions = order["extensions"] as Rec | undefined;
  const kept = (extensions?.["sap"] ?? undefined) as Rec | undefined;
  const books = ((extensions?.["mfgsync"] as Rec | undefined)?.["sap"] ?? undefined) as Rec | undefined;
  const children = (books?.["children"] ?? {}) as Rec;
  const out: Rec = {};
  const plant = order["plant"] as string;
  const zone = ctx.plantTimeZones[plant] ?? "UTC";
  const planned = order["plannedQuantity"] as Quantity;
  const type = order["orderType"] as Coded | undefined;
  out["ManufacturingOrder"] = (order["id"] as { value: string }).value;
  out["LastChangeDateTime"] = order["lastChangedAt"] === undefined ? "" : isoToAbap(order["lastChangedAt"] as string);
  out["ManufacturingOrderType"] = type?.originalCode ?? (type === undefined ? "" : "PP01");
  out["Material"] = (order["material"] as { id: { value: string } }).id.value;
  out["ProductionPlant"] = plant;
  out["TotalQuantity"] = planned.value;
  units(out, "ProductionUnit", planned.unit);
  out["MfgOrderConfirmedYieldQty"] = (order["confirmedYield"] as Quantity | undefined)?.value ?? null;
  [out["MfgOrderPlannedStartDate"], out["MfgOrderPlannedStartTime"]] = toSapDateTime(order["plannedStart"] as string | undefined, zone);
  [out["MfgOrderPlannedEndDate"], out["MfgOrderPlannedEndTime"]] = toSapDateTime(order["plannedEnd"] as string | undefined, zone);
  [out["MfgOrderScheduledStartDate"], out["MfgOrderScheduledStartTime"]] = toSapDateTime(order["scheduledStart"] as string | undefined, zone);
  [out["MfgOrderScheduledEndDate"], out["MfgOrderScheduledEndTime"]] = toSapDateTime(order["scheduledEnd"] as string | undefined, zone);
  flags(out, ORDER_FLAGS, order["state"] as Coded, kept);
  restore(out, kept, CHILD_LISTS, books);
  out["to_ProductionOrderOperation"] = {
    results: (order["operations"] as Rec[]).map((op, i) => operation(op, out, ctx, keptFor(kept?.["to_ProductionOrderOperation"], children["to_ProductionOrderOperation"], op["sequence"], i))),
  };
  out["to_ProductionOrderComponent"] = {
    results: (order["components"] as Rec[]).map((c, i) => component(c, out, keptFor(kept?.["to_ProductionOrderComponent"], children["to_ProductionOrderComponent"], c["item"], i))),
  };
  return out;
}
