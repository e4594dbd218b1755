/* The กรอกแบบรายงาน page without a connection.
 *
 * Registers the form's service worker (form/sw.js, written by the build, scope form/
 * only: the rest of the site is untouched) and tells it which registry data this
 * page fetched, so the form opens again offline for the same pilot. While offline,
 * the GitHub button says that it needs a connection; downloading the file and
 * printing work as usual.
 */
(function () {
  "use strict";
  const OFFLINE =
    "ขณะนี้ไม่ได้เชื่อมต่ออินเทอร์เน็ต ปุ่มส่งผ่าน GitHub ต้องใช้อินเทอร์เน็ต กรอกและตรวจแบบรายงานต่อได้ ดาวน์โหลดไฟล์ (.yaml) หรือพิมพ์เก็บไว้ แล้วส่งเมื่อกลับมาเชื่อมต่อ";

  function note() {
    let el = document.getElementById("kf-offline");
    if (!el) {
      const actions = document.getElementById("kf-actions");
      if (!actions) return null;
      el = document.createElement("p");
      el.id = "kf-offline";
      el.className = "kpi-f-offline kpi-f-screen";
      el.setAttribute("role", "status");
      const buttons = actions.querySelector(".kpi-f-buttons");
      actions.insertBefore(el, buttons || actions.firstChild);
    }
    return el;
  }
  let retry = null;
  function show(off) {
    const git = document.getElementById("kf-git");
    const el = note();
    if (el) el.textContent = off ? OFFLINE : "";
    if (git) {
      git.disabled = off;
      if (off) git.setAttribute("title", "ต้องเชื่อมต่ออินเทอร์เน็ต");
      else git.removeAttribute("title");
    }
    // while offline, look again now and then: not every browser says when it is back
    if (off && !retry) retry = setInterval(probe, 10000);
    if (!off && retry) {
      clearInterval(retry);
      retry = null;
    }
  }
  // navigator.onLine can say "online" on a page the worker served with no network,
  // so a tiny request the worker never answers itself decides.
  function probe() {
    if (navigator.onLine === false) {
      show(true);
      return;
    }
    fetch("sw.js?kpi-probe=" + Date.now(), { method: "HEAD", cache: "no-store" }).then(
      () => show(false),
      () => show(true),
    );
  }
  window.addEventListener("online", probe);
  window.addEventListener("offline", () => show(true));
  document.addEventListener("kpi-form-start", probe);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") probe();
  });

  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  function keep(worker) {
    const urls = performance
      .getEntriesByType("resource")
      .map((e) => e.name)
      .filter((u) => u.indexOf("/form-data/") >= 0);
    if (worker && urls.length) worker.postMessage({ type: "keep", urls: urls });
  }
  navigator.serviceWorker
    .register("sw.js", { scope: "./" })
    .then(() => navigator.serviceWorker.ready)
    .then((reg) => {
      keep(reg.active);
      // the pilot's data may arrive after the worker is ready
      document.addEventListener("kpi-form-start", () => keep(reg.active));
    })
    .catch(() => {
      /* no worker (a preview build, or refused): the form works online as before */
    });
})();
