import type * as z from "zod";
import type { CatalogPropertyInfo, PropertyCheck } from "../catalog.js";
import type { AnyConverter } from "../converter.js";
import { OMIT } from "../converter.js";
import type { ChildDeclaration, EntityDeclaration, FieldDeclaration } from "../declare.js";
import { pointerToken } from "../json/json.js";
import type { WireProfile } from "../profiles/profile.js";
import type { LimitCheck } from "./limits.js";
import { elementOf, limitCheckOf, schemaAtPath } from "./limits.js";
import type { Getter, Setter } from "./paths.js";
import { compileGetter, compileSetter, pointerOfPath } from "./paths.js";

export type { Getter, Setter } from "./paths.js";

/** A field ready to run. */
export interface CompiledField {
  readonly declaration: FieldDeclaration;
  readonly props: readonly string[];
  readonly single: boolean;
  readonly converter: AnyConverter;
  readonly get: Getter | undefined;
  readonly set: Setter | undefined;
  /** JSON Pointer of the canonical field relative to its object ("" for vendor-only fields). */
  readonly pointer: string;
  /** Catalog checks of the written vendor values, per property. */
  readonly outChecks: readonly (PropertyCheck | undefined)[];
  /** The profile's empty value per property (what `EMPTY` is written as; `OMIT` leaves it out). */
  readonly empties: readonly unknown[];
  readonly required: boolean;
  readonly carryAlways: boolean;
  /** The canonical schema's string length limits below the field's path (none without a schema). */
  readonly limit: LimitCheck | undefined;
}

/** A navigation child ready to run. */
export interface CompiledChild {
  readonly declaration: ChildDeclaration;
  readonly navigation: string;
  readonly token: string;
  readonly many: boolean;
  readonly optional: boolean;
  readonly get: Getter;
  readonly set: Setter;
  readonly pointer: string;
  readonly entity: CompiledEntity;
  readonly matchGet: Getter | undefined;
  /** JSON Pointer of the match key inside an item ("" without one). */
  readonly matchPointer: string;
  /** The vendor properties the match key is read from (the child's fields that fill it), for messages. */
  readonly matchProps: readonly string[];
  readonly group: { readonly by: string; readonly property: string; readonly value: unknown } | undefined;
  readonly flatten: {
    readonly into: string; readonly intoGet: Getter; readonly intoSet: Setter; readonly linkGet: Getter; readonly linkSet: Setter; readonly parentGet: Getter;
    /** Whether a root array item is this child's (all items when the declaration has no `when`). */
    readonly accepts: (item: Readonly<Record<string, unknown>>) => boolean;
  } | undefined;
}

/** What the compiled entity knows about one vendor property. */
export interface PropertyInfo {
  readonly token: string;
  readonly catalog: CatalogPropertyInfo | undefined;
  readonly check: PropertyCheck | undefined;
  readonly field: CompiledField | undefined;
  readonly child: CompiledChild | undefined;
  /** The property that scopes the record's keys. */
  readonly scope: boolean;
  /** Catalogued navigation property that no child maps (carried as JSON). */
  readonly navigation: boolean;
}

/** The compiled `scope` declaration of an entity. */
export interface CompiledScope {
  readonly vendor: string;
  readonly type: "company" | "organization" | "plant";
  readonly fromGet: Getter | undefined;
  readonly fallbackGet: Getter | undefined;
  readonly caseInsensitive: boolean;
  readonly check: PropertyCheck | undefined;
}

