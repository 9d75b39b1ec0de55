// Generic collectors over a parsed canonical subject. Internal. They rely on
// the canonical field names (a Quantity is `{ value, unit }`, plants live
// under `plant`, material references under `material`) and never descend
// into `extensions`, whose content is vendor data without canonical meaning.

import type { Identifier, MaterialRef } from "@mfgsync/canonical";

export type Path = readonly (string | number)[];
export interface Found<T> {
  readonly path: Path;
  readonly value: T;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Calls `visit` for every value below `root` (root included), depth first, in document order. */
export function walk(root: unknown, visit: (value: unknown, path: Path) => void): void {
  const stack: Array<{ value: unknown; path: Path }> = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    visit(value, path);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
    } else if (isRecord(value)) {
      const keys = Object.keys(value).filter((key) => key !== "extensions");
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: value[keys[i]!], path: [...path, keys[i]!] });
    }
  }
}

function collect<T>(root: unknown, pick: (value: unknown, path: Path) => T | undefined): Found<T>[] {
  const out: Found<T>[] = [];
  walk(root, (value, path) => {
    const picked = pick(value, path);
    if (picked !== undefined) out.push({ path, value: picked });
  });
  return out;
}

/** Every Quantity (`{ value, unit }` outside `measured`, which holds signed Measures). */
export function findQuantities(root: unknown): Found<{ value: string; unit: string }>[] {
  return collect(root, (value, path) => {
    if (!isRecord(value) || path[path.length - 1] === "measured") return undefined;
    const keys = Object.keys(value);
    if (keys.length !== 2 || typeof value["value"] !== "string" || typeof value["unit"] !== "string") return undefined;
    return { value: value["value"], unit: value["unit"] };
  });
}

/** Every unit code: `unit` and `baseUnit` fields. */
export function findUnits(root: unknown): Found<string>[] {
  return collect(root, (value, path) => {
    const key = path[path.length - 1];
    return (key === "unit" || key === "baseUnit") && typeof value === "string" ? value : undefined;
  });
}

/** Every plant code: `plant` fields. */
export function findPlants(root: unknown): Found<string>[] {
  return collect(root, (value, path) => (path[path.length - 1] === "plant" && typeof value === "string" ? value : undefined));
}

const IDENTIFIER_KEYS = new Set(["value", "scheme", "issuer", "scope", "crossReferences"]);

/** Every Identifier or Reference: an object of string `value` and `scheme`, optionally `issuer`, `scope` and (references) `crossReferences`. */
export function findIdentifiers(root: unknown): Found<Identifier>[] {
  return collect(root, (value) => {
    if (!isRecord(value) || typeof value["value"] !== "string" || typeof value["scheme"] !== "string") return undefined;
    if (!Object.keys(value).every((key) => IDENTIFIER_KEYS.has(key))) return undefined;
    return value as unknown as Identifier;
  });
}

/** Every material reference: a `material` field holding `{ id, revision? }`. */
export function findMaterialRefs(root: unknown): Found<MaterialRef>[] {
  return collect(root, (value, path) => {
    if (path[path.length - 1] !== "material" || !isRecord(value) || !isRecord(value["id"])) return undefined;
    return value as unknown as MaterialRef;
  });
}

/** Reads the value at a key path, own properties only. */
export function valueAt(root: unknown, path: Path): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}
