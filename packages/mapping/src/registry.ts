import type { CanonicalObject, ObjectName } from "@mfgsync/canonical";
import type { Mapper } from "./mapper.js";

/**
 * A vendor's mappers as a registry holds them: what a mapper package
 * exports so that tools (the `mfgsync` CLI, a service) can find it by name.
 *
 * @example
 * ```ts
 * import type { VendorMappers } from "@mfgsync/mapping";
 * const describe = (v: VendorMappers) => `${v.name}: ${Object.keys(v.mappers).join(", ")}`;
 * ```
 */
export interface VendorMappers {
  /** Short name used on the command line (`sap`, `oracle`, `d365`, `acme`): lower-case letters, digits and `-`. */
  readonly name: string;
  /** Human name of the vendor API. */
  readonly title: string;
  /** The mapper for each canonical object the vendor covers. */
  readonly mappers: { readonly [N in ObjectName]?: Mapper<unknown, CanonicalObject<N>> };
}

/**
 * A set of vendors and their mappers. The CLI builds one from its built-in
 * vendors and the plugins it is given; a service can build its own.
 *
 * @example
 * ```ts
 * import { createRegistry } from "@mfgsync/mapping";
 * const registry = createRegistry();
 * registry.vendors().length; // 0
 * ```
 */
export interface MapperRegistry {
  /** Adds a vendor; returns issues instead of throwing when the name is taken or malformed. */
  register(vendor: VendorMappers): { readonly ok: true } | { readonly ok: false; readonly message: string };
  /** The vendors, in registration order. */
  vendors(): readonly VendorMappers[];
  /** A vendor by name. */
  vendor(name: string): VendorMappers | undefined;
  /** A vendor's mapper for a canonical object name. */
  mapper(vendor: string, object: string): Mapper<unknown, CanonicalObject> | undefined;
}

const NAME = /^[a-z][a-z0-9-]{0,31}$/;
const RESERVED = new Set(["canonical"]);

/**
 * Creates an empty mapper registry.
 *
 * @example
 * ```ts
 * import type { VendorMappers } from "@mfgsync/mapping";
 * import { createRegistry } from "@mfgsync/mapping";
 * declare const acme: VendorMappers;
 * const registry = createRegistry([acme]);
 * registry.mapper("acme", "lot");
 * ```
 */
export function createRegistry(initial: readonly VendorMappers[] = []): MapperRegistry {
  const byName = new Map<string, VendorMappers>();
  const registry: MapperRegistry = {
    register(vendor) {
      if (typeof vendor !== "object" || vendor === null || typeof vendor.name !== "string" || typeof vendor.mappers !== "object" || vendor.mappers === null) {
        return { ok: false, message: "a vendor is { name, title, mappers }" };
      }
      if (!NAME.test(vendor.name) || RESERVED.has(vendor.name)) return { ok: false, message: `"${vendor.name}" is not a vendor name (lower-case letters, digits and -, not "canonical")` };
      if (byName.has(vendor.name)) return { ok: false, message: `a vendor named "${vendor.name}" is already registered` };
      byName.set(vendor.name, vendor);
      return { ok: true };
    },
    vendors: () => [...byName.values()],
    vendor: (name) => byName.get(name),
    mapper(vendor, object) {
      const v = byName.get(vendor);
      if (v === undefined || !Object.prototype.hasOwnProperty.call(v.mappers, object)) return undefined;
      return v.mappers[object as ObjectName] as Mapper<unknown, CanonicalObject> | undefined;
    },
  };
  for (const vendor of initial) registry.register(vendor);
  return registry;
}
