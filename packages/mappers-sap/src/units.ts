import type { Converter, DecodeScope, EncodeScope, Invalid } from "@mfgsync/mapping";
import { INVALID, OMIT, readUnit, writeUnit } from "@mfgsync/mapping";

// SAP keeps three spellings of a unit (notes section 11):
// - the commercial (external) code of OData unit fields, produced by the
//   language-dependent CUNIT conversion exit: "PC" for piece with an English logon;
// - SAP's ISO code (`...ISOCode` fields): mostly UN/ECE Rec 20, but "PCE" for piece;
// - the internal code (`...SAPCode`, "No Conversion"), German-based: "ST" for piece.
// The tables below cover the common units. Entries marked [INFERRED] come from
// SAP domain knowledge (T006/T006A standard content), not from a stored file;
// customers override or extend them through the mapping context (`units`, `unitsOut`).

/**
 * Default SAP unit table: every SAP spelling (commercial EN, ISO, internal)
 * to its UN/ECE Rec 20 code. The caller's `units` context entries win.
 *
 * @example
 * ```ts
 * import { SAP_UNITS_IN } from "@mfgsync/mappers-sap";
 * SAP_UNITS_IN.PCE; // "H87"
 * ```
 */
export const SAP_UNITS_IN: Readonly<Record<string, string>> = {
  // piece: commercial PC (EN) [SEEN in samples], ISO PCE [SEEN in notes], internal ST [INFERRED]; EA "each" [INFERRED]
  PC: "H87", PCE: "H87", ST: "H87", EA: "H87",
  // mass
  KG: "KGM", KGM: "KGM", G: "GRM", GRM: "GRM", MG: "MGM", MGM: "MGM", TO: "TNE", TNE: "TNE", LB: "LBR", LBR: "LBR", OZ: "ONZ", ONZ: "ONZ",
  // volume
  L: "LTR", LTR: "LTR", ML: "MLT", MLT: "MLT", M3: "MTQ", MTQ: "MTQ", CCM: "CMQ", CM3: "CMQ", CMQ: "CMQ", GAL: "GLL", GLL: "GLL",
  // length and area
  M: "MTR", MTR: "MTR", CM: "CMT", CMT: "CMT", MM: "MMT", MMT: "MMT", KM: "KMT", KMT: "KMT", FT: "FOT", FOT: "FOT", IN: "INH", INH: "INH",
  M2: "MTK", MTK: "MTK", CM2: "CMK", CMK: "CMK",
  // time: MIN [SEEN in samples]; H/HR/HUR, S/SEC, DAY/TAG [INFERRED]
  MIN: "MIN", H: "HUR", HR: "HUR", HUR: "HUR", S: "SEC", SEC: "SEC", DAY: "DAY", TAG: "DAY", WK: "WEE", WEE: "WEE", MON: "MON", YR: "ANN", ANN: "ANN",
  // activity unit: AU (EN) / LE (internal) [SEEN: AU in the product sample]; no Rec 20 equivalent, read as C62 "one" [INFERRED]
  AU: "C62", LE: "C62", C62: "C62",
  // percent [INFERRED]
  "%": "P1", P1: "P1",
};

/**
 * Default commercial (English) unit to send per Rec 20 code; the caller's
 * `unitsOut` context entries win.
 *
 * @example
 * ```ts
 * import { SAP_UNITS_OUT } from "@mfgsync/mappers-sap";
 * SAP_UNITS_OUT.H87; // "PC"
 * ```
 */
export const SAP_UNITS_OUT: Readonly<Record<string, string>> = {
  H87: "PC", KGM: "KG", GRM: "G", MGM: "MG", TNE: "TO", LBR: "LB", ONZ: "OZ",
  LTR: "L", MLT: "ML", MTQ: "M3", CMQ: "CM3", GLL: "GAL",
  MTR: "M", CMT: "CM", MMT: "MM", KMT: "KM", FOT: "FT", INH: "IN", MTK: "M2", CMK: "CM2",
  MIN: "MIN", HUR: "H", SEC: "S", DAY: "DAY", WEE: "WK", MON: "MON", ANN: "YR",
  C62: "AU", P1: "%",
};

/**
 * SAP ISO unit code per Rec 20 code where the two differ (SAP's ISO code for
 * piece is `PCE`, which Rec 20 no longer lists); every other unit is sent as
 * its Rec 20 code.
 *
 * @example
 * ```ts
 * import { SAP_ISO_UNITS_OUT } from "@mfgsync/mappers-sap";
 * SAP_ISO_UNITS_OUT.H87; // "PCE"
 * ```
 */
