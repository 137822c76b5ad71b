import "vis-timeline/styles/vis-timeline-graph2d.min.css";
import "./views.css";
import { boot } from "./common.js";
import { timelineView } from "./timeline.js";

boot("timeline", timelineView);
