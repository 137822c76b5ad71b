import "./views.css";
import { boot } from "./common.js";
import { mapView } from "./map.js";

boot("map", mapView);
