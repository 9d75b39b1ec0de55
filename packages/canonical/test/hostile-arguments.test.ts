// Arguments no TypeScript caller would pass, which a JavaScript caller or
// parsed outside data can: found by the fuzz suite (`pnpm fuzz`).
import { safeQuantityFromNumber } from "@mfgsync/canonical";
import { describe, expect, it } from "vitest";

describe("safeQuantityFromNumber with values that are not numbers", () => {
  it("answers with an issue naming the value, also for symbols and objects holding them", () => {
    for (const value of [Symbol("s"), [Symbol("s")], { toString: () => { throw new Error("no"); } }, 10n, "12"]) {
      const r = safeQuantityFromNumber(value as unknown as number, "KGM");
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0]).toMatchObject({ path: "/value", code: "type.invalid" });
    }
  });
});
