import * as z from "zod";
import { Quantity } from "../primitives/quantity.js";

/**
 * A quantity of a decision's split that has no canonical category (SAP
 * usage-decision stock postings to reserves, to a new material or to another
 * storage location), kept with the vendor's code. Since 1.1.
 *
 * @example
 * ```ts
 * import { OtherSplitQuantity } from "@mfgsync/canonical";
 * OtherSplitQuantity.parse({ code: "RESERVES", list: "sap:usage-decision-stock-posting", text: "To reserve stock", quantity: { value: "5", unit: "H87" } });
 * ```
 */
export const OtherSplitQuantity = z.strictObject({
  /** What happens to the quantity, as the vendor codes it. */
  code: z.string().min(1).max(64),
  /** Which code list `code` belongs to. */
  list: z.string().min(1).max(128).optional(),
  /** The vendor's description. */
  text: z.string().max(1000).optional(),
  /** The quantity, in the lot's unit or one that converts to it. */
  quantity: Quantity,
}).meta({ id: "OtherSplitQuantity", title: "Other split quantity", description: "A quantity of a decision's split in a vendor-coded category." });
/** An {@link OtherSplitQuantity} value. @example `import type { OtherSplitQuantity } from "@mfgsync/canonical";` */
export type OtherSplitQuantity = z.infer<typeof OtherSplitQuantity>;

/**
 * How an inspection decision splits the inspected quantity: "accept 90,
 * reject 8, 2 destroyed in testing". Quantities are in the lot's unit (or a
 * unit that converts to it exactly); where the inspected quantity is known,
 * the parts add up to it (validators: `inspection/quantity-split-sum`). SAP:
 * the usage decision's stock postings; Oracle: the quantities of the event
 * dispositions; D365: passed and failed quantities of a quality order.
 * Since 1.1.
 *
 * @example
 * ```ts
 * import { QuantitySplit } from "@mfgsync/canonical";
 * QuantitySplit.parse({ accepted: { value: "90", unit: "H87" }, rejected: { value: "8", unit: "H87" }, sampleDestroyed: { value: "2", unit: "H87" } });
 * ```
 */
export const QuantitySplit = z.strictObject({
  /** Accepted: released to free (unrestricted) stock. */
  accepted: Quantity.optional(),
  /** Rejected: to blocked stock for a later decision. */
  rejected: Quantity.optional(),
  /** Scrapped. */
  scrapped: Quantity.optional(),
  /** Used up or destroyed by testing (destructive samples). */
  sampleDestroyed: Quantity.optional(),
  /** Returned to the vendor. */
  returnedToVendor: Quantity.optional(),
  /** Sent to rework. */
  toRework: Quantity.optional(),
  /** Quantities of other categories, with the vendor's code. */
  other: z.array(OtherSplitQuantity).max(100).optional(),
}).meta({ id: "QuantitySplit", title: "Quantity split", description: "How an inspection decision splits the inspected quantity." });
/** A {@link QuantitySplit} value. @example `const s: QuantitySplit = { accepted: { value: "98", unit: "H87" } };` */
export type QuantitySplit = z.infer<typeof QuantitySplit>;
