/**
 * Facts transcribed from the research notes (`../shared/notes/d365.md`) that no
 * machine-readable input carries: navigation properties (the OpenAPI has none),
 * read-only properties, enum types no spec lists, AOT entity names. Each entry
 * cites the notes' section and evidence marker; `[inferred]` facts carry a note
 * and end up as `inferred: true` in the catalog.
 */
import type { D365Enum, D365Navigation } from "./model.js";

const SDK_CASE =
  "name seen only in SAP Cloud SDK camelCase (notes section 3/4, seen-sapsdk) and re-cased to PascalCase as the " +
  "tenant metadata spells the three navigations the notes confirm; exact CSDL casing unverified";
const ONE_NULLABLE = "multiplicity 0..1 assumed (an OData V4 single-valued navigation is nullable unless the CSDL says otherwise)";

function nav(name: string, target: string | null, multiplicity: D365Navigation["multiplicity"], evidence: string, inferredNote?: string): D365Navigation {
  const n: D365Navigation = { name, multiplicity, target, evidence };
  if (inferredNote) {
    n.inferred = true;
    n.inferredNote = inferredNote;
  }
  return n;
}

/** Navigation properties by entity set. */
export const NAVIGATIONS: Readonly<Record<string, readonly D365Navigation[]>> = {
  ProductionOrderHeaders: [
    // Notes "Later findings": exact spelling from the tenant metadata, misspelling included [seen-sapsdk].
    nav("ProdutionOrderBOMLines", "ProductionOrderBillOfMaterialLines", "*", "seen-sapsdk (notes, Later findings)"),
    nav("ProdutionOrderRouteOperations", "ProductionOrderRouteOperations", "*", "seen-sapsdk (notes, Later findings)"),
    nav("ReleasedProductV2", "ReleasedProductsV2", "0..1", "seen-sapsdk (notes, Later findings)", ONE_NULLABLE),
    // Notes section 3, SDK camelCase only.
    nav("ProductionOrderRouteJobs", "ProductionOrderRouteJobs", "*", "seen-sapsdk", SDK_CASE),
    nav("QualityOrderHeaders", "QualityOrderHeaders", "*", "seen-sapsdk", SDK_CASE),
    nav("ReportAsFinishedProductionJournalEntries", "ReportAsFinishedProductionJournalEntries", "*", "seen-sapsdk", SDK_CASE),
    nav("ProductionPickingListJournalEntries", "ProductionPickingListJournalEntries", "*", "seen-sapsdk", SDK_CASE),
    nav("RouteCardProductionJournalEntries", "RouteCardProductionJournalEntries", "*", "seen-sapsdk", SDK_CASE),
    nav("JobCardProductionJournalEntries", "JobCardProductionJournalEntries", "*", "seen-sapsdk", SDK_CASE),
    nav("ParentProductionOrderHeader", "ProductionOrderHeaders", "0..1", "seen-sapsdk", `${SDK_CASE}; ${ONE_NULLABLE}`),
    nav("ChildProductionOrderHeaders", "ProductionOrderHeaders", "*", "seen-sapsdk", SDK_CASE),
  ],
  // Notes section 4, SDK camelCase only.
  ItemBatches: [
    nav("ItemBatchAttributeValues", "ItemBatchAttributeValuesV2", "*", "seen-sapsdk", SDK_CASE),
    nav("QualityOrderHeaders", "QualityOrderHeaders", "*", "seen-sapsdk", SDK_CASE),
    nav("ReleasedProductV2", "ReleasedProductsV2", "0..1", "seen-sapsdk", `${SDK_CASE}; ${ONE_NULLABLE}`),
  ],
  // Supplementary catalog: "fromUnitOfMeasureConversions/toUnitOfMeasureConversions -> ProductUnitOfMeasureConversions",
  // "unitOfMeasureTranslations -> UnitOfMeasureTranslations" (SDK camelCase).
  UnitsOfMeasure: [
    nav("FromUnitOfMeasureConversions", "ProductUnitOfMeasureConversions", "*", "seen-sapsdk", SDK_CASE),
    nav("ToUnitOfMeasureConversions", "ProductUnitOfMeasureConversions", "*", "seen-sapsdk", SDK_CASE),
    nav("UnitOfMeasureTranslations", "UnitOfMeasureTranslations", "*", "seen-sapsdk", SDK_CASE),
  ],
  // Notes "Later findings": QualityOrderHeaders has NO navigation to its results; callers attach them.
};

