/**
 * Writes the vendors' mapping pages under `docs/guides/`, rendered from the
 * mapper declarations (the single source of truth). Each vendor has a
 * renderer in `scripts/mapping-docs/`; each package's
 * `test/mapping-docs-fresh.test.ts` fails when its committed page differs
 * from what this script would write.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ORACLE_MAPPINGS_DOC, renderOracleMappingDoc } from "./mapping-docs/oracle.js";
import { SAP_MAPPINGS_DOC, renderSapMappingDoc } from "./mapping-docs/sap.js";
import { D365_MAPPINGS_DOC, renderD365MappingDoc } from "./mapping-docs/d365.js";
import { FIELD_MAP_DOC, renderFieldMapDoc } from "./mapping-docs/field-map.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Every mapping page: where it goes and how it is rendered. */
export const MAPPING_PAGES: readonly { readonly file: string; readonly render: () => string }[] = [
  { file: SAP_MAPPINGS_DOC, render: renderSapMappingDoc },
  { file: ORACLE_MAPPINGS_DOC, render: renderOracleMappingDoc },
  { file: D365_MAPPINGS_DOC, render: renderD365MappingDoc },
  // All vendors side by side; keep it last (it reads every vendor's declarations).
  { file: FIELD_MAP_DOC, render: renderFieldMapDoc },
];

export { SAP_MAPPINGS_DOC, renderSapMappingDoc };
export { ORACLE_MAPPINGS_DOC, renderOracleMappingDoc };
export { D365_MAPPINGS_DOC, renderD365MappingDoc };

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const page of MAPPING_PAGES) {
    fs.mkdirSync(path.dirname(page.file), { recursive: true });
    fs.writeFileSync(page.file, page.render());
    console.log(`wrote ${path.relative(root, page.file)}`);
  }
}
