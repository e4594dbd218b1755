/* The กรอกแบบรายงาน page keeps what was typed, in this browser only.
 *
 * A half-filled form is lost when a phone switches apps, the page is reloaded or a
 * slow district link drops. As the officer answers, the state of every control is
 * kept in localStorage under the pilot, the round and the form's version; the next
 * time the same pilot and round is opened the answers come back, with a notice that
 * says when they were saved and a button to start again. Nothing is sent anywhere.
 *
 * The form's version is a fingerprint of its controls (ids, kinds, choices), so a
 * form whose items changed never receives answers kept for another one: those, and
 * anything that cannot be read back, are set aside (kept under another key, never
 * applied) with a notice, and the form carries on as if nothing was kept.
 *
 * form.js announces when the form is ready for a pilot and round ("kpi-form-start");
 * everything else is here, reading and writing the controls themselves.
 */
(function () {
  "use strict";
  const form = document.getElementById("kpi-form");
  if (!form) return;
  const PREFIX = "kpi32-form:";
  const ASIDE = "kpi32-form-aside:";
  let store = null;
  try {
    store = window.localStorage;
    store.getItem(PREFIX);
  } catch (_e) {
    store = null;
  }
  if (!store) return; // private mode or storage switched off: the form works as before

  let key = null; // this pilot, round and version
  let timer = null;

  function controls() {
    return Array.from(form.querySelectorAll("input, select, textarea")).filter(
      (el) => el.id && !el.disabled,
    );
  }
  function fingerprint() {
    const parts = controls().map((el) => {
      let p = el.id + ":" + (el.type || el.tagName);
      if (el.type === "radio" || el.type === "checkbox") p += "=" + el.value;
      if (el.tagName === "SELECT")
        p +=
          "=" +
          Array.from(el.options)
            .map((o) => o.value)
            .join(",");
      return p;
    });
    let h = 0x811c9dc5; // FNV-1a: short, stable, no dependency
    const s = parts.join("|");
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(36);
  }

  function read() {
    const fields = {};
    controls().forEach((el) => {
      if (el.type === "radio" || el.type === "checkbox") {
        if (el.checked) fields[el.id] = true;
      } else if (el.value !== "") fields[el.id] = el.value;
    });
    return fields;
  }
  function valid(entry) {
    if (
      !entry ||
      typeof entry !== "object" ||
      typeof entry.saved !== "number" ||
      !entry.fields ||
      typeof entry.fields !== "object"
    )
      return false;
    return Object.keys(entry.fields).every((id) => {
      const el = document.getElementById(id),
        v = entry.fields[id];
      if (!el || !form.contains(el) || el.disabled) return false;
      if (el.type === "radio" || el.type === "checkbox") return v === true;
      if (typeof v !== "string" || v.length > 10000) return false;
      return el.tagName !== "SELECT" || Array.from(el.options).some((o) => o.value === v);
    });
  }
  function apply(fields) {
    controls().forEach((el) => {
      if (el.type === "radio" || el.type === "checkbox") el.checked = fields[el.id] === true;
      else el.value = fields[el.id] || "";
    });
    form.dispatchEvent(new Event("input", { bubbles: true })); // form.js checks again
  }

  function save() {
    timer = null;
    if (!key) return;
    try {
      store.setItem(key, JSON.stringify({ saved: Date.now(), fields: read() }));
    } catch (_e) {
      /* full or refused: keep going */
    }
  }
  function later() {
    if (key && !timer) timer = setTimeout(save, 400);
  }

  function when(ms) {
    const d = new Date(ms);
    try {
      return (
        d.toLocaleString("th-TH-u-ca-buddhist", {
          day: "numeric",
          month: "long",
          year: "numeric",
          hour: "2-digit",
          minute: "2-digit",
        }) + " น."
      );
    } catch (_e) {
      return d.toISOString();
    }
  }

  function notice(kind, text, withButton) {
    let box = document.getElementById("kf-store");
    if (!box) {
      box = document.createElement("div");
      box.id = "kf-store";
      box.className = "kpi-f-store kpi-f-screen";
      box.setAttribute("role", "status");
      form.insertBefore(box, form.firstChild);
    }
    box.dataset.kind = kind;
    box.textContent = "";
    const p = document.createElement("p");
    p.textContent = text;
    box.appendChild(p);
    if (withButton) {
      const b = document.createElement("button");
      b.type = "button";
      b.id = "kf-store-reset";
      b.className = "md-button";
      b.textContent = "เริ่มกรอกใหม่ (ลบคำตอบที่บันทึกไว้)";
      b.addEventListener("click", () => {
        if (timer) {
          clearTimeout(timer);
          timer = null;
        }
        try {
          store.removeItem(key);
        } catch (_e) {
          /* nothing to remove */
        }
        key = null; // nothing is kept again until the officer types
        location.reload();
      });
      box.appendChild(b);
    }
  }

  function setAside(k, why) {
    try {
      const raw = store.getItem(k);
      store.setItem(
        ASIDE + k.slice(PREFIX.length),
        JSON.stringify({ why: why, at: Date.now(), raw: raw }),
      );
      store.removeItem(k);
    } catch (_e) {
      try {
        store.removeItem(k);
      } catch (_e2) {
        /* storage unusable: nothing to keep */
      }
    }
  }

  function start(pilot, round) {
    const version = fingerprint();
    const here = PREFIX + pilot + ":" + round + ":";
    key = here + version;
    const others = [];
    for (let i = 0; i < store.length; i++) {
      const k = store.key(i);
      if (k && k.indexOf(here) === 0 && k !== key) others.push(k);
    }
    others.forEach((k) => setAside(k, "version"));
    let raw = null;
    try {
      raw = store.getItem(key);
    } catch (_e) {
      raw = null;
    }
    let entry = null;
    if (raw != null) {
      try {
        entry = JSON.parse(raw);
      } catch (_e) {
        entry = null;
      }
      if (!valid(entry)) {
        setAside(key, "damaged");
        notice(
          "damaged",
          "คำตอบที่บันทึกไว้ในเบราว์เซอร์นี้อ่านไม่ได้ (ข้อมูลเสียหาย) จึงไม่ได้นำมากรอก แบบรายงานด้านล่างเริ่มจากข้อมูลในระบบ",
          false,
        );
        return;
      }
      apply(entry.fields);
      notice(
        "restored",
        "คืนคำตอบที่กรอกค้างไว้ ซึ่งบันทึกไว้ในเบราว์เซอร์นี้เมื่อ " +
          when(entry.saved) +
          " (บันทึกในเครื่องนี้เท่านั้น ไม่ได้ส่งไปที่ใด) ตรวจคำตอบแล้วกรอกต่อได้เลย",
        true,
      );
      return;
    }
    if (others.length)
      notice(
        "version",
        "พบคำตอบที่บันทึกไว้จากแบบรายงานรุ่นก่อน ซึ่งข้อไม่ตรงกับแบบรายงานปัจจุบัน จึงไม่ได้นำมากรอก ให้กรอกใหม่ตามแบบรายงานด้านล่าง",
        false,
      );
  }

  document.addEventListener("kpi-form-start", (e) => {
    const d = e.detail || {};
    if (/^\d{4}$/.test(String(d.pilot)) && Number.isInteger(d.round))
      start(String(d.pilot), d.round);
  });
  // Only what the officer does is kept, not the form's own prefill.
  const typed = (e) => {
    if (e.isTrusted) later();
  };
  form.addEventListener("input", typed);
  form.addEventListener("change", typed);
  // A phone switching apps may never come back to this page: keep it now.
  window.addEventListener("pagehide", () => {
    if (timer) {
      clearTimeout(timer);
      save();
    }
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden" && timer) {
      clearTimeout(timer);
      save();
    }
  });
})();
