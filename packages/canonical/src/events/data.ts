import * as z from "zod";
import { codedValue } from "../primitives/coded-value.js";
import { Identifier, MaterialRef, PlantCode, Reference } from "../primitives/identifier.js";
import { Quantity } from "../primitives/quantity.js";
import { Timestamp } from "../primitives/time.js";
import { Disposition, MaterialUse } from "../vocabularies/b2mml.js";
import { CharacteristicResult, Inspection, InspectionDecision, InspectionSubject } from "../inspection/inspection.js";
import { HoldRelease, LotHold } from "../lot/holds.js";
import { Lot } from "../lot/lot.js";
import { QualityStatus } from "../vocabularies/lot-quality.js";
import { Nonconformance } from "../nonconformance/nonconformance.js";
import { OperationSequence, ProductionOrder } from "../production-order/production-order.js";

// Payloads (`data`) of the canonical events. Each is small and self-describing;
// events that announce a new or changed object carry the whole object so that
// consumers need no call back to the source (CloudEvents "event-carried state").

/** Data of `productionorder.released` and `productionorder.changed`: the order as it now is. @example `import { OrderEventData } from "@mfgsync/canonical";` */
export const OrderEventData = z.strictObject({
  /** The order after the change. */
  order: ProductionOrder,
  /** Canonical field paths (JSON Pointers) that changed, when the source says. */
  changedFields: z.array(z.string().max(255)).max(1000).optional(),
}).meta({ id: "OrderEventData" });

/** Data of `operation.started`, `operation.paused` and `operation.completed`. @example `import { OperationEventData } from "@mfgsync/canonical";` */
export const OperationEventData = z.strictObject({
  /** The order. */
  order: Reference,
  /** The operation's sequence number. */
  operation: OperationSequence,
  /** Work center where it happened. */
  workCenter: z.string().min(1).max(64).optional(),
  /** When it happened on the shop floor. B2MML: `ActualStartTime` / `ActualEndTime`. */
  occurredAt: Timestamp,
  /** Reason code for a pause. */
  reason: z.string().min(1).max(255).optional(),
}).meta({ id: "OperationEventData" });

const SerialNumbers = z.array(z.string().min(1).max(64)).max(100000);

/** Data of `production.confirmed`: yield, scrap and rework reported against an order or operation. @example `import { ProductionConfirmedData } from "@mfgsync/canonical";` */
export const ProductionConfirmedData = z.strictObject({
  /** The order. */
  order: Reference,
  /** The confirmed operation, when confirmed per operation. */
  operation: OperationSequence.optional(),
  /** The confirmation's own id (SAP confirmation number and counter). */
  confirmation: Reference.optional(),
  /** Good quantity. B2MML: `MaterialActual` with use `Produced`. */
  yield: Quantity,
  /** Scrap quantity. */
  scrap: Quantity.optional(),
  /** Rework quantity. */
  rework: Quantity.optional(),
  /** Final confirmation: no more confirmations expected for this operation. */
  final: z.boolean(),
  /** Work center. */
  workCenter: z.string().min(1).max(64).optional(),
  /** Plant. */
  plant: PlantCode.optional(),
  /** When the work was done (posting date/time). */
  occurredAt: Timestamp,
}).meta({ id: "ProductionConfirmedData" });

/** Data of `material.consumed` and `material.produced`: one goods movement, the genealogy fact. B2MML: `MaterialActual`. @example `import { MaterialMovementData } from "@mfgsync/canonical";` */
export const MaterialMovementData = z.strictObject({
  /** The order the material was consumed by or produced for. */
  order: Reference,
  /** The operation, when known. */
  operation: OperationSequence.optional(),
  /** The material moved. */
  material: MaterialRef,
  /** The lot consumed or produced. */
  lot: Reference.optional(),
  /** The serial numbers moved, for serialised material. Since 1.1. */
  serialNumbers: SerialNumbers.optional(),
  /** The quantity moved. */
  quantity: Quantity,
  /** How the material was used. B2MML: `MaterialUse`. */
  materialUse: MaterialUse,
  /** The goods movement's id in the source (SAP material document, year and item). */
  movement: Identifier.optional(),
  /** Vendor's movement type (SAP 261 issue, 101 receipt), kept for audit. */
  movementType: z.string().min(1).max(16).optional(),
  /** The movement reverses an earlier one (SAP 262, 102). */
  reversal: z.boolean().optional(),
  /** Plant. */
  plant: PlantCode.optional(),
  /** Storage location. */
  storageLocation: z.string().min(1).max(32).optional(),
  /** When the movement happened. */
  occurredAt: Timestamp,
}).meta({ id: "MaterialMovementData" });

