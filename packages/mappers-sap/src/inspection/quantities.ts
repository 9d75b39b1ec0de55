import { isUnitCode } from "@mfgsync/canonical";
import type { Converter, DecodeScope, EncodeScope, Invalid } from "@mfgsync/mapping";
import { EMPTY, INVALID, MAPPING_CODES, odataV2Decimal } from "@mfgsync/mapping";

// A usage decision's stock postings are kept on the inspection lot itself
// (A_InspectionLot InspLotQtyTo…, "Unrestricted-Use Stock", "Blocked Stock",
// ...), not on A_InspLotUsageDecision: the SAP fields hold what the decision
// posted, in the lot's unit (InspectionLotQuantityUnit). SAP sends "0.000" for
// categories nothing was posted to; those are not part of the canonical split
// and are written back as they were read.

/** The lot's unit property: the split's quantities are in it. */
const LOT_UNIT = "InspectionLotQuantityUnit";
/** The usage decision the caller attaches: without it, the postings are kept in extensions. */
const DECISION = "to_InspLotUsageDecision";

/**
 * The code list of {@link splitOther}'s quantities: the SAP property each
 * one comes from.
 *
 * @example
 * ```ts
 * import { STOCK_POSTING_LIST } from "@mfgsync/mappers-sap";
 * STOCK_POSTING_LIST; // "sap:usage-decision-stock-posting"
 * ```
 */
export const STOCK_POSTING_LIST = "sap:usage-decision-stock-posting";

/** SAP's labels of the postings without a canonical category (API_INSPECTIONLOT_SRV 1.2.0 titles). */
const OTHER_POSTINGS: Readonly<Record<string, string>> = {
  InspLotQtyToReserves: "Quantity Posted to Reserves",
  InspLotQtyToAnotherMaterial: "New Material",
  InspLotQtyToSpecialStock: "Other Quantity",
  InspLotQtyToOtherStock: "Other Quantity 2",
};

const decimal = odataV2Decimal();
const ZERO = /^0*(?:\.0*)?$/;

function hasDecision(record: Readonly<Record<string, unknown>>): boolean {
  const ud = record[DECISION];
  return typeof ud === "object" && ud !== null && !Array.isArray(ud) && !("__deferred" in ud);
}

/** One posting as a canonical quantity, or undefined when it is zero or has no decision (the raw value is then kept). */
function readPosting(value: unknown, scope: DecodeScope, prop: string): { value: string; unit: string } | undefined | Invalid {
  if (value === undefined) return undefined;
  if (value === null) {
    scope.carry(prop, null);
    return undefined;
  }
  const text = decimal.decode(value as string, scope, [prop]);
  if (text === INVALID || text === undefined) return text;
  if (ZERO.test(text) || !hasDecision(scope.record)) {
    scope.carry(prop, value);
    return undefined;
  }
  const code = scope.record[LOT_UNIT];
  if (typeof code !== "string" || code === "") return scope.issue(prop, MAPPING_CODES.required, `${prop} is a usage-decision quantity in the lot's unit, but ${LOT_UNIT} is empty`);
  // The lot's unit field reports unknown or passed-through units itself.
  const unit = scope.context.unitIn(code) ?? (isUnitCode(code) ? code : undefined);
  if (unit === undefined) return scope.issue(prop, MAPPING_CODES.unknownUnit, `the lot's unit "${code}" (${LOT_UNIT}) is not in the unit table`);
  return { value: text, unit };
}

/** A split quantity for SAP: in the lot's unit, the inspected quantity's. */
function writePosting(value: { value: string; unit: string } | undefined, scope: EncodeScope, pointer: string, prop: string): string | null | Invalid | typeof EMPTY {
  if (value === undefined) {
    // Nothing in the split: what was read and kept ("0.000", or a posting read without its decision) goes back.
    const kept = scope.kept(prop);
    return typeof kept === "string" || kept === null ? kept : EMPTY;
  }
  const lotUnit = (scope.object["inspectedQuantity"] as { unit?: unknown } | undefined)?.unit;
  if (lotUnit === undefined) return scope.issue(pointer, MAPPING_CODES.required, "SAP keeps the decision's quantities in the lot's unit: the inspection needs an inspectedQuantity");
  if (value.unit !== lotUnit) return scope.issue(pointer + "/unit", "value.invalid", `SAP keeps the decision's quantities in the lot's unit (${String(lotUnit)}), not ${value.unit}`);
  return value.value;
}

