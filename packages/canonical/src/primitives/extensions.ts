import { z } from "zod";

/** Pattern of an extension namespace: the source system, e.g. `sap`, `oracle`, `d365`, `acme.mes`. */
export const EXTENSION_NAMESPACE_PATTERN = /^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/;
/** Pattern of a field name inside a namespace: the vendor's own spelling, but never `__proto__`, `constructor` or `prototype`. */
export const EXTENSION_FIELD_PATTERN = /^(?!__proto__$|constructor$|prototype$)[A-Za-z_$@][A-Za-z0-9_.$@-]{0,127}$/;

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
  z.string().regex(EXTENSION_NAMESPACE_PATTERN, { error: "extension namespace must be lower-case, e.g. sap or acme.mes" }),
  z.record(z.string().regex(EXTENSION_FIELD_PATTERN, { error: "extension field names must be plain identifiers (and not __proto__)" }), z.json()),
).meta({ id: "Extensions", title: "Extensions", description: "Vendor fields without a canonical home, namespaced by source system." });
/** An {@link Extensions} value. @example `const e: Extensions = { sap: { MRPController: "001" } };` */
export type Extensions = z.infer<typeof Extensions>;
