(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("framing-index").textContent);
  var C = {};
  data.columns.forEach(function (name, i) { C[name] = i; });
  var rows = data.rows;
  var outlets = data.outlets;
  var SHOWN_OUTLETS = data.shown_outlets;
  var search = document.getElementById("search");
  var outletBox = document.getElementById("outlet");
  var compared = document.getElementById("compared");
  var status = document.getElementById("index-status");
  var more = document.getElementById("more");
  var tbody = document.querySelector("#events tbody");
  var heads = Array.prototype.slice.call(document.querySelectorAll("#events th[data-key]"));
  var sortKey = "articles";
  var sortDir = -1;
  var shown = data.page;
  document.documentElement.classList.add("js");

  // What a search matches: the label, id, dates, outlets and top terms, lower-cased once.
  var hay = rows.map(function (r) {
    return [r[C.id], r[C.label], r[C.first], r[C.last], r[C.terms]]
      .concat(r[C.outlets].map(function (o) { return outlets[o]; }))
      .join(" \u0001 ").toLowerCase();
  });

  function value(r, key) {
    if (key === "outlets") { return r[C.outlets].length; }
    if (key === "density") { return r[C.density_hi] === null ? -1 : r[C.density_hi]; }
    return r[C[key]];
  }

  function compare(a, b) {
    var x = value(rows[a], sortKey);
    var y = value(rows[b], sortKey);
    if (x !== y) {
      if (typeof x === "string") { return sortDir * x.localeCompare(y); }
      return sortDir * (x < y ? -1 : 1);
    }
    if (sortKey !== "articles" && rows[a][C.articles] !== rows[b][C.articles]) {
      return rows[b][C.articles] - rows[a][C.articles];
    }
    return a - b;
  }

  function matching() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var outlet = outletBox.value === "" ? null : Number(outletBox.value);
    var out = [];
    for (var i = 0; i < rows.length; i += 1) {
      var r = rows[i];
      if (compared.checked && r[C.outlets].length < 2) { continue; }
      if (outlet !== null && r[C.outlets].indexOf(outlet) < 0) { continue; }
      var ok = true;
      for (var w = 0; w < words.length; w += 1) {
        if (hay[i].indexOf(words[w]) < 0) { ok = false; break; }
      }
      if (ok) { out.push(i); }
    }
    return out.sort(compare);
  }

  function fmt(n) { return n.toLocaleString("en-US"); }

  function rate(x) {
    return x.toLocaleString("en-US", {minimumFractionDigits: 1, maximumFractionDigits: 1});
  }

  function cell(tr, text, cls) {
    var td = document.createElement("td");
    td.textContent = text;
    if (cls) { td.className = cls; }
    tr.appendChild(td);
    return td;
  }

  function row(r) {
    var tr = document.createElement("tr");
    var td = document.createElement("td");
    var a = document.createElement("a");
    a.href = r[C.href];
    a.textContent = r[C.label];
    var id = document.createElement("span");
    id.className = "id";
    id.textContent = r[C.id];
    td.appendChild(a);
    td.appendChild(document.createTextNode(" "));
    td.appendChild(id);
    tr.appendChild(td);
    var first = r[C.first];
    var last = r[C.last];
    cell(tr, first && last && first !== last ? first + " to " + last : (first || last || "undated"));
    cell(tr, fmt(r[C.articles]), "num");
    var names = r[C.outlets].map(function (o) { return outlets[o]; });
    // a wire story carried by a hundred outlets: the first names, then how many more
    var shown = names.length > SHOWN_OUTLETS ? names.slice(0, SHOWN_OUTLETS).join(", ") + " and " +
      fmt(names.length - SHOWN_OUTLETS) + " more" : names.join(", ");
    cell(tr, names.length + ": " + shown, "outlets-cell");
    var lo = r[C.density_lo];
    var hi = r[C.density_hi];
    cell(tr, lo === null ? "\u2013" : (lo === hi ? rate(lo) : rate(lo) + "\u2013" + rate(hi)), "num");
    cell(tr, r[C.terms]);
    return tr;
  }

  function update() {
    var found = matching();
    var frag = document.createDocumentFragment();
    var n = Math.min(shown, found.length);
    for (var k = 0; k < n; k += 1) { frag.appendChild(row(rows[found[k]])); }
    tbody.replaceChildren(frag);
    heads.forEach(function (th) {
      if (th.getAttribute("data-key") === sortKey) {
        th.setAttribute("aria-sort", sortDir < 0 ? "descending" : "ascending");
      } else {
        th.removeAttribute("aria-sort");
      }
    });
    status.textContent = "Showing " + fmt(n) + " of " + fmt(found.length) + " matching event" +
      (found.length === 1 ? "" : "s") + " (" + fmt(rows.length) + " in all).";
    more.hidden = n >= found.length;
  }

  heads.forEach(function (th) {
    var button = document.createElement("button");
    button.type = "button";
    while (th.firstChild) { button.appendChild(th.firstChild); }
    th.appendChild(button);
    button.addEventListener("click", function () {
      var key = th.getAttribute("data-key");
      if (key === sortKey) {
        sortDir = -sortDir;
      } else {
        sortKey = key;
        sortDir = (key === "label" || key === "first" || key === "terms") ? 1 : -1;
      }
      update();
    });
  });

  function reset() { shown = data.page; update(); }
  search.addEventListener("input", reset);
  outletBox.addEventListener("change", reset);
  compared.addEventListener("change", reset);
  document.getElementById("index-controls").addEventListener("submit", function (e) { e.preventDefault(); });
  more.addEventListener("click", function () { shown += data.page; update(); });
  update();
}());
