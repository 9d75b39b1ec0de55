// Exact JSON numbers. `JSON.parse` turns `12.30` into 12.3 and rounds long
// fractions and integers above 2^53; a vendor that sends quantities and ids as
// JSON numbers (OData V4, Oracle REST) needs the digits as written.

/**
 * A JSON number kept as the text it was written with (`12.30`,
 * `9007199254740993`), for numbers a JavaScript `number` cannot hold
 * exactly. `parseWireJson` produces it for such tokens; encoders produce it
 * for canonical decimals and int64 ids that a double would change;
 * `stringifyWireJson` writes its text unchanged. `JSON.stringify` writes the
 * nearest double (through `toJSON`).
 *
 * @example
 * ```ts
 * import { JsonNumber } from "@mfgsync/mapping";
 * const q = new JsonNumber("12.30");
 * q.text; // "12.30"
 * JSON.stringify({ q }); // '{"q":12.3}'
 * ```
 */
export class JsonNumber {
  /** The number exactly as written in JSON. */
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  /** The nearest double, for `JSON.stringify` and arithmetic. */
  toJSON(): number {
    return Number(this.text);
  }
  /** The nearest double. */
  valueOf(): number {
    return Number(this.text);
  }
  /** The text as written. */
  toString(): string {
    return this.text;
  }
}

/**
 * Whether a value is a {@link JsonNumber}.
 *
 * @example
 * ```ts
 * import { JsonNumber, isJsonNumber } from "@mfgsync/mapping";
 * isJsonNumber(new JsonNumber("1.50")); // true
 * isJsonNumber(1.5); // false
 * ```
 */
export function isJsonNumber(value: unknown): value is JsonNumber {
  return value instanceof JsonNumber;
}

/** Whether a JSON number token reads back as the same text from a double (`String(Number(t)) === t`). Internal. */
export function isExactNumberToken(token: string): boolean {
  const n = token.length;
  // Integers of up to 15 digits are exact and print as written (JSON forbids leading zeros).
  if (n <= 15) {
    let i = token.charCodeAt(0) === 45 ? 1 : 0;
    if (i === 1 && n === 2 && token.charCodeAt(1) === 48) return false; // "-0" prints as "0"
    for (; i < n; i++) {
      const c = token.charCodeAt(i);
      if (c < 48 || c > 57) break;
    }
    if (i === n) return true;
  }
  return String(Number(token)) === token;
}

/** The exact text of a JSON number value (a `JsonNumber`'s text, or the shortest text of a double), or undefined for non-numbers. Internal. */
export function numberText(value: unknown): string | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : undefined;
  if (value instanceof JsonNumber) return value.text;
  return undefined;
}

/** A decimal or integer text as the JSON value to write: a double when it prints back the same, else a {@link JsonNumber}. Internal. */
export function jsonNumberOf(text: string): number | JsonNumber {
  return isExactNumberToken(text) ? Number(text) : new JsonNumber(text);
}
