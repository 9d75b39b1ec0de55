/**
 * The documentation form of the catalogs: one JSON file per top-level resource
 * (the resource and all its children, with notes, oracle types and evidence)
 * and `index.json` with counts. Diff-friendly: one attribute per line.
 */
import type { OracleEntity } from "./model.js";

export const GENERATED_BY = "scripts/oracle-catalog.ts";
export const SOURCE =
  "derived from the Oracle SCM field catalog oracle-scm-field-catalog.json (a curated field catalog, not Oracle's OpenAPI), " +
  "plus the few facts from the Oracle research notes listed in scripts/oracle-catalog/supplements.ts";
export const BASE_PATH = "/fscmRestApi/resources/11.13.18.05";
const RESOURCE_NOTE =
  "Partial: only the attributes the field catalog lists (Oracle resources have many more). Facts marked inferred " +
  "rest on an I evidence tag, a naming convention or an assumption named in inferredNote; verify them with " +
  "GET <resource>/describe on a pod before relying on them.";

export function catalogFile(resource: string): string {
  return `${resource}.json`;
}

function line(v: unknown): string {
  return JSON.stringify(v);
}

function list(items: readonly object[], indent: string): string {
  return items.length === 0 ? "[]" : `[\n${items.map((i) => `${indent}  ${line(i)}`).join(",\n")}\n${indent}]`;
}

function renderEntity(e: OracleEntity): string {
  const i = "      ";
  const head: [string, unknown][] = [
    ["path", e.path],
    ["entitySet", e.entitySet],
    ["typeName", e.typeName],
    ["constName", e.constName],
    ["parent", e.parent],
    ["derivedFrom", e.derivedFrom],
  ];
  if (e.evidence !== undefined) head.push(["evidence", e.evidence]);
  if (e.access !== undefined) head.push(["access", e.access]);
  if (e.pathKey !== undefined) head.push(["pathKey", e.pathKey]);
  if (e.postRequired !== undefined) head.push(["postRequired", e.postRequired]);
  if (e.postBody !== undefined) head.push(["postBody", e.postBody]);
  if (e.patchable !== undefined) head.push(["patchable", e.patchable]);
  if (e.notes.length > 0) head.push(["notes", e.notes]);
  head.push(["keys", e.keys]);
  const lines = head.map(([k, v]) => `${i}${line(k)}: ${line(v)},`);
  lines.push(`${i}"properties": ${list(e.properties, i)},`);
  lines.push(`${i}"navigationProperties": ${list(e.navigationProperties, i)}`);
  return `    {\n${lines.join("\n")}\n    }`;
}

/** One resource file: the resource first, then its children depth-first. */
export function renderResourceJson(resource: string, entities: readonly OracleEntity[]): string {
  const head = [
    `  "generatedBy": ${line(GENERATED_BY)},`,
    `  "source": ${line(SOURCE)},`,
    `  "resource": ${line(resource)},`,
    `  "basePath": ${line(`${BASE_PATH}/${resource}`)},`,
    `  "note": ${line(RESOURCE_NOTE)},`,
  ];
  return `{\n${head.join("\n")}\n  "entities": [\n${entities.map(renderEntity).join(",\n")}\n  ]\n}\n`;
}

/** Counts one entity's facts. */
export function counts(e: OracleEntity) {
  return {
    propertyCount: e.properties.length,
    inferredPropertyCount: e.properties.filter((p) => p.inferred).length,
    closedListCount: e.properties.filter((p) => p.enumMembers !== undefined).length,
    openListCount: e.properties.filter((p) => p.knownValues !== undefined).length,
    readOnlyCount: e.properties.filter((p) => p.readOnly).length,
    navigationCount: e.navigationProperties.length,
  };
}

export function renderIndexJson(byResource: ReadonlyMap<string, readonly OracleEntity[]>): string {
  const all = [...byResource.values()].flat();
  const total = { resourceCount: byResource.size, entityCount: all.length, ...sum(all.map(counts)) };
  const resources = [...byResource].map(([resource, entities]) => {
    const rows = entities.map((e) => `      ${line({ path: e.path, entitySet: e.entitySet, typeName: e.typeName, derivedFrom: e.derivedFrom, ...counts(e) })}`);
    return `    {\n      "resource": ${line(resource)},\n      "file": ${line(catalogFile(resource))},\n      "entities": [\n${rows.map((r) => `  ${r}`).join(",\n")}\n      ]\n    }`;
  });
  return [
    "{",
    `  "generatedBy": ${line(GENERATED_BY)},`,
    `  "source": ${line(SOURCE)},`,
    `  "totals": ${line(total)},`,
    `  "resources": [\n${resources.join(",\n")}\n  ]`,
    "}",
    "",
  ].join("\n");
}

function sum(rows: ReturnType<typeof counts>[]): ReturnType<typeof counts> {
  const out = { propertyCount: 0, inferredPropertyCount: 0, closedListCount: 0, openListCount: 0, readOnlyCount: 0, navigationCount: 0 };
  for (const r of rows) for (const k of Object.keys(out) as (keyof typeof out)[]) out[k] += r[k];
  return out;
}
