import * as z from "zod";
import { codedValue } from "../primitives/coded-value.js";
import { Identifier, Reference } from "../primitives/identifier.js";
import { Quantity } from "../primitives/quantity.js";
import { Timestamp } from "../primitives/time.js";
import { HoldBlock, HoldReason, HoldReleaseCause, HoldSource } from "../vocabularies/lot-quality.js";

/**
 * An active hold on a lot: why, who or what placed it, when, and what it
 * blocks. A lot can be under several holds at once (an inspection hold and a
 * nonconformance hold); each is released on its own. SAP: restricted batch
 * or blocked stock; Oracle: a material status with disallowed transactions;
 * D365: a batch disposition code or a blocking inventory status. Since 1.1.
 *
 * @example
 * ```ts
 * import { LotHold } from "@mfgsync/canonical";
 * LotHold.parse({
 *   reason: { value: "SuspectedNonconformance", originalCode: "QC-HOLD", originalList: "d365:BatchDispositionCode" },
 *   source: { value: "Nonconformance" }, sourceReference: { value: "NC-2026-0042", scheme: "qms" },
 *   placedAt: "2026-03-03T15:30:00+01:00", placedBy: "KSCHMIDT", blocks: ["Consumption", "Shipment"],
 * });
 * ```
 */
export const LotHold = z.strictObject({
  /** The hold's own id, where the source system has one (a D365 inventory blocking id, an Oracle lot status transaction). */
  id: Identifier.optional(),
  /** Why the lot is held; the vendor's reason or status code as `originalCode`. */
  reason: codedValue(HoldReason),
  /** What placed the hold. */
  source: codedValue(HoldSource),
  /** The record behind the source: the nonconformance, inspection, supplier notice or customer complaint. */
  sourceReference: Reference.optional(),
  /** When the hold was placed. */
  placedAt: Timestamp.optional(),
  /** Who placed it (user or system). */
  placedBy: z.string().min(1).max(128).optional(),
  /** What the hold blocks; `All` blocks every use. */
  blocks: z.array(HoldBlock).min(1).max(6),
  /** The part of the lot held, when the hold does not cover the whole lot (SAP blocked stock of a batch). */
  quantity: Quantity.optional(),
  /** Free-text remark. */
  note: z.string().max(4000).optional(),
}).meta({ id: "LotHold", title: "Lot hold", description: "An active hold on a lot: reason, source, when and by whom, what it blocks." });
/** A {@link LotHold} value. @example `import type { LotHold } from "@mfgsync/canonical";` */
export type LotHold = z.infer<typeof LotHold>;

/**
 * The release of a hold. Without `hold`, every hold active before the change
 * is released (holds placed by the same change are not). A release caused by
 * an inspection decision names that inspection (validators:
 * `lot/hold-release-decision`); what placed the released hold is on the hold
 * itself (`LotHold.sourceReference`). Since 1.1.
 *
 * @example
 * ```ts
 * import { HoldRelease } from "@mfgsync/canonical";
 * HoldRelease.parse({
 *   cause: { value: "InspectionDecision", originalCode: "A" }, inspection: { value: "040000000123", scheme: "sap-s4hana" },
 *   releasedAt: "2026-03-04T09:31:05+01:00", releasedBy: "MMUELLER",
 * });
 * ```
 */
export const HoldRelease = z.strictObject({
  /** The released hold's id (its `LotHold.id`); absent: every active hold of the lot. */
  hold: Identifier.optional(),
  /** What released it. */
  cause: codedValue(HoldReleaseCause).optional(),
  /** The inspection whose decision released the hold. */
  inspection: Reference.optional(),
  /** When the hold was released. */
  releasedAt: Timestamp.optional(),
  /** Who released it. */
  releasedBy: z.string().min(1).max(128).optional(),
  /** Free-text remark. */
  note: z.string().max(4000).optional(),
}).meta({ id: "HoldRelease", title: "Hold release", description: "The release of a lot hold and what caused it." });
/** A {@link HoldRelease} value. @example `import type { HoldRelease } from "@mfgsync/canonical";` */
export type HoldRelease = z.infer<typeof HoldRelease>;
