import type { CatalogPropertyInfo } from "../catalog.js";
import type { EntityDeclaration, MapperDeclaration } from "../declare.js";
import type { EntityCoverage } from "./coverage.js";
import { coverageReport } from "./coverage.js";

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function typeOf(p: CatalogPropertyInfo | undefined, keys: readonly string[], navigation: boolean): string {
  if (!p) return navigation ? "navigation" : "(not in catalog)";
  let t = p.edmType;
  if (p.maxLength !== null) t += `(${p.maxLength})`;
  else if (p.precision !== null && p.edmType === "Edm.Decimal") t += `(${p.precision},${p.scale ?? 0})`;
  if (keys.includes(p.name)) t += ", key";
  if (p.inferred) t += ", inferred";
  return t;
}

function list(names: readonly string[]): string {
  return names.length === 0 ? "none" : names.map((n) => `\`${n}\``).join(", ");
}

function entitySection(declaration: EntityDeclaration, coverage: EntityCoverage, vendor: string, namespace: string, lines: string[]): void {
  const catalog = declaration.catalog;
  const props = new Map((catalog?.properties ?? []).map((p) => [p.name, p]));
  const keys = catalog?.keys ?? [];
  const navs = new Set((catalog?.navigationProperties ?? []).map((n) => n.name));
  const mappedProps = coverage.mapped.filter((p) => props.has(p)).length;
  lines.push(`### ${declaration.entity} → \`${coverage.canonicalPath || "/"}\``, "");
  const total = (catalog?.properties.length ?? 0);
  lines.push(
    catalog
      ? `${mappedProps} of ${total} properties mapped, ${coverage.carried.length} carried in \`extensions.${namespace}\`${catalog.derivedFrom === "notes" ? " (catalog built from research notes, not from a specification: verify on a tenant)" : ""}.`
      : "No catalog.",
    "",
  );
  lines.push(`| ${vendor} property | type | canonical | conversion | notes |`, "|---|---|---|---|---|");
  for (const f of declaration.fields) {
    const type = f.vendor.map((v) => typeOf(props.get(v), keys, navs.has(v))).join(" + ");
    const notes = [f.required ? "required" : "", f.carryAlways ? `raw values also kept in extensions.${namespace}` : "", f.note ?? "", f.uncertain ? `uncertain: ${f.uncertain}` : ""].filter(Boolean).join("; ");
    lines.push(`| ${cell(f.vendor.join(" + "))} | ${cell(type)} | ${f.canonical === null ? "(none)" : f.canonical === "" ? (f.fills ?? []).map((k) => `\`${k}\``).join(", ") : `\`${f.canonical}\``} | ${cell(`${f.converter.kind}: ${f.converter.description}`)} | ${cell(notes)} |`);
  }
  for (const c of declaration.children ?? []) {
    lines.push(`| ${cell(c.navigation)} | navigation | \`${c.canonical}\`${c.cardinality === "many" ? "[]" : ""} | ${cell(`child ${c.entity.entity}`)} | ${cell([c.match ? `matched by ${c.match}` : "", c.note ?? ""].filter(Boolean).join("; "))} |`);
  }
  lines.push("");
  lines.push(`Carried in \`extensions.${namespace}\`: ${list(coverage.carried)}.`, "");
  if (coverage.carriedNavigation.length > 0) lines.push(`Navigation kept in \`extensions.${namespace}\` when expanded: ${list(coverage.carriedNavigation)}.`, "");
  lines.push(`Canonical fields not filled from ${declaration.entity}: ${list(coverage.canonicalUnfilled)}.`, "");
}

/**
 * Renders a mapper declaration as Markdown: one table per vendor entity
 * (vendor property, type from the catalog, canonical path, conversion,
 * notes and uncertain facts), the carried properties, the canonical fields
 * left empty and the known losses.
 *
 * @example
 * ```ts
 * import { declareMapper, entity, field, identifier, renderMappingTable } from "@mfgsync/mapping";
 * const markdown = renderMappingTable(declareMapper({
 *   name: "acme:lot", title: "ACME lots", canonical: "lot", namespace: "acme", defaults: { scheme: "acme" }, knownLoss: [],
 *   root: entity({ entity: "Lot", fields: [field("LotId", "id", identifier(), { required: true })] }),
 * }), { vendor: "ACME" });
 * ```
 */
export function renderMappingTable(declaration: MapperDeclaration, options: { readonly vendor?: string; readonly headingLevel?: number } = {}): string {
  const vendor = options.vendor ?? declaration.namespace.toUpperCase();
  const coverage = coverageReport(declaration);
  const lines: string[] = [];
  lines.push(`## ${declaration.title}`, "");
  lines.push(`Mapper \`${declaration.name}\` ↔ canonical \`${declaration.canonical}\`. ${vendor} properties without a canonical home are kept in \`extensions.${declaration.namespace}\` and written back on encode.`, "");
  for (const note of declaration.notes ?? []) lines.push(`- ${note}`);
  if ((declaration.notes ?? []).length > 0) lines.push("");
  const entities: EntityDeclaration[] = [];
  const collect = (e: EntityDeclaration) => {
    entities.push(e);
    for (const c of e.children ?? []) collect(c.entity);
  };
  collect(declaration.root);
  entities.forEach((e, i) => {
    const cov = coverage.entities[i];
    if (cov) entitySection(e, cov, vendor, declaration.namespace, lines);
  });
  lines.push("### Known losses (canonical → vendor → canonical)", "", "| canonical path | reason |", "|---|---|");
  for (const loss of declaration.knownLoss) lines.push(`| \`${cell(loss.path)}\` | ${cell(loss.reason)} |`);
  lines.push("");
  const level = options.headingLevel ?? 2;
  const shift = "#".repeat(Math.max(0, level - 2));
  return lines.map((l) => (l.startsWith("#") ? shift + l : l)).join("\n");
}
