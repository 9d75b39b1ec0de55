// Child rows are paired with the vendor data kept for them by their match key
// (`sample` of a D365 result row, `sequence` of an operation): two rows of one
// collection with the same key cannot be told apart, so the exact numbers,
// nulls and absences kept for one would be written back on the other. Decode
// refuses such rows and encode refuses such items, naming the key.
import type { CompiledChild } from "./compiled.js";

/** The keys seen so far in one collection. Internal. */
export class RowKeys {
  private readonly seen = new Map<string, number>();
  constructor(private readonly child: CompiledChild) {}

  /** Records the key of row (or item) `index`; returns the issue message when an earlier one has it. */
  repeated(key: unknown, index: number, what: "rows" | "items"): string | undefined {
    const text = typeof key === "string" ? key : JSON.stringify(key) ?? String(key);
    const first = this.seen.get(text);
    if (first === undefined) {
      this.seen.set(text, index);
      return undefined;
    }
    const c = this.child;
    const shown = text.length > 60 ? text.slice(0, 60) + "…" : text;
    if (what === "rows") {
      const props = c.matchProps.length > 0 ? c.matchProps.join(" + ") : c.declaration.match ?? "";
      return `${c.navigation} rows ${first} and ${index} have the same key ${props} (${shown}): each ${c.entity.declaration.entity} row needs its own`;
    }
    const props = c.matchProps.length > 0 ? ` (written to ${c.matchProps.join(" + ")})` : "";
    return `items ${first} and ${index} have the same ${c.declaration.match ?? ""} ${shown}${props}: each ${c.entity.declaration.entity} row needs its own key`;
  }
}
