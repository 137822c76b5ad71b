// The graph view: entities as nodes sized by degree, facts as edges, on vis-network.
// graphView(container, data) draws the data the Python side writes (views/graph.py) into any
// element and returns a handle for the page, its tests and, later, a web app.
import { DataSet } from "vis-data/peer";
import { Network } from "vis-network/peer";
import { el, layout, legendEntry, message, showFacts } from "./common.js";

const EDGE_FONT = 11;
const CLOSE_ZOOM = 1.3;        // every edge is labelled from this zoom on (and on hover at any zoom)
const ARROWS_ZOOM = 0.35;     // a big graph's arrowheads show from this zoom on
const LABEL_PX = 14;           // on-screen size of the hubs' labels at the opening zoom

// The view that fits every node's centre (a fit then also makes room for labels).
function opening(nodes, main) {
  let [left, right, top, bottom] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const n of nodes) {
    left = Math.min(left, n.x); right = Math.max(right, n.x);
    top = Math.min(top, n.y); bottom = Math.max(bottom, n.y);
  }
  const width = Math.max(right - left, 1) + 200;
  const height = Math.max(bottom - top, 1) + 200;
  const scale = Math.min(main.clientWidth / width, main.clientHeight / height, 1.2);
  return { position: { x: (left + right) / 2, y: (top + bottom) / 2 }, scale };
}

// The hubs whose labels show at the opening zoom: by rank, leaving out (on a graph of more than a
// few dozen nodes) any whose label would overlap one already chosen. In canvas units, so the
// choice holds at any zoom.
function chooseHubs(data, size) {
  const ranked = data.nodes.filter((n) => n.rank < data.hubs && n.id !== data.focus).sort((a, b) => a.rank - b.rank);
  if (data.nodes.length <= 40) return ranked.map((n) => n.id);
  const boxes = [];
  const box = (n, fontSize) => {
    const half = (n.label.length * 0.5 * fontSize) / 2;
    return [n.x - half, n.y + 10, n.x + half, n.y + 1.2 * fontSize + 10];
  };
  const focus = data.nodes.find((n) => n.id === data.focus);
  if (focus) boxes.push(box(focus, size * 1.3));
  const chosen = [];
  for (const n of ranked) {
    const b = box(n, size);
    if (boxes.some((o) => b[0] < o[2] && b[2] > o[0] && b[1] < o[3] && b[3] > o[1])) continue;
    boxes.push(b);
    chosen.push(n.id);
  }
  return chosen;
}