/**
 * One usage-decision stock posting of the inspection lot
 * (`InspLotQtyToFree`, `InspLotQtyToBlocked`, ...) as a quantity of the
 * decision's split, in the lot's unit (`InspectionLotQuantityUnit`). Zero
 * postings are not part of the split; without an attached usage decision
 * (`to_InspLotUsageDecision`) the postings are kept in extensions. `prop` is
 * the posting's property, whose kept value goes back when the split has no
 * quantity for it. Encoding
 * refuses a quantity in another unit than the inspected quantity's.
 *
 * @example
 * ```ts
 * import { splitQuantity } from "@mfgsync/mappers-sap";
 * splitQuantity("InspLotQtyToFree").arity; // 1
 * ```
 */
export function splitQuantity(prop: string): Converter<string | null | undefined, { value: string; unit: string }> {
  return {
    kind: "usage-decision posting in the lot's unit",
    description: `decimal string in ${LOT_UNIT}; zero means nothing posted; read only with the usage decision attached`,
    arity: 1,
    decode: (value, scope, props) => readPosting(value, scope, props[0] ?? ""),
    encode: (value, scope, pointer) => writePosting(value, scope, pointer, prop),
  };
}

type Other = { code: string; list?: string; text?: string; quantity: { value: string; unit: string } };

/**
 * The usage-decision postings without a canonical category (to reserves, to
 * a new material, the two "other quantity" postings) as the split's `other`
 * quantities, coded by the SAP property (`InspLotQtyToReserves`, list
 * {@link STOCK_POSTING_LIST}) with SAP's label as text. Other codes cannot be
 * posted in SAP: they are not written, with a warning.
 *
 * @example
 * ```ts
 * import { splitOther } from "@mfgsync/mappers-sap";
 * splitOther().arity; // 4
 * ```
 */
export function splitOther(): Converter<readonly unknown[], Other[]> {
  const props = Object.keys(OTHER_POSTINGS);
  return {
    kind: "usage-decision postings in the lot's unit",
    description: `${props.join(", ")} as other quantities coded by the property (${STOCK_POSTING_LIST}); zero means nothing posted`,
    arity: props.length,
    decode(values, scope, names) {
      const out: Other[] = [];
      let invalid = false;
      values.forEach((v, i) => {
        const prop = names[i] ?? "";
        const q = readPosting(v, scope, prop);
        if (q === INVALID) invalid = true;
        else if (q !== undefined) out.push({ code: prop, list: STOCK_POSTING_LIST, text: OTHER_POSTINGS[prop] ?? prop, quantity: q });
      });
      if (invalid) return INVALID;
      return out.length === 0 ? undefined : out;
    },
    encode(value, scope, pointer) {
      const slots: Array<string | null | Invalid | typeof EMPTY> = props.map(() => EMPTY);
      let invalid = false;
      const seen = new Set<number>();
      (value ?? []).forEach((o, j) => {
        const i = o.list === undefined || o.list === STOCK_POSTING_LIST ? props.indexOf(o.code) : -1;
        if (i < 0) {
          scope.warn(`${pointer}/${j}`, MAPPING_CODES.noVendorCode, `SAP has no usage-decision posting "${o.code}"${o.list ? ` (${o.list})` : ""}; not written (SAP posts ${props.join(", ")})`);
          return;
        }
        if (seen.has(i)) {
          invalid = true;
          scope.issue(`${pointer}/${j}/code`, "value.invalid", `${o.code} is listed twice; SAP keeps one quantity per posting`);
          return;
        }
        seen.add(i);
        const written = writePosting(o.quantity, scope, `${pointer}/${j}/quantity`, props[i] ?? "");
        if (written === INVALID) invalid = true;
        slots[i] = written;
      });
      props.forEach((p, i) => {
        if (!seen.has(i)) slots[i] = writePosting(undefined, scope, pointer, p);
      });
      return invalid ? INVALID : slots;
    },
  };
}
