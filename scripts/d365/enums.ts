/**
 * The enum registry: every enum type a catalogued property uses, merged from
 * the OpenAPI subset (member names as the CSDL has them), the supplementary
 * catalog's `enums_verified` (X++ values, UI labels) and the notes.
 */
import { NOTES_ENUMS } from "./facts.js";
import type { D365Enum } from "./model.js";

export interface OpenApiEnumSchema {
  type?: string;
  enum?: unknown[];
}

export interface VerifiedEnum {
  source: string;
  members: Record<string, number> | string[];
  ui_labels?: Record<string, string>;
}

/** Evidence tags of an `enums_verified` source sentence. */
function tagsOf(source: string): string {
  const tags: string[] = [];
  if (/Ballerina|CSDL/.test(source)) tags.push("seen-csdl");
  if (/AX ?2012/.test(source)) tags.push("seen-doc");
  if (/Dataverse/.test(source)) tags.push("seen-code");
  if (tags.length === 0) throw new Error(`enums_verified: unknown source "${source}"`);
  return tags.join(", ");
}

export function buildEnumRegistry(
  openApiSchemas: Readonly<Record<string, OpenApiEnumSchema>>,
  verified: Readonly<Record<string, VerifiedEnum>>,
): Map<string, D365Enum> {
  const registry = new Map<string, D365Enum>();
  for (const [name, s] of Object.entries(openApiSchemas)) {
    if (!s.enum) continue;
    if (s.type !== "string" || !s.enum.every((m): m is string => typeof m === "string")) throw new Error(`enum ${name}: not a string enum`);
    registry.set(name, { name, members: [...s.enum], evidence: "seen-csdl" });
  }
  for (const [key, v] of Object.entries(verified)) {
    const name = key.split(" ")[0] as string; // "PdsStatus (batch disposition status)"
    const values = Array.isArray(v.members) ? undefined : v.members;
    const members = Array.isArray(v.members) ? [...v.members] : Object.entries(v.members).sort((a, b) => a[1] - b[1]).map(([m]) => m);
    const known = registry.get(name);
    if (known) {
      if (JSON.stringify(known.members) !== JSON.stringify(members)) throw new Error(`enum ${name}: OpenAPI and supplementary catalog disagree`);
      if (values) known.values = values;
      if (v.ui_labels) known.labels = v.ui_labels;
      continue;
    }
    const e: D365Enum = { name, members, evidence: tagsOf(v.source) };
    if (values) e.values = values;
    if (v.ui_labels) e.labels = v.ui_labels;
    registry.set(name, e);
  }
  for (const e of NOTES_ENUMS) {
    if (registry.has(e.name)) throw new Error(`enum ${e.name}: the notes table repeats a sourced enum`);
    registry.set(e.name, e);
  }
  return registry;
}

export function enumOf(registry: ReadonlyMap<string, D365Enum>, name: string, where: string): D365Enum {
  const e = registry.get(name);
  if (!e) throw new Error(`${where}: unknown enum type ${name}`);
  return e;
}
