/* Runner's Hip: Material's bundle and the site's scripts start after the page's first paint.
 *
 * On a phone with a weak signal, every byte that arrives before the first paint delays it, and
 * a script that runs before it holds it up. Nothing a reader needs to start reading comes from a
 * script: the text, the menu, the warning boxes and the print and copy buttons are all in the
 * HTML, and the menu opens without JavaScript. So this small deferred script waits for the
 * first contentful paint and only then asks for the style sheet named in its `data-styles` and
 * the scripts named in its `data-scripts` (overrides/main.html). The sheet holds the rules for
 * what only scripts make (scripts/first_paint_css.py), so the scripts run, in the order given,
 * once it has arrived; they are fetched meanwhile. Search appears, and the print and copy
 * buttons answer, once they have run.
 *
 * Material's bundle starts the page when the document's DOMContentLoaded event fires. A bundle
 * that arrives after that event missed it, so this script hands the page to Material through
 * `document$`, Material's own public observable, which Material's instant navigation feeds in
 * the same way. tests/test_after_first_paint.py fails if Material no longer starts this way.
 *
 * When there is no paint to wait for (a tab opened in the background, a browser without paint
 * timing), the scripts start at once; in any case they start within three seconds.
 */
(function () {
  "use strict";
  var me = document.currentScript;
  var sources = (me.getAttribute("data-scripts") || "").split(/\s+/).filter(Boolean);
  var styles = (me.getAttribute("data-styles") || "").split(/\s+/).filter(Boolean);
  // Matches the bundle's address as written in data-scripts, which is relative to the page (on the
  // home page "assets/...", with nothing before it), and as the browser resolves it
  var BUNDLE = /(^|\/)assets\/javascripts\/bundle\.[0-9a-f]+\.min\.js$/;
  var parsed = false; // has the document's own DOMContentLoaded fired?
  var started = false;
  var waiting = sources.length + 1; // every script, and Material's start

  document.addEventListener("DOMContentLoaded", function () { parsed = true; }, { once: true });

  function done() {
    waiting -= 1;
    if (waiting === 0) document.documentElement.setAttribute("data-rh-scripts", "ready");
  }

  function start() {
    if (started) return;
    started = true;
    document.documentElement.setAttribute("data-rh-scripts", "loading");
    var pending = styles.length;
    styles.forEach(function (href) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      var arrived = function () {
        pending -= 1;
        if (pending === 0) run();
      };
      link.addEventListener("load", arrived);
      link.addEventListener("error", arrived); // the scripts still run: a page without it only looks plainer
      document.head.appendChild(link);
    });
    if (!pending) {
      run();
      return;
    }
    sources.forEach(function (src) { // fetched while the sheet arrives, run after it
      var hint = document.createElement("link");
      hint.rel = "preload";
      hint.as = "script";
      hint.href = src;
      document.head.appendChild(hint);
    });
  }

  function run() {
    sources.forEach(function (src) {
      var script = document.createElement("script");
      script.src = src;
      script.async = false; // run in the order given, as deferred scripts do
      script.addEventListener("load", function () {
        if (BUNDLE.test(script.src)) {
          // The bundle has just run: what site.css hides until then (search, the palette button)
          // appears now, in the same frame as the bundle's own changes, so that neither moves
          // the other (tests/test_phone.py measures layout shifts).
          document.documentElement.setAttribute("data-rh-scripts", "started");
          // A task of its own, so that the bundle's set-up is not one long task with its parsing.
          setTimeout(function () {
            if (!parsed) {
              // Material's own listener, added as the bundle ran, starts the page on the event
              document.addEventListener("DOMContentLoaded", done, { once: true });
              return;
            }
            window.document$.next(document);
            done();
          }, 0);
        }
        done();
      });
      script.addEventListener("error", done);
      document.body.appendChild(script);
    });
    if (!sources.some(function (src) { return BUNDLE.test(src); })) done();
  }

  var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
  if (document.visibilityState !== "visible" || types.indexOf("paint") < 0) {
    start();
    return;
  }
  new PerformanceObserver(function (list, observer) {
    if (!list.getEntriesByName("first-contentful-paint").length) return;
    observer.disconnect();
    start();
  }).observe({ type: "paint", buffered: true });
  setTimeout(start, 3000);
})();
