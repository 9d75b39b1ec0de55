import * as fc from "fast-check";
import type { HoldRelease, LotHold } from "../lot/holds.js";
import { HoldBlock, HoldReason, HoldReleaseCause, HoldSource } from "../vocabularies/lot-quality.js";
import type { ObjectArbitraryOptions } from "./objects.js";
import { arbitraryCodedValue } from "./objects.js";
import { arbitraryIdentifier, arbitraryQuantity, arbitraryReference, arbitraryTimestamp, rec, text } from "./primitives.js";

/**
 * Arbitrary valid {@link LotHold} values: a coded reason and source, one to
 * three distinct blocks, sometimes a hold id, a source record, who and when,
 * a held part quantity and a note.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { LotHold } from "@mfgsync/canonical";
 * import { arbitraryLotHold } from "@mfgsync/canonical/testing";
 * fc.assert(fc.property(arbitraryLotHold(), (hold) => LotHold.safeParse(hold).success));
 * ```
 */
export function arbitraryLotHold(options: ObjectArbitraryOptions = {}): fc.Arbitrary<LotHold> {
  return rec<LotHold, "reason" | "source" | "blocks">({
    id: arbitraryIdentifier(options), reason: arbitraryCodedValue(HoldReason), source: arbitraryCodedValue(HoldSource),
    sourceReference: arbitraryReference(), placedAt: arbitraryTimestamp(), placedBy: text(128),
    blocks: fc.uniqueArray(fc.constantFrom(...HoldBlock.options), { minLength: 1, maxLength: 3 }),
    quantity: arbitraryQuantity(options), note: text(4000, 0),
  }, ["reason", "source", "blocks"]);
}

/**
 * Arbitrary valid {@link HoldRelease} values. Releases caused by an
 * inspection decision usually name their inspection.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { HoldRelease } from "@mfgsync/canonical";
 * import { arbitraryHoldRelease } from "@mfgsync/canonical/testing";
 * fc.assert(fc.property(arbitraryHoldRelease(), (release) => HoldRelease.safeParse(release).success));
 * ```
 */
export function arbitraryHoldRelease(options: ObjectArbitraryOptions = {}): fc.Arbitrary<HoldRelease> {
  return rec<HoldRelease, never>({
    hold: arbitraryIdentifier(options), cause: arbitraryCodedValue(HoldReleaseCause), inspection: arbitraryReference(options),
    releasedAt: arbitraryTimestamp(), releasedBy: text(128), note: text(4000, 0),
  }, []);
}