export function graphView(container, data, { marks = {} } = {}) {
  const parts = layout(container, "Click a node to see its facts, each with its source article and quote.");
  const search = el("input", null, "gv-search");
  search.type = "search";
  search.placeholder = "Find by name or alias";
  search.setAttribute("aria-label", "Find a node by name or alias");
  const names = el("datalist");
  names.id = "gv-names";
  search.setAttribute("list", names.id);
  const status = el("span", null, "gv-status");
  status.setAttribute("role", "status");
  const physicsLabel = el("label");
  const physics = el("input", null, "gv-physics");
  physics.type = "checkbox";
  physicsLabel.appendChild(physics);
  physicsLabel.appendChild(document.createTextNode(" physics"));
  const counts = el("span", null, "gv-counts");
  for (const part of [search, names, status, physicsLabel, counts]) parts.toolbar.appendChild(part);
  parts.legend.appendChild(el("h2", "Classes"));

  if (!data.nodes.length) {
    message(parts.main, "Nothing to draw: the graph (or the query's result) has no entities.");
    counts.textContent = "0 nodes";
    return { nodes: new DataSet([]), edges: new DataSet([]), network: null };
  }
  // Labels: hubs (the most connected nodes) keep a readable label at the opening zoom; the others
  // show once zoomed in (vis-network hides a label drawn smaller than its threshold). Sizes are set
  // before the network is built: updating nodes afterwards makes vis-network revisit every node.
  const view = opening(data.nodes, parts.main);
  const hubSize = Math.max(13, Math.ceil(LABEL_PX / view.scale));
  const hubs = chooseHubs(data, hubSize);
  const hubSet = new Set(hubs);
  const nodes = new DataSet(data.nodes.map((n) => {
    if (n.id === data.focus) return { ...n, font: { size: Math.ceil(hubSize * 1.3), color: "#000" } };
    return hubSet.has(n.id) ? { ...n, font: { size: hubSize } } : n;
  }));
  const edges = new DataSet(data.edges);
  const big = data.nodes.length > 2000;
  const network = new Network(parts.main, { nodes, edges }, {
    physics: { enabled: false, stabilization: false, barnesHut: { gravitationalConstant: -4000, springLength: 120 } },
    layout: { improvedLayout: false },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big },
    groups: data.groups,
    nodes: {
      size: 12,
      font: { size: 13, strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: {
        min: 7, max: 36, label: { enabled: false, maxVisible: 22, drawThreshold: 7 },
        customScalingFunction: (min, max, total, value) => (max === min ? 0.3 : Math.sqrt((value - min) / (max - min))),
      },
    },
    edges: {
      arrows: { to: { enabled: !big, scaleFactor: 0.5 } },
      color: { color: "#c4c4c4", highlight: "#333", hover: "#666" },
      font: { size: EDGE_FONT, color: "#555", strokeWidth: 3, align: "middle" },
      smooth: false, width: 0.8, selectionWidth: 1.5, hoverWidth: 1,
    },
  });
  marks.created = performance.now();

  // Edge labels: for the edge under the mouse, the edges of a selected node (when few), and every
  // edge once zoomed in close (on graphs small enough to label every edge).
  const labelled = new Set();
  let hovered = null;
  function refreshEdgeLabels() {
    const want = new Set();
    if (data.edgeLabels && network.getScale() >= CLOSE_ZOOM) edges.getIds().forEach((id) => want.add(id));
    const selected = network.getSelectedEdges();
    if (selected.length <= 8) selected.forEach((id) => want.add(id));
    if (hovered !== null) want.add(hovered);
    const changes = [];
    for (const id of labelled) if (!want.has(id)) { changes.push({ id, label: undefined }); labelled.delete(id); }
    for (const id of want) if (!labelled.has(id)) { changes.push({ id, label: edges.get(id).title }); labelled.add(id); }
    if (changes.length) edges.update(changes);
  }
  network.on("hoverEdge", (p) => { hovered = p.edge; refreshEdgeLabels(); });
  network.on("blurEdge", () => { hovered = null; refreshEdgeLabels(); });
  let wasClose = false;
  let arrows = !big;
  network.on("afterDrawing", () => {
    const scale = network.getScale();
    const close = scale >= CLOSE_ZOOM;
    if (close !== wasClose) { wasClose = close; refreshEdgeLabels(); }
    // A big graph draws arrowheads only once they are large enough to see.
    if (big && (scale >= ARROWS_ZOOM) !== arrows) {
      arrows = !arrows;
      network.setOptions({ edges: { arrows: { to: { enabled: arrows, scaleFactor: 0.5 } } } });
    }
  });

  function updateCounts() {
    const visible = nodes.get({ filter: (n) => !n.hidden }).length;
    counts.textContent = visible + " of " + data.nodes.length + " nodes, " + data.edges.length + " edges";
  }

  for (const item of data.legend) {
    parts.legend.appendChild(legendEntry(item, (checked) => {
      nodes.update(data.nodes.filter((n) => n.group === item.type).map((n) => ({ id: n.id, hidden: !checked })));
      updateCounts();
    }));
  }
  if (data.nodes.length <= 1000) {
    for (const n of data.nodes) { const o = el("option"); o.value = n.label; names.appendChild(o); }
  }

  const hasFacts = (id) => Object.prototype.hasOwnProperty.call(data.facts, id);
  function showPanel(id) {
    showFacts(parts.panel, data.facts[id], { onLink: focusNode, hasFacts });
  }

  function select(id) {
    network.selectNodes([id]);
    refreshEdgeLabels();
    showPanel(id);
  }

  function focusNode(id) {
    const node = nodes.get(id);
    if (node && node.hidden) nodes.update({ id, hidden: false });
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: data.nodes.length <= 2000 });
    select(id);
  }

  function fold(text) {
    // the same folding as gcsf_graph.terms.fold, which made data.facts[..].search
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/\u2019/g, "'")
      .toLowerCase().replace(/\s+/g, " ").trim();
  }

  function find(text) {
    const wanted = fold(text);
    if (!wanted) { status.textContent = ""; return null; }
    let best = null;
    let bestScore = 0;
    for (const key of Object.keys(data.facts)) {
      for (const name of data.facts[key].search) {
        const at = name.indexOf(wanted);
        const score = name === wanted ? 3 : at === 0 ? 2 : at > 0 ? 1 : 0;
        if (score > bestScore || (score === bestScore && score > 0 && name.length < best.length)) {
          bestScore = score;
          best = { id: Number(key), length: name.length };
        }
      }
    }
    if (!best) { status.textContent = "no match"; return null; }
    status.textContent = "";
    focusNode(best.id);
    return best.id;
  }
  search.addEventListener("keydown", (e) => { if (e.key === "Enter") find(search.value); });
  search.addEventListener("change", () => find(search.value));
  physics.addEventListener("change", () => network.setOptions({ physics: { enabled: physics.checked } }));
  network.on("click", (p) => {
    if (p.nodes.length) select(p.nodes[0]);
    else refreshEdgeLabels();
  });

  updateCounts();
  // Open with everything in view (a focus page: the whole neighbourhood, the focus node marked
  // and its facts in the panel).
  // Open on the nodes' extent; a graph of a few hundred nodes is then fitted with its labels (a
  // fit knows a label's extent only once it has been drawn: hence a first draw).
  network.moveTo({ ...view, animation: false });
  if (data.nodes.length <= 500) {
    network.redraw();
    network.fit({ animation: false });
  }
  if (data.focus !== null && data.focus !== undefined) select(data.focus);
  network.once("afterDrawing", () => { marks.drawn = performance.now(); document.body.dataset.drawn = "true"; });
  return { network, nodes, edges, search: find, showPanel, select, focusNode, hubs };
}
