import { showValue } from "../odata/show.js";
import { ISSUE_CODES } from "@mfgsync/canonical";
import type { Converter } from "@mfgsync/mapping";
import { EMPTY, MAPPING_CODES } from "@mfgsync/mapping";

type Coded = { value: string; originalCode?: string; originalList?: string };

const TYPE_LIST = "d365:EcoResProductType+PmfProductType";

/**
 * Canonical material type from `ProductType` (EcoResProductType: Item,
 * Service) and `ProductionType` (PmfProductType): a service is a Service; an
 * item produced from a BOM or formula is a FinishedGood, one with production
 * type None a RawMaterial (purchased) [inferred: D365 has no material type,
 * this reading of the production type is ours]; co-, by-products and
 * planning items are Other. The members read are kept as originalCode
 * (`Item/BOM`).
 *
 * @example
 * ```ts
 * import { productType } from "@mfgsync/mappers-d365";
 * productType().arity; // 2
 * ```
 */
export function productType(): Converter<readonly unknown[], Coded> {
  return {
    kind: "product + production type",
    description: "Service → Service; Item with ProductionType BOM/Formula → FinishedGood, None → RawMaterial, others → Other",
    arity: 2,
    decode(values, scope, props) {
      const [type, production] = values;
      if (typeof type !== "string" || !["Item", "Service"].includes(type)) {
        if (type === undefined || type === null) return undefined;
        return scope.issue(props[0] ?? "", "value.invalid", `${props[0] ?? ""} is an EcoResProductType member (Item, Service), got ${showValue(type)}`);
      }
      if (production !== undefined && production !== null && typeof production !== "string") return scope.issue(props[1] ?? "", "type.invalid", `${props[1] ?? ""} is an enum member name`);
      const code = typeof production === "string" ? `${type}/${production}` : type;
      if (type === "Service") return { value: "Service", originalCode: code, originalList: TYPE_LIST };
      const value = production === "BOM" || production === "Formula" ? "FinishedGood" : production === "None" ? "RawMaterial" : "Other";
      return { value, originalCode: code, originalList: TYPE_LIST };
    },
    encode(value, _scope, _pointer) {
      if (value === undefined) return [EMPTY, EMPTY];
      const original = value.originalList === TYPE_LIST ? value.originalCode : undefined;
      if (original !== undefined) {
        const [type, production] = original.split("/");
        const again = type === "Service" ? "Service" : production === "BOM" || production === "Formula" ? "FinishedGood" : production === "None" ? "RawMaterial" : "Other";
        if (again === value.value && (type === "Item" || type === "Service")) return [type, production ?? EMPTY];
      }
      switch (value.value) {
        case "Service": return ["Service", EMPTY];
        case "FinishedGood": case "SemiFinished": return ["Item", "BOM"];
        case "Other": return ["Item", EMPTY];
        default: return ["Item", "None"];
      }
    },
  };
}

const LIFECYCLE_LIST = "d365:ProductLifecycleStateId";

/**
 * Canonical lifecycle status from `ProductLifecycleStateId`, a tenant-defined
 * code: the context's `codeTables["d365:ProductLifecycleStateId"]` says what
 * each code means (`{ "Prototype": "Draft", "Discontinued": "Obsolete" }`);
 * codes without an entry read as Other; no state reads as Approved
 * [inferred: an item without a lifecycle state is usable].
 *
 * @example
 * ```ts
 * import { lifecycleState } from "@mfgsync/mappers-d365";
 * lifecycleState().kind; // "tenant code d365:ProductLifecycleStateId"
 * ```
 */
export function lifecycleState(): Converter<string | null | undefined, Coded> {
  const meaning = (code: string, table: ReadonlyMap<string, unknown> | undefined) => {
    const m = table?.get(code);
    return typeof m === "string" ? m : "Other";
  };
  return {
    kind: `tenant code ${LIFECYCLE_LIST}`,
    description: `code kept as originalCode; meanings from codeTables["${LIFECYCLE_LIST}"], otherwise Other; none → Approved`,
    arity: 1,
    decode(value, scope, props) {
      const prop = props[0] ?? "";
      if (value === undefined) return { value: "Approved", originalList: LIFECYCLE_LIST };
      if (value === null || value === "") {
        scope.carry(prop, value);
        return { value: "Approved", originalList: LIFECYCLE_LIST };
      }
      if (typeof value !== "string") return scope.issue(prop, "type.invalid", `${prop} is a lifecycle state code (a string)`);
      // The code is kept as originalCode, which holds at most 255 characters.
      if (value.length > 255) return scope.issue(prop, ISSUE_CODES.tooBig, `${prop} has ${value.length} characters; a code has at most 255`);
      return { value: meaning(value, scope.context.codeTable(LIFECYCLE_LIST)), originalCode: value, originalList: LIFECYCLE_LIST };
    },
    encode(value, scope, pointer) {
      if (value === undefined) return EMPTY;
      const table = scope.context.codeTable(LIFECYCLE_LIST);
      const original = value.originalList === undefined || value.originalList === LIFECYCLE_LIST ? value.originalCode : undefined;
      if (original !== undefined && original !== "" && meaning(original, table) === value.value) return original;
      if (value.value === "Approved") return EMPTY;
      if (table !== undefined) for (const [code, m] of table) if (m === value.value) return code;
      return scope.issue(pointer + "/value", MAPPING_CODES.noVendorCode, `no lifecycle state code is known for "${value.value}"; set originalCode or give the context a codeTables["${LIFECYCLE_LIST}"] entry`);
    },
  };
}
