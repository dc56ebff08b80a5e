// The index page's script, shipped as the site's own file (no inline script: the CSP forbids it).
// It filters the list by the facets in each item's data attributes, keeps the counts in the
// filters following the other filters and the search, and searches with MiniSearch over an index
// built at build time, loaded with a <script> element on first use (file:// allows scripts, not fetch).
export const CLIENT_SCRIPT = `(function () {
  'use strict';
  var list = document.getElementById('notes');
  var input = document.getElementById('search');
  var counter = document.getElementById('count');
  if (!list || !input || !counter) { return; }
  var items = Array.prototype.slice.call(list.querySelectorAll('li.note'));
  var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-facet]'));
  var search = null;
  var loading = false;
  var hits = null;

  function values(item, facet) {
    var raw = item.getAttribute('data-' + facet) || '';
    return facet === 'tag' ? (raw ? raw.split('\\n') : []) : [raw];
  }
  function chosen() {
    var c = {};
    selects.forEach(function (s) { c[s.getAttribute('data-facet')] = s.value; });
    return c;
  }
  function matches(item, c, skip) {
    if (hits && !hits[item.getAttribute('data-key')]) { return false; }
    for (var facet in c) {
      if (facet !== skip && c[facet] && values(item, facet).indexOf(c[facet]) < 0) { return false; }
    }
    return true;
  }
  function update() {
    var c = chosen();
    var shown = 0;
    items.forEach(function (item) {
      var ok = matches(item, c, null);
      item.hidden = !ok;
      if (ok) { shown++; }
    });
    // Each filter counts what choosing its value would show, given the search and the other filters.
    selects.forEach(function (s) {
      var facet = s.getAttribute('data-facet');
      Array.prototype.forEach.call(s.options, function (o) {
        if (!o.value) { return; }
        var n = items.filter(function (item) { return matches(item, c, facet) && values(item, facet).indexOf(o.value) >= 0; }).length;
        o.textContent = o.value + ' (' + n + ')';
      });
    });
    counter.textContent = shown + ' of ' + items.length + ' notes';
  }
  function runSearch() {
    var q = input.value.trim();
    if (!q) { hits = null; update(); return; }
    if (!search) { load(); return; }
    hits = {};
    search.search(q, { prefix: true, fuzzy: 0.2, combineWith: 'AND' }).forEach(function (r) { hits[r.id] = true; });
    update();
  }
  function load() {
    if (loading) { return; }
    loading = true;
    counter.textContent = 'Loading the search index…';
    var s = document.createElement('script');
    s.src = list.getAttribute('data-search') || 'search-index.js';
    s.onload = function () {
      var data = window.CANDOR_SEARCH;
      search = window.MiniSearch.loadJS(data.index, { fields: data.fields, storeFields: [] });
      runSearch();
    };
    s.onerror = function () { counter.textContent = 'The search index could not be loaded.'; };
    document.body.appendChild(s);
  }
  input.addEventListener('focus', load);
  input.addEventListener('input', runSearch);
  selects.forEach(function (s) { s.addEventListener('change', update); });
  document.querySelector('form.filters').addEventListener('submit', function (e) { e.preventDefault(); });
  update();
})();
`;
