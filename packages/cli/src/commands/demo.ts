import path from "node:path";
import { OBJECT_NAMES, SCHEMA_NAMES } from "@mfgsync/canonical";
import type { CanonicalObject } from "@mfgsync/canonical";
import { formatOf, formatOption, parseCommandArgs } from "../help.js";
import type { CliIo } from "../io.js";
import { packageDir } from "../io.js";
import type { DemoItem, DemoSection } from "./demo-sections.js";
import { issueDetail, readBundled, rulesSection, sapSection } from "./demo-sections.js";
import { oracleSection } from "./demo-oracle.js";
import { d365Section } from "./demo-d365.js";
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
function canonicalSection(): DemoSection {
  const dir = path.join(packageDir("@mfgsync/canonical"), "examples");
  const items: DemoItem[] = SCHEMA_NAMES.map((name): DemoItem => {
    const json = readBundled(path.join(dir, `${name}.json`));
    const result = json.ok ? checkSchema(name, json.value) : json;
    if (!result.ok) return { name, status: "failed", text: json.ok ? "does not pass its schema" : "example missing or unreadable", details: result.issues.map(issueDetail) };
    const value = result.value as CanonicalObject | { type: string; subject: string };
    const text = (OBJECT_NAMES as readonly string[]).includes(name) ? describe(value as CanonicalObject) : `${(value as { type: string }).type} about ${(value as { subject: string }).subject}`;
    return { name, status: "ok", text, details: [] };
  });
  const checked = items.filter((i) => i.status === "ok").length;
  return { id: "canonical", title: `Canonical examples (${path.relative(process.cwd(), dir) || dir})`, items, footer: `${checked} of ${SCHEMA_NAMES.length} examples parsed and schema-checked` };
}

/** Demo sections, run in order. */
export const DEMO_SECTIONS: ReadonlyArray<() => DemoSection> = [canonicalSection, rulesSection, sapSection, oracleSection, d365Section];

const MARK = { ok: "✓", flagged: "!", failed: "✗" } as const;

function renderSection(section: DemoSection): string {
  let text = `${section.title}\n`;
  for (const item of section.items) {
    text += `  ${MARK[item.status]} ${item.text.startsWith("→") ? `${item.name} ${item.text}` : `${item.name.padEnd(28)} ${item.text}`}\n`;
    for (const d of item.details) text += `      ${d.severity.padEnd(7)} ${d.id}  ${d.path || "/"}  ${d.message}\n`;
  }
  if (section.footer) text += `  ${section.footer}\n`;
  return `${text}\n`;
}

/** What the demo found, counted: the closing line says exactly this, nothing rosier. */
function tally(sections: readonly DemoSection[]) {
  const all = sections.flatMap((s) => s.items);
  const details = all.flatMap((i) => i.details);
  const sap = sections.find((s) => s.id === "sap")?.items ?? [];
  const sapDetails = sap.flatMap((i) => i.details);
  return {
    failed: all.filter((i) => i.status === "failed").length,
    examples: sections.find((s) => s.id === "canonical")?.items.filter((i) => i.status === "ok").length ?? 0,
    objectsPassingRules: sections.find((s) => s.id === "rules")?.items.filter((i) => i.status === "ok").length ?? 0,
    sapEntitiesLossless: sap.filter((i) => i.status !== "failed").length,
    sapEntitiesFlagged: sap.filter((i) => i.status === "flagged").length,
    sapRuleErrors: sapDetails.filter((d) => d.kind === "finding" && d.severity === "error").length,
    ruleWarnings: details.filter((d) => d.kind === "finding" && d.severity === "warning").length,
    mappingWarnings: details.filter((d) => d.kind === "warning").length,
  };
}

function closingLine(t: ReturnType<typeof tally>): string {
  if (t.failed > 0) return `Demo finished with problems: ${t.failed} check(s) failed (✗ above).`;
  let text = `Demo finished: ${t.examples} canonical examples schema-checked, ${t.objectsPassingRules} objects pass the rule catalog, ${t.sapEntitiesLossless} SAP entities mapped to canonical and back without loss.`;
  if (t.sapRuleErrors > 0) text += ` The rules found ${t.sapRuleErrors} error(s) in ${t.sapEntitiesFlagged} SAP sample entit${t.sapEntitiesFlagged === 1 ? "y" : "ies"} (! above): vendor data that breaks a rule is what the catalog is there to catch.`;
  if (t.ruleWarnings > 0) text += ` ${t.ruleWarnings} rule warning(s).`;
  if (t.mappingWarnings > 0) text += ` ${t.mappingWarnings} mapping warning(s) (shown above).`;
  if (t.sapRuleErrors === 0 && t.ruleWarnings === 0 && t.mappingWarnings === 0) text += " Everything checked out.";
  return text;
}

export const demoCommand: Command = {
  name: "demo",
  summary: "parse and check the bundled samples and print a summary",
  usage: "mfgsync demo [--format text|json]",
  description: "Runs the bundled samples through the SDK: every canonical example against its schema, the rule catalog on the canonical objects, the SAP fixtures (raw OData V2 payloads) to canonical, through the rules and back to SAP, which must give back the payload unchanged, and the D365 fixtures (raw OData V4 payloads, bundles included) to canonical and back the same way. Rule errors in the SAP sample data are shown and counted (marked !); they do not fail the demo. Exit 0 when every check that must pass did, 1 otherwise.",
  options: [formatOption(["text", "json"], "text for people; json prints {ok, sections, summary, message} on standard output")],
  examples: [
    ["mfgsync demo", "the tour, as text"],
    ["mfgsync demo --format json | jq .summary", "the counts only"],
  ],
  async run(args, io: CliIo) {
    const { values } = parseCommandArgs(demoCommand, args);
    const format = formatOf(demoCommand, values);
    const sections: DemoSection[] = [];
    for (const section of DEMO_SECTIONS) {
      const result = section();
      sections.push(result);
      // Text goes out section by section, so a reader sees progress (and `| head` stops the demo early).
      if (format === "text") io.out(renderSection(result));
    }
    const counts = tally(sections);
    const message = closingLine(counts);
    if (format === "json") io.out(JSON.stringify({ ok: counts.failed === 0, sections, summary: counts, message }, null, 2) + "\n");
    else io.out(`${message}\n`);
    return counts.failed === 0 ? 0 : 1;
  },
};
