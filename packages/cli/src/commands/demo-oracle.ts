// The demo's Oracle section: the Oracle package's synthetic REST fixtures
// mapped to canonical, checked by the rules and mapped back unchanged.
import fs from "node:fs";
import path from "node:path";
import type { CanonicalObject } from "@mfgsync/canonical";
import type { MappingContext } from "@mfgsync/mapping";
import { oracleRestProfile, unwrapOracleRest } from "@mfgsync/mapping";
import { createInMemoryContext } from "@mfgsync/validators";
import { packageDir } from "../io.js";
import { VENDORS } from "../vendors.js";
import type { MapEntity } from "../vendors.js";
import type { DemoItem, DemoSection } from "./demo-sections.js";
import { issueDetail, mappedItem, readBundled } from "./demo-sections.js";

/** A tenant's code tables, as a customer would configure them in the mapping context. */
const ORACLE_DEMO_CONTEXT: MappingContext = {
  codeTables: {
    "oracle:WorkOrderStatusCode": { MX_REL_KITTED: "Released" },
    "oracle:lot-status": { MX_QA_PEND: { qualityStatus: "AwaitingInspection", disposition: "Restricted" } },
    "oracle:QualityIssueSeverity": { ORA_HIGH: "Major", ORA_MEDIUM: "Minor" },
    "oracle:QualityIssueSource": { ORA_QUALITY: "Internal", ORA_CUSTOMER: "Customer", ORA_SUPPLIER: "Supplier" },
    "oracle:QualityIssueDisposition": { ORA_REWORK: "Rework", ORA_RETURN: "ReturnToVendor" },
    "oracle:QualityTypeId": { "300100190000301": "Product", "300100190000302": "Product" },
    "oracle:WorkflowStatusId": { "300100190000101": "Open", "300100190000102": "UnderInvestigation", "300100190000103": "Contained" },
  },
};

function describeOracle(object: CanonicalObject): string {
  const org = object.id.scope?.value ?? "?";
  switch (object.kind) {
    case "production-order":
      return `work order ${org}/${object.id.value}: ${object.state.value} (${object.state.originalCode ?? ""}), ${object.operations.length} ops, ${object.components.length} components`;
    case "lot":
      return `lot ${org}/${object.id.value} of ${object.material.id.value}: ${object.disposition.value}${object.qualityStatus ? `, ${object.qualityStatus.value}` : ""} (${object.vendorStatus?.code ?? ""})`;
    case "material":
      return `item ${org}/${object.id.value}: ${object.type.value}, base unit ${object.baseUnit}, ${object.lifecycleStatus.value}`;
    case "nonconformance":
      return `quality issue ${object.id.value}: ${object.severity.value} (${object.severity.originalCode ?? "no severity"}), ${object.status.value}, ${object.affected.length} affected, ${object.capaReferences?.length ?? 0} action(s)`;
    default:
      return `${object.kind} ${object.id.value}`;
  }
}

/** Oracle REST payloads (collections, single items, plain arrays) mapped to canonical, checked by the rules, and mapped back unchanged. */
export function oracleSection(): DemoSection {
  const title = "Oracle Fusion Cloud SCM REST → canonical → Oracle (bundled synthetic fixtures; tenant code tables from the mapping context)";
  const oracle = VENDORS.find((v) => v.name === "oracle");
  const dir = path.join(packageDir("@mfgsync/mappers-oracle"), "fixtures");
  if (!oracle || !fs.existsSync(dir)) return { id: "oracle", title, items: [{ name: "fixtures", status: "failed", text: "Oracle fixtures not found", details: [] }] };
  const items: DemoItem[] = [];
  const context = createInMemoryContext({ plants: ["MX1", "ST2", "M1", "MST"] });
  const entities: [MapEntity, string][] = [["production-order", "work-order"], ["material", "material"], ["lot", "lot"], ["nonconformance", "nonconformance"]];
  for (const [entity, folderName] of entities) {
    const mapper = oracle.mappers[entity];
    const folder = path.join(dir, folderName);
    const files = fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith(".json")).sort() : [];
    if (!mapper || files.length === 0) {
      items.push({ name: entity, status: "failed", text: "no mapper or fixture", details: [] });
      continue;
    }
    for (const file of files) {
      const name = `${folderName}/${file}`;
      const json = readBundled(path.join(folder, file));
      const unwrapped = json.ok ? unwrapOracleRest(json.value) : undefined;
      if (!json.ok || unwrapped === undefined || !unwrapped.ok) {
        items.push({ name, status: "failed", text: "fixture unreadable", details: (json.ok ? (unwrapped && !unwrapped.ok ? unwrapped.issues : []) : json.issues).map(issueDetail) });
        continue;
      }
      const wire = mapper.decodeWire(json.value, ORACLE_DEMO_CONTEXT, { validate: true });
      if (!wire.ok) {
        items.push({ name, status: "failed", text: "cannot map", details: wire.issues.map(issueDetail) });
        continue;
      }
      wire.results.forEach((result, index) => {
        const read = oracleRestProfile.stripTransport(unwrapped.entities[index]?.value);
        items.push(mappedItem(name, result, read, { mapper, entity, context, mappingContext: ORACLE_DEMO_CONTEXT, describe: describeOracle }));
      });
    }
  }
  return { id: "oracle", title, items };
}
