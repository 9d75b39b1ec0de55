import { SCHEMA_NAMES, toJsonSchema } from "@mfgsync/canonical";
import type { SchemaName } from "@mfgsync/canonical";
import { formatOf, formatOption, parseCommandArgs } from "../help.js";
import type { Command } from "./types.js";
import { schemaEntity } from "./validate.js";

export const schemaCommand: Command = {
  name: "schema",
  summary: "print the JSON Schema of a canonical object or event",
  usage: "mfgsync schema --entity <name> [--format json]",
  description: "Prints the draft 2020-12 JSON Schema of a canonical object or event, generated from its zod schema; the same file ships as @mfgsync/canonical/schemas/<name>.schema.json. For runtimes that validate with JSON Schema instead of TypeScript.",
  options: [
    { name: "entity", type: "string", value: "NAME", description: `which schema (required): ${SCHEMA_NAMES.join(", ")}` },
    formatOption(["json"], "a schema is JSON; the option is there so that every command takes --format json"),
  ],
  examples: [
    ["mfgsync schema --entity production-order > production-order.schema.json", "the schema of a production order, to a file"],
    ["mfgsync schema --entity lot-disposition-changed", "the schema of a CloudEvent"],
  ],
  async run(args, io) {
    const { values } = parseCommandArgs(schemaCommand, args);
    const entity = schemaEntity(values["entity"]);
    formatOf(schemaCommand, values);
    io.out(JSON.stringify(toJsonSchema(entity as SchemaName), null, 2) + "\n");
    return 0;
  },
};
