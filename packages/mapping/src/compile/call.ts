import type { Issue } from "@mfgsync/canonical";
import type { ResolvedContext } from "../context.js";
import { MAPPING_CODES } from "../result.js";

/** Issues and warnings of one decode or encode call, and its time-zone fallback. Internal. */
export abstract class MapCall {
  readonly issues: Issue[] = [];
  readonly warnings: Issue[] = [];
  private warnedZones: Set<string> | undefined;
  constructor(readonly context: ResolvedContext) {}

  /** What to say when a plant has no configured zone (the direction decides the wording). */
  protected abstract noZoneMessage(plant: string | undefined): string;

  /** The zone of a plant, falling back to UTC with one warning per plant and call. */
  zoneFor(plant: string | undefined, path: string): string {
    const zone = this.context.zoneOf(plant);
    if (zone !== undefined) return zone;
    const key = plant ?? "";
    if (!(this.warnedZones ??= new Set()).has(key)) {
      this.warnedZones.add(key);
      this.warnings.push({ path, code: MAPPING_CODES.defaultTimeZone, message: this.noZoneMessage(plant) });
    }
    return "UTC";
  }
}
