/* Runner's Hip: the site's search worker. Material's own worker (lunr) does the keyword search;
 * the site's layer (search-layer.js) cleans each query first and puts the conditions, warning
 * signs and pages it describes before the keyword results.
 *
 * Material's page starts this worker (overrides/main.html points its "search" setting here) with
 * ?engine=<Material's worker> and talks to it by Material's messages: SETUP (the index), READY,
 * QUERY (the typed text), RESULT. This file loads Material's worker, catches its message handler
 * and its replies, and passes everything through except that a query goes in cleaned and its
 * result comes back merged. The layer (search-layer.js and search/layer.json) is fetched at the
 * first query, so a page that is only read never loads it. If it cannot load, search works as plain Material search.
 */
(function () {
  "use strict";
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var here = new URL(self.location.href);
  var engine = new URL(here.searchParams.get("engine") || "", here);
  if (engine.origin !== here.origin) throw new Error("search engine must be the site's own file");

  var material = null;
  var addListener = self.addEventListener.bind(self);
  self.addEventListener = function (type, listener, options) {
    if (type === "message" && !material) material = listener;
    else addListener(type, listener, options);
  };
  importScripts(engine.href);
  self.addEventListener = addListener;
  if (!material) throw new Error("Material's search worker did not register its handler");

  var layer = null; // search-layer.js, loaded with its data at the first query: a page that is only
  // read fetches nothing more than before for search
  var lunr = self.lunr; // Material's worker exposes its lunr
  var indexStem = null; // lunr's stemmer, when the index was built with it (see keywordQuery)
  var model = null;
  var loading = null; // the layer is fetched at the first query, not when the page opens
  var pending = []; // the layer's answer for each query sent on to Material, in order
  var post = self.postMessage.bind(self);

  self.postMessage = function (message) {
    if (message && message.type === RESULT && pending.length) {
      var answered = pending.shift();
      post(answered && model ? { type: RESULT, data: layer.merge(model, answered, message.data) } : message);
    } else {
      post(message);
    }
  };

  function loadLayer() {
    if (!loading) {
      try {
        importScripts(new URL("search-layer.js", here).href);
        layer = self.RunnersHipSearch;
      } catch (error) {
        return (loading = Promise.resolve());
      }
      loading = fetch(new URL("../search/layer.json", here).href)
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) { model = data ? layer.prepare(data) : null; })
        .catch(function () { model = null; });
    }
    return loading;
  }

  addListener("message", function (event) {
    var message = event.data;
    if (message && message.type === SETUP) {
      var pipeline = (message.data && message.data.config && message.data.config.pipeline) || [];
      indexStem = lunr && pipeline.indexOf("stemmer") >= 0 ? function (word) { return lunr.stemmer(new lunr.Token(word)).toString(); } : null;
      material(event);
    } else if (message && message.type === QUERY) {
      loadLayer().then(function () { // queries wait in order for the layer, then go on
        var answered = model && layer ? layer.answer(model, message.data) : null;
        pending.push(answered);
        material({ data: { type: QUERY, data: answered ? layer.keywordQuery(answered, indexStem) : message.data } });
      });
    } else {
      material(event);
    }
  });
})();
