import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import type { Issue } from "@mfgsync/canonical";
import type { MapResult, MapperRegistry, MappingContext, VendorMappers } from "@mfgsync/mapping";
import { createRegistry } from "@mfgsync/mapping";
import { ORACLE_VENDOR } from "@mfgsync/mappers-oracle";
import { SAP_VENDOR } from "@mfgsync/mappers-sap";
import { D365_VENDOR } from "@mfgsync/mappers-d365";

/** The canonical objects `mfgsync map` knows. */
export const MAP_ENTITIES = ["material", "production-order", "lot", "inspection", "nonconformance"] as const;
export type MapEntity = (typeof MAP_ENTITIES)[number];

/** What the CLI needs from a vendor mapper: read the vendor's wire format, write the bare vendor entity. */
export interface WireMapper {
  decodeWire(payload: unknown, context?: MappingContext, options?: { readonly validate?: boolean }):
    | { readonly ok: true; readonly collection: boolean; readonly results: readonly MapResult<unknown>[] }
    | { readonly ok: false; readonly issues: readonly [Issue, ...Issue[]] };
  encode(input: unknown, context?: MappingContext): MapResult<unknown>;
}

/** A vendor the CLI can map from and to. */
export interface Vendor {
  readonly name: string;
  readonly title?: string;
  readonly mappers: Partial<Record<MapEntity, WireMapper>>;
}

/** The built-in vendors, and those the plugins add (`mfgsync --plugin MODULE …`, `MFGSYNC_PLUGINS`). */
export const REGISTRY: MapperRegistry = createRegistry([SAP_VENDOR, ORACLE_VENDOR, D365_VENDOR]);

/** The module URLs of the plugins loaded so far, for worker threads (`map --ndjson --jobs N`) to load them too. */
export const PLUGIN_URLS: string[] = [];

/** The vendors of the registry, in registration order. */
export function vendors(): readonly Vendor[] {
  return REGISTRY.vendors() as unknown as readonly Vendor[];
}

/** The names of the vendors, for help texts and errors. */
export function vendorNames(): string[] {
  return vendors().map((v) => v.name);
}

/** A vendor by name. */
export function vendorNamed(name: string): Vendor | undefined {
  return REGISTRY.vendor(name) as unknown as Vendor | undefined;
}

/** `import(url)`, through the launcher when the CLI runs from its code-cached bundle (see launch.ts). */
function importModule(url: string): Promise<unknown> {
  const viaLauncher = (globalThis as Record<symbol, unknown>)[Symbol.for("mfgsync.cli.import")];
  return typeof viaLauncher === "function" ? (viaLauncher as (url: string) => Promise<unknown>)(url) : import(url);
}

function isVendor(value: unknown): value is VendorMappers {
  return typeof value === "object" && value !== null && typeof (value as { name?: unknown }).name === "string" && typeof (value as { mappers?: unknown }).mappers === "object";
}

/**
 * Loads a third-party mapper package and registers its vendors: the module's
 * `default` export or its `vendor` export, a `VendorMappers` object (or an
 * array of them). Bare names resolve from the working directory, paths
 * against it. Throws a usage error naming the module when it cannot.
 */
export async function loadPlugin(specifier: string, cwd = process.cwd()): Promise<readonly string[]> {
  let url: string;
  if (specifier.startsWith(".") || path.isAbsolute(specifier)) url = pathToFileURL(path.resolve(cwd, specifier)).href;
  else {
    try {
      url = pathToFileURL(createRequire(path.join(cwd, "noop.js")).resolve(specifier)).href;
    } catch {
      url = specifier;
    }
  }
  let module: Record<string, unknown>;
  try {
    module = (await importModule(url)) as Record<string, unknown>;
  } catch (error) {
    throw Object.assign(new Error(`--plugin ${specifier}: cannot load it (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`), { code: "PLUGIN" });
  }
  const exported = module["default"] ?? module["vendor"];
  const list = Array.isArray(exported) ? (exported as unknown[]) : [exported];
  if (list.length === 0 || !list.every(isVendor)) throw Object.assign(new Error(`--plugin ${specifier}: its default (or vendor) export must be a VendorMappers object { name, title, mappers }`), { code: "PLUGIN" });
  const names: string[] = [];
  for (const vendor of list as VendorMappers[]) {
    // Loading the same module twice (run() called again in one process) registers nothing new.
    if (REGISTRY.vendor(vendor.name) === vendor) {
      names.push(vendor.name);
      continue;
    }
    const r = REGISTRY.register(vendor);
    if (!r.ok) throw Object.assign(new Error(`--plugin ${specifier}: ${r.message}`), { code: "PLUGIN" });
    names.push(vendor.name);
  }
  if (!PLUGIN_URLS.includes(url)) PLUGIN_URLS.push(url);
  return names;
}

/** The built-in vendors (without plugins), for the demo. */
export const VENDORS: readonly Vendor[] = vendors();
