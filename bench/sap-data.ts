// Realistic SAP S/4HANA OData V2 payloads, generated deterministically.
// The shapes follow the stored fixtures (packages/mappers-sap/fixtures): every
// property SAP Gateway sends for A_ProductionOrder_2 with $expand of
// operations, components and the status set, `__metadata` on every entity and
// `__deferred` links for the navigations that were not expanded.

type Json = Record<string, unknown>;

/** Small deterministic PRNG (mulberry32) so that every run measures the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVICE = "https://my-s4.example.com/sap/opu/odata/sap/API_PRODUCTION_ORDER_2_SRV";
/** Milliseconds in a day. */
export const DAY = 86_400_000;

export const pad = (n: number, width: number) => String(n).padStart(width, "0");
export const odataDate = (ms: number) => `/Date(${ms})/`;
const edmTime = (seconds: number) => `PT${pad(Math.floor(seconds / 3600), 2)}H${pad(Math.floor((seconds % 3600) / 60), 2)}M${pad(seconds % 60, 2)}S`;
const abapStamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace(/[-T:]/g, "");

function metadata(service: string, set: string, key: string, type: string): Json {
  const uri = `${service}/${set}(${key})`;
  return { id: uri, uri, type };
}
export const deferred = (uri: string): Json => ({ __deferred: { uri } });

/** SAP unit spellings: commercial (EN logon), ISO, internal. */
const UNITS = [
  { commercial: "PC", iso: "PCE", internal: "ST", decimals: 0 },
  { commercial: "KG", iso: "KGM", internal: "KG", decimals: 3 },
  { commercial: "L", iso: "LTR", internal: "L", decimals: 3 },
  { commercial: "M", iso: "MTR", internal: "M", decimals: 3 },
] as const;

/** Order status profiles: header flags set and system status numbers of the status set. */
const ORDER_STATES = [
  { flags: ["OrderIsCreated"], statuses: [["I0001", "CRTD", "Created"]] },
  { flags: ["OrderIsReleased"], statuses: [["I0002", "REL", "Released"]] },
  { flags: ["OrderIsReleased", "OrderIsPartiallyConfirmed"], statuses: [["I0002", "REL", "Released"], ["I0010", "PCNF", "Partially confirmed"]] },
  { flags: ["OrderIsReleased", "OrderIsConfirmed"], statuses: [["I0002", "REL", "Released"], ["I0009", "CNF", "Confirmed"]] },
  { flags: ["OrderIsReleased", "OrderIsPartiallyConfirmed", "OrderIsPartiallyDelivered"], statuses: [["I0002", "REL", "Released"], ["I0010", "PCNF", "Partially confirmed"], ["I0074", "PDLV", "Partially delivered"]] },
  { flags: ["OrderIsReleased", "OrderIsConfirmed", "OrderIsDelivered"], statuses: [["I0002", "REL", "Released"], ["I0009", "CNF", "Confirmed"], ["I0012", "DLV", "Delivered"]] },
  { flags: ["OrderIsTechnicallyCompleted"], statuses: [["I0045", "TECO", "Technically completed"]] },
] as const;

const ORDER_FLAGS = [
  "OrderIsCreated", "OrderIsReleased", "OrderIsPrinted", "OrderIsConfirmed", "OrderIsPartiallyConfirmed", "OrderIsDelivered", "OrderIsDeleted",
  "OrderIsPreCosted", "SettlementRuleIsCreated", "OrderIsPartiallyReleased", "OrderIsLocked", "OrderIsTechnicallyCompleted", "OrderIsClosed",
  "OrderIsPartiallyDelivered", "OrderIsMarkedForDeletion", "SettlementRuleIsCrtedManually", "OrderIsScheduled", "OrderHasGeneratedOperations",
  "OrderIsToBeHandledInBatches", "MaterialAvailyIsNotChecked",
] as const;
const OPERATION_FLAGS = [
  "OperationIsCreated", "OperationIsReleased", "OperationIsPrinted", "OperationIsConfirmed", "OperationIsPartiallyConfirmed", "OperationIsDeleted",
  "OperationIsTechlyCompleted", "OperationIsClosed", "OperationIsScheduled", "OperationIsPartiallyDelivered", "OperationIsDelivered",
] as const;

