import { SCHEMA_VERSION } from "@mfgsync/canonical";
import { child, dateAndSecondsOfDay, declareMapper, entity, field, identifier, integer, isoDateTimeAsDate, lossNormalizers, materialRef, odataV4Profile, text } from "@mfgsync/mapping";
import { D365_CONTEXT_DEFAULTS, D365_NAMESPACE, D365_NO_DATE } from "../context.js";
import { ProductionOrderHeaders_CATALOG } from "../generated/catalog.js";
import { COMMON_LOSSES, codeLoss, dateOnlyLoss, derivedLoss, issuerLoss } from "../losses.js";
import { bomLineEntity } from "./bom-line.js";
import { emptyKept, orderQuantity } from "./converters.js";
import { routeOperationEntity } from "./route.js";
import { productionOrderStatus } from "./status.js";

/**
 * The navigations of a production order, as the tenant's metadata spells them (misspelling included).
 *
 * @example
 * ```ts
 * import { PRODUCTION_ORDER_NAVIGATIONS } from "@mfgsync/mappers-d365";
 * const expand = `$expand=${PRODUCTION_ORDER_NAVIGATIONS.bomLines},${PRODUCTION_ORDER_NAVIGATIONS.route}`;
 * ```
 */
export const PRODUCTION_ORDER_NAVIGATIONS = { bomLines: "ProdutionOrderBOMLines", route: "ProdutionOrderRouteOperations", releasedProduct: "ReleasedProductV2" } as const;

/** What survives of a digit string written as a D365 number: the integer part without leading zeros. */
const noLeadingZeros = (value: unknown) => (typeof value === "string" && /^\d+(?:\.\d+)?$/.test(value) ? value.replace(/^0+(?=\d)/, "") : value);
const localTime = (paths: readonly string[]) => paths.map((path) => ({
  path,
  reason: "D365 keeps a date (midnight UTC) and seconds after midnight in the site's zone; midnight reads back as a plain date",
  normalize: (value: unknown, env: { root: unknown; zoneOf(plant: string | undefined): string }) => lossNormalizers.localDateTime(value, env.zoneOf((env.root as { plant?: string }).plant)),
}));

/**
 * `ProductionOrderHeaders` (with `ProdutionOrderBOMLines`,
 * `ProdutionOrderRouteOperations` and `ReleasedProductV2` expanded, or the
 * same rows in a bundle beside the header) ↔ canonical `ProductionOrder`.
 *
 * @example
 * ```ts
 * import { productionOrderDeclaration } from "@mfgsync/mappers-d365";
 * productionOrderDeclaration.root.entity; // "ProductionOrderHeaders"
 * ```
 */
