// Bundles each view (graph, timeline, map) into one script and one style sheet that the Python
// package inlines into its self-contained pages, and all three into `app` for the web app's tabs;
// the web app's SPARQL editor into `editor`, served beside the app. Run by `make frontend` after `npm ci`.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const folder = (path) => fileURLToPath(new URL(path, import.meta.url));
const common = {
  bundle: true,
  format: "iife",
  minify: true,
  target: ["chrome100", "firefox100", "safari15"],
  legalComments: "eof",
  charset: "utf8",
  loader: { ".json": "json" },
  logLevel: "warning",
};

await build({
  ...common,
  entryPoints: { graph: "src/page-graph.js", timeline: "src/page-timeline.js", map: "src/page-map.js",
                 app: "src/page-app.js" },
  outdir: folder("../src/gcsf_graph/views/static/"),
});
await build({ ...common, entryPoints: { editor: "src/page-editor.js" }, outdir: folder("../src/gcsf_graph/web/static/") });
