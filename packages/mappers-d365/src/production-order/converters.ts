import { showValue } from "../odata/show.js";
import type { Quantity } from "@mfgsync/canonical";
import { ISSUE_CODES } from "@mfgsync/canonical";
import type { Converter } from "@mfgsync/mapping";
import { EMPTY, INVALID, MAPPING_CODES, jsonDecimal, readUnit, scalar, writeUnit } from "@mfgsync/mapping";
import { D365_CODES } from "../context.js";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The navigation that carries the order's unit. */
const PRODUCT = "ReleasedProductV2";

/** The unit a header without `ReleasedProductV2` is read in: C62 ("one"), with a warning. */
export const UNKNOWN_ORDER_UNIT = "C62";

/**
 * The production order's quantity (and a quality order's, with
 * `{ header: "quality order" }`): `ScheduledQuantity` / `InventoryQuantity` (exact decimal) in
 * the released product's inventory unit, which the header does not carry:
 * the caller expands `ReleasedProductV2($select=dataAreaId,ItemNumber,InventoryUnitSymbol)`
 * (notes, Later findings; semantics [inferred]). The expanded product is
 * written back as read; a new object writes `{ dataAreaId, ItemNumber,
 * InventoryUnitSymbol }`. Without the expansion the unit is unknown: the
 * quantity reads in C62 with the warning `d365.unit.missing`, and nothing is
 * written for the product.
 *
 * @example
 * ```ts
 * import { orderQuantity } from "@mfgsync/mappers-d365";
 * orderQuantity().arity; // 2
 * orderQuantity({ header: "quality order" }).kind; // "quantity (decimal + ReleasedProductV2 unit)"
 * ```
 */
export function orderQuantity(options: { readonly header?: string } = {}): Converter<readonly unknown[], Quantity> {
  const amount = jsonDecimal();
  const header = options.header ?? "production order";
  return {
    kind: "quantity (decimal + ReleasedProductV2 unit)",
    description: "the quantity in the attached ReleasedProductV2's InventoryUnitSymbol (through the unit table)",
    arity: 2,
    decode(values, scope, props) {
      const amountProp = props[0] ?? "", productProp = props[1] ?? "";
      const value = amount.decode(values[0] as never, scope, [amountProp]);
      const product = values[1];
      let unit: string | typeof INVALID;
      if (product === undefined || product === null) {
        if (value !== INVALID && value !== undefined) scope.warn(productProp, D365_CODES.unitMissing, `the ${header} header has no unit: expand ${productProp}($select=dataAreaId,ItemNumber,InventoryUnitSymbol); the quantity is read in ${UNKNOWN_ORDER_UNIT}`);
        unit = UNKNOWN_ORDER_UNIT;
      } else if (!isRecord(product)) {
        return scope.issue(productProp, ISSUE_CODES.invalidType, `${productProp} must be the expanded released product (an object with InventoryUnitSymbol)`);
      } else {
        const symbol = product["InventoryUnitSymbol"];
        if (typeof symbol !== "string" || symbol === "") return scope.issue(productProp, ISSUE_CODES.required, `${productProp}/InventoryUnitSymbol must be the item's inventory unit symbol, got ${showValue(symbol)}`);
        unit = readUnit(symbol, scope, productProp);
      }
      if (value === INVALID || unit === INVALID) return INVALID;
      if (value === undefined) return undefined;
      return { value, unit };
    },
    encode(value, scope, pointer) {
      if (value === undefined) return [EMPTY, EMPTY];
      const a = amount.encode(value.value, scope, pointer + "/value");
      if (a === INVALID) return INVALID;
      const kept = scope.kept(PRODUCT);
      // No product (absent, or null as read): the quantity was read in C62 and goes back without one.
      if (value.unit === UNKNOWN_ORDER_UNIT && (kept === undefined || kept === null)) return [a, kept === null ? null : EMPTY];
      // The product as read, while its unit still is the quantity's.
      if (isRecord(kept) && typeof kept["InventoryUnitSymbol"] === "string" && (scope.context.unitIn(kept["InventoryUnitSymbol"]) ?? kept["InventoryUnitSymbol"]) === value.unit) return [a, kept];
      const symbol = writeUnit(value.unit, scope, pointer + "/unit");
      if (symbol === INVALID) return INVALID;
      const company = scope.idScope()?.value;
      const item = scope.target["ItemNumber"];
      return [a, { ...(company === undefined ? {} : { dataAreaId: company }), ...(typeof item === "string" ? { ItemNumber: item } : {}), InventoryUnitSymbol: symbol }];
    },
  };
}

