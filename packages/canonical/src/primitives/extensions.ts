import * as z from "zod";

/**
 * Pattern of an extension namespace: the source system, e.g. `sap`, `oracle`, `d365`, `acme.mes`; at most 64
 * characters, and never `constructor` or `prototype` (the parsers refuse those keys anywhere, so the JSON Schema says so too).
 */
export const EXTENSION_NAMESPACE_PATTERN = /^(?!constructor$|prototype$)(?=[a-z0-9.-]{1,64}$)[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/;
/** Pattern of a field name inside a namespace: the vendor's own spelling, but never `__proto__`, `constructor` or `prototype`. */
export const EXTENSION_FIELD_PATTERN = /^(?!__proto__$|constructor$|prototype$)[A-Za-z_$@][A-Za-z0-9_.$@-]{0,127}$/;

/** Keys refused inside vendor JSON values at any depth (the parsers' hazard scan refuses them; the JSON Schema says so through this pattern). */
const VENDOR_JSON_KEY = /^(?!__proto__$|constructor$|prototype$)/;

/**
 * Any JSON value, as `z.json()`, but with the keys `__proto__`, `constructor` and `prototype` refused in nested
 * objects, so that the published JSON Schema refuses what the parsers refuse. Internal.
 */
const VendorJson: z.ZodType<z.core.util.JSONType> = z.lazy(() => z.union([
  z.string(), z.number(), z.boolean(), z.null(), z.array(VendorJson),
  z.record(z.string().regex(VENDOR_JSON_KEY, { error: "__proto__, constructor and prototype are not allowed as keys" }), VendorJson),
]));

/**
 * Vendor fields that have no canonical home, kept under the namespace of the
 * system they came from so that nothing is ever lost (B2MML `Extended:*`
 * groups, OAGIS `Extension`). Values are plain JSON; mappers write them back
 * unchanged on encode.
 *
 * @example
 * ```ts
 * import { Extensions } from "@mfgsync/canonical";
 * Extensions.parse({ sap: { MRPController: "001", ProductionSupervisor: "" } });
 * ```
 */
export const Extensions = z.record(
  z.string().regex(EXTENSION_NAMESPACE_PATTERN, { error: "extension namespace must be lower-case and at most 64 characters, e.g. sap or acme.mes" }),
  z.record(z.string().regex(EXTENSION_FIELD_PATTERN, { error: "extension field names must be plain identifiers (and not __proto__)" }), VendorJson),
).meta({ id: "Extensions", title: "Extensions", description: "Vendor fields without a canonical home, namespaced by source system." });
/** An {@link Extensions} value. @example `const e: Extensions = { sap: { MRPController: "001" } };` */
export type Extensions = z.infer<typeof Extensions>;
