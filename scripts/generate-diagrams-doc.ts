/**
 * Writes `docs/guides/diagrams.md`: mermaid diagrams of the canonical object
 * model (objects, their parts, references and genealogy), the
 * order-to-quality-release flow with the canonical event at each step, and
 * where each vendor's resources fit the canonical objects. The model diagram
 * is drawn from the zod schemas; every event the flow names is looked up in
 * the event definitions; the vendor diagram comes from the vendors' mapper
 * declarations (or, until a vendor has them, its entity catalog). The site
 * renders the diagrams with the bundled mermaid (docs/theme). The staleness
 * test is `packages/canonical/test/diagrams-doc.test.ts`.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { z } from "zod";
import * as canonical from "@mfgsync/canonical";
import type { ObjectName } from "@mfgsync/canonical";
import { EVENT_DEFINITIONS } from "../packages/canonical/src/events/catalog.js";
import { documentedVendors } from "./mapping-docs/vendors.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DIAGRAMS_DOC = path.join(root, "docs/guides/diagrams.md");

const exported = canonical as unknown as Record<string, unknown>;
type Schema = z.core.$ZodType;
const def = (s: Schema) => s._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;

/** The canonical objects (schema export name by object name). */
const OBJECTS: Readonly<Record<ObjectName, string>> = {
  material: "Material", "production-order": "ProductionOrder", lot: "Lot", inspection: "Inspection", nonconformance: "Nonconformance",
};
/** Parts drawn in the model: the object's own sub-structures that carry references or genealogy. */
const PARTS = ["Operation", "Component", "GenealogyLink", "LotHold", "HoldRelease", "InspectionSubject", "InspectionDecision", "AffectedItem", "HeldLot", "StoppedOrder"];
/** What a reference field points at, by field name (`Reference` and `MaterialRef` fields). */
const REFERENCE_TARGETS: Readonly<Record<string, string>> = {
  material: "Material", lot: "Lot", producedLot: "Lot", order: "ProductionOrder", producedBy: "ProductionOrder", inspection: "Inspection",
};
/** Reference fields that point outside the canonical model (suppliers, documents, CAPA records). */
const OUTSIDE = new Set(["supplier", "sourceReference", "movement", "capaReferences", "complaint", "partner"]);

function unwrap(schema: Schema): { schema: Schema; many: boolean; optional: boolean } {
  let s = schema;
  let many = false;
  let optional = false;
  for (;;) {
    const d = def(s);
    if (d.type === "optional" || d.type === "default") { optional = true; s = d["innerType"] as Schema; }
    else if (d.type === "array") { many = true; s = d["element"] as Schema; }
    else return { schema: s, many, optional };
  }
}

/** The object model as a mermaid class diagram, from the schemas. */
export function modelDiagram(): string {
  const drawn = [...Object.values(OBJECTS), ...PARTS];
  const names = new Map<unknown, string>(Object.keys(exported).filter((k) => /^[A-Z]/.test(k)).map((k) => [exported[k], k]));
  const lines = ["classDiagram", "  direction LR"];
  for (const name of Object.values(OBJECTS)) lines.push(`  class ${name}`, `  <<object>> ${name}`);
  const edges: string[] = [];
  const visit = (owner: string, schema: Schema, via: string) => {
    for (const [field, fieldSchema] of Object.entries(def(schema)["shape"] as Record<string, Schema>)) {
      const { schema: inner, many, optional } = unwrap(fieldSchema);
      const name = names.get(inner);
      const label = via ? `${via}.${field}` : field;
      if (name && drawn.includes(name) && !Object.values(OBJECTS).includes(name)) {
        edges.push(`  ${owner} *-- "${many ? "0..*" : "0..1"}" ${name} : ${label}`);
      } else if (name === "Reference" || name === "MaterialRef") {
        if (OUTSIDE.has(field)) continue;
        const target = REFERENCE_TARGETS[field];
        if (!target) throw new Error(`${owner}.${field} is a reference to an unknown object: add it to REFERENCE_TARGETS or OUTSIDE`);
        edges.push(`  ${owner} ..> "${many ? "0..*" : optional ? "0..1" : "1"}" ${target} : ${label}`);
      } else if (!name && def(inner).type === "object") {
        visit(owner, inner, label);
      }
    }
  };
  for (const name of drawn) visit(name, exported[name] as Schema, "");
  return [...lines, ...edges].join("\n");
}

