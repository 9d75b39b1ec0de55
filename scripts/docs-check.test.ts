// docs:check can fail: on a tiny fixture site it finds an overflowing element, text running out of its block, a broken
// link, a missing anchor, console errors, a missing file and diagrams that do not render, and passes the clean pages.
// Needs Chromium (Debian: apt-get install -y chromium; or CHROMIUM=path); skipped where there is none.
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSite } from "./docs-check/check-site.js";
import type { SiteCheckResult } from "./docs-check/check-site.js";
import { expectedDiagrams } from "./docs-check.js";

const CHROMIUM = process.env["CHROMIUM"] ?? "/usr/bin/chromium";
const require = createRequire(import.meta.url);

const page = (body: string, head = "") => `<!doctype html><html><head><meta charset="utf-8"><title>fixture</title>
<style>body { margin: 0; font: 16px sans-serif; } .col-content { width: 600px; margin-left: 100px; }</style>${head}</head>
<body><div class="col-content">${body}</div></body></html>`;
const diagramHead = `<script defer src="assets/custom.js"></script>`;

const FIXTURE: Record<string, string> = {
  "index.html": page(`<h1 id="top">Home</h1><p><a href="good.html#here">good</a> <a href="good.html">again</a> <a href="#top">top</a></p>
    <div style="overflow-x: auto"><table style="width: 2000px"><tr><td>a wide table that scrolls inside its box</td></tr></table></div>`),
  "good.html": page(`<h2 id="here">Here</h2><p><a href="index.html">home</a></p>`),
  "wide.html": page(`<div class="too-wide" style="width: 900px">wider than the column</div>`),
  "spill.html": page(`<p style="overflow-wrap: normal">${"x".repeat(100)}</p>`),
  "links.html": page(`<p><a href="missing.html">missing</a> <a href="good.html#nowhere">no anchor</a> <a href="good.html#here">fine</a></p>`),
  "console.html": page(`<p>logs</p><img src="nope.png" alt=""><script>console.error("boom"); setTimeout(() => { throw new Error("kaboom"); });</script>`),
  "plain.html": page(`<p>no diagrams here</p>`),
  "diagram.html": page("<pre><code class=\"language-mermaid\">flowchart LR\n  a --> b</code></pre>", diagramHead),
  "diagram-bad.html": page("<pre><code class=\"language-mermaid\">flowchart LR\n  a <-- b</code></pre>", diagramHead),
};

describe.skipIf(!fs.existsSync(CHROMIUM))("docs:check on a fixture site", () => {
  let site: string;
  let result: SiteCheckResult;
  const problemsOf = (file: string) => result.problems.filter((p) => p.page === file).map((p) => `[${p.check}] ${p.message}`);

  beforeAll(async () => {
    site = fs.mkdtempSync(path.join(os.tmpdir(), "mfgsync-docs-check-test-"));
    for (const [file, html] of Object.entries(FIXTURE)) fs.writeFileSync(path.join(site, file), html);
    fs.mkdirSync(path.join(site, "assets"));
    fs.copyFileSync(path.resolve(import.meta.dirname, "../docs/theme/mermaid-init.js"), path.join(site, "assets/custom.js"));
    fs.copyFileSync(require.resolve("mermaid/dist/mermaid.min.js"), path.join(site, "assets/mermaid.min.js"));
    result = await checkSite({
      site, executablePath: CHROMIUM, concurrency: 2, viewport: { width: 1400, height: 1000 },
      diagrams: new Map([["diagram.html", 1], ["diagram-bad.html", 1], ["plain.html", 1]]),
      screenshots: new Map([["index.html", path.join(site, "index.png")]]),
    });
  }, 180_000);
  afterAll(() => { if (site) fs.rmSync(site, { recursive: true, force: true }); });

  it("loads every page and passes the clean ones (no favicon complaint, a scrolling table is fine)", () => {
    expect(result.pages).toBe(Object.keys(FIXTURE).length);
    expect(result.counts.load).toEqual({ checked: Object.keys(FIXTURE).length, failed: 0 });
    for (const file of ["index.html", "good.html", "diagram.html"]) expect(problemsOf(file), file).toEqual([]);
    expect(fs.statSync(path.join(site, "index.png")).size).toBeGreaterThan(1000);
  });

  it("finds an element wider than the content column and text running out of its block", () => {
    expect(problemsOf("wide.html")).toEqual([expect.stringMatching(/^\[width\] too wide: div\.too-wide ends at 1000px, the content column at 700px/)]);
    expect(problemsOf("spill.html")).toEqual([expect.stringMatching(/^\[width\] too wide: p has content to \d+px, the content column ends at 700px/)]);
    expect(result.counts.width.failed).toBe(2);
  });

  it("finds a broken link and a link to a missing anchor, and counts the distinct link targets", () => {
    expect(problemsOf("links.html")).toEqual(["[links] broken link to missing.html", "[anchors] link to good.html#nowhere, which has no such anchor"]);
    expect(result.counts.links).toEqual({ checked: 3, failed: 1 }); // good.html, index.html, missing.html
    expect(result.counts.anchors).toEqual({ checked: 3, failed: 1 }); // good.html#here, index.html#top, good.html#nowhere
  });

  it("finds console errors, uncaught errors and missing files", () => {
    const found = problemsOf("console.html");
    expect(found).toContain("[console] console error: boom");
    expect(found).toContain("[console] uncaught: kaboom");
    expect(found).toContain("[console] 404 for /nope.png");
  });

  it("finds diagrams that fail to render and pages that should show diagrams but do not", () => {
    const bad = problemsOf("diagram-bad.html");
    expect(bad).toContain("[diagrams] diagrams failed to render");
    expect(bad).toContain("[diagrams] 0 rendered diagram(s), expected 1");
    expect(bad.some((p) => p.startsWith("[console] console error: mermaid:"))).toBe(true);
    expect(problemsOf("plain.html")).toEqual(["[diagrams] 0 rendered diagram(s), expected 1"]);
    expect(result.counts.diagrams.failed).toBe(2);
  });
});

describe("expectedDiagrams", () => {
  it("maps each guide with mermaid blocks to its site page, with the number of blocks", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mfgsync-docs-check-guides-"));
    try {
      fs.mkdirSync(path.join(dir, "guides"));
      fs.mkdirSync(path.join(dir, "site/documents"), { recursive: true });
      fs.writeFileSync(path.join(dir, "guides/a.md"), "---\ntitle: Pictures\n---\n\n```mermaid\nflowchart LR\n```\n\n```mermaid\nflowchart TB\n```\n");
      fs.writeFileSync(path.join(dir, "guides/b.md"), "---\ntitle: Words\n---\n\n```ts\nconst x = 1;\n```\n");
      fs.writeFileSync(path.join(dir, "site/documents/Pictures.html"), "<title>Pictures | mfgsync</title>");
      fs.writeFileSync(path.join(dir, "site/documents/Words.html"), "<title>Words | mfgsync</title>");
      expect([...expectedDiagrams(path.join(dir, "site"), path.join(dir, "guides"))]).toEqual([["documents/Pictures.html", 2]]);
      fs.rmSync(path.join(dir, "site/documents/Pictures.html"));
      expect(() => expectedDiagrams(path.join(dir, "site"), path.join(dir, "guides"))).toThrow(/no site page for the guide a\.md/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
