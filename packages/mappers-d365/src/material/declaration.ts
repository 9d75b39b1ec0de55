import { SCHEMA_VERSION } from "@mfgsync/canonical";
import { declareMapper, entity, field, identifier, integer, noYes, odataV4Profile, text, unitCode } from "@mfgsync/mapping";
import { D365_CONTEXT_DEFAULTS, D365_NAMESPACE } from "../context.js";
import { ReleasedProductsV2_CATALOG } from "../generated/catalog.js";
import { COMMON_LOSSES, codeLoss, issuerLoss } from "../losses.js";
import { lifecycleState, productType } from "./converters.js";

/** What a canonical type reads back as after D365 (its two enums). */
const TYPE_BACK: Readonly<Record<string, string>> = { Service: "Service", FinishedGood: "FinishedGood", SemiFinished: "FinishedGood", Other: "Other" };

/**
 * `ReleasedProductsV2` (the company's released product; the global
 * `ProductsV2` holds the shared product) ↔ canonical `Material`.
 *
 * @example
 * ```ts
 * import { materialDeclaration } from "@mfgsync/mappers-d365";
 * materialDeclaration.root.entity; // "ReleasedProductsV2"
 * ```
 */
export const materialDeclaration = declareMapper({
  name: "d365:material",
  title: "Dynamics 365 SCM ReleasedProductsV2 (OData V4)",
  canonical: "material",
  profile: odataV4Profile,
  namespace: D365_NAMESPACE,
  defaults: D365_CONTEXT_DEFAULTS,
  notes: [
    "Released products are company-scoped (dataAreaId + ItemNumber); ProductsV2 is the global product (ProductNumber) and is not mapped here.",
    "ReleasedProductsV2 has no product name [seen-csdl]: names come from ProductsV2 or the product translations, so descriptions are not mapped.",
  ],
  root: entity({
    entity: "ReleasedProductsV2",
    catalog: ReleasedProductsV2_CATALOG,
    constants: { schemaVersion: SCHEMA_VERSION, kind: "material" },
    scope: { vendor: "dataAreaId", type: "company", caseInsensitive: true },
    fields: [
      field("ItemNumber", "id", identifier({ scoped: true }), { required: true, note: "unique per company" }),
      field(["ProductType", "ProductionType"], "type", productType(), {
        required: true, carryAlways: true,
        note: "Service → Service; Item + BOM/Formula → FinishedGood; Item + None → RawMaterial; else Other",
        uncertain: "D365 has no material type: reading ProductionType this way is [inferred]",
      }),
      field("ProductGroupId", "group", text()),
      field("InventoryUnitSymbol", "baseUnit", unitCode(), { required: true, note: "the inventory unit; purchase, sales and BOM units are kept in extensions (no conversion factors on this entity)" }),
      field("IsBatchNumberActive", "lotControlled", noYes(), { uncertain: "that the flag means batch tracking is active is [inferred]; the tracking dimension group decides" }),
      field("IsSerialNumberActive", "serialControlled", noYes(), { uncertain: "semantics [inferred], as for IsBatchNumberActive" }),
      field("ShelfLifePeriodDays", "shelfLifeDays", integer({ min: 0, max: 100000, zeroIsNone: true }), { note: "0 means no shelf life" }),
      field("ProductLifecycleStateId", "lifecycleStatus", lifecycleState(), { note: "tenant codes through codeTables[\"d365:ProductLifecycleStateId\"]; none → Approved", uncertain: "none meaning Approved is [inferred]" }),
    ],
  }),
  knownLoss: [
    ...COMMON_LOSSES,
    ...codeLoss(["/lifecycleStatus"]),
    { path: "/type", reason: "D365 keeps a product type and a production type: SemiFinished reads back as FinishedGood, Packaging, Consumable and SparePart as RawMaterial", normalize: (v) => (typeof v === "object" && v !== null ? { value: TYPE_BACK[(v as { value: string }).value] ?? "RawMaterial" } : v) },
    ...issuerLoss(["/id"]),
    { path: "/shelfLifeDays", reason: "0 means no shelf life in D365", normalize: (v) => (v === 0 ? undefined : v) },
    { path: "/revision", reason: "revisions are product dimensions (ProductVersionId) on transactions, not a released-product property" },
    { path: "/gtin", reason: "bar codes are in a separate entity" },
    { path: "/descriptions", reason: "ReleasedProductsV2 has no product name (ProductsV2 and the translations have)" },
    { path: "/alternativeUnits", reason: "unit conversions are in ProductUnitOfMeasureConversions" },
    { path: "/grossWeight", reason: "weights carry no unit on this entity (kept in extensions)" },
    { path: "/netWeight", reason: "weights carry no unit on this entity (kept in extensions)" },
    { path: "/plants", reason: "site-specific order settings are separate entities" },
    { path: "/specifications", reason: "not part of the released product" },
    { path: "/inspectionPlans", reason: "quality associations are separate entities" },
    { path: "/lastChangedAt", reason: "ReleasedProductsV2 has no change time stamp" },
  ],
});
