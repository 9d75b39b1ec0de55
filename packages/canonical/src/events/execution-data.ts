import * as z from "zod";
import { VendorCode, codedValue } from "../primitives/coded-value.js";
import { Identifier, MaterialRef, PlantCode, Reference } from "../primitives/identifier.js";
import { Quantity } from "../primitives/quantity.js";
import { Timestamp } from "../primitives/time.js";
import { OperationSequence } from "../production-order/production-order.js";
import { RequestState } from "../vocabularies/b2mml.js";

// Payloads of the execution events added in 1.1: what an MES reports back
// about an order released to it, and shop-floor facts between release and
// close (B2MML OperationsResponse and JobOrder commands; SAP DM and S/4
// confirmations).

/**
 * Data of `productionorder.acknowledged` and `productionorder.rejected`
 * (since 1.1): the receiving system (an MES) accepted or refused an order
 * released to it. The envelope's `causationid` names the release event.
 *
 * @example
 * ```ts
 * import { OrderAcknowledgementData } from "@mfgsync/canonical";
 * OrderAcknowledgementData.parse({
 *   order: { value: "1000124", scheme: "sap-s4hana" }, receiver: "urn:mfgsync:mes:plant-1010",
 *   reason: { code: "UNKNOWN-WORK-CENTER", text: "work center PACK-03 is not set up in the MES" },
 *   problems: [{ path: "/operations/2/workCenter", message: "PACK-03 is unknown" }], occurredAt: "2026-03-03T14:10:00+01:00",
 * });
 * ```
 */
export const OrderAcknowledgementData = z.strictObject({
  /** The released order. */
  order: Reference,
  /** The order's id in the receiving system, when it assigned one. */
  receiverOrder: Reference.optional(),
  /** The system that acknowledged or rejected it (its CloudEvents `source`). */
  receiver: z.string().min(1).max(2048).optional(),
  /** Why it was rejected (or accepted with remarks), as the receiver codes it. */
  reason: VendorCode.optional(),
  /** What the receiver found wrong, field by field (JSON Pointers into the released order). */
  problems: z.array(z.strictObject({
    /** JSON Pointer into the released order, when the problem has a place. */
    path: z.string().max(1024).optional(),
    /** What is wrong. */
    message: z.string().min(1).max(4000),
  })).max(1000).optional(),
  /** When the receiver answered. */
  occurredAt: Timestamp,
}).meta({ id: "OrderAcknowledgementData" });
/** An {@link OrderAcknowledgementData} value. @example `import type { OrderAcknowledgementData } from "@mfgsync/canonical";` */
export type OrderAcknowledgementData = z.infer<typeof OrderAcknowledgementData>;

/**
 * Data of `productionorder.held`, `.resumed`, `.completed` and `.closed`
 * (since 1.1): the order changed state on the shop floor or in ERP, without
 * carrying the whole order (use `productionorder.changed` for that).
 *
 * @example
 * ```ts
 * import { OrderStateChangedData } from "@mfgsync/canonical";
 * OrderStateChangedData.parse({
 *   order: { value: "1000124", scheme: "sap-s4hana" }, state: { value: "Held" },
 *   reason: { code: "QN", text: "Quality notification 200000317" }, nonconformance: { value: "200000317", scheme: "sap-s4hana" },
 *   changedBy: "KSCHMIDT", occurredAt: "2026-03-03T15:20:00+01:00",
 * });
 * ```
 */
export const OrderStateChangedData = z.strictObject({
  /** The order. */
  order: Reference,
  /** The order's state after the change; the vendor's status as `originalCode`. B2MML: `RequestState`. */
  state: codedValue(RequestState).optional(),
  /** Why, as the source codes it (hold reason, completion type). */
  reason: VendorCode.optional(),
  /** The nonconformance that held the order, or that its resumption waited for. */
  nonconformance: Reference.optional(),
  /** Good quantity confirmed when the order completed. */
  confirmedYield: Quantity.optional(),
  /** Who changed the state. */
  changedBy: z.string().min(1).max(128).optional(),
  /** When the change took effect. */
  occurredAt: Timestamp,
}).meta({ id: "OrderStateChangedData" });
/** An {@link OrderStateChangedData} value. @example `import type { OrderStateChangedData } from "@mfgsync/canonical";` */
export type OrderStateChangedData = z.infer<typeof OrderStateChangedData>;

/**
 * Data of `scrap.declared` (since 1.1): a quantity was scrapped at an
 * operation, with the reason code (SAP scrap reason, D365 error cause, Oracle
 * scrap reason).
 *
 * @example
 * ```ts
 * import { ScrapDeclaredData } from "@mfgsync/canonical";
 * ScrapDeclaredData.parse({
 *   order: { value: "1000123", scheme: "sap-s4hana" }, operation: "0010", quantity: { value: "1", unit: "H87" },
 *   reason: { code: "SC04", list: "sap:ScrapReason", text: "Bore oversize" }, occurredAt: "2026-03-02T11:20:00+01:00",
 * });
 * ```
 */
