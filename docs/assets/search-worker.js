/* Runner's Hip: the site's search worker. Material's own worker (lunr) does the keyword search;
 * the site's layer (search-layer.js) cleans each query first and puts the conditions, warning
 * signs and pages it describes before the keyword results.
 *
 * Material's page starts this worker (overrides/main.html points its "search" setting here) with
 * ?engine=<Material's worker> and talks to it by Material's messages: SETUP (the index), READY,
 * QUERY (the typed text), RESULT. Nothing heavy happens until a reader types: this file answers
 * SETUP with READY at once and keeps the index; at the first query it loads Material's worker
 * (and lets it build its index), the layer's script and its data (search/layer.json), then every
 * query goes in cleaned and its result comes back merged. A page that is only read loads none of
 * it. If the layer cannot load, search works as plain Material search.
 */
(function () {
  "use strict";
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var here = new URL(self.location.href);
  var engine = new URL(here.searchParams.get("engine") || "", here);
  if (engine.origin !== here.origin) throw new Error("search engine must be the site's own file");

  var addListener = self.addEventListener.bind(self);
  var post = self.postMessage.bind(self);
  var material = null; // Material's message handler, once its worker is loaded
  var setup = null; // Material's SETUP message, kept for its worker
  var started = null; // resolves when Material's worker has built its index
  var layer = null; // search-layer.js
  var model = null; // the layer's data, prepared
  var loading = null;
  var indexStem = null; // lunr's stemmer, when the index was built with it (see keywordQuery)
  var pending = []; // the layer's answer for each query sent on to Material, in order
  var queue = Promise.resolve(); // queries go on one after another, in the order typed
  var engineReady = null;

  self.postMessage = function (message) {
    if (message && message.type === READY && engineReady) {
      var done = engineReady;
      engineReady = null;
      done(); // Material's worker is ready: the page was told so at SETUP
    } else if (message && message.type === RESULT && pending.length) {
      var answered = pending.shift();
      post(answered && model ? { type: RESULT, data: layer.merge(model, answered, message.data) } : message);
    } else {
      post(message);
    }
  };

  function startEngine() {
    if (!started) {
      started = new Promise(function (resolve) {
        engineReady = resolve;
        self.addEventListener = function (type, listener, options) {
          if (type === "message" && !material) material = listener;
          else addListener(type, listener, options);
        };
        importScripts(engine.href);
        self.addEventListener = addListener;
        if (!material) throw new Error("Material's search worker did not register its handler");
        var lunr = self.lunr; // Material's worker exposes its lunr
        var pipeline = (setup.data && setup.data.config && setup.data.config.pipeline) || [];
        if (lunr && pipeline.indexOf("stemmer") >= 0) indexStem = function (word) { return lunr.stemmer(new lunr.Token(word)).toString(); };
        material({ data: setup });
      });
    }
    return started;
  }

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
      setup = message;
      post({ type: READY });
    } else if (message && message.type === QUERY) {
      var text = message.data || "";
      if (!/\S/.test(text)) { // Material sends an empty query as the page opens: nothing to load
        queue = queue.then(function () {
          if (!material) return post({ type: RESULT, data: { items: [] } });
          pending.push(null); // after a search, in turn behind the results still on their way
          material({ data: { type: QUERY, data: text } });
        });
        return;
      }
      queue = queue.then(startEngine).then(loadLayer).then(function () {
        var answered = model && layer ? layer.answer(model, text) : null;
        pending.push(answered);
        material({ data: { type: QUERY, data: answered ? layer.keywordQuery(answered, indexStem) : text } });
      }).catch(function (error) { console.warn("search:", error); });
    } else if (material) {
      material(event);
    }
  });
})();
