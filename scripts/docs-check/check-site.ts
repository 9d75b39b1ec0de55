// The checks of `pnpm run docs:check` on a built site, in one headless Chromium: a few tabs that are reused page after
// page (one browser, one context), each page loaded once; links and anchors are checked against what the loaded pages
// show once all are in.
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import type { BrowserContext, Page } from "playwright-core";
import { inspect } from "./inspect.js";
import type { PageFacts } from "./inspect.js";
import { htmlPages, serve } from "./serve.js";

/** The checks, in report order. */
export const CHECKS = ["load", "console", "width", "diagrams", "links", "anchors"] as const;
/** One of the checks: the page loaded; no console error, uncaught error or missing file; nothing wider than the content
 * column; the diagrams it should show are rendered; its internal links lead to pages; their anchors exist. */
export type CheckName = (typeof CHECKS)[number];

/** One problem found. */
export interface Problem { readonly page: string; readonly check: CheckName; readonly message: string }

/** How a check went: on how many pages (links: distinct link targets) it ran, and on how many it failed. */
export interface CheckCount { readonly checked: number; readonly failed: number }

export interface SiteCheckOptions {
  /** The built site's folder. */
  readonly site: string;
  /** The Chromium binary (Debian: /usr/bin/chromium). */
  readonly executablePath: string;
  /** Site paths to load (default: every `.html` file of the site). Links are checked from these pages. */
  readonly pages?: readonly string[];
  /** Pages that must show diagrams, with how many. Every page's own mermaid blocks must render in any case. */
  readonly diagrams?: ReadonlyMap<string, number>;
  /** Pages to take a screenshot of (site path to PNG file), after their diagrams are drawn. */
  readonly screenshots?: ReadonlyMap<string, string>;
  /** Tabs loading pages at once (default 2). */
  readonly concurrency?: number;
  readonly viewport?: { readonly width: number; readonly height: number };
  /** The content column (default TypeDoc's `.col-content`). */
  readonly column?: string;
  /** Per page load; generous by default (the check shares a loaded machine with builds). */
  readonly loadTimeoutMs?: number;
  readonly diagramTimeoutMs?: number;
  /** Called every `progressEvery` pages with how many are done. */
  readonly progress?: (done: number, total: number) => void;
  readonly progressEvery?: number;
}

export interface SiteCheckResult {
  readonly pages: number;
  readonly problems: readonly Problem[];
  readonly counts: Readonly<Record<CheckName, CheckCount>>;
  /** Time in Chromium (launch to close), in milliseconds. */
  readonly ms: number;
}

interface Loaded { readonly facts: PageFacts | undefined; readonly problems: Problem[] }

/** A tab that loads page after page; what the page logs while it is current is that page's. */
class Tab {
  private sink: string[] = [];
  private constructor(private readonly tab: Page, private readonly base: string) {
    tab.on("console", (message) => { if (message.type() === "error") this.sink.push(`console error: ${message.text()}`); });
    tab.on("pageerror", (error) => this.sink.push(`uncaught: ${error.message}`));
    tab.on("response", (response) => {
      if (response.url().startsWith(base) && response.status() >= 400) this.sink.push(`${response.status()} for ${response.url().slice(base.length)}`);
    });
    tab.on("requestfailed", (request) => {
      // A request still running when the check moves on is aborted by the browser: not a missing file (those are 404s).
      if (request.url().startsWith(base) && request.failure()?.errorText !== "net::ERR_ABORTED") this.sink.push(`request failed: ${request.url().slice(base.length)} (${request.failure()?.errorText ?? "?"})`);
    });
  }

  static async open(context: BrowserContext, base: string): Promise<Tab> { return new Tab(await context.newPage(), base); }

