/* Page behaviour: opens the name search and the pilot-list filter (search.js). No dependencies; pages work without it. */
(function () {
  "use strict";

  /* ---- name search and the pilot-list filter: assets/kpi/search.js, loaded on first use ---- */
  var script = document.currentScript;
  var searchJs = null;
  function loadSearch(src) {
    if (searchJs) return searchJs;
    searchJs = new Promise(function (resolve, reject) {
      var js = document.createElement("script");
      js.src = src;
      js.onload = function () {
        resolve(window.KpiSearch);
      };
      js.onerror = function () {
        searchJs = null;
        reject();
      };
      document.head.appendChild(js);
    });
    return searchJs;
  }
  /* ---- pilot list: folded provinces' rows come from rows.html when first needed,
     so the list page itself stays light on a phone ---- */
  var rows = null;
  function loadRows() {
    if (rows) return rows;
    if (!document.querySelector(".kpi-lazy")) return (rows = Promise.resolve());
    rows = fetch("rows.html")
      .then(function (res) {
        if (!res.ok) throw new Error(res.status);
        return res.text();
      })
      .then(function (text) {
        var doc = new DOMParser().parseFromString(text, "text/html");
        Array.prototype.forEach.call(doc.querySelectorAll("template[data-rows]"), function (t) {
          var slot = document.querySelector(
            '.kpi-lazy[data-rows="' + t.getAttribute("data-rows") + '"]',
          );
          if (slot) slot.replaceWith(document.importNode(t.content, true));
        });
      });
    rows.catch(function () {
      rows = null;
    });
    return rows;
  }
  function setupRows() {
    Array.prototype.forEach.call(document.querySelectorAll(".kpi-prov"), function (d) {
      d.addEventListener("toggle", function () {
        if (d.open) loadRows();
      });
    });
  }
  function setupFilter() {
    var input = document.getElementById("kpi-filter");
    if (!input || !script) return;
    var count = document.getElementById("kpi-filter-count");
    var ready = null;
    function prepare() {
      if (ready) return;
      ready = Promise.all([loadSearch(new URL("search.js", script.src).href), loadRows()]);
      ready.then(
        function (done) {
          done[0].filter(input, count);
        },
        function () {
          ready = null;
          count.textContent = "โหลดตัวกรองไม่สำเร็จ";
        },
      );
    }
    input.addEventListener("focus", prepare);
    input.addEventListener("input", prepare);
    if (input.value) prepare();
  }
  function setupSearch() {
    var open = document.querySelector(".kpi-search-open");
    var panel = document.getElementById("kpi-search");
    if (!open || !panel) return;
    var ui = document.getElementById("kpi-search-ui");
    function close() {
      panel.hidden = true;
      document.body.classList.remove("kpi-searching");
      open.focus();
    }
    open.addEventListener("click", function (ev) {
      ev.preventDefault();
      panel.hidden = false;
      document.body.classList.add("kpi-searching");
      loadSearch(open.getAttribute("data-script")).then(
        function (api) {
          api.mount(ui, open.getAttribute("data-index")).focus();
        },
        function () {
          ui.textContent = "โหลดระบบค้นหาไม่สำเร็จ ลองใช้หน้ารายชื่อพื้นที่ต้นแบบแทน";
        },
      );
    });
    panel.querySelector(".kpi-search-close").addEventListener("click", close);
    panel.addEventListener("click", function (ev) {
      if (ev.target === panel) close();
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && !panel.hidden) close();
    });
  }

  /* ---- the header's menu: Material's label for its drawer checkbox cannot take focus,
     so a real button takes its place (Tab, Enter, Space; aria-expanded). Opened from the
     keyboard, focus moves into the drawer; Escape closes it and focus returns ---- */
  function setupMenu() {
    var label = document.querySelector("label.kpi-menu");
    var toggle = document.getElementById("__drawer");
    if (!label || !toggle) return;
    var drawer = document.querySelector(".md-sidebar--primary");
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className;
    button.innerHTML = label.innerHTML;
    button.setAttribute("aria-expanded", "false");
    if (drawer) {
      drawer.id = drawer.id || "kpi-drawer";
      button.setAttribute("aria-controls", drawer.id);
    }
    label.replaceWith(button);
    var byKey = false;
    function set(open) {
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change"));
    }
    toggle.addEventListener("change", function () {
      button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
      var first = drawer && drawer.querySelector(".md-nav__link[href]");
      /* once the drawer is visible again (kpi.css), focus can land in it */
      if (toggle.checked && byKey && first)
        setTimeout(function () {
          first.focus();
        }, 30);
      byKey = false;
    });
    button.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") byKey = true;
    });
    button.addEventListener("click", function () {
      set(!toggle.checked);
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key !== "Escape" || !toggle.checked) return;
      set(false);
      button.focus();
    });
  }

  function init() {
    setupRows();
    setupFilter();
    setupSearch();
    setupMenu();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
