import * as z from "zod";
import { codedValue } from "../primitives/coded-value.js";
import { SignedDecimalString } from "../primitives/decimal.js";
import { extensionsField, headerFields } from "../primitives/header.js";
import { Identifier, MaterialRef, PlantCode, Reference } from "../primitives/identifier.js";
import { Measure, Quantity } from "../primitives/quantity.js";
import { Timestamp } from "../primitives/time.js";
import { UnitCode } from "../primitives/unit.js";
import { Disposition } from "../vocabularies/b2mml.js";
import { InspectionOrigin, InspectionOutcome, InspectionStatus, ResultEvaluation } from "../vocabularies/quality.js";
import { OperationSequence } from "../production-order/production-order.js";
import { HoldRelease, LotHold } from "../lot/holds.js";
import { QualityStatus } from "../vocabularies/lot-quality.js";
import { QuantitySplit } from "./quantity-split.js";

/**
 * What is inspected: a lot, an order or one of its operations, a material.
 * At least one is normally given. B2MML: `TestResult/TestableObjectID`.
 *
 * @example
 * ```ts
 * import { InspectionSubject } from "@mfgsync/canonical";
 * InspectionSubject.parse({ lot: { value: "0000012345", scheme: "sap-s4hana" } });
 * ```
 */
export const InspectionSubject = z.strictObject({
  /** The inspected lot. */
  lot: Reference.optional(),
  /** The order being inspected (in-process and final inspections). */
  order: Reference.optional(),
  /** The operation being inspected. */
  operation: OperationSequence.optional(),
  /** The inspected material. */
  material: MaterialRef.optional(),
  /** The inspecting plant. */
  plant: PlantCode.optional(),
});
/** An {@link InspectionSubject} value. @example `import type { InspectionSubject } from "@mfgsync/canonical";` */
export type InspectionSubject = z.infer<typeof InspectionSubject>;

/**
 * One characteristic to inspect, with its target and limits. B2MML:
 * `TestSpecification/EvaluatedProperty` and `EvaluationCriterion`.
 *
 * @example
 * ```ts
 * import { Characteristic } from "@mfgsync/canonical";
 * Characteristic.parse({ id: "0010", description: "Bore diameter", kind: "Quantitative", required: true,
 *   target: "12.00", lowerLimit: "11.98", upperLimit: "12.02", unit: "MMT" });
 * ```
 */
export const Characteristic = z.strictObject({
  /** Characteristic number or id within the inspection (SAP `InspectionCharacteristic` "0010"). */
  id: z.string().min(1).max(40),
  /** Master inspection characteristic it instantiates, if any. */
  master: Identifier.optional(),
  /** Short text. B2MML: `Description`. */
  description: z.string().max(1000).optional(),
  /** Measured (quantitative) or judged against codes (qualitative). */
  kind: z.enum(["Quantitative", "Qualitative"]),
  /** A result must be recorded before a decision (SAP "required" characteristic). */
  required: z.boolean(),
  /** Target value. */
  target: SignedDecimalString.optional(),
  /** Lower specification limit, inclusive. */
  lowerLimit: SignedDecimalString.optional(),
  /** Upper specification limit, inclusive. */
  upperLimit: SignedDecimalString.optional(),
  /** Unit of target and limits (Rec 20). */
  unit: UnitCode.optional(),
  /** Number of units to sample for this characteristic. B2MML: `SampleSize`. */
  sampleSize: Quantity.optional(),
  /** Sampling procedure applied (SAP sampling procedure, AQL plan). */
  samplingProcedure: z.string().min(1).max(64).optional(),
  /** Code catalog (code group) that qualitative results are chosen from. */
  codeGroup: z.string().min(1).max(64).optional(),
});
/** A {@link Characteristic} value. @example `import type { Characteristic } from "@mfgsync/canonical";` */
export type Characteristic = z.infer<typeof Characteristic>;

/**
 * A recorded result for one characteristic. B2MML: `TestResult` with
 * `PropertyMeasurement` and `EvaluatedCriterionResult`.
 *
 * @example
 * ```ts
 * import { CharacteristicResult } from "@mfgsync/canonical";
 * CharacteristicResult.parse({ characteristic: "0010", measured: { value: "12.01", unit: "MMT" }, evaluation: { value: "Pass" } });
 * ```
 */
