import type { Converter } from "@mfgsync/mapping";
import { INVALID, readUnit, scalar, writeUnit } from "@mfgsync/mapping";

// Oracle keeps a unit as a short code (`UOMCode`, VARCHAR2(3) in the QA
// tables) and as a name (`UnitOfMeasure`, `PrimaryUOMValue: "Each"`); both are
// in the table below. Unit codes are defined per pod in `unitsOfMeasure`: the
// codes here are the common Vision demo spellings and are [inferred]; callers
// add their own with the context's `units` / `unitsOut`.

/**
 * Default Oracle unit table: unit codes and unit names to UN/ECE Rec 20.
 * Uncertain ([inferred]) — Oracle units are pod data; extend with the context's `units`.
 *
 * @example
 * ```ts
 * import { ORACLE_UNITS_IN } from "@mfgsync/mappers-oracle";
 * ORACLE_UNITS_IN.Each; // "H87"
 * ```
 */
export const ORACLE_UNITS_IN: Readonly<Record<string, string>> = {
  // piece
  Ea: "H87", EA: "H87", ea: "H87", Each: "H87", PC: "H87", Piece: "H87",
  // mass
  Kg: "KGM", KG: "KGM", kg: "KGM", Kilogram: "KGM", g: "GRM", G: "GRM", Gram: "GRM", mg: "MGM", Milligram: "MGM", Lb: "LBR", LB: "LBR", Pound: "LBR", T: "TNE", Ton: "TNE",
  // volume
  L: "LTR", Liter: "LTR", Litre: "LTR", mL: "MLT", ML: "MLT", Milliliter: "MLT", Gal: "GLL", Gallon: "GLL",
  // length and area
  m: "MTR", M: "MTR", Meter: "MTR", cm: "CMT", Centimeter: "CMT", mm: "MMT", Millimeter: "MMT", Ft: "FOT", Foot: "FOT", In: "INH", Inch: "INH", m2: "MTK",
  // time
  HR: "HUR", Hr: "HUR", Hour: "HUR", MIN: "MIN", Min: "MIN", Minute: "MIN", SEC: "SEC", Sec: "SEC", Second: "SEC", DAY: "DAY", Day: "DAY",
  // inspection units (notes §6: results carry units such as cP and %)
  cP: "C7", Centipoise: "C7", "%": "P1", Percent: "P1",
};

/**
 * Default Oracle unit code to send per Rec 20 code.
 *
 * @example
 * ```ts
 * import { ORACLE_UNITS_OUT } from "@mfgsync/mappers-oracle";
 * ORACLE_UNITS_OUT.H87; // "Ea"
 * ```
 */
export const ORACLE_UNITS_OUT: Readonly<Record<string, string>> = {
  H87: "Ea", KGM: "Kg", GRM: "g", MGM: "mg", LBR: "Lb", TNE: "T",
  LTR: "L", MLT: "mL", GLL: "Gal",
  MTR: "m", CMT: "cm", MMT: "mm", FOT: "Ft", INH: "In", MTK: "m2",
  HUR: "HR", MIN: "MIN", SEC: "SEC", DAY: "DAY",
  C7: "cP", P1: "%",
};

/**
 * Default Oracle unit *name* to send per Rec 20 code, for attributes that
 * hold the name (`PrimaryUOMValue: "Each"`). [inferred]: unit names are pod
 * data (`unitsOfMeasure.UOM`).
 *
 * @example
 * ```ts
 * import { ORACLE_UNIT_NAMES_OUT } from "@mfgsync/mappers-oracle";
 * ORACLE_UNIT_NAMES_OUT.KGM; // "Kilogram"
 * ```
 */
export const ORACLE_UNIT_NAMES_OUT: Readonly<Record<string, string>> = {
  H87: "Each", KGM: "Kilogram", GRM: "Gram", MGM: "Milligram", LBR: "Pound", TNE: "Ton",
  LTR: "Liter", MLT: "Milliliter", GLL: "Gallon",
  MTR: "Meter", CMT: "Centimeter", MMT: "Millimeter", FOT: "Foot", INH: "Inch",
  HUR: "Hour", MIN: "Minute", SEC: "Second", DAY: "Day",
  C7: "Centipoise", P1: "Percent",
};

/**
 * A unit *name* attribute (`PrimaryUOMValue: "Each"`) to a UN/ECE Rec 20
 * code through the context's unit table (which holds names as well as
 * codes); written as the name from {@link ORACLE_UNIT_NAMES_OUT}, or, for a
 * unit without a known name, as the unit code with a warning.
 *
 * @example
 * ```ts
 * import { unitName } from "@mfgsync/mappers-oracle";
 * unitName().kind; // "unit name"
 * ```
 */
export function unitName(): Converter<string | null | undefined, string> {
  return scalar<string, string>({
    kind: "unit name",
    description: "unit name (\"Each\") to UN/ECE Rec 20 through the unit table; written as the unit's name",
    expected: "a unit name",
    accepts: (v): v is string => typeof v === "string",
    decode(value, scope, prop) {
      const rec20 = readUnit(value, scope, prop);
      if (rec20 !== INVALID && ORACLE_UNIT_NAMES_OUT[rec20] !== value) scope.carry(prop, value);
      return rec20;
    },
    encode(value, scope, pointer) {
      const name = Object.prototype.hasOwnProperty.call(ORACLE_UNIT_NAMES_OUT, value) ? ORACLE_UNIT_NAMES_OUT[value] : undefined;
      if (name !== undefined && scope.context.unitIn(name) === value) return name;
      return writeUnit(value, scope, pointer);
    },
  });
}
