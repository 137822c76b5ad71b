// The web app's SPARQL editor (see editor.js), exposed to the app's script.
import { fromTextArea } from "./editor.js";

window.gcsfEditor = { fromTextArea };
