import * as z from "zod";

/**
 * Builds the schema of a coded value: a canonical code from `values` plus,
 * when it came from a vendor, the vendor's own code kept beside it. This is
 * B2MML's `Other` + `OtherValue` idea generalised: nothing about the source
 * code is lost, and `Other` always has somewhere to say what it was.
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * import { codedValue } from "@mfgsync/canonical";
 * const Color = codedValue(z.enum(["Red", "Other"]));
 * Color.parse({ value: "Other", otherValue: "Teal", originalCode: "TL", originalList: "acme:colors" });
 * ```
 */
export function codedValue<E extends z.ZodEnum>(values: E) {
  return z.strictObject({
    /** The canonical code. */
    value: values,
    /** Free text saying what `Other` means here (B2MML `OtherValue`). */
    otherValue: z.string().min(1).max(255).optional(),
    /** The code exactly as the source system sent it (SAP `REL`, Oracle `ORA_RELEASED`, D365 `StartedUp`). */
    originalCode: z.string().max(255).optional(),
    /** Which code list `originalCode` belongs to, e.g. `sap:system-status`. */
    originalList: z.string().min(1).max(128).optional(),
  });
}

/**
 * A vendor's own status code with no canonical vocabulary, such as a lot
 * status that is configured per customer. Kept apart from the canonical
 * disposition on purpose (B2MML `MaterialLot/Status` vs `Disposition`).
 *
 * @example
 * ```ts
 * import { VendorCode } from "@mfgsync/canonical";
 * VendorCode.parse({ code: "QA-HOLD", list: "oracle:lot-status", text: "Held by QA" });
 * ```
 */
export const VendorCode = z.strictObject({
  /** The code as the vendor writes it. */
  code: z.string().min(1).max(255),
  /** Which code list the code belongs to. */
  list: z.string().min(1).max(128).optional(),
  /** The vendor's description of the code, if sent. */
  text: z.string().max(1000).optional(),
}).meta({ id: "VendorCode", title: "Vendor code", description: "A vendor-defined code kept as sent." });
/** A {@link VendorCode} value. @example `const c: VendorCode = { code: "ACTIVE" };` */
export type VendorCode = z.infer<typeof VendorCode>;
