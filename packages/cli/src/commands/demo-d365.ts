// The demo's Dynamics 365 section: the D365 package's synthetic OData V4
// fixtures (collections, single entities, plain arrays and bundles) mapped
// to canonical objects and back; each must give back what was read.
import fs from "node:fs";
import { isDeepStrictEqual } from "node:util";
import path from "node:path";
import type { CanonicalObject } from "@mfgsync/canonical";
import type { MappingContext } from "@mfgsync/mapping";
import { parseWireJson } from "@mfgsync/mapping";
import { packageDir } from "../io.js";
import type { DemoItem, DemoSection } from "./demo-sections.js";
import { issueDetail, warningDetail } from "./demo-sections.js";
import { vendorNamed } from "../vendors.js";

/** The demo tenant as a customer would configure it: site time zones, its units and its codes. */
const D365_DEMO_CONTEXT: MappingContext = {
  plantTimeZones: { "2": "America/Chicago", "3": "America/Chicago", "DE-1": "Europe/Berlin" },
  units: { cP: "C7" },
  codeTables: {
    "d365:BatchDispositionCode": { "QA-QUAR": { disposition: "Restricted", qualityStatus: "Quarantined", hold: { reason: "Investigation", blocks: ["All"], source: "Manual" } } },
    "d365:ProductLifecycleStateId": { Discontinued: "Obsolete" },
    "d365:QualityTestUnit": { Viscosity: "cP", Diameter: "mm" },
  },
};

/** The rows of a parsed payload as the mapper reads them (transport annotations dropped), or undefined for a bundle. */
function rowsOf(payload: unknown): unknown[] | undefined {
  const drop = (v: unknown) => JSON.parse(JSON.stringify(v, (k, x: unknown) => (k === "@odata.context" || k === "@odata.nextLink" || k === "@odata.count" ? undefined : x))) as unknown;
  if (Array.isArray(payload)) return payload.map(drop);
  const record = payload as Record<string, unknown>;
  if (Array.isArray(record["value"]) && Object.keys(record).every((k) => k === "value" || k.startsWith("@"))) return (record["value"] as unknown[]).map(drop);
  if (Object.keys(record).some((k) => k.endsWith("Headers"))) return undefined;
  return [drop(payload)];
}

function describeD365(object: CanonicalObject): string {
  switch (object.kind) {
    case "production-order": return `order ${object.id.value} (${object.id.scope?.value ?? "?"}): ${object.state.value} (${object.state.originalCode ?? ""}), ${object.plannedQuantity.value} ${object.plannedQuantity.unit}, ${object.operations.length} ops, ${object.components.length} components`;
    case "lot": return `batch ${object.id.value} of ${object.material.id.value}: ${object.disposition.value}${object.qualityStatus ? `/${object.qualityStatus.value}` : ""}${object.countryOfOrigin ? `, origin ${object.countryOfOrigin}` : ""}`;
    case "material": return `item ${object.id.value}: ${object.type.value} (${object.type.originalCode ?? ""}), unit ${object.baseUnit}, ${object.lifecycleStatus.value}`;
    case "inspection": return `quality order ${object.id.value}: ${object.origin.value}, ${object.results.length} results, decision ${object.decision?.outcome.value ?? "pending"}`;
    case "nonconformance": return `nonconformance ${object.id.value}: ${object.source.value}, ${object.status.value}`;
  }
}

/** Section: raw D365 OData V4 payloads to canonical and back. */
export function d365Section(): DemoSection {
  const title = "Dynamics 365 SCM OData V4 → canonical → D365 (bundled fixtures; site time zones and tenant codes from the mapping context)";
  const d365 = vendorNamed("d365");
  let dir: string;
  try {
    dir = path.join(packageDir("@mfgsync/mappers-d365"), "fixtures");
  } catch {
    dir = "";
  }
  if (!d365 || dir === "" || !fs.existsSync(dir)) return { id: "d365", title, items: [{ name: "fixtures", status: "failed", text: "D365 fixtures not found", details: [] }] };
  const items: DemoItem[] = [];
  for (const entity of ["production-order", "lot", "material", "inspection", "nonconformance"] as const) {
    const mapper = d365.mappers[entity];
    const folder = path.join(dir, entity);
    const files = fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith(".json")).sort() : [];
    for (const file of files) {
      const name = `${entity}/${file}`;
      const parsed = parseWireJson(fs.readFileSync(path.join(folder, file), "utf8"));
      if (!mapper || !parsed.ok) {
        items.push({ name, status: "failed", text: "no mapper, or the fixture is unreadable", details: parsed.ok ? [] : parsed.issues.map(issueDetail) });
        continue;
      }
      const wire = mapper.decodeWire(parsed.value, D365_DEMO_CONTEXT, { validate: true });
      if (!wire.ok) {
        items.push({ name, status: "failed", text: "cannot map", details: wire.issues.map(issueDetail) });
        continue;
      }
      const rows = rowsOf(JSON.parse(fs.readFileSync(path.join(folder, file), "utf8")));
      wire.results.forEach((result, index) => {
        if (!result.ok) {
          items.push({ name, status: "failed", text: "cannot map", details: result.issues.map(issueDetail) });
          return;
        }
        const object = result.value as CanonicalObject;
        const back = mapper.encode(object, D365_DEMO_CONTEXT);
        // A bundle goes back as a bundle of its own rows: check that it reads back to the same object.
        const again = back.ok && rows === undefined ? mapper.decodeWire(back.value, D365_DEMO_CONTEXT) : undefined;
        const lossless = back.ok && (rows !== undefined
          ? isDeepStrictEqual(JSON.parse(JSON.stringify(back.value)), rows[index])
          : again?.ok === true && again.results[0]?.ok === true && isDeepStrictEqual(again.results[0].value, object));
        items.push({
          name,
          status: lossless ? "ok" : "failed",
          text: `→ ${describeD365(object)}\n      round trip ${lossless ? "lossless" : "LOST DATA"}${result.warnings.length > 0 ? `; ${result.warnings.length} mapping warning(s)` : ""}`,
          details: [...result.warnings.map(warningDetail), ...(back.ok ? [] : back.issues.map(issueDetail))],
        });
      });
    }
  }
  return { id: "d365", title, items };
}
