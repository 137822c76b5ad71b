// The views for the web app's result tabs: the same graph, timeline and map modules as the view
// pages, exposed to the app's script, which fetches each view's data for the query it ran.
import "vis-network/styles/vis-network.min.css";
import "vis-timeline/styles/vis-timeline-graph2d.min.css";
import "./views.css";
import { graphView } from "./graph.js";
import { mapView } from "./map.js";
import { timelineView } from "./timeline.js";

window.gcsfViews = Object.assign(window.gcsfViews || {}, { graph: graphView, timeline: timelineView, map: mapView });
