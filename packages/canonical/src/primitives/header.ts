import { z } from "zod";
import { Extensions } from "./extensions.js";
import { CrossReferences, Identifier } from "./identifier.js";
import { Timestamp } from "./time.js";

/**
 * Version of the canonical schemas in this release. Objects state it in
 * `schemaVersion`; JSON Schema `$id`s carry its major version. See the
 * compatibility policy in `docs/guides/versioning.md`.
 *
 * @example
 * ```ts
 * import { SCHEMA_VERSION } from "@mfgsync/canonical";
 * console.log(SCHEMA_VERSION); // "1.0"
 * ```
 */
export const SCHEMA_VERSION = "1.0" as const;

/** Fields every canonical object starts with. Internal: spread into each object schema. */
export function headerFields<const K extends string>(kind: K) {
  return {
    /** Schema version this object conforms to; `"1.0"` for this release. */
    schemaVersion: z.literal(SCHEMA_VERSION),
    /** Which canonical object this is. */
    kind: z.literal(kind),
    /** The object's identifier in the system of record. B2MML: `ID`. */
    id: Identifier,
    /** The same object's identifiers in other systems (MES, QMS, another ERP). */
    crossReferences: CrossReferences.optional(),
    /** When the source system last changed the object. */
    lastChangedAt: Timestamp.optional(),
  };
}

/** The trailing `extensions` field every canonical object ends with. Internal. */
export const extensionsField = {
  /** Vendor fields with no canonical home, by source-system namespace; never dropped. B2MML: `Extended:*`. */
  extensions: Extensions.optional(),
};
