import { SCHEMA_VERSION } from "@mfgsync/canonical";
import { child, coded, declareMapper, entity, field, identifier, materialRef, odataV4Profile, sameAsParent, text } from "@mfgsync/mapping";
import { D365_CONTEXT_DEFAULTS, D365_NAMESPACE } from "../context.js";
import { QualityOrderHeaders_CATALOG, QualityOrderLineResults_CATALOG } from "../generated/catalog.js";
import { COMMON_LOSSES, codeLoss, issuerLoss } from "../losses.js";
import { emptyKept, operationNumber, orderQuantity } from "../production-order/converters.js";
import { derivedTestResult, qualityOrderStatus, resultLine, resultValue } from "./converters.js";

/** What survives of a digit string written as a D365 number: the integer part without leading zeros. */
const noLeadingZeros = (value: unknown) => (typeof value === "string" && /^\d+(?:\.\d+)?$/.test(value) ? value.replace(/^0+(?=\d)/, "") : value);

/**
 * The property of a quality order under which the caller attaches its result
 * rows (`QualityOrderLineResults`): D365 has no navigation from a quality
 * order to its results (notes, Later findings).
 *
 * @example
 * ```ts
 * import { QUALITY_ORDER_RESULTS } from "@mfgsync/mappers-d365";
 * const bundle = { dataAreaId: "usmf", QualityOrderNumber: "QO-1", [QUALITY_ORDER_RESULTS]: [] };
 * ```
 */
export const QUALITY_ORDER_RESULTS = "QualityOrderLineResults";

/**
 * The property of a quality order under which the caller attaches the
 * released product (`ReleasedProductsV2`, `$select=dataAreaId,ItemNumber,InventoryUnitSymbol`)
 * that gives `InventoryQuantity` its unit: the header carries none.
 *
 * @example
 * ```ts
 * import { QUALITY_ORDER_PRODUCT } from "@mfgsync/mappers-d365";
 * const order = { dataAreaId: "usmf", QualityOrderNumber: "QO-1", InventoryQuantity: 5, [QUALITY_ORDER_PRODUCT]: { dataAreaId: "usmf", ItemNumber: "M1", InventoryUnitSymbol: "kg" } };
 * ```
 */
export const QUALITY_ORDER_PRODUCT = "ReleasedProductV2";

const resultRow = entity({
  entity: "QualityOrderLineResults",
  catalog: QualityOrderLineResults_CATALOG,
  scope: { vendor: "dataAreaId", type: "company", caseInsensitive: true },
  fields: [
    field("QualityTestId", "characteristic", text({ maxLength: 40 }), { required: true, note: "the test; each test the results name is also a characteristic" }),
    field(["QualityOrderSequenceNumber", "ResultLineNumber"], "sample", resultLine(), { required: true, note: "\"<sequence>-<line>\": the row's identity in the order" }),
    field("ResultValue", "measured", resultValue(), { note: "measured value; unit from codeTables[\"d365:QualityTestUnit\"] by test, else C62", uncertain: "the result row carries no unit [seen-cdm]" }),
    field("QualityTestVariableOutcomeId", "attributeCode.code", text({ maxLength: 40 }), { note: "outcome of an option test (the character result)" }),
    field("TestResult", "evaluation", derivedTestResult(), {
      required: true, carryAlways: true,
      note: "derived by D365 from the value and the tolerances: read, written back only as read, never written as data",
      uncertain: "collection name QualityOrderLineResults and the Edm kinds are [inferred] (CDM names only)",
    }),
    field("QualityOrderNumber", null, sameAsParent("QualityOrderNumber")),
  ],
});

/**
 * `QualityOrderHeaders` with the result rows the caller attaches as
 * `QualityOrderLineResults` (or gives beside the header as a bundle) ↔
 * canonical `Inspection`.
 *
 * @example
 * ```ts
 * import { inspectionDeclaration } from "@mfgsync/mappers-d365";
 * inspectionDeclaration.root.entity; // "QualityOrderHeaders"
 * ```
 */