export const ScrapDeclaredData = z.strictObject({
  /** The order. */
  order: Reference,
  /** The operation where the scrap happened. */
  operation: OperationSequence.optional(),
  /** The scrapped material, when it is not the order's (a scrapped component). */
  material: MaterialRef.optional(),
  /** The lot the scrap came from. */
  lot: Reference.optional(),
  /** Scrapped serial numbers, for serialised material. */
  serialNumbers: z.array(z.string().min(1).max(64)).max(100000).optional(),
  /** The scrapped quantity. */
  quantity: Quantity,
  /** The scrap reason code, as the source codes it. */
  reason: VendorCode,
  /** The confirmation the scrap was posted with, if any. */
  confirmation: Reference.optional(),
  /** Work center. */
  workCenter: z.string().min(1).max(64).optional(),
  /** Plant. */
  plant: PlantCode.optional(),
  /** When the scrap was declared. */
  occurredAt: Timestamp,
}).meta({ id: "ScrapDeclaredData" });
/** A {@link ScrapDeclaredData} value. @example `import type { ScrapDeclaredData } from "@mfgsync/canonical";` */
export type ScrapDeclaredData = z.infer<typeof ScrapDeclaredData>;

/**
 * Data of `rework.declared` (since 1.1): a quantity goes to rework, linked to
 * the operation it repeats (SAP rework operations from a reference operation
 * set, D365 rework route operations, Oracle rework operations).
 *
 * @example
 * ```ts
 * import { ReworkDeclaredData } from "@mfgsync/canonical";
 * ReworkDeclaredData.parse({
 *   order: { value: "1000123", scheme: "sap-s4hana" }, operation: "0025", repeats: "0020",
 *   quantity: { value: "2", unit: "H87" }, occurredAt: "2026-03-03T08:50:00+01:00",
 * });
 * ```
 */
export const ReworkDeclaredData = z.strictObject({
  /** The order. */
  order: Reference,
  /** The operation of the order the rework is done in (a rework operation, or the repeated operation itself). */
  operation: OperationSequence,
  /** The operation whose work is repeated. */
  repeats: OperationSequence,
  /** The quantity sent to rework. */
  quantity: Quantity,
  /** Serial numbers sent to rework, for serialised material. */
  serialNumbers: z.array(z.string().min(1).max(64)).max(100000).optional(),
  /** Why, as the source codes it. */
  reason: VendorCode.optional(),
  /** The nonconformance that asked for the rework. */
  nonconformance: Reference.optional(),
  /** Work center. */
  workCenter: z.string().min(1).max(64).optional(),
  /** When the rework was declared. */
  occurredAt: Timestamp,
}).meta({ id: "ReworkDeclaredData" });
/** A {@link ReworkDeclaredData} value. @example `import type { ReworkDeclaredData } from "@mfgsync/canonical";` */
export type ReworkDeclaredData = z.infer<typeof ReworkDeclaredData>;

/**
 * Data of `production.confirmationreversed` (since 1.1): a confirmation was
 * reversed (SAP cancellation of a confirmation, `IsReversal`), with a
 * reference to the confirmation it reverses and the quantities taken back.
 *
 * @example
 * ```ts
 * import { ConfirmationReversedData } from "@mfgsync/canonical";
 * ConfirmationReversedData.parse({
 *   order: { value: "1000123", scheme: "sap-s4hana" }, operation: "0020",
 *   confirmation: { value: "41233/1", scheme: "sap-s4hana" }, reversal: { value: "41233/3", scheme: "sap-s4hana" },
 *   yield: { value: "40", unit: "H87" }, occurredAt: "2026-03-03T09:35:00+01:00",
 * });
 * ```
 */
export const ConfirmationReversedData = z.strictObject({
  /** The order. */
  order: Reference,
  /** The operation of the reversed confirmation. */
  operation: OperationSequence.optional(),
  /** The confirmation that is reversed. */
  confirmation: Reference,
  /** The reversal's own id (SAP cancels with a new confirmation counter). */
  reversal: Identifier.optional(),
  /** Good quantity taken back. */
  yield: Quantity.optional(),
  /** Scrap quantity taken back. */
  scrap: Quantity.optional(),
  /** Rework quantity taken back. */
  rework: Quantity.optional(),
  /** Why, as the source codes it. */
  reason: VendorCode.optional(),
  /** Plant. */
  plant: PlantCode.optional(),
  /** When the reversal was posted. */
  occurredAt: Timestamp,
}).meta({ id: "ConfirmationReversedData" });
/** A {@link ConfirmationReversedData} value. @example `import type { ConfirmationReversedData } from "@mfgsync/canonical";` */
export type ConfirmationReversedData = z.infer<typeof ConfirmationReversedData>;