/** Properties F&O does not let a client write, by entity set. */
export const READ_ONLY: Readonly<Record<string, Readonly<Record<string, { evidence: string; inferredNote?: string }>>>> = {
  ProductionOrderHeaders: {
    ProductionOrderStatus: {
      evidence: "seen-csdl",
      inferredNote:
        "read-only inferred (notes section 3): status changes happen by posting (estimate, schedule, release, start, report as finished) or journals, not by PATCH.",
    },
  },
  ItemBatches: {
    BatchDispositionCode: {
      evidence: "seen-csdl; read-only seen-code",
      inferredNote:
        "read-only from a community probe (notes section 4): F&O refused a PATCH of BatchDispositionCode; whether a create may set it is unknown.",
    },
  },
  QualityOrderLineResults: {
    // Notes section 5 [seen-code, live probe]: writing ResultValue makes F&O re-derive TestResult.
    TestResult: { evidence: "seen-cdm; read-only seen-code" },
  },
};

/** AOT data entity names (notes sections 2–5), docs only. */
export const AOT_ENTITIES: Readonly<Record<string, string>> = {
  ReleasedProductsV2: "EcoResReleasedProductV2Entity",
  ProductionOrderHeaders: "ProdProductionOrderHeaderEntity",
  ItemBatches: "InventBatchEntity",
  QualityOrderHeaders: "InventQualityOrderHeaderEntity",
  QualityOrderLineResults: "InventQualityOrderLineResultEntity",
  NonConformanceTables: "InventNonConformanceTableEntity",
};

const NO_MEMBERS = "no source names the members, so none are enforced";

/**
 * Enum types that neither the OpenAPI subset nor the supplementary catalog's
 * `enums_verified` list. Member names of the nonconformance enums come from the
 * notes (section 5 and "Later findings"); none of them was verified on a tenant.
 */
export const NOTES_ENUMS: readonly D365Enum[] = [
  {
    name: "InventTestReferenceType",
    members: null,
    // Notes section 5: "the likely form is `Production`, `Purch`, …"; Quarantine is a one-word label.
    knownValues: ["Purch", "Production", "Quarantine"],
    labels: {
      Purch: "Purchase",
      Production: "Production",
      Quarantine: "Quarantine",
    },
    evidence: "seen-code (labels only)",
    inferred: true,
    inferredNote:
      "member names not seen (notes section 5): labels seen are Purchase, Production, Quarantine, Route operation, Co-product production, " +
      "Goods in transit order, Inbound shipment order, Sales return, Transfer (two lowest values probably Inventory and Sales); " +
      `knownValues are guesses, documented only; ${NO_MEMBERS}.`,
  },
  {
    name: "InventNonConformanceType",
    // "Later findings": a public project gives Cust, Vend, Service [seen-code, unverified]; the other three are
    // the Dataverse labels Internal, Production, Co-product production written as X++ symbols [inferred].
    members: ["Internal", "Cust", "Vend", "Service", "Production", "CoProductProduction"],
    labels: { Cust: "Customer", Vend: "Vendor", Service: "Service request", CoProductProduction: "Co-product production" },
    evidence: "seen-code (unverified)",
    inferred: true,
    inferredNote:
      "member names unverified: Cust, Vend, Service from a public project's metadata read (notes, Later findings; the notes first guessed " +
      "Customer, Vendor, ServiceRequest); Internal, Production, CoProductProduction are the Dataverse labels written as symbols.",
  },
  {
    name: "InventNonConformanceApproval",
    members: ["New", "Approved", "Refused"],
    evidence: "seen-code (labels)",
    inferred: true,
    inferredNote: "member names are the Dataverse option-set labels New, Approved, Refused (notes section 5); unverified.",
  },
  ...["InventTransType", "InventTestInfoStat", "InventTestQuarantineType"].map((name) => ({
    name,
    members: null,
    evidence: "seen-cdm",
    inferred: true as const,
    inferredNote: `an int enum of the table (supplementary catalog); the enum type name is assumed to equal the field name and ${NO_MEMBERS}.`,
  })),
  ...["UnitOfMeasureClass", "UnitOfMeasureSystemOfUnits", "UnitOfMeasureCodeSymbol"].map((name) => ({
    name,
    members: null,
    evidence: "seen-sapsdk",
    inferred: true as const,
    inferredNote: `enum type name seen-sapsdk; ${NO_MEMBERS}.`,
  })),
];
