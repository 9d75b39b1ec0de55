// Where and how the conformance kit changes a vendor fixture: paths of the
// scalar properties of an entity and of the rows of its expanded children
// (read through the profile, whatever the envelope), and replacing one.
import { isRecord } from "../json/json.js";
import type { WireProfile } from "../profiles/profile.js";

/**
 * Paths (key lists) of the properties of a vendor entity and of the first
 * two rows of each expanded child collection, as the profile reads them.
 *
 * @example
 * ```ts
 * import { odataV4Profile } from "@mfgsync/mapping";
 * import { mutablePaths } from "@mfgsync/mapping/conformance";
 * mutablePaths({ A: 1, Lines: [{ B: 2 }] }, odataV4Profile); // [["A"], ["Lines"], ["Lines", "0", "B"]]
 * ```
 */
export function mutablePaths(entity: unknown, profile: WireProfile, prefix: readonly string[] = [], depth = 0): string[][] {
  if (!isRecord(entity) || depth > 3) return [];
  const out: string[][] = [];
  for (const [key, value] of Object.entries(entity)) {
    if (profile.classifyKey(key, value) === "transport") continue;
    out.push([...prefix, key]);
    if (typeof value !== "object" || value === null) continue;
    const read = profile.readCollection(value);
    if (read.kind !== "rows") continue;
    const pointer = read.pointer === "" ? [] : read.pointer.slice(1).split("/");
    read.rows.slice(0, 2).forEach((row, i) => out.push(...mutablePaths(row, profile, [...prefix, key, ...pointer, String(i)], depth + 1)));
  }
  return out;
}

/**
 * A copy of a JSON value with the value at `path` replaced (objects and
 * arrays on the way are copied, the rest shared).
 *
 * @example
 * ```ts
 * import { mutate } from "@mfgsync/mapping/conformance";
 * mutate({ Lines: [{ B: 2 }] }, ["Lines", "0", "B"], null); // { Lines: [{ B: null }] }
 * ```
 */
export function mutate(entity: unknown, path: readonly string[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (Array.isArray(entity)) {
    const copy = [...entity];
    const i = Number(head);
    if (!Number.isInteger(i) || i < 0 || i >= copy.length) return entity;
    copy[i] = mutate(copy[i], rest, value);
    return copy;
  }
  if (!isRecord(entity)) return entity;
  const copy: Record<string, unknown> = { ...entity };
  copy[head] = rest.length === 0 ? value : mutate(copy[head], rest, value);
  return copy;
}
