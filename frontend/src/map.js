// The map view: a world map (world-atlas TopoJSON, drawn with d3-geo) with the countries the
// graph mentions shaded by how many facts involve them, events marked in their country, and
// regions and other places listed beside. mapView(container, data) draws the data the Python
// side writes (views/map.py); countries are joined to the geometry on their ISO 3166 codes.
import { geoCentroid, geoNaturalEarth1, geoPath } from "d3-geo";
import countriesIso from "i18n-iso-countries";
import { feature } from "topojson-client";
import world from "world-atlas/countries-110m.json";
import { el, layout, message, plural, showFacts } from "./common.js";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 960;
const HEIGHT = 500;
const SHADES = ["#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"];

function svgEl(tag, attrs) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  return e;
}

// ISO 3166-1 numeric code (world-atlas's feature id) of a country, from its alpha-3 or alpha-2 code.
export function numericCode(country) {
  const a3 = (country.alpha3 || "").toUpperCase();
  const a2 = (country.alpha2 || "").toUpperCase();
  return (a3 && countriesIso.alpha3ToNumeric(a3)) || (a2 && countriesIso.alpha2ToNumeric(a2)) || null;
}

export function shade(count, max) {
  if (max <= 1) return SHADES[3];
  const t = Math.log(count) / Math.log(max);
  return SHADES[Math.min(SHADES.length - 1, Math.floor(t * (SHADES.length - 1)) + 1)];
}

// Wheel to zoom (about the pointer), drag to pan, double-click to reset: small countries
// (Israel, Palestine, Belgium ...) become clickable.
function zoomable(svg) {
  let view = [0, 0, WIDTH, HEIGHT];
  let drag = null;
  const set = (v) => { view = v; svg.setAttribute("viewBox", v.map((n) => n.toFixed(2)).join(" ")); };
  const point = (event) => {
    const box = svg.getBoundingClientRect();
    const scale = Math.max(view[2] / box.width, view[3] / box.height);
    const x = view[0] + (event.clientX - box.left - (box.width - view[2] / scale) / 2) * scale;
    const y = view[1] + (event.clientY - box.top - (box.height - view[3] / scale) / 2) * scale;
    return [x, y, scale];
  };
  svg.addEventListener("wheel", (event) => {
    event.preventDefault();
    const [x, y] = point(event);
    const k = Math.min(Math.max(event.deltaY > 0 ? 1.25 : 0.8, WIDTH / 64 / view[2]), WIDTH / view[2]);
    set([x - (x - view[0]) * k, y - (y - view[1]) * k, view[2] * k, view[3] * k]);
  }, { passive: false });
  svg.addEventListener("pointerdown", (event) => { drag = { x: event.clientX, y: event.clientY, view, moved: false }; });
  svg.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const [, , scale] = point(event);
    const dx = (event.clientX - drag.x) * scale;
    const dy = (event.clientY - drag.y) * scale;
    if (Math.abs(dx) + Math.abs(dy) > 2) drag.moved = true;
    if (drag.moved) set([drag.view[0] - dx, drag.view[1] - dy, drag.view[2], drag.view[3]]);
  });
  svg.addEventListener("pointerup", () => { drag = null; });
  svg.addEventListener("pointerleave", () => { drag = null; });
  svg.addEventListener("dblclick", () => set([0, 0, WIDTH, HEIGHT]));
}

let geometry = null;
function countryFeatures() {
  if (!geometry) geometry = feature(world, world.objects.countries).features;
  return geometry;
}