  async check(page: string, options: Required<Pick<SiteCheckOptions, "column" | "loadTimeoutMs" | "diagramTimeoutMs" | "viewport">>, expected: number | undefined, screenshot: string | undefined): Promise<Loaded> {
    const errors: string[] = [];
    this.sink = errors;
    const problems: Problem[] = [];
    const add = (check: CheckName, message: string) => problems.push({ page, check, message });
    let facts: PageFacts | undefined;
    try {
      await this.tab.goto(`${this.base}/${page}`, { waitUntil: "load", timeout: options.loadTimeoutMs });
      // docs/theme/mermaid-init.js marks the document while it draws (pending) and when done (rendered or failed).
      const state = await this.tab.waitForFunction(() => document.documentElement.dataset["diagrams"] !== "pending", undefined, { timeout: options.diagramTimeoutMs })
        .then(() => this.tab.evaluate(() => document.documentElement.dataset["diagrams"] ?? "none"), () => "timed out");
      if (state === "failed" || state === "timed out") add("diagrams", `diagrams ${state === "failed" ? "failed to render" : "still rendering after the timeout"}`);
      facts = await this.tab.evaluate(inspect, options.column);
      if (!facts.hasColumn) add("width", `no content column (${options.column})`);
      for (const wide of facts.wide) add("width", `too wide: ${wide}`);
      if (facts.moreWide > 0) add("width", `too wide: ${facts.moreWide} more element(s)`);
      if (facts.pageWidth > options.viewport.width) add("width", `the page scrolls sideways (${facts.pageWidth}px wide)`);
      if (facts.unrendered > 0) add("diagrams", `${facts.unrendered} mermaid block(s) left as code`);
      if (expected !== undefined && facts.diagrams !== expected) add("diagrams", `${facts.diagrams} rendered diagram(s), expected ${expected}`);
      if (screenshot) await this.tab.screenshot({ path: screenshot, fullPage: false });
    } catch (error) {
      add("load", `not checked: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    }
    // Leave the page so that what it still logs is counted here, not on the next page.
    await this.tab.goto("about:blank").catch(() => undefined);
    this.sink = [];
    for (const error of errors) add("console", error);
    return { facts, problems };
  }

  close(): Promise<void> { return this.tab.close(); }
}

/** Loads the pages of a built site in Chromium and runs every check (see {@link CHECKS}). Never throws for a bad page. */
export async function checkSite(options: SiteCheckOptions): Promise<SiteCheckResult> {
  const site = path.resolve(options.site);
  const all = htmlPages(site);
  const pages = options.pages ?? all;
  const settings = {
    column: options.column ?? ".col-content",
    loadTimeoutMs: options.loadTimeoutMs ?? 120_000,
    diagramTimeoutMs: options.diagramTimeoutMs ?? 60_000,
    viewport: options.viewport ?? { width: 1400, height: 1000 },
  };
  const diagrams = options.diagrams ?? new Map<string, number>();
  const problems: Problem[] = [];
  const facts = new Map<string, PageFacts>();
  const started = Date.now();
  const server = await serve(site);
  const browser = await chromium.launch({
    executablePath: options.executablePath, headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  let ms = 0;
  try {
    const context = await browser.newContext({ viewport: settings.viewport });
    // tsx and vitest compile `inspect` with esbuild's keepNames, whose `__name` helper the page must have to run it.
    await context.addInitScript({ content: "globalThis.__name = globalThis.__name || ((f) => f);" });
    let next = 0;
    let done = 0;
    const worker = async () => {
      const tab = await Tab.open(context, server.base);
      try {
        while (next < pages.length) {
          const page = pages[next++]!;
          const loaded = await tab.check(page, settings, diagrams.get(page), options.screenshots?.get(page));
          if (loaded.facts) facts.set(page, loaded.facts);
          problems.push(...loaded.problems);
          done++;
          if (options.progress && (done % (options.progressEvery ?? 100) === 0 || done === pages.length)) options.progress(done, pages.length);
        }
      } finally {
        await tab.close();
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
    await context.close();
  } finally {
    await browser.close();
    ms = Date.now() - started;
    await server.close();
  }
  for (const page of diagrams.keys()) if (!pages.includes(page)) problems.push({ page, check: "diagrams", message: "should show diagrams but was not checked" });
  const links = checkLinks(site, server.base, new Set(all), facts);
  problems.push(...links.problems);

  const failedPages = (check: CheckName) => new Set(problems.filter((p) => p.check === check).map((p) => p.page)).size;
  const counts = Object.fromEntries(CHECKS.map((check) => [check, {
    checked: check === "links" ? links.targets : check === "anchors" ? links.anchors : check === "load" ? pages.length : facts.size,
    failed: check === "links" || check === "anchors" ? problems.filter((p) => p.check === check).length : failedPages(check),
  }])) as Record<CheckName, CheckCount>;
  return { pages: pages.length, problems, counts, ms };
}

/**
 * Every internal link target (distinct over the whole site) is a file of the site; every anchor exists on its page
 * (where that page was loaded, so its ids, also those made by scripts, are known).
 */
function checkLinks(site: string, base: string, all: ReadonlySet<string>, facts: ReadonlyMap<string, PageFacts>): { problems: Problem[]; targets: number; anchors: number } {
  const problems: Problem[] = [];
  const idsOf = new Map<string, Set<string>>();
  const ids = (page: string) => {
    let set = idsOf.get(page);
    if (!set) { set = new Set(facts.get(page)?.ids ?? []); idsOf.set(page, set); }
    return set;
  };
  const targets = new Map<string, string>(); // target file -> first page linking to it
  const anchors = new Map<string, string>(); // target#anchor -> first page linking to it
  for (const [page, found] of facts) {
    for (const href of found.links) {
      if (!href.startsWith(`${base}/`)) continue;
      const url = new URL(href);
      let target: string;
      try { target = decodeURIComponent(url.pathname.slice(1)) || "index.html"; } catch { target = url.pathname.slice(1); }
      if (target.endsWith("/")) target += "index.html";
      if (!targets.has(target)) targets.set(target, page);
      const anchor = url.hash.length > 1 ? (() => { try { return decodeURIComponent(url.hash.slice(1)); } catch { return url.hash.slice(1); } })() : "";
      if (anchor && !anchors.has(`${target}#${anchor}`)) anchors.set(`${target}#${anchor}`, page);
    }
  }
  const exists = (target: string) => all.has(target) || (() => { const file = path.join(site, target); return file.startsWith(site + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile(); })();
  for (const [target, page] of targets) if (!exists(target)) problems.push({ page, check: "links", message: `broken link to ${target}` });
  let checkedAnchors = 0;
  for (const [key, page] of anchors) {
    const hash = key.indexOf("#");
    const target = key.slice(0, hash);
    if (!facts.has(target)) continue; // not loaded (--only) or missing (reported as a broken link)
    checkedAnchors++;
    if (!ids(target).has(key.slice(hash + 1))) problems.push({ page, check: "anchors", message: `link to ${key}, which has no such anchor` });
  }
  return { problems, targets: targets.size, anchors: checkedAnchors };
}
