// Realistic Dynamics 365 SCM OData V4 payloads for the D365 pipeline case,
// generated deterministically: a ProductionOrderHeaders `value` page with
// the navigations expanded as the tenant spells them (ProdutionOrderBOMLines,
// ProdutionOrderRouteOperations with secondary rows, ReleasedProductV2), the
// header's usual properties, etags, 1900-01-01 sentinels and JSON-number
// decimals, as the D365 package's fixtures show them.
import { floorOf, pipelineOf } from "./pipeline.js";
import { productionOrderMapper } from "@mfgsync/mappers-d365";
import type { MappingContext } from "@mfgsync/mapping";
import type { Comparison } from "./harness.js";
import { DAY, pad, rng } from "./sap-data.js";

type Json = Record<string, unknown>;

/** Site time zones of the generated orders. */
export const D365_BENCH_CONTEXT: MappingContext = { plantTimeZones: { "1": "America/New_York", "2": "America/Chicago" } };

const NO_DATE = "1900-01-01T00:00:00Z";
const STATUSES = ["Created", "Scheduled", "Released", "StartedUp", "ReportedFinished"] as const;
const day = (ms: number) => new Date(Math.floor(ms / DAY) * DAY).toISOString().replace(".000Z", "Z");
const etag = (n: number) => `W/"JzEs${pad(n, 10)}MTsxJw=="`;

/** One D365 production order page (`{ "@odata.context", "value": [order] }`) as JSON text. */
export function makeD365OrderPayload(i: number): string {
  const r = rng(7000 + i);
  const company = i % 5 === 0 ? "USMF" : "usmf";
  const order = `P${pad(100000 + i, 6)}`;
  const site = String(1 + (i % 2));
  const start = Date.UTC(2026, 2, 2) + Math.floor(r() * 200) * DAY;
  const status = STATUSES[i % STATUSES.length] ?? "Released";
  const qty = (Math.floor(r() * 9000) + 100) / 4;
  const lines = Array.from({ length: 6 + Math.floor(r() * 6) }, (_, l) => ({
    "@odata.etag": etag(i * 100 + l), dataAreaId: company, ProductionOrderNumber: order, LineNumber: l === 2 ? 2.5 : l + 1,
    ItemNumber: `RM-${pad(Math.floor(r() * 500), 4)}`, BOMLineQuantity: (Math.floor(r() * 4000) + 1) / 1000, BOMLineQuantityDenominator: 1,
    BOMLineUnitSymbol: l % 3 === 0 ? "kg" : "ea", EstimatedBOMLineQuantity: Math.floor(r() * 90000) / 1000, RemainingBOMLineQuantity: 0,
    ConsumptionType: l % 4 === 0 ? "Constant" : "Variable", LineType: "Item", FlushingPrinciple: "Start", RouteOperationNumber: l % 5 === 0 ? 0 : 10 * (1 + (l % 3)),
    ConsumptionSiteId: site, ConsumptionWarehouseId: `${site}1`, ItemBatchNumber: l % 2 === 0 ? "" : `B-${pad(i * 10 + l, 6)}`, IsFullyConsumed: "No",
  }));
  const route = [10, 20, 30].flatMap((op, o) => {
    const from = start + o * DAY;
    const primary = {
      "@odata.etag": etag(i * 100 + 50 + o), dataAreaId: company, ProductionOrderNumber: order, OperationNumber: op, OperationPriority: "Primary",
      OperationId: ["CUT", "WELD", "PAINT"][o], CostingOperationResourceId: `WC-${site}${o}`, RouteGroupId: "Std", ProcessQuantity: 1, ProcessTime: 0.25 * (o + 1), SetupTime: 0.5,
      NextOperationNumber: o === 2 ? 0 : op + 10, IsOperationStarted: status === "StartedUp" && o === 0 ? "Yes" : "No", IsOperationCompleted: "No",
      ScheduledFromDate: day(from), ScheduledFromTime: 28800, ScheduledEndDate: day(from), ScheduledEndTime: 57600, RouteType: "Standard",
    };
    return o === 1 ? [primary, { ...primary, "@odata.etag": etag(i * 100 + 60), OperationPriority: "Secondary1", CostingOperationResourceId: "OPERATOR", ScheduledFromDate: NO_DATE, ScheduledFromTime: 0 }] : [primary];
  });
  const header: Json = {
    "@odata.etag": etag(i), dataAreaId: company, ProductionOrderNumber: order, ProductionOrderName: `Assembly ${i}`, ItemNumber: `FG-${pad(i % 40, 3)}`,
    ProductionOrderStatus: status, ScheduledQuantity: qty, EstimatedQuantity: qty, StartedQuantity: 0, RemainingReportAsFinishedQuantity: qty,
    ScheduledStartDate: day(start), ScheduledStartTime: 28800, ScheduledEndDate: day(start + 2 * DAY), ScheduledEndTime: 57600,
    DeliveryDate: day(start + 3 * DAY), DeliveryTime: 0, ReleasedDate: status === "Created" ? NO_DATE : day(start - DAY).replace("T00", "T12"),
    StartedDate: NO_DATE, ReportedAsFinishedDate: NO_DATE, EndedDate: NO_DATE, ProductionSiteId: site, ProductionWarehouseId: `${site}1`,
    ProductionPoolId: "POOL", ProductionOrderPriority: i % 10, SourceBOMId: `BOM-${i % 40}`, SourceRouteId: `RT-${i % 40}`, ItemBatchNumber: "",
    InventoryLotId: `LOT-${pad(i, 7)}`, ProductionOrderRemainderStatus: "Release", SchedulingMethod: "JobScheduled", IsProductionOrderSchedulingLocked: "No",
    ParentProductionOrderNumber: "", ProductionLevel: 0, PlanningPriority: 0.5,
    ProdutionOrderBOMLines: lines, ProdutionOrderRouteOperations: route,
    ReleasedProductV2: { "@odata.etag": etag(900000 + i), dataAreaId: company, ItemNumber: `FG-${pad(i % 40, 3)}`, InventoryUnitSymbol: "ea" },
  };
  return JSON.stringify({ "@odata.context": "https://bench.operations.dynamics.com/data/$metadata#ProductionOrderHeaders", value: [header] });
}

