(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("framing-explorer").textContent);
  var C = {};
  data.columns.forEach(function (name, i) { C[name] = i; });
  var form = document.getElementById("explorer-form");
  var input = document.getElementById("q");
  var voiceBox = document.getElementById("voice");
  var status = document.getElementById("explorer-status");
  var results = document.getElementById("results");
  var more = document.getElementById("more");
  var WIDTH = 60;
  var JOIN = "[\\s\\-\\u2010\\u2011\\u2013\\u2014'\\u2018\\u2019\"\\u201c\\u201d]+";
  var found = [];
  var shown = 0;
  document.documentElement.classList.add("js");
  status.textContent = "Type a word or phrase and press Enter.";

  // The same rules as framing.compare.kwic.phrase_pattern.
  function pattern(query) {
    var words = query.toLowerCase().match(/[\p{L}\p{M}\p{N}]+(?:['\u2019][\p{L}\p{M}\p{N}]+)*\*?/gu);
    if (!words) { return null; }
    var parts = words.map(function (w) {
      var star = w.charAt(w.length - 1) === "*";
      var body = w.replace(/\*$/, "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/['\u2019]/g, "['\u2019]");
      return body + (star ? "[\\p{L}\\p{M}\\p{N}]*" : "");
    });
    return new RegExp("(?<![\\p{L}\\p{M}\\p{N}])" + parts.join(JOIN) + "(?![\\p{L}\\p{M}\\p{N}])", "giu");
  }

  function voiceAt(segs, start) {
    for (var i = 0; i < segs.length; i += 3) {
      if (segs[i] <= start && start < segs[i + 1]) { return String(segs[i + 2]); }
      if (segs[i] > start) { break; }
    }
    return "0";
  }

  function squash(s) { return s.replace(/\s+/g, " ").trim(); }

  function search(query, voice) {
    var re = pattern(query);
    var out = [];
    if (!re) { return out; }
    data.articles.forEach(function (a) {
      ["title", "body"].forEach(function (field) {
        var text = a[C[field]] || "";
        var segs = a[C[field + "_voices"]];
        re.lastIndex = 0;
        var m;
        while ((m = re.exec(text)) !== null) {
          var s = m.index, e = s + m[0].length;
          var v = voiceAt(segs, s);
          if (!voice || data.voice_ids[v] === voice) {
            var left = squash(text.slice(Math.max(0, s - 2 * WIDTH), s));
            out.push({a: a, field: field, left: left.slice(Math.max(0, left.length - WIDTH)),
                      match: m[0], right: squash(text.slice(e, e + 2 * WIDTH)).slice(0, WIDTH), voice: v});
          }
          if (m[0].length === 0) { re.lastIndex++; }
        }
      });
    });
    return out;
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  var lastOutlet = null;
  var lastTable = null;
  var counts = {};

  function render(upto) {
    for (; shown < upto && shown < found.length; shown++) {
      var f = found[shown];
      var outlet = f.a[C.outlet];
      if (outlet !== lastOutlet) {
        var sec = el("section", "kwic-outlet");
        sec.setAttribute("data-outlet", outlet);
        var h = el("h2", "", outlet);
        if (f.a[C.group]) { h.appendChild(el("span", "group", " (" + f.a[C.group] + ")")); }
        h.appendChild(el("span", "count", " · " + counts[outlet] + " occurrence" + (counts[outlet] === 1 ? "" : "s")));
        sec.appendChild(h);
        lastTable = el("table", "kwic");
        sec.appendChild(lastTable);
        results.appendChild(sec);
        lastOutlet = outlet;
      }
      var tr = el("tr");
      tr.setAttribute("data-voice", data.voice_ids[f.voice]);
      var left = el("td", "left");
      left.appendChild(el("span", "", (f.left ? "… " : "") + f.left));
      tr.appendChild(left);
      var kw = el("td", "kw");
      kw.appendChild(el("mark", "", f.match));
      tr.appendChild(kw);
      tr.appendChild(el("td", "right", f.right + (f.right ? " …" : "")));
      tr.appendChild(el("td", "voice", data.voices[f.voice]));
      var where = el("td", "where");
      var ev = f.a[C.event];
      var label = (f.a[C.date] || "undated") + (f.field === "title" ? " · headline" : "");
      if (ev && data.events[ev]) {
        var link = el("a", "", label);
        link.href = data.events[ev] + "#article-" + f.a[C.id];
        where.appendChild(link);
      } else {
        where.textContent = label;
      }
      tr.appendChild(where);
      lastTable.appendChild(tr);
    }
    more.hidden = shown >= found.length;
  }

  function run() {
    var query = input.value;
    results.textContent = "";
    lastOutlet = null;
    shown = 0;
    found = search(query, voiceBox.value);
    counts = {};
    found.forEach(function (f) { var o = f.a[C.outlet]; counts[o] = (counts[o] || 0) + 1; });
    var n = Object.keys(counts).length;
    if (!pattern(query)) {
      status.textContent = "Type a word or phrase and press Enter.";
    } else if (!found.length) {
      status.textContent = "No occurrence of \u201c" + query + "\u201d" + (data.pages.length > 1 ? " on this page." : ".");
    } else {
      status.textContent = found.length + " occurrence" + (found.length === 1 ? "" : "s") + " of \u201c" +
        query + "\u201d in " + n + " outlet" + (n === 1 ? "" : "s") +
        (found.length > data.show ? " (the first " + data.show + " shown; Show more adds more)" : "") + ".";
    }
    render(data.show);
    var links = document.querySelectorAll("a.explorer-page");
    Array.prototype.forEach.call(links, function (a) {
      a.href = a.getAttribute("href").split("#")[0] + "#q=" + encodeURIComponent(query);
    });
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  voiceBox.addEventListener("change", run);
  more.addEventListener("click", function () { render(shown + data.show); });
  var hash = /[#&]q=([^&]*)/.exec(window.location.hash);
  if (hash) {
    input.value = decodeURIComponent(hash[1]);
    run();
  }
})();
