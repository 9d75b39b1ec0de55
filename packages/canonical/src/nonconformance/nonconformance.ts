import * as z from "zod";
import { codedValue } from "../primitives/coded-value.js";
import { extensionsField, headerFields } from "../primitives/header.js";
import { Identifier, MaterialRef, PlantCode, Reference } from "../primitives/identifier.js";
import { Quantity } from "../primitives/quantity.js";
import { Timestamp } from "../primitives/time.js";
import { OperationSequence } from "../production-order/production-order.js";
import {
  ComplaintParty, NonconformanceApproval, NonconformanceDisposition, NonconformanceSource, NonconformanceStatus, NonconformanceType, Severity,
} from "../vocabularies/quality.js";

/**
 * Material, lots or serials affected by a nonconformance. OAGIS:
 * `AffectedItemInstance`.
 *
 * @example
 * ```ts
 * import { AffectedItem } from "@mfgsync/canonical";
 * AffectedItem.parse({ lot: { value: "0000012345", scheme: "sap-s4hana" }, quantity: { value: "12", unit: "H87" } });
 * ```
 */
export const AffectedItem = z.strictObject({
  /** The affected material. */
  material: MaterialRef.optional(),
  /** The affected lot. */
  lot: Reference.optional(),
  /** Affected serial numbers. */
  serialNumbers: z.array(z.string().min(1).max(64)).max(100000).optional(),
  /** Affected (nonconforming) quantity. */
  quantity: Quantity.optional(),
  /** Order in which it was found. */
  order: Reference.optional(),
  /** Operation in which it was found. */
  operation: OperationSequence.optional(),
});
/** An {@link AffectedItem} value. @example `import type { AffectedItem } from "@mfgsync/canonical";` */
export type AffectedItem = z.infer<typeof AffectedItem>;

/**
 * A coded defect (SAP defect code group + code, Oracle/D365 problem codes).
 *
 * @example
 * ```ts
 * import { Defect } from "@mfgsync/canonical";
 * Defect.parse({ code: "SCR", codeGroup: "SURFACE", description: "Scratch on sealing face" });
 * ```
 */
export const Defect = z.strictObject({
  /** Defect code. */
  code: z.string().min(1).max(40),
  /** Code group or catalog the code belongs to. */
  codeGroup: z.string().min(1).max(40).optional(),
  /** Description. */
  description: z.string().max(4000).optional(),
  /** Number of defects or defective quantity. */
  quantity: Quantity.optional(),
  /** Where on the part the defect is (defect location code or text). */
  location: z.string().min(1).max(255).optional(),
});
/** A {@link Defect} value. @example `import type { Defect } from "@mfgsync/canonical";` */
export type Defect = z.infer<typeof Defect>;

/**
 * An immediate containment action. OAGIS: `ItemNonconformanceAction`.
 *
 * @example
 * ```ts
 * import { ContainmentAction } from "@mfgsync/canonical";
 * ContainmentAction.parse({ description: "Block lot 12345", status: "Done", completedAt: "2026-03-02T10:00:00Z" });
 * ```
 */
export const ContainmentAction = z.strictObject({
  /** What to do. */
  description: z.string().min(1).max(4000),
  /** Who is responsible. */
  owner: z.string().min(1).max(128).optional(),
  /** Progress. */
  status: z.enum(["Planned", "InProgress", "Done", "Cancelled"]).optional(),
  /** Due by. */
  dueAt: Timestamp.optional(),
  /** Done at. */
  completedAt: Timestamp.optional(),
});
/** A {@link ContainmentAction} value. @example `import type { ContainmentAction } from "@mfgsync/canonical";` */
export type ContainmentAction = z.infer<typeof ContainmentAction>;

