// Shared helpers for the canonical package tests (not a test file itself).
import fs from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { ValidateFunction } from "ajv";
import type { SchemaName } from "@mfgsync/canonical";
import { toJsonSchema } from "@mfgsync/canonical";

export const EXAMPLES_DIR = new URL("../examples/", import.meta.url);

/** Reads `examples/<name>.json` as parsed JSON. */
export function readExample(name: string): unknown {
  return JSON.parse(fs.readFileSync(new URL(`${name}.json`, EXAMPLES_DIR), "utf8"));
}

/** Loosely typed JSON, so that tests can break examples field by field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test-only: mutation tables poke at arbitrary paths
export type Loose = any;
/** A fresh copy of an example, to break. */
export function exampleCopy(name: string): Loose {
  return readExample(name) as Loose;
}

// strict mode makes ajv refuse unknown keywords and formats, so a schema zod
// generates that ajv would silently ignore fails loudly instead.
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validators = new Map<string, ValidateFunction>();

/** The ajv (draft 2020-12) validator of the JSON Schema generated for `name`, compiled once. */
export function jsonSchemaValidator(name: SchemaName): ValidateFunction {
  let validate = validators.get(name);
  if (!validate) {
    validate = ajv.compile(toJsonSchema(name));
    validators.set(name, validate);
  }
  return validate;
}

/** Validates with the generated JSON Schema; returns ajv's errors as readable lines (empty when valid). */
export function jsonSchemaErrors(name: SchemaName, value: unknown): string[] {
  const validate = jsonSchemaValidator(name);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? e.keyword}`);
}
