import "vis-network/styles/vis-network.min.css";
import "./views.css";
import { boot } from "./common.js";
import { graphView } from "./graph.js";

boot("graph", graphView);
