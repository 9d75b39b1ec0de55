import { parseArgs } from "node:util";
import { SCHEMA_NAMES, toJsonSchema } from "@mfgsync/canonical";
import type { SchemaName } from "@mfgsync/canonical";
import { UsageError } from "../io.js";
import type { Command } from "./types.js";

export const schemaCommand: Command = {
  name: "schema",
  summary: "print the JSON Schema of a canonical object or event",
  usage: "mfgsync schema --entity <name>",
  async run(args, io) {
    const { values } = parseArgs({ args: [...args], options: { entity: { type: "string" } }, strict: true });
    const entity = values.entity;
    if (!entity || !(SCHEMA_NAMES as readonly string[]).includes(entity)) {
      throw new UsageError(`--entity must be one of: ${SCHEMA_NAMES.join(", ")}`);
    }
    io.out(JSON.stringify(toJsonSchema(entity as SchemaName), null, 2) + "\n");
    return 0;
  },
};
