/**
 * Renders `docs/guides/canonical-model.md`: one table per canonical schema
 * (field, type, required, description with its ISA-95/B2MML counterpart).
 * Types and optionality come from the zod schemas at run time; descriptions
 * come from the TSDoc comments on the schema fields in
 * `packages/canonical/src`, read with the TypeScript compiler API, so the
 * comments stay the single source of the field documentation.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { z } from "zod";
import * as canonical from "@mfgsync/canonical";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const MODEL_DOC = path.join(root, "docs/guides/canonical-model.md");
const SRC = path.join(root, "packages/canonical/src");

/** `ConstName.field` → TSDoc text, for every `export const X = z.strictObject({ ... })` (and header/extension field helpers). */
export function fieldComments(): Map<string, string> {
  const out = new Map<string, string>();
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".generated.ts")) files.push(full);
    }
  };
  walk(SRC);
  for (const file of files.sort()) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
    const visitObject = (owner: string, literal: ts.ObjectLiteralExpression) => {
      for (const property of literal.properties) {
        if (!ts.isPropertyAssignment(property)) continue;
        const name = property.name.getText(source).replace(/^"|"$/g, "");
        const docs = ts.getJSDocCommentsAndTags(property).filter(ts.isJSDoc).map((d) => ts.getTextOfJSDocComment(d.comment) ?? "");
        if (docs.length > 0) out.set(`${owner}.${name}`, docs.join(" ").replace(/\s+/g, " ").trim());
        // Nested inline objects (e.g. rootCause) get their own owner name.
        const init = property.initializer;
        const inner = findObjectLiteral(init);
        if (inner) visitObject(`${owner}.${name}`, inner);
      }
    };
    const visit = (node: ts.Node, owner?: string) => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) owner = node.name.text;
      if (ts.isFunctionDeclaration(node) && node.name) owner = node.name.text;
      if (owner && ts.isCallExpression(node) && /^(?:z\.(strictObject|object)|[A-Z]\w*\.extend)$/.test(node.expression.getText(source)) && node.arguments[0] && ts.isObjectLiteralExpression(node.arguments[0])) {
        visitObject(owner, node.arguments[0]);
        return;
      }
      if (owner && ts.isReturnStatement(node) && node.expression && ts.isObjectLiteralExpression(node.expression)) visitObject(owner, node.expression);
      if (owner && ts.isVariableDeclaration(node) && node.initializer && ts.isObjectLiteralExpression(node.initializer)) visitObject(owner, node.initializer);
      ts.forEachChild(node, (child) => visit(child, owner));
    };
    visit(source);
  }
  return out;
}

function findObjectLiteral(node: ts.Expression): ts.ObjectLiteralExpression | undefined {
  if (ts.isCallExpression(node)) {
    const arg = node.arguments[0];
    if (arg && ts.isObjectLiteralExpression(arg) && /^z\.(strictObject|object)$/.test(node.expression.getText())) return arg;
    if (ts.isPropertyAccessExpression(node.expression)) return findObjectLiteral(node.expression.expression);
  }
  return undefined;
}

const exported = canonical as unknown as Record<string, unknown>;
/** Exported schema instance → how the tables name it. */
const NAMED = new Map<unknown, string>([
  [exported["DecimalString"], "decimal string"],
  [exported["SignedDecimalString"], "signed decimal string"],
  [exported["Timestamp"], "timestamp"],
  [exported["PlainDate"], "date"],
  [exported["DateOrTimestamp"], "date \\| timestamp"],
  [exported["OperationSequence"], "operation sequence"],
  [exported["PlantCode"], "plant code"],
]);

/** Short human type of a zod schema. */
export function typeOf(schema: z.ZodType): string {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  const named = NAMED.get(schema);
  if (named) return named;
  const id = (z.globalRegistry.get(schema) as { id?: string } | undefined)?.id;
  if (id) return id;
  const exportedName = Object.keys(exported).find((key) => exported[key] === schema && /^[A-Z]/.test(key));
  if (exportedName) return exportedName;
  switch (def.type) {
    case "optional":
    case "default":
      return typeOf(def["innerType"] as z.ZodType);
    case "array":
      return `${typeOf(def["element"] as z.ZodType)}[]`;
    case "literal":
      return (def["values"] as unknown[]).map((v) => JSON.stringify(v)).join(" \\| ");
    case "enum": {
      const values = Object.values(def["entries"] as Record<string, string>);
      return values.length > 14 ? "enum" : values.map((v) => `\`${v}\``).join(", ");
    }
    case "union":
      return (def["options"] as z.ZodType[]).map(typeOf).join(" \\| ");
    case "object": {
      const shape = (def["shape"] as Record<string, z.ZodType>) ?? {};
      if ("value" in shape && "originalCode" in shape) return `coded (${typeOf(shape["value"]!)})`;
      return "object";
    }
    case "string": {
      const format = (schema as z.ZodString).format;
      return format ? `string (${format === "regex" ? "pattern" : format})` : "string";
    }
    default:
      return def.type;
  }
}

