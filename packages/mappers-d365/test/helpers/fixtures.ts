import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseWireJson } from "@mfgsync/mapping";

const here = dirname(fileURLToPath(import.meta.url));
/** The package's own synthetic D365 payloads. */
export const FIXTURES = join(here, "..", "..", "fixtures");

/** Reads a fixture file as text. */
export function fixtureText(path: string): string {
  return readFileSync(join(FIXTURES, path), "utf8");
}

/** Reads a fixture as the wire parser does (exact numbers kept). */
export function fixture(path: string): unknown {
  const parsed = parseWireJson(fixtureText(path));
  if (!parsed.ok) throw new Error(`${path}: ${parsed.issues[0]?.message ?? "invalid"}`);
  return parsed.value;
}

/** The entities of an OData V4 payload: `value` rows, a plain array, or the single entity. */
export function rowsOf(payload: unknown): Record<string, unknown>[] {
  if (Array.isArray(payload)) return payload as Record<string, unknown>[];
  const value = (payload as { value?: unknown }).value;
  return Array.isArray(value) ? (value as Record<string, unknown>[]) : [payload as Record<string, unknown>];
}

/** Fixture files of a folder. */
export function fixtureFiles(folder: string): string[] {
  return readdirSync(join(FIXTURES, folder)).filter((f) => f.endsWith(".json")).sort();
}

/** A deep copy of a JSON value with some properties replaced (or removed with undefined). */
export function withProps<T extends Record<string, unknown>>(row: T, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...row };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}
