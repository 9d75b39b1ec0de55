import * as z from "zod";

// Value lists adopted verbatim from B2MML V0701 `B2MML-Common.xsd` (MESA International).
// The Business To Manufacturing Markup Language (B2MML) is used courtesy of MESA International.

/**
 * B2MML V0701 `RequestState`: the state of an operations request (ISA-95
 * OperationsRequest, SegmentRequirement). mfgsync uses it for production
 * orders and their operations. V0600 only knew Forecast, Released and Other.
 *
 * @example
 * ```ts
 * import { RequestState } from "@mfgsync/canonical";
 * RequestState.parse("Released");
 * ```
 */
export const RequestState = z.enum(["Forecast", "Released", "Waiting", "Cancelled", "Ready", "Running", "Completed", "Aborted", "Held", "Suspended", "Closed", "Other"]);
/** A {@link RequestState} value. @example `const s: RequestState = "Held";` */
export type RequestState = z.infer<typeof RequestState>;

/**
 * B2MML V0701 `MaterialLot/Disposition`: whether a lot may be used.
 * `Restricted` is not for normal use (for example awaiting a quality decision
 * or on quality hold); `Closed` is consumed, sold or disposed and final.
 *
 * @example
 * ```ts
 * import { Disposition } from "@mfgsync/canonical";
 * Disposition.options; // ["Planned", "In-Process", "Restricted", "UnRestricted", "Closed", "Other"]
 * ```
 */
export const Disposition = z.enum(["Planned", "In-Process", "Restricted", "UnRestricted", "Closed", "Other"]);
/** A {@link Disposition} value. @example `const d: Disposition = "Restricted";` */
export type Disposition = z.infer<typeof Disposition>;

/**
 * B2MML V0701 `MaterialUse`: how a material takes part in a segment (a
 * production order component is usually `Consumed`, the header material
 * `Produced`).
 *
 * @example
 * ```ts
 * import { MaterialUse } from "@mfgsync/canonical";
 * MaterialUse.parse("Co-product Produced");
 * ```
 */
export const MaterialUse = z.enum([
  "Consumable", "Consumed", "Produced", "By-product Produced", "Co-product Produced", "Yield Produced",
  "Material Consumed", "Material Produced", "Destructive Sample", "Returned Sample", "Retained Sample", "Inventoried", "Other",
]);
/** A {@link MaterialUse} value. @example `const u: MaterialUse = "Consumed";` */
export type MaterialUse = z.infer<typeof MaterialUse>;

/**
 * B2MML V0701 `OperationsType`: the kind of operations an order belongs to.
 *
 * @example
 * ```ts
 * import { OperationsType } from "@mfgsync/canonical";
 * OperationsType.parse("Production");
 * ```
 */
export const OperationsType = z.enum(["Production", "Maintenance", "Quality", "Inventory", "Mixed", "Other"]);
/** An {@link OperationsType} value. @example `const t: OperationsType = "Production";` */
export type OperationsType = z.infer<typeof OperationsType>;

/**
 * B2MML V0701 `AssemblyRelationship`: whether a genealogy link is permanent
 * (the child lot physically contains the parent) or transient.
 *
 * @example
 * ```ts
 * import { AssemblyRelationship } from "@mfgsync/canonical";
 * AssemblyRelationship.parse("Permanent");
 * ```
 */
export const AssemblyRelationship = z.enum(["Permanent", "Transient", "Other"]);
/** An {@link AssemblyRelationship} value. @example `const r: AssemblyRelationship = "Permanent";` */
export type AssemblyRelationship = z.infer<typeof AssemblyRelationship>;