export const CharacteristicResult = z.strictObject({
  /** The {@link Characteristic} `id` the result belongs to. */
  characteristic: z.string().min(1).max(40),
  /** Number of the sample or single unit, when results are per unit. */
  sample: z.string().min(1).max(40).optional(),
  /** Measured value with unit (quantitative characteristics). B2MML: `PropertyMeasurement/Value`. */
  measured: Measure.optional(),
  /** Chosen code (qualitative characteristics), e.g. SAP code group + code. */
  attributeCode: z.strictObject({ code: z.string().min(1).max(40), codeGroup: z.string().min(1).max(40).optional() }).optional(),
  /** Pass/fail. B2MML: `EvaluatedCriterionResult`. */
  evaluation: codedValue(ResultEvaluation),
  /** Number of nonconforming units found. */
  defectiveCount: z.int().min(0).optional(),
  /** When the result was recorded. B2MML: `EvaluationDate`. */
  recordedAt: Timestamp.optional(),
  /** Who recorded it. */
  recordedBy: z.string().min(1).max(128).optional(),
  /** Free-text remark. */
  remark: z.string().max(4000).optional(),
});
/** A {@link CharacteristicResult} value. @example `import type { CharacteristicResult } from "@mfgsync/canonical";` */
export type CharacteristicResult = z.infer<typeof CharacteristicResult>;

/**
 * The overall decision on an inspection and the disposition it results in
 * (SAP usage decision, Oracle inspection result, D365 quality order
 * validation).
 *
 * @example
 * ```ts
 * import { InspectionDecision } from "@mfgsync/canonical";
 * InspectionDecision.parse({
 *   outcome: { value: "Accepted", originalCode: "A" }, resultingDisposition: "UnRestricted", decidedAt: "2026-03-02T14:00:00Z",
 *   quantities: { accepted: { value: "90", unit: "H87" }, rejected: { value: "8", unit: "H87" }, sampleDestroyed: { value: "2", unit: "H87" } },
 *   holdsReleased: [{ cause: { value: "InspectionDecision" } }],
 * });
 * ```
 */
export const InspectionDecision = z.strictObject({
  /** Accept, reject or conditional acceptance; the vendor's decision code as `originalCode`. */
  outcome: codedValue(InspectionOutcome),
  /** Disposition the lot takes after the decision (from SAP's valuation and stock posting). B2MML: `Disposition`. */
  resultingDisposition: Disposition.optional(),
  /** Quality status the lot takes after the decision. Since 1.1. */
  resultingQualityStatus: QualityStatus.optional(),
  /** How the decision splits the inspected quantity (accepted, rejected, scrapped, destroyed samples, returned, rework). Since 1.1. */
  quantities: QuantitySplit.optional(),
  /** Holds the decision places on the inspected lot. Since 1.1. */
  holdsPlaced: z.array(LotHold).max(100).optional(),
  /** Holds on the inspected lot the decision releases (released by this decision, so they need no inspection reference). Since 1.1. */
  holdsReleased: z.array(HoldRelease).max(100).optional(),
  /** Who decided. */
  decidedBy: z.string().min(1).max(128).optional(),
  /** When the decision was made. */
  decidedAt: Timestamp.optional(),
  /** Free-text remark. */
  remark: z.string().max(4000).optional(),
});
/** An {@link InspectionDecision} value. @example `import type { InspectionDecision } from "@mfgsync/canonical";` */
export type InspectionDecision = z.infer<typeof InspectionDecision>;

/**
 * An inspection (SAP inspection lot, Oracle inspection event, D365 quality
 * order): what was inspected, against which characteristics, the results
 * and the decision. ISA-95 / B2MML: `TestSpecification` + `TestResult`.
 *
 * @example
 * ```ts
 * import { parseInspection } from "@mfgsync/canonical";
 * parseInspection({
 *   schemaVersion: "1.1", kind: "inspection",
 *   id: { value: "890000000123", scheme: "sap-s4hana" },
 *   subject: { lot: { value: "0000012345", scheme: "sap-s4hana" } },
 *   origin: { value: "Final", originalCode: "04" },
 *   characteristics: [], results: [],
 * });
 * ```
 */
export const Inspection = z.strictObject({
  ...headerFields("inspection"),
  /** What is inspected. B2MML: `TestableObjectID`. */
  subject: InspectionSubject,
  /** Receiving, in-process or final; the vendor's origin code as `originalCode` (SAP "01", "04"). */
  origin: codedValue(InspectionOrigin),
  /** Processing status. */
  status: codedValue(InspectionStatus).optional(),
  /** Inspection plan or specification used. B2MML: `TestSpecificationID`. */
  specification: Identifier.optional(),
  /** Quantity of the lot under inspection. */
  inspectedQuantity: Quantity.optional(),
  /** Total sample size drawn. B2MML: `SampleSize`. */
  sampleSize: Quantity.optional(),
  /** Characteristics to inspect. */
  characteristics: z.array(Characteristic).max(10000),
  /** Recorded results. */
  results: z.array(CharacteristicResult).max(100000),
  /** The overall decision, once made. */
  decision: InspectionDecision.optional(),
  /** When the inspection was created. */
  createdAt: Timestamp.optional(),
  ...extensionsField,
}).meta({ id: "Inspection", title: "Inspection", description: "An inspection with characteristics, results and decision (ISA-95 TestSpecification/TestResult)." });
/** An {@link Inspection} value. @example `import type { Inspection } from "@mfgsync/canonical";` */
export type Inspection = z.infer<typeof Inspection>;
