import { ObjectSchemas } from "@mfgsync/canonical";
import type * as z from "zod";
import type { EntityDeclaration, MapperDeclaration } from "../declare.js";

type AnySchema = z.core.$ZodType;

function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (let i = 0; i < 10; i++) {
    const def = (s as { _zod: { def: { type: string; innerType?: AnySchema; element?: AnySchema } } })._zod.def;
    if ((def.type === "optional" || def.type === "nullable" || def.type === "default") && def.innerType) s = def.innerType;
    else if (def.type === "array" && def.element) s = def.element;
    else break;
  }
  return s;
}

function shapeOf(schema: AnySchema | undefined): Readonly<Record<string, AnySchema>> {
  if (!schema) return {};
  const def = (unwrap(schema) as { _zod: { def: { type: string; shape?: Record<string, AnySchema> } } })._zod.def;
  return def.type === "object" && def.shape ? def.shape : {};
}

/**
 * Coverage of one vendor entity in a mapper declaration.
 *
 * @example
 * ```ts
 * import type { EntityCoverage } from "@mfgsync/mapping";
 * ```
 */
export interface EntityCoverage {
  /** Vendor entity set. */
  readonly entity: string;
  /** JSON Pointer of the canonical object or child array it maps to (`""` for the root). */
  readonly canonicalPath: string;
  /** Catalog properties (and navigation properties) read or written by a field. */
  readonly mapped: readonly string[];
  /** The navigation properties among `mapped` (a status set read by the state field, for example). */
  readonly mappedNavigation: readonly string[];
  /** Catalog properties kept as they are in the extensions. */
  readonly carried: readonly string[];
  /** Navigation properties mapped to canonical children. */
  readonly children: readonly string[];
  /** Catalog navigation properties kept in the extensions when expanded. */
  readonly carriedNavigation: readonly string[];
  /** Properties the declaration names that the catalog does not list (a typo, or a fact to verify). */
  readonly uncatalogued: readonly string[];
  /** Canonical fields of this object that no field fills. */
  readonly canonicalUnfilled: readonly string[];
  /** Whether the entity's catalog came from a machine-readable specification. */
  readonly fromSpec: boolean | undefined;
}

/**
 * Coverage report of a mapper: per vendor entity, which properties are
 * mapped, which are carried in extensions, which canonical fields stay
 * empty; plus the declared known losses.
 *
 * @example
 * ```ts
 * import type { CoverageReport } from "@mfgsync/mapping";
 * ```
 */
export interface CoverageReport {
  /** Mapper name. */
  readonly mapper: string;
  /** One entry per vendor entity, root first. */
  readonly entities: readonly EntityCoverage[];
  /** Known-loss paths as declared. */
  readonly knownLoss: readonly { readonly path: string; readonly reason: string }[];
}

function entityCoverage(declaration: EntityDeclaration, canonicalSchema: AnySchema | undefined, canonicalPath: string, out: EntityCoverage[]): void {
  const catalog = declaration.catalog;
  const catalogProps = (catalog?.properties ?? []).map((p) => p.name);
  const catalogNavs = (catalog?.navigationProperties ?? []).map((n) => n.name);
  const fieldProps = new Set(declaration.fields.flatMap((f) => f.vendor));
  const childNavs = new Set((declaration.children ?? []).map((c) => c.navigation));
  const declared = [...fieldProps, ...childNavs];
  const known = new Set([...catalogProps, ...catalogNavs]);
  const filled = new Set<string>(Object.keys(declaration.constants ?? {}));
  for (const f of declaration.fields) {
    if (f.canonical === "") for (const k of f.fills ?? []) filled.add(k);
    else if (f.canonical !== null) filled.add(f.canonical.split(".")[0] ?? "");
  }
  for (const c of declaration.children ?? []) filled.add(c.canonical.split(".")[0] ?? "");
  const shape = shapeOf(canonicalSchema);
  out.push({
    entity: declaration.entity,
    canonicalPath,
    mapped: catalogProps.filter((p) => fieldProps.has(p)).concat(catalogNavs.filter((n) => fieldProps.has(n))),
    mappedNavigation: catalogNavs.filter((n) => fieldProps.has(n)),
    carried: catalogProps.filter((p) => !fieldProps.has(p)),
    children: catalogNavs.filter((n) => childNavs.has(n)).concat([...childNavs].filter((n) => !known.has(n))),
    carriedNavigation: catalogNavs.filter((n) => !fieldProps.has(n) && !childNavs.has(n)),
    uncatalogued: catalog ? declared.filter((p) => !known.has(p)) : [],
    canonicalUnfilled: Object.keys(shape).filter((k) => !filled.has(k) && k !== "extensions"),
    fromSpec: catalog?.derivedFrom === undefined ? undefined : catalog.derivedFrom === "spec",
  });
  for (const c of declaration.children ?? []) {
    const childSchema = shape[c.canonical.split(".")[0] ?? ""];
    entityCoverage(c.entity, childSchema, `${canonicalPath}/${c.canonical.replace(/\./g, "/")}${c.cardinality === "many" ? "/*" : ""}`, out);
  }
}

/**
 * Builds the coverage report of a mapper declaration.
 *
 * @example
 * ```ts
 * import { coverageReport, declareMapper, entity, field, identifier } from "@mfgsync/mapping";
 * const report = coverageReport(declareMapper({
 *   name: "acme:lot", title: "ACME lots", canonical: "lot", namespace: "acme", defaults: { scheme: "acme" }, knownLoss: [],
 *   root: entity({ entity: "Lot", fields: [field("LotId", "id", identifier(), { required: true })] }),
 * }));
 * report.entities[0]?.canonicalUnfilled; // ["schemaVersion", "kind", "material", ...]
 * ```
 */
export function coverageReport(declaration: MapperDeclaration): CoverageReport {
  const entities: EntityCoverage[] = [];
  entityCoverage(declaration.root, ObjectSchemas[declaration.canonical] as unknown as AnySchema, "", entities);
  return { mapper: declaration.name, entities, knownLoss: declaration.knownLoss.map(({ path, reason }) => ({ path, reason })) };
}
