// mfgsync map with the built-in Oracle vendor's quality resources: inspection
// events and quality issues (the Oracle package's synthetic fixtures) to
// canonical and back exactly, tenant codes through a context file, and bad
// input refused with exit 1 naming the Oracle attribute.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./helpers.js";

const FIXTURES = path.resolve(import.meta.dirname, "../../mappers-oracle/fixtures");
const INSPECTIONS = fs.readFileSync(path.join(FIXTURES, "inspection/inspection-events-v3-receiving-split.json"), "utf8");
const ISSUES = fs.readFileSync(path.join(FIXTURES, "nonconformance/quality-issues-v3-affected-and-actions.json"), "utf8");
const ISSUE = fs.readFileSync(path.join(FIXTURES, "nonconformance/quality-issue-v2-bare-arrays.json"), "utf8");

function contextFile(context: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mfgsync-oracle-quality-"));
  const file = path.join(dir, "context.json");
  fs.writeFileSync(file, JSON.stringify(context));
  return file;
}
const CONTEXT = contextFile({ codeTables: { "oracle:QualityIssueSeverity": { ORA_HIGH: "Major" }, "oracle:WorkflowStatusId": { "300100190000102": "UnderInvestigation" } } });

const down = (entity: string, ...extra: string[]) => ["map", "--from", "oracle", "--to", "canonical", "--entity", entity, ...extra, "-"];
const up = (entity: string, ...extra: string[]) => ["map", "--from", "canonical", "--to", "oracle", "--entity", entity, ...extra, "-"];

/** The items of an Oracle collection without the transport `links`, as the mappers write them back. */
function items(text: string): unknown[] {
  return (JSON.parse(text, (k, v: unknown) => (k === "links" ? undefined : v)) as { items: unknown[] }).items;
}

describe("mfgsync map --entity inspection / nonconformance with Oracle", () => {
  it("maps inspection events to canonical inspections and back exactly", async () => {
    const r = await cli(down("inspection"), INSPECTIONS);
    expect(r.code).toBe(0);
    const inspections = JSON.parse(r.out) as { id: { value: string }; decision?: { outcome: { value: string } } }[];
    expect(inspections.map((i) => [i.id.value, i.decision?.outcome.value])).toEqual([["300100190001001", "Accepted"], ["300100190001002", undefined]]);
    const back = await Promise.all(inspections.map((i) => cli(up("inspection"), JSON.stringify(i))));
    expect(back.map((b) => b.code)).toEqual([0, 0]);
    expect(back.map((b) => JSON.parse(b.out) as unknown)).toEqual(items(INSPECTIONS));
    expect(back[0]?.out).toContain('"Quantity": 90.000');
  });

  it("maps quality issues to canonical nonconformances and back exactly, tenant codes from the context file", async () => {
    const r = await cli(down("nonconformance", "--context", CONTEXT), ISSUES);
    expect(r.code).toBe(0);
    const [burr, customer] = JSON.parse(r.out) as [
      { id: { value: string }; severity: { value: string; originalCode: string }; status: { value: string }; affected: unknown[]; capaReferences: { value: string }[] },
      { description: string; complaint: { partner: { value: string } } },
    ];
    expect([burr.id.value, burr.severity, burr.status.value, burr.affected.length, burr.capaReferences[0]?.value]).toEqual([
      "ISSUE151", { value: "Major", originalCode: "ORA_HIGH", originalList: "oracle:QualityIssueSeverity" }, "UnderInvestigation", 4, "300100116000017",
    ]);
    expect([customer.description, customer.complaint.partner.value]).toEqual(["Customer return: cracked bracket", "300100050001234"]);
    const back = await Promise.all([burr, customer].map((nc) => cli(up("nonconformance", "--context", CONTEXT), JSON.stringify(nc))));
    expect(back.map((b) => b.code)).toEqual([0, 0]);
    expect(back.map((b) => JSON.parse(b.out) as unknown)).toEqual(items(ISSUES));
    expect(back[0]?.out).toContain('"IssueId": 300100115930062');
    const single = await cli(down("nonconformance"), ISSUE);
    const again = await cli(up("nonconformance"), single.out);
    expect([single.code, again.code, Array.isArray((JSON.parse(again.out) as Record<string, unknown>)["AffectedObjects"])]).toEqual([0, 0, true]);
  });

  it("refuses bad quality issues with exit 1, naming the attribute, without a stack trace", async () => {
    const cases: [string, string][] = [
      [ISSUE.replace('"ReportedDate": "2026-12-05T10:00:00+01:00"', '"ReportedDate": "05.12.2026"'), "ReportedDate"],
      [ISSUE.replace('"ObjectId": 300100111020040', '"ObjectId": "300100111020040"'), "ObjectId"],
      [ISSUE.replace('"IssueNumber": "ISSUE170"', '"IssueNumber": null'), "IssueNumber"],
    ];
    for (const [payload, attribute] of cases) {
      expect(payload).not.toBe(ISSUE);
      const r = await cli(down("nonconformance"), payload);
      expect(r.code).toBe(1);
      expect(r.err + r.out).toContain(attribute);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});
