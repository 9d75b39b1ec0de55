// The research notes' synthetic samples (../shared, when present) through the
// mappers: they must decode and give back exactly what was read. They are
// read in place, never copied into the repository.
import fs from "node:fs";
import path from "node:path";
import { batchMapper, inspectionMapper, productionOrderMapper } from "@mfgsync/mappers-d365";
import { parseWireJson } from "@mfgsync/mapping";
import { checkVendorRoundTrip } from "@mfgsync/mapping/conformance";
import { describe, expect, it } from "vitest";

/** The first `shared/vendor-specs/d365/samples` folder above the package (worktrees sit at different depths). */
function findSamples(): string {
  for (let dir = import.meta.dirname, i = 0; i < 8; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, "shared", "vendor-specs", "d365", "samples");
    if (fs.existsSync(candidate)) return candidate;
  }
  return "";
}
const SAMPLES = findSamples();
const HAVE = SAMPLES !== "";
const read = (file: string) => {
  const parsed = parseWireJson(fs.readFileSync(path.join(SAMPLES, file), "utf8"));
  if (!parsed.ok) throw new Error(file);
  return parsed.value as Record<string, unknown>;
};

describe.skipIf(!HAVE)("the shared D365 samples", () => {
  it("production order page: decodes (unit unknown without ReleasedProductV2, with a warning) and round-trips", () => {
    const page = read("productionOrderHeaders.collection.SYNTHETIC.json");
    const wire = productionOrderMapper.decodeWire(page);
    expect(wire.ok && wire.results.every((r) => r.ok)).toBe(true);
    expect(wire.ok && wire.paging?.next).toContain("$skiptoken");
    // The sample's envelope carries a "_synthetic" note beside "value": read as a page, with a warning.
    expect(wire.ok && wire.results[0]?.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(["d365.envelope.extra", "d365.unit.missing"]));
    const row = (page["value"] as unknown[])[0];
    expect(checkVendorRoundTrip(productionOrderMapper, row).problems).toEqual([]);
  });

  it("batch row with QC-HOLD: decodes as restricted, awaiting inspection, and round-trips", () => {
    const row = read("itemBatches.row.SYNTHETIC.json");
    const r = batchMapper.decode(row);
    expect(r.ok && [r.value.disposition.value, r.value.qualityStatus?.value]).toEqual(["Restricted", "AwaitingInspection"]);
    expect(checkVendorRoundTrip(batchMapper, row).problems).toEqual([]);
  });

  it("quality order row without results: decodes as a production (final) inspection and round-trips", () => {
    const row = read("qualityOrderHeaders.row.SYNTHETIC.json");
    const r = inspectionMapper.decode(row);
    expect(r.ok && [r.value.origin.value, r.value.decision, r.value.results.length]).toEqual(["Final", undefined, 0]);
    expect(checkVendorRoundTrip(inspectionMapper, row).problems).toEqual([]);
  });
});
