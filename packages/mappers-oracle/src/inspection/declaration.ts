import type { InspectionOrigin } from "@mfgsync/canonical";
import { SCHEMA_VERSION } from "@mfgsync/canonical";
import type { MapperDeclaration } from "@mfgsync/mapping";
import { child, coded, declareMapper, entity, field, identifier, jsonDecimal, lossNormalizers, materialRef, oracleRestProfile, quantity, text } from "@mfgsync/mapping";
import { ORACLE_CODE_LISTS, ORACLE_CONTEXT_DEFAULTS, ORACLE_ID_SCHEMES, ORACLE_NAMESPACE } from "../context.js";
import { oracleDateTime, organizationPlant } from "../converters.js";
import { INSPECTION_EVENT_CATALOG, INSPECTION_EVENT_CHARACTERISTICS_CATALOG, INSPECTION_EVENT_SAMPLES_AND_RESULTS_CATALOG } from "../generated/catalog.js";
import { COMMON_LOSSES, codeLoss, instantLoss, issuerLoss } from "../losses.js";
import { characteristicKind, qualityUnitCode, resultCharacter, resultMeasure, uncataloguedId } from "./converters.js";
import { eventDisposition, survivingDecision } from "./disposition.js";

/** Event types → canonical origin: RCV and INV [seen-doc: Oracle REST use-case examples], WIP for manufacturing operations [inferred]. */
const EVENT_TYPES = { RCV: "Receiving", WIP: "InProcess", INV: "Other" } as const;

const characteristicEntity = entity({
  entity: "eventCharacteristics",
  catalog: INSPECTION_EVENT_CHARACTERISTICS_CATALOG,
  constants: { required: true },
  fields: [
    field("CharacteristicName", "id", text({ maxLength: 40 }), { required: true, note: "the characteristic's name (the results name it)", uncertain: "the attributes of eventCharacteristics are not in the catalog; names follow inspectionPlans specifications [inferred]" }),
    field("CharacteristicId", "master", uncataloguedId(ORACLE_ID_SCHEMES.characteristic), { note: "int64 id of the characteristic master; with IpEventId the child's key [seen-doc]" }),
    field("DataType", "kind", characteristicKind(), { required: true, uncertain: "DataType and its codes NUMBER, CHAR, DATE are [inferred]" }),
    field("UOMCode", "unit", qualityUnitCode("UOMCode"), { uncertain: "UOMCode on a characteristic is [inferred]" }),
  ],
});

const resultEntity = entity({
  entity: "samplesAndResults",
  catalog: INSPECTION_EVENT_SAMPLES_AND_RESULTS_CATALOG,
  constants: { evaluation: { value: "Other" } },
  fields: [
    field("CharacteristicName", "characteristic", text({ maxLength: 40 }), { required: true, note: "the characteristic the result is for", uncertain: "CharacteristicName on a result row is [inferred] (the row key is SampleId + SampleResultId [seen-doc])" }),
    field("SampleNumber", "sample", text({ maxLength: 40 }), { uncertain: "SampleNumber on a result row is [inferred] (seen on Sample)" }),
    field(["ResultValueNumber", "SampleResultUOMCode"], "measured", resultMeasure(), { note: "numeric results, exact, in their unit (cP, %); no unit reads as C62" }),
    field("ResultValueCharacter", "attributeCode", resultCharacter(), { note: "character results; longer than 40 characters: kept in extensions" }),
    field("InspectionDate", "recordedAt", oracleDateTime()),
    field("Comments", "remark", text({ maxLength: 4000 })),
  ],
});

/**
 * The declaration of the Oracle inspection mapper: Quality `inspectionEvents`
 * with expanded `eventCharacteristics`, `samplesAndResults` and
 * `EventDisposition` ↔ canonical `Inspection`. The event's dispositions are
 * the decision with its quantity split; `Sample` (with `SampleDisposition`)
 * and the other children are kept whole in the extensions. Expanded children
 * are read as bare arrays (REST framework versions 1 and 2) or collection
 * objects (version 3 and later) and written back in the shape read.
 *
 * @example
 * ```ts
 * import { inspectionDeclaration } from "@mfgsync/mappers-oracle";
 * inspectionDeclaration.root.entity; // "inspectionEvents"
 * ```
 */
