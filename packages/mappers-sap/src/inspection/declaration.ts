import { SCHEMA_VERSION } from "@mfgsync/canonical";
import type { KnownLoss, MapperDeclaration } from "@mfgsync/mapping";
import { odataV2Profile } from "@mfgsync/mapping";
import {
  child, coded, odataV2Decimal, declareMapper, entity, field, identifier, integer, lossNormalizers, materialRef, odataV2DateAndTime, odataV2DateTimeOffset, quantity, sameAsParent, text,
} from "@mfgsync/mapping";
import { SAP_CONTEXT_DEFAULTS, SAP_NAMESPACE } from "../context.js";
import { A_InspLotUsageDecision_CATALOG, A_InspectionCharacteristic_CATALOG, A_InspectionLot_CATALOG, A_InspectionResult_CATALOG } from "../generated/catalog.js";
import { COMMON_LOSSES, codeLoss, dateTimeLoss, issuerLoss } from "../losses.js";
import { sapUnit } from "../units.js";
import {
  attributeCode, characteristicKey, characteristicKind, flaggedDouble, inspectionLotStatus, integerAmount, resultMeasure, usageDecision,
} from "./converters.js";
import { STOCK_POSTING_LIST, splitOther, splitQuantity } from "./quantities.js";
import { materialRevision } from "./revision.js";

/** Navigations the caller assembles: API_INSPECTIONLOT_SRV 1.2.0 has no navigation from the lot to these entity sets. */
export const INSPECTION_BUNDLE_NAVIGATIONS = ["to_InspectionCharacteristic", "to_InspectionResult", "to_InspLotUsageDecision"] as const;

const characteristic = entity({
  entity: "A_InspectionCharacteristic",
  catalog: A_InspectionCharacteristic_CATALOG,
  constants: { required: true },
  fields: [
    field(["InspPlanOperationInternalID", "InspectionCharacteristic"], "id", characteristicKey(), { required: true }),
    field("InspectionSpecification", "master", identifier(), { note: "master inspection characteristic; its plant and version are kept in extensions" }),
    field("InspectionSpecificationText", "description", text()),
    field("InspSpecIsQuantitative", "kind", characteristicKind(), { required: true }),
    field(["InspSpecTargetValue", "InspSpecHasTargetValue"], "target", flaggedDouble()),
    field(["InspSpecLowerLimit", "InspSpecHasLowerLimit"], "lowerLimit", flaggedDouble()),
    field(["InspSpecUpperLimit", "InspSpecHasUpperLimit"], "upperLimit", flaggedDouble()),
    field("InspectionSpecificationUnit", "unit", sapUnit()),
    field(["InspCharacteristicSampleSize", "InspCharacteristicSampleUnit"], "sampleSize", quantity(integerAmount(), sapUnit())),
    field("SelectedCodeSet", "codeGroup", text(), { note: "selected set of codes for qualitative results" }),
    field("InspectionLot", null, sameAsParent("InspectionLot")),
  ],
});

const result = entity({
  entity: "A_InspectionResult",
  catalog: A_InspectionResult_CATALOG,
  fields: [
    field(["InspPlanOperationInternalID", "InspectionCharacteristic"], "characteristic", characteristicKey(), { required: true }),
    field(["InspectionResultMeanValue", "InspectionResultHasMeanValue"], "measured", resultMeasure(), { note: "unit from the characteristic" }),
    field(["CharacteristicAttributeCodeGrp", "CharacteristicAttributeCode"], "attributeCode", attributeCode()),
    field("InspectionValuationResult", "evaluation", coded({ list: "sap:InspectionValuationResult", codes: { A: "Pass", R: "Fail" }, fallback: "Other", empty: "Other", encode: { Other: "" } }), {
      required: true, uncertain: "valuation codes A (accepted) and R (rejected) are [INFERRED]; empty means not valuated",
    }),
    field("InspRsltNonconformingValsNmbr", "defectiveCount", integer({ min: 0 })),
    field(["InspectionEndDate", "InspectionEndTime"], "recordedAt", odataV2DateAndTime({ timestamp: true }), { uncertain: "that end date and time are plant-local is [INFERRED]" }),
    field("Inspector", "recordedBy", text()),
    field("InspectionResultText", "remark", text()),
    field("InspectionLot", null, sameAsParent("InspectionLot")),
  ],
});

const decision = entity({
  entity: "A_InspLotUsageDecision",
  catalog: A_InspLotUsageDecision_CATALOG,
  fields: [
    field(["InspLotUsageDecisionValuation", "InspectionLotUsageDecisionCode"], "", usageDecision(), {
      fills: ["outcome", "resultingDisposition", "resultingQualityStatus"], carryAlways: true, note: "from the valuation, not from the customer-defined code",
    }),
    field("InspectionLotUsageDecidedBy", "decidedBy", text()),
    field(["InspectionLotUsageDecidedOn", "InspLotUsageDecisionTime"], "decidedAt", odataV2DateAndTime({ timestamp: true })),
    field("InspectionLot", null, sameAsParent("InspectionLot")),
  ],
});

