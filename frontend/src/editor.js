// The web app's SPARQL editor: CodeMirror 6 with the SPARQL grammar of codemirror-lang-sparql.
// Highlighting gives stable class names (tok-keyword, tok-variableName, …, styled by the app's
// sheet); syntax errors are marked from the parse tree; completion offers keywords, the query's
// variables, and the prefixes, classes, properties and entity names of the served graph, which
// the page hands over (nothing is asked of any other server). Ctrl-Enter (Cmd-Enter) runs.
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { bracketMatching, ensureSyntaxTree, LanguageSupport, syntaxHighlighting, syntaxTree } from "@codemirror/language";
import { forceLinting, linter, lintGutter } from "@codemirror/lint";
import { EditorState, Prec } from "@codemirror/state";
import { drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers } from "@codemirror/view";
import { classHighlighter, styleTags, tags } from "@lezer/highlight";
import { SparqlLanguage } from "codemirror-lang-sparql";

const KEYWORDS = ("SELECT ASK CONSTRUCT DESCRIBE WHERE PREFIX BASE DISTINCT REDUCED FROM NAMED OPTIONAL " +
  "UNION MINUS FILTER BIND VALUES GRAPH SERVICE ORDER BY ASC DESC LIMIT OFFSET GROUP HAVING AS NOT " +
  "EXISTS IN COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT SEPARATOR STR LANG LANGMATCHES DATATYPE BOUND " +
  "IRI BNODE STRSTARTS STRENDS CONTAINS REGEX LCASE UCASE YEAR COALESCE IF UNDEF").split(" ");
const WORD = /[\w.:%-]+$/;

// The grammar's highlighting, with prefixed names marked like full IRIs, `a` like a keyword and
// language tags as annotations.
const sparql = () => new LanguageSupport(SparqlLanguage.configure({
  props: [styleTags({ "Pname_ln Pname_ns": tags.namespace, A_predicate: tags.keyword, Langtag: tags.annotation })],
}));

// Where the word being typed stands: after `a` (a class), as a predicate, or elsewhere.
function position(state, from, to) {
  if (/(^|[\s;{(])a\s+$/.test(state.sliceDoc(Math.max(0, from - 20), from))) return "class";
  for (let node = syntaxTree(state).resolveInner(to, -1); node; node = node.parent) {
    if (node.name === "VerbPath" || node.name === "Verb") return "predicate";
  }
  return "term";
}

function completionSource(vocabulary) {
  return async (context) => {
    const { state, pos } = context;
    const inside = syntaxTree(state).resolveInner(pos, -1).name;
    if (inside === "Comment" || inside === "String") return null;
    const variable = context.matchBefore(/[?$]\w*$/);
    if (variable) {
      const names = new Set(state.doc.toString().match(/[?$]\w+/g) || []);
      names.delete(variable.text);
      return { from: variable.from, options: [...names].map((v) => ({ label: v, type: "variable" })),
               validFor: /^[?$]\w*$/ };
    }
    const word = context.matchBefore(WORD);
    if (!word && !context.explicit) return null;
    if (word && word.text.length < 2 && !context.explicit) return null;
    const v = await vocabulary();
    if (context.aborted) return null;
    const from = word ? word.from : pos;
    const where = position(state, from, pos);
    const boost = (kind) => (kind === where ? 10 : 0);
    const options = [];
    if (!word || !word.text.includes(":")) {
      for (const [p, ns] of Object.entries(v.prefixes)) options.push({ label: p + ":", detail: ns, type: "namespace", boost: -1 });
    }
    for (const [name, label] of v.classes) options.push({ label: name, detail: label, type: "class", boost: boost("class") });
    for (const [name, label] of v.properties) options.push({ label: name, detail: label, type: "property", boost: boost("predicate") });
    if (where !== "predicate") {
      for (const [name, label] of v.entities) {
        if (!/^\w+:\/\//.test(name)) options.push({ label: name, detail: label, type: "constant", boost: -2 });
      }
    }
    if (where === "term") for (const k of KEYWORDS) options.push({ label: k, type: "keyword", boost: -3 });
    // typing the first `:` asks again, without the prefixes
    return { from, options, validFor: word && word.text.includes(":") ? /^[\w.:%-]*$/ : /^[\w.%-]*$/ };
  };
}

// Each place the SPARQL grammar could not parse, as an error mark.
function syntaxErrors(view) {
  const { state } = view;
  const tree = ensureSyntaxTree(state, state.doc.length, 500) || syntaxTree(state);
  const end = state.doc.length;
  const found = [];
  tree.iterate({
    enter(node) {
      if (!node.type.isError || found.length >= 3) return;
      const from = Math.min(node.from, end);
      const to = Math.min(Math.max(node.to, from + 1), end);
      const text = state.sliceDoc(from, to);
      found.push({ from: from === to && from > 0 ? from - 1 : from, to, severity: "error", source: "syntax",
                   message: from >= end ? "SPARQL syntax: the query ends too soon"
                                        : `SPARQL syntax: unexpected ${JSON.stringify(text)}` });
    },
  });
  return found;
}

/**
 * Replace a textarea by the editor; returns { value, focus(), check() , view }.
 * options: run() for Ctrl-Enter, vocabulary() a promise of { prefixes, classes, properties,
 * entities }, notes(text) a promise of diagnostics ({ from, to, message }) from the server's check.
 */
export function fromTextArea(textarea, options) {
  const notes = options.notes
    ? [linter(async (view) => options.notes(view.state.doc.toString()), { delay: 900 })]
    : [];
  const view = new EditorView({
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        lineNumbers(), history(), drawSelection(), highlightActiveLine(), bracketMatching(), closeBrackets(),
        sparql(), syntaxHighlighting(classHighlighter),
        autocompletion({ override: [completionSource(options.vocabulary)], icons: false, maxRenderedOptions: 60 }),
        linter(syntaxErrors, { delay: 400 }), ...notes, lintGutter(),
        Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => { options.run(); return true; } }])),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap]),
        EditorView.contentAttributes.of({ "aria-label": textarea.getAttribute("aria-label") || "SPARQL query" }),
        EditorView.updateListener.of((update) => { if (update.docChanged) textarea.value = update.state.doc.toString(); }),
      ],
    }),
  });
  textarea.after(view.dom);
  textarea.hidden = true;
  return {
    view,
    get value() { return view.state.doc.toString(); },
    set value(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    focus() { view.focus(); },
    check() { forceLinting(view); },
  };
}
