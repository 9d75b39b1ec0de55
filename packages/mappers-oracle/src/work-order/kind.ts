// Which Oracle work order resource a vendor record or a canonical order
// belongs to: discrete `workOrders` or process `processWorkOrders`. The two
// tests agree by construction: what the process mapper writes is read back as
// a process work order, and what the discrete mapper writes is not.
import { BOOKKEEPING_NAMESPACE, oracleRestProfile } from "@mfgsync/mapping";
import { ORACLE_ID_SCHEMES, ORACLE_NAMESPACE } from "../context.js";
import { PROCESS_WORK_ORDER_CATALOG, WORK_ORDER_CATALOG } from "../generated/catalog.js";

/** The bookkeeping entry the process mapper leaves in `extensions.mfgsync`: the resource that was read. */
export const RESOURCE_MARK = "oracle.resource";
/** Its value for a process work order. */
export const PROCESS_RESOURCE = "processWorkOrders";

const names = (c: typeof WORK_ORDER_CATALOG) => [...c.properties.map((p) => p.name), ...c.navigationProperties.map((n) => n.name)];
const DISCRETE = new Set(names(WORK_ORDER_CATALOG));
/** Attributes and children only process work orders have (PrimaryProductId, BatchQuantity, Operation, …), from the catalogs. */
const PROCESS_ONLY: readonly string[] = names(PROCESS_WORK_ORDER_CATALOG).filter((n) => !DISCRETE.has(n));

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Whether an Oracle REST record is a process work order: its self link names
 * `processWorkOrders`, or it has an attribute or child only process work
 * orders have (`PrimaryProductId`, `PrimaryProductQuantity`,
 * `PrimaryProductUOMCode`, `BatchQuantity`, `ProcessName`, `Operation`, …,
 * from the catalogs). Anything else is read as a discrete work order.
 *
 * @example
 * ```ts
 * import { isProcessWorkOrderRecord } from "@mfgsync/mappers-oracle";
 * isProcessWorkOrderRecord({ WorkOrderNumber: "B-1", BatchQuantity: 100 }); // true
 * isProcessWorkOrderRecord({ WorkOrderNumber: "WO-1", PlannedStartQuantity: 10 }); // false
 * ```
 */
export function isProcessWorkOrderRecord(record: unknown): boolean {
  if (!isRecord(record)) return false;
  try {
    const declared = oracleRestProfile.declaredEntity(record, undefined);
    if (declared !== undefined && declared.slice(declared.lastIndexOf(".") + 1) === PROCESS_RESOURCE) return true;
  } catch {
    // A links array that cannot be read names no resource.
  }
  return PROCESS_ONLY.some((name) => own(record, name));
}

/**
 * Whether a canonical production order is written as a process work order:
 * it was read from one (the process mapper's mark in the bookkeeping
 * `extensions.mfgsync["oracle.resource"]`), it has a
 * `oracle-fusion.process-work-order-id` cross-reference, or it keeps
 * process-only attributes in `extensions.oracle`. Any other order is written
 * as a discrete work order.
 *
 * @example
 * ```ts
 * import { isProcessProductionOrder } from "@mfgsync/mappers-oracle";
 * isProcessProductionOrder({ crossReferences: [{ value: "300100", scheme: "oracle-fusion.process-work-order-id" }] }); // true
 * ```
 */
export function isProcessProductionOrder(order: unknown): boolean {
  if (!isRecord(order)) return false;
  const refs = order["crossReferences"];
  if (Array.isArray(refs) && refs.some((r) => isRecord(r) && r["scheme"] === ORACLE_ID_SCHEMES.processWorkOrder)) return true;
  const extensions = order["extensions"];
  if (!isRecord(extensions)) return false;
  const books = extensions[BOOKKEEPING_NAMESPACE];
  if (isRecord(books) && own(books, RESOURCE_MARK) && books[RESOURCE_MARK] === PROCESS_RESOURCE) return true;
  const kept = own(extensions, ORACLE_NAMESPACE) ? extensions[ORACLE_NAMESPACE] : undefined;
  if (isRecord(kept) && PROCESS_ONLY.some((name) => own(kept, name))) return true;
  // A null the bookkeeping names is written back too.
  const state = isRecord(books) && own(books, ORACLE_NAMESPACE) ? books[ORACLE_NAMESPACE] : undefined;
  const nulls = isRecord(state) ? state["nulls"] : undefined;
  return Array.isArray(nulls) && nulls.some((n) => typeof n === "string" && PROCESS_ONLY.includes(n));
}
