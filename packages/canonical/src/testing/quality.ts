import * as fc from "fast-check";
import type { Characteristic, CharacteristicResult, Inspection, InspectionDecision, InspectionSubject } from "../inspection/inspection.js";
import type { OtherSplitQuantity, QuantitySplit } from "../inspection/quantity-split.js";
import type {
  AffectedItem, ComplaintReference, ContainmentAction, Defect, HeldLot, Nonconformance, NonconformanceApprovalState, StoppedOrder,
} from "../nonconformance/nonconformance.js";
import { Disposition } from "../vocabularies/b2mml.js";
import { QualityStatus } from "../vocabularies/lot-quality.js";
import {
  ComplaintParty, InspectionOrigin, InspectionOutcome, InspectionStatus, NonconformanceApproval, NonconformanceDisposition, NonconformanceSource,
  NonconformanceStatus, NonconformanceType, ResultEvaluation, Severity,
} from "../vocabularies/quality.js";
import { arbitraryHoldRelease, arbitraryLotHold } from "./holds.js";
import type { ObjectArbitraryOptions } from "./objects.js";
import { arbitraryCodedValue, headerModel, operationSequence, plantCode } from "./objects.js";
import {
  arbitraryDecimal, arbitraryIdentifier, arbitraryMaterialRef, arbitraryMeasure, arbitraryQuantity, arbitraryReference, arbitraryTimestamp,
  arbitraryUnitCode, enumValue, list, rec, text,
} from "./primitives.js";

/** Arbitrary inspection subjects (lot, order, operation, material, plant; each sometimes). Internal. */
export function inspectionSubject(options: ObjectArbitraryOptions): fc.Arbitrary<InspectionSubject> {
  return rec<InspectionSubject, never>({
    lot: arbitraryReference(options), order: arbitraryReference(options), operation: operationSequence,
    material: arbitraryMaterialRef(options), plant: plantCode,
  }, []);
}

/** Arbitrary characteristic results. Internal. */
export function characteristicResult(options: ObjectArbitraryOptions): fc.Arbitrary<CharacteristicResult> {
  return rec<CharacteristicResult, "characteristic" | "evaluation">({
    characteristic: fc.oneof(fc.integer({ min: 1, max: 999 }).map((n) => String(n * 10).padStart(4, "0")), text(40)),
    sample: text(40),
    measured: arbitraryMeasure(options),
    attributeCode: rec<NonNullable<CharacteristicResult["attributeCode"]>, "code">({ code: text(40), codeGroup: text(40) }, ["code"]),
    evaluation: arbitraryCodedValue(ResultEvaluation),
    defectiveCount: fc.nat({ max: 100_000 }),
    recordedAt: arbitraryTimestamp(),
    recordedBy: text(128),
    remark: text(4000, 0),
  }, ["characteristic", "evaluation"]);
}

/**
 * Arbitrary valid {@link QuantitySplit} values: some of the canonical
 * categories and sometimes other, vendor-coded ones. The parts need not add
 * up to anything (the validators check that against the inspected quantity).
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { QuantitySplit } from "@mfgsync/canonical";
 * import { arbitraryQuantitySplit } from "@mfgsync/canonical/testing";
 * fc.assert(fc.property(arbitraryQuantitySplit({ units: ["H87"] }), (split) => QuantitySplit.safeParse(split).success));
 * ```
 */
export function arbitraryQuantitySplit(options: ObjectArbitraryOptions = {}): fc.Arbitrary<QuantitySplit> {
  const quantity = arbitraryQuantity(options);
  const other = rec<OtherSplitQuantity, "code" | "quantity">({
    code: fc.oneof(fc.constantFrom("RESERVES", "NEW-MATERIAL", "OTHER-SLOC"), text(64)), list: text(128), text: text(1000, 0), quantity,
  }, ["code", "quantity"]);
  return rec<QuantitySplit, never>({
    accepted: quantity, rejected: quantity, scrapped: quantity, sampleDestroyed: quantity, returnedToVendor: quantity, toRework: quantity, other: list(other),
  }, []);
}

/** Arbitrary inspection decisions. Internal. */
export function inspectionDecision(options: ObjectArbitraryOptions = {}): fc.Arbitrary<InspectionDecision> {
  return rec<InspectionDecision, "outcome">({
    outcome: arbitraryCodedValue(InspectionOutcome), resultingDisposition: enumValue(Disposition), resultingQualityStatus: enumValue(QualityStatus),
    quantities: arbitraryQuantitySplit(options), holdsPlaced: list(arbitraryLotHold(options)), holdsReleased: list(arbitraryHoldRelease(options)),
    decidedBy: text(128), decidedAt: arbitraryTimestamp(), remark: text(4000, 0),
  }, ["outcome"]);
}

/**
 * Arbitrary valid {@link Inspection} objects. Characteristic ids are unique
 * (`"0010"`-style) and results usually refer to one of them.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { safeParseInspection } from "@mfgsync/canonical";
 * import { arbitraryInspection } from "@mfgsync/canonical/testing";
 * fc.assert(fc.property(arbitraryInspection(), (i) => safeParseInspection(i).ok));
 * ```
 */
