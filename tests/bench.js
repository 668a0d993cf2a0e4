// The benchmark's probe, run at the start of every document (before any page script) of
// the benchmark's browser. Everything is timed in the page with performance.now(), whose
// zero is the navigation start, so WebDriver's own latency never enters a figure.
//
// window.__bench:
//   ready       when `main [data-page]` with an h1 first stood with nothing `.loading` (the
//               app's first render is drawn outside the page and put in when complete)
//   firstCard   when the first filled lesson card (not a loading placeholder) was visible
//   longTasks   [startTime, duration] of every long task (buffered from the start)
//   keys        keystroke → paint latencies: keydown's timeStamp to a task after the next
//               animation frame following its input event
//   keydowns    every keydown's timeStamp
//   counts      [painted at, text] whenever #result-count changed (after watchCount())
//   onChange    called after any of the above changes (for execute_async waits)
(() => {
  try {
    // Catalogues of hundreds of lessons make more requests than the default 250 entries.
    performance.setResourceTimingBufferSize(100000);
  } catch (e) {}
  const b = (window.__bench = {
    ready: null,
    firstCard: null,
    longTasks: [],
    keys: [],
    keydowns: [],
    counts: [],
    onChange: null,
  });
  const changed = () => {
    if (b.onChange) b.onChange();
  };
  const afterPaint = (f) => requestAnimationFrame(() => setTimeout(f, 0));

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.duration]);
      changed();
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {
    b.longTaskError = String(e);
  }

  const check = () => {
    if (b.firstCard === null) {
      const card = document.querySelector("main .lesson-card:not(.loading-card)");
      if (card && card.getClientRects().length) b.firstCard = performance.now();
    }
    if (b.ready === null) {
      const page = document.querySelector("main [data-page]");
      if (page && page.querySelector("h1") && !page.closest("main").querySelector(".loading, .loading-card")) {
        b.ready = performance.now();
        changed();
      }
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });

  let pendingKey = null;
  addEventListener(
    "keydown",
    (e) => {
      pendingKey = e.timeStamp;
      b.keydowns.push(e.timeStamp);
    },
    true,
  );
  addEventListener(
    "input",
    () => {
      const t = pendingKey;
      if (t === null) return;
      pendingKey = null;
      afterPaint(() => {
        b.keys.push(performance.now() - t);
        changed();
      });
    },
    true,
  );

  b.watchCount = () => {
    const el = document.getElementById("result-count");
    if (!el) return false;
    new MutationObserver(() => {
      const text = el.textContent;
      afterPaint(() => {
        b.counts.push([performance.now(), text]);
        changed();
      });
    }).observe(el, { subtree: true, childList: true, characterData: true });
    return true;
  };
})();
