/**
 * Writes `packages/canonical/schemas/<name>.schema.json` for every canonical
 * object and event, generated from the zod schemas (the single source of
 * truth). `packages/canonical/test/schemas-fresh.test.ts` fails when the
 * committed files differ from what this script would write.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { SCHEMA_NAMES, toJsonSchema } from "@mfgsync/canonical";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SCHEMAS_DIR = path.join(root, "packages/canonical/schemas");

/** File name → file content for every published schema. */
export function renderSchemas(): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of SCHEMA_NAMES) files.set(`${name}.schema.json`, JSON.stringify(toJsonSchema(name), null, 2) + "\n");
  return files;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  fs.rmSync(SCHEMAS_DIR, { recursive: true, force: true });
  fs.mkdirSync(SCHEMAS_DIR, { recursive: true });
  for (const [file, content] of renderSchemas()) fs.writeFileSync(path.join(SCHEMAS_DIR, file), content);
  console.log(`wrote ${SCHEMA_NAMES.length} schemas to ${path.relative(root, SCHEMAS_DIR)}`);
}