/** Who emits each step of the order-to-quality-release flow, and which canonical event says it. */
const FLOW: ReadonlyArray<readonly [from: string, to: string, event: keyof typeof EVENT_DEFINITIONS, what: string] | readonly ["note", string, string]> = [
  ["ERP", "MES", "production-order-released", "order released with operations and components"],
  ["MES", "ERP", "production-order-acknowledged", "MES accepted the order (or production-order-rejected)"],
  ["MES", "ERP", "operation-started", "work started at the first operation"],
  ["MES", "ERP", "material-consumed", "component lot issued to the order (genealogy parent)"],
  ["MES", "ERP", "production-confirmed", "yield, scrap and rework reported"],
  ["MES", "ERP", "operation-completed", "last operation finished"],
  ["MES", "ERP", "material-produced", "output lot received from the order (genealogy child)"],
  ["ERP", "QMS", "lot-created", "new lot, quality status AwaitingInspection"],
  ["ERP", "QMS", "inspection-requested", "inspection lot for the goods receipt"],
  ["QMS", "ERP", "inspection-result-recorded", "characteristic results"],
  ["QMS", "ERP", "inspection-decision-made", "usage decision: accept, reject, hold"],
  ["note", "QMS", "rejected or on hold"],
  ["QMS", "ERP", "lot-disposition-changed", "hold placed: consumption and shipment blocked"],
  ["QMS", "ERP", "nonconformance-raised", "nonconformance for the rejected quantity"],
  ["note", "QMS", "accepted"],
  ["QMS", "ERP", "lot-disposition-changed", "hold released: lot UnRestricted"],
  ["ERP", "MES", "production-order-completed", "ERP posts completion (delivered)"],
  ["ERP", "QMS", "lot-shipped", "released lot shipped to a customer"],
];

/** The flow as a mermaid sequence diagram; every event is checked against the catalog. */
export function flowDiagram(): string {
  const lines = [
    "sequenceDiagram",
    "  autonumber",
    "  participant ERP as ERP (SAP, Oracle, D365)",
    "  participant MES as MES",
    "  participant QMS as QMS",
  ];
  let inAlt = false;
  for (const step of FLOW) {
    if (step[0] === "note") {
      lines.push(inAlt ? `  else ${step[2]}` : `  alt ${step[2]}`);
      inAlt = true;
      continue;
    }
    const [from, to, event, what] = step as readonly [string, string, keyof typeof EVENT_DEFINITIONS, string];
    const definition = EVENT_DEFINITIONS[event];
    if (!definition) throw new Error(`${event} is not a canonical event`);
    lines.push(`  ${inAlt ? "  " : ""}${from}->>${to}: ${event} (${what})`);
    if (event === "lot-disposition-changed" && inAlt && what.startsWith("hold released")) {
      lines.push("  end");
      inAlt = false;
    }
  }
  if (inAlt) lines.push("  end");
  return lines.join("\n");
}

/** Genealogy: how consumed and produced lots link through the order. */
export function genealogyDiagram(): string {
  for (const event of ["material-consumed", "material-produced"] as const) if (!EVENT_DEFINITIONS[event]) throw new Error(event);
  return [
    "flowchart LR",
    '  rm1["Lot RM-200 / 0000008801<br>(component lot)"] -- "material-consumed" --> po(["ProductionOrder 1000123"])',
    '  rm2["Lot RM-300 / 0000008802"] -- "material-consumed" --> po',
    '  po -- "material-produced" --> fg["Lot FG-1000 / 0000012345<br>(output lot)"]',
    '  fg -. "parents[]: GenealogyLink { lot, order, relationship }" .-> rm1',
    '  rm1 -. "children[]: GenealogyLink" .-> fg',
  ].join("\n");
}

const nodeId = (text: string) => text.replace(/[^A-Za-z0-9]/g, "_");

