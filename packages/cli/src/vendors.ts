import type { Issue } from "@mfgsync/canonical";
import type { MapResult, MapperRegistry, MappingContext } from "@mfgsync/mapping";
import { createRegistry } from "@mfgsync/mapping";
import { SAP_VENDOR } from "@mfgsync/mappers-sap";

/** The canonical objects `mfgsync map` knows. */
export const MAP_ENTITIES = ["material", "production-order", "lot", "inspection", "nonconformance"] as const;
export type MapEntity = (typeof MAP_ENTITIES)[number];

/** What the CLI needs from a vendor mapper: read the vendor's wire format, write the bare vendor entity. */
export interface WireMapper {
  decodeWire(payload: unknown, context?: MappingContext, options?: { readonly validate?: boolean }):
    | { readonly ok: true; readonly collection: boolean; readonly results: readonly MapResult<unknown>[] }
    | { readonly ok: false; readonly issues: readonly [Issue, ...Issue[]] };
  encode(input: unknown, context?: MappingContext): MapResult<unknown>;
}

/** A vendor the CLI can map from and to. */
export interface Vendor {
  readonly name: string;
  readonly mappers: Partial<Record<MapEntity, WireMapper>>;
}

/** The built-in vendors; plugins are added to a copy by the command line (`--plugin`). */
export const REGISTRY: MapperRegistry = createRegistry([SAP_VENDOR]);

/** The vendors of the registry, as the commands list them. */
export const VENDORS: readonly Vendor[] = REGISTRY.vendors() as unknown as readonly Vendor[];
