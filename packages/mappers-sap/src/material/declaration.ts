import { SCHEMA_VERSION } from "@mfgsync/canonical";
import type { MapperDeclaration } from "@mfgsync/mapping";
import { odataV2Profile } from "@mfgsync/mapping";
import {
  amountInUnitOf, boolean, child, coded, odataV2Decimal, declareMapper, entity, field, identifier, lossNormalizers, odataV2DateTimeOffset, quantity, sameAsParent, text,
} from "@mfgsync/mapping";
import { SAP_CONTEXT_DEFAULTS, SAP_NAMESPACE } from "../context.js";
import { A_ProductDescription_CATALOG, A_ProductPlant_CATALOG, A_ProductUnitsOfMeasure_CATALOG, A_Product_CATALOG } from "../generated/catalog.js";
import { COMMON_LOSSES, codeLoss, issuerLoss } from "../losses.js";
import { sapUnit } from "../units.js";
import { productLifecycle, sapLanguage } from "./converters.js";

const description = entity({
  entity: "A_ProductDescription",
  catalog: A_ProductDescription_CATALOG,
  fields: [
    field("Language", "language", sapLanguage(), { required: true, note: "SAP shows its one-letter language key as two-letter ISO" }),
    field("ProductDescription", "text", text({ keepEmpty: true }), { required: true }),
    field("Product", null, sameAsParent("Product")),
  ],
});

const unitOfMeasure = entity({
  entity: "A_ProductUnitsOfMeasure",
  catalog: A_ProductUnitsOfMeasure_CATALOG,
  fields: [
    field("AlternativeUnit", "unit", sapUnit(), { required: true }),
    field("QuantityNumerator", "numerator", odataV2Decimal(), { required: true, note: "1 alternative unit = numerator / denominator base units", uncertain: "MARM semantics [INFERRED]" }),
    field("QuantityDenominator", "denominator", odataV2Decimal(), { required: true }),
    field("Product", null, sameAsParent("Product")),
  ],
});

const plant = entity({
  entity: "A_ProductPlant",
  catalog: A_ProductPlant_CATALOG,
  fields: [
    field("Plant", "plant", text(), { required: true }),
    field("IsBatchManagementRequired", "lotControlled", boolean(), { note: "plant-level batch management" }),
    field("ProfileCode", "status", coded({ list: "sap:ProfileCode", codes: {}, fallback: "Blocked" }), {
      note: "plant-specific material status; any code reads as Blocked", uncertain: "status codes are customizing [INFERRED]",
    }),
    field("ProductionInvtryManagedLoc", "storageLocation", text(), { uncertain: "production storage location used as the receiving location [INFERRED]" }),
    field("Product", null, sameAsParent("Product")),
  ],
});

/**
 * The declaration of the SAP material mapper: API_PRODUCT_SRV `A_Product`
 * with expanded `to_Description`, `to_Plant` and `to_ProductUnitsOfMeasure`
 * ↔ canonical `Material`.
 *
 * @example
 * ```ts
 * import { materialDeclaration } from "@mfgsync/mappers-sap";
 * materialDeclaration.root.entity; // "A_Product"
 * ```
 */
export const materialDeclaration: MapperDeclaration<"material"> = declareMapper({
  name: "sap:material",
  title: "SAP S/4HANA product (API_PRODUCT_SRV A_Product)",
  canonical: "material",
  profile: odataV2Profile,
  namespace: SAP_NAMESPACE,
  defaults: SAP_CONTEXT_DEFAULTS,
  notes: ["API_PRODUCT_SRV may be replaced by the OData V4 Product API on newer cloud releases; property names mostly carry over [INFERRED]."],
  root: entity({
    entity: "A_Product",
    catalog: A_Product_CATALOG,
    constants: { schemaVersion: SCHEMA_VERSION, kind: "material" },
    fields: [
      field("Product", "id", identifier({ crossReferences: true }), { required: true }),
      field("LastChangeDateTime", "lastChangedAt", odataV2DateTimeOffset(), { note: "the delta field" }),
      field("MaterialRevisionLevel", "revision", text()),
      field("ProductStandardID", "gtin", text({ pattern: /^(?:\d{8}|\d{12,14})$/, patternMessage: "a GTIN of 8, 12, 13 or 14 digits", keepMismatch: true }), {
        note: "other standard ids are kept in extensions",
      }),
      field("ProductType", "type", coded({
        list: "sap:ProductType",
        codes: { FERT: "FinishedGood", HALB: "SemiFinished", ROH: "RawMaterial", VERP: "Packaging", HIBE: "Consumable", ERSA: "SparePart", DIEN: "Service", SERV: "Service" },
        fallback: "Other",
      }), { required: true, uncertain: "standard material types [INFERRED]; SERV [SEEN in the sample]" }),
      field("ProductGroup", "group", text()),
      field("BaseUnit", "baseUnit", sapUnit(), { required: true, note: "commercial unit (no ISO code in this API version)" }),
      field("IsBatchManagementRequired", "lotControlled", boolean()),
      field(["GrossWeight", "WeightUnit"], "grossWeight", quantity(odataV2Decimal(), sapUnit())),
      field("NetWeight", "netWeight", amountInUnitOf(odataV2Decimal(), sapUnit(), ["WeightUnit"], "grossWeight.unit")),
      field(["CrossPlantStatus", "IsMarkedForDeletion"], "lifecycleStatus", productLifecycle(), { carryAlways: true, uncertain: "cross-plant status codes are customizing [INFERRED]" }),
    ],
    children: [
      child("to_Description", "descriptions", description, { match: "language", optional: true }),
      child("to_ProductUnitsOfMeasure", "alternativeUnits", unitOfMeasure, { match: "unit", optional: true }),
      child("to_Plant", "plants", plant, { match: "plant", optional: true }),
    ],
  }),
  knownLoss: [
    ...COMMON_LOSSES,
    ...codeLoss(["/type", "/lifecycleStatus", "/plants/*/status"]),
    ...issuerLoss(["/id"]),
    { path: "/lastChangedAt", reason: "SAP keeps milliseconds", normalize: lossNormalizers.millisecondsWithOffset },
    { path: "/serialControlled", reason: "SAP keeps a serial number profile, not a flag (kept in extensions)" },
    { path: "/shelfLifeDays", reason: "the total shelf life is in A_ProductStorage, which is not mapped" },
    { path: "/specifications", reason: "specifications are not part of A_Product" },
    { path: "/inspectionPlans", reason: "inspection plans are in API_INSPECTIONPLAN_SRV" },
    { path: "/descriptions/*/language", reason: "SAP keeps the primary language only", normalize: (v) => (typeof v === "string" ? (/^zh-hant(?:-|$)/i.test(v) ? "zh-Hant" : v.split("-")[0]?.toLowerCase()) : v) },
    { path: "/plants/*/serialControlled", reason: "SAP keeps a serial number profile, not a flag (kept in extensions)" },
    { path: "/plants/*/inspectionActive", reason: "QM activation is in A_ProductPlantQualityMgmt, which is not mapped" },
  ],
});
