// Makes arbitrary canonical objects fit a vendor's catalog: strings within
// the lengths of the properties they are written to, decimals within their
// precision and scale, one item per child match key. What a vendor cannot hold beyond that (states, units,
// date ranges) stays the mapper package's own fit, composed with this one.
import type { CatalogPropertyInfo } from "../catalog.js";
import type { EntityDeclaration, MapperDeclaration } from "../declare.js";
import { compileGetter, compileSetter } from "../compile/paths.js";
import { isRecord } from "../json/json.js";

/** A decimal text cut to `intDigits` integer and `scale` fraction digits. */
function fitDecimalText(value: string, precision: number | null, scale: number | null): string {
  const negative = value.startsWith("-");
  const [int = "0", frac = ""] = (negative ? value.slice(1) : value).split(".");
  const intDigits = precision === null ? 18 : Math.max(1, precision - (scale ?? 0));
  const i = int.length > intDigits ? int.slice(-intDigits).replace(/^0+(?=\d)/, "") : int;
  const f = frac.slice(0, scale ?? 12).replace(/0+$/, "");
  const out = f ? `${i}.${f}` : i;
  return negative && out !== "0" ? `-${out}` : out;
}

const cut = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);

/** Fits one canonical value to the catalog property it is written to first. */
function fitValue(value: unknown, prop: CatalogPropertyInfo | undefined): unknown {
  if (prop === undefined || value === undefined) return value;
  if (typeof value === "string") {
    if (prop.edmType === "Edm.String" && prop.maxLength !== null) return cut(value, prop.maxLength) || undefined;
    if (prop.edmType === "Edm.Decimal" && /^-?\d+(?:\.\d+)?$/.test(value)) return fitDecimalText(value, prop.precision, prop.scale);
    return value;
  }
  if (!isRecord(value)) return value;
  // An identifier, a material reference or a quantity: fit the part the property holds.
  if (typeof value["value"] === "string" && typeof value["scheme"] === "string" && prop.edmType === "Edm.String" && prop.maxLength !== null) {
    return { ...value, value: cut(value["value"], prop.maxLength) || "X" };
  }
  if (isRecord(value["id"]) && typeof value["id"]["value"] === "string" && prop.edmType === "Edm.String" && prop.maxLength !== null) {
    return { ...value, id: { ...value["id"], value: cut(value["id"]["value"], prop.maxLength) || "X" } };
  }
  if (typeof value["value"] === "string" && typeof value["unit"] === "string" && prop.edmType === "Edm.Decimal") {
    return { ...value, value: fitDecimalText(value["value"], prop.precision, prop.scale) };
  }
  return value;
}

/** The vendor holds one row per match key (encode refuses a repeated one): later items with a key already seen are left out. */
function oneItemPerKey(items: unknown[], match: string | undefined): unknown[] {
  if (match === undefined) return items;
  const get = compileGetter(match);
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = isRecord(item) ? get(item) : undefined;
    if (key === undefined) return true;
    const text = JSON.stringify(key);
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

function fitEntity(declaration: EntityDeclaration, object: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...object };
  const props = new Map((declaration.catalog?.properties ?? []).map((p) => [p.name, p]));
  for (const f of declaration.fields) {
    if (f.canonical === null || f.canonical === "" || f.canonical.includes("[")) continue;
    const get = compileGetter(f.canonical);
    const current = get(out);
    if (current === undefined) continue;
    const fitted = fitValue(current, props.get(f.vendor[0] ?? ""));
    if (fitted === current) continue;
    if (fitted === undefined && !f.canonical.includes(".")) delete out[f.canonical];
    else compileSetter(f.canonical)(out, fitted);
  }
  for (const c of declaration.children ?? []) {
    if (c.flatten !== undefined) continue;
    const key = c.canonical;
    const value = out[key];
    if (Array.isArray(value)) out[key] = oneItemPerKey(value.map((item) => (isRecord(item) ? fitEntity(c.entity, item) : item)), c.match);
    else if (isRecord(value)) out[key] = fitEntity(c.entity, value);
  }
  return out;
}

/**
 * A `fit` function for the conformance kit derived from a declaration's
 * catalogs: every canonical string written to a vendor property is cut to
 * that property's length, and every decimal to its precision and scale
 * (identifiers, material references and quantities included); of child
 * items with the same match key only the first is kept. Compose it
 * with the vendor's own constraints.
 *
 * @example
 * ```ts
 * import type { MapperDeclaration } from "@mfgsync/mapping";
 * import { catalogFit } from "@mfgsync/mapping/conformance";
 * const fitFor = (declaration: MapperDeclaration) => catalogFit(declaration);
 * ```
 */
export function catalogFit<C>(declaration: MapperDeclaration): (canonical: C) => C {
  // Rows flattened into a root array (Oracle operation materials → components) are fitted there.
  const flattened: { into: string; entity: EntityDeclaration; when: ((item: Readonly<Record<string, unknown>>) => boolean) | undefined }[] = [];
  const collect = (e: EntityDeclaration) => {
    for (const c of e.children ?? []) {
      if (c.flatten !== undefined) flattened.push({ into: c.flatten.into, entity: c.entity, when: c.flatten.when });
      collect(c.entity);
    }
  };
  collect(declaration.root);
  return (canonical) => {
    if (!isRecord(canonical)) return canonical;
    const out = fitEntity(declaration.root, canonical);
    for (const { into, entity, when } of flattened) {
      const items = out[into];
      if (Array.isArray(items)) out[into] = items.map((item) => (isRecord(item) && (when === undefined || when(item)) ? fitEntity(entity, item) : item));
    }
    return out as C;
  };
}
