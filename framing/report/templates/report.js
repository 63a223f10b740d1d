(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("framing-data").textContent);
  var form = document.getElementById("filters");
  var status = document.getElementById("filter-status");
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.hit"));
  document.documentElement.classList.add("js");

  function update() {
    var off = {};
    form.querySelectorAll("input[data-filter]").forEach(function (box) {
      if (!box.checked) { off[box.getAttribute("data-filter") + ":" + box.value] = true; }
    });
    var shown = 0;
    marks.forEach(function (m) {
      var hidden = off["category:" + m.getAttribute("data-category")] ||
                   off["voice:" + m.getAttribute("data-voice")];
      m.classList.toggle("off", Boolean(hidden));
      m.tabIndex = hidden ? -1 : 0;
      if (!hidden) { shown += 1; }
    });
    var events = data.events.length;
    status.textContent = "Highlighting " + shown + " of " + marks.length +
      " loaded terms in " + events + (events === 1 ? " event." : " events.");
  }

  form.addEventListener("change", update);
  form.addEventListener("submit", function (e) { e.preventDefault(); });

  // WCAG 1.4.13: a tooltip can be dismissed with Escape without moving focus.
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") {
      marks.forEach(function (m) { m.classList.add("dismissed"); });
    }
  });
  marks.forEach(function (m) {
    m.addEventListener("focus", function () { m.classList.remove("dismissed"); });
    m.addEventListener("mouseenter", function () { m.classList.remove("dismissed"); });
  });
  update();
}());
