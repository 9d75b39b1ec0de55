// Comparison of canonical dates and timestamps. Internal.
//
// Two timestamps (both carry an offset) compare as instants. When either side
// is a plain calendar date, both compare as calendar dates, the timestamp
// contributing the date it is written in (its own offset): the plant's time
// zone is not known here, and the date as the source wrote it is the one its
// users saw.

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** -1, 0 or 1; undefined when either value cannot be read (schema-checked input always can). */
export function compareTime(a: string, b: string): -1 | 0 | 1 | undefined {
  if (PLAIN_DATE.test(a) || PLAIN_DATE.test(b)) {
    const left = a.slice(0, 10);
    const right = b.slice(0, 10);
    if (!PLAIN_DATE.test(left) || !PLAIN_DATE.test(right)) return undefined;
    return left < right ? -1 : left > right ? 1 : 0;
  }
  const left = Date.parse(a);
  const right = Date.parse(b);
  if (Number.isNaN(left) || Number.isNaN(right)) return undefined;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Whether `a` is strictly after `b` (false when unknown). */
export function isAfter(a: string, b: string): boolean {
  return compareTime(a, b) === 1;
}

/** Whether `a` is strictly before `b` (false when unknown). */
export function isBefore(a: string, b: string): boolean {
  return compareTime(a, b) === -1;
}
