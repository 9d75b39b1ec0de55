/**
 * `src/generated/wire-types.ts`: one interface per resource and child resource
 * as Oracle REST JSON sends it, plus the framework shapes (links, collection
 * envelope, the two forms of expanded children).
 */
import type { OracleEntity, OracleProperty } from "./model.js";
import { BASE_PATH } from "./render-json.js";
import { HEADER, doc } from "./render-catalog-ts.js";

function tsType(p: OracleProperty): string {
  if (p.enumMembers !== undefined) return p.enumMembers.map((m) => JSON.stringify(m)).join(" | ");
  switch (p.edmType) {
    case "Edm.Decimal":
    case "Edm.Int64":
      return "number";
    case "Edm.Boolean":
      return "boolean";
    default:
      return "string";
  }
}

function exampleValue(p: OracleProperty): string {
  if (p.enumMembers !== undefined) return JSON.stringify(p.enumMembers[0]);
  switch (p.edmType) {
    case "Edm.Int64":
      return "300100185622311";
    case "Edm.Decimal":
      return "20.5";
    case "Edm.Boolean":
      return "false";
    case "Edm.Date":
      return '"2026-03-02"';
    case "Edm.DateTimeOffset":
      return '"2026-03-02T08:00:00-05:00"';
    default:
      return JSON.stringify((p.knownValues?.[0] ?? "A1").slice(0, p.maxLength ?? 40));
  }
}

function propertyDoc(e: OracleEntity, p: OracleProperty): string {
  const facts: string[] = [p.edmType + (p.maxLength !== null ? `(${p.maxLength})` : "")];
  if (e.keys.includes(p.name)) facts.push("key");
  if (p.readOnly) facts.push("read-only");
  if (p.knownValues !== undefined) facts.push(`known values (open list): ${p.knownValues.join(", ")}`);
  if (p.evidence !== undefined) facts.push(`evidence ${p.evidence}`);
  if (p.inferred) facts.push(`inferred: ${p.inferredNote ?? ""}`);
  return `  /** ${doc(facts.join("; "))}. */`;
}

function example(e: OracleEntity): string[] {
  const chosen = [...e.properties.filter((p) => e.keys.includes(p.name)), ...e.properties.filter((p) => !e.keys.includes(p.name))].slice(0, 3);
  if (chosen.length === 0) return [` * const value: ${e.typeName} = { links: [{ rel: "self", href: "https://host${BASE_PATH}/${e.resource}" }] };`];
  return [` * const value: ${e.typeName} = { ${chosen.map((p) => `${p.name}: ${exampleValue(p)}`).join(", ")} };`];
}

const FRAMEWORK: readonly string[] = [
  "/**",
  " * One entry of a `links` array (`self`, `canonical`, child and LOV links). Transport, not data: the field catalog",
  " * documents `rel`, `href`, `name` and `kind`; other members are typed `unknown`. `onlyData=true` drops every `links` array.",
  " *",
  " * @example",
  " * ```ts",
  ` * const link: OracleLink = { rel: "self", href: "https://host${BASE_PATH}/workOrders/300100185622311", name: "workOrders", kind: "item" };`,
  " * ```",
  " */",
  "export interface OracleLink {",
  "  /** Relation: `self`, `canonical`, `child`, `lov`, …. */",
  "  rel: string;",
  "  /** Absolute URL. */",
  "  href: string;",
  "  /** Name of the resource, child or LOV. */",
  "  name?: string;",
  "  /** `item`, `collection`, `describe`, …. */",
  "  kind?: string;",
  "  /** Members the field catalog does not document. */",
  "  [member: string]: unknown;",
  "}",
  "",
  "/**",
  " * A collection as Oracle REST sends it: a top-level GET, or an expanded child under REST framework version 3 and",
  " * later. `totalResults` only comes with `totalResults=true`; keep paging while `hasMore` is true.",
  " *",
  " * @example",
  " * ```ts",
  " * const page: OracleCollection<WorkOrder> = { items: [{ WorkOrderId: 300100185622311 }], count: 1, hasMore: false, limit: 25, offset: 0 };",
  " * ```",
  " */",
  "export interface OracleCollection<T> {",
  "  /** The rows of this page. */",
  "  items: T[];",
  "  /** Rows in this page. */",
  "  count: number;",
  "  /** Whether more rows follow. */",
  "  hasMore: boolean;",
  "  /** Page size (default 25; the server may lower a large limit). */",
  "  limit: number;",
  "  /** Offset of the first row. */",
  "  offset: number;",
  "  /** All rows, only with `totalResults=true`. */",
  "  totalResults?: number;",
  "  /** Collection links; absent with `onlyData=true`. */",
  "  links?: OracleLink[];",
  "}",
  "",
  "/**",
  " * An expanded child resource: a bare array under REST framework versions 1 and 2, a collection object under",
  " * version 3 and later (notes, Later findings). Mappers read both and write back the shape they read.",
  " *",
  " * @example",
  " * ```ts",
  " * const bare: OracleChildCollection<WorkOrderOperation> = [{ WorkOrderOperationId: 300100185622315 }];",
  " * const wrapped: OracleChildCollection<WorkOrderOperation> = { items: [{ WorkOrderOperationId: 300100185622315 }], count: 1, hasMore: false, limit: 25, offset: 0 };",
  " * ```",
  " */",
  "export type OracleChildCollection<T> = T[] | OracleCollection<T>;",
];

