import fs from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { OBJECT_NAMES } from "@mfgsync/canonical";
import type { CanonicalObject, Issue, ObjectName } from "@mfgsync/canonical";
import type { MappingContext } from "@mfgsync/mapping";
import { createInMemoryContext, validate } from "@mfgsync/validators";
import type { Finding, ValidationContext } from "@mfgsync/validators";
import { parseJson } from "../format.js";
import { packageDir } from "../io.js";
import { VENDORS } from "../vendors.js";
import type { MapEntity } from "../vendors.js";

/** One detail line under a demo item: a schema issue, a rule finding or a mapping warning. */
export interface DemoDetail {
  readonly kind: "issue" | "finding" | "warning";
  /** `error`, `warning` or `info` for findings; `error` for issues, `warning` for mapping warnings. */
  readonly severity: string;
  /** The rule id (findings) or the issue code. */
  readonly id: string;
  readonly path: string;
  readonly message: string;
}

/**
 * One thing the demo checked. `ok`: it passed; `flagged`: it passed, but the
 * rules found errors in vendor sample data (what the rules are for, not a
 * failure of the demo); `failed`: a check that must pass did not.
 */
export interface DemoItem {
  readonly name: string;
  readonly status: "ok" | "flagged" | "failed";
  readonly text: string;
  readonly details: readonly DemoDetail[];
}

/** One section of the demo: a title, its items and a closing line. */
export interface DemoSection {
  readonly id: "canonical" | "rules" | "sap" | "oracle" | "d365";
  readonly title: string;
  readonly items: readonly DemoItem[];
  readonly footer?: string;
}

/** The SAP demo plant's time zone, as a customer would configure it in the mapping context. */
const SAP_DEMO_CONTEXT: MappingContext = { plantTimeZones: { "1010": "Europe/Berlin", "1710": "America/New_York" } };

/** Removes OData transport annotations (`__metadata`, unexpanded `__deferred` links, `results` wrappers stay). */
export function stripTransport(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripTransport);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === "__metadata") continue;
    if (child !== null && typeof child === "object" && !Array.isArray(child) && "__deferred" in child) continue;
    out[key] = stripTransport(child);
  }
  return out;
}

export const findingDetail = (f: Finding): DemoDetail => ({ kind: "finding", severity: f.severity, id: f.ruleId, path: f.path, message: f.message });
export const issueDetail = (i: Issue): DemoDetail => ({ kind: "issue", severity: "error", id: i.code, path: i.path, message: i.message });
export const warningDetail = (i: Pick<Issue, "code" | "path" | "message">): DemoDetail => ({ kind: "warning", severity: "warning", id: i.code, path: i.path, message: i.message });

export function summarise(findings: readonly { severity: string }[]): string {
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  return findings.length === 0 ? "no findings" : `${count("error")} error(s), ${count("warning")} warning(s), ${count("info")} info`;
}

