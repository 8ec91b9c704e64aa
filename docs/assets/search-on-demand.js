/* Runner's Hip: the search index (search/search_index.json, about 1 MB before compression) is
 * fetched when a reader opens search, not on every page view.
 *
 * Material 9.8 asks for the index with XMLHttpRequest as soon as its bundle starts, on every page.
 * This script runs before the bundle (overrides/main.html) and holds back that one request until
 * the search box gets focus or the search dialog opens (a tap, a click or the "/" and "s" keys
 * all do one of these); then it sends it, and Material goes on as usual. Everything else goes
 * through untouched. It relies on how Material loads its index: tests/test_search_on_demand.py
 * fails if a first view fetches the index again, or if opening search no longer fetches it.
 */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var proto = XMLHttpRequest.prototype;
  var open = proto.open;
  var send = proto.send;
  var indexRequests = new WeakSet();
  var held = [];
  var wanted = false;

  proto.open = function (method, url) {
    if (INDEX.test(String(url))) indexRequests.add(this);
    return open.apply(this, arguments);
  };
  proto.send = function () {
    if (!wanted && indexRequests.has(this)) {
      held.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function release() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (request) { send.apply(request[0], request[1]); });
  }

  document.addEventListener("focusin", function (event) {
    if (event.target instanceof Element && event.target.matches(".md-search__input")) release();
  });
  document.addEventListener("change", function (event) {
    if (event.target instanceof Element && event.target.id === "__search" && event.target.checked) release();
  });
  // a finger on the search button: start fetching before the dialog has finished opening
  document.addEventListener("pointerdown", function (event) {
    if (event.target instanceof Element && event.target.closest("label[for=__search], .md-search")) release();
  });
})();