export const productionOrderDeclaration = declareMapper({
  name: "d365:production-order",
  title: "Dynamics 365 SCM ProductionOrderHeaders (OData V4)",
  canonical: "production-order",
  profile: odataV4Profile,
  namespace: D365_NAMESPACE,
  defaults: D365_CONTEXT_DEFAULTS,
  root: entity({
    entity: "ProductionOrderHeaders",
    catalog: ProductionOrderHeaders_CATALOG,
    constants: { schemaVersion: SCHEMA_VERSION, kind: "production-order" },
    scope: { vendor: "dataAreaId", type: "company", caseInsensitive: true, fallback: "plant" },
    plant: { vendor: "ProductionSiteId", canonical: "plant" },
    fields: [
      field("ProductionOrderNumber", "id", identifier({ scoped: true }), { required: true, note: "unique per company (dataAreaId, compared case-insensitively)" }),
      field("ItemNumber", "material", materialRef({ scoped: true }), { required: true }),
      field("ProductionSiteId", "plant", text(), { required: true, note: "the site; plant time zones are keyed by site" }),
      field(["ScheduledQuantity", "ReleasedProductV2"], "plannedQuantity", orderQuantity(), {
        required: true, carryAlways: true,
        note: "the header has no unit: the unit is ReleasedProductV2/InventoryUnitSymbol (expand it); without it C62 with a warning",
        uncertain: "that ScheduledQuantity is in the item's inventory unit is [inferred]",
      }),
      field("ProductionOrderStatus", "state", productionOrderStatus, {
        required: true,
        note: "member names: Created, CostEstimated → Forecast; Scheduled → Ready; Released; StartedUp → Running; ReportedFinished → Completed; Completed (UI \"Ended\") → Closed; other members refused",
        uncertain: "read-only: status changes are postings or journals, not PATCHes [inferred]",
      }),
      field(["ScheduledStartDate", "ScheduledStartTime"], "scheduledStart", dateAndSecondsOfDay({ noDate: D365_NO_DATE }), { note: "1900-01-01 means none", uncertain: "seconds-after-midnight semantics [inferred]" }),
      field(["ScheduledEndDate", "ScheduledEndTime"], "scheduledEnd", dateAndSecondsOfDay({ noDate: D365_NO_DATE })),
      field(["DeliveryDate", "DeliveryTime"], "plannedEnd", dateAndSecondsOfDay({ noDate: D365_NO_DATE }), { note: "the requested delivery" }),
      field("StartedDate", "actualStart", isoDateTimeAsDate({ noDate: D365_NO_DATE }), { note: "a date; noon UTC keeps its date and goes back as sent" }),
      field("ReportedAsFinishedDate", "actualEnd", isoDateTimeAsDate({ noDate: D365_NO_DATE })),
      field("ProductionOrderPriority", "priority", integer({ min: 0, max: 999 })),
      field("SourceBOMId", "billOfMaterials.id", text({ maxLength: 64 })),
      field("SourceRouteId", "routing.id", text({ maxLength: 64 })),
      field("ItemBatchNumber", "producedLot", emptyKept(identifier({ scoped: true })), { note: "batch of the finished good, when set at creation" }),
    ],
    children: [
      child(PRODUCTION_ORDER_NAVIGATIONS.route, "operations", routeOperationEntity, {
        match: "sequence", group: { by: "OperationNumber", primary: { property: "OperationPriority", value: "Primary" } },
        note: "Primary rows are the operations; Secondary1… rows of the same OperationNumber are kept whole with them",
      }),
      child(PRODUCTION_ORDER_NAVIGATIONS.bomLines, "components", bomLineEntity, { match: "item" }),
    ],
  }),
  knownLoss: [
    ...COMMON_LOSSES,
    { path: "/orderType", reason: "ProductionOrderHeaders are production orders; there is no order type" },
    { path: "/confirmedYield", reason: "the header carries no reported quantity (report-as-finished journals do)" },
    { path: "/confirmedScrap", reason: "the header carries no scrap quantity" },
    { path: "/plannedStart", reason: "the header has scheduled dates (scheduledStart) and the delivery date (plannedEnd), no separate planned start" },
    { path: "/lastChangedAt", reason: "ProductionOrderHeaders has no change time stamp" },
    { path: "/billOfMaterials/alternative", reason: "SourceBOMId names the BOM only" },
    { path: "/billOfMaterials/revision", reason: "SourceBOMId names the BOM only (the version validity date is kept in extensions)" },
    { path: "/routing/alternative", reason: "SourceRouteId names the route only" },
    { path: "/routing/revision", reason: "SourceRouteId names the route only" },
    { path: "/material/revision", reason: "product dimensions (ProductVersionId, …) are kept in extensions, not as a revision" },
    { path: "/operations/*/id", reason: "route rows are keyed by order, operation number and priority" },
    { path: "/operations/*/plant", reason: "route rows carry no site" },
    { path: "/operations/*/actualStart", reason: "actual times are on the route and job card journals" },
    { path: "/operations/*/actualEnd", reason: "actual times are on the route and job card journals" },
    { path: "/operations/*/plannedQuantity", reason: "the route row's quantities are process quantities (kept in extensions)" },
    { path: "/operations/*/confirmedYield", reason: "reported quantities are on the route card journals" },
    { path: "/operations/*/confirmedScrap", reason: "reported quantities are on the route card journals" },
    { path: "/operations/*/confirmedRework", reason: "reported quantities are on the route card journals" },
    { path: "/operations/*/repeats", reason: "the route has no rework link" },
    { path: "/components/*/withdrawnQuantity", reason: "issued quantities are Started/RemainingBOMLineQuantity (kept in extensions)" },
    { path: "/components/*/lotRequired", reason: "batch prescription is a property of the item's tracking dimension group" },
    { path: "/components/*/backflush", reason: "FlushingPrinciple (Start/Finish/Manual/Picked) is kept in extensions" },
    { path: "/components/*/material/revision", reason: "components carry product dimensions, not revisions" },
    { path: "/components/*/plant", reason: "written as ConsumptionSiteId; read back only when it differs from the order's site", normalize: (value, env) => (value === (env.root as { plant?: unknown }).plant ? undefined : value) },
    { path: "/components/*/materialUse", reason: "production BOM lines are consumed", normalize: () => ({ value: "Consumed" }) },
    { path: "/components/*/item", reason: "LineNumber is a number: leading zeros of the integer part are not kept (\"01\" reads back as \"1\")", normalize: noLeadingZeros },
    { path: "/components/*/issuingOperation", reason: "RouteOperationNumber is an Int32: leading zeros are not kept (\"0010\" reads back as \"10\")", normalize: noLeadingZeros },
    { path: "/operations/*/sequence", reason: "OperationNumber is an Int32: leading zeros are not kept (\"0010\" reads back as \"10\")", normalize: noLeadingZeros },
    ...codeLoss(["/state"]),
    ...derivedLoss(["/operations/*/state"]),
    ...issuerLoss(["/id", "/material/id", "/producedLot", "/components/*/material/id", "/components/*/lot"]),
    ...localTime(["/scheduledStart", "/scheduledEnd", "/plannedEnd", "/operations/*/plannedStart", "/operations/*/plannedEnd"]),
    ...dateOnlyLoss(["/actualStart", "/actualEnd"]),
  ],
  notes: [
    "Expand the navigations as the tenant spells them: $expand=ProdutionOrderBOMLines,ProdutionOrderRouteOperations,ReleasedProductV2($select=dataAreaId,ItemNumber,InventoryUnitSymbol); or give the rows beside the header as a bundle (package README).",
    "Company scope: dataAreaId scopes every key and is compared case-insensitively; an object from another vendor without a company writes its plant as dataAreaId.",
    "Dates: 1900-01-01T00:00:00Z means no date and goes back as sent [inferred]; times are seconds after midnight in the site's zone (plantTimeZones keyed by site).",
  ],
});