/**
 * A D365 operation number (`Edm.Int32`: `OperationNumber`,
 * `RouteOperationNumber`) to a canonical operation sequence (digits). With
 * `zeroIsNone`, 0 means "no operation" (a BOM line consumed at no particular
 * operation) [inferred].
 *
 * @example
 * ```ts
 * import { operationNumber } from "@mfgsync/mappers-d365";
 * operationNumber({ zeroIsNone: true }).kind; // "operation number"
 * ```
 */
export function operationNumber(options: { readonly zeroIsNone?: boolean } = {}): Converter<number | null | undefined, string> {
  const zeroIsNone = options.zeroIsNone === true;
  return scalar<number, string>({
    kind: "operation number",
    description: `Int32 operation number to digits${zeroIsNone ? "; 0 means none" : ""}`,
    expected: "a non-negative integer",
    accepts: (v): v is number => typeof v === "number" && Number.isInteger(v),
    decode(value, scope, prop) {
      if (value < 0) return scope.issue(prop, ISSUE_CODES.tooSmall, `${prop} ${value} is negative`);
      if (zeroIsNone && value === 0) return undefined;
      return String(value);
    },
    encode(value, scope, pointer) {
      const n = Number(value);
      if (!Number.isSafeInteger(n) || n > 2147483647) return scope.issue(pointer, ISSUE_CODES.tooBig, `operation ${value} does not fit an Int32 operation number`);
      return n;
    },
  });
}

type OperationState = { value: string };

function flag(value: unknown, prop: string, scope: { issue(p: string, c: string, m: string): typeof INVALID }): boolean | undefined | typeof INVALID {
  if (value === undefined || value === null) return undefined;
  if (value === "Yes") return true;
  if (value === "No") return false;
  return scope.issue(prop, ISSUE_CODES.invalidValue, `${prop} is a NoYes enum ("Yes" or "No"), got ${showValue(value)}`);
}

/**
 * A route operation's state from its NoYes progress flags
 * (`IsOperationStarted`, `IsOperationCompleted`): completed → Completed,
 * started → Running, neither → Released. The operation's own state beyond
 * these flags is not on the entity [inferred]; the flags read are written
 * back while the state is unchanged (declare with `carryAlways`).
 *
 * @example
 * ```ts
 * import { operationProgress } from "@mfgsync/mappers-d365";
 * operationProgress().arity; // 2
 * ```
 */
export function operationProgress(): Converter<readonly unknown[], OperationState> {
  return {
    kind: "progress flags",
    description: "IsOperationCompleted Yes → Completed, IsOperationStarted Yes → Running, otherwise Released",
    arity: 2,
    decode(values, scope, props) {
      const started = flag(values[0], props[0] ?? "", scope);
      const completed = flag(values[1], props[1] ?? "", scope);
      if (started === INVALID || completed === INVALID) return INVALID;
      return { value: completed === true ? "Completed" : started === true ? "Running" : "Released" };
    },
    encode(value, scope, pointer) {
      switch (value?.value) {
        case "Completed": return ["Yes", "Yes"];
        case "Running": return ["Yes", "No"];
        case "Released": case undefined: return ["No", "No"];
        default: return scope.issue(pointer + "/value", MAPPING_CODES.noVendorCode, `a D365 route operation is Released, Running or Completed (its progress flags); "${String(value?.value)}" cannot be written`);
      }
    },
  };
}

/**
 * A converter whose vendor value `""` means none and is written back as `""`
 * while the canonical field stays absent (D365 sends `""` for an unset
 * string such as `ItemBatchNumber`).
 *
 * @example
 * ```ts
 * import { identifier } from "@mfgsync/mapping";
 * import { emptyKept } from "@mfgsync/mappers-d365";
 * emptyKept(identifier({ scoped: true })).kind; // "identifier (scoped)"
 * ```
 */
export function emptyKept<C>(converter: Converter<unknown, C>): Converter<unknown, C> {
  return {
    ...converter,
    decode(value, scope, props) {
      if (value === "") {
        scope.carry(props[0] ?? "", "");
        return undefined;
      }
      return converter.decode(value, scope, props);
    },
  };
}
