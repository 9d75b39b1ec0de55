import * as z from "zod";
import { Extensions } from "./extensions.js";
import { CrossReferences, Identifier } from "./identifier.js";
import { Timestamp } from "./time.js";

/**
 * Version of the canonical schemas in this release: what objects are emitted
 * with in `schemaVersion`. JSON Schema `$id`s carry its major version. See the
 * compatibility policy in `docs/guides/versioning.md`.
 *
 * @example
 * ```ts
 * import { SCHEMA_VERSION } from "@mfgsync/canonical";
 * console.log(SCHEMA_VERSION); // "1.1"
 * ```
 */
export const SCHEMA_VERSION = "1.1" as const;

/**
 * Every `schemaVersion` this release reads: the versions of its major version
 * up to {@link SCHEMA_VERSION}. A 1.0 object is a valid 1.1 object (1.1 only
 * added optional fields and values); objects of a newer minor version are read
 * with the lenient read mode (`safeReadObject`).
 *
 * @example
 * ```ts
 * import { READABLE_SCHEMA_VERSIONS } from "@mfgsync/canonical";
 * READABLE_SCHEMA_VERSIONS.includes("1.0"); // true
 * ```
 */
export const READABLE_SCHEMA_VERSIONS = ["1.0", "1.1"] as const;

/** The `schemaVersion` field's schema: one of {@link READABLE_SCHEMA_VERSIONS}. Internal. */
export const SchemaVersion = z.enum(READABLE_SCHEMA_VERSIONS);

/** Fields every canonical object starts with. Internal: spread into each object schema. */
export function headerFields<const K extends string>(kind: K) {
  return {
    /** Schema version this object conforms to: `"1.1"` when emitted by this release, `"1.0"` still read. */
    schemaVersion: SchemaVersion,
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