/** What of a decision's quantity split SAP keeps: its postings, in the lot's unit, zero as nothing. */
function splitLosses(): KnownLoss[] {
  const sapOther = new Set(["InspLotQtyToReserves", "InspLotQtyToAnotherMaterial", "InspLotQtyToSpecialStock", "InspLotQtyToOtherStock"]);
  const isZero = (q: unknown) => /^0*(?:\.0*)?$/.test(String((q as { value?: unknown } | undefined)?.value ?? ""));
  return [
    {
      path: "/decision/quantities",
      reason: "SAP posts no quantity to rework and keeps one quantity per posting, coded by its property (other codes are not written); a zero posting reads as none",
      normalize: (value) => {
        if (typeof value !== "object" || value === null) return value;
        const { toRework: _rework, other, ...rest } = value as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const [k, q] of Object.entries(rest)) if (!isZero(q)) out[k] = q;
        const kept = Array.isArray(other)
          ? other.filter((o: { code: string; list?: string; quantity: unknown }) => sapOther.has(o.code) && (o.list === undefined || o.list === STOCK_POSTING_LIST) && !isZero(o.quantity))
            .map((o: { code: string; quantity: unknown }) => ({ code: o.code, quantity: o.quantity }))
          : [];
        if (kept.length > 0) out["other"] = kept;
        return Object.keys(out).length === 0 ? undefined : out;
      },
    },
  ];
}

/**
 * The declaration of the SAP inspection mapper: API_INSPECTIONLOT_SRV
 * `A_InspectionLot` with its status (`to_InspectionLotWithStatus`) ↔
 * canonical `Inspection`. Version 1.2.0 of the API has no navigation from
 * the lot to its characteristics, results and usage decision: the caller
 * reads them (`A_InspectionCharacteristic?$filter=InspectionLot eq '…'`, ...)
 * and attaches them to the lot as `to_InspectionCharacteristic`,
 * `to_InspectionResult` (`{ "results": [...] }`) and `to_InspLotUsageDecision`.
 *
 * @example
 * ```ts
 * import { inspectionDeclaration } from "@mfgsync/mappers-sap";
 * inspectionDeclaration.root.entity; // "A_InspectionLot"
 * ```
 */