/** An entity declaration compiled once into lookup tables and closures. */
export interface CompiledEntity {
  readonly declaration: EntityDeclaration;
  readonly profile: WireProfile;
  readonly fields: readonly CompiledField[];
  readonly children: readonly CompiledChild[];
  readonly props: ReadonlyMap<string, PropertyInfo>;
  readonly constants: readonly (readonly [string, unknown])[];
  readonly objectConstants: boolean;
  readonly requiredKeys: readonly string[];
  readonly keys: readonly string[];
  readonly hasCatalog: boolean;
  readonly plantVendor: string | undefined;
  readonly plantGet: Getter | undefined;
  readonly scope: CompiledScope | undefined;
  /** The profile's empty value of a property (cached). */
  emptyOf(prop: string): unknown;
  /**
   * The keys of the last record encoded with this entity, as an object of undefined values: encode starts
   * each record as a copy of it, so that its writes update existing properties instead of adding them one by
   * one (more than a dozen keyed additions make a slow dictionary-mode object). Learned at run time.
   */
  template: { readonly keys: readonly string[]; readonly object: Readonly<Record<string, unknown>> } | undefined;
}

/**
 * Compiles an entity declaration for a profile. Throws on a broken
 * declaration (a converter's arity that does not match its properties, a
 * property claimed twice): that is a bug in the mapper, found when its module
 * loads. `schema` is the canonical schema of the object this entity fills
 * (`rootSchema` the root object's, for flattened children): decoded field
 * values are checked against its string length limits.
 */
