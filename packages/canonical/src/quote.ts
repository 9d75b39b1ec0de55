/**
 * Values quoted in issue messages, kept short: a message must not repeat a
 * ten-megabyte input (the path says where the value is). Internal.
 */

/** Longest value quoted whole; longer ones keep their start and end. */
const MAX_QUOTED = 80;
/** Longest message kept whole; longer ones (a zod message quoting input) keep their start and end. */
const MAX_MESSAGE = 500;

/** Cuts `text` to about `max` characters in the middle, never inside a surrogate pair, saying how much was left out. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let head = Math.ceil(max * 0.6);
  let tail = text.length - Math.floor(max * 0.3);
  if (/[\uD800-\uDBFF]/.test(text.charAt(head - 1))) head--;
  if (/[\uDC00-\uDFFF]/.test(text.charAt(tail))) tail++;
  return `${text.slice(0, head)}…[${tail - head} characters left out]…${text.slice(tail)}`;
}

/** A value as issue messages quote it: `"12,5"`; long ones shortened in the middle. Never throws. */
export function quote(value: unknown): string {
  let text: string;
  if (typeof value === "string") text = value;
  else {
    try {
      text = typeof value === "object" && value !== null ? (JSON.stringify(value) ?? typeof value) : String(value);
    } catch {
      text = typeof value;
    }
  }
  return `"${shorten(text, MAX_QUOTED)}"`;
}

/** A message cut to a readable length (a safety net for messages that quote input). */
export function shortMessage(message: string): string {
  return shorten(message, MAX_MESSAGE);
}
