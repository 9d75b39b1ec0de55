// mfgsync site: docs/typedoc.json `customJs`. Turns ```mermaid code blocks into diagrams with the mermaid
// bundle the docs plugin copies next to this file (assets/mermaid.min.js); loaded only on pages that have one.
(function () {
  "use strict";
  function start() {
    var blocks = document.querySelectorAll("pre > code.mermaid, pre > code.language-mermaid");
    if (blocks.length === 0) return;
    // For whoever waits for the diagrams (scripts/docs-check): pending, then rendered or failed.
    document.documentElement.dataset.diagrams = "pending";
    var divs = [];
    blocks.forEach(function (code) {
      var div = document.createElement("div");
      div.className = "mermaid";
      div.textContent = code.textContent;
      code.parentElement.replaceWith(div);
      divs.push(div);
    });
    var self = document.querySelector('script[src*="assets/custom.js"]');
    var script = document.createElement("script");
    script.src = self ? self.src.replace(/custom\.js(\?.*)?$/, "mermaid.min.js") : "assets/mermaid.min.js";
    script.onload = function () {
      var dark = document.documentElement.dataset.theme === "dark" ||
        (document.documentElement.dataset.theme !== "light" && window.matchMedia("(prefers-color-scheme: dark)").matches);
      // Diagrams keep their natural size (useMaxWidth: false) and scroll inside their box (site.css) rather than
      // shrinking into the column, where the labels of the object model became unreadable.
      var natural = { useMaxWidth: false };
      window.mermaid.initialize({
        startOnLoad: false, securityLevel: "strict", theme: dark ? "dark" : "default",
        flowchart: natural, sequence: natural, class: natural, er: natural, state: natural,
      });
      window.mermaid.run({ nodes: divs }).then(function () {
        document.documentElement.dataset.diagrams = "rendered";
      }, function (error) {
        document.documentElement.dataset.diagrams = "failed";
        console.error("mermaid: " + (error && error.message ? error.message : error));
      });
    };
    script.onerror = function () {
      document.documentElement.dataset.diagrams = "failed";
      console.error("mermaid: could not load " + script.src);
    };
    document.head.appendChild(script);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
