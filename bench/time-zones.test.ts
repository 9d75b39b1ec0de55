import { describe, expect, it } from "vitest";
import { LIBRARIES, WALL_CASES } from "./time-zones.js";

// The daylight-saving cases of the time-zone evaluation (docs/guides/decisions.md), kept as a test:
// the hand-written zone arithmetic must get every one right, and the evaluation must be able to see
// a library that does not.
describe("time-zone evaluation cases", () => {
  const iso = (ms: number) => new Date(ms).toISOString();

  it("the hand-written zone arithmetic gives the documented instant for every gap and repeated hour", () => {
    expect(WALL_CASES.map((c) => iso(LIBRARIES["hand-written"]!.instant(c)))).toEqual(WALL_CASES.map((c) => c.expected));
  });

  it("both implementations agree on the offsets around each transition", () => {
    for (const c of WALL_CASES) {
      const instant = Date.parse(c.expected);
      for (const delta of [-3_600_000, -60_000, 0, 60_000, 3_600_000]) {
        expect(LIBRARIES["@date-fns/tz"]!.offset(c.zone, instant + delta), `${c.what} ${delta}`).toBe(LIBRARIES["hand-written"]!.offset(c.zone, instant + delta));
      }
    }
  });

  it("the cases tell the conventions apart: the second occurrence of a repeated hour is a different instant", () => {
    const repeated = WALL_CASES.find((c) => c.what.startsWith("Berlin repeated"))!;
    const first = Date.parse(repeated.expected);
    const second = first + 3_600_000;
    const offsetAt = (ms: number) => LIBRARIES["hand-written"]!.offset(repeated.zone, ms);
    // Both instants show the same wall clock in Berlin: that is what makes the hour ambiguous.
    expect(first + offsetAt(first) * 60_000).toBe(second + offsetAt(second) * 60_000);
  });
});
