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
      js.onload = function () { resolve(window.KpiSearch); };
      js.onerror = function () { searchJs = null; reject(); };
      document.head.appendChild(js);
    });
    return searchJs;
  }
  function setupFilter() {
    var input = document.getElementById("kpi-filter");
    if (!input || !script) return;
    var count = document.getElementById("kpi-filter-count");
    loadSearch(new URL("search.js", script.src).href).then(function (api) {
      api.filter(input, count);
    }, function () {
      count.textContent = "โหลดตัวกรองไม่สำเร็จ";
    });
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
      loadSearch(open.getAttribute("data-script")).then(function (api) {
        api.mount(ui, open.getAttribute("data-index")).focus();
      }, function () {
        ui.textContent = "โหลดระบบค้นหาไม่สำเร็จ ลองใช้หน้ารายชื่อพื้นที่ต้นแบบแทน";
      });
    });
    panel.querySelector(".kpi-search-close").addEventListener("click", close);
    panel.addEventListener("click", function (ev) { if (ev.target === panel) close(); });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && !panel.hidden) close();
    });
  }

  function init() { setupFilter(); setupSearch(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