/** The D365 pipeline case: JSON text → parse → decode → canonical schema check → JSON text, against JSON.parse + JSON.stringify. */
export function d365PipelineComparison(orders: number): Comparison {
  const texts = Array.from({ length: orders }, (_, i) => makeD365OrderPayload(i));
  const pipeline = pipelineOf(texts, productionOrderMapper, D365_BENCH_CONTEXT, "D365");
  const floor = floorOf(texts);

  return {
    key: "pipelineVsFloorD365",
    description: "D365 JSON text (production orders with BOM lines, route and released product expanded) → parse → decode → canonical schema check → JSON text, against JSON.parse + JSON.stringify of the same text",
    target: 2.5,
    subject: { name: "mfgsync pipeline (D365)", fn: pipeline, batch: texts.length },
    reference: { name: "JSON.parse + JSON.stringify", fn: floor, batch: texts.length },
    verify: () => {
      for (const text of texts) {
        const r = productionOrderMapper.decodeWire(text, D365_BENCH_CONTEXT, { validate: true });
        const first = r.ok ? r.results[0] : undefined;
        if (first === undefined || !first.ok) throw new Error(`a generated D365 order does not decode: ${JSON.stringify(first?.ok === false ? first.issues.slice(0, 3) : r.ok ? "none" : r.issues)}`);
        if (first.warnings.length > 0) throw new Error(`a generated D365 order decodes with warnings: ${JSON.stringify(first.warnings.slice(0, 3))}`);
        const back = productionOrderMapper.encode(first.value, D365_BENCH_CONTEXT);
        const row = (JSON.parse(text) as { value: Json[] }).value[0];
        if (!back.ok || JSON.stringify(sorted(back.value)) !== JSON.stringify(sorted(row))) throw new Error("a generated D365 order does not round-trip");
      }
      pipeline();
    },
  };
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value as Json).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sorted(v)]));
}