const WORK_CENTERS = [["MILL-01", "10000101"], ["LATHE-02", "10000102"], ["DRILL-03", "10000103"], ["WASH-01", "10000104"], ["ASSY-04", "10000105"], ["PACK-01", "10000106"], ["QC-01", "10000107"]] as const;
const OPERATION_TEXTS = ["Cut to length", "Turn outer diameter", "Drill bores", "Wash and dry", "Assembly", "Pack", "Final inspection", ""];
export const PLANTS = ["1010", "1710"] as const;

function flags(all: readonly string[], set: ReadonlySet<string>): Json {
  const out: Json = {};
  for (const f of all) out[f] = set.has(f) ? "X" : "";
  return out;
}

function quantityText(random: () => number, decimals: number, max: number): string {
  const value = 1 + random() * max;
  return decimals === 0 ? String(Math.round(value)) : value.toFixed(decimals);
}

/** One operation of an order as SAP sends it. */
function sapOperation(order: string, plant: string, k: number, start: number, unit: (typeof UNITS)[number], qty: string, random: () => number, running: boolean): Json {
  const item = String(k + 3);
  const [workCenter, workCenterId] = WORK_CENTERS[(k + Number(order)) % WORK_CENTERS.length]!;
  const opStart = start + k * DAY;
  const started = running && k === 0;
  const set = new Set<string>(["OperationIsReleased", ...(started ? ["OperationIsPartiallyConfirmed"] : []), ...(k % 2 === 0 ? ["OperationIsScheduled"] : [])]);
  return {
    __metadata: metadata(SERVICE, "A_ProductionOrderOperation_2", `OrderInternalBillOfOperations='${order.slice(-4)}',OrderIntBillOfOperationsItem='${item}'`, "API_PRODUCTION_ORDER_2_SRV.A_ProductionOrderOperation_2Type"),
    OrderInternalBillOfOperations: order.slice(-4),
    OrderIntBillOfOperationsItem: item,
    ManufacturingOrder: order,
    ManufacturingOrderSequence: "0",
    MfgOrderSequenceText: "",
    ManufacturingOrderOperation: pad((k + 1) * 10, 4),
    ManufacturingOrderSubOperation: "",
    ManufacturingOrderCategory: "10",
    ManufacturingOrderType: "PP01",
    MfgOrderOperationText: OPERATION_TEXTS[k % OPERATION_TEXTS.length]!,
    ...flags(OPERATION_FLAGS, set),
    // One operation in twenty runs in a neighbouring plant.
    ProductionPlant: random() < 0.05 ? (plant === "1010" ? "1710" : "1010") : plant,
    WorkCenterInternalID: workCenterId,
    WorkCenterTypeCode: "A",
    WorkCenter: workCenter,
    OperationControlProfile: "PP01",
    OpErlstSchedldExecStrtDte: odataDate(opStart),
    OpErlstSchedldExecStrtTme: edmTime(6 * 3600 + (k % 4) * 1800),
    OpErlstSchedldExecEndDte: odataDate(opStart),
    OpErlstSchedldExecEndTme: edmTime(14 * 3600 + 45 * 60),
    OpActualExecutionStartDate: started ? odataDate(opStart) : null,
    OpActualExecutionStartTime: started ? edmTime(6 * 3600 + 12 * 60) : "PT00H00M00S",
    OpActualExecutionEndDate: null,
    OpActualExecutionEndTime: "PT00H00M00S",
    ErlstSchedldExecDurnInWorkdays: 1,
    OpActualExecutionDays: 0,
    OperationUnit: unit.commercial,
    OperationUnitISOCode: unit.iso,
    OperationUnitSAPCode: unit.internal,
    OpPlannedTotalQuantity: qty,
    OpTotalConfirmedYieldQty: started ? quantityText(random, unit.decimals, Number(qty) / 2) : "0",
    LastChangeDateTime: abapStamp(start - 3 * DAY + k * 60_000),
  };
}

