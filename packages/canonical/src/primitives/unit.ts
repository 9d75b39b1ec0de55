import * as z from "zod";
import { REC20_ACTIVE_CODES, REC20_DIMENSIONS, REC20_NAMES } from "../units/rec20.generated.js";
import { quote } from "../quote.js";

const ACTIVE_CODES: readonly string[] = REC20_ACTIVE_CODES.split(" ");
const ACTIVE_SET: ReadonlySet<string> = new Set(ACTIVE_CODES);

/**
 * A UN/ECE Recommendation 20 common code that is active in Rev 17e (2021):
 * `H87` (piece), `KGM`, `LTR`, `MTR`... Deleted and deprecated codes are refused,
 * so are vendor spellings: `KG` is a deleted code (keg), `ST` is sheet, and
 * `PCE`/`PC` are not Rec 20 codes at all (map them to `H87`).
 *
 * @example
 * ```ts
 * import { UnitCode } from "@mfgsync/canonical";
 * UnitCode.parse("KGM");
 * UnitCode.safeParse("KG").success; // false
 * ```
 */
export const UnitCode = z.enum(ACTIVE_CODES as [string, ...string[]], {
  error: (issue) => `${quote(issue.input)} is not an active UN/ECE Rec 20 unit code`,
}).meta({ id: "UnitCode", title: "UN/ECE Rec 20 unit code", description: "An active UN/ECE Recommendation 20 (Rev 17e) common code." });
/** A {@link UnitCode} value. @example `const u: UnitCode = "KGM";` */
export type UnitCode = string;

/**
 * Whether `code` is an active UN/ECE Rec 20 common code.
 *
 * @example
 * ```ts
 * import { isUnitCode } from "@mfgsync/canonical";
 * isUnitCode("H87"); // true
 * isUnitCode("PCE"); // false
 * ```
 */
export function isUnitCode(code: unknown): code is UnitCode {
  return typeof code === "string" && ACTIVE_SET.has(code);
}

/** Physical dimension of a unit, as derived from Rec 20's conversion factors. @example `const d: UnitDimension = "mass";` */
export type UnitDimension = "mass" | "length" | "area" | "volume" | "time" | "temperature" | "count";

/**
 * What the bundled Rec 20 list says about a unit: its name, dimension and
 * exact factor to the SI base of that dimension (kg, m, m², m³, s, K; one for
 * counts). Units Rec 20 gives no simple factor for have `dimension` undefined;
 * affine units such as °C have a dimension but no factor.
 *
 * @example
 * ```ts
 * import { describeUnit } from "@mfgsync/canonical";
 * describeUnit("GRM"); // { code: "GRM", name: "gram (g)", dimension: "mass", factorToBase: "0.001" }
 * ```
 */
export function describeUnit(code: string): { code: string; name: string; dimension?: UnitDimension; factorToBase?: string } | undefined {
  if (!ACTIVE_SET.has(code)) return undefined;
  const name = REC20_NAMES[code] ?? code;
  const dim = unitDimension(code);
  return dim === undefined ? { code, name } : { code, name, ...dim };
}

/**
 * The dimension and exact factor to the SI base of an active Rec 20 unit, as
 * {@link describeUnit} gives them, without the unit's name: code that only
 * converts units (the validators) then leaves the 1,755 names out of a browser
 * bundle. `undefined` for codes that are not active or have no fixed dimension.
 *
 * @example
 * ```ts
 * import { unitDimension } from "@mfgsync/canonical";
 * unitDimension("GRM"); // { dimension: "mass", factorToBase: "0.001" }
 * unitDimension("CEL"); // { dimension: "temperature" } (affine: no factor)
 * ```
 */
export function unitDimension(code: string): { dimension: UnitDimension; factorToBase?: string } | undefined {
  if (!ACTIVE_SET.has(code)) return undefined;
  const dim = REC20_DIMENSIONS[code];
  if (!dim) return undefined;
  return dim[1] === null ? { dimension: dim[0] as UnitDimension } : { dimension: dim[0] as UnitDimension, factorToBase: dim[1] };
}
