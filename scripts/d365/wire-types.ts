/**
 * The D365 OData V4 JSON wire types, generated with json-schema-to-typescript.
 *
 * Its input is a JSON Schema per entity set built from the catalog, not the
 * OpenAPI component schemas fed as they are: the catalog already holds the
 * OpenAPI's facts plus the corrections the generator lost (decimals, nav
 * properties, keys), and five entities have no OpenAPI schema at all. The
 * catalog test checks that, for every entity of the OpenAPI subset, this JSON
 * Schema agrees property by property with the OpenAPI's.
 *
 * Shapes: Edm.Decimal / Int32 / Int64 are JSON numbers; Edm.DateTimeOffset is
 * an ISO 8601 string; enums are unions of their member names (plain `string`
 * when no source names the members); each row may carry `@odata.etag` and, as a
 * single-entity response, `@odata.context`. Keys are required, everything else
 * optional (`$select`) and, except keys, nullable as in the catalog.
 */
import { compile, type JSONSchema } from "json-schema-to-typescript";
import { HEADER, usedEnums } from "./render-catalog.js";
import { ENUM_NAMESPACE, type D365EntityCatalog, type D365Enum, type D365Navigation, type D365Property } from "./model.js";
import type { OpenApiSchema } from "./openapi.js";

const ROOT_NAME = "D365WireRows";
const ETAG_EXAMPLE = 'W/\\"JzEsNTYzNzE0NDU3Nic=\\"';

function edmSummary(p: D365Property): string {
  switch (p.edmType) {
    case "Edm.Decimal":
      return `Edm.Decimal: an exact JSON number${p.openApiType ? " (the OpenAPI says number/double)" : ""}.`;
    case "Edm.DateTimeOffset":
      return "Edm.DateTimeOffset: ISO 8601 in UTC, e.g. `2026-03-02T00:00:00Z`; `1900-01-01T00:00:00Z` means no date.";
    case "Edm.Int32":
      return /Time$/.test(p.name) ? "Edm.Int32: time of day in seconds after midnight (seconds semantics inferred, notes section 1)." : "Edm.Int32.";
    case "Edm.Int64":
      return "Edm.Int64: a JSON number.";
    case "Edm.Enum":
      return `Enum \`${p.enumType}\`: the member name${p.enumMembers ? "" : " (members not known: any string)"}.`;
    default:
      return `${p.edmType}.`;
  }
}

function propertyDoc(p: D365Property, isKey: boolean): string {
  const parts = [edmSummary(p)];
  if (isKey) parts.push("Key.");
  if (p.readOnly) parts.push("Read-only: F&O does not accept writes.");
  if (p.knownValues) parts.push(`Documented values (not enforced): ${p.knownValues.join(", ")}.`);
  parts.push(`Evidence: ${p.evidence}.`);
  if (p.inferred) parts.push(`Inferred: ${p.inferredNote}`);
  return parts.join(" ");
}

function propertySchema(p: D365Property, isKey: boolean): JSONSchema {
  let s: JSONSchema;
  switch (p.edmType) {
    case "Edm.Enum":
      s = { $ref: `#/definitions/${p.enumType?.slice(ENUM_NAMESPACE.length + 1)}` };
      break;
    case "Edm.Boolean":
      s = { type: "boolean" };
      break;
    case "Edm.Int32":
    case "Edm.Int64":
      s = { type: "integer" };
      break;
    case "Edm.Decimal":
      s = { type: "number" };
      break;
    default:
      s = { type: "string" };
  }
  const nullable = p.nullable && !isKey;
  // A $ref with a sibling description would be merged into a new schema and emitted as a second
  // named type (NoYes1): wrap it instead.
  const wrapped: JSONSchema = nullable ? { anyOf: [s, { type: "null" }] } : s.$ref ? { allOf: [s] } : s;
  return { ...wrapped, description: propertyDoc(p, isKey) };
}

