import * as z from "zod";

// ISA-95 has no nonconformance object and only free-text test evaluations. These
// lists follow OAGIS ItemNonconformance and common QMS vocabularies; each is
// used inside a coded value, so a vendor's own code is always kept beside it.

/**
 * Where an inspection comes from in the flow of material.
 *
 * @example
 * ```ts
 * import { InspectionOrigin } from "@mfgsync/canonical";
 * InspectionOrigin.parse("Receiving");
 * ```
 */
export const InspectionOrigin = z.enum(["Receiving", "InProcess", "Final", "Other"]);
/** An {@link InspectionOrigin} value. @example `const o: InspectionOrigin = "Final";` */
export type InspectionOrigin = z.infer<typeof InspectionOrigin>;

/**
 * Pass/fail evaluation of one characteristic result (ISA-95 TestResult
 * `EvaluatedCriterionResult`, free text in B2MML).
 *
 * @example
 * ```ts
 * import { ResultEvaluation } from "@mfgsync/canonical";
 * ResultEvaluation.parse("Pass");
 * ```
 */
export const ResultEvaluation = z.enum(["Pass", "Fail", "Other"]);
/** A {@link ResultEvaluation} value. @example `const e: ResultEvaluation = "Fail";` */
export type ResultEvaluation = z.infer<typeof ResultEvaluation>;

/**
 * Overall inspection decision (SAP usage decision valuation, Oracle
 * inspection result, D365 quality order status).
 *
 * @example
 * ```ts
 * import { InspectionOutcome } from "@mfgsync/canonical";
 * InspectionOutcome.parse("Accepted");
 * ```
 */
export const InspectionOutcome = z.enum(["Accepted", "Rejected", "ConditionallyAccepted", "Other"]);
/** An {@link InspectionOutcome} value. @example `const o: InspectionOutcome = "Rejected";` */
export type InspectionOutcome = z.infer<typeof InspectionOutcome>;

/**
 * Processing status of an inspection.
 *
 * @example
 * ```ts
 * import { InspectionStatus } from "@mfgsync/canonical";
 * InspectionStatus.parse("Decided");
 * ```
 */
export const InspectionStatus = z.enum(["Created", "Released", "InProgress", "ResultsRecorded", "Decided", "Cancelled", "Other"]);
/** An {@link InspectionStatus} value. @example `const s: InspectionStatus = "Released";` */
export type InspectionStatus = z.infer<typeof InspectionStatus>;

/**
 * What a nonconformance is about.
 *
 * @example
 * ```ts
 * import { NonconformanceType } from "@mfgsync/canonical";
 * NonconformanceType.parse("Product");
 * ```
 */
export const NonconformanceType = z.enum(["Product", "Process", "Material", "Equipment", "Documentation", "Other"]);
/** A {@link NonconformanceType} value. @example `const t: NonconformanceType = "Process";` */
export type NonconformanceType = z.infer<typeof NonconformanceType>;

/**
 * Severity of a nonconformance. Critical and major ones require affected
 * lots to be put on hold (see the validators' `nonconformance/*` rules).
 *
 * @example
 * ```ts
 * import { Severity } from "@mfgsync/canonical";
 * Severity.parse("Major");
 * ```
 */
export const Severity = z.enum(["Critical", "Major", "Minor", "Observation", "Other"]);
/** A {@link Severity} value. @example `const s: Severity = "Critical";` */
export type Severity = z.infer<typeof Severity>;

/**
 * Who or what found the nonconformance.
 *
 * @example
 * ```ts
 * import { NonconformanceSource } from "@mfgsync/canonical";
 * NonconformanceSource.parse("Supplier");
 * ```
 */
export const NonconformanceSource = z.enum(["Internal", "Supplier", "Customer", "Audit", "Other"]);
/** A {@link NonconformanceSource} value. @example `const s: NonconformanceSource = "Customer";` */
export type NonconformanceSource = z.infer<typeof NonconformanceSource>;

/**
 * Processing status of a nonconformance.
 *
 * @example
 * ```ts
 * import { NonconformanceStatus } from "@mfgsync/canonical";
 * NonconformanceStatus.parse("Open");
 * ```
 */
export const NonconformanceStatus = z.enum(["Open", "UnderInvestigation", "Contained", "Closed", "Cancelled", "Other"]);
/** A {@link NonconformanceStatus} value. @example `const s: NonconformanceStatus = "Closed";` */
export type NonconformanceStatus = z.infer<typeof NonconformanceStatus>;

/**
 * Material review board disposition of nonconforming material.
 *
 * @example
 * ```ts
 * import { NonconformanceDisposition } from "@mfgsync/canonical";
 * NonconformanceDisposition.parse("ReturnToVendor");
 * ```
 */
export const NonconformanceDisposition = z.enum(["UseAsIs", "Rework", "Repair", "Scrap", "ReturnToVendor", "Other"]);
/** A {@link NonconformanceDisposition} value. @example `const d: NonconformanceDisposition = "Scrap";` */
export type NonconformanceDisposition = z.infer<typeof NonconformanceDisposition>;

/**
 * Kind of material as planned in ERP.
 *
 * @example
 * ```ts
 * import { MaterialType } from "@mfgsync/canonical";
 * MaterialType.parse("FinishedGood");
 * ```
 */
export const MaterialType = z.enum(["RawMaterial", "SemiFinished", "FinishedGood", "Packaging", "Consumable", "SparePart", "Service", "Other"]);
/** A {@link MaterialType} value. @example `const t: MaterialType = "RawMaterial";` */
export type MaterialType = z.infer<typeof MaterialType>;

/**
 * Approval and lifecycle status of a material or revision.
 *
 * @example
 * ```ts
 * import { LifecycleStatus } from "@mfgsync/canonical";
 * LifecycleStatus.parse("Approved");
 * ```
 */
export const LifecycleStatus = z.enum(["Draft", "InReview", "Approved", "Blocked", "Obsolete", "Other"]);
/** A {@link LifecycleStatus} value. @example `const s: LifecycleStatus = "Approved";` */
export type LifecycleStatus = z.infer<typeof LifecycleStatus>;

/**
 * Approval state of a nonconformance (D365 `InventNonConformanceApproval`:
 * New, Approved, Refused); `Pending` is a new, not yet approved one. Since 1.1.
 *
 * @example
 * ```ts
 * import { NonconformanceApproval } from "@mfgsync/canonical";
 * NonconformanceApproval.parse("Refused");
 * ```
 */
export const NonconformanceApproval = z.enum(["Pending", "Approved", "Refused", "Other"]);
/** A {@link NonconformanceApproval} value. @example `const a: NonconformanceApproval = "Approved";` */
export type NonconformanceApproval = z.infer<typeof NonconformanceApproval>;

/**
 * Who a complaint comes from or goes to: a customer's complaint to us, or
 * ours to a supplier. Since 1.1.
 *
 * @example
 * ```ts
 * import { ComplaintParty } from "@mfgsync/canonical";
 * ComplaintParty.parse("Supplier");
 * ```
 */
export const ComplaintParty = z.enum(["Customer", "Supplier", "Other"]);
/** A {@link ComplaintParty} value. @example `const p: ComplaintParty = "Customer";` */
export type ComplaintParty = z.infer<typeof ComplaintParty>;
