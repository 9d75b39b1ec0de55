/**
 * `pnpm run docs:check`: builds the TypeDoc site (unless `--no-build`), serves it on a local port and
 * loads every page in headless Chromium (Debian's `chromium`, driven by playwright-core; no browser
 * download) at 1400×1000. Fails when a page
 *
 * - logs a console error, throws, or requests a file of the site that is missing;
 * - links to a page of the site that does not exist, or to an anchor that is not on its page;
 * - should show diagrams (a guide with ```mermaid blocks) and does not show one rendered SVG per block;
 * - has an element wider than the content column that is not inside a horizontally scrolling box
 *   (or the page itself scrolls sideways).
 *
 * Writes screenshots of the home page, the ProductionOrder type, the diagrams page and the SAP mapping
 * page to `docs/site/screenshots/`. Options: `--no-build`, `--chromium PATH` (default `CHROMIUM` or
 * /usr/bin/chromium), `--only SUBSTRING` (pages whose path contains it).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import type { BrowserContext, Page } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SITE = path.join(root, "docs/site");
const GUIDES = path.join(root, "docs/guides");
const VIEWPORT = { width: 1400, height: 1000 };
const CONCURRENCY = 3;
const DIAGRAM_TIMEOUT_MS = 30_000;

const args = process.argv.slice(2);
const option = (name: string) => { const i = args.indexOf(name); return i === -1 ? undefined : args[i + 1]; };
const executablePath = option("--chromium") ?? process.env["CHROMIUM"] ?? "/usr/bin/chromium";
const only = option("--only");

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png", ".json": "application/json", ".woff2": "font/woff2" };

/** Serves the built site; requests outside it or for missing files are 404 (and reported by the page checks). */
function serve(): Promise<{ server: http.Server; base: string }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const file = path.join(SITE, decodeURIComponent(url.pathname).replace(/\/$/, "/index.html"));
    if (!file.startsWith(SITE + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    resolve({ server, base: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}` });
  }));
}

function htmlPages(dir = SITE): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...htmlPages(full));
    else if (entry.name.endsWith(".html")) out.push(path.relative(SITE, full).split(path.sep).join("/"));
  }
  return out.sort();
}

/** Pages that must show diagrams: the guide pages whose Markdown has ```mermaid blocks, with how many. */
function expectedDiagrams(pages: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const file of fs.readdirSync(GUIDES).filter((f) => f.endsWith(".md"))) {
    const text = fs.readFileSync(path.join(GUIDES, file), "utf8");
    const count = (text.match(/^```mermaid$/gm) ?? []).length;
    if (count === 0) continue;
    const title = /^title:\s*(.+)$/m.exec(text)?.[1]?.trim();
    const page = pages.find((p) => p.startsWith("documents/") && title !== undefined && fs.readFileSync(path.join(SITE, p), "utf8").includes(`<title>${title} |`));
    if (!page) throw new Error(`no site page for the guide ${file} (title ${title ?? "?"})`);
    out.set(page, count);
  }
  return out;
}

interface PageReport { readonly errors: string[]; readonly links: string[]; readonly ids: string[] }

/** Runs in the page: internal links, anchors, and elements wider than the content column. */
function inspect(): { links: string[]; ids: string[]; wide: string[]; diagrams: number; pageWidth: number } {
  const column = document.querySelector(".col-content");
  const limit = column ? column.getBoundingClientRect().right + 1 : window.innerWidth;
  const wide: string[] = [];
  const scrolls = (el: Element | null): boolean => {
    for (let e = el; e && e !== column; e = e.parentElement) {
      const overflow = getComputedStyle(e).overflowX;
      if (overflow === "auto" || overflow === "scroll" || overflow === "hidden") return true;
    }
    return false;
  };
  if (column) {
    for (const el of Array.from(column.querySelectorAll("*"))) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= limit) continue;
      if (scrolls(el.parentElement)) continue;
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.split(/\s+/).join(".")}` : ""}`;
      wide.push(`${name} ends at ${Math.round(rect.right)}px, the content column at ${Math.round(limit)}px: "${(el.textContent ?? "").trim().slice(0, 60)}"`);
      if (wide.length >= 5) break;
    }
  }
  const links = Array.from(document.querySelectorAll(".col-content a[href], .page-menu a[href], .col-sidebar a[href]"))
    .map((a) => (a as HTMLAnchorElement).href);
  const ids = Array.from(document.querySelectorAll("[id], a[name]")).map((e) => e.id || (e as HTMLAnchorElement).name);
  return { links, ids, wide, diagrams: document.querySelectorAll(".col-content div.mermaid svg").length, pageWidth: document.documentElement.scrollWidth };
}

async function checkPage(context: BrowserContext, base: string, page: string, diagrams: number | undefined, screenshot: string | undefined): Promise<PageReport> {
  const errors: string[] = [];
  const tab: Page = await context.newPage();
  tab.on("console", (message) => { if (message.type() === "error") errors.push(`console error: ${message.text()}`); });
  tab.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  tab.on("response", (response) => { if (response.url().startsWith(base) && response.status() >= 400) errors.push(`${response.status()} for ${response.url().slice(base.length)}`); });
  tab.on("requestfailed", (request) => { if (request.url().startsWith(base)) errors.push(`request failed: ${request.url().slice(base.length)}`); });
  try {
    await tab.goto(`${base}/${page}`, { waitUntil: "load" });
    if (diagrams !== undefined) {
      await tab.waitForFunction(() => document.documentElement.dataset["diagrams"] === "rendered", undefined, { timeout: DIAGRAM_TIMEOUT_MS })
        .catch(() => errors.push("diagrams were not rendered"));
    }
    const found = await tab.evaluate(inspect);
    errors.push(...found.wide.map((w) => `too wide: ${w}`));
    if (found.pageWidth > VIEWPORT.width) errors.push(`the page scrolls sideways (${found.pageWidth}px wide)`);
    if (diagrams !== undefined && found.diagrams !== diagrams) errors.push(`${found.diagrams} rendered diagrams, expected ${diagrams}`);
    if (screenshot) await tab.screenshot({ path: screenshot, fullPage: false });
    return { errors, links: found.links, ids: found.ids };
  } finally {
    await tab.close();
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  if (!args.includes("--no-build")) {
    const build = spawnSync("pnpm", ["run", "docs"], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) return build.status ?? 1;
  }
  if (!fs.existsSync(executablePath)) {
    console.error(`docs:check: no Chromium at ${executablePath} (Debian: apt-get install -y chromium; or --chromium PATH)`);
    return 2;
  }
  const browserStarted = Date.now();
  const pages = htmlPages().filter((p) => only === undefined || p.includes(only));
  const diagrams = expectedDiagrams(htmlPages());
  const shots = new Map<string, string>();
  const shotDir = path.join(SITE, "screenshots");
  fs.mkdirSync(shotDir, { recursive: true });
  const want: Array<[string, (p: string) => boolean]> = [
    ["home.png", (p) => p === "index.html"],
    ["production-order.png", (p) => /^(types|interfaces)\/.*\.ProductionOrder\.html$/.test(p)],
    ["diagrams.png", (p) => p === "documents/Diagrams.html"],
    ["sap-mappings.png", (p) => /^documents\/SAP.*mappings\.html$/i.test(p)],
  ];
  for (const [name, match] of want) { const p = pages.find(match); if (p) shots.set(p, path.join(shotDir, name)); }

  const { server, base } = await serve();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mfgsync-docs-check-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath, headless: true, viewport: VIEWPORT,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const failures: string[] = [];
  const reports = new Map<string, PageReport>();
  try {
    let next = 0;
    const worker = async () => {
      while (next < pages.length) {
        const page = pages[next++]!;
        const report = await checkPage(context, base, page, diagrams.get(page), shots.get(page));
        reports.set(page, report);
        for (const error of report.errors) failures.push(`${page}: ${error}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  } finally {
    await context.close();
    server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }

  // Links: every internal target exists; anchors exist on their page (checked where that page was loaded).
  const idsOf = new Map([...reports].map(([page, r]) => [page, new Set(r.ids)]));
  const all = new Set(htmlPages());
  for (const [page, report] of reports) {
    for (const href of new Set(report.links)) {
      if (!href.startsWith(base)) continue;
      const url = new URL(href);
      const target = decodeURIComponent(url.pathname.slice(1)) || "index.html";
      if (!all.has(target) && !fs.existsSync(path.join(SITE, target))) { failures.push(`${page}: broken link to ${target}`); continue; }
      const anchor = decodeURIComponent(url.hash.slice(1));
      const ids = idsOf.get(target);
      if (anchor && ids && !ids.has(anchor)) failures.push(`${page}: link to ${target}#${anchor}, which has no such anchor`);
    }
  }
  for (const page of diagrams.keys()) if (!reports.has(page) && only === undefined) failures.push(`${page}: diagram page not checked`);

  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  console.log(`docs:check: ${reports.size} pages in Chromium in ${seconds(Date.now() - browserStarted)} s (${seconds(Date.now() - started)} s with the build); diagrams expected on ${[...diagrams].map(([p, n]) => `${p} (${n})`).join(", ")}`);
  console.log(`screenshots: ${[...shots.values()].map((s) => path.relative(root, s)).join(", ")}`);
  if (failures.length > 0) {
    console.error(`docs:check: ${failures.length} problem(s):`);
    for (const failure of failures.slice(0, 200)) console.error(`  ${failure}`);
    return 1;
  }
  console.log("docs:check: ok");
  return 0;
}

main().then((code) => { process.exitCode = code; }, (error: unknown) => {
  console.error(`docs:check: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
