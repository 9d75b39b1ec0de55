// Exact decimal arithmetic on bigints. Internal: the rules compare and convert
// quantities with it so that no binary floating point ever touches a value.
// A value is a reduced fraction num/den (den > 0); canonical decimal strings
// are parsed into it exactly and written back only when the result terminates.

/** An exact rational number: `num / den`, `den` always positive, reduced. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function make(num: bigint, den: bigint): Rational {
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

export const ZERO: Rational = { num: 0n, den: 1n };
export const ONE: Rational = { num: 1n, den: 1n };

/** Parses a plain decimal string (`"12.5"`, `"-0.001"`); undefined for anything else (no exponents, no commas). */
export function parseDecimal(text: string): Rational | undefined {
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  const [, sign = "", int = "0", frac = ""] = match;
  const num = BigInt(int + frac) * (sign === "-" ? -1n : 1n);
  return make(num, 10n ** BigInt(frac.length));
}

export function add(a: Rational, b: Rational): Rational {
  return make(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function multiply(a: Rational, b: Rational): Rational {
  return make(a.num * b.num, a.den * b.den);
}

/** Exact division; undefined when dividing by zero (the caller reports it). */
export function divide(a: Rational, b: Rational): Rational | undefined {
  if (b.num === 0n) return undefined;
  return make(a.num * b.den, a.den * b.num);
}

/** -1, 0 or 1, by cross-multiplication (denominators are positive). */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function isZero(a: Rational): boolean {
  return a.num === 0n;
}

/**
 * Writes a rational as a plain decimal string when it terminates within
 * `maxScale` fraction digits; undefined otherwise ("divide exactly or report").
 */
export function toDecimalString(value: Rational, maxScale = 12): string | undefined {
  const a = make(value.num, value.den); // shortest form: no trailing zeros
  let den = a.den;
  let twos = 0;
  let fives = 0;
  while (den % 2n === 0n) {
    den /= 2n;
    twos++;
  }
  while (den % 5n === 0n) {
    den /= 5n;
    fives++;
  }
  if (den !== 1n) return undefined; // repeating decimal
  const scale = Math.max(twos, fives);
  if (scale > maxScale) return undefined;
  const scaled = (a.num * 10n ** BigInt(scale)) / a.den;
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(scale + 1, "0");
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale);
  return `${negative ? "-" : ""}${int}${frac ? `.${frac}` : ""}`;
}

/** A short, human-readable approximation for messages only (never used in comparisons). */
export function describeRational(a: Rational, digits = 12): string {
  const exact = toDecimalString(a, digits);
  if (exact !== undefined) return exact;
  const negative = a.num < 0n;
  const abs = negative ? -a.num : a.num;
  const int = abs / a.den;
  let rest = abs % a.den;
  let frac = "";
  for (let i = 0; i < digits; i++) {
    rest *= 10n;
    frac += (rest / a.den).toString();
    rest %= a.den;
  }
  return `${negative ? "-" : ""}${int}.${frac}…`;
}

/** Number of significant fraction digits of a decimal string (trailing zeros do not count). */
export function scaleOf(text: string): number {
  const point = text.indexOf(".");
  if (point < 0) return 0;
  return text.slice(point + 1).replace(/0+$/, "").length;
}

/** Number of integer digits of a decimal string, leading zeros and sign excluded (`"0.5"` has 0). */
export function integerDigitsOf(text: string): number {
  const unsigned = text.startsWith("-") ? text.slice(1) : text;
  const point = unsigned.indexOf(".");
  const int = (point < 0 ? unsigned : unsigned.slice(0, point)).replace(/^0+/, "");
  return int.length;
}