function navigationSchema(n: D365Navigation, rowOf: ReadonlyMap<string, string>): JSONSchema {
  const row = n.target !== null ? rowOf.get(n.target) : undefined;
  const one: JSONSchema = row ? { $ref: `#/definitions/${row}` } : { type: "object", additionalProperties: true };
  const s: JSONSchema = n.multiplicity === "*" ? { type: "array", items: one } : n.multiplicity === "0..1" ? { anyOf: [one, { type: "null" }] } : { allOf: [one] };
  const inferred = n.inferred ? ` Inferred: ${n.inferredNote}.` : "";
  return { ...s, description: `Navigation to \`${n.target}\` (${n.multiplicity}), present when expanded (\`$expand=${n.name}\`). Evidence: ${n.evidence}.${inferred}` };
}

function exampleValue(p: D365Property): string {
  if (p.name === "dataAreaId") return '"usmf"';
  switch (p.edmType) {
    case "Edm.Enum":
      return JSON.stringify(p.enumMembers?.[0] ?? p.knownValues?.[0] ?? "Member");
    case "Edm.Decimal":
      return "2.5";
    case "Edm.Int32":
    case "Edm.Int64":
      return "10";
    case "Edm.Boolean":
      return "false";
    case "Edm.DateTimeOffset":
      return '"2026-03-02T00:00:00Z"';
    default:
      return '"A0001"';
  }
}

function rowExample(cat: D365EntityCatalog): string {
  const keys = cat.keys.map((k) => cat.properties.find((p) => p.name === k) as D365Property);
  const extra = [cat.properties.find((p) => p.edmType === "Edm.Enum" && !cat.keys.includes(p.name)), cat.properties.find((p) => p.edmType === "Edm.Decimal" && !cat.keys.includes(p.name))];
  const fields = [`"@odata.etag": "${ETAG_EXAMPLE}"`, ...[...keys, ...extra.filter((p): p is D365Property => p !== undefined)].map((p) => `${p.name}: ${exampleValue(p)}`)];
  return `const row: ${cat.wireType} = { ${fields.join(", ")} };`;
}

function example(typeName: string, code: string): string {
  return `\n\n@example\n\`\`\`ts\nimport type { ${typeName} } from "@mfgsync/mappers-d365";\n${code}\n\`\`\``;
}

function enumSchema(e: D365Enum): JSONSchema {
  const members = e.members ? `Members: ${e.members.join(", ")}` : "No source names the members, so any string is typed";
  const labels = e.labels ? ` UI labels that differ: ${Object.entries(e.labels).filter(([m, l]) => m !== l).map(([m, l]) => `${m} = "${l}"`).join(", ")}.` : "";
  const inferred = e.inferred ? ` Inferred: ${e.inferredNote}` : "";
  const value = e.members?.[0] ?? e.knownValues?.[0] ?? "Member";
  return {
    title: e.name,
    type: "string",
    ...(e.members ? { enum: [...e.members] } : {}),
    description:
      `D365 enum \`${ENUM_NAMESPACE}.${e.name}\` as sent in JSON (member names, not UI labels). ${members}. Evidence: ${e.evidence}.${labels}${inferred}` +
      example(e.name, `const value: ${e.name} = ${JSON.stringify(value)};`),
  };
}

