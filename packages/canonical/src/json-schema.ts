import * as z from "zod";
import type { EventName } from "./events/catalog.js";
import { EventSchemas, SCHEMA_BASE_URI } from "./events/catalog.js";
import type { ObjectName } from "./objects.js";
import { ObjectSchemas } from "./objects.js";

/**
 * Name of anything with a published JSON Schema: a canonical object or event.
 *
 * @example
 * ```ts
 * import type { SchemaName } from "@mfgsync/canonical";
 * const name: SchemaName = "lot-disposition-changed";
 * ```
 */
export type SchemaName = ObjectName | EventName;

/**
 * Every schema name, objects first.
 *
 * @example
 * ```ts
 * import { SCHEMA_NAMES } from "@mfgsync/canonical";
 * SCHEMA_NAMES.length; // 5 objects + 27 events
 * ```
 */
export const SCHEMA_NAMES = [...Object.keys(ObjectSchemas), ...Object.keys(EventSchemas)] as SchemaName[];

/**
 * The versioned `$id` of a schema.
 *
 * @example
 * ```ts
 * import { schemaId } from "@mfgsync/canonical";
 * schemaId("lot"); // "https://mfgsync.dev/schemas/v1/lot.schema.json"
 * ```
 */
export function schemaId(name: SchemaName): string {
  return `${SCHEMA_BASE_URI}${name}.schema.json`;
}

/**
 * Generates the draft 2020-12 JSON Schema of a canonical object or event from
 * its zod schema (the single source of truth). The package ships the same
 * output as `schemas/<name>.schema.json`.
 *
 * @example
 * ```ts
 * import { toJsonSchema } from "@mfgsync/canonical";
 * const schema = toJsonSchema("production-order");
 * schema.$id; // "https://mfgsync.dev/schemas/v1/production-order.schema.json"
 * ```
 */
export function toJsonSchema(name: SchemaName): Record<string, unknown> & { $id: string } {
  const schema = Object.hasOwn(ObjectSchemas, name) ? (ObjectSchemas as Record<string, z.ZodType>)[name]
    : Object.hasOwn(EventSchemas, name) ? (EventSchemas as Record<string, z.ZodType>)[name] : undefined;
  if (!schema) throw new RangeError(`unknown schema "${String(name)}"`);
  const generated = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "throw" }) as Record<string, unknown>;
  const { $schema, id: _id, ...rest } = generated;
  return { $schema, $id: schemaId(name), ...rest };
}