/** Data of `lot.created`. @example `import { LotCreatedData } from "@mfgsync/canonical";` */
export const LotCreatedData = z.strictObject({
  /** The new lot. */
  lot: Lot,
}).meta({ id: "LotCreatedData" });

/** Data of `lot.dispositionchanged`: a hold, release or rejection. @example `import { LotDispositionChangedData } from "@mfgsync/canonical";` */
export const LotDispositionChangedData = z.strictObject({
  /** The lot. */
  lot: Reference,
  /** The lot's material. */
  material: MaterialRef.optional(),
  /** Plant, for plant-specific lots. */
  plant: PlantCode.optional(),
  /** What kind of change this is. */
  change: z.enum(["Hold", "Release", "Reject", "Other"]),
  /** Disposition before the change, when known. */
  from: codedValue(Disposition).optional(),
  /** Disposition after the change. */
  to: codedValue(Disposition),
  /** The lot's quality status after the change; the vendor's status as `originalCode`. Since 1.1. */
  qualityStatus: codedValue(QualityStatus).optional(),
  /** Holds the change placed on the lot. Since 1.1. */
  holdsPlaced: z.array(LotHold).max(100).optional(),
  /** Holds the change released (applied before `holdsPlaced`); one released by an inspection decision names the inspection (here or in `inspection`). Since 1.1. */
  holdsReleased: z.array(HoldRelease).max(100).optional(),
  /** Why. */
  reason: z.string().min(1).max(1000).optional(),
  /** The inspection whose decision caused the change, if any. */
  inspection: Reference.optional(),
  /** The nonconformance that caused a hold, if any. */
  nonconformance: Reference.optional(),
  /** When the change took effect. */
  occurredAt: Timestamp,
}).meta({ id: "LotDispositionChangedData" });

/** Data of `lot.shipped` (since 1.1): a lot, or part of it, left the plant on a delivery. @example `import { LotShippedData } from "@mfgsync/canonical";` */
export const LotShippedData = z.strictObject({
  /** The shipped lot. */
  lot: Reference,
  /** The lot's material. */
  material: MaterialRef.optional(),
  /** The quantity shipped. */
  quantity: Quantity,
  /** The serial numbers shipped, for serialised material. */
  serialNumbers: SerialNumbers.optional(),
  /** The delivery or shipment document (SAP outbound delivery, Oracle shipment, D365 packing slip). */
  shipment: Reference.optional(),
  /** The customer (or receiving plant) shipped to. */
  shipTo: Reference.optional(),
  /** Plant shipped from. */
  plant: PlantCode.optional(),
  /** Storage location shipped from. */
  storageLocation: z.string().min(1).max(32).optional(),
  /** The shipment reverses an earlier one (a cancelled goods issue). */
  reversal: z.boolean().optional(),
  /** When the goods issue was posted. */
  occurredAt: Timestamp,
}).meta({ id: "LotShippedData" });

/** Data of `inspection.requested`. @example `import { InspectionRequestedData } from "@mfgsync/canonical";` */
export const InspectionRequestedData = z.strictObject({
  /** The inspection to perform. */
  inspection: Inspection,
}).meta({ id: "InspectionRequestedData" });

/** Data of `inspection.resultrecorded`. @example `import { InspectionResultRecordedData } from "@mfgsync/canonical";` */
export const InspectionResultRecordedData = z.strictObject({
  /** The inspection. */
  inspection: Reference,
  /** What is inspected. */
  subject: InspectionSubject.optional(),
  /** The results recorded in this event. */
  results: z.array(CharacteristicResult).min(1).max(10000),
}).meta({ id: "InspectionResultRecordedData" });

/** Data of `inspection.decisionmade`. @example `import { InspectionDecisionMadeData } from "@mfgsync/canonical";` */
export const InspectionDecisionMadeData = z.strictObject({
  /** The inspection. */
  inspection: Reference,
  /** What was inspected. */
  subject: InspectionSubject,
  /** The inspected quantity the decision's quantity split adds up to. Since 1.1. */
  inspectedQuantity: Quantity.optional(),
  /** The decision. */
  decision: InspectionDecision,
}).meta({ id: "InspectionDecisionMadeData" });

/** Data of `nonconformance.raised`, `.updated` and `.closed`: the nonconformance as it now is. @example `import { NonconformanceEventData } from "@mfgsync/canonical";` */
export const NonconformanceEventData = z.strictObject({
  /** The nonconformance after the change. */
  nonconformance: Nonconformance,
}).meta({ id: "NonconformanceEventData" });
