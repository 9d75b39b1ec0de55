import { SCHEMA_VERSION } from "@mfgsync/canonical";
import type { MapperDeclaration } from "@mfgsync/mapping";
import { odataV2Profile } from "@mfgsync/mapping";
import { coded, declareMapper, entity, field, identifier, lossNormalizers, odataV2DateAndTime, odataV2DateTimeOffset, text } from "@mfgsync/mapping";
import { SAP_CONTEXT_DEFAULTS, SAP_NAMESPACE } from "../context.js";
import { A_Defect_CATALOG } from "../generated/catalog.js";
import { COMMON_LOSSES, codeLoss, dateTimeLoss, issuerLoss } from "../losses.js";
import { defectAffected, defectCode } from "./converters.js";

/**
 * The declaration of the SAP nonconformance mapper: API_DEFECT_SRV
 * `A_Defect` (a standalone defect, optionally linked to an order, an
 * inspection lot or a material) ↔ canonical `Nonconformance`. Processing
 * status, containment and root cause live on the quality notification
 * (API_QUALITYNOTIFICATION, no stored spec), not on the defect.
 *
 * @example
 * ```ts
 * import { nonconformanceDeclaration } from "@mfgsync/mappers-sap";
 * nonconformanceDeclaration.root.entity; // "A_Defect"
 * ```
 */
export const nonconformanceDeclaration: MapperDeclaration<"nonconformance"> = declareMapper({
  name: "sap:nonconformance",
  title: "SAP S/4HANA defect (API_DEFECT_SRV A_Defect)",
  canonical: "nonconformance",
  profile: odataV2Profile,
  namespace: SAP_NAMESPACE,
  defaults: SAP_CONTEXT_DEFAULTS,
  notes: ["A defect has no processing status of its own: it reads as Open, or Cancelled when IsDeleted is set; the quality notification's status is not mapped (no stored spec)."],
  root: entity({
    entity: "A_Defect",
    catalog: A_Defect_CATALOG,
    constants: { schemaVersion: SCHEMA_VERSION, kind: "nonconformance", containmentActions: [] },
    plant: { vendor: "Plant", canonical: "plant" },
    fields: [
      field("DefectInternalID", "id", identifier({ crossReferences: true }), { required: true, note: "internal id such as \"$00000000004\"; the external number (Defect) is kept in extensions" }),
      field("ChangedDateTime", "lastChangedAt", odataV2DateTimeOffset(), { uncertain: "the EDM type (DateTimeOffset) is inferred from an OpenAPI example" }),
      field("DefectCategory", "type", coded({ list: "sap:DefectCategory", codes: {}, fallback: "Product" }), {
        required: true, note: "every defect reads as a product nonconformance; the category is the originalCode", uncertain: "defect category codes are customizing [INFERRED]",
      }),
      field("DefectClass", "severity", coded({
        list: "sap:DefectClass", codes: { "01": "Critical", "02": "Major", "03": "Major", "04": "Minor" }, fallback: "Other", empty: "Other", encode: { Other: "" },
      }), { required: true, uncertain: "defect classes 01 critical, 02/03 major, 04 minor are [INFERRED]; other classes (such as 92) read as Other" }),
      field("DefectOrigin", "source", coded({ list: "sap:DefectOrigin", codes: {}, fallback: "Internal", empty: "Internal", encode: { Internal: "" } }), {
        required: true, uncertain: "defect origin codes are not documented in the stored spec [INFERRED]; every defect reads as found internally",
      }),
      field("IsDeleted", "status", coded({ list: "sap:IsDeleted", codes: { X: "Cancelled" }, fallback: "Other", empty: "Open", encode: { Open: "", Cancelled: "X" } }), {
        required: true, note: "deleted defects are Cancelled, all others Open",
      }),
      field("DefectText", "description", text(), { required: true }),
      field("Plant", "plant", text()),
      field(["Material", "ManufacturingOrder", "ManufacturingOrderOperation", "DefectiveQuantity", "DefectiveQuantityUnit"], "affected", defectAffected(), {
        note: "one affected item; OrderInternalID and the inspection keys are kept in extensions",
      }),
      field(["DefectCode", "DefectCodeGroup", "NumberOfDefects", "DefectObjectCodeGroup", "DefectObjectCode"], "defects", defectCode(), {
        note: "catalog, code version and the location catalog are kept in extensions",
      }),
      field("InspectionLot", "inspection", identifier({ none: ["0"] }), { note: "\"0\" means no inspection lot" }),
      field("CreatedByUser", "reportedBy", text()),
      field(["CreationDate", "CreationTime"], "openedAt", odataV2DateAndTime({ timestamp: true }), { required: true, uncertain: "that creation date and time are plant-local is [INFERRED]" }),
    ],
  }),
  knownLoss: [
    ...COMMON_LOSSES,
    ...codeLoss(["/type", "/severity", "/source", "/status"]),
    ...issuerLoss(["/id", "/inspection", "/affected/*/material/id", "/affected/*/order"]),
    { path: "/lastChangedAt", reason: "SAP keeps milliseconds", normalize: lossNormalizers.millisecondsWithOffset },
    { path: "/title", reason: "a defect has one text (DefectText), mapped to description" },
    { path: "/disposition", reason: "dispositions are on the quality notification, not on the defect" },
    { path: "/rootCause", reason: "causes are on the quality notification, not on the defect" },
    { path: "/capaReferences", reason: "not part of API_DEFECT_SRV" },
    { path: "/dueAt", reason: "not part of API_DEFECT_SRV" },
    { path: "/closedAt", reason: "not part of API_DEFECT_SRV" },
    { path: "/containmentActions", reason: "containment is on the quality notification, not on the defect", normalize: () => [] },
    { path: "/affected/*/lot", reason: "a defect names no batch" },
    { path: "/affected/*/serialNumbers", reason: "a defect names no serial numbers" },
    { path: "/affected/*/material/revision", reason: "a defect names no revision" },
    { path: "/defects/*/description", reason: "the defect's text is the nonconformance description" },
    ...dateTimeLoss(["/openedAt"], { midnightIsDate: false }),
    // Since canonical 1.1:
    { path: "/complaint", reason: "not part of API_DEFECT_SRV (complaints are quality notifications of their own)" },
    { path: "/approval", reason: "not part of API_DEFECT_SRV" },
    { path: "/heldLots", reason: "containment is on the quality notification, not on the defect" },
    { path: "/stoppedOrders", reason: "containment is on the quality notification, not on the defect" },
  ],
});
