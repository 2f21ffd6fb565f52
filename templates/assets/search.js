// Canvass search: runs offline over window.CANVASS_SEARCH (search/index.js, built with the site).
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

  // The documents holding a term, ascending. The index lists each term's as gaps: the first
  // number, then each one's distance from the one before. Only the index's own keys are terms:
  // "constructor" is a word someone may search for, and every object has one.
  function postings(term) {
    var ids = [];
    if (!Object.prototype.hasOwnProperty.call(index.terms, term)) return ids;
    var gaps = index.terms[term], id = 0;
    for (var i = 0; i < gaps.length; i++) { id += gaps[i]; ids.push(id); }
    return ids;
  }

  // "1 result", "24,894 results": the singular when the theme has one, digits grouped as the
  // site's other counts are.
  function countText(n) {
    var text = (n === 1 && status.getAttribute("data-count-one")) || status.getAttribute("data-count");
    var digits = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, status.getAttribute("data-group") || "");
    return text.replace("{count}", digits);
  }

  function run() {
    var wanted = Array.from(new Set(terms(input.value)));
    list.innerHTML = "";
    if (!wanted.length) { status.textContent = status.getAttribute("data-empty"); return; }
    var hits = null;
    wanted.forEach(function (term) {
      var holding = new Set(postings(term));
      hits = hits === null ? holding : new Set(Array.from(hits).filter(function (id) { return holding.has(id); }));
    });
    var chosen = Array.from(hits || []).filter(function (id) { return !type.value || index.docs[id][0] === type.value; });
    function titleScore(id) {
      var own = new Set(terms(index.docs[id][1]));
      return wanted.filter(function (t) { return own.has(t); }).length;
    }
    chosen.sort(function (a, b) { return (titleScore(b) - titleScore(a)) || (a - b); });
    status.textContent = chosen.length ? countText(chosen.length) : status.getAttribute("data-none");
    chosen.slice(0, 100).forEach(function (id) {
      var doc = index.docs[id];
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
  }
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) input.value = params.get("q");
  if (params.get("type")) type.value = params.get("type");
  input.addEventListener("input", run);
  type.addEventListener("change", run);
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  run();
})();
