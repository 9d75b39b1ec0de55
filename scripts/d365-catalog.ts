/**
 * Derives the committed Dynamics 365 SCM entity catalogs and wire types from
 * `../shared/vendor-specs/d365/` and the facts of `../shared/notes/d365.md`:
 *
 * - the OpenAPI manufacturing subset (generated from a real tenant CSDL):
 *   every entity set it holds (`d365/openapi.ts`);
 * - the supplementary catalog: production order BOM lines, quality orders,
 *   units of measure, quality order line results, nonconformances
 *   (`d365/supplementary.ts`);
 * - the notes: navigation properties, read-only properties, enums no spec
 *   lists (`d365/facts.ts`).
 *
 * It writes `packages/mappers-d365/catalog/<EntitySet>.json`, `catalog/index.json`,
 * `packages/mappers-d365/src/generated/catalog.ts` (runtime constants typed by
 * `CatalogEntityInfo`) and `packages/mappers-d365/src/generated/wire-types.ts`
 * (json-schema-to-typescript). Run `pnpm run generate:d365-catalog` after
 * changing the script or the inputs; `packages/mappers-d365/test/catalog.test.ts`
 * re-derives everything in memory and fails when the committed files are stale.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildEnumRegistry } from "./d365/enums.js";
import type { D365EntityCatalog, D365Enum } from "./d365/model.js";
import { SUBSET_FILE, deriveSubsetCatalogs, type OpenApiDoc } from "./d365/openapi.js";
import { renderCatalogJson, renderCatalogTs, renderIndex } from "./d365/render-catalog.js";
import { SUPPLEMENTARY_FILE, deriveSupplementaryCatalogs, type SupplementaryDoc } from "./d365/supplementary.js";
import { renderWireTypes } from "./d365/wire-types.js";

export const CATALOG_DIR = "packages/mappers-d365/catalog";
export const GENERATED_DIR = "packages/mappers-d365/src/generated";
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The `shared/` folder: `$MFGSYNC_SHARED`, else the first of `../shared` (the main
 * checkout) and `../../shared` (a worktree under `wt/`) that holds the D365 specs;
 * undefined when absent (tests then skip the re-derivation).
 */
export function findShared(): string | undefined {
  const candidates = process.env.MFGSYNC_SHARED ? [process.env.MFGSYNC_SHARED] : [path.resolve(ROOT, "../shared"), path.resolve(ROOT, "../../shared")];
  return candidates.find((dir) => fs.existsSync(path.join(dir, SUBSET_FILE)));
}

export interface D365Derivation {
  catalogs: D365EntityCatalog[];
  enums: Map<string, D365Enum>;
  openApi: OpenApiDoc;
}

/** Reads the inputs under `sharedDir` and derives every catalog object. */
export function deriveD365CatalogObjects(sharedDir: string): D365Derivation {
  const openApi = JSON.parse(fs.readFileSync(path.join(sharedDir, SUBSET_FILE), "utf8")) as OpenApiDoc;
  const supplementary = JSON.parse(fs.readFileSync(path.join(sharedDir, SUPPLEMENTARY_FILE), "utf8")) as SupplementaryDoc;
  const enums = buildEnumRegistry(openApi.components.schemas, supplementary.enums_verified);
  const catalogs = [...deriveSubsetCatalogs(openApi, enums), ...deriveSupplementaryCatalogs(supplementary, enums)];
  const sets = new Set<string>();
  for (const c of catalogs) {
    if (sets.has(c.entitySet)) throw new Error(`duplicate entity set ${c.entitySet}`);
    sets.add(c.entitySet);
  }
  return { catalogs, enums, openApi };
}

/** Derives every output file in memory: repo-relative path -> content. */
export async function deriveD365Catalogs(sharedDir: string): Promise<Map<string, string>> {
  const { catalogs, enums, openApi } = deriveD365CatalogObjects(sharedDir);
  const odataError = openApi.components.schemas["ODataError"];
  if (!odataError) throw new Error(`${SUBSET_FILE}: no ODataError schema`);
  const files = new Map<string, string>();
  for (const c of catalogs) files.set(`${CATALOG_DIR}/${c.entitySet}.json`, renderCatalogJson(c));
  files.set(`${CATALOG_DIR}/index.json`, renderIndex(catalogs, enums, [`shared/${SUBSET_FILE}`, `shared/${SUPPLEMENTARY_FILE}`, "shared/notes/d365.md"]));
  files.set(`${GENERATED_DIR}/catalog.ts`, renderCatalogTs(catalogs));
  files.set(`${GENERATED_DIR}/wire-types.ts`, await renderWireTypes(catalogs, enums, odataError));
  return files;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const shared = findShared();
  if (!shared) throw new Error("no shared/vendor-specs/d365 found (set MFGSYNC_SHARED)");
  const files = await deriveD365Catalogs(shared);
  // The catalog folder is fully generated: remove JSON files that are no longer derived.
  const catalogRoot = path.join(ROOT, CATALOG_DIR);
  if (fs.existsSync(catalogRoot)) {
    for (const entry of fs.readdirSync(catalogRoot)) {
      const rel = `${CATALOG_DIR}/${entry}`;
      if (rel.endsWith(".json") && !files.has(rel)) fs.rmSync(path.join(ROOT, rel));
    }
  }
  for (const [rel, content] of files) {
    const abs = path.join(ROOT, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  console.log(`wrote ${files.size} files (${files.size - 3} catalogs) under ${CATALOG_DIR} and ${GENERATED_DIR}`);
}