export const inspectionDeclaration = declareMapper({
  name: "d365:inspection",
  title: "Dynamics 365 SCM QualityOrderHeaders with attached QualityOrderLineResults (OData V4)",
  canonical: "inspection",
  profile: odataV4Profile,
  namespace: D365_NAMESPACE,
  defaults: D365_CONTEXT_DEFAULTS,
  notes: [
    "Bundle: D365 has no navigation from a quality order to its results. Fetch QualityOrderLineResults?$filter=QualityOrderNumber eq '…' and attach the rows to the header as QualityOrderLineResults (or give { QualityOrderHeaders, QualityOrderLineResults } side by side); they are written back the same way.",
    "TestResult is derived by D365 from ResultValue and the test's tolerances: write the measured value and read the verdict back.",
    "Quality orders are numbered by a number sequence and their references are validated on create [seen-code]: creating one needs the reference fields D365 expects.",
    "Characteristics: one per QualityTestId the result rows name (Quantitative when a row has a ResultValue, else Qualitative; the unit of its measured values; required [inferred]), derived on read and not written. The tests with their tolerances are the quality order lines, a separate entity whose OData name was not verified.",
    "Inspected quantity: InventoryQuantity is in the item's inventory unit, which the header does not carry: attach the released product as ReleasedProductV2 ({ dataAreaId, ItemNumber, InventoryUnitSymbol }, or ReleasedProductsV2 beside the header in a bundle); without it the quantity reads in C62 with the warning d365.unit.missing.",
  ],
  root: entity({
    entity: "QualityOrderHeaders",
    catalog: QualityOrderHeaders_CATALOG,
    constants: { schemaVersion: SCHEMA_VERSION, kind: "inspection", characteristics: [], subject: {} },
    scope: { vendor: "dataAreaId", type: "company", caseInsensitive: true },
    plant: { vendor: "InventorySiteId", canonical: "subject.plant" },
    fields: [
      field("QualityOrderNumber", "id", identifier({ scoped: true }), { required: true, note: "number sequence; D365 refuses a supplied number on create [seen-code]" }),
      field("QualityOrderPolicyType", "origin", coded({ list: "d365:InventTestReferenceType", codes: { Purch: "Receiving", Production: "Final", RouteOpr: "InProcess" }, fallback: "Other" }), {
        required: true,
        note: "reference type: Purch → Receiving, Production → Final, RouteOpr → InProcess; other members (Quarantine, Inventory, Sales, …) → Other, kept",
        uncertain: "the member names of InventTestReferenceType were not seen (labels only); Production [seen in samples], Purch and RouteOpr [inferred]",
      }),
      field(["QualityOrderStatus", "ValidatedDateTime", "ValidatingPersonnelNumber"], "", qualityOrderStatus(), {
        fills: ["status", "decision"], required: true, carryAlways: true,
        note: "Open → InProgress; Pass → Accepted; Fail → Rejected; validation time and worker as decidedAt/decidedBy (1900-01-01 = none)",
      }),
      field("ItemNumber", "subject.material", materialRef({ scoped: true })),
      field(["InventoryQuantity", QUALITY_ORDER_PRODUCT], "inspectedQuantity", orderQuantity({ header: "quality order" }), {
        carryAlways: true,
        note: "the quantity under inspection, in ReleasedProductV2/InventoryUnitSymbol (attached by the caller); without it C62 with a warning",
        uncertain: "that InventoryQuantity is in the item's inventory unit is [inferred] from its name",
      }),
      field("ItemBatchNumber", "subject.lot", emptyKept(identifier({ scoped: true }))),
      field("ProductionOrderNumber", "subject.order", emptyKept(identifier({ scoped: true })), { note: "the order of a production quality order" }),
      field("ProductionOrderRouteOperationNumber", "subject.operation", operationNumber({ zeroIsNone: true }), { note: "0 means no operation" }),
      field("InventorySiteId", "subject.plant", text()),
      field("QualityTestGroupId", "specification", emptyKept(identifier({ scoped: true })), { note: "the test group" }),
    ],
    children: [child(QUALITY_ORDER_RESULTS, "results", resultRow, { match: "sample", note: "attached by the caller (no navigation)" })],
  }),
  knownLoss: [
    ...COMMON_LOSSES,
    ...codeLoss(["/origin"]),
    ...issuerLoss(["/id", "/subject/material/id", "/subject/lot", "/subject/order", "/specification"]),
    { path: "/status", reason: "derived from QualityOrderStatus: InProgress while open, Decided when passed or failed", normalize: (_v, env) => ({ value: (env.root as { decision?: unknown }).decision === undefined ? "InProgress" : "Decided" }) },
    { path: "/decision/outcome", reason: "QualityOrderStatus is Pass or Fail: ConditionallyAccepted reads back as Accepted", normalize: (v) => ({ value: (v as { value?: string }).value === "ConditionallyAccepted" ? "Accepted" : (v as { value?: string }).value }) },
    { path: "/decision/decidedAt", reason: "ValidatedDateTime is written in UTC to the second", normalize: (v) => (typeof v === "string" ? new Date(Date.parse(v)).toISOString().replace(/\.\d{3}Z$/, "Z") : v) },
    { path: "/decision/resultingDisposition", reason: "the passed/failed batch disposition codes are kept in extensions" },
    { path: "/decision/resultingQualityStatus", reason: "not on the quality order" },
    { path: "/decision/quantities", reason: "not on the quality order" },
    { path: "/decision/holdsPlaced", reason: "not on the quality order" },
    { path: "/decision/holdsReleased", reason: "not on the quality order" },
    { path: "/decision/remark", reason: "not on the quality order" },
    { path: "/subject/material/revision", reason: "product dimensions are kept in extensions" },
    { path: "/characteristics", reason: "derived from the result rows (one per QualityTestId) and not written: the quality order lines (tests with tolerances, descriptions, sampling) are a separate entity whose name was not verified" },
    { path: "/sampleSize", reason: "the sampling plan (ItemSamplingId) is kept in extensions" },
    { path: "/createdAt", reason: "QualityOrderHeaders has no creation time stamp" },
    { path: "/lastChangedAt", reason: "QualityOrderHeaders has no change time stamp" },
    { path: "/subject/operation", reason: "ProductionOrderRouteOperationNumber is an Int32: leading zeros are not kept (\"010\" reads back as \"10\")", normalize: noLeadingZeros },
    { path: "/results/*/sample", reason: "QualityOrderSequenceNumber and ResultLineNumber are numbers: leading zeros are not kept (\"02-1\" reads back as \"2-1\")", normalize: (v) => (typeof v === "string" ? v.split("-").map(noLeadingZeros).join("-") : v) },
    { path: "/results/*/measured/unit", reason: "the unit comes from the context's test unit table (else C62)", normalize: () => "C62" },
    { path: "/results/*/evaluation", reason: "TestResult is derived by D365 and never written: a result written fresh reads back as Other until D365 evaluates it", normalize: () => ({ value: "Other" }) },
    { path: "/results/*/attributeCode/codeGroup", reason: "the outcome id has no group" },
    { path: "/results/*/defectiveCount", reason: "not on the result row" },
    { path: "/results/*/recordedAt", reason: "not on the result row" },
    { path: "/results/*/recordedBy", reason: "not on the result row" },
    { path: "/results/*/remark", reason: "not on the result row" },
  ],
});
