// Runs before the WebAssembly: puts the page frame written in index.html into the saved
// language and names the page, so a pupil sees the right page at once and nothing flashes
// in the wrong language; then registers the service worker that keeps Spire working
// offline. Kept small and free of network requests: the app itself owns everything else.
(function () {
  "use strict";
  var root = document.documentElement;
  var shell = document.getElementById("static-shell");
  // The first parts of the addresses core::route knows.
  var SECTIONS = ["lessons", "challenges", "role-models", "visitors", "courses", "local", "projects",
    "teacher", "host-brief", "canvases", "a", "my-assignments", "my-work", "dating", "about",
    "privacy", "accessibility"];

  // The saved settings, read only (the app is their one writer).
  var settings = {};
  try {
    var stored = JSON.parse(localStorage.getItem("spire.settings") || "null");
    settings = (stored && stored.data && stored.data.settings) || {};
  } catch (e) {
    // Unreadable or blocked storage: the app will say so; the frame stays in Danish.
  }
  var english = settings.lang === "en";
  var young = typeof settings.young === "boolean" ? settings.young : settings.level === "indskoling";
  if (english) root.lang = "en";
  if (young) root.classList.add("young");
  // The route as core::route reads it: without its query (a list's filters keep its top),
  // empty parts dropped, each part decoded.
  var route = location.hash.replace(/^#/, "").split("?")[0].split("/").filter(Boolean).map(decoded);
  // Rust's white space (char::is_whitespace), for trims that must match the app's: it is
  // not quite JavaScript's (no U+FEFF, but U+0085).
  var RUST_SPACE = "[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]+";
  var RUST_TRIM = new RegExp("^" + RUST_SPACE + "|" + RUST_SPACE + "$", "g");

  if (shell) {
    // Named first: the page's top comes from a template, and its words are then put into
    // the saved language with the rest of the frame.
    nameThePage(shell);
    if (english) {
      shell.querySelectorAll("[data-en]").forEach(function (el) {
        el.textContent = el.getAttribute("data-en");
      });
      shell.querySelectorAll("[data-label-en]").forEach(function (el) {
        el.setAttribute("aria-label", el.getAttribute("data-label-en"));
      });
      shell.querySelectorAll("[data-lang-en]").forEach(function (el) {
        el.setAttribute("lang", el.getAttribute("data-lang-en"));
      });
    }
    // A fixed page's body (about, privacy, accessibility), paragraph by paragraph as the
    // app's rich text draws it: the app's paragraphs then replace paragraphs of the same
    // size, so the page's largest paint is the frame's.
    shell.querySelectorAll("[data-rich-key]").forEach(function (el) {
      appendRich(el.parentNode, el, el.getAttribute(english ? "data-rich-en" : "data-rich-da") || "");
      el.parentNode.removeChild(el);
    });
    root.setAttribute("data-frame", "named");
    // The skip link must not change the hash: the hash is the app's route.
    var skip = shell.querySelector(".skip-link");
    if (skip) {
      skip.addEventListener("click", function (ev) {
        ev.preventDefault();
        shell.querySelector("main").focus();
      });
    }
  }

  function nameThePage(shell) {
    var first = route[0] || "";
    // A page of its own at a deeper address (#/dating/profile), else the section's page;
    // an address no section has is "not found".
    var top = template(route.join("/"))
      || (first && SECTIONS.indexOf(first) < 0 ? template("*not-found") : null)
      || (first === "a" ? linkProblem(route.slice(1).join("/")) : null)
      || (route.length <= 1 ? template(first) : missing(route.join("/")));
    var heading = shell.querySelector(".static-title");
    if (top && heading) heading.parentNode.replaceChild(top.content.cloneNode(true), heading);
    // The blank host brief's print button works before the app does.
    shell.querySelectorAll("[data-print]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
    var section = { projects: "challenges", visitors: "role-models", "host-brief": "teacher", "my-assignments": "home" }[first] || first || "home";
    var link = (section === "home" || SECTIONS.indexOf(section) >= 0) && shell.querySelector("[data-nav='" + section + "']");
    if (link) link.setAttribute("aria-current", "page");
  }

  // An assignment link whose code has no "." (typed, or cut short): the app's message, as
  // core::teacher::assignment's Assignment::from_code reads such a code. A code with a "."
  // is drawn by showAssignment when it reads, else left to the app.
  function linkProblem(code) {
    code = linkCode(code);
    if (code.indexOf(".") >= 0) return null;
    return template(!code || /^[0-9]+$/.test(code) ? "*link-truncated" : "*link-damaged");
  }

  // Assignment::from_code's first step: Rust's trim, then anything but base64url at the end dropped (a platform that
  // turns the link into a hyperlink may take a bracket or a full stop with it).
  function linkCode(code) {
    return trimmed(code).replace(/[^A-Za-z0-9_-]+$/, "");
  }

  function trimmed(s) {
    return s.replace(RUST_TRIM, "");
  }

  // A saved thing's page on a device that does not have it (a link from another device, or
  // something deleted): the app says it is not here, and so does the frame when no work of
  // that key is saved (spire.work.<kind>:<id>). Older saved work (spire.progress) is moved
  // into such keys by the app: with it, the frame leaves the answer to the app.
  function missing(route) {
    var pages = [
      // [address, the saved work's kind, the template]
      [/^projects\/([^/]+)(?:\/steps(?:\/[^/]+)?)?$/, "project", "project"],
      [/^canvases\/([^/]+)$/, "canvas", "canvas"],
      [/^visitors\/([^/]+)$/, "visitor", "visitor"],
      [/^my-assignments\/([^/]+)$/, "assigned", "assigned"],
      [/^teacher\/class\/([^/]+)$/, "assignment", "class"],
      [/^teacher\/assignments\/([^/]+)$/, "assignment", "assignment"],
      [/^teacher\/host-briefs\/([^/]+)$/, "brief", "brief"],
    ];
    for (var i = 0; i < pages.length; i++) {
      var found = pages[i][0].exec(route);
      if (!found) continue;
      var valid = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(found[1]);
      return valid && !saved(pages[i][1] + ":" + found[1]) ? template("*missing-" + pages[i][2]) : null;
    }
    return null;
  }

  function saved(key) {
    try {
      return localStorage.getItem("spire.work." + key) !== null || localStorage.getItem("spire.progress") !== null;
    } catch (e) {
      return true; // Unreadable storage: the app will say what it can.
    }
  }

  // The template for a route; compared as text, so no address can break a selector.
  function template(route) {
    var all = shell.querySelectorAll("template[data-route]");
    for (var i = 0; i < all.length; i++) {
      if (all[i].getAttribute("data-route") === route) return all[i];
    }
    return null;
  }

  function decoded(part) {
    try {
      return decodeURIComponent(part);
    } catch (e) {
      return part;
    }
  }

  // The content index, asked for now rather than after the WebAssembly has started; the
  // app takes this answer (window.spireIndex) instead of asking again. Revalidated like the
  // app's own requests, so edited content shows. A failure is the app's to report: it
  // asks again.
  var index = null;
  if (window.fetch && window.Promise) {
    index = ask("lessons/index.json");
    index["catch"](function () {});
    window.spireIndex = index;
  }
  // A lesson's title and summary come from its card in the index, in the lesson page's
  // own markup, until the app shows the same; so do a course's title and summary and a role
  // model's portrait, name and headline.
  // A challenge's title and brief (on its overview and its steps) and a lesson plan's top
  // come from the page's own file, asked for alongside the index (so is a role model's, which
  // the app then draws whole in its first render, not its card first): the app needs that file
  // as soon as it has read the index, and takes this answer (window.spireFile) instead of
  // asking again.
  var hash = location.hash;
  var id = "([a-z0-9][a-z0-9-]*)";
  var lesson = new RegExp("^#/lessons/" + id + "(?:[/?]|$)").exec(hash);
  var challenge = new RegExp("^#/challenges/" + id + "(?:[/?]|$)").exec(hash);
  var plan = new RegExp("^#/teacher/plan/(lesson|challenge)/" + id + "(?:\\?|$)").exec(hash);
  var board = new RegExp("^#/teacher/board/" + id + "(?:/" + id + ")?(?:\\?|$)").exec(hash);
  var course = new RegExp("^#/courses/" + id + "(?:\\?|$)").exec(hash);
  var person = new RegExp("^#/role-models/" + id + "(?:\\?|$)").exec(hash);
  var fileName = lesson ? lesson[1] + ".json"
    : challenge ? "challenges/" + challenge[1] + ".json"
    : plan ? (plan[1] === "challenge" ? "challenges/" : "") + plan[2] + ".json"
    : board ? board[1] + ".json"
    : person ? "role-models/" + person[1] + ".json"
    : null;
  var file = null;
  if (fileName && index) {
    file = ask("lessons/" + fileName);
    file["catch"](function () {});
    window.spireFile = { path: "lessons/" + fileName, text: file };
  }
  var drawn = null;
  if (index && shell) {
    if (lesson || course || person) {
      drawn = index.then(function (text) {
        var idx = JSON.parse(text);
        if (lesson) showLesson(idx, lesson[1]);
        else if (course) showCourse(idx, course[1]);
        else showRoleModel(idx, person[1]);
      });
    } else if (challenge) {
      // From the file; from the index's card (the brief's first paragraph) without it.
      drawn = file.then(function (text) {
        showChallenge(JSON.parse(text));
      })["catch"](function () {
        return index.then(function (text) {
          showChallenge(cardOf(JSON.parse(text), "challenges", challenge[1]));
        });
      });
    } else if (plan) {
      drawn = file.then(function (text) {
        showPlan(JSON.parse(text), plan[1] === "challenge");
      });
    } else if (board) {
      drawn = file.then(function (text) {
        showBoard(JSON.parse(text), board[2]);
      });
    }
    if (drawn) drawn = drawn["catch"](function () {});
  }
  // An assignment link: the page ReceivedAssignment draws, read from the link's own code,
  // with the titles of its lessons and challenges from the index.
  var assignment = shell && window.Promise && route[0] === "a" && hash.split("?")[0].indexOf("%") < 0
    ? readAssignment(route.slice(1).join("/"))
    : null;
  if (assignment) {
    var cards = index ? index.then(JSON.parse)["catch"](function () { return null; }) : Promise.resolve(null);
    drawn = cards.then(function (idx) { showAssignment(assignment, idx); })["catch"](function () {});
  }
  // The local offers' introduction comes from local.json, asked for now on that page only;
  // the app takes this answer (window.spireLocal: the text, or null without the file).
  if (/^#\/local(?:\?|$)/.test(hash) && window.fetch && window.Promise && shell) {
    var local = ask("lessons/local.json", true);
    window.spireLocal = local;
    drawn = local.then(showLocalIntro)["catch"](function () {});
  }

  // A content file's text, revalidated like the app's own requests; with `optional`, null
  // when there is no such file.
  function ask(path, optional) {
    return fetch(path, { cache: "no-cache" }).then(function (r) {
      if (optional && r.status === 404) return null;
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.text();
    });
  }

  // The app's WebAssembly is asked for once the frame is on screen (scripts/postbuild.mjs
  // makes trunk's start-up script wait for window.spireFrame): the page's words and the
  // index get the network first, and the megabyte of app code comes after them rather than
  // alongside. On a lesson's route that is after its title is drawn; the app needs the
  // index before it can show the lesson anyway.
  // Never later than three seconds, whatever the browser reports: the app must start.
  if (window.Promise) {
    window.spireFrame = Promise.race([
      Promise.all([firstPaint(), drawn && drawn.then(twoFrames)]),
      new Promise(function (resolve) { setTimeout(resolve, 3000); }),
    ]);
  }

  // Resolves when the browser reports the frame's first paint as shown.
  function firstPaint() {
    return new Promise(function (resolve) {
      if (document.hidden) return resolve();
      var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
      if (types.indexOf("paint") < 0) return twoFrames().then(resolve);
      new PerformanceObserver(function (list, observer) {
        list.getEntries().forEach(function (entry) {
          if (entry.name !== "first-contentful-paint") return;
          observer.disconnect();
          resolve();
        });
      }).observe({ type: "paint", buffered: true });
    });
  }

  // Resolves once what was just put in the page has been painted: the second animation
  // frame starts after the first one is shown. A hidden tab runs no animation frames.
  function twoFrames() {
    return new Promise(function (resolve) {
      if (document.hidden || !window.requestAnimationFrame) return resolve();
      requestAnimationFrame(function () { requestAnimationFrame(function () { resolve(); }); });
    });
  }

  function words(t) {
    if (typeof t === "string") return t;
    if (!t) return "";
    var wanted = english ? t.en : t.da;
    return wanted != null ? wanted : t.da != null ? t.da : t.en != null ? t.en : "";
  }

  function cardOf(idx, kind, id, named) {
    var cards = idx && idx.summaries && idx.summaries[kind];
    var card = cards && Object.prototype.hasOwnProperty.call(cards, id) && cards[id];
    return card && card[named || "title"] && shell.isConnected ? card : null;
  }

  // A new element, in `parent` (if any) as its last child.
  function element(parent, tag, className, text) {
    var el = document.createElement(tag);
    if (parent) parent.appendChild(el);
    if (className) el.className = className;
    if (text != null) el.textContent = text;
    return el;
  }

  // Rich text as core::markdown reads it and app::rich draws it (paragraphs, bullet and
  // numbered lists, **bold**, *italic* and links), put before `before` (null: at the end).
  function appendRich(parent, before, text) {
    var blocks = [];
    var para = [];
    var list = null;
    function flushPara() {
      if (para.length) blocks.push({ text: para.join(" ") });
      para = [];
    }
    function flushList() {
      if (list) blocks.push(list);
      list = null;
    }
    text.split("\n").forEach(function (raw) {
      raw = raw.replace(/\r$/, "");
      var line = raw.trim();
      var item = line && listItem(line);
      if (!line) {
        flushPara();
        flushList();
      } else if (item) {
        flushPara();
        if (list && list.numbered !== item.numbered) flushList();
        if (!list) list = { numbered: item.numbered, items: [] };
        list.items.push(item.text);
      } else if (list && /^[ \t]/.test(raw)) {
        // An indented line continues the list item above it.
        list.items[list.items.length - 1] += " " + line;
      } else {
        flushList();
        para.push(line);
      }
    });
    flushPara();
    flushList();
    blocks.forEach(function (block) {
      var tag = block.items ? (block.numbered ? "ol" : "ul") : "p";
      var el = parent.insertBefore(document.createElement(tag), before);
      if (!block.items) return appendInline(el, block.text);
      block.items.forEach(function (item) { appendInline(element(el, "li"), item); });
    });
  }

  // `- item`, `* item`: a bullet; `12. item`: numbered (up to three digits).
  function listItem(line) {
    var bullet = /^[-*] (.*)$/.exec(line);
    if (bullet) return { numbered: false, text: bullet[1].trim() };
    var number = /^\d{1,3}\. (.*)$/.exec(line);
    return number ? { numbered: true, text: number[1].trim() } : null;
  }

  // A course's top as CourseView draws it.
  function showCourse(idx, id) {
    var card = cardOf(idx, "courses", id);
    if (!card) return;
    var page = element(null, "div", "page course-page");
    var header = element(page, "header", "lesson-header course-header");
    element(header, "h1", null, words(card.title));
    if (card.summary) element(header, "p", "lead", words(card.summary));
    showPage(page);
  }

  // A role model's top as Profile draws it: portrait (or initials), name, the fictional
  // badge and note, headline.
  function showRoleModel(idx, id) {
    var card = cardOf(idx, "role_models", id, "name");
    if (!card) return;
    var page = element(null, "div", "page role-model-page");
    var header = element(element(page, "article", "profile"), "header", "profile-header");
    var portrait = card.portrait;
    // As app::content::media_url: a plain path inside the content folder, or none.
    if (typeof portrait === "string" && /^[A-Za-z0-9_./-]+$/.test(portrait) && portrait.charAt(0) !== "/" && portrait.indexOf("..") < 0) {
      var img = element(header, "img", "portrait");
      img.alt = "";
      img.width = 120;
      img.height = 120;
      img.src = "lessons/" + portrait;
    } else {
      var initials = element(header, "span", "portrait initials", initialsOf(String(card.name)));
      initials.setAttribute("aria-hidden", "true");
      initials.style.width = initials.style.height = "120px";
      initials.style.fontSize = "48px";
    }
    var about = element(header, "div");
    element(about, "h1", null, String(card.name));
    if (card.fictional) {
      element(about, "p", "badge fictional", staticWord("Fictional"));
      element(about, "p", "muted", staticWord("FictionalNote"));
    }
    if (card.headline) element(about, "p", "lead", words(card.headline));
    showPage(page);
  }

  // core::role_models::initials: the first letters of the first and last word.
  function initialsOf(name) {
    var parts = name.split(/\s+/).filter(Boolean);
    var picked = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
    return picked.map(function (w) { return Array.from(w)[0].toUpperCase(); }).join("");
  }

  // A UI string the frame carries for pages drawn here (index.html, #static-words).
  function staticWord(key) {
    var bank = document.getElementById("static-words");
    var el = bank && bank.content.querySelector("[data-key='" + key + "']");
    return el ? (english ? el.getAttribute("data-en") : el.textContent) : "";
  }

  // The local offers' introduction, below the page's lead, as Offers draws it.
  function showLocalIntro(text) {
    var page = text && shell.isConnected && shell.querySelector("main .local-page");
    if (!page) return;
    var intro = JSON.parse(text).intro;
    if (!intro) return;
    var rich = element(page, "div", "rich local-intro");
    appendRich(rich, null, words(intro));
    freshLoadingLine();
    return twoFrames();
  }

  function showLesson(idx, id) {
    var card = cardOf(idx, "lessons", id);
    if (!card) return;
    var levels = ["indskoling", "mellemtrin", "udskoling", "ungdomsuddannelse", "videregaaende"];
    var level = "none";
    for (var i = 0; i < levels.length; i++) {
      if ((card.levels || []).indexOf(levels[i]) >= 0) { level = levels[i]; break; }
    }
    var page = element(null, "div", "page lesson-page");
    var style = element(page, "div", "level-style");
    style.setAttribute("data-level", level);
    var header = element(style, "header", "lesson-header");
    element(header, "h1", null, words(card.title));
    if (card.summary) element(header, "p", "lead", words(card.summary));
    showPage(page);
  }

  // A challenge's top as the app's ChallengeTop draws it: its title, then its brief, from
  // its file or its card.
  function showChallenge(challenge) {
    var title = challenge && words(challenge.title);
    if (!title || !shell.isConnected) return;
    var page = element(null, "div", "page challenge-page");
    var header = element(page, "header", "lesson-header challenge-header");
    element(header, "h1", null, title);
    var brief = words(challenge.brief);
    if (brief) appendRich(element(header, "div", "rich brief"), null, brief);
    showPage(page);
  }

  // A lesson plan's top as PlanPage draws it: the way back, "Lesson plan: <title>" and the
  // lesson's summary or the challenge's brief.
  function showPlan(file, isChallenge) {
    var title = words(file.title);
    if (!title || !shell.isConnected) return;
    var page = element(null, "div", "page plan-page");
    backToTeacher(page);
    var sheet = element(page, "article", "lesson-plan");
    element(sheet, "h1", null, filled("PlanOf", "title", title));
    var summary = words(isChallenge ? file.brief : file.summary);
    if (summary) appendRich(element(sheet, "div", "rich summary"), null, summary);
    showPage(page);
  }

  // The way back to the teacher's page, above a teacher's tool.
  function backToTeacher(page) {
    element(element(page, "p", "no-print"), "a", null, staticWord("BackToTeacher")).href = "#/teacher";
  }

  // The class board's top as BoardPage draws it: the way back, its title, the choice of
  // brainstorm (when the lesson has more than one) and the chosen one's question and vote.
  function showBoard(file, step) {
    var title = words(file.title);
    if (!title || !shell.isConnected) return;
    var steps = boardSteps(file.steps || []);
    var page = element(null, "div", "page board-page");
    backToTeacher(page);
    element(page, "h1", null, staticWord("BoardTitle") + ": " + title);
    if (!steps.length) {
      element(page, "p", "notice", staticWord("BoardNoBrainstorm"));
      return showPage(page);
    }
    var chosen = steps.filter(function (b) { return b.id === step || b.vote === step; })[0] || steps[0];
    if (steps.length > 1) {
      var field = element(page, "div", "field no-print");
      element(field, "label", null, staticWord("BoardChooseStep")).htmlFor = "frame-board-step";
      var select = element(field, "select");
      select.id = "frame-board-step";
      steps.forEach(function (b) {
        var option = element(select, "option", null, b.question);
        option.value = b.id;
        option.selected = b === chosen;
      });
    }
    var area = element(page, "div", "class-board");
    element(area, "h2", "board-question", chosen.question);
    if (chosen.votes) {
      element(area, "p", "board-hint", filled("BoardVoteHint", "n", String(chosen.votes)));
    }
    showPage(page);
  }

  // core::teacher::board::board_steps: each brainstorm, with the vote on its ideas if any
  // (3 dots each unless it says otherwise).
  function boardSteps(steps) {
    var named = steps.filter(function (s) { return s && typeof s.id === "string"; });
    return named.filter(function (s) { return s.type === "brainstorm" && words(s.question); }).map(function (b) {
      var vote = named.filter(function (v) { return v.type === "vote" && v.from === b.id; })[0];
      return {
        id: b.id,
        question: words(b.question),
        vote: vote ? vote.id : null,
        votes: vote ? (typeof vote.votes === "number" ? vote.votes : 3) : null,
      };
    });
  }

  // core::markdown's inline marks: **bold**, *italic* and [links](https://…); an unclosed
  // mark stays text.
  function appendInline(parent, text) {
    var plain = "";
    while (text) {
      var mark = markAt(text);
      if (mark) {
        if (plain) parent.appendChild(document.createTextNode(plain));
        plain = "";
        var el = parent.appendChild(document.createElement(mark.tag));
        if (mark.href) {
          el.setAttribute("href", mark.href);
          el.setAttribute("target", "_blank");
          el.setAttribute("rel", "noopener noreferrer");
        }
        appendInline(el, mark.body);
        text = mark.rest;
      } else {
        var c = text.codePointAt(0) > 0xffff ? 2 : 1;
        plain += text.slice(0, c);
        text = text.slice(c);
      }
    }
    if (plain) parent.appendChild(document.createTextNode(plain));
  }

  function markAt(s) {
    var body, end;
    if (s.slice(0, 2) === "**") {
      body = s.slice(2);
      end = body.indexOf("**");
      return end > 0 ? { tag: "strong", body: body.slice(0, end), rest: body.slice(end + 2) } : null;
    }
    if (s.charAt(0) === "*") {
      body = s.slice(1);
      if (body.charAt(0) === " " || body.charAt(0) === "*") return null;
      end = body.indexOf("*");
      return end > 0 ? { tag: "em", body: body.slice(0, end), rest: body.slice(end + 1) } : null;
    }
    if (s.charAt(0) === "[") {
      body = s.slice(1);
      var close = body.indexOf("](");
      var after = close < 0 ? "" : body.slice(close + 2);
      end = after.indexOf(")");
      if (close < 0 || end < 0) return null;
      var href = after.slice(0, end).trim();
      // Only web and mail addresses become links, as in the app.
      if (!/^(https:\/\/|http:\/\/|mailto:)/i.test(href) || /\s/.test(href)) return null;
      return { tag: "a", href: href, body: body.slice(0, close), rest: after.slice(end + 1) };
    }
    return null;
  }

  // The page AssignmentLinkPage draws for a link it reads (ReceivedAssignment), for a pupil
  // who has not added it yet. Where this device may have it already (its work is saved, or
  // older saved work is not split up yet), the app decides what comes below the list.
  function showAssignment(a, idx) {
    if (!shell.isConnected) return;
    var page = element(null, "div", "page assignment-link-page");
    element(page, "p", "eyebrow", staticWord("AssignmentFromTeacher"));
    element(page, "h1", null, a.title || staticWord("Untitled"));
    if (a.class) element(page, "p", "class-label", filled("ForClass", "class", a.class));
    if (a.due) {
      var now = new Date();
      var today = now.getFullYear() * 10000 + (now.getMonth() + 1) * 100 + now.getDate();
      var overdue = today > a.due.year * 10000 + (a.due.month + 1) * 100 + a.due.day;
      var due = element(page, "p", overdue ? "due overdue" : "due", filled("DueOn", "date", dateText(a.due)));
      due.setAttribute("data-overdue", String(overdue));
      if (overdue) {
        due.appendChild(document.createTextNode(" "));
        element(due, "strong", "badge badge-overdue", staticWord("Overdue"));
      }
    }
    if (a.note) element(page, "p", "assignment-note", a.note);
    element(page, "h2", null, staticWord("AssignmentItems"));
    var list = element(page, "ul", "assignment-items");
    a.items.forEach(function (item) {
      var card = cardOf(idx, item.challenge ? "challenges" : "lessons", item.id);
      element(list, "li", null, card ? words(card.title) : item.id);
    });
    if (!saved("assigned:" + a.id)) {
      // The form as the app draws it, so nothing moves when the app takes over, but out of
      // reach until then: what is typed into the frame would be lost, so its controls are
      // inert and hidden from assistive technology (and from tests that look for a field
      // by its label), and the app's own take their place.
      var field = unreachable(element(page, "div", "field name-field"));
      element(field, "label", null, staticWord("PupilNameLabel")).htmlFor = "frame-pupil-name";
      var input = element(field, "input");
      input.id = "frame-pupil-name";
      input.type = "text";
      input.readOnly = true;
      input.value = typeof settings.name === "string" ? settings.name : "";
      input.setAttribute("aria-describedby", "frame-pupil-name-help");
      element(field, "p", "muted", staticWord("PupilNameHelp")).id = "frame-pupil-name-help";
      frameButton(unreachable(element(page, "p")), "primary", staticWord("AddAssignment"));
      var take = unreachable(element(page, "p", "muted teacher-take", staticWord("TeacherTakeHelp") + " "));
      frameButton(take, null, staticWord("TeacherTake"));
    }
    showPage(page);
  }

  function unreachable(el) {
    el.setAttribute("inert", "");
    el.setAttribute("aria-hidden", "true");
    return el;
  }

  // A button of the app's that works once the app is here.
  function frameButton(parent, className, text) {
    var button = element(parent, "button", className, text);
    button.type = "button";
    button.disabled = true;
  }

  // A UI string with its one {placeholder} filled in, as I18n::f does.
  function filled(key, name, value) {
    return staticWord(key).replace("{" + name + "}", function () { return value; });
  }

  // core::teacher::date::format_date: "5. december 2026" / "5 December 2026".
  function dateText(d) {
    var da = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];
    var en = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    return english ? d.day + " " + en[d.month] + " " + d.year : d.day + ". " + da[d.month] + " " + d.year;
  }

  // core::teacher::assignment's Assignment::from_code for the codes the app writes: the
  // assignment, or null for anything the frame cannot read as surely as the app does (the
  // app then shows the link or says what is wrong with it).
  function readAssignment(code) {
    code = linkCode(code);
    var dot = code.indexOf(".");
    if (code.length > 8000 || dot < 0 || code.slice(0, dot) !== "1" || !window.TextDecoder) return null;
    var frame = base64url(code.slice(dot + 1));
    if (!frame || !frame.length) return null;
    var head = reader(frame);
    var len = head.varint();
    if (len === null || frame.length !== head.pos() + len + 4) return null;
    var body = frame.slice(head.pos(), head.pos() + len);
    var sum = frame.slice(head.pos() + len);
    if (crc32(body) !== ((sum[0] << 24) | (sum[1] << 16) | (sum[2] << 8) | sum[3]) >>> 0) return null;
    return readBody(reader(body));
  }

  function readBody(r) {
    var idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
    var a = { items: [] };
    if (r.varint() === null) return null; // the revision: the app's to compare
    a.id = r.str(64);
    if (a.id === null || !idPattern.test(a.id)) return null;
    var cls = r.str(160), title = r.str(480), due = r.varint(), note = r.str(4000), n = r.varint();
    if (cls === null || title === null || due === null || note === null || n === null || n > 40) return null;
    a.class = clip(cls, 40, false);
    a.title = clip(title, 120, false);
    a.note = clip(note, 1000, true);
    if (due > 0) {
      var date = new Date(Date.UTC(1970, 0, 1) + (due - 1) * 86400000);
      if (!(date.getUTCFullYear() <= 9999)) return null;
      a.due = { year: date.getUTCFullYear(), month: date.getUTCMonth(), day: date.getUTCDate() };
    }
    for (var i = 0; i < n; i++) {
      var tag = r.varint();
      if (tag === null || Math.floor(tag / 2) > 64) return null;
      var item = { challenge: tag % 2 === 1, id: r.id(Math.floor(tag / 2)) };
      if (item.id === null || !idPattern.test(item.id)) return null;
      var twice = a.items.some(function (x) { return x.challenge === item.challenge && x.id === item.id; });
      if (!twice) a.items.push(item);
    }
    return a;
  }

  // assignment::clip: control characters out (but newlines where kept), trimmed, at most
  // `max` characters.
  function clip(s, max, newlines) {
    var clean = Array.from(s).filter(function (c) {
      return !/[\u0000-\u001f\u007f-\u009f]/.test(c) || (newlines && c === "\n");
    });
    return trimmed(Array.from(trimmed(clean.join(""))).slice(0, max).join(""));
  }

  // codec::base64url_decode: unpadded, and strict about the bits after the last byte.
  function base64url(text) {
    var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
    var out = [];
    for (var i = 0; i < text.length; i += 4) {
      var chunk = text.slice(i, i + 4);
      var n = 0;
      for (var j = 0; j < chunk.length; j++) n |= alphabet.indexOf(chunk.charAt(j)) << (18 - 6 * j);
      var full = chunk.length - 1;
      if (n & [0, 0xffff, 0xff, 0][full]) return null;
      for (j = 0; j < full; j++) out.push((n >> (16 - 8 * j)) & 255);
    }
    return out;
  }

  function crc32(bytes) {
    var crc = -1;
    for (var i = 0; i < bytes.length; i++) {
      crc ^= bytes[i];
      for (var k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
    }
    return ~crc >>> 0;
  }

  // codec::ByteReader, each read null where the app's fails (and on numbers past 2^53,
  // which the app's links never hold).
  function reader(bytes) {
    var pos = 0;
    var ids = "-0123456789abcdefghijklmnopqrstuvwxyz";
    function varint() {
      var v = 0;
      for (var scale = 1; scale < Math.pow(2, 56); scale *= 128) {
        if (pos >= bytes.length) return null;
        var b = bytes[pos++];
        v += (b & 127) * scale;
        if (!(b & 128)) return v <= Number.MAX_SAFE_INTEGER ? v : null;
      }
      return null;
    }
    function str(max) {
      var len = varint();
      if (len === null || len > max || pos + len > bytes.length) return null;
      var slice = bytes.slice(pos, pos + len);
      pos += len;
      try {
        return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(new Uint8Array(slice));
      } catch (e) {
        return null;
      }
    }
    function id(chars) {
      var end = pos + Math.ceil((chars * 6) / 8);
      if (end > bytes.length) return null;
      var out = "";
      var acc = 0;
      var bits = 0;
      for (var k = pos; out.length < chars; ) {
        if (bits < 6) {
          acc = (acc << 8) | bytes[k++];
          bits += 8;
        }
        bits -= 6;
        var symbol = (acc >> bits) & 63;
        acc &= (1 << bits) - 1;
        if (symbol >= ids.length) return null;
        out += ids.charAt(symbol);
      }
      pos = end;
      return acc === 0 ? out : null;
    }
    return { varint: varint, str: str, id: id, pos: function () { return pos; } };
  }

  function showPage(page) {
    var main = shell.querySelector("main");
    var heading = main && main.querySelector(".static-title");
    if (!heading) return;
    main.replaceChild(page, heading);
    freshLoadingLine();
  }

  // A new "Loading" line below what was just drawn rather than the old one moved down: a
  // new element is not a layout shift.
  function freshLoadingLine() {
    var main = shell.querySelector("main");
    var loading = main && main.querySelector(".boot");
    if (loading) main.replaceChild(loading.cloneNode(true), loading);
  }

  // Offline and updates. A new version waits until the pupil chooses to reload, so it never
  // interrupts typing; the app shows the prompt (it listens for "spire-update-ready") and
  // asks for the reload with "spire-update-apply".
  if (!("serviceWorker" in navigator)) return;
  var QUIET_MS = 3000;
  var NO_APP_MS = 30000;
  var reloading = false;
  var waiting = null;
  // Whether a worker served this page: only then is a change of worker a new version (the
  // first visit's worker takes over an uncontrolled page, too).
  var controlled = !!navigator.serviceWorker.controller;
  function announce() {
    root.setAttribute("data-update", "ready");
    window.dispatchEvent(new Event("spire-update-ready"));
  }
  function ready(reg) {
    waiting = reg;
    announce();
  }
  window.addEventListener("spire-update-apply", function () {
    if (waiting && waiting.waiting) {
      reloading = true;
      waiting.waiting.postMessage("skip-waiting");
    } else {
      // The new version already runs (another tab applied it): just load it.
      location.reload();
    }
  });
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (reloading) return location.reload();
    // Another tab applied a new version. This tab still runs the old code, whose files
    // the new worker no longer keeps (a page fetched later would fail): offer the reload.
    if (controlled) announce();
    controlled = true;
  });
  whenAppQuiet(function () {
    // For tests and `make bench`: when the worker was asked for, after how long a wait.
    // (A browser without mark options ignores the second argument.)
    if (window.performance && performance.mark) {
      performance.mark("spire:worker-registered", { detail: { quietMs: QUIET_MS } });
    }
    navigator.serviceWorker.register("sw.js").then(function (reg) {
      if (reg.waiting && navigator.serviceWorker.controller) ready(reg);
      reg.addEventListener("updatefound", function () {
        var incoming = reg.installing;
        if (!incoming) return;
        incoming.addEventListener("statechange", function () {
          // With no controller this is the first install, not an update.
          if (incoming.state === "installed" && navigator.serviceWorker.controller) ready(reg);
        });
      });
      // A tab may stay open all day: look for a new version now and then.
      setInterval(function () { reg.update().catch(function () {}); }, 30 * 60 * 1000);
    }).catch(function () {
      // No service worker (private mode, file://): Spire works, just not offline.
    });
  });

  // The worker is registered once the app has taken the page over and had a few quiet
  // seconds, not at `load`. Its first install stores every file of the app and all the
  // content (some 130 files, 4 MB), and on a two-core machine that work beside the app's
  // start doubled the time the page was blocked (Lighthouse, the two ways alternated, 3
  // pairs on five routes: median total blocking time 80-786 ms at `load`, 30-377 ms
  // later; later was lower in every pair). The cost: a visit of only a few seconds is not
  // kept offline.
  function whenAppQuiet(done) {
    var started = false;
    // Once, whichever comes first: the app's start, or the fallback below.
    function quietThen() {
      if (started) return;
      started = true;
      setTimeout(function () {
        if (window.requestIdleCallback) window.requestIdleCallback(done, { timeout: 5000 });
        else done();
      }, QUIET_MS);
    }
    // The app removes the frame when its first page is in place.
    if (!shell || !shell.parentNode) return quietThen();
    var watch = new MutationObserver(function () {
      if (!shell.isConnected) {
        watch.disconnect();
        quietThen();
      }
    });
    watch.observe(shell.parentNode, { childList: true });
    // An app that never starts (its code blocked or broken) still gets a worker, so the
    // frame and the content are kept.
    window.addEventListener("load", function () {
      setTimeout(function () {
        watch.disconnect();
        quietThen();
      }, NO_APP_MS);
    });
  }
})();
