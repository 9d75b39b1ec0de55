import * as z from "zod";

// Lot quality status and holds (since 1.1). B2MML's Disposition says whether a
// lot may be used; it cannot tell a lot awaiting inspection from a quarantined
// or a rejected one, and says nothing about who holds it and what the hold
// blocks. SAP (restricted batches, stock types), Oracle (material statuses with
// per-transaction flags) and D365 (batch disposition codes, inventory status)
// all keep these facts; every list ends in Other so that a vendor's own value
// is kept as originalCode.

/**
 * A lot's quality status, kept beside its B2MML disposition: awaiting
 * inspection, accepted, rejected, on hold or quarantined.
 *
 * @example
 * ```ts
 * import { QualityStatus } from "@mfgsync/canonical";
 * QualityStatus.parse("Quarantined");
 * ```
 */
export const QualityStatus = z.enum(["AwaitingInspection", "Accepted", "Rejected", "OnHold", "Quarantined", "Other"]);
/** A {@link QualityStatus} value. @example `const s: QualityStatus = "OnHold";` */
export type QualityStatus = z.infer<typeof QualityStatus>;

/**
 * Why a lot is held.
 *
 * @example
 * ```ts
 * import { HoldReason } from "@mfgsync/canonical";
 * HoldReason.parse("SuspectedNonconformance");
 * ```
 */
export const HoldReason = z.enum([
  "AwaitingInspection", "FailedInspection", "SuspectedNonconformance", "Contamination", "Expiry", "Investigation", "Regulatory", "Other",
]);
/** A {@link HoldReason} value. @example `const r: HoldReason = "Investigation";` */
export type HoldReason = z.infer<typeof HoldReason>;

/**
 * What placed a hold: a nonconformance, an inspection, a person, the
 * supplier or a customer complaint.
 *
 * @example
 * ```ts
 * import { HoldSource } from "@mfgsync/canonical";
 * HoldSource.parse("CustomerComplaint");
 * ```
 */
export const HoldSource = z.enum(["Nonconformance", "Inspection", "Manual", "Supplier", "CustomerComplaint", "Other"]);
/** A {@link HoldSource} value. @example `const s: HoldSource = "Inspection";` */
export type HoldSource = z.infer<typeof HoldSource>;

/**
 * What a hold blocks. `All` blocks every use; `Other` is a vendor-specific
 * block (D365 batch disposition codes can block reservation or master
 * planning only) that the validators do not judge.
 *
 * @example
 * ```ts
 * import { HoldBlock } from "@mfgsync/canonical";
 * HoldBlock.options; // ["Consumption", "Shipment", "Transfer", "ProductionCompletion", "All", "Other"]
 * ```
 */
export const HoldBlock = z.enum(["Consumption", "Shipment", "Transfer", "ProductionCompletion", "All", "Other"]);
/** A {@link HoldBlock} value. @example `const b: HoldBlock = "Shipment";` */
export type HoldBlock = z.infer<typeof HoldBlock>;

/**
 * What released a hold.
 *
 * @example
 * ```ts
 * import { HoldReleaseCause } from "@mfgsync/canonical";
 * HoldReleaseCause.parse("InspectionDecision");
 * ```
 */
export const HoldReleaseCause = z.enum(["InspectionDecision", "NonconformanceClosed", "Manual", "Expiry", "Other"]);
/** A {@link HoldReleaseCause} value. @example `const c: HoldReleaseCause = "Manual";` */
export type HoldReleaseCause = z.infer<typeof HoldReleaseCause>;