/** The JSON Schema the wire types are compiled from (exported for the agreement test). */
export function wireSchema(cats: readonly D365EntityCatalog[], registry: ReadonlyMap<string, D365Enum>, odataError: OpenApiSchema): JSONSchema {
  const rowOf = new Map(cats.map((c) => [c.entitySet, c.wireType]));
  const definitions: Record<string, JSONSchema> = {};
  const define = (name: string, s: JSONSchema) => {
    if (definitions[name]) throw new Error(`wire type name ${name} used twice`);
    definitions[name] = s;
  };
  for (const { def } of usedEnums(cats, registry)) define(def.name, enumSchema(def));
  for (const cat of cats) {
    const properties: Record<string, JSONSchema> = {
      "@odata.etag": { type: "string", description: "The row's ETag: send it back as `If-Match` on PATCH and DELETE." },
      "@odata.context": { type: "string", description: "Metadata URL, present when the row is a single-entity response." },
    };
    for (const p of cat.properties) properties[p.name] = propertySchema(p, cat.keys.includes(p.name));
    for (const n of cat.navigationProperties) properties[n.name] = navigationSchema(n, rowOf);
    define(cat.wireType, {
      title: cat.wireType,
      type: "object",
      additionalProperties: false,
      required: [...cat.keys],
      properties,
      description:
        `One row of the D365 entity set \`${cat.entitySet}\` as OData V4 JSON. Keys: ${cat.keys.join(", ")}. ${cat.note ?? ""}` + example(cat.wireType, rowExample(cat)),
    });
    const collection = `${cat.entitySet}Collection`;
    define(collection, {
      title: collection,
      type: "object",
      additionalProperties: false,
      required: ["value"],
      properties: {
        "@odata.context": { type: "string", description: "Metadata URL of the collection." },
        "@odata.count": { type: "integer", description: "Total row count, with `$count=true`." },
        "@odata.nextLink": { type: "string", description: "The next page (server-driven paging): follow it until absent." },
        value: { type: "array", items: { $ref: `#/definitions/${cat.wireType}` }, description: "The rows of this page." },
      },
      description: `A page of \`${cat.entitySet}\` rows as D365 returns it.` + example(collection, `const page: ${collection} = { value: [] };`),
    });
  }
  define("ODataError", {
    ...(odataError as JSONSchema),
    title: "ODataError",
    additionalProperties: false,
    description: "The OData error payload D365 returns (from the OpenAPI's ODataError schema)." + example("ODataError", 'const e: ODataError = { error: { code: "", message: "Write failed." } };'),
  });
  return {
    title: ROOT_NAME,
    type: "object",
    additionalProperties: false,
    required: cats.map((c) => c.entitySet),
    properties: Object.fromEntries(cats.map((c) => [c.entitySet, { $ref: `#/definitions/${c.wireType}` }])),
    description: "The row type of every catalogued entity set, by entity set name." + example(ROOT_NAME, `type Row = ${ROOT_NAME}["ProductionOrderHeaders"]; // ProductionOrderHeader\nconst row: Row = { dataAreaId: "usmf", ProductionOrderNumber: "P000123" };`),
    definitions,
  };
}

const REFERENCED = /\n \*\n \* This interface was referenced by `\w+`'s JSON-Schema\n \* via the `definition` "\w+"\./g;

export async function renderWireTypes(cats: readonly D365EntityCatalog[], registry: ReadonlyMap<string, D365Enum>, odataError: OpenApiSchema): Promise<string> {
  const schema = wireSchema(cats, registry, odataError);
  const ts = await compile(schema, ROOT_NAME, {
    bannerComment: [
      HEADER,
      "//",
      "// D365 OData V4 JSON wire types, compiled with json-schema-to-typescript from JSON Schemas built from",
      "// the catalogs in packages/mappers-d365/catalog/ (see scripts/d365/wire-types.ts).",
    ].join("\n"),
    additionalProperties: false,
    unreachableDefinitions: true,
    enableConstEnums: false,
    strictIndexSignatures: true,
    format: true,
  });
  const out = ts.replace(REFERENCED, "");
  if (out.includes("This interface was referenced")) throw new Error("wire types: a json-schema-to-typescript back-reference note was not removed");
  const emitted = [...out.matchAll(/^export (?:interface|type) (\w+)\b/gm)].map((m) => m[1]);
  const expected = [ROOT_NAME, ...Object.keys(schema.definitions ?? {})];
  if (emitted.length !== expected.length) throw new Error(`wire types: emitted ${emitted.length} types, expected ${expected.length}: ${emitted.filter((n) => !expected.includes(n as string)).join(", ")}`);
  for (const name of expected) {
    if (!new RegExp(`^export (?:interface|type) ${name}\\b`, "m").test(out)) throw new Error(`wire types: ${name} was not emitted under its own name`);
  }
  return out;
}
