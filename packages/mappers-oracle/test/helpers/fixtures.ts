// Reads the package's synthetic Oracle REST fixtures (written from the notes
// and the field catalog, not copied from ../shared) with the core's wire
// parser, so that numbers keep their exact digits.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseWireJson, unwrapOracleRest } from "@mfgsync/mapping";

const here = dirname(fileURLToPath(import.meta.url));
/** The package's fixtures folder. */
export const FIXTURES = join(here, "..", "..", "fixtures");

/** A fixture file as text. */
export function fixtureText(path: string): string {
  return readFileSync(join(FIXTURES, path), "utf8");
}

/** The entities of a fixture (collection, plain array or single item), numbers exact. */
export function fixtureEntities(path: string): Record<string, unknown>[] {
  const parsed = parseWireJson(fixtureText(path));
  if (!parsed.ok) throw new Error(`fixture ${path} is not JSON`);
  const unwrapped = unwrapOracleRest(parsed.value);
  if (!unwrapped.ok) throw new Error(`fixture ${path} is not an Oracle REST payload`);
  return unwrapped.entities.map((e) => e.value as Record<string, unknown>);
}
