// The index page's script, shipped as the site's own file (no inline script: the CSP forbids it).
// It filters the list by the facets on each item's meta line, keeps the counts in the
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

  var facets = selects.map(function (s) { return s.getAttribute('data-facet'); });
  // Each item's facet values, read once from its meta line (the page carries them once): the
  // first badge is the severity, the second the status, then .repo and each .tag (#name).
  // An item's place in the list is its id in the search index.
  var data = items.map(function (item) {
    var badges = item.querySelectorAll('.meta .badge');
    var repo = item.querySelector('.meta .repo');
    return {
      severity: [badges[0] ? badges[0].textContent : ''],
      status: [badges[1] ? badges[1].textContent : ''],
      repo: [repo ? repo.textContent : ''],
      tag: Array.prototype.map.call(item.querySelectorAll('.meta .tag'), function (t) { return t.textContent.replace(/^#/, ''); }),
    };
  });

  function chosen() {
    var c = {};
    selects.forEach(function (s) { c[s.getAttribute('data-facet')] = s.value; });
    return c;
  }
  // Which facet's choice the item fails: '' none, a facet name when only that one, '*' more.
  function failing(i, c) {
    if (hits && !hits[i]) { return '*'; }
    var failed = '';
    for (var k = 0; k < facets.length; k++) {
      var facet = facets[k];
      if (c[facet] && data[i][facet].indexOf(c[facet]) < 0) {
        if (failed) { return '*'; }
        failed = facet;
      }
    }
    return failed;
  }
  function update() {
    var c = chosen();
    var shown = 0;
    // Each filter counts what choosing its value would show, given the search and the other
    // filters: an item counts for a facet when it fails no other facet. One pass over the items.
    var counts = {};
    facets.forEach(function (facet) { counts[facet] = {}; });
    items.forEach(function (item, i) {
      var failed = failing(i, c);
      item.hidden = failed !== '';
      if (!failed) { shown++; }
      if (failed === '*') { return; }
      facets.forEach(function (facet) {
        if (failed && failed !== facet) { return; }
        data[i][facet].forEach(function (value) { counts[facet][value] = (counts[facet][value] || 0) + 1; });
      });
    });
    selects.forEach(function (s) {
      var facet = s.getAttribute('data-facet');
      Array.prototype.forEach.call(s.options, function (o) {
        if (o.value) { o.textContent = o.value + ' (' + (counts[facet][o.value] || 0) + ')'; }
      });
    });
    counter.textContent = shown + ' of ' + items.length + ' notes';
  }
  function runSearch() {
    var q = input.value.trim();
    if (!q) { hits = null; update(); return; }
    if (!search) { load(); return; }
    hits = {};
    search.search(q, { prefix: true, fuzzy: 0.2, combineWith: 'AND', boost: { title: 2 } }).forEach(function (r) { hits[r.id] = true; });
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
