/* The validator's declared rules, run on the web form's answers.
 *
 * The build embeds site_builder/report/rule_table.py's rows as data (#kpi-form-data, "rules");
 * this file only knows the table's few operators, never a rule, a code or a threshold:
 * each row says what skips it, when it fires and the values its words need. form.js
 * calls run() in its check(); tests/node/rule_table.test.js runs it under Node against
 * the Python validator on thousands of generated answer sets.
 * Works in a page (window.KpiRules) and in Node (module.exports).
 */
(function (root) {
  "use strict";

  /* A พ.ศ. ISO date as a comparable number (yyyymmdd), or null when it is no date. */
  function beDate(s, beOffset) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || "");
    if (!m) return null;
    const y = +m[1],
      mo = +m[2],
      d = +m[3];
    const ce = y - beOffset;
    const dt = new Date(Date.UTC(ce, mo - 1, d));
    if (
      ce < 1 ||
      dt.getUTCFullYear() !== ce ||
      dt.getUTCMonth() !== mo - 1 ||
      dt.getUTCDate() !== d
    )
      return null;
    return y * 10000 + mo * 100 + d;
  }
  /* "2555-06-17" -> "17 มิถุนายน 2555" (thai.be_long); anything else as it is. */
  function beLong(iso, months) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? +m[3] + " " + months[+m[2] - 1] + " " + m[1] : iso;
  }

  /* The fields the table names, read from the form's answers ``v`` (form.js snapshot():
   * a choice's code, a count as {value, int}, a date as its พ.ศ. ISO text, a list of
   * codes), each by the kind the table gives it (C.rules.kinds). ``get`` gives what
   * predicates compare (dates as numbers), ``shown`` what messages quote (dates as
   * text); both null when the field has no value. */
  function reader(C, v, round) {
    const kinds = C.rules.kinds;
    const rnd = C.rounds.find((r) => r.n === round) || null;
    function field(name) {
      if (name === "report_date")
        return { get: beDate(v.report_date, C.beOffset), shown: v.report_date };
      if (name === "round") return { get: round, shown: round };
      if (name === "fiscal_year") return { get: C.fy, shown: C.fy };
      if (name === "$fy_end") return { get: beDate(C.fyEnd, C.beOffset), shown: C.fyEnd };
      if (name === "$round") return { get: rnd, shown: rnd };
      if (name.indexOf("$round.") === 0) {
        const part = rnd ? rnd[name.slice(7)] : null;
        const date = name !== "$round.label";
        return { get: part != null && date ? beDate(part, C.beOffset) : part, shown: part };
      }
      const val = v[name];
      if (val == null) return { get: null, shown: null };
      const kind = kinds[name];
      if (kind === "count") {
        const n = val.int ? val.value : null;
        return { get: n, shown: n };
      }
      if (kind === "date") return { get: beDate(val, C.beOffset), shown: val };
      return { get: val, shown: val };
    }
    return field;
  }

  /* Half-up of count x 100 / base to the decimals ``stated`` has (rules.percent_agrees). */
  function percentAgrees(stated, count, base) {
    const m = /^(\d+)(?:\.(\d+))?$/.exec(String(stated).trim());
    if (!m) return false;
    const places = (m[2] || "").length;
    const scale = 10n ** BigInt(places);
    const den = BigInt(base);
    const q = (BigInt(count) * 100n * scale * 2n + den) / (den * 2n);
    return q === BigInt(m[1] + (m[2] || ""));
  }

  function holds(p, field) {
    const op = p[0];
    const get = (x) => (typeof x === "string" ? field(x).get : x);
    if (op === "all") return p.slice(1).every((q) => holds(q, field));
    if (op === "any") return p.slice(1).some((q) => holds(q, field));
    if (op === "not") return !holds(p[1], field);
    if (op === "set") return field(p[1]).shown != null;
    if (op === "some") return (field(p[1]).shown || []).length > 0;
    if (op === "is") return field(p[1]).get === p[2];
    if (op === "in") return p[2].indexOf(field(p[1]).get) >= 0;
    if (op === "eq" || op === "lt" || op === "gt") {
      const a = get(p[1]),
        b = get(p[2]);
      if (a == null || b == null) return false;
      return op === "eq" ? a === b : op === "lt" ? a < b : a > b;
    }
    if (op === "percent_off") {
      const stated = get(p[1]),
        count = get(p[2]),
        base = get(p[3]);
      if (stated == null || count == null || !base) return false;
      return !percentAgrees(stated, count, base);
    }
    throw new Error("unknown operator " + op);
  }

  /* A message value; null for the kinds only the validator words. */
  function value(e, field, fmt) {
    if (["str", "long", "iso", "grouped"].indexOf(e[0]) < 0) return null;
    const shown = field(e[1]).shown;
    if (e[0] === "str") return String(shown);
    if (e[0] === "long") return fmt.long(shown);
    if (e[0] === "iso") return String(shown);
    if (e[0] === "grouped") return fmt.grouped(shown);
    return null;
  }
  function fill(text, values) {
    return text.replace(/\{([a-z_]+)\}/g, (all, name) =>
      values[name] != null ? values[name] : all,
    );
  }

  /* The rows that fire, in the table's order: [{code, field (the form's), row, values,
   * extra}]. ``ctx``: {field: reader(), has(key): the form has that field, broken: Set of
   * parts already refused, found(code): already given, fmt: {long, grouped}}. */
  function run(table, ctx) {
    const hits = [];
    table.rows.forEach((row) => {
      if (row.skip.some((part) => ctx.broken.has(part))) return;
      const given = (code) => ctx.found(code) || hits.some((h) => h.code === code);
      if (row.unless.some(given)) return;
      if (!holds(row.when, ctx.field)) return;
      const values = {};
      Object.keys(row.values).forEach((name) => {
        const v = value(row.values[name], ctx.field, ctx.fmt);
        if (v != null) values[name] = v;
      });
      const field = row.form.find((k) => ctx.has(k)) || row.form[row.form.length - 1];
      hits.push({
        code: row.code,
        field: field,
        row: row,
        values: values,
        extra: fill(row.extra, values),
      });
    });
    return hits;
  }

  const api = { beDate: beDate, beLong: beLong, reader: reader, run: run, fill: fill };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.KpiRules = api;
})(this);