/**
 * A lot the nonconformance put on hold (containment). Since 1.1.
 *
 * @example
 * ```ts
 * import { HeldLot } from "@mfgsync/canonical";
 * HeldLot.parse({ lot: { value: "0000012345", scheme: "sap-s4hana" }, quantity: { value: "3", unit: "H87" }, heldAt: "2026-03-03T15:30:00+01:00" });
 * ```
 */
export const HeldLot = z.strictObject({
  /** The held lot. */
  lot: Reference,
  /** The hold's id (its `LotHold.id`), where the system has one. */
  hold: Identifier.optional(),
  /** The held part of the lot, when not the whole lot. */
  quantity: Quantity.optional(),
  /** When the lot was put on hold. */
  heldAt: Timestamp.optional(),
}).meta({ id: "HeldLot", description: "A lot a nonconformance put on hold." });
/** A {@link HeldLot} value. @example `import type { HeldLot } from "@mfgsync/canonical";` */
export type HeldLot = z.infer<typeof HeldLot>;

/**
 * A production order the nonconformance stopped (containment). Since 1.1.
 *
 * @example
 * ```ts
 * import { StoppedOrder } from "@mfgsync/canonical";
 * StoppedOrder.parse({ order: { value: "1000124", scheme: "sap-s4hana" }, stoppedAt: "2026-03-03T15:20:00+01:00" });
 * ```
 */
export const StoppedOrder = z.strictObject({
  /** The stopped order. */
  order: Reference,
  /** The stopped operation, when only one operation was stopped. */
  operation: OperationSequence.optional(),
  /** When the order was stopped. */
  stoppedAt: Timestamp.optional(),
  /** When it was allowed to resume, once it was. */
  resumedAt: Timestamp.optional(),
}).meta({ id: "StoppedOrder", description: "A production order a nonconformance stopped." });
/** A {@link StoppedOrder} value. @example `import type { StoppedOrder } from "@mfgsync/canonical";` */
export type StoppedOrder = z.infer<typeof StoppedOrder>;

/**
 * The approval of a nonconformance (D365 approval New / Approved / Refused).
 * Since 1.1.
 *
 * @example
 * ```ts
 * import { NonconformanceApprovalState } from "@mfgsync/canonical";
 * NonconformanceApprovalState.parse({ state: { value: "Approved", originalCode: "Approved", originalList: "d365:InventNonConformanceApproval" } });
 * ```
 */
export const NonconformanceApprovalState = z.strictObject({
  /** The approval state; the vendor's value as `originalCode`. */
  state: codedValue(NonconformanceApproval),
  /** Who approved or refused it. */
  decidedBy: z.string().min(1).max(128).optional(),
  /** When. */
  decidedAt: Timestamp.optional(),
  /** Why (a refusal's reason). */
  comment: z.string().max(4000).optional(),
}).meta({ id: "NonconformanceApprovalState", description: "The approval of a nonconformance." });
/** A {@link NonconformanceApprovalState} value. @example `import type { NonconformanceApprovalState } from "@mfgsync/canonical";` */
export type NonconformanceApprovalState = z.infer<typeof NonconformanceApprovalState>;

/**
 * The customer complaint a nonconformance comes from, or the complaint it
 * raised with a supplier (D365 `CustAccount` / `VendAccount`, Oracle
 * `CustomerId`). Since 1.1.
 *
 * @example
 * ```ts
 * import { ComplaintReference } from "@mfgsync/canonical";
 * ComplaintReference.parse({ party: { value: "Customer" }, complaint: { value: "CC-2026-0088", scheme: "qms" }, partner: { value: "17100001", scheme: "sap-s4hana" } });
 * ```
 */
export const ComplaintReference = z.strictObject({
  /** A customer's complaint to us, or ours to a supplier. */
  party: codedValue(ComplaintParty),
  /** The complaint record. */
  complaint: Reference.optional(),
  /** The customer or supplier (business partner, account). */
  partner: Reference.optional(),
}).meta({ id: "ComplaintReference", description: "The customer or supplier complaint behind a nonconformance." });
/** A {@link ComplaintReference} value. @example `import type { ComplaintReference } from "@mfgsync/canonical";` */
export type ComplaintReference = z.infer<typeof ComplaintReference>;