const TITLES: Array<[string, string]> = [
  ["Material", "Material"], ["MaterialPlant", "Material plant data"], ["AlternativeUnit", "Alternative unit"], ["LocalizedText", "Localized text"],
  ["ProductionOrder", "Production order"], ["Operation", "Operation"], ["Component", "Component"], ["RevisionRef", "BOM / routing reference"],
  ["Lot", "Lot"], ["LotHold", "Lot hold"], ["HoldRelease", "Hold release"], ["GenealogyLink", "Genealogy link"], ["SerialLink", "Serial link"],
  ["Inspection", "Inspection"], ["InspectionSubject", "Inspection subject"], ["Characteristic", "Characteristic"], ["CharacteristicResult", "Characteristic result"], ["InspectionDecision", "Inspection decision"],
  ["QuantitySplit", "Quantity split"], ["OtherSplitQuantity", "Other split quantity"],
  ["Nonconformance", "Nonconformance"], ["AffectedItem", "Affected item"], ["Defect", "Defect"], ["ContainmentAction", "Containment action"],
  ["HeldLot", "Held lot"], ["StoppedOrder", "Stopped order"], ["NonconformanceApprovalState", "Nonconformance approval"], ["ComplaintReference", "Complaint reference"],
  ["Identifier", "Identifier"], ["IdentifierScope", "Identifier scope"], ["Reference", "Reference"], ["MaterialRef", "Material reference"],
  ["Quantity", "Quantity"], ["Measure", "Measure"], ["VendorCode", "Vendor code"],
];

/** Schemas made by extending another one, with the one they extend. */
export const EXTENDS: Record<string, string> = { Reference: "Identifier" };

/** Event data schemas, in catalog order of first use. */
const EVENT_DATA: Array<[string, string]> = [
  ["OrderEventData", "Order event data"], ["OrderAcknowledgementData", "Order acknowledgement data"], ["OrderStateChangedData", "Order state change data"],
  ["OperationEventData", "Operation event data"], ["ProductionConfirmedData", "Production confirmation data"], ["ConfirmationReversedData", "Confirmation reversal data"],
  ["ScrapDeclaredData", "Scrap declaration data"], ["ReworkDeclaredData", "Rework declaration data"], ["MaterialMovementData", "Material movement data"],
  ["LotCreatedData", "Lot created data"], ["LotDispositionChangedData", "Lot disposition change data"], ["LotShippedData", "Lot shipped data"],
  ["InspectionRequestedData", "Inspection requested data"], ["InspectionResultRecordedData", "Inspection result data"], ["InspectionDecisionMadeData", "Inspection decision data"],
  ["NonconformanceEventData", "Nonconformance event data"],
];

export function renderModelDoc(): string {
  const comments = fieldComments();
  const lines = [
    "---",
    "title: Canonical model reference",
    "---",
    "",
    "# Canonical model reference",
    "",
    "Generated by `scripts/generate-model-doc.ts` from the zod schemas of `@mfgsync/canonical` and the TSDoc on their fields. Do not edit.",
    "Types in backticks are value lists; `coded (...)` is a coded value `{ value, otherValue?, originalCode?, originalList? }` that keeps the vendor's code beside the canonical one.",
    "",
  ];
  const exports = canonical as unknown as Record<string, unknown>;
  const table = (name: string, schema: z.ZodObject, skip: readonly string[] = [], types: Readonly<Record<string, string>> = {}) => {
    lines.push("| field | type | required | description |", "|---|---|---|---|");
    for (const [field, fieldSchema] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      if (skip.includes(field)) continue;
      // A schema made with `.extend` documents its own fields; the others are its base's (a Reference is an Identifier).
      const base = EXTENDS[name];
      const doc = comments.get(`${name}.${field}`) ?? (base ? comments.get(`${base}.${field}`) : undefined) ?? comments.get(`headerFields.${field}`) ??
        comments.get(`extensionsField.${field}`) ?? comments.get(`codedValue.${field}`) ?? "";
      if (!doc) throw new Error(`${name}.${field} has no TSDoc comment`);
      const def = fieldSchema._zod.def.type;
      const required = def === "optional" || def === "default" ? "" : "yes";
      // TSDoc links point into the API docs; in the Markdown table they become code spans.
      const text = doc.replace(/\{@link\s+([^}\s|]+)[^}]*\}/g, "`$1`").replace(/\|/g, "\\|");
      lines.push(`| \`${field}\` | ${types[field] ?? typeOf(fieldSchema)} | ${required} | ${text} |`);
    }
    lines.push("");
  };
  const section = (name: string, title: string) => {
    const schema = exports[name] as z.ZodObject | undefined;
    if (!schema || schema._zod.def.type !== "object") throw new Error(`${name} is not an exported object schema`);
    const description = (z.globalRegistry.get(schema) as { description?: string } | undefined)?.description;
    lines.push(`## ${title}`, "", `\`${name}\`${description ? `: ${description}` : ""}`, "");
    table(name, schema);
  };
  for (const [name, title] of TITLES) section(name, title);

  // Events: the CloudEvents envelope once, then the catalog and each data schema.
  const schemas = canonical.EventSchemas as unknown as Record<string, z.ZodObject>;
  const names = Object.keys(schemas);
  lines.push("## Event envelope", "", "Every event is a CloudEvents 1.0 envelope (JSON format). Further extension attributes (lower-case letters and digits, at most 20 characters; string, integer or boolean values) are accepted and kept.", "");
  table("envelope", schemas[names[0]!]!, ["data"], { type: "the event's type (catalog below)", dataschema: "the event's schema `$id`" });
  lines.push("## Event catalog", "", "| event | type | data | description |", "|---|---|---|---|");
  for (const name of names) {
    const schema = schemas[name]!;
    const meta = z.globalRegistry.get(schema) as { title?: string; description?: string } | undefined;
    const data = (z.globalRegistry.get(schema.shape["data"] as z.ZodType) as { id?: string } | undefined)?.id ?? "object";
    lines.push(`| \`${name}\` | \`${meta?.title ?? ""}\` | ${data} | ${meta?.description ?? ""} |`);
  }
  lines.push("");
  for (const [name, title] of EVENT_DATA) section(name, title);
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  fs.writeFileSync(MODEL_DOC, renderModelDoc());
  console.log(`wrote ${path.relative(root, MODEL_DOC)}`);
}
