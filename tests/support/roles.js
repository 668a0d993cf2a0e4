// Finds elements by ARIA role and accessible name, the way assistive technology (and a
// pupil reading the screen) sees the page. A WebDriver script body:
//   arguments = [scopeCss | null, role | null, name | null, everything: bool]
// returns {matches: [element…], present: [[role, name]…], scope: bool}: the elements whose
// role is `role` (any, if null) and whose name equals `name` after whitespace
// normalisation (any, if null), and every widget/heading in the scope, for messages.
// With `everything`, `items` also holds [element, role, name] of every element with a role.
//
// A small subset of WAI-ARIA 1.2, HTML-AAM and accname 1.2: explicit roles, the implicit
// roles of the elements Spire uses, and names from aria-labelledby, aria-label, labels,
// alt, value, content and title/placeholder. tests/browser.rs checks it against
// chromedriver's computedrole/computedlabel.
const [scopeCss, askedRole, wantName, everything] = arguments;

const norm = (s) => String(s || "").replace(/\s+/g, " ").trim();

function hiddenSelf(el) {
  if (el.hidden || el.getAttribute("aria-hidden") === "true") return true;
  const style = getComputedStyle(el);
  return style.display === "none";
}

// Out of the accessibility tree: hidden itself or below something hidden.
function hidden(el) {
  for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
    if (hiddenSelf(e)) return true;
  }
  const style = getComputedStyle(el);
  if (style.visibility !== "visible") return true;
  // Content of a closed <details> and similar have no box although nothing above them
  // says display:none.
  if (style.display !== "contents" && el.checkVisibility && !el.checkVisibility()) return true;
  return false;
}

function inputType(el) {
  return (el.getAttribute("type") || "text").trim().toLowerCase();
}

function sectioningAncestor(el) {
  for (let e = el.parentElement; e; e = e.parentElement) {
    if (["article", "aside", "main", "nav", "section"].includes(e.localName)) return true;
    const r = (e.getAttribute("role") || "").trim().split(/\s+/)[0];
    if (["article", "complementary", "main", "navigation", "region"].includes(r)) return true;
  }
  return false;
}

function hasOwnName(el) {
  return !!(norm(el.getAttribute("aria-label")) || norm(el.getAttribute("aria-labelledby")) ||
    norm(el.getAttribute("title")));
}

function implicitRole(el) {
  const tag = el.localName;
  switch (tag) {
    case "a":
    case "area":
      return el.hasAttribute("href") ? "link" : null;
    case "button":
      return "button";
    case "h1": case "h2": case "h3": case "h4": case "h5": case "h6":
      return "heading";
    case "input": {
      const t = inputType(el);
      if (["button", "submit", "reset", "image"].includes(t)) return "button";
      if (t === "checkbox") return "checkbox";
      if (t === "radio") return "radio";
      if (t === "range") return "slider";
      if (t === "number") return "spinbutton";
      if (t === "search") return el.hasAttribute("list") ? "combobox" : "searchbox";
      if (["text", "email", "tel", "url"].includes(t)) {
        return el.hasAttribute("list") ? "combobox" : "textbox";
      }
      return null;
    }
    case "textarea":
      return "textbox";
    case "select":
      return el.multiple || el.size > 1 ? "listbox" : "combobox";
    case "img":
      return el.getAttribute("alt") === "" && !el.hasAttribute("title") ? "none" : "image";
    case "ul": case "ol": case "menu":
      return "list";
    case "li":
      return "listitem";
    case "nav":
      return "navigation";
    case "main":
      return "main";
    case "aside":
      return "complementary";
    case "header":
      return sectioningAncestor(el) ? null : "banner";
    case "footer":
      return sectioningAncestor(el) ? null : "contentinfo";
    case "form":
      return hasOwnName(el) ? "form" : null;
    case "section":
      return hasOwnName(el) ? "region" : null;
    case "article":
      return "article";
    case "dialog":
      return "dialog";
    case "fieldset":
      return "group";
    case "table":
      return "table";
    case "progress":
      return "progressbar";
    case "output":
      return "status";
    case "hr":
      return "separator";
    default:
      return null;
  }
}

// ARIA 1.3 renamed img to image; Chromium reports the new name.
const SYNONYMS = { presentation: "none", img: "image" };

function roleOf(el) {
  const explicit = (el.getAttribute("role") || "").trim().split(/\s+/)[0];
  if (explicit) return SYNONYMS[explicit] || explicit;
  return implicitRole(el);
}

// Roles whose name comes from their content when nothing else names them.
const FROM_CONTENT = new Set([
  "button", "cell", "checkbox", "columnheader", "gridcell", "heading", "link", "menuitem",
  "menuitemcheckbox", "menuitemradio", "option", "radio", "rowheader", "switch", "tab",
  "tooltip", "treeitem",
]);