/**
 * A nonconformance (deviation, defect, quality notification, quality issue).
 * ISA-95 has no dedicated object: this combines B2MML `OperationsEvent`
 * (type, source, timestamps) with OAGIS `ItemNonconformance` (affected
 * items, root cause, actions).
 *
 * @example
 * ```ts
 * import { parseNonconformance } from "@mfgsync/canonical";
 * parseNonconformance({
 *   schemaVersion: "1.1", kind: "nonconformance",
 *   id: { value: "NC-2026-0042", scheme: "qms" },
 *   type: { value: "Product" }, severity: { value: "Major" }, source: { value: "Internal" }, status: { value: "Open" },
 *   description: "Bore diameter above upper limit", affected: [], defects: [], containmentActions: [],
 *   openedAt: "2026-03-02T09:12:00+01:00",
 * });
 * ```
 */
export const Nonconformance = z.strictObject({
  ...headerFields("nonconformance"),
  /** What the nonconformance is about. B2MML: `OperationsEvent/Category`. */
  type: codedValue(NonconformanceType),
  /** How severe it is. B2MML: `Priority`. */
  severity: codedValue(Severity),
  /** Who found it. B2MML: `Source`. */
  source: codedValue(NonconformanceSource),
  /** Processing status. */
  status: codedValue(NonconformanceStatus),
  /** Short title. */
  title: z.string().max(255).optional(),
  /** What is wrong. B2MML: `Description`. */
  description: z.string().min(1).max(10000),
  /** Plant where it was found. B2MML: `HierarchyScope`. */
  plant: PlantCode.optional(),
  /** Affected materials, lots and serials. */
  affected: z.array(AffectedItem).max(10000),
  /** Coded defects. */
  defects: z.array(Defect).max(10000),
  /** Immediate containment actions. */
  containmentActions: z.array(ContainmentAction).max(1000),
  /** Disposition of the nonconforming material, once decided. */
  disposition: codedValue(NonconformanceDisposition).optional(),
  /** Root cause, once analysed. */
  rootCause: z.strictObject({
    /** Root cause code, if coded (5-why / Ishikawa category). */
    code: z.string().min(1).max(40).optional(),
    /** Explanation. */
    description: z.string().min(1).max(10000),
  }).optional(),
  /** Corrective and preventive actions (CAPA records) opened for it. */
  capaReferences: z.array(Reference).max(100).optional(),
  /** The customer complaint it comes from, or the supplier complaint it raised. Since 1.1. */
  complaint: ComplaintReference.optional(),
  /** Approval of the nonconformance (approved, refused). Since 1.1. */
  approval: NonconformanceApprovalState.optional(),
  /** Lots it put on hold (containment). Since 1.1. */
  heldLots: z.array(HeldLot).max(10000).optional(),
  /** Production orders it stopped (containment). Since 1.1. */
  stoppedOrders: z.array(StoppedOrder).max(1000).optional(),
  /** Inspection in which it was found, if any. */
  inspection: Reference.optional(),
  /** Who reported it. */
  reportedBy: z.string().min(1).max(128).optional(),
  /** When it was opened. B2MML: `EffectiveTimeStamp`. */
  openedAt: Timestamp,
  /** When it should be closed. */
  dueAt: Timestamp.optional(),
  /** When it was closed. */
  closedAt: Timestamp.optional(),
  ...extensionsField,
}).meta({ id: "Nonconformance", title: "Nonconformance", description: "A nonconformance (B2MML OperationsEvent + OAGIS ItemNonconformance)." });
/** A {@link Nonconformance} value. @example `import type { Nonconformance } from "@mfgsync/canonical";` */
export type Nonconformance = z.infer<typeof Nonconformance>;
