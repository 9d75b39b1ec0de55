import fs from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { OBJECT_NAMES } from "@mfgsync/canonical";
import type { CanonicalObject, ObjectName } from "@mfgsync/canonical";
import type { MappingContext } from "@mfgsync/mapping";
import { createInMemoryContext, validate } from "@mfgsync/validators";
import type { CliIo } from "../io.js";
import { packageDir } from "../io.js";
import { VENDORS } from "../vendors.js";
import type { MapEntity } from "../vendors.js";

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

function summarise(findings: readonly { severity: string }[]): string {
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  return findings.length === 0 ? "no findings" : `${count("error")} error(s), ${count("warning")} warning(s), ${count("info")} info`;
}

/** Section 2: the rule catalog on the canonical object examples, with the demo plant as master data. */
export function rulesSection(io: CliIo): boolean {
  const dir = path.join(packageDir("@mfgsync/canonical"), "examples");
  io.out("Rule catalog on the canonical objects (master data: plant 1010)\n");
  const context = createInMemoryContext({ plants: ["1010"] });
  let ok = true;
  for (const name of OBJECT_NAMES) {
    const file = path.join(dir, `${name}.json`);
    if (!fs.existsSync(file)) continue;
    const report = validate(name, JSON.parse(fs.readFileSync(file, "utf8")), { context });
    ok = ok && report.ok;
    io.out(`  ${report.ok ? "✓" : "✗"} ${name.padEnd(28)} ${summarise(report.findings)}\n`);
    for (const f of report.findings) io.out(`      ${f.severity.padEnd(7)} ${f.ruleId}  ${f.path || "/"}  ${f.message}\n`);
  }
  return ok;
}

/** Section 3: raw SAP OData payloads mapped to canonical, checked, and mapped back unchanged. */
export function sapSection(io: CliIo): boolean {
  const sap = VENDORS.find((v) => v.name === "sap");
  const dir = path.join(packageDir("@mfgsync/mappers-sap"), "fixtures");
  io.out("SAP S/4HANA OData V2 → canonical → SAP (bundled fixtures; plant time zones from the mapping context)\n");
  if (!sap || !fs.existsSync(dir)) {
    io.out("  ✗ SAP fixtures not found\n");
    return false;
  }
  let ok = true;
  const context = createInMemoryContext({ plants: ["1010", "1020", "1710"] });
  const cases: Array<[MapEntity, string]> = [["production-order", "production-order"], ["lot", "lot"], ["material", "material"], ["inspection", "inspection"], ["nonconformance", "nonconformance"]];
  for (const [entity, folder] of cases) {
    const mapper = sap.mappers[entity];
    const files = fs.existsSync(path.join(dir, folder)) ? fs.readdirSync(path.join(dir, folder)).filter((f) => f.endsWith(".json")).sort() : [];
    if (!mapper || files.length === 0) {
      io.out(`  ✗ ${entity}: no mapper or fixture\n`);
      ok = false;
      continue;
    }
    for (const file of files) {
      const raw = JSON.parse(fs.readFileSync(path.join(dir, folder, file), "utf8")) as unknown;
      const wire = mapper.decodeWire(raw, SAP_DEMO_CONTEXT, { validate: true });
      if (!wire.ok) {
        ok = false;
        io.out(`  ✗ ${folder}/${file}: ${wire.issues[0].path} ${wire.issues[0].message}\n`);
        continue;
      }
      const entities = wire.collection ? ((raw as { d: { results: unknown[] } }).d?.results ?? (raw as unknown[])) : [(raw as { d?: unknown }).d ?? raw];
      wire.results.forEach((result, index) => {
        if (!result.ok) {
          ok = false;
          io.out(`  ✗ ${folder}/${file}: ${result.issues.map((i) => `${i.path} ${i.message}`).join("; ")}\n`);
          return;
        }
        const object = result.value as CanonicalObject;
        const report = validate(entity as ObjectName, object, { context });
        const back = mapper.encode(object, SAP_DEMO_CONTEXT);
        const lossless = back.ok && isDeepStrictEqual(back.value, stripTransport(entities[index]));
        // Rule findings on vendor data are what the demo is for: they are shown, not failures.
        ok = ok && lossless;
        const what = object.kind === "production-order"
          ? `order ${object.id.value}: ${object.state.value} (${object.state.originalCode ?? ""}), ${object.operations.length} ops, ${object.components.length} components`
          : object.kind === "lot" ? `batch ${object.id.value} of ${object.material.id.value}: ${object.disposition.value}`
          : object.kind === "material" ? `product ${object.id.value}: ${object.type.value} (${object.type.originalCode ?? ""}), base unit ${object.baseUnit}, ${object.plants?.length ?? 0} plant(s)`
          : object.kind === "inspection" ? `inspection lot ${object.id.value}: ${object.origin.value}, ${object.characteristics.length} characteristics, decision ${object.decision?.outcome.value ?? "pending"}`
          : `defect ${object.id.value}: ${object.severity.value}, ${object.status.value}`;
        io.out(`  ${lossless ? "✓" : "✗"} ${`${folder}/${file}`} → ${what}\n      round trip ${lossless ? "lossless" : "LOST DATA"}; rules: ${summarise(report.findings)}${result.warnings.length ? `; ${result.warnings.length} mapping warning(s)` : ""}\n`);
        for (const f of report.findings) io.out(`      ${f.severity.padEnd(7)} ${f.ruleId}  ${f.path || "/"}  ${f.message}\n`);
      });
    }
  }
  return ok;
}
