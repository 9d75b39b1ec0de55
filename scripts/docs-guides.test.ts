// The generated architect guides (event catalog, diagrams, side-by-side field map) match what their
// generators write from the definitions; run the named `pnpm run generate:*` script when one fails.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { EventSchemas, safeParseEvent } from "@mfgsync/canonical";
import { EVENT_DEFINITIONS } from "../packages/canonical/src/events/catalog.js";
import { DIAGRAMS_DOC, flowDiagram, modelDiagram, renderDiagramsDoc, vendorDiagram } from "./generate-diagrams-doc.js";
import { EVENTS_DOC, checkedExample, renderEventsDoc } from "./generate-events-doc.js";
import { MAPPING_PAGES } from "./generate-mapping-docs.js";
import { FIELD_MAP_DOC, renderFieldMapDoc } from "./mapping-docs/field-map.js";
import { documentedVendors } from "./mapping-docs/vendors.js";

describe("docs/guides/events.md (pnpm run generate:events-doc)", () => {
  const doc = renderEventsDoc();
  it("is committed as generated", () => expect(fs.readFileSync(EVENTS_DOC, "utf8")).toBe(doc));

  it("has a section for every event with its type, subject and a valid example whose id is its idempotency key", () => {
    const names = Object.keys(EVENT_DEFINITIONS) as (keyof typeof EVENT_DEFINITIONS)[];
    expect(names.length).toBe(Object.keys(EventSchemas).length);
    for (const name of names) {
      const d = EVENT_DEFINITIONS[name];
      expect(doc, name).toContain(`### ${name}\n\n${d.description}\n`);
      expect(doc, name).toContain(`- **type**: \`${d.type}\``);
      expect(doc, name).toContain(`at \`data.${d.subject.join(".")}\``);
      const example = checkedExample(name);
      expect(safeParseEvent(example.event).ok, name).toBe(true);
      expect(doc, name).toContain(`\`\`\`json\n${example.json}\n\`\`\``);
    }
  });
});

describe("docs/guides/diagrams.md (pnpm run generate:diagrams-doc)", () => {
  it("is committed as generated", () => expect(fs.readFileSync(DIAGRAMS_DOC, "utf8")).toBe(renderDiagramsDoc()));

  it("draws the model from the schemas, the flow with catalog events and every vendor", () => {
    const model = modelDiagram();
    expect(model).toContain('ProductionOrder *-- "0..*" Operation : operations');
    expect(model).toContain('GenealogyLink ..> "1" Lot : lot');
    expect(model).toContain('Lot *-- "0..*" GenealogyLink : parents');
    const flow = flowDiagram();
    const events = [...flow.matchAll(/->>\w+: ([a-z-]+) \(/g)].map((m) => m[1]!);
    expect(events.length).toBeGreaterThan(10);
    for (const event of events) expect(Object.keys(EVENT_DEFINITIONS), event).toContain(event);
    const vendors = vendorDiagram();
    for (const vendor of documentedVendors()) expect(vendors, vendor.name).toContain(`subgraph v_${vendor.name}[`);
    expect(vendors).toContain('sap_production_order["A_ProductionOrder_2');
  });
});

describe("docs/guides/field-map.md (pnpm run generate:mapping-docs)", () => {
  const doc = renderFieldMapDoc();
  it("is committed as generated and is one of the mapping pages", () => {
    expect(fs.readFileSync(FIELD_MAP_DOC, "utf8")).toBe(doc);
    expect(MAPPING_PAGES.map((p) => p.file)).toContain(FIELD_MAP_DOC);
  });

  it("has a column per vendor and names the vendor property of each declared field", () => {
    const vendors = documentedVendors();
    expect(vendors.map((v) => v.name)).toEqual(["sap", "oracle", "d365"]);
    for (const vendor of vendors) expect(doc, vendor.name).toContain(vendor.title);
    expect(doc).toContain("| `plant` | `ProductionPlant` |");
    for (const vendor of vendors) {
      for (const declaration of vendor.declarations) {
        for (const field of declaration.root.fields) {
          if (field.canonical && !field.canonical.includes(".") && !field.canonical.includes("[")) expect(doc, `${declaration.name} ${field.canonical}`).toContain(`\`${field.vendor[0]}\``);
        }
      }
    }
  });
});
