// Bundles each view (graph, timeline, map) into one script and one style sheet that the Python
// package inlines into its self-contained pages, and all three into `app` for the web app's tabs. Run by `make frontend` after `npm ci`.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const out = fileURLToPath(new URL("../src/gcsf_graph/views/static/", import.meta.url));

await build({
  entryPoints: { graph: "src/page-graph.js", timeline: "src/page-timeline.js", map: "src/page-map.js",
                 app: "src/page-app.js" },
  bundle: true,
  format: "iife",
  minify: true,
  target: ["chrome100", "firefox100", "safari15"],
  outdir: out,
  legalComments: "eof",
  charset: "utf8",
  loader: { ".json": "json" },
  logLevel: "warning",
});
