import type { CodedValue, MaterialUse } from "@mfgsync/canonical";
import { ISSUE_CODES } from "@mfgsync/canonical";
import type { Converter } from "@mfgsync/mapping";
import { OMIT } from "@mfgsync/mapping";
import { ORACLE_ID_SCHEMES } from "../context.js";

/**
 * The material uses a process work order output (`Operation/Output`) can
 * hold: the primary product (`Produced`), co-products and by-products (notes
 * §4: "Outputs are a list (primary product, co-products, by-products)").
 * `Yield Produced` and `Material Produced` are written as products too.
 * Every other use is an operation material (`Operation/Material`).
 *
 * @example
 * ```ts
 * import { ORACLE_OUTPUT_USES } from "@mfgsync/mappers-oracle";
 * ORACLE_OUTPUT_USES.includes("By-product Produced"); // true
 * ```
 */
export const ORACLE_OUTPUT_USES: readonly MaterialUse[] = ["Produced", "Co-product Produced", "By-product Produced", "Yield Produced", "Material Produced"];

/**
 * `OutputType` codes. [inferred] `PRODUCT` is seen on the discrete
 * `WorkOrderOperationOutput` ("OutputType e.g. PRODUCT", notes §3); that the
 * process `Output` has the attribute, and the by-product code `BY_PRODUCT`,
 * are assumptions to verify with `/describe`.
 */
const PRODUCT = "PRODUCT";
const BY_PRODUCT = "BY_PRODUCT";

/** Whether a component (of any vendor) is a process output rather than a consumed material. */
export function isOutputComponent(component: Readonly<Record<string, unknown>>): boolean {
  const use = (component["materialUse"] as { value?: unknown } | undefined)?.value;
  return typeof use === "string" && (ORACLE_OUTPUT_USES as readonly string[]).includes(use);
}

/** A material reference's first Oracle item id (`InventoryItemId`, `PrimaryProductId`): the one written to Oracle. */
function itemIdOf(material: unknown): unknown {
  const refs = (material as { id?: { crossReferences?: unknown } } | undefined)?.id?.crossReferences;
  if (!Array.isArray(refs)) return undefined;
  return (refs as { scheme?: unknown; value?: unknown }[]).find((r) => r?.scheme === ORACLE_ID_SCHEMES.item)?.value;
}

/**
 * Whether an output component is the order's primary product. [inferred]
 * The notes do not say how an output row names the primary product: it is
 * taken to be the output whose `InventoryItemId` is the order's
 * `PrimaryProductId` (both kept as `oracle-fusion.inventory-item-id`
 * cross-references), or, where either id is missing, whose `ItemNumber` is
 * the order's.
 *
 * @example
 * ```ts
 * import { isPrimaryOutput } from "@mfgsync/mappers-oracle";
 * const fg = { id: { value: "FG-1", scheme: "oracle-fusion" } };
 * isPrimaryOutput({ material: fg }, { material: fg }); // true
 * ```
 */
export function isPrimaryOutput(component: Readonly<Record<string, unknown>>, order: Readonly<Record<string, unknown>>): boolean {
  const own = itemIdOf(component["material"]);
  const primary = itemIdOf(order["material"]);
  if (own !== undefined && primary !== undefined) return own === primary;
  const a = (component["material"] as { id?: { value?: unknown } } | undefined)?.id?.value;
  const b = (order["material"] as { id?: { value?: unknown } } | undefined)?.id?.value;
  return typeof a === "string" && a === b;
}

/**
 * The use an output component reads back with: a by-product stays one,
 * every other output use is the primary product (`Produced`) when the
 * component is the order's primary product, else a co-product.
 *
 * @example
 * ```ts
 * import { outputUseOf } from "@mfgsync/mappers-oracle";
 * outputUseOf("Yield Produced", false); // "Co-product Produced"
 * ```
 */
export function outputUseOf(use: string, primary: boolean): MaterialUse {
  if (use === "By-product Produced") return use;
  return primary ? "Produced" : "Co-product Produced";
}

/**
 * `OutputType` of a process work order output ↔ the component's
 * `materialUse`. Decoding reads `BY_PRODUCT` as a by-product and every
 * other value (`PRODUCT`, a code the notes do not name, `null`, absent) as a
 * co-product; the mapper then marks the order's primary product `Produced`
 * ({@link isPrimaryOutput}). Encoding writes the type read while it still
 * means the same kind of output (product or by-product), else `PRODUCT` or
 * `BY_PRODUCT`.
 *
 * @example
 * ```ts
 * import { outputType } from "@mfgsync/mappers-oracle";
 * outputType().arity; // 1
 * ```
 */
export function outputType(): Converter<unknown, CodedValue<MaterialUse>> {
  const useOf = (code: unknown): MaterialUse => (code === BY_PRODUCT ? "By-product Produced" : "Co-product Produced");
  return {
    kind: "Oracle output type",
    description: `${BY_PRODUCT} → By-product Produced, anything else → Co-product Produced (Produced for the order's primary product); written back as read while the kind is unchanged, else ${PRODUCT} / ${BY_PRODUCT}`,
    arity: 1,
    decode(value, scope, props) {
      const prop = props[0] ?? "OutputType";
      if (value !== undefined && value !== null && typeof value !== "string") {
        return scope.issue(prop, ISSUE_CODES.invalidType, `${prop} must be an output type code string, got ${Array.isArray(value) ? "an array" : typeof value}`);
      }
      // Anything but the canonical spelling of the use goes back as read.
      if (value !== undefined && value !== PRODUCT && value !== BY_PRODUCT) scope.carry(prop, value);
      return { value: useOf(value) };
    },
    encode(value, scope) {
      if (value === undefined) return OMIT;
      const byProduct = value.value === "By-product Produced";
      const kept = scope.kept("OutputType");
      if (kept !== undefined && (useOf(kept) === "By-product Produced") === byProduct) return kept;
      if (scope.wasAbsent?.("OutputType") === true && !byProduct) return OMIT;
      return byProduct ? BY_PRODUCT : PRODUCT;
    },
  };
}
