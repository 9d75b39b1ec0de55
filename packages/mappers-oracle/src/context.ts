import type { ContextDefaults } from "@mfgsync/mapping";
import { ORACLE_UNITS_IN, ORACLE_UNITS_OUT } from "./units.js";

/**
 * Identifier scheme of the Oracle user keys (work order numbers, item
 * numbers, lot numbers); surrogate ids use schemes below it
 * (`oracle-fusion.work-order-id`).
 *
 * @example
 * ```ts
 * import { ORACLE_SCHEME } from "@mfgsync/mappers-oracle";
 * ORACLE_SCHEME; // "oracle-fusion"
 * ```
 */
export const ORACLE_SCHEME = "oracle-fusion";

/**
 * Extension namespace of Oracle attributes without a canonical home.
 *
 * @example
 * ```ts
 * import { ORACLE_NAMESPACE } from "@mfgsync/mappers-oracle";
 * ORACLE_NAMESPACE; // "oracle"
 * ```
 */
export const ORACLE_NAMESPACE = "oracle";

/**
 * Schemes of the int64 surrogate ids kept as cross-references beside the
 * organisation-scoped user keys. The ids are exact (JSON numbers read digit
 * for digit, written back as numbers).
 *
 * @example
 * ```ts
 * import { ORACLE_ID_SCHEMES } from "@mfgsync/mappers-oracle";
 * ORACLE_ID_SCHEMES.workOrder; // "oracle-fusion.work-order-id"
 * ```
 */
export const ORACLE_ID_SCHEMES = {
  /** `WorkOrderId` of `workOrders` (discrete work orders). */
  workOrder: "oracle-fusion.work-order-id",
  /** `WorkOrderId` of `processWorkOrders`: it also tells that the canonical order is a process work order. */
  processWorkOrder: "oracle-fusion.process-work-order-id",
  /** `InventoryItemId` (work orders, lots) and `ItemId` (itemsV2): the same item id. */
  item: "oracle-fusion.inventory-item-id",
  /** `InspectionPlanId` of `inspectionEvents` (the plan used). */
  inspectionPlan: "oracle-fusion.inspection-plan-id",
  /** `CharacteristicId` of `inspectionEvents/eventCharacteristics` (the characteristic master). */
  characteristic: "oracle-fusion.characteristic-id",
  /** `IssueId` of `qualityIssues`. */
  qualityIssue: "oracle-fusion.quality-issue-id",
  /** Quality action ids (`qualityActions`) that quality issue `Relationships` rows point to. */
  qualityAction: "oracle-fusion.quality-action-id",
  /** `CustomerId` of `qualityIssues`. */
  customer: "oracle-fusion.customer-id",
  /** Lot ids an `AffectedObjects` row names by `ObjectId` ([inferred]: lots have a hash key in `inventoryItemLots`). */
  lot: "oracle-fusion.lot-id",
} as const;

/**
 * Mapping-context defaults of every Oracle mapper: the scheme and the unit
 * tables (codes and names). Callers extend them with `units` / `unitsOut`.
 *
 * @example
 * ```ts
 * import { ORACLE_CONTEXT_DEFAULTS } from "@mfgsync/mappers-oracle";
 * ORACLE_CONTEXT_DEFAULTS.scheme; // "oracle-fusion"
 * ```
 */
export const ORACLE_CONTEXT_DEFAULTS: ContextDefaults = { scheme: ORACLE_SCHEME, units: ORACLE_UNITS_IN, unitsOut: ORACLE_UNITS_OUT };

/**
 * The tenant code lists the Oracle mappers read from the context's
 * `codeTables` (vendor code → canonical meaning).
 *
 * @example
 * ```ts
 * import { ORACLE_CODE_LISTS } from "@mfgsync/mappers-oracle";
 * const context = { codeTables: { [ORACLE_CODE_LISTS.workOrderStatus]: { ACME_KITTED: "Released" } } };
 * ```
 */
export const ORACLE_CODE_LISTS = {
  /** User work order statuses (`WorkOrderStatusCode`) → canonical `RequestState` (`"Released"`). */
  workOrderStatus: "oracle:WorkOrderStatusCode",
  /** Lot material statuses (`inventoryItemLots.StatusCode`) → `{ "qualityStatus": "...", "hold": true }`. */
  lotStatus: "oracle:lot-status",
  /** Inspection event types (`inspectionEvents.EventType`: `RCV`, `INV`, ...) → canonical `InspectionOrigin`. */
  inspectionEventType: "oracle:EventType",
  /** Quality issue severities (`qualityIssues.Severity`, e.g. `ORA_HIGH`) → canonical `Severity`. */
  qualityIssueSeverity: "oracle:QualityIssueSeverity",
  /** Quality issue sources (`qualityIssues.Source`, e.g. `ORA_QUALITY`) → canonical `NonconformanceSource`. */
  qualityIssueSource: "oracle:QualityIssueSource",
  /** Quality issue dispositions (`qualityIssues.Disposition`) → canonical `NonconformanceDisposition`. */
  qualityIssueDisposition: "oracle:QualityIssueDisposition",
  /** Quality types (`qualityIssues.QualityTypeId`, an int64 id as text) → canonical `NonconformanceType`. */
  qualityType: "oracle:QualityTypeId",
  /** Workflow statuses (`qualityIssues.WorkflowStatusId`, an int64 id as text) → canonical `NonconformanceStatus`. */
  workflowStatus: "oracle:WorkflowStatusId",
  /** Affected object types (`AffectedObjects.SupportedEntityCode`) → `"material"`, `"lot"`, `"order"` or `"none"`. */
  affectedObjectType: "oracle:SupportedEntityCode",
  /** Relationship object types (`Relationships.SrcObjType`/`DestObjType`) → `"action"` (a CAPA record) or `"none"`. */
  relationshipObjectType: "oracle:RelationshipObjType",
} as const;
