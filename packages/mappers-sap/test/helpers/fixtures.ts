import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CatalogEntityInfo } from "@mfgsync/mapping";

const here = dirname(fileURLToPath(import.meta.url));
/** The package's raw OData V2 fixtures. */
export const FIXTURES = join(here, "..", "..", "fixtures");
/** The shared SAP samples (reformatted by their logger; not raw OData), when present. */
export const SAMPLES = join(here, "..", "..", "..", "..", "..", "shared", "vendor-specs", "sap", "samples");

/** Reads a fixture file as text. */
export function fixtureText(path: string): string {
  return readFileSync(join(FIXTURES, path), "utf8");
}

/** Reads a fixture file as JSON. */
export function fixture(path: string): unknown {
  return JSON.parse(fixtureText(path));
}

/** The entities of an OData V2 envelope (`{d:{...}}` or `{d:{results:[...]}}`). */
export function entitiesOf(envelope: unknown): unknown[] {
  const d = (envelope as { d?: unknown }).d as { results?: unknown[] } | undefined;
  if (d && Array.isArray(d.results)) return d.results;
  return d === undefined ? [] : [d];
}

/** Fixture files of a folder. */
export function fixtureFiles(folder: string): string[] {
  return readdirSync(join(FIXTURES, folder)).filter((f) => f.endsWith(".json")).sort();
}

/** Whether the shared samples are available. */
export const HAVE_SAMPLES = existsSync(SAMPLES);

/** The `message` records of a shared sample file. */
export function sampleRecords(path: string): Record<string, unknown>[] {
  const file = JSON.parse(readFileSync(join(SAMPLES, path), "utf8")) as { message?: unknown };
  return Array.isArray(file.message) ? (file.message as Record<string, unknown>[]) : [];
}

const DAY = 86_400_000;

/**
 * Turns one record of the shared samples back into the OData V2 form SAP
 * sends, following the catalog: the sample logger printed SAP's UTC-midnight
 * dates as local JST date-times ("2017-06-06T09:00:00+09:00") and empty dates
 * as "", and replaced deferred navigation links by their URI.
 */
export function sampleToWire(record: Record<string, unknown>, catalog: CatalogEntityInfo): Record<string, unknown> {
  const types = new Map(catalog.properties.map((p) => [p.name, p.edmType]));
  const navs = new Set(catalog.navigationProperties.map((n) => n.name));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    const type = types.get(key);
    if (navs.has(key) && typeof value === "string") out[key] = { __deferred: { uri: value } };
    else if ((type === "Edm.DateTime" || type === "Edm.DateTimeOffset") && typeof value === "string") {
      if (value === "") out[key] = null;
      else {
        const [y, m, d] = value.slice(0, 10).split("-").map(Number);
        out[key] = `/Date(${Math.round(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY) * DAY})/`;
      }
    } else out[key] = value;
  }
  return out;
}
