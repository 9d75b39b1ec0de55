/**
 * The D365 catalog model of `scripts/d365-catalog.ts`: what a committed
 * `packages/mappers-d365/catalog/<EntitySet>.json` file holds. Every field of
 * `CatalogEntityInfo` / `CatalogPropertyInfo` (`@mfgsync/mapping`) plus
 * documentation-only fields (entity type, source, notes, the OpenAPI's lossy
 * type) that the runtime constants leave out.
 */

/** The qualified-name namespace of every D365 F&O enum type (seen in `$filter` literals, notes section 1). */
export const ENUM_NAMESPACE = "Microsoft.Dynamics.DataEntities";

export type EdmType =
  | "Edm.String"
  | "Edm.Boolean"
  | "Edm.Int32"
  | "Edm.Int64"
  | "Edm.Decimal"
  | "Edm.DateTimeOffset"
  | "Edm.Guid"
  | "Edm.Enum";

/** One property as committed in the JSON catalog. Key order here is the key order of the JSON. */
export interface D365Property {
  name: string;
  edmType: EdmType;
  maxLength: number | null;
  nullable: boolean;
  precision: number | null;
  scale: number | null;
  enumType?: string;
  enumMembers?: string[];
  knownValues?: string[];
  readOnly?: boolean;
  evidence: string;
  inferred?: boolean;
  inferredNote?: string;
  /** Docs only: the OpenAPI's type where it is lossy (`number/double` for an Edm.Decimal). */
  openApiType?: string;
}

/** One navigation property as committed in the JSON catalog. */
export interface D365Navigation {
  name: string;
  multiplicity: "1" | "0..1" | "*";
  target: string | null;
  evidence: string;
  inferred?: boolean;
  inferredNote?: string;
}

/** One entity set's catalog as committed in `catalog/<EntitySet>.json`. */
export interface D365EntityCatalog {
  entitySet: string;
  /** CSDL entity type name when a source states it, else null. Docs only. */
  entityType: string | null;
  /** Name of the row interface in `wire-types.ts`. Docs only. */
  wireType: string;
  /** AOT data entity name (X++), when known. Docs only. */
  aotEntity: string | null;
  /** Which input file(s) the catalog was derived from. Docs only. */
  source: string;
  derivedFrom: "spec" | "catalog";
  /** Evidence tags for the entity as a whole. Docs only. */
  evidence: string;
  /** Caveats, e.g. an unverified collection name. Docs only. */
  note?: string;
  keys: string[];
  properties: D365Property[];
  navigationProperties: D365Navigation[];
}

/** One enum type: members in value order when known. */
export interface D365Enum {
  name: string;
  /** Member names (wire values), or null when no source names them (then nothing is enforced). */
  members: string[] | null;
  /** Documented, unenforced values when the member names are guesses. */
  knownValues?: string[];
  /** X++ integer values, when a source gives them. */
  values?: Record<string, number>;
  /** UI labels that differ from the member names. */
  labels?: Record<string, string>;
  evidence: string;
  inferred?: boolean;
  inferredNote?: string;
}

export interface PropertyFacts {
  maxLength?: number | null;
  nullable?: boolean;
  readOnly?: boolean;
  evidence: string;
  inferredNote?: string;
  openApiType?: string;
}

/** Builds a property with every field in the committed order; enum facts come from `enumDef`. */
export function property(name: string, edmType: EdmType, facts: PropertyFacts, enumDef?: D365Enum): D365Property {
  const p: D365Property = {
    name,
    edmType,
    maxLength: facts.maxLength ?? null,
    nullable: facts.nullable ?? true,
    precision: null,
    scale: null,
  } as D365Property;
  const notes: string[] = [];
  if (edmType === "Edm.Enum") {
    if (!enumDef) throw new Error(`${name}: Edm.Enum without an enum type`);
    p.enumType = `${ENUM_NAMESPACE}.${enumDef.name}`;
    if (enumDef.members) p.enumMembers = [...enumDef.members];
    if (enumDef.knownValues) p.knownValues = [...enumDef.knownValues];
    if (enumDef.inferred) notes.push(`enum ${enumDef.name}: ${enumDef.inferredNote ?? "inferred"}`);
  } else if (enumDef) {
    throw new Error(`${name}: enum type on ${edmType}`);
  }
  if (facts.readOnly) p.readOnly = true;
  p.evidence = enumDef && enumDef.evidence !== facts.evidence ? `${facts.evidence}; members ${enumDef.evidence}` : facts.evidence;
  if (facts.inferredNote) notes.unshift(facts.inferredNote);
  if (notes.length > 0) {
    p.inferred = true;
    p.inferredNote = notes.join(" ");
  }
  if (facts.openApiType) p.openApiType = facts.openApiType;
  return p;
}

/** Throws unless keys are non-nullable properties and names are unique. */
export function checked(cat: D365EntityCatalog): D365EntityCatalog {
  const byName = new Map(cat.properties.map((p) => [p.name, p]));
  if (byName.size !== cat.properties.length) throw new Error(`${cat.entitySet}: duplicate property names`);
  if (cat.keys.length === 0) throw new Error(`${cat.entitySet}: no keys`);
  for (const k of cat.keys) {
    const p = byName.get(k);
    if (!p) throw new Error(`${cat.entitySet}: key ${k} is not a property`);
    if (p.nullable) throw new Error(`${cat.entitySet}: key ${k} is nullable`);
  }
  const navs = new Set(cat.navigationProperties.map((n) => n.name));
  if (navs.size !== cat.navigationProperties.length) throw new Error(`${cat.entitySet}: duplicate navigation names`);
  for (const n of navs) if (byName.has(n)) throw new Error(`${cat.entitySet}: ${n} is both a property and a navigation`);
  for (const p of cat.properties) if (p.inferred && !p.inferredNote) throw new Error(`${cat.entitySet}.${p.name}: inferred without a note`);
  return cat;
}
