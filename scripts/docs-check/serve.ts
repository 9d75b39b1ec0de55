// A static file server for a built site on a free loopback port (scripts/docs-check).
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml",
  ".png": "image/png", ".json": "application/json", ".woff2": "font/woff2",
};

/** A running server: `base` is its origin (`http://127.0.0.1:PORT`). */
export interface SiteServer { readonly base: string; close(): Promise<void> }

/**
 * Serves `site`; requests outside it or for missing files are 404 (the page checks report those). The one exception is
 * `/favicon.ico`, which Chromium asks every origin for by itself: the site links no favicon, so that request is the
 * browser's, not a missing file of the site, and gets 204.
 */
export function serve(site: string): Promise<SiteServer> {
  const root = path.resolve(site);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/favicon.ico") { res.writeHead(204).end(); return; }
    let pathname: string;
    try { pathname = decodeURIComponent(url.pathname); } catch { res.writeHead(400).end("bad path"); return; }
    const file = path.join(root, pathname.replace(/\/$/, "/index.html"));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({
        base: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }),
      });
    });
  });
}

/** Every `.html` file under `dir`, as site paths with `/` (`documents/Diagrams.html`), sorted. */
export function htmlPages(dir: string, under = dir): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...htmlPages(full, under));
    else if (entry.name.endsWith(".html")) out.push(path.relative(under, full).split(path.sep).join("/"));
  }
  return out.sort();
}