export function compileEntity(declaration: EntityDeclaration, isRoot: boolean, profile: WireProfile, schema?: z.core.$ZodType, rootSchema: z.core.$ZodType | undefined = schema): CompiledEntity {
  const catalog = declaration.catalog;
  const catalogProps = new Map((catalog?.properties ?? []).map((p) => [p.name, p]));
  const catalogNavs = new Set((catalog?.navigationProperties ?? []).map((n) => n.name));
  const checks = new Map<string, PropertyCheck>();
  for (const p of catalog?.properties ?? []) checks.set(p.name, profile.compileCheck(p));
  const emptyCache = new Map<string, unknown>();
  const emptyOf = (prop: string) => {
    if (!emptyCache.has(prop)) {
      let empty = profile.emptyValue(catalogProps.get(prop));
      // An empty value the catalog refuses (null for a non-nullable property) is left out instead.
      if (empty !== OMIT && checks.get(prop)?.(empty) !== undefined) empty = OMIT;
      emptyCache.set(prop, empty);
    }
    return emptyCache.get(prop);
  };

  const claimed = new Map<string, string>();
  const claim = (prop: string, by: string) => {
    const previous = claimed.get(prop);
    if (previous !== undefined) throw new Error(`${declaration.entity}: vendor property ${prop} is used by ${previous} and by ${by}`);
    claimed.set(prop, by);
  };

  const fields: CompiledField[] = declaration.fields.map((f) => {
    if (f.canonical === "" && (f.fills === undefined || f.fills.length === 0)) throw new Error(`${declaration.entity}: ${f.vendor.join("+")} maps to the whole object but names no fields in fills`);
    if (f.vendor.length !== f.converter.arity) {
      throw new Error(`${declaration.entity}: ${f.vendor.join("+")} has ${f.vendor.length} properties but its ${f.converter.kind} converter takes ${f.converter.arity}`);
    }
    for (const p of f.vendor) claim(p, `field ${f.canonical ?? "(none)"}`);
    return {
      declaration: f,
      props: f.vendor,
      single: f.vendor.length === 1,
      converter: f.converter,
      get: f.canonical === null ? undefined : compileGetter(f.canonical, f.fills),
      set: f.canonical === null ? undefined : compileSetter(f.canonical),
      pointer: f.canonical === null ? "" : pointerOfPath(f.canonical),
      outChecks: f.vendor.map((p) => checks.get(p)),
      empties: f.vendor.map((p) => emptyOf(p)),
      required: f.required,
      carryAlways: f.carryAlways,
      limit: f.canonical === null ? undefined : limitCheckOf(schemaAtPath(schema, f.canonical)),
    };
  });

  const scopeDecl = declaration.scope;
  if (scopeDecl !== undefined) claim(scopeDecl.vendor, "scope");
  const scope: CompiledScope | undefined = scopeDecl === undefined ? undefined : {
    vendor: scopeDecl.vendor, type: scopeDecl.type, caseInsensitive: scopeDecl.caseInsensitive === true,
    fromGet: scopeDecl.from === undefined ? (isRoot ? compileGetter("id") : undefined) : compileGetter(scopeDecl.from),
    fallbackGet: scopeDecl.fallback === undefined ? undefined : compileGetter(scopeDecl.fallback),
    check: checks.get(scopeDecl.vendor),
  };

  const children: CompiledChild[] = (declaration.children ?? []).map((c) => {
    claim(c.navigation, `child ${c.canonical}`);
    const group = c.group === undefined ? undefined : { by: c.group.by, property: c.group.primary.property, value: c.group.primary.value };
    const flatten = c.flatten === undefined ? undefined : {
      into: c.flatten.into, intoGet: compileGetter(c.flatten.into), intoSet: compileSetter(c.flatten.into),
      linkGet: compileGetter(c.flatten.link.canonical), linkSet: compileSetter(c.flatten.link.canonical), parentGet: compileGetter(c.flatten.link.parent),
      accepts: c.flatten.when ?? (() => true),
    };
    if (flatten !== undefined && c.cardinality !== "many") throw new Error(`${declaration.entity}: ${c.navigation} flattens a single child`);
    const childSchema = flatten !== undefined ? elementOf(schemaAtPath(rootSchema, flatten.into))
      : c.cardinality === "many" ? elementOf(schemaAtPath(schema, c.canonical)) : schemaAtPath(schema, c.canonical);
    const match = c.match;
    // The fields that fill the match key: the one mapped to it, or to an object that holds it (`lot` for `lot.value`).
    const matchProps = match === undefined ? [] : c.entity.fields.filter((f) => f.canonical !== null && f.canonical !== "" && (f.canonical === match || match.startsWith(f.canonical + "."))).flatMap((f) => f.vendor);
    return {
      declaration: c,
      navigation: c.navigation,
      token: "/" + pointerToken(c.navigation),
      many: c.cardinality === "many",
      optional: c.optional,
      get: compileGetter(c.canonical),
      set: compileSetter(c.canonical),
      pointer: pointerOfPath(flatten ? c.flatten?.into ?? c.canonical : c.canonical),
      entity: compileEntity(c.entity, false, profile, childSchema, rootSchema),
      matchGet: match === undefined ? undefined : compileGetter(match),
      matchPointer: match === undefined ? "" : pointerOfPath(match),
      matchProps,
      group,
      flatten,
    };
  });

  const props = new Map<string, PropertyInfo>();
  const names = new Set<string>([...catalogProps.keys(), ...catalogNavs, ...claimed.keys()]);
  for (const name of names) {
    props.set(name, {
      token: "/" + pointerToken(name),
      catalog: catalogProps.get(name),
      check: checks.get(name),
      field: fields.find((f) => f.props.includes(name)),
      child: children.find((c) => c.navigation === name),
      scope: scopeDecl?.vendor === name,
      navigation: catalogNavs.has(name),
    });
  }

  return {
    declaration,
    profile,
    fields,
    children,
    props,
    // Object constants are copied per call so that fields can write into them.
    constants: Object.entries(declaration.constants ?? {}).map(([k, v]) => [k, v] as const),
    objectConstants: Object.entries(declaration.constants ?? {}).some(([, v]) => typeof v === "object" && v !== null),
    requiredKeys: declaration.requiredKeys ?? (isRoot ? catalog?.keys ?? [] : []),
    keys: catalog?.keys ?? [],
    hasCatalog: catalog !== undefined,
    plantVendor: declaration.plant?.vendor,
    plantGet: declaration.plant?.canonical === undefined ? undefined : compileGetter(declaration.plant.canonical),
    scope,
    emptyOf,
    template: undefined,
  };
}
