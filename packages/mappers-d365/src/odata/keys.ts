import { odataV4EnumLiteral, odataV4Profile } from "@mfgsync/mapping";
import type { D365EntitySet } from "../generated/catalog.js";
import { D365_ENTITY_CATALOGS } from "../generated/catalog.js";

/** The namespace of the D365 data entities' enum types. */
const NAMESPACE = "Microsoft.Dynamics.DataEntities";

/**
 * The qualified enum literal D365 needs in `$filter` and in keys
 * (`Microsoft.Dynamics.DataEntities.ProdStatus'Released'`): plain `'Released'`
 * is not accepted reliably, so always emit this form [seen-doc, seen-code].
 * `enumType` is the enum's name, qualified or not (`ProdStatus`), or an
 * entity set and property whose catalog names the enum. Returns undefined
 * for a property that is not an enum of the catalog.
 *
 * @example
 * ```ts
 * import { d365EnumLiteral } from "@mfgsync/mappers-d365";
 * d365EnumLiteral("ProdStatus", "Released"); // "Microsoft.Dynamics.DataEntities.ProdStatus'Released'"
 * d365EnumLiteral({ entitySet: "ProductionOrderRouteOperations", property: "OperationPriority" }, "Secondary1");
 * // "Microsoft.Dynamics.DataEntities.RouteOprPriority'Secondary1'"
 * ```
 */
export function d365EnumLiteral(enumType: string | { readonly entitySet: D365EntitySet; readonly property: string }, member: string): string | undefined {
  if (typeof enumType === "string") return odataV4EnumLiteral(enumType.includes(".") ? enumType : `${NAMESPACE}.${enumType}`, member);
  const catalog = D365_ENTITY_CATALOGS[enumType.entitySet] as (typeof D365_ENTITY_CATALOGS)[D365EntitySet] | undefined;
  const property = catalog?.properties.find((p) => p.name === enumType.property);
  if (property?.edmType !== "Edm.Enum" || property.enumType === undefined) return undefined;
  return odataV4EnumLiteral(property.enumType, member);
}

/**
 * A `$filter` equality on an enum property in the qualified form (D365
 * supports only `eq` and `ne` on enums [seen-doc]).
 *
 * @example
 * ```ts
 * import { d365EnumFilter } from "@mfgsync/mappers-d365";
 * d365EnumFilter("ProductionOrderHeaders", "ProductionOrderStatus", "Released");
 * // "ProductionOrderStatus eq Microsoft.Dynamics.DataEntities.ProdStatus'Released'"
 * ```
 */
export function d365EnumFilter(entitySet: D365EntitySet, property: string, member: string, operator: "eq" | "ne" = "eq"): string | undefined {
  const literal = d365EnumLiteral({ entitySet, property }, member);
  return literal === undefined ? undefined : `${property} ${operator} ${literal}`;
}

/**
 * The key path of a D365 entity, as the OData URL needs it
 * (`ProductionOrderHeaders(dataAreaId='usmf',ProductionOrderNumber='P000123')`):
 * strings quoted, numbers bare, enum key parts in the qualified form. The key
 * parts are taken from `row` in the catalog's key order; a missing key part
 * gives undefined.
 *
 * @example
 * ```ts
 * import { d365KeyPath } from "@mfgsync/mappers-d365";
 * d365KeyPath("ProductionOrderHeaders", { dataAreaId: "usmf", ProductionOrderNumber: "P000123" });
 * // "ProductionOrderHeaders(dataAreaId='usmf',ProductionOrderNumber='P000123')"
 * ```
 */
export function d365KeyPath(entitySet: D365EntitySet, row: Readonly<Record<string, unknown>>): string | undefined {
  const catalog = D365_ENTITY_CATALOGS[entitySet] as (typeof D365_ENTITY_CATALOGS)[D365EntitySet] | undefined;
  if (catalog === undefined) return undefined;
  const key: Record<string, unknown> = {};
  for (const k of catalog.keys) {
    const v = row[k];
    if (v === undefined || v === null || v === "") return undefined;
    key[k] = v;
  }
  return odataV4Profile.formatKey(entitySet, key, catalog);
}
