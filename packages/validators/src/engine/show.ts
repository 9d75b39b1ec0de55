/**
 * A value as issue messages and reports show it: its JSON when it has one, cut to `max` characters, and
 * never a throw (a bigint, a cycle, an object without a prototype, a throwing getter or `toJSON` in a
 * profile loaded from outside). Internal.
 */
export function showValue(value: unknown, max = 60): string {
  let text: string;
  try {
    text = typeof value === "bigint" ? String(value) : JSON.stringify(value) ?? String(value);
  } catch {
    try {
      text = String(value);
    } catch {
      text = Array.isArray(value) ? "an array" : typeof value;
    }
  }
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