/** Reads a bundled JSON file; a broken one is an issue of the demo, not a crash. */
export function readBundled(file: string): { ok: true; value: unknown } | { ok: false; issues: readonly [Issue, ...Issue[]] } {
  try {
    return parseJson(fs.readFileSync(file, "utf8"));
  } catch (error) {
    return { ok: false, issues: [{ path: "", code: "file.unreadable", message: `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}

/** Section 2: the rule catalog on the canonical object examples, with the demo plant as master data. Our own examples must pass. */
export function rulesSection(): DemoSection {
  const dir = path.join(packageDir("@mfgsync/canonical"), "examples");
  const context = createInMemoryContext({ plants: ["1010"] });
  const items: DemoItem[] = [];
  for (const name of OBJECT_NAMES) {
    const file = path.join(dir, `${name}.json`);
    if (!fs.existsSync(file)) continue;
    const json = readBundled(file);
    if (!json.ok) {
      items.push({ name, status: "failed", text: "example unreadable", details: json.issues.map(issueDetail) });
      continue;
    }
    const report = validate(name, json.value, { context });
    items.push({ name, status: report.ok ? "ok" : "failed", text: summarise(report.findings), details: report.findings.map(findingDetail) });
  }
  return { id: "rules", title: "Rule catalog on the canonical objects (master data: plant 1010)", items };
}

function describeSap(object: CanonicalObject): string {
  switch (object.kind) {
    case "production-order":
      return `order ${object.id.value}: ${object.state.value} (${object.state.originalCode ?? ""}), ${object.operations.length} ops, ${object.components.length} components`;
    case "lot":
      return `batch ${object.id.value} of ${object.material.id.value}: ${object.disposition.value}`;
    case "material":
      return `product ${object.id.value}: ${object.type.value} (${object.type.originalCode ?? ""}), base unit ${object.baseUnit}, ${object.plants?.length ?? 0} plant(s)`;
    case "inspection":
      return `inspection lot ${object.id.value}: ${object.origin.value}, ${object.characteristics.length} characteristics, decision ${object.decision?.outcome.value ?? "pending"}`;
    case "nonconformance":
      return `defect ${object.id.value}: ${object.severity.value}, ${object.status.value}`;
  }
}

/** How a vendor section checks one mapped entity. */
export interface MappedItemCheck {
  readonly mapper: { encode(input: CanonicalObject, context?: MappingContext): { ok: true; value: unknown } | { ok: false; issues: readonly Issue[] } };
  readonly entity: MapEntity;
  /** Master data for the rules. */
  readonly context: ValidationContext;
  readonly mappingContext: MappingContext;
  readonly describe: (object: CanonicalObject) => string;
}

/**
 * One demo item for one decoded entity: the rules on the canonical object and
 * the round trip back to the vendor, which must give `read` (the entity as it
 * came, transport annotations dropped). Rule findings on vendor data are what
 * the demo is for: shown and counted, not failures; a lossy round trip is one.
 */
export function mappedItem(
  name: string,
  result: { ok: true; value: unknown; warnings: readonly Issue[] } | { ok: false; issues: readonly Issue[]; warnings: readonly Issue[] },
  read: unknown,
  check: MappedItemCheck,
): DemoItem {
  if (!result.ok) return { name, status: "failed", text: "cannot map", details: [...result.issues.map(issueDetail), ...result.warnings.map(warningDetail)] };
  const object = result.value as CanonicalObject;
  const report = validate(check.entity as ObjectName, object, { context: check.context });
  const back = check.mapper.encode(object, check.mappingContext);
  const lossless = back.ok && isDeepStrictEqual(back.value, read);
  const status = !lossless ? "failed" : report.findings.some((f) => f.severity === "error") ? "flagged" : "ok";
  const warnings = result.warnings.length > 0 ? `; ${result.warnings.length} mapping warning(s)` : "";
  return {
    name,
    status,
    text: `→ ${check.describe(object)}\n      round trip ${lossless ? "lossless" : "LOST DATA"}; rules: ${summarise(report.findings)}${warnings}`,
    details: [...report.findings.map(findingDetail), ...result.warnings.map(warningDetail), ...(back.ok ? [] : back.issues.map(issueDetail))],
  };
}

/** Section 3: raw SAP OData payloads mapped to canonical, checked by the rules, and mapped back unchanged. */
export function sapSection(): DemoSection {
  const title = "SAP S/4HANA OData V2 → canonical → SAP (bundled fixtures; plant time zones from the mapping context)";
  const sap = VENDORS.find((v) => v.name === "sap");
  const dir = path.join(packageDir("@mfgsync/mappers-sap"), "fixtures");
  if (!sap || !fs.existsSync(dir)) return { id: "sap", title, items: [{ name: "fixtures", status: "failed", text: "SAP fixtures not found", details: [] }] };
  const items: DemoItem[] = [];
  const context = createInMemoryContext({ plants: ["1010", "1020", "1710"] });
  const entities: MapEntity[] = ["production-order", "lot", "material", "inspection", "nonconformance"];
  for (const entity of entities) {
    const mapper = sap.mappers[entity];
    const folder = path.join(dir, entity);
    const files = fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith(".json")).sort() : [];
    if (!mapper || files.length === 0) {
      items.push({ name: entity, status: "failed", text: "no mapper or fixture", details: [] });
      continue;
    }
    for (const file of files) {
      const name = `${entity}/${file}`;
      const json = readBundled(path.join(folder, file));
      if (!json.ok) {
        items.push({ name, status: "failed", text: "fixture unreadable", details: json.issues.map(issueDetail) });
        continue;
      }
      const raw = json.value;
      const wire = mapper.decodeWire(raw, SAP_DEMO_CONTEXT, { validate: true });
      if (!wire.ok) {
        items.push({ name, status: "failed", text: "cannot map", details: wire.issues.map(issueDetail) });
        continue;
      }
      const vendorEntities = wire.collection ? ((raw as { d: { results: unknown[] } }).d?.results ?? (raw as unknown[])) : [(raw as { d?: unknown }).d ?? raw];
      wire.results.forEach((result, index) => {
        items.push(mappedItem(name, result, stripTransport(vendorEntities[index]), { mapper, entity, context, mappingContext: SAP_DEMO_CONTEXT, describe: describeSap }));
      });
    }
  }
  return { id: "sap", title, items };
}
