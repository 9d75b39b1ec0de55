import { SCHEMA_VERSION } from "@mfgsync/canonical";
import { declareMapper, entity, field, identifier, isoDateTimeAsDate, materialRef, odataV4Profile, text } from "@mfgsync/mapping";
import { D365_CONTEXT_DEFAULTS, D365_NAMESPACE, D365_NO_DATE } from "../context.js";
import { ItemBatches_CATALOG } from "../generated/catalog.js";
import { COMMON_LOSSES, dateOnlyLoss, issuerLoss } from "../losses.js";
import { batchDisposition, countryRegion } from "./converters.js";

const codeOnly = (v: unknown) => (typeof v === "object" && v !== null ? { value: (v as { value: unknown }).value } : v);

/**
 * `ItemBatches` (entity InventBatchEntity) ↔ canonical `Lot`.
 *
 * @example
 * ```ts
 * import { batchDeclaration } from "@mfgsync/mappers-d365";
 * batchDeclaration.root.entity; // "ItemBatches"
 * ```
 */
export const batchDeclaration = declareMapper({
  name: "d365:lot",
  title: "Dynamics 365 SCM ItemBatches (OData V4)",
  canonical: "lot",
  profile: odataV4Profile,
  namespace: D365_NAMESPACE,
  defaults: D365_CONTEXT_DEFAULTS,
  notes: [
    "Batch disposition codes are tenant-defined (batch disposition master, status PdsStatus Available/Unavailable/NotApplicable): give the context codeTables[\"d365:BatchDispositionCode\"] so that codes read as dispositions, quality statuses and holds.",
    "Dates are DateTimeOffset values of date-only fields: 1900-01-01T00:00:00Z means no date [inferred]; noon UTC keeps its date and goes back as sent.",
  ],
  root: entity({
    entity: "ItemBatches",
    catalog: ItemBatches_CATALOG,
    constants: { schemaVersion: SCHEMA_VERSION, kind: "lot" },
    scope: { vendor: "dataAreaId", type: "company", caseInsensitive: true },
    fields: [
      field("BatchNumber", "id", identifier({ scoped: true }), { required: true, note: "unique per company and item" }),
      field("ItemNumber", "material", materialRef({ scoped: true }), { required: true }),
      field("ManufacturingDate", "manufacturedAt", isoDateTimeAsDate({ noDate: D365_NO_DATE })),
      field("BatchExpirationDate", "expiresOn", isoDateTimeAsDate({ noDate: D365_NO_DATE })),
      field("ShelfLifeAdviceDate", "retestOn", isoDateTimeAsDate({ noDate: D365_NO_DATE }), { uncertain: "the shelf advice date read as the retest date is [inferred]" }),
      field("BatchDispositionCode", "", batchDisposition(), {
        fills: ["disposition", "qualityStatus", "holds"],
        note: "tenant code through codeTables[\"d365:BatchDispositionCode\"]; none → UnRestricted",
        uncertain: "the disposition master entity was not verified; codes are looked up in the context; PATCH of the code is refused by D365 [seen-code]",
      }),
      field("VendorBatchNumber", "supplierLot", text()),
      field("PrimaryVendorOriginCountryRegionId", "countryOfOrigin", countryRegion(), { note: "ISO alpha-3 (CHE) ↔ alpha-2 (CH); other ids kept in extensions", uncertain: "that tenants use ISO alpha-3 ids is [inferred]" }),
    ],
  }),
  knownLoss: [
    ...COMMON_LOSSES,
    ...issuerLoss(["/id", "/material/id"]),
    ...dateOnlyLoss(["/manufacturedAt", "/expiresOn"]),
    { path: "/disposition", reason: "D365 keeps the disposition code (originalCode, originalList)", normalize: codeOnly },
    { path: "/qualityStatus", reason: "D365 keeps the disposition code (originalCode, originalList)", normalize: codeOnly },
    { path: "/holds", reason: "a hold is what the disposition code means: reason, source and blocks from the code table; no id, time or person", normalize: (v) => (Array.isArray(v) ? v.map((h: { reason: unknown; source: unknown; blocks: unknown }) => ({ reason: codeOnly(h.reason), source: codeOnly(h.source), blocks: h.blocks })) : v) },
    { path: "/material/revision", reason: "a batch names no material revision" },
    { path: "/plant", reason: "batches are per company and item, not per site" },
    { path: "/serialNumbers", reason: "serial numbers are a separate tracking dimension" },
    { path: "/quantity", reason: "on-hand quantities are in the inventory entities" },
    { path: "/vendorStatus", reason: "the vendor's status is the disposition code (originalCode)" },
    { path: "/supplier", reason: "the vendor account is not on the batch" },
    { path: "/parents", reason: "no genealogy entity was confirmed (notes section 4)" },
    { path: "/children", reason: "no genealogy entity was confirmed (notes section 4)" },
    { path: "/producedBy", reason: "the producing order is on the production order (ItemBatchNumber), not on the batch" },
    { path: "/lastChangedAt", reason: "ItemBatches has no change time stamp" },
  ],
});