const TEXT_FIELDS = ["textbox", "searchbox", "combobox", "spinbutton", "slider", "listbox"];

// The text of a subtree as a name: text nodes, the names of embedded images and labelled
// elements, the values of embedded fields. `skip` is the control a <label> names.
function textOf(node, skip, includeHidden) {
  let out = "";
  for (const child of node.childNodes) {
    if (child.nodeType === 3) {
      out += child.data;
      continue;
    }
    if (child.nodeType !== 1) continue;
    if (child === skip) continue;
    if (!includeHidden && hiddenSelf(child)) continue;
    const tag = child.localName;
    const label = norm(child.getAttribute("aria-label"));
    let part;
    if (label) {
      part = label;
    } else if (tag === "img") {
      part = child.getAttribute("alt") || "";
    } else if (tag === "input" && !["button", "submit", "reset", "image", "checkbox", "radio"].includes(inputType(child))) {
      part = child.value;
    } else if (tag === "textarea") {
      part = child.value;
    } else if (tag === "select") {
      part = Array.from(child.selectedOptions).map((o) => o.textContent).join(" ");
    } else if (tag === "svg") {
      const title = child.querySelector("title");
      part = title ? title.textContent : "";
    } else if (tag === "br") {
      part = " ";
    } else {
      part = textOf(child, skip, includeHidden);
    }
    // Only inline boxes run into their neighbours; Chromium separates anything else
    // (inline-block included) with a space.
    const display = getComputedStyle(child).display;
    out += display === "inline" || display === "contents" ? part : " " + part + " ";
  }
  return out;
}

function nameOf(el, role) {
  const ids = norm(el.getAttribute("aria-labelledby"));
  if (ids) {
    const text = norm(ids.split(" ")
      .map((id) => document.getElementById(id))
      .filter(Boolean)
      .map((e) => norm(e.getAttribute("aria-label")) || textOf(e, null, true))
      .join(" "));
    if (text) return text;
  }
  const label = norm(el.getAttribute("aria-label"));
  if (label) return label;

  const tag = el.localName;
  if (tag === "input") {
    const t = inputType(el);
    if (t === "submit" || t === "reset" || t === "button") {
      const value = norm(el.value);
      if (value) return value;
      if (t === "submit") return "Submit";
      if (t === "reset") return "Reset";
    }
    if (t === "image") {
      const alt = norm(el.getAttribute("alt"));
      if (alt) return alt;
    }
  }
  if (el.labels && el.labels.length) {
    const text = norm(Array.from(el.labels).map((l) => textOf(l, el, false)).join(" "));
    if (text) return text;
  }
  if (tag === "img" || tag === "area") {
    const alt = norm(el.getAttribute("alt"));
    if (alt) return alt;
  }
  const caption = { fieldset: "legend", table: "caption", figure: "figcaption" }[tag];
  if (caption) {
    const first = Array.from(el.children).find((c) => c.localName === caption);
    if (first) {
      const text = norm(textOf(first, null, false));
      if (text) return text;
    }
  }
  if (FROM_CONTENT.has(role)) {
    const text = norm(textOf(el, null, false));
    if (text) return text;
  }
  if (TEXT_FIELDS.includes(role)) {
    const placeholder = norm(el.getAttribute("placeholder"));
    if (placeholder) return placeholder;
  }
  return norm(el.getAttribute("title"));
}

// Roles worth listing when a lookup fails: what a user would look for.
const LISTED = new Set([
  "button", "link", "textbox", "searchbox", "combobox", "listbox", "checkbox", "radio",
  "switch", "slider", "spinbutton", "tab", "menuitem", "heading", "image", "navigation",
  "region", "dialog", "progressbar",
]);

const wantRole = askedRole === null ? null : SYNONYMS[askedRole] || askedRole;
const scope = scopeCss ? document.querySelector(scopeCss) : document.body;
if (!scope) return { matches: [], present: [], items: [], scope: false };
const matches = [];
const present = [];
const items = [];
const want = wantName === null ? null : norm(wantName);
for (const el of [scope, ...scope.querySelectorAll("*")]) {
  const role = roleOf(el);
  if (!role || role === "none" || role === "generic") continue;
  if (!everything && wantRole !== null && role !== wantRole && !LISTED.has(role)) continue;
  if (hidden(el)) continue;
  const name = nameOf(el, role);
  if (LISTED.has(role)) present.push([role, name]);
  if (everything) items.push([el, role, name]);
  if ((wantRole === null || role === wantRole) && (want === null || name === want)) {
    matches.push(el);
  }
}
return { matches, present, items, scope: true };
