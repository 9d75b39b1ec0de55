import type { PropertyCheck } from "../catalog.js";
import { compilePropertyCheck } from "../catalog.js";
import type { AnyConverter } from "../converter.js";
import type { ChildDeclaration, EntityDeclaration, FieldDeclaration } from "../declare.js";
import { pointerToken } from "../result.js";

/** Reads a canonical path from an object. */
export type Getter = (object: Readonly<Record<string, unknown>>) => unknown;
/** Writes a canonical path into an object, creating intermediate objects. */
export type Setter = (object: Record<string, unknown>, value: unknown) => void;

/** A field ready to run. */
export interface CompiledField {
  readonly declaration: FieldDeclaration;
  readonly props: readonly string[];
  readonly tokens: readonly string[];
  readonly single: boolean;
  readonly converter: AnyConverter;
  readonly get: Getter | undefined;
  readonly set: Setter | undefined;
  /** JSON Pointer of the canonical field relative to its object ("" for vendor-only fields). */
  readonly pointer: string;
  /** Catalog checks of the written vendor values, per property. */
  readonly outChecks: readonly (PropertyCheck | undefined)[];
  readonly required: boolean;
  readonly carryAlways: boolean;
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
}

/** What the compiled entity knows about one vendor property. */
export interface PropertyInfo {
  readonly token: string;
  readonly check: PropertyCheck | undefined;
  readonly field: CompiledField | undefined;
  readonly child: CompiledChild | undefined;
  /** Catalogued navigation property that no child maps (carried as JSON). */
  readonly navigation: boolean;
}

/** An entity declaration compiled once into lookup tables and closures. */
export interface CompiledEntity {
  readonly declaration: EntityDeclaration;
  readonly fields: readonly CompiledField[];
  readonly children: readonly CompiledChild[];
  readonly props: ReadonlyMap<string, PropertyInfo>;
  readonly constants: readonly (readonly [string, unknown])[];
  readonly objectConstants: boolean;
  readonly requiredKeys: readonly string[];
  readonly hasCatalog: boolean;
  readonly plantVendor: string | undefined;
  readonly plantGet: Getter | undefined;
}

/** Compiles a dotted canonical path into a getter; `""` reads the fields of `fills` from the object itself. */
export function compileGetter(path: string, fills?: readonly string[]): Getter {
  if (path === "") {
    const keys = fills ?? [];
    return (o) => {
      const picked: Record<string, unknown> = {};
      for (const k of keys) if (o[k] !== undefined) picked[k] = o[k];
      return picked;
    };
  }
  const keys = path.split(".");
  if (keys.length === 1) {
    const k = keys[0] ?? "";
    return (o) => o[k];
  }
  if (keys.length === 2) {
    const k0 = keys[0] ?? "", k1 = keys[1] ?? "";
    return (o) => {
      const x = o[k0];
      return typeof x === "object" && x !== null ? (x as Record<string, unknown>)[k1] : undefined;
    };
  }
  return (o) => {
    let x: unknown = o;
    for (const k of keys) {
      if (typeof x !== "object" || x === null) return undefined;
      x = (x as Record<string, unknown>)[k];
    }
    return x;
  };
}

/** Compiles a dotted canonical path into a setter; `""` merges the value's fields into the object. */
export function compileSetter(path: string): Setter {
  if (path === "") {
    return (o, v) => {
      if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) if (x !== undefined) o[k] = x;
    };
  }
  const keys = path.split(".");
  if (keys.length === 1) {
    const k = keys[0] ?? "";
    return (o, v) => {
      o[k] = v;
    };
  }
  const last = keys[keys.length - 1] ?? "";
  const head = keys.slice(0, -1);
  return (o, v) => {
    let x: Record<string, unknown> = o;
    for (const k of head) {
      let next = x[k];
      if (typeof next !== "object" || next === null) {
        next = {};
        x[k] = next;
      }
      x = next as Record<string, unknown>;
    }
    x[last] = v;
  };
}

function pointerOf(path: string): string {
  if (path === "") return "";
  return path.split(".").map((k) => "/" + pointerToken(k)).join("");
}

/**
 * Compiles an entity declaration. Throws on a broken declaration (a
 * converter's arity that does not match its properties, a property claimed
 * twice): that is a bug in the mapper, found when its module loads.
 */
export function compileEntity(declaration: EntityDeclaration, isRoot: boolean): CompiledEntity {
  const catalog = declaration.catalog;
  const catalogProps = new Map((catalog?.properties ?? []).map((p) => [p.name, p]));
  const catalogNavs = new Set((catalog?.navigationProperties ?? []).map((n) => n.name));
  const checks = new Map<string, PropertyCheck>();
  for (const p of catalog?.properties ?? []) checks.set(p.name, compilePropertyCheck(p));

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
      tokens: f.vendor.map((p) => "/" + pointerToken(p)),
      single: f.vendor.length === 1,
      converter: f.converter,
      get: f.canonical === null ? undefined : compileGetter(f.canonical, f.fills),
      set: f.canonical === null ? undefined : compileSetter(f.canonical),
      pointer: f.canonical === null ? "" : pointerOf(f.canonical),
      outChecks: f.vendor.map((p) => checks.get(p)),
      required: f.required,
      carryAlways: f.carryAlways,
    };
  });

  const children: CompiledChild[] = (declaration.children ?? []).map((c) => {
    claim(c.navigation, `child ${c.canonical}`);
    return {
      declaration: c,
      navigation: c.navigation,
      token: "/" + pointerToken(c.navigation),
      many: c.cardinality === "many",
      optional: c.optional,
      get: compileGetter(c.canonical),
      set: compileSetter(c.canonical),
      pointer: pointerOf(c.canonical),
      entity: compileEntity(c.entity, false),
      matchGet: c.match === undefined ? undefined : compileGetter(c.match),
    };
  });

  const props = new Map<string, PropertyInfo>();
  const names = new Set<string>([...catalogProps.keys(), ...catalogNavs, ...claimed.keys()]);
  for (const name of names) {
    props.set(name, {
      token: "/" + pointerToken(name),
      check: checks.get(name),
      field: fields.find((f) => f.props.includes(name)),
      child: children.find((c) => c.navigation === name),
      navigation: catalogNavs.has(name),
    });
  }

  return {
    declaration,
    fields,
    children,
    props,
    // Object constants are copied per call so that fields can write into them.
    constants: Object.entries(declaration.constants ?? {}).map(([k, v]) => [k, v] as const),
    objectConstants: Object.entries(declaration.constants ?? {}).some(([, v]) => typeof v === "object" && v !== null),
    requiredKeys: declaration.requiredKeys ?? (isRoot ? catalog?.keys ?? [] : []),
    hasCatalog: catalog !== undefined,
    plantVendor: declaration.plant?.vendor,
    plantGet: declaration.plant?.canonical === undefined ? undefined : compileGetter(declaration.plant.canonical),
  };
}