/** One component (reservation item) as SAP sends it. */
function sapComponent(order: string, plant: string, k: number, opCount: number, start: number, random: () => number): Json {
  const unit = UNITS[k % 3 === 0 ? 1 : 0]!;
  const reservation = String(Number(order) - 900_000);
  const item = String(k + 1);
  const withBatch = k % 4 === 1;
  return {
    __metadata: metadata(SERVICE, "A_ProductionOrderComponent_2", `Reservation='${reservation}',ReservationItem='${item}'`, "API_PRODUCTION_ORDER_2_SRV.A_ProductionOrderComponent_2Type"),
    Reservation: reservation,
    ReservationItem: item,
    MaterialGroup: "L002",
    Material: `RM-${pad((Number(order) * 7 + k) % 900, 4)}`,
    Plant: plant,
    ManufacturingOrderCategory: "10",
    ManufacturingOrderType: "PP01",
    ManufacturingOrder: order,
    ManufacturingOrderSequence: "0",
    ManufacturingOrderOperation: pad(((k % opCount) + 1) * 10, 4),
    ProductionPlant: plant,
    OrderInternalBillOfOperations: order.slice(-4),
    MatlCompRequirementDate: odataDate(start),
    MatlCompRequirementTime: edmTime(6 * 3600),
    ReservationIsFinallyIssued: false,
    IsBulkMaterialComponent: false,
    MatlCompIsMarkedForBackflush: k % 2 === 0,
    MaterialCompIsCostRelevant: "X",
    SalesOrder: "",
    SalesOrderItem: "0",
    SortField: "",
    BillOfMaterialCategory: "M",
    BOMItem: item,
    BOMItemCategory: "L",
    BillOfMaterialItemNumber: pad((k + 1) * 10, 4),
    BOMItemDescription: "",
    StorageLocation: k % 3 === 0 ? "0002" : "0001",
    Batch: withBatch ? pad(5000 + ((Number(order) + k) % 4000), 10) : "",
    BatchSplitType: "",
    GoodsMovementType: "261",
    SupplyArea: "",
    GoodsRecipientName: "",
    UnloadingPointName: "",
    MaterialCompIsAlternativeItem: false,
    AlternativeItemGroup: "",
    AlternativeItemStrategy: "",
    AlternativeItemPriority: "0",
    UsageProbabilityPercent: "0",
    MaterialComponentIsPhantomItem: false,
    LeadTimeOffset: "0",
    QuantityIsFixed: false,
    IsNetScrap: false,
    ComponentScrapInPercent: "0.00",
    OperationScrapInPercent: "0.00",
    BaseUnit: unit.commercial,
    BaseUnitISOCode: unit.iso,
    BaseUnitSAPCode: unit.internal,
    RequiredQuantity: quantityText(random, unit.decimals, 400),
    WithdrawnQuantity: k % 3 === 2 ? quantityText(random, unit.decimals, 20) : "0",
    ConfirmedAvailableQuantity: "0",
    MaterialCompOriginalQuantity: "0",
    Currency: "EUR",
    WithdrawnQuantityAmount: "0.00",
  };
}

/**
 * A realistic SAP production order (`A_ProductionOrder_2` with operations,
 * components and status set expanded): 4 to 8 operations, 5 to 10
 * components, 2 to 5 system statuses; about 30 KB of compact JSON.
 */