export function renderWireTypes(entities: readonly OracleEntity[]): string {
  const typeOf = new Map(entities.map((e) => [e.path, e.typeName]));
  const out: string[] = [
    HEADER,
    "//",
    "// Oracle Fusion Cloud SCM REST JSON wire shapes of the resources catalogued in packages/mappers-oracle/catalog/.",
    "// Quantities (Edm.Decimal) and ids (Edm.Int64) are JSON numbers, dates (\"YYYY-MM-DD\") and date-times (ISO 8601",
    "// with offset) strings, …Flag attributes booleans. Oracle returns null for unset attributes, so every attribute but",
    "// a key may be null; every attribute is optional (fields= projections, create bodies). Attributes the field",
    "// catalog does not list are typed unknown: Oracle resources have many more.",
    "",
    ...FRAMEWORK,
  ];
  for (const e of entities) {
    const where = e.parent === null ? `One \`${e.path}\` item` : `One row of the child resource \`${e.entitySet}\` (\`${e.path}\`)`;
    const keys = e.keys.length > 0 ? `Keys: ${e.keys.join(", ")}.` : e.pathKey ? `Item path key: the hash \`${e.pathKey.name}\` (take it from the \`self\` link).` : "No key stated.";
    out.push(
      "",
      "/**",
      ` * ${doc(`${where} as Oracle REST JSON sends it. ${keys}${e.derivedFrom === "notes" ? " Named only in the research notes." : ""}`)}`,
      ` * ${doc(`${e.properties.length} catalogued attributes (${e.properties.filter((p) => p.inferred).length} with inferred facts); catalog \`${e.constName}\`.`)}`,
      " *",
      " * @example",
      " * ```ts",
      ...example(e),
      " * ```",
      " */",
      `export interface ${e.typeName} {`,
    );
    for (const p of e.properties) {
      if (p.name === "links") throw new Error(`${e.path}: an attribute named links`);
      out.push(propertyDoc(e, p), `  ${p.name}?: ${tsType(p)}${e.keys.includes(p.name) ? "" : " | null"};`);
    }
    for (const n of e.navigationProperties) {
      const child = typeOf.get(n.target);
      if (child === undefined) throw new Error(`${e.path}: navigation ${n.name} has no catalogued target`);
      out.push(`  /** Child resource \`${n.name}\` when expanded (\`expand=${n.name}\`). */`, `  ${n.name}?: OracleChildCollection<${child}>;`);
    }
    out.push(
      "  /** Links of the row; absent with `onlyData=true`. */",
      "  links?: OracleLink[];",
      "  /** Attributes the field catalog does not list. */",
      "  [attribute: string]: unknown;",
      "}",
    );
  }
  return `${out.join("\n")}\n`;
}
