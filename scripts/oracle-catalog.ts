/**
 * Derives the committed Oracle Fusion Cloud SCM entity catalogs from the
 * curated field catalog `../shared/vendor-specs/oracle/oracle-scm-field-catalog.json`
 * (Oracle's own OpenAPI could not be stored) and the few facts of
 * `../shared/notes/oracle.md` listed in `scripts/oracle-catalog/supplements.ts`.
 * It writes:
 *
 * - `packages/mappers-oracle/catalog/<resource>.json`: one file per top-level
 *   resource with all its child resources (docs: oracle types, notes, evidence);
 * - `packages/mappers-oracle/catalog/index.json`: every entity with its counts;
 * - `packages/mappers-oracle/src/generated/catalog.ts`: runtime constants typed
 *   by `CatalogEntityInfo` from `@mfgsync/mapping`;
 * - `packages/mappers-oracle/src/generated/wire-types.ts`: the REST JSON shapes.
 *
 * How facts are decided (details in `scripts/oracle-catalog/derive.ts`):
 *
 * - Types follow catalog-v2: `string(N)` -> Edm.String (maxLength N), `number` ->
 *   Edm.Decimal, `integer` -> Edm.Int64, `boolean`, `date` -> Edm.Date,
 *   `date-time` -> Edm.DateTimeOffset. An attribute listed without a type gets
 *   one from Oracle's naming conventions (`…Flag`, `…Id`, `…Quantity`, `…Date`)
 *   and is marked inferred.
 * - Code lists are closed (`enumMembers`, enforced) only when an Oracle document
 *   gives them (evidence D) and nothing marks them incomplete; every other list is
 *   open (`knownValues`, docs only).
 * - Any evidence tag with I, any assumption (flattened views, read-only actuals and
 *   surrogate ids, lengths from notes) sets `inferred` with an `inferredNote`.
 *
 * Run `pnpm run generate:oracle-catalog` after changing the script or the inputs;
 * `packages/mappers-oracle/test/catalog.test.ts` re-derives everything in memory
 * and fails when the committed files are stale.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { deriveEntities } from "./oracle-catalog/derive.js";
import type { OracleEntity } from "./oracle-catalog/model.js";
import { renderCatalogTs } from "./oracle-catalog/render-catalog-ts.js";
import { catalogFile, renderIndexJson, renderResourceJson } from "./oracle-catalog/render-json.js";
import { renderWireTypes } from "./oracle-catalog/render-wire-types.js";

export const CATALOG_DIR = "packages/mappers-oracle/catalog";
export const GENERATED_DIR = "packages/mappers-oracle/src/generated";
export const FIELD_CATALOG = "vendor-specs/oracle/oracle-scm-field-catalog.json";
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The `shared/` folder: `MFGSYNC_SHARED`, else the nearest `shared/` beside an
 * ancestor of the repository (`/work/main/../shared` and, from a worktree such
 * as `/work/wt/x`, `/work/shared`). Undefined when there is none.
 */
export function findShared(): string | undefined {
  const env = process.env["MFGSYNC_SHARED"];
  if (env !== undefined) return env;
  for (let dir = path.dirname(ROOT), i = 0; i < 3; dir = path.dirname(dir), i++) {
    const candidate = path.join(dir, "shared");
    if (fs.existsSync(path.join(candidate, FIELD_CATALOG))) return candidate;
  }
  return undefined;
}

/** Derives the entities from `sharedDir`, grouped by top-level resource in field-catalog order. */
export function deriveOracleCatalogObjects(sharedDir: string): Map<string, OracleEntity[]> {
  const fieldCatalog: unknown = JSON.parse(fs.readFileSync(path.join(sharedDir, FIELD_CATALOG), "utf8"));
  const byResource = new Map<string, OracleEntity[]>();
  for (const e of deriveEntities(fieldCatalog)) {
    const list = byResource.get(e.resource) ?? [];
    list.push(e);
    byResource.set(e.resource, list);
  }
  return byResource;
}

/** Every output file in memory: repo-relative path -> content. Pure apart from reading the input. */
export function deriveOracleCatalogs(sharedDir: string): Map<string, string> {
  const byResource = deriveOracleCatalogObjects(sharedDir);
  const all = [...byResource.values()].flat();
  const files = new Map<string, string>();
  for (const [resource, entities] of byResource) files.set(`${CATALOG_DIR}/${catalogFile(resource)}`, renderResourceJson(resource, entities));
  files.set(`${CATALOG_DIR}/index.json`, renderIndexJson(byResource));
  files.set(`${GENERATED_DIR}/catalog.ts`, renderCatalogTs(all));
  files.set(`${GENERATED_DIR}/wire-types.ts`, renderWireTypes(all));
  return files;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const shared = findShared();
  if (shared === undefined) {
    console.error(`no shared/${FIELD_CATALOG} found beside the repository; set MFGSYNC_SHARED`);
    process.exit(1);
  }
  const files = deriveOracleCatalogs(shared);
  // The catalog directory is fully generated: remove JSON files no longer derived.
  const catalogRoot = path.join(ROOT, CATALOG_DIR);
  if (fs.existsSync(catalogRoot)) {
    for (const entry of fs.readdirSync(catalogRoot)) {
      const rel = `${CATALOG_DIR}/${entry}`;
      if (entry.endsWith(".json") && !files.has(rel)) fs.rmSync(path.join(ROOT, rel));
    }
  }
  for (const [rel, content] of files) {
    const abs = path.join(ROOT, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  console.log(`wrote ${files.size} files (${files.size - 3} resource catalogs) under ${CATALOG_DIR} and ${GENERATED_DIR}`);
}