export const SAP_ISO_UNITS_OUT: Readonly<Record<string, string>> = { H87: "PCE" };

/**
 * SAP internal unit code (`...SAPCode`) per Rec 20 code [INFERRED: standard
 * T006 content]. Units not listed are sent with an empty internal code.
 *
 * @example
 * ```ts
 * import { SAP_INTERNAL_UNITS_OUT } from "@mfgsync/mappers-sap";
 * SAP_INTERNAL_UNITS_OUT.H87; // "ST"
 * ```
 */
export const SAP_INTERNAL_UNITS_OUT: Readonly<Record<string, string>> = {
  H87: "ST", KGM: "KG", GRM: "G", MGM: "MG", TNE: "TO", LTR: "L", MLT: "ML", MTQ: "M3", CMQ: "CCM",
  MTR: "M", CMT: "CM", MMT: "MM", KMT: "KM", MTK: "M2", CMK: "CM2", MIN: "MIN", HUR: "H", SEC: "S", DAY: "TAG", C62: "LE", P1: "%",
};

function own(table: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

const roles = ["commercial", "iso", "internal"] as const;

function expected(role: (typeof roles)[number], rec20: string, scope: DecodeScope | EncodeScope): string {
  if (role === "commercial") return scope.context.unitOut(rec20) ?? rec20;
  if (role === "iso") return own(SAP_ISO_UNITS_OUT, rec20) ?? rec20;
  return own(SAP_INTERNAL_UNITS_OUT, rec20) ?? "";
}

/**
 * An SAP unit sent as the commercial code, optionally with SAP's ISO code
 * and internal code beside it (`ProductionUnit`, `ProductionUnitISOCode`,
 * `ProductionUnitSAPCode`), to a Rec 20 code. The ISO code is preferred, then
 * the internal code, then the commercial one (which depends on the logon
 * language). Spellings the tables would not write back are kept in the
 * extensions, so the round trip is exact.
 *
 * @example
 * ```ts
 * import { sapUnit } from "@mfgsync/mappers-sap";
 * sapUnit({ iso: true, internal: true }).arity; // 3
 * ```
 */
export function sapUnit(options: { readonly iso?: boolean; readonly internal?: boolean } = {}): Converter<unknown, string> {
  const used = roles.filter((r) => r === "commercial" || (r === "iso" && options.iso === true) || (r === "internal" && options.internal === true));
  const preference = ["iso", "internal", "commercial"].filter((r) => used.includes(r as (typeof roles)[number])) as (typeof roles)[number][];
  const single = used.length === 1;
  return {
    kind: used.length === 1 ? "SAP unit" : `SAP unit (${used.join(" + ")})`,
    description: used.length === 1 ? "commercial unit to Rec 20 through the unit table" : `${preference.join(", then ")} code to Rec 20 through the unit table`,
    arity: used.length,
    decode(value, scope, props): string | undefined | Invalid {
      const values = single ? [value] : (value as readonly unknown[]);
      let rec20: string | undefined;
      for (const role of preference) {
        const i = used.indexOf(role);
        const v = values[i];
        if (v === undefined || v === null || v === "") continue;
        if (typeof v !== "string") return scope.issue(props[i] ?? "", "type.invalid", "a unit must be a string");
        const read = readUnit(v, scope, props[i] ?? "");
        if (read === INVALID) return INVALID;
        rec20 = read;
        break;
      }
      for (let i = 0; i < used.length; i++) {
        const v = values[i];
        if (v === undefined) continue;
        const role = used[i] ?? "commercial";
        const out = rec20 === undefined ? "" : expected(role, rec20, scope);
        if (v !== out) scope.carry(props[i] ?? "", v);
      }
      return rec20;
    },
    encode(value, scope, pointer) {
      if (value === undefined) return single ? "" : used.map(() => "");
      const out: unknown[] = [];
      for (const role of used) {
        const code: string | typeof INVALID = role === "commercial" ? writeUnit(value, scope, pointer) : expected(role, value, scope);
        if (code === INVALID) return INVALID;
        // Whatever SAP code is written must read back as the same unit.
        const back: string = code === "" ? value : scope.context.unitIn(code) ?? code;
        if (back !== value) return scope.issue(pointer, "unit.unknown", `${value} cannot be sent: the SAP ${role} code ${code} means ${back} in the unit table`);
        out.push(code);
      }
      return single ? (out[0] ?? OMIT) : out;
    },
  };
}