export function arbitraryInspection(options: ObjectArbitraryOptions = {}): fc.Arbitrary<Inspection> {
  const quantity = arbitraryQuantity(options);
  const signed = arbitraryDecimal({ signed: true });
  const characteristic = rec<Characteristic, "id" | "kind" | "required">({
    id: fc.integer({ min: 1, max: 999 }).map((n) => String(n * 10).padStart(4, "0")), master: arbitraryIdentifier(options),
    description: text(1000, 0), kind: fc.constantFrom("Quantitative", "Qualitative"), required: fc.boolean(),
    target: signed, lowerLimit: signed, upperLimit: signed, unit: arbitraryUnitCode(options),
    sampleSize: quantity, samplingProcedure: text(64), codeGroup: text(64),
  }, ["id", "kind", "required"]);
  // Each result carries a pick that, most of the time, points it at one of the inspection's characteristics.
  const picked = fc.tuple(characteristicResult(options), fc.option(fc.nat(), { freq: 4, nil: undefined }));
  return rec<Omit<Inspection, "results"> & { results: Array<[CharacteristicResult, number | undefined]> }, "schemaVersion" | "kind" | "id" | "subject" | "origin" | "characteristics" | "results">({
    ...headerModel("inspection", options),
    subject: inspectionSubject(options),
    origin: arbitraryCodedValue(InspectionOrigin),
    status: arbitraryCodedValue(InspectionStatus),
    specification: arbitraryIdentifier(options),
    inspectedQuantity: quantity,
    sampleSize: quantity,
    characteristics: fc.uniqueArray(characteristic, { maxLength: 5, selector: (c) => c.id }).map((cs) => [...cs].sort((a, b) => a.id.localeCompare(b.id))),
    results: list(picked),
    decision: inspectionDecision(options),
    createdAt: arbitraryTimestamp(),
  }, ["schemaVersion", "kind", "id", "subject", "origin", "characteristics", "results"]).map(({ results, ...inspection }) => ({
    ...inspection,
    results: results.map(([r, pick]) => (pick === undefined || inspection.characteristics.length === 0
      ? r
      : { ...r, characteristic: inspection.characteristics[pick % inspection.characteristics.length]!.id })),
  }));
}

/**
 * Arbitrary valid {@link Nonconformance} objects with affected items, coded
 * defects, containment actions and, sometimes, disposition, root cause,
 * CAPA and complaint references, approval, held lots and stopped orders.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { safeParseNonconformance } from "@mfgsync/canonical";
 * import { arbitraryNonconformance } from "@mfgsync/canonical/testing";
 * fc.assert(fc.property(arbitraryNonconformance({ scheme: "qms" }), (nc) => safeParseNonconformance(nc).ok));
 * ```
 */
export function arbitraryNonconformance(options: ObjectArbitraryOptions = {}): fc.Arbitrary<Nonconformance> {
  const quantity = arbitraryQuantity(options);
  const affected = rec<AffectedItem, never>({
    material: arbitraryMaterialRef(options), lot: arbitraryReference(options), serialNumbers: list(text(64)), quantity,
    order: arbitraryReference(options), operation: operationSequence,
  }, []);
  const heldLot = rec<HeldLot, "lot">({ lot: arbitraryReference(options), hold: arbitraryIdentifier(options), quantity, heldAt: arbitraryTimestamp() }, ["lot"]);
  const stoppedOrder = rec<StoppedOrder, "order">({
    order: arbitraryReference(options), operation: operationSequence, stoppedAt: arbitraryTimestamp(), resumedAt: arbitraryTimestamp(),
  }, ["order"]);
  const approval = rec<NonconformanceApprovalState, "state">({
    state: arbitraryCodedValue(NonconformanceApproval), decidedBy: text(128), decidedAt: arbitraryTimestamp(), comment: text(4000, 0),
  }, ["state"]);
  const complaint = rec<ComplaintReference, "party">({ party: arbitraryCodedValue(ComplaintParty), complaint: arbitraryReference(), partner: arbitraryReference(options) }, ["party"]);
  const defect = rec<Defect, "code">({ code: text(40), codeGroup: text(40), description: text(4000, 0), quantity, location: text(255) }, ["code"]);
  const action = rec<ContainmentAction, "description">({
    description: text(4000), owner: text(128), status: fc.constantFrom("Planned", "InProgress", "Done", "Cancelled"),
    dueAt: arbitraryTimestamp(), completedAt: arbitraryTimestamp(),
  }, ["description"]);
  const rootCause = rec<NonNullable<Nonconformance["rootCause"]>, "description">({ code: text(40), description: text(10_000) }, ["description"]);
  return rec<Nonconformance, "schemaVersion" | "kind" | "id" | "type" | "severity" | "source" | "status" | "description" | "affected" | "defects" | "containmentActions" | "openedAt">({
    ...headerModel("nonconformance", options),
    type: arbitraryCodedValue(NonconformanceType),
    severity: arbitraryCodedValue(Severity),
    source: arbitraryCodedValue(NonconformanceSource),
    status: arbitraryCodedValue(NonconformanceStatus),
    title: text(255, 0),
    description: text(10_000),
    plant: plantCode,
    affected: list(affected),
    defects: list(defect),
    containmentActions: list(action),
    disposition: arbitraryCodedValue(NonconformanceDisposition),
    rootCause,
    capaReferences: list(arbitraryReference(options)),
    complaint,
    approval,
    heldLots: list(heldLot),
    stoppedOrders: list(stoppedOrder),
    inspection: arbitraryReference(options),
    reportedBy: text(128),
    openedAt: arbitraryTimestamp(),
    dueAt: arbitraryTimestamp(),
    closedAt: arbitraryTimestamp(),
  }, ["schemaVersion", "kind", "id", "type", "severity", "source", "status", "description", "affected", "defects", "containmentActions", "openedAt"]);
}
