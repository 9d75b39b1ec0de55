import { inspectionMapper } from "@mfgsync/mappers-oracle";
import { checkVendorRoundTrip } from "@mfgsync/mapping/conformance";
import { it } from "vitest";
import { fixtureEntities } from "./helpers/fixtures.js";
import { ORACLE_VENDOR } from "@mfgsync/mappers-oracle";
it("probe", () => {
  const all = [...fixtureEntities("inspection/inspection-events-v3-receiving-split.json"), ...fixtureEntities("inspection/inspection-event-v2-wip-rejected.json"), ...fixtureEntities("inspection/inspection-events-plain-array.json")] as any[];
  const vals = ["", null, 0, -1, 12.5, true, "X", "2026-12-03", "__proto__"];
  for (const f of all) for (const key of Object.keys(f)) for (const v of vals) {
    const changed = { ...f, [key]: v };
    const d = inspectionMapper.decode(changed);
    if (!d.ok) continue;
    const p = checkVendorRoundTrip(inspectionMapper, changed).problems;
    if (p.length) console.log(f.IpEventId, key, JSON.stringify(v), p);
  }
});
