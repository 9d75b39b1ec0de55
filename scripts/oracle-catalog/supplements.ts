/**
 * The few facts the Oracle catalogs take from the research notes
 * (`shared/notes/oracle.md`) instead of the field catalog, each with where it
 * was read. Everything else comes from `oracle-scm-field-catalog.json`.
 */

/** Wire names of children the field catalog describes in words (notes §5: "Child: flexfields only (lotStandardDFF, lotAttributeDFF)"). */
export const CHILD_NAMES: Readonly<Record<string, { name: string; inferredNote: string }>> = {
  "inventoryItemLots/Flexfields for Lots": {
    name: "lotStandardDFF",
    inferredNote: "wire name from notes §5; pairing 'Flexfields for Lots' -> lotStandardDFF assumed",
  },
  "inventoryItemLots/Flexfields for Lot Attributes": {
    name: "lotAttributeDFF",
    inferredNote: "wire name from notes §5; pairing 'Flexfields for Lot Attributes' -> lotAttributeDFF assumed",
  },
};

/**
 * Types of key attributes the field catalog names without a type. Notes §1
 * (Keys, [seen-spec/doc]): "Some resources use the plain numeric ID in the
 * path, e.g. … inspectionEvents/{IpEventId}, workOrderStatuses/{WoStatusId}".
 */
export const KEY_TYPES: Readonly<Record<string, { type: "integer"; evidence: string }>> = {
  IpEventId: { type: "integer", evidence: "P/D" },
  WoStatusId: { type: "integer", evidence: "P/D" },
};

/**
 * Types of attributes the field catalog lists without a type, where the
 * name-based guess (`typeFromName` in parse.ts) would be wrong. Each stays
 * inferred (the note is printed as uncertain) until a pod's /describe
 * confirms it.
 *
 * `qualityIssues/Downtime`: the field catalog lists it among the PATCH
 * attributes without a type, so the name rule assumed a string; notes §6
 * give no type either. Oracle's fasrp reference for PATCH qualityIssues
 * (docs.oracle.com, releases 24c-25d, read while writing the quality issue
 * mapper) types it `integer (int64)`, and Oracle's "update the description"
 * use case sends `"Downtime" : 20`. The unit (minutes, hours) is not stated.
 */
export const FIELD_TYPES: Readonly<Record<string, { type: "integer" | "number" | "string"; inferredNote: string }>> = {
  "qualityIssues/Downtime": {
    type: "integer",
    inferredNote: "type int64 from Oracle's fasrp PATCH qualityIssues reference (not in the notes or the field catalog, which list Downtime untyped); unit not stated; verify with /describe",
  },
};

/**
 * Attributes the field catalog does not list for an entity (a resource or a
 * child): notes §2 Children, [seen-spec]; §1 Data encodings: ItemCategory
 * StartDate is a date. Entries with evidence `I` are [inferred] (an analogy,
 * not a seen fact): `inferredNote` says which, and the catalogs mark every
 * such attribute inferred.
 */
export const CHILD_FIELDS: Readonly<Record<string, { fields: string[]; evidence: string; note: string; inferredNote?: string }>> = {
  "itemsV2/ItemCategory": {
    fields: ["CategoryCode", "CategoryName", "ItemCatalog", "StartDate(date)", "EndDate(date)"],
    evidence: "P",
    note: "attributes from notes §2 (the field catalog names the child only)",
  },
  // [inferred] Issue #10 maps a process work order's planned start quantity when it is sent, else the primary
  // product quantity (notes §4): the names are the discrete work order's (notes §3), not seen on processWorkOrders.
  processWorkOrders: {
    fields: ["PlannedStartQuantity(number)", "UOMCode"],
    evidence: "I",
    note: "PlannedStartQuantity and UOMCode assumed by analogy with workOrders (notes §3); notes §4 name PrimaryProductQuantity + PrimaryProductUOMCode as the order quantity",
    inferredNote: "attribute assumed by analogy with workOrders (notes §3); not seen on processWorkOrders",
  },
  // [inferred] Notes §4 name the process Operation child and its grandchildren but none of its attributes:
  // these are the discrete WorkOrderOperation's (notes §3, [seen-spec/cdata/code] there).
  "processWorkOrders/Operation": {
    fields: [
      "OperationSequenceNumber(number)", "OperationName", "OperationDescription", "StandardOperationCode", "WorkCenterId(integer)", "WorkCenterCode",
      "PlannedStartDate(date-time)", "PlannedCompletionDate(date-time)",
    ],
    evidence: "I",
    note: "attributes assumed by analogy with workOrders/WorkOrderOperation (notes §3); notes §4 name no attributes of Operation",
    inferredNote: "attribute assumed by analogy with workOrders/WorkOrderOperation (notes §3)",
  },
  // [inferred] The process Output's POST body is seen ([seen-spec]); its type attribute is the discrete
  // WorkOrderOperationOutput's (`OutputType` e.g. PRODUCT, [seen-spec] there). BY_PRODUCT is assumed.
  "processWorkOrders/Operation/Output": {
    fields: ["OutputType (e.g. PRODUCT/BY_PRODUCT)", "CompletionType (e.g. MANUAL)"],
    evidence: "I",
    note: "OutputType and CompletionType assumed by analogy with workOrders/WorkOrderOperationOutput (notes §3: OutputType e.g. PRODUCT); notes §4: outputs are the primary product, co-products and by-products; BY_PRODUCT assumed",
    inferredNote: "attribute assumed by analogy with workOrders/WorkOrderOperationOutput (notes §3); the code BY_PRODUCT is assumed",
  },
};