export function makeSapOrder(i: number): Json {
  const random = rng(i * 7919 + 17);
  const order = String(1_000_000 + i);
  const plant = PLANTS[i % PLANTS.length]!;
  const unit = UNITS[i % 5 === 0 ? 1 : i % 7 === 0 ? 2 : 0]!;
  const state = ORDER_STATES[i % ORDER_STATES.length]!;
  const opCount = 4 + Math.floor(random() * 5);
  const compCount = 5 + Math.floor(random() * 6);
  const start = Date.UTC(2026, 0, 5) + Math.floor(random() * 300) * DAY;
  const qty = quantityText(random, unit.decimals, 990);
  const running = state.flags.includes("OrderIsPartiallyConfirmed" as never);
  const flagSet = new Set<string>([...state.flags, "OrderIsPreCosted", "SettlementRuleIsCreated", ...(i % 2 === 0 ? ["OrderIsPrinted"] : [])]);
  const key = `ManufacturingOrder='${order}'`;
  const statusEntries = [...state.statuses, ["I0016", "PRC", "Pre-costed"], ["I0028", "SETC", "Settlement rule created"]];
  return {
    __metadata: metadata(SERVICE, "A_ProductionOrder_2", key, "API_PRODUCTION_ORDER_2_SRV.A_ProductionOrder_2Type"),
    ManufacturingOrder: order,
    ManufacturingOrderCategory: "10",
    ManufacturingOrderType: i % 4 === 0 ? "YBM1" : "PP01",
    ManufacturingOrderImportance: i % 3 === 0 ? "1" : "",
    ...flags(ORDER_FLAGS, flagSet),
    MfgOrderCreationDate: odataDate(start - 10 * DAY),
    MfgOrderCreationTime: edmTime(9 * 3600 + (i % 3600)),
    LastChangeDateTime: abapStamp(start - 2 * DAY + (i % 86_400) * 1000),
    Material: `FG-${pad(i % 500, 4)}`,
    StorageLocation: "0001",
    GoodsRecipientName: "",
    UnloadingPointName: "",
    InventoryUsabilityCode: "",
    MaterialGoodsReceiptDuration: "1",
    QuantityDistributionKey: "",
    StockSegment: "",
    OrderInternalBillOfOperations: order.slice(-4),
    ProductionPlant: plant,
    Plant: plant,
    MRPArea: plant,
    MRPController: pad(1 + (i % 9), 3),
    ProductionSupervisor: i % 2 === 0 ? "PS1" : "",
    ProductionVersion: "0001",
    PlannedOrder: i % 5 === 0 ? String(20_000_000 + i) : "",
    SalesOrder: "",
    SalesOrderItem: "0",
    BasicSchedulingType: "1",
    ManufacturingObject: "",
    ProductConfiguration: "",
    OrderSequenceNumber: "",
    BusinessArea: "",
    CompanyCode: plant,
    ProfitCenter: "YB110",
    ActualCostsCostingVariant: "PPC2",
    PlannedCostsCostingVariant: "PPC1",
    FunctionalArea: "YB20",
    MfgOrderPlannedStartDate: odataDate(start),
    MfgOrderPlannedStartTime: i % 6 === 0 ? "PT00H00M00S" : edmTime(6 * 3600),
    MfgOrderPlannedEndDate: odataDate(start + (opCount - 1) * DAY),
    MfgOrderPlannedEndTime: i % 6 === 0 ? "PT00H00M00S" : edmTime(22 * 3600),
    MfgOrderScheduledStartDate: odataDate(start),
    MfgOrderScheduledStartTime: edmTime(6 * 3600),
    MfgOrderScheduledEndDate: odataDate(start + (opCount - 1) * DAY),
    MfgOrderScheduledEndTime: edmTime(14 * 3600 + 45 * 60),
    MfgOrderActualReleaseDate: state.flags.includes("OrderIsCreated" as never) ? null : odataDate(start - 3 * DAY),
    ProductionUnit: unit.commercial,
    ProductionUnitISOCode: unit.iso,
    ProductionUnitSAPCode: unit.internal,
    TotalQuantity: qty,
    MfgOrderPlannedScrapQty: "0",
    MfgOrderConfirmedYieldQty: running ? quantityText(random, unit.decimals, Number(qty) / 2) : "0",
    CustomerName: "",
    WBSElementExternalID: "",
    OrderLongText: "",
    MasterProductionOrder: "",
    to_ProductionOrderComponent: { results: Array.from({ length: compCount }, (_, k) => sapComponent(order, plant, k, opCount, start, random)) },
    to_ProductionOrderComponentExt: deferred(`${SERVICE}/A_ProductionOrder_2(${key})/to_ProductionOrderComponentExt`),
    to_ProductionOrderItem: deferred(`${SERVICE}/A_ProductionOrder_2(${key})/to_ProductionOrderItem`),
    to_ProductionOrderOperation: { results: Array.from({ length: opCount }, (_, k) => sapOperation(order, plant, k, start, unit, qty, random, running)) },
    to_ProductionOrderStatus: {
      results: statusEntries.map(([code, short, name]) => ({
        __metadata: metadata(SERVICE, "A_ProductionOrderStatus_2", `ManufacturingOrder='${order}',StatusCode='${code}'`, "API_PRODUCTION_ORDER_2_SRV.A_ProductionOrderStatus_2Type"),
        ManufacturingOrder: order,
        StatusCode: code,
        IsUserStatus: false,
        StatusShortName: short,
        StatusName: name,
      })),
    },
    to_ProductionRsceTools: deferred(`${SERVICE}/A_ProductionOrder_2(${key})/to_ProductionRsceTools`),
  };
}

/** A single-order OData V2 response: `{"d": {...}}`. */
export function makeSapOrderPayload(i: number): { d: Json } {
  return { d: makeSapOrder(i) };
}

/**
 * The mapping context a plant integration would configure: both plants'
 * time zones and the SAP system that issues the identifiers.
 */
export const SAP_BENCH_CONTEXT = {
  plantTimeZones: { "1010": "Europe/Berlin", "1710": "America/New_York" },
  identifiers: { issuer: "S4P-100" },
} as const;