export function mapView(container, data, { marks = {} } = {}) {
  const parts = layout(container, "Click a shaded country to see its facts, each with its source article and quote.");
  const counts = el("span", null, "gv-counts");
  parts.toolbar.appendChild(el("span", "Shade: how many facts involve the country; brown dots: events held there. Wheel to zoom, drag to move, double-click to reset.", "hint"));
  parts.toolbar.appendChild(counts);
  const hasFacts = (key) => Object.prototype.hasOwnProperty.call(data.facts, key);
  const show = (key) => showFacts(parts.panel, data.facts[key], { onLink: hasFacts(key) ? show : null, hasFacts });

  function placeList(title, places, note) {
    if (!places.length) return;
    parts.legend.appendChild(el("h2", title));
    if (note) parts.legend.appendChild(el("div", note, "note"));
    const ul = el("ul", null, "gv-side");
    for (const place of places) {
      const li = el("li");
      const a = el("a", place.label);
      a.href = "#";
      a.addEventListener("click", (e) => { e.preventDefault(); show(place.key); });
      li.appendChild(a);
      li.appendChild(el("span", " (" + place.count + (place.reason ? ", " + place.reason : "") + ")", "note"));
      ul.appendChild(li);
    }
    parts.legend.appendChild(ul);
  }

  const features = countryFeatures();
  const byId = new Map(features.filter((f) => f.id !== undefined).map((f) => [String(f.id), f]));
  const placed = [];
  const missing = [];
  for (const country of data.countries) {
    const code = numericCode(country);
    const f = code ? byId.get(code) : undefined;
    if (f) placed.push({ country, feature: f });
    else missing.push({ ...country, reason: code ? "no outline on this map" : "no known ISO code" });
  }
  const max = Math.max(1, ...data.countries.map((c) => c.count));

  if (!data.countries.length && !data.places.length) {
    message(parts.main, "Nothing to draw: the graph (or the query's result) mentions no countries or places.");
    counts.textContent = "0 countries";
    return { svg: null, placed, missing, show };
  }

  const projection = geoNaturalEarth1().fitExtent([[8, 8], [WIDTH - 8, HEIGHT - 8]], { type: "Sphere" });
  const path = geoPath(projection);
  const svg = svgEl("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "gv-map", role: "img" });
  svg.appendChild(svgEl("path", { d: path({ type: "Sphere" }), fill: "#f7fbff", stroke: "#ccd" }));
  const shapes = svgEl("g");
  const mentioned = new Map(placed.map((p) => [p.feature, p.country]));
  let selected = null;
  for (const f of features) {
    const country = mentioned.get(f);
    const d = path(f);
    if (!d) continue;
    const shape = svgEl("path", { d, class: country ? "country mentioned" : "country", fill: country ? shade(country.count, max) : "#e2e2e2" });
    const tip = svgEl("title");
    tip.textContent = country ? `${country.label}: ${plural(country.count, "fact")}, ${plural(country.events.length, "event")}` : (f.properties && f.properties.name) || "";
    shape.appendChild(tip);
    if (f.id !== undefined) shape.dataset.id = String(f.id);
    if (country) {
      shape.dataset.key = country.key;
      shape.addEventListener("click", () => {
        if (selected) selected.classList.remove("selected");
        selected = shape;
        shape.classList.add("selected");
        show(country.key);
      });
    }
    shapes.appendChild(shape);
  }
  svg.appendChild(shapes);
  // Events: one dot per country at its centre, sized by how many events took place there.
  const dots = svgEl("g");
  for (const { country, feature: f } of placed) {
    if (!country.events.length) continue;
    const [x, y] = projection(geoCentroid(f));
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const r = 5 + 2 * Math.sqrt(country.events.length);
    const dot = svgEl("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1), class: "events" });
    dot.dataset.key = country.key;
    const tip = svgEl("title");
    tip.textContent = `${country.label}: ${country.events.map((e) => e.label).join("; ")}`;
    dot.appendChild(tip);
    dot.addEventListener("click", () => show(country.key));
    dots.appendChild(dot);
    const label = svgEl("text", { x: x.toFixed(1), y: y.toFixed(1), class: "events" });
    label.textContent = String(country.events.length);
    dots.appendChild(label);
  }
  svg.appendChild(dots);
  parts.main.appendChild(svg);
  zoomable(svg);
  marks.created = performance.now();

  // Beside the map: the shade scale, the countries by count, and the places with no outline.
  parts.legend.appendChild(el("h2", "Facts per country"));
  const scale = el("div", null, "gv-scale");
  scale.appendChild(el("span", "1"));
  for (const colour of SHADES.slice(1)) { const s = el("span", null, "swatch"); s.style.background = colour; scale.appendChild(s); }
  scale.appendChild(el("span", String(max)));
  parts.legend.appendChild(scale);
  placeList("Countries", placed.map((p) => p.country));
  placeList("Not on the map", missing, "Countries whose outline this map lacks.");
  placeList("Regions and other places", data.places, "Places with no outline of their own.");
  counts.textContent = placed.length + " of " + data.countries.length
    + (data.countries.length === 1 ? " country" : " countries") + " drawn, " + plural(placed.reduce((n, p) => n + p.country.events.length, 0), "event") + " placed";
  requestAnimationFrame(() => { marks.drawn = performance.now(); document.body.dataset.drawn = "true"; });
  return { svg, placed, missing, show };
}
