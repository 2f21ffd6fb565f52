// Canvass search: runs offline over the index built with the site (SearchIndex+Files.swift):
// search/index.js lists the files; a search loads the term files of its words and the document
// files of the results it shows, each a script (browsers refuse fetch from file://).
// Tokenises like SearchIndex.swift: English words lower-cased and stemmed, Chinese as bigrams.
(function () {
  "use strict";
  var index = window.CANVASS_SEARCH;
  var form = document.querySelector("form[data-search]");
  if (!index || !form) return;
  var input = document.getElementById("search-query");
  var type = document.getElementById("search-type");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var han = /[\u3400-\u9fff\uf900-\ufaff]/;

  function stem(w) {
    if (w.length <= 3) return w;
    if (/ies$/.test(w)) return w.slice(0, -3) + "y";
    if (/ing$/.test(w) && w.length > 5) return w.slice(0, -3);
    if (/ed$/.test(w) && w.length > 4) return w.slice(0, -2);
    if (/es$/.test(w) && w.length > 4) return w.slice(0, -2);
    if (/s$/.test(w) && !/ss$/.test(w)) return w.slice(0, -1);
    return w;
  }
  function terms(text) {
    var out = [], word = "", run = [];
    function flushWord() { if (word) out.push(stem(word.toLowerCase())); word = ""; }
    function flushHan() {
      if (run.length === 1) out.push(run[0]);
      for (var i = 0; i + 1 < run.length; i++) out.push(run[i] + run[i + 1]);
      run = [];
    }
    Array.from(text).forEach(function (c) {
      if (han.test(c)) { flushWord(); run.push(c); }
      else if (/[\p{L}\p{N}]/u.test(c)) { flushHan(); word += c; }
      else { flushWord(); flushHan(); }
    });
    flushWord(); flushHan();
    return out;
  }
  var root = document.querySelector("link[rel=stylesheet]").getAttribute("href").replace(/assets\/style\.css$/, "");
  var own = function (object, key) { return Object.prototype.hasOwnProperty.call(object, key); };

  // Each file once: a script element, and a promise of what it hands CANVASS_SEARCH_SHARD.
  var loaded = {}, pending = {};
  window.CANVASS_SEARCH_SHARD = function (name, data) {
    loaded[name] = data;
    if (pending[name]) pending[name].resolve(data);
  };
  function load(name) {
    if (!pending[name]) {
      var settle = {};
      pending[name] = settle;
      settle.promise = new Promise(function (resolve, reject) {
        settle.resolve = resolve;
        var script = document.createElement("script");
        script.src = root + "search/" + name + ".js";
        script.onerror = function () { reject(new Error("could not load search/" + name + ".js")); };
        document.head.appendChild(script);
      });
    }
    return loaded[name] !== undefined ? Promise.resolve(loaded[name]) : pending[name].promise;
  }

  // The key of the terms a term is with, as SearchIndex.shardKey names it; index.shards gives
  // each key's term file.
  function word(c) { return (c >= 97 && c <= 122) || (c >= 48 && c <= 57); }
  function shardKey(term) {
    var a = term.charCodeAt(0), b = term.charCodeAt(1);
    if (!word(a)) return "_" + (a % 64).toString(36);
    return word(b) && own(index.shards, term[0] + term[1]) ? term[0] + term[1] : term[0];
  }

  // The documents listed for a term, ascending. The files list them as gaps: the first number,
  // then each one's distance from the one before. Only a file's own keys are terms:
  // "constructor" is a word someone may search for, and every object has one.
  function decode(table, term) {
    var ids = [];
    if (!table || !own(table, term)) return ids;
    var gaps = table[term], id = 0;
    for (var i = 0; i < gaps.length; i++) { id += gaps[i]; ids.push(id); }
    return ids;
  }
  function termFile(term) {
    var key = shardKey(term);
    return own(index.shards, key) ? load("terms/" + index.shards[key]) : Promise.resolve({terms: {}, titles: {}});
  }

  // "1 result", "24,894 results": the singular when the theme has one, digits grouped as the
  // site's other counts are.
  function countText(n) {
    var text = (n === 1 && status.getAttribute("data-count-one")) || status.getAttribute("data-count");
    var digits = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, status.getAttribute("data-group") || "");
    return text.replace("{count}", digits);
  }

  // Searches run one after another as the query is typed; only the latest one shows.
  var latest = 0;
  function run() {
    var query = input.value, kind = type.value, ticket = ++latest;
    var wanted = Array.from(new Set(terms(query)));
    if (!wanted.length) { show(query, [], null); return; }
    Promise.all(wanted.map(termFile)).then(function (files) {
      if (ticket !== latest) return;
      var hits = null, titled = {};
      wanted.forEach(function (term, i) {
        var holding = new Set(decode(files[i].terms, term));
        hits = hits === null ? holding : new Set(Array.from(hits).filter(function (id) { return holding.has(id); }));
        titled[term] = new Set(decode(files[i].titles, term));
      });
      var chosen = Array.from(hits || []).filter(function (id) { return !kind || index.types[parseInt(index.docTypes[id], 36)] === kind; });
      // Documents whose title holds more of the words come first, then in the index's order.
      function titleScore(id) { return wanted.filter(function (t) { return titled[t].has(id); }).length; }
      var score = {};
      chosen.forEach(function (id) { score[id] = titleScore(id); });
      chosen.sort(function (a, b) { return (score[b] - score[a]) || (a - b); });
      var shown = chosen.slice(0, 100);
      var needed = Array.from(new Set(shown.map(function (id) { return Math.floor(id / index.docShard); })));
      return Promise.all(needed.map(function (n) { return load("docs/" + n); })).then(function () {
        if (ticket === latest) show(query, shown, chosen.length);
      });
    }).catch(function (error) {
      if (ticket === latest) { status.textContent = status.getAttribute("data-none"); }
      throw error;
    });
  }

  // The results shown for query: `count` of them in all (null: there is no query).
  function show(query, shown, count) {
    list.innerHTML = "";
    if (count === null) status.textContent = status.getAttribute("data-empty");
    else status.textContent = count ? countText(count) : status.getAttribute("data-none");
    shown.forEach(function (id) {
      var doc = loaded["docs/" + Math.floor(id / index.docShard)][id % index.docShard];
      var item = document.createElement("li");
      var kind = document.createElement("span");
      kind.className = "tag";
      kind.textContent = list.getAttribute("data-type-" + doc[0]) || doc[0];
      item.appendChild(kind);
      item.appendChild(document.createTextNode(" "));
      var title = document.createElement(doc[3] ? "a" : "strong");
      if (doc[3]) title.href = root + doc[3];
      title.textContent = doc[1];
      item.appendChild(title);
      var text = document.createElement("p");
      text.textContent = doc[2];
      item.appendChild(text);
      list.appendChild(item);
    });
    form.setAttribute("data-shown", query);
  }
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) input.value = params.get("q");
  if (params.get("type")) type.value = params.get("type");
  input.addEventListener("input", run);
  type.addEventListener("change", run);
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  run();
})();
