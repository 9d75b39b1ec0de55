import type { Converter } from "@mfgsync/mapping";
import { MAPPING_CODES } from "@mfgsync/mapping";

const LIST = "sap:batch-status";

/**
 * The batch's disposition from its two flags (notes section 6): marked for
 * deletion → `Closed`, restricted-use stock → `Restricted`, otherwise
 * `UnRestricted`. SAP batch status management knows only restricted and
 * unrestricted; quality-inspection and blocked stock are stock types, not
 * batch attributes, and expiry is a date, so none of them is read here
 * [INFERRED]. The deciding flag is kept as `originalCode`.
 *
 * @example
 * ```ts
 * import { batchDisposition } from "@mfgsync/mappers-sap";
 * batchDisposition().arity; // 2
 * ```
 */
export function batchDisposition(): Converter<readonly unknown[], { value: string; originalCode?: string; originalList?: string }> {
  return {
    kind: "batch flags",
    description: "BatchIsMarkedForDeletion → Closed, else MatlBatchIsInRstrcdUseStock → Restricted, else UnRestricted",
    arity: 2,
    decode(values, scope, props) {
      const [deleted, restricted] = values;
      for (let i = 0; i < 2; i++) {
        const v = values[i];
        if (v !== undefined && v !== null && typeof v !== "boolean") return scope.issue(props[i] ?? "", "type.invalid", "expected true or false");
      }
      if (deleted === true) return { value: "Closed", originalCode: props[0] ?? "", originalList: LIST };
      if (restricted === true) return { value: "Restricted", originalCode: props[1] ?? "", originalList: LIST };
      return { value: "UnRestricted", originalList: LIST };
    },
    encode(value, scope, pointer) {
      switch (value?.value) {
        case "Closed": return [true, false];
        case "Restricted": return [false, true];
        case "UnRestricted": return [false, false];
        default:
          return scope.issue(pointer + "/value", MAPPING_CODES.noVendorCode, `an SAP batch cannot be "${String(value?.value)}": it is unrestricted, restricted or marked for deletion`);
      }
    },
  };
}