export const inspectionDeclaration: MapperDeclaration<"inspection"> = declareMapper({
  name: "sap:inspection",
  title: "SAP S/4HANA inspection lot (API_INSPECTIONLOT_SRV A_InspectionLot)",
  canonical: "inspection",
  profile: odataV2Profile,
  namespace: SAP_NAMESPACE,
  defaults: SAP_CONTEXT_DEFAULTS,
  notes: [
    "to_InspectionCharacteristic, to_InspectionResult and to_InspLotUsageDecision are not SAP navigation properties: the caller reads those entity sets and attaches them to the lot.",
    "Canonical characteristic ids are \"<InspPlanOperationInternalID>/<InspectionCharacteristic>\" (\"1/0010\"): characteristic numbers repeat across inspection operations.",
    "The decision's quantity split (decision.quantities) comes from the lot's usage-decision stock postings (InspLotQtyTo…, in InspectionLotQuantityUnit), not from A_InspLotUsageDecision; it is read only when the usage decision is attached, and zero postings are not part of it.",
  ],
  root: entity({
    entity: "A_InspectionLot",
    catalog: A_InspectionLot_CATALOG,
    constants: { schemaVersion: SCHEMA_VERSION, kind: "inspection", subject: {} },
    plant: { vendor: "Plant", canonical: "subject.plant" },
    fields: [
      field("InspectionLot", "id", identifier({ crossReferences: true }), { required: true }),
      field("ChangedDateTime", "lastChangedAt", odataV2DateTimeOffset(), { note: "the delta field" }),
      field("Batch", "subject.lot", identifier()),
      field("ManufacturingOrder", "subject.order", identifier()),
      field("Material", "subject.material", materialRef()),
      field("MaterialRevisionLevel", "subject.material.revision", materialRevision("Material"), { note: "read when the lot names its material" }),
      field("Plant", "subject.plant", text()),
      field("InspectionLotOrigin", "origin", coded({
        list: "sap:InspectionLotOrigin",
        codes: { "01": "Receiving", "03": "InProcess", "04": "Final", "05": "Receiving" },
        fallback: "Other",
      }), { required: true, uncertain: "origin codes 01 goods receipt, 03 in-process, 04 goods receipt from production, 05 other receipt are [INFERRED]" }),
      field(["to_InspectionLotWithStatus", "InspectionLotHasUsageDecision"], "status", inspectionLotStatus(), {
        carryAlways: true, uncertain: "the system statuses behind the flags are [INFERRED]",
      }),
      field(["InspectionLotQuantity", "InspectionLotQuantityUnit"], "inspectedQuantity", quantity(odataV2Decimal(), sapUnit())),
      field(["InspectionLotSampleQuantity", "InspectionLotSampleUnit"], "sampleSize", quantity(odataV2Decimal(), sapUnit())),
      // The usage decision's stock postings: on the lot, in the lot's unit; read only with the decision attached.
      field("InspLotQtyToFree", "decision.quantities.accepted", splitQuantity("InspLotQtyToFree"), { note: "Unrestricted-Use Stock: posted to free stock" }),
      field("InspLotQtyToBlocked", "decision.quantities.rejected", splitQuantity("InspLotQtyToBlocked"), { note: "Blocked Stock" }),
      field("InspLotQtyToScrap", "decision.quantities.scrapped", splitQuantity("InspLotQtyToScrap"), { note: "Scrap Quantity" }),
      field("InspLotQtyToSample", "decision.quantities.sampleDestroyed", splitQuantity("InspLotQtyToSample"), {
        note: "Quantity Posted to Sample; the recorded InspLotQtyDestroyed and InspLotQtyInspected are kept in extensions",
        uncertain: "that the sample posting is the quantity used up by testing is [INFERRED]",
      }),
      field("InspLotQtyReturnedToSupplier", "decision.quantities.returnedToVendor", splitQuantity("InspLotQtyReturnedToSupplier"), {
        note: "Return to Supplier; InspLotQtyToBePosted (not yet posted) is kept in extensions",
      }),
      field(["InspLotQtyToReserves", "InspLotQtyToAnotherMaterial", "InspLotQtyToSpecialStock", "InspLotQtyToOtherStock"], "decision.quantities.other", splitOther(), {
        note: "coded by the SAP property; the target material and batch of a new-material posting (InspLotMaterialPostedTo, InspLotBatchTransferredTo) are kept in extensions",
        uncertain: "what the two \"other quantity\" postings hold (special stock, another storage location) is [INFERRED] from their labels",
      }),
      field(["InspLotCreatedOnLocalDate", "InspLotCreatedOnLocalTime"], "createdAt", odataV2DateAndTime({ timestamp: true }), {
        note: "the plant-local creation date and time; InspectionLotCreatedOn/Time are kept in extensions",
      }),
    ],
    children: [
      child("to_InspectionCharacteristic", "characteristics", characteristic, { match: "id", note: "assembled by the caller" }),
      child("to_InspectionResult", "results", result, { match: "characteristic", note: "assembled by the caller" }),
      child("to_InspLotUsageDecision", "decision", decision, { cardinality: "single", note: "assembled by the caller" }),
    ],
  }),
  knownLoss: [
    ...COMMON_LOSSES,
    ...codeLoss(["/origin", "/results/*/evaluation", "/decision/outcome"]),
    ...issuerLoss(["/id", "/subject/lot", "/subject/order", "/subject/material/id", "/characteristics/*/master"]),
    { path: "/status", reason: "A_InspectionLotWithStatus is read-only: only the usage-decision flag is written", normalize: (v) => ((v as { value?: unknown } | undefined)?.value === "Decided" ? { value: "Decided" } : undefined) },
    { path: "/lastChangedAt", reason: "SAP keeps milliseconds", normalize: lossNormalizers.millisecondsWithOffset },
    { path: "/subject/operation", reason: "the inspected operation is on A_InspectionOperation, which is not mapped" },
    { path: "/specification", reason: "the task list (BillOfOperations*) is kept in extensions" },
    { path: "/characteristics/*/required", reason: "SAP keeps it among the control indicators, whose layout is not in the stored spec; read as true", normalize: () => true },
    { path: "/characteristics/*/samplingProcedure", reason: "the sampling procedure is on the lot (kept in extensions)" },
    { path: "/characteristics/*/description", reason: "SAP's empty text means none", normalize: lossNormalizers.emptyIsNone },
    { path: "/results/*/sample", reason: "per-sample values are in A_InspectionResultValue, which is not mapped" },
    { path: "/results/*/remark", reason: "SAP's empty text means none", normalize: lossNormalizers.emptyIsNone },
    { path: "/decision/remark", reason: "the usage decision's long text is not in the API" },
    ...dateTimeLoss(["/createdAt", "/results/*/recordedAt", "/decision/decidedAt"], { midnightIsDate: false }),
    // Since canonical 1.1:
    ...splitLosses(),
    { path: "/decision/holdsPlaced", reason: "SAP keeps no hold records on a usage decision; its stock postings change stock types instead" },
    { path: "/decision/holdsReleased", reason: "SAP keeps no hold records on a usage decision; its stock postings change stock types instead" },
  ],
});
