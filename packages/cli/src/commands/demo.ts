import fs from "node:fs";
import path from "node:path";
import { OBJECT_NAMES, SCHEMA_NAMES } from "@mfgsync/canonical";
import type { CanonicalObject } from "@mfgsync/canonical";
import { formatIssues } from "../format.js";
import type { CliIo } from "../io.js";
import { packageDir } from "../io.js";
import { rulesSection, sapSection } from "./demo-sections.js";
import type { Command } from "./types.js";
import { checkSchema } from "./validate.js";

/** One line that says what an object is, for people. */
function describe(value: CanonicalObject): string {
  switch (value.kind) {
    case "material":
      return `${value.id.value} rev ${value.revision ?? "-"}, ${value.type.value}, base unit ${value.baseUnit}, ${value.lifecycleStatus.value}`;
    case "production-order":
      return `${value.id.value}: ${value.plannedQuantity.value} ${value.plannedQuantity.unit} of ${value.material.id.value} in plant ${value.plant}, ${value.state.value}${value.state.originalCode ? ` (${value.state.originalCode})` : ""}, ${value.operations.length} operations, ${value.components.length} components`;
    case "lot":
      return `${value.id.value} of ${value.material.id.value}: ${value.disposition.value}${value.quantity ? `, ${value.quantity.value} ${value.quantity.unit}` : ""}, ${value.parents?.length ?? 0} parent lot(s)`;
    case "inspection":
      return `${value.id.value} (${value.origin.value}): ${value.characteristics.length} characteristics, ${value.results.length} results, decision ${value.decision?.outcome.value ?? "pending"}`;
    case "nonconformance":
      return `${value.id.value}: ${value.severity.value} ${value.type.value}, ${value.status.value}, ${value.affected.length} affected item(s)`;
  }
}

/** Section 1: the bundled canonical examples, parsed and schema-checked. */
function canonicalSection(io: CliIo): boolean {
  const dir = path.join(packageDir("@mfgsync/canonical"), "examples");
  io.out(`Canonical examples (${path.relative(process.cwd(), dir) || dir})\n`);
  let ok = true;
  let checked = 0;
  for (const name of SCHEMA_NAMES) {
    const file = path.join(dir, `${name}.json`);
    if (!fs.existsSync(file)) {
      ok = false;
      io.out(`  ✗ ${name.padEnd(28)} example missing\n`);
      continue;
    }
    checked++;
    const result = checkSchema(name, JSON.parse(fs.readFileSync(file, "utf8")));
    if (!result.ok) {
      ok = false;
      io.out(`  ✗ ${name}\n${formatIssues(result.issues, "      ")}`);
      continue;
    }
    const value = result.value as CanonicalObject | { type: string; subject: string };
    const text = (OBJECT_NAMES as readonly string[]).includes(name) ? describe(value as CanonicalObject) : `${(value as { type: string }).type} about ${(value as { subject: string }).subject}`;
    io.out(`  ✓ ${name.padEnd(28)} ${text}\n`);
  }
  io.out(`  ${checked} of ${SCHEMA_NAMES.length} examples parsed and schema-checked\n`);
  return ok;
}

/** Demo sections, run in order; later sections (rules, vendor mapping) plug in here. */
export const DEMO_SECTIONS: Array<(io: CliIo) => boolean | Promise<boolean>> = [canonicalSection, rulesSection, sapSection];

export const demoCommand: Command = {
  name: "demo",
  summary: "parse and check the bundled samples and print a summary",
  usage: "mfgsync demo",
  async run(args, io) {
    if (args.length > 0) throw new (await import("../io.js")).UsageError("demo takes no arguments");
    let ok = true;
    for (const section of DEMO_SECTIONS) {
      ok = (await section(io)) && ok;
      io.out("\n");
    }
    io.out(ok ? "Demo finished: everything checked out.\n" : "Demo finished with problems (see ✗ above).\n");
    return ok ? 0 : 1;
  },
};