/** Children only the notes name (notes §3 Children and §6 inspectionEvents Children). */
export const NOTES_CHILDREN: readonly { parent: string; name: string; access?: string; note: string }[] = [
  { parent: "workOrders/WorkOrderOperation", name: "WorkOrderOperationSerialNumber", access: "GET", note: "named in notes §3 (GET)" },
  { parent: "workOrders", name: "WorkOrderExceptionCount", note: "named in notes §3" },
  { parent: "inspectionEvents", name: "inspectionDetails", access: "read-only", note: "named in notes §6 (read-only)" },
  { parent: "inspectionEvents", name: "simulatedInspectionActions", note: "named in notes §6" },
];

/**
 * Read-only flattened views and the operation-level child whose rows they
 * show. Discrete: the field catalog ("read-only flattened view of all operation
 * materials of the WO"); process: notes §4 ("Read-only flattened views").
 * `operationAttributes` name the operation of each row (assumed: a view across
 * operations must say which operation a row belongs to).
 */
export const FLATTENED_VIEWS: readonly { view: string; source: string; operationAttributes: string[]; cite: string }[] = [
  {
    view: "workOrders/WorkOrderMaterial",
    source: "workOrders/WorkOrderOperation/WorkOrderOperationMaterial",
    operationAttributes: ["WorkOrderOperationId", "OperationSequenceNumber"],
    cite: "field catalog: read-only flattened view of all operation materials",
  },
  {
    view: "workOrders/WorkOrderResource",
    source: "workOrders/WorkOrderOperation/WorkOrderOperationResource",
    operationAttributes: ["WorkOrderOperationId", "OperationSequenceNumber"],
    cite: "field catalog: read-only flattened view of operation resources",
  },
  {
    view: "processWorkOrders/ProcessWorkOrderMaterial",
    source: "processWorkOrders/Operation/Material",
    operationAttributes: ["OperationSequenceNumber"],
    cite: "notes §4: read-only flattened view",
  },
  {
    view: "processWorkOrders/ProcessWorkOrderOutput",
    source: "processWorkOrders/Operation/Output",
    operationAttributes: ["OperationSequenceNumber"],
    cite: "notes §4: read-only flattened view",
  },
  {
    view: "processWorkOrders/ProcessWorkOrderResource",
    source: "processWorkOrders/Operation/Resource",
    operationAttributes: ["OperationSequenceNumber"],
    cite: "notes §4: read-only flattened view",
  },
];

/**
 * Quantities maintained by transactions, not by PATCH. Notes §3: "Actuals are
 * not updated on the work order by PATCH. Completions, moves and issues go
 * through transaction resources". The notes say it of discrete work orders;
 * process work orders and the operation's completed quantity are assumed alike.
 */
export const ACTUALS: Readonly<Record<string, readonly string[]>> = {
  workOrders: ["CompletedQuantity", "ScrappedQuantity", "RejectedQuantity"],
  "workOrders/WorkOrderOperation": ["CompletedQuantity"],
  processWorkOrders: ["CompletedQuantity", "ScrappedQuantity", "RejectedQuantity"],
};
export const ACTUALS_NOTE = "read-only assumed: notes §3 say actuals are not updated by PATCH but by transaction resources";

/** Type names of the top-level resources (one item of the collection). */
export const RESOURCE_TYPE_NAMES: Readonly<Record<string, string>> = {
  workOrders: "WorkOrder",
  processWorkOrders: "ProcessWorkOrder",
  workOrderStatuses: "WorkOrderStatus",
  itemsV2: "ItemV2",
  unitsOfMeasure: "UnitOfMeasure",
  inventoryItemLots: "InventoryItemLot",
  inventoryOnhandBalances: "InventoryOnhandBalance",
  genealogyObjects: "GenealogyObject",
  genealogyRelationships: "GenealogyRelationship",
  inspectionPlans: "InspectionPlan",
  inspectionEvents: "InspectionEvent",
  inspectionResults: "InspectionResult",
  qualityIssues: "QualityIssue",
  qualityActions: "QualityAction",
  qualityProblemReports: "QualityProblemReport",
  qualityCorrectiveAndPreventiveActions: "QualityCorrectiveAndPreventiveAction",
};
