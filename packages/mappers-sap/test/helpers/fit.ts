// Helpers that turn arbitrary canonical objects into ones SAP can hold: the
// documented input domain of the SAP mappers (string lengths of the SAP
// fields, SAP decimal precision, SAP identifiers, units SAP can write, years
// SAP dates hold). What they change is what SAP cannot represent; what SAP
// represents lossily is declared as known loss by the mappers instead.

/** Units the property tests draw from: all in the default SAP unit tables. */
export const SAP_TEST_UNITS = ["H87", "KGM", "GRM", "LTR", "MLT", "MTR", "MMT", "MTK", "MTQ", "MIN", "HUR", "SEC", "DAY", "C62", "TNE", "P1"];

/** Scheme of every identifier the SAP mappers write. */
export const SCHEME = "sap-s4hana";

/** A non-empty string of at most `max` characters. */
export function fitText(value: string, max: number, fallback = "X"): string {
  const cut = value.slice(0, max);
  return cut.length > 0 ? cut : fallback;
}

/** Optional text of at most `max` characters; empty strings become absent. */
export function fitOptionalText(value: string | undefined, max: number): string | undefined {
  if (value === undefined) return undefined;
  const cut = value.slice(0, max);
  return cut === "" ? undefined : cut;
}

/** A decimal with at most `intDigits` integer and `scale` fraction digits (Edm.Decimal precision and scale). */
export function fitDecimal(value: string, intDigits = 10, scale = 3): string {
  const negative = value.startsWith("-");
  const [int = "0", frac = ""] = (negative ? value.slice(1) : value).split(".");
  const i = int.length > intDigits ? int.slice(-intDigits).replace(/^0+(?=\d)/, "") : int;
  const f = frac.slice(0, scale).replace(/0+$/, "");
  const out = f ? `${i}.${f}` : i;
  return negative && out !== "0" ? `-${out}` : out;
}

/** An SAP identifier of at most `max` characters. */
export function fitId<T extends { value: string; scheme: string; issuer?: string }>(id: T, max: number): { value: string; scheme: string } {
  return { value: fitText(id.value, max), scheme: SCHEME };
}

/** A quantity SAP can hold (Decimal(13,3) by default). */
export function fitQuantity<T extends { value: string; unit: string }>(q: T, unit?: string, intDigits = 10, scale = 3): { value: string; unit: string } {
  return { value: fitDecimal(q.value, intDigits, scale), unit: unit ?? q.unit };
}

const YEAR = /^(\d{4})/;

/** Dates and timestamps moved into years SAP dates hold (1900-9000). */
export function fitDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = YEAR.exec(value);
  const year = m ? Number(m[1]) : 2026;
  if (year >= 1900 && year <= 9000) return value;
  return "2026" + value.slice(4).replace(/^-02-29/, "-02-28");
}

/** Removes keys whose value is undefined (so fitted objects stay plain JSON). */
export function clean<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Extensions without the sap namespace: SAP values in extensions must have the SAP property's type (tested separately). */
export function withoutSap<T extends Record<string, unknown> | undefined>(extensions: T): T | undefined {
  if (extensions === undefined) return undefined;
  const { sap: _sap, ...rest } = extensions as Record<string, unknown>;
  return (Object.keys(rest).length > 0 ? rest : undefined) as T | undefined;
}
