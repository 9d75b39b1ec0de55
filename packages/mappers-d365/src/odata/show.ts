// Values from outside in issue messages: any value (a bigint, a cycle, a
// 10^6-character string) is shown briefly and never makes a message throw.
import { isJsonNumber } from "@mfgsync/mapping";

/** A short, never-throwing rendering of a value for an issue message: JSON for plain values (strings cut at 60 characters), a kind for the rest. Internal. */
export function showValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (isJsonNumber(value)) return value.text.length > 60 ? value.text.slice(0, 60) + "…" : value.text;
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? value.slice(0, 60) + "…" : value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}
