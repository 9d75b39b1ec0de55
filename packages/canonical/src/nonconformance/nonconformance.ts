import { z } from "zod";
import { codedValue } from "../primitives/coded-value.js";
import { extensionsField, headerFields } from "../primitives/header.js";
import { Identifier, MaterialRef, PlantCode } from "../primitives/identifier.js";
import { Quantity } from "../primitives/quantity.js";
import { Timestamp } from "../primitives/time.js";
import { OperationSequence } from "../production-order/production-order.js";
import { NonconformanceDisposition, NonconformanceSource, NonconformanceStatus, NonconformanceType, Severity } from "../vocabularies/quality.js";

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
  lot: Identifier.optional(),
  /** Affected serial numbers. */
  serialNumbers: z.array(z.string().min(1).max(64)).max(100000).optional(),
  /** Affected (nonconforming) quantity. */
  quantity: Quantity.optional(),
  /** Order in which it was found. */
  order: Identifier.optional(),
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
 * A nonconformance (deviation, defect, quality notification, quality issue).
 * ISA-95 has no dedicated object: this combines B2MML `OperationsEvent`
 * (type, source, timestamps) with OAGIS `ItemNonconformance` (affected
 * items, root cause, actions).
 *
 * @example
 * ```ts
 * import { parseNonconformance } from "@mfgsync/canonical";
 * parseNonconformance({
 *   schemaVersion: "1.0", kind: "nonconformance",
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
  /** Corrective and preventive actions opened for it. */
  capaReferences: z.array(Identifier).max(100).optional(),
  /** Inspection in which it was found, if any. */
  inspection: Identifier.optional(),
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