/** Where each vendor's resources fit: vendor entity sets feeding each canonical object. */
export function vendorDiagram(): string {
  const vendors = documentedVendors();
  const lines = ["flowchart LR"];
  lines.push('  subgraph canonical["canonical objects"]', "    direction TB");
  for (const [object, name] of Object.entries(OBJECTS)) lines.push(`    c_${nodeId(object)}(["${name}"])`);
  lines.push("  end");
  const edges: string[] = [];
  vendors.forEach((vendor, index) => {
    const declared = vendor.declarations.length > 0;
    lines.push(`  subgraph v_${vendor.name}["${vendor.title}${declared ? "" : " (catalog; mapper in progress)"}"]`, "    direction TB");
    const rows: Array<[ObjectName, string, string[]]> = declared
      ? vendor.declarations.map((d) => [d.canonical, d.root.catalog?.entitySet ?? d.root.entity, (d.root.children ?? []).map((c) => c.entity.entity)])
      : Object.entries(vendor.catalogFit).map(([object, entities]) => [object as ObjectName, entities![0]!, entities!.slice(1)]);
    for (const [object, entity, children] of rows) {
      const id = `${vendor.name}_${nodeId(object)}`;
      const label = children.length > 0 ? `${entity}<br>+ ${children.join(", ")}` : entity;
      lines.push(`    ${id}["${label}"]`);
      // Vendors alternate sides of the canonical objects so that the picture stays readable: the side is set by which end
      // of the link comes first. Two-way arrows (mappers decode and encode); mermaid flowcharts have no left-only arrow.
      const link = declared ? "<-->" : "<-.->";
      edges.push(index % 2 === 0 ? `  ${id} ${link} c_${nodeId(object)}` : `  c_${nodeId(object)} ${link} ${id}`);
    }
    lines.push("  end");
  });
  return [...lines, ...edges].join("\n");
}

/** The full text of `docs/guides/diagrams.md`. */
export function renderDiagramsDoc(): string {
  const vendors = documentedVendors();
  const pending = vendors.filter((v) => v.declarations.length === 0).map((v) => v.title);
  return [
    "---",
    "title: Diagrams",
    "---",
    "",
    "# Diagrams",
    "",
    "<!-- Generated by scripts/generate-diagrams-doc.ts from the schemas, the event definitions and the mapper declarations. Do not edit; run `pnpm run generate:diagrams-doc`. -->",
    "",
    "Pictures of the canonical model for architects agreeing on one model across ERP, MES and QMS. Field-level detail is in the",
    "[canonical model reference](./canonical-model.md), events in the [event catalog](./events.md), vendor mappings in the",
    "[side-by-side field map](./field-map.md).",
    "",
    "## Canonical object model",
    "",
    "The five canonical objects (`<<object>>`), the parts that carry their references, and the references between them. A solid diamond",
    "is a part held inside the object; a dashed arrow is a `Reference` (or `MaterialRef`) by identifier: objects never embed each other,",
    "so each system stays the owner of its own objects. References also point outside the model (supplier, CAPA records, complaints);",
    "those are not drawn.",
    "",
    "```mermaid",
    modelDiagram(),
    "```",
    "",
    "## Genealogy",
    "",
    "Genealogy is built from goods movements: each `material-consumed` event is a parent link and each `material-produced` event a",
    "child link through the order. A lot carries the result as `parents` and `children` (`GenealogyLink`: the other lot, the order, the",
    "relationship), so a recall can walk from a raw-material lot to every finished lot and back.",
    "",
    "```mermaid",
    genealogyDiagram(),
    "```",
    "",
    "## Order to quality release",
    "",
    "The flow our users run: the ERP releases an order, the MES dispatches it and reports operations and consumption, the QMS inspects",
    "and decides, holds block or release the inventory, and the ERP posts completion and lot status. Each arrow is labelled with the",
    "canonical event that carries the step (see the [event catalog](./events.md)); the emitter is the system the arrow starts from.",
    "",
    "```mermaid",
    flowDiagram(),
    "```",
    "",
    "## Where each vendor's resources fit",
    "",
    "Vendor entity sets (root entity, then the child entities mapped with it) and the canonical object each one maps to and back (the",
    "arrows point both ways: a mapper decodes and encodes). Solid arrows come from a vendor's mapper declarations; dotted arrows from",
    "its entity catalog only" +
      (pending.length > 0 ? ` (${pending.join(", ")}: mappers in progress, entity choice [inferred] from the vendor notes).` : "."),
    "",
    "```mermaid",
    vendorDiagram(),
    "```",
    "",
  ].join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  fs.writeFileSync(DIAGRAMS_DOC, renderDiagramsDoc());
  console.log(`wrote ${path.relative(root, DIAGRAMS_DOC)}`);
}