export const inspectionDeclaration: MapperDeclaration<"inspection"> = declareMapper({
  name: "oracle:inspection",
  title: "Oracle Fusion Cloud SCM inspection event (REST inspectionEvents)",
  canonical: "inspection",
  profile: oracleRestProfile,
  namespace: ORACLE_NAMESPACE,
  defaults: ORACLE_CONTEXT_DEFAULTS,
  notes: [
    "Inspection events have no user key in the catalog: the canonical id is IpEventId (int64, read digit for digit), scoped by OrganizationCode.",
    "OrganizationCode, ItemNumber, LotNumber, EventType, InspectionPlanId and QuantityRequested are not in the field catalog; they are seen in Oracle's REST use-case examples for inspectionEvents, and UOMCode in the QA_IP_EVENTS table (UOM_CODE, VARCHAR2(3)). Verify them with GET inspectionEvents/describe.",
    "samplesAndResults rows carry no pass/fail attribute in the catalog: Oracle evaluates results against the plan's specification, and results read with evaluation Other.",
  ],
  root: entity({
    entity: "inspectionEvents",
    catalog: INSPECTION_EVENT_CATALOG,
    constants: { schemaVersion: SCHEMA_VERSION, kind: "inspection", subject: {}, characteristics: [], results: [] },
    requiredKeys: [],
    scope: { vendor: "OrganizationCode", type: "organization", fallback: "subject.plant" },
    plant: { vendor: "OrganizationCode", canonical: "subject.plant" },
    fields: [
      field("IpEventId", "id", identifier({ numeric: true, scoped: true }), { required: true, note: "int64 surrogate key, the only key the catalog has; scoped by OrganizationCode" }),
      field([], "subject.plant", organizationPlant("OrganizationCode"), { note: "OrganizationCode: the inspection organisation is the plant and scopes the keys" }),
      field("EventType", "origin", coded<InspectionOrigin>({ list: ORACLE_CODE_LISTS.inspectionEventType, codes: EVENT_TYPES, fallback: "Other", tenant: true, encode: { Final: "WIP", Other: "INV" } }), {
        required: true, note: "RCV → Receiving, WIP → InProcess, INV and others → Other (kept as originalCode); Final is written as WIP",
        uncertain: "EventType is not in the catalog; RCV and INV are seen in Oracle's examples, WIP is [inferred]",
      }),
      field("ItemNumber", "subject.material", materialRef({ scoped: true }), { uncertain: "not in the catalog; seen in Oracle's examples" }),
      field("LotNumber", "subject.lot", { ...identifier({ scoped: true }), emptyIsProfile: true }, { uncertain: "not in the catalog; seen in Oracle's examples" }),
      field("InspectionPlanId", "specification", uncataloguedId(ORACLE_ID_SCHEMES.inspectionPlan), { note: "the plan used (int64)", uncertain: "on the header: seen in Oracle's examples (catalog: on EventDisposition)" }),
      field(["QuantityRequested", "UOMCode"], "inspectedQuantity", quantity(jsonDecimal(), qualityUnitCode("UOMCode")), {
        note: "exact JSON number in the event's unit code (at most 3 characters)", uncertain: "QuantityRequested and UOMCode are not in the catalog [inferred from Oracle's examples and QA_IP_EVENTS]",
      }),
      field(["EventDisposition", "DispositionDate"], "decision", eventDisposition(), {
        note: "ACCEPT → Accepted, REJECT → Rejected, COMPLETE → Other, PENDING alone → no decision; the ACCEPT and REJECT quantities are the split (accepted, rejected) in UOMCode; rows kept and written back as read",
        uncertain: "the canonical meaning of the four Disposition codes is [inferred] (notes §6)",
      }),
    ],
    children: [
      child("eventCharacteristics", "characteristics", characteristicEntity, { match: "id" }),
      child("samplesAndResults", "results", resultEntity),
    ],
  }),
  knownLoss: [
    ...COMMON_LOSSES,
    { path: "/crossReferences", reason: "the event's only key, IpEventId, is its canonical id" },
    ...issuerLoss(["/id"], { keepScope: true }),
    ...issuerLoss(["/subject/material/id", "/subject/lot", "/specification", "/characteristics/*/master"]),
    ...codeLoss(["/origin"], (v) => (v === "Final" ? "InProcess" : v)),
    { path: "/subject/order", reason: "the work order of a manufacturing inspection is on the operation transaction (WoOperationTransactionId), kept in extensions" },
    { path: "/subject/operation", reason: "not among the catalogued inspectionEvents attributes" },
    { path: "/subject/material/revision", reason: "not among the catalogued inspectionEvents attributes" },
    { path: "/status", reason: "the event's inspection status is not in the catalog" },
    { path: "/sampleSize", reason: "the samples are the Sample rows, kept in extensions" },
    { path: "/createdAt", reason: "not among the catalogued inspectionEvents attributes" },
    { path: "/lastChangedAt", reason: "not among the catalogued inspectionEvents attributes" },
    { path: "/characteristics/*/required", reason: "characteristics carry no mandatory flag in the catalog; read as true", normalize: () => true },
    { path: "/characteristics/*/description", reason: "not among the catalogued eventCharacteristics attributes" },
    { path: "/characteristics/*/target", reason: "targets and limits are the plan's specifications (inspectionPlans)" },
    { path: "/characteristics/*/lowerLimit", reason: "targets and limits are the plan's specifications (inspectionPlans)" },
    { path: "/characteristics/*/upperLimit", reason: "targets and limits are the plan's specifications (inspectionPlans)" },
    { path: "/characteristics/*/sampleSize", reason: "the samples are the event's Sample rows" },
    { path: "/characteristics/*/samplingProcedure", reason: "sampling comes from the inspection level, not the characteristic" },
    { path: "/characteristics/*/codeGroup", reason: "not among the catalogued eventCharacteristics attributes" },
    { path: "/results/*/evaluation", reason: "samplesAndResults carry no pass/fail attribute: results read as Other", normalize: () => ({ value: "Other" }) },
    { path: "/results/*/attributeCode/codeGroup", reason: "a character result has no code group" },
    { path: "/results/*/defectiveCount", reason: "not on the result row" },
    { path: "/results/*/recordedBy", reason: "not on the result row" },
    { path: "/results/*/remark", reason: "an empty Comments means none", normalize: lossNormalizers.emptyIsNone },
    { path: "/results/*/sample", reason: "an empty SampleNumber means none", normalize: lossNormalizers.emptyIsNone },
    {
      path: "/decision",
      reason: "the dispositions hold an outcome (ACCEPT, REJECT, COMPLETE) and the accepted and rejected quantities: ConditionallyAccepted reads back as Accepted, an accepted quantity makes the outcome Accepted, and the other split categories, holds, dispositions and remarks are not kept",
      normalize: (value) => {
        const d = value as Parameters<typeof survivingDecision>[0];
        const s = survivingDecision(d);
        if (s === undefined || d === undefined) return undefined;
        const unit = d.quantities?.accepted?.unit ?? d.quantities?.rejected?.unit;
        const quantities = s.accepted === undefined && s.rejected === undefined ? undefined : {
          ...(s.accepted === undefined ? {} : { accepted: { value: d.quantities?.accepted?.value, unit } }),
          ...(s.rejected === undefined ? {} : { rejected: { value: d.quantities?.rejected?.value, unit } }),
        };
        return {
          outcome: { value: s.outcome.value },
          ...(quantities === undefined ? {} : { quantities }),
          ...(d.decidedAt === undefined ? {} : { decidedAt: new Date(Date.parse(d.decidedAt)).toISOString() }),
        };
      },
    },
    ...instantLoss(["/results/*/recordedAt"]),
  ],
});
