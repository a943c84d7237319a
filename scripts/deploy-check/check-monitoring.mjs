// Monitoring checks of validate-k8s.mjs: Prometheus Operator PrometheusRules and Grafana dashboard ConfigMaps.
//
// - PromQL: every rule's expr and every dashboard query must parse. The parser is Prometheus' own PromQL grammar for
//   its web UI (@prometheus-io/lezer-promql, through @prometheus-io/codemirror-promql, whose Parser adds the type
//   checks: argument counts and types of functions, range vectors where one is needed, set operators between
//   vectors). Grafana variables ($__rate_interval, $namespace, ${datasource}) are replaced by example values first.
// - Rules: each alert has `for`, a severity label (critical, warning, info), summary, description and a runbook_url
//   whose anchor is a heading of the runbook file (docs/reliability.md); the PrometheusRule carries every label of
//   the ServiceMonitor of its render (Prometheus selects both by the same labels, usually); `namespace="..."` and
//   `job="..."` matchers name the rule's namespace and a Service the ServiceMonitor scrapes.
// - Dashboards: a ConfigMap with a *.json dashboard must carry the label grafana_dashboard (what the Grafana sidecar
//   watches); the JSON parses and has uid, title, schemaVersion and panels; a template variable of type datasource
//   (prometheus); every panel and query refers to its data source through a variable (no data source uid written
//   into the dashboard); every variable used is defined.
// - Metric names: every stancewire_* series named in a rule or a dashboard must be one the service exports, derived
//   from the Micrometer meters declared in the Java sources (read at run time: Counter.builder("a.b") exports a_b_total,
//   Timer.builder("a.b") a_b_seconds_count, _sum, _max and, with a histogram, _bucket; ...).
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

// CommonJS builds, so that @codemirror/state is one instance for the language and the parser
const require = createRequire(import.meta.url);
const { EditorState } = require("@codemirror/state");
const { ensureSyntaxTree } = require("@codemirror/language");
const { promQLLanguage } = require("@prometheus-io/codemirror-promql");
const { Parser } = require("@prometheus-io/codemirror-promql/dist/cjs/parser");

const PROMQL = promQLLanguage("PromQL");
const SEVERITIES = new Set(["critical", "warning", "info"]);
const OWN_PREFIX = "stancewire_";
// kubectl apply (client-side) copies the object into the last-applied-configuration annotation; annotations may
// hold 256 KiB in all
const ANNOTATION_LIMIT = 256 * 1024;
// Grafana's built-in variables, with example values for parsing
const GRAFANA_BUILTINS = {
  __rate_interval: "2m", __interval: "1m", __interval_ms: "60000", __range: "6h", __range_s: "21600",
  __range_ms: "21600000", __dashboard: "x", __org: "1", __user: "x", __timeFilter: "x", __from: "0", __to: "0",
};

// ---- PromQL ---------------------------------------------------------------------------------------------------
// Parses one expression. Returns {errors: [message], selectors: [{name, matchers: [{label, op, value}]}]}.
export function parsePromQL(expr) {
  const errors = [];
  const selectors = [];
  if (expr.trim() === "") return { errors: ["empty expression"], selectors };
  const state = EditorState.create({ doc: expr, extensions: PROMQL });
  const tree = ensureSyntaxTree(state, expr.length, 10_000);
  if (!tree) return { errors: ["the parser gave up (expression too long?)"], selectors };
  const text = (n) => expr.slice(n.from, n.to);
  const near = (from) => JSON.stringify(expr.slice(Math.max(0, from - 15), from + 15).replace(/\s+/g, " "));
  let syntax = 0;
  tree.iterate({
    enter(n) {
      if (n.type.isError) {
        if (syntax++ === 0) errors.push(`syntax error at character ${n.from + 1}, near ${near(n.from)}`);
        return false;
      }
      // the grammar takes `sum(x)[5m]` as a matrix selector; Prometheus does not (a subquery needs [5m:1m])
      if (n.name === "MatrixSelector" && n.node.firstChild?.name !== "VectorSelector") {
        errors.push(`a range [..] after ${JSON.stringify(text(n.node.firstChild ?? n))}: ranges are only allowed after a series selector (a subquery is [range:step])`);
      }
      if (n.name === "VectorSelector") selectors.push(selector(n.node));
    },
  });
  if (syntax === 0) {
    const parser = new Parser(state);
    parser.analyze();
    for (const d of parser.getDiagnostics()) if (d.severity === "error") errors.push(`${d.message} (at ${near(d.from)})`);
  }
  return { errors: [...new Set(errors)], selectors };

  function selector(node) {
    const out = { name: null, matchers: [] };
    const id = node.getChild("Identifier");
    if (id) out.name = text(id);
    const matchers = node.getChild("LabelMatchers");
    for (let m = matchers?.firstChild; m; m = m.nextSibling) {
      if (m.name === "QuotedLabelName") {
        out.name = unquote(text(m));
      } else if (m.name === "UnquotedLabelMatcher" || m.name === "QuotedLabelMatcher") {
        const labelNode = m.getChild("LabelName") ?? m.getChild("QuotedLabelName");
        const label = labelNode?.name === "QuotedLabelName" ? unquote(text(labelNode)) : labelNode && text(labelNode);
        const op = m.getChild("MatchOp");
        const value = m.getChild("StringLiteral");
        if (!label || !op || !value) continue;
        const matcher = { label, op: text(op), value: unquote(text(value)) };
        if (matcher.label === "__name__" && matcher.op === "=") out.name = matcher.value;
        out.matchers.push(matcher);
      }
    }
    return out;
  }
}

function unquote(s) {
  if (s.startsWith("`")) return s.slice(1, -1);
  if (s.startsWith("'")) s = `"${s.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`;
  try {
    return JSON.parse(s);
  } catch {
    return s.slice(1, -1);
  }
}

// Replaces Grafana variables ($name, ${name}, ${name:format}, [[name]]) by example values: the built-ins by
// durations and numbers, the dashboard's own by their current value (or "x"). Returns {text, unknown}.
export function substituteGrafana(expr, variables) {
  const unknown = [];
  const text = expr.replace(/\$\{(\w+)(?::[^}]*)?\}|\[\[(\w+)(?::[^\]]*)?\]\]|\$(\w+)/g, (all, a, b, c) => {
    const name = a ?? b ?? c;
    if (name in GRAFANA_BUILTINS) return GRAFANA_BUILTINS[name];
    if (variables.has(name)) return variables.get(name);
    unknown.push(name);
    return "x";
  });
  return { text, unknown };
}

// ---- metrics the service exports: Micrometer meters in the Java sources ---------------------------------------
// Reads every .java file under dir. Returns {meters: [{name, type, file, histogram, maximum}], exported: Map
// prometheusName -> meter, unresolved: [where]}.
export function exportedMetrics(dir) {
  const files = [];
  const walkDir = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walkDir(p);
      else if (e.name.endsWith(".java")) files.push(p);
    }
  };
  walkDir(dir);
  const sources = files.map((f) => ({ file: f, code: stripComments(fs.readFileSync(f, "utf8")) }));
  // String constants, by simple name (a name given to two values keeps both)
  const constants = new Map();
  for (const { code } of sources) {
    for (const m of code.matchAll(/\bfinal\s+String\s+(\w+)\s*=\s*("(?:[^"\\\n]|\\.)*")\s*;/g)) {
      constants.set(m[1], [...(constants.get(m[1]) ?? []), JSON.parse(m[2])]);
    }
  }
  const resolve = (arg) => {
    if (arg.startsWith('"')) return [JSON.parse(arg)];
    return constants.get(arg.split(".").pop()) ?? null;
  };
  const NAME = String.raw`("(?:[^"\\\n]|\\.)*"|[A-Za-z_][\w.]*)`;
  const patterns = [
    // Counter.builder("a.b"), Timer.builder(NAME), ...
    [new RegExp(String.raw`\b(Counter|Timer|Gauge|DistributionSummary|LongTaskTimer|FunctionCounter|FunctionTimer|TimeGauge)\s*\.\s*builder\s*\(\s*${NAME}`, "g"), (m) => m[1]],
    // registry.counter("a.b", ...), registry.timer(...), registry.more().longTaskTimer(...)
    [new RegExp(String.raw`\.\s*(counter|timer|gauge|summary|longTaskTimer|timeGauge|gaugeCollectionSize|gaugeMapSize|functionCounter|functionTimer)\s*\(\s*${NAME}`, "g"),
      (m) => ({ counter: "Counter", timer: "Timer", gauge: "Gauge", summary: "DistributionSummary", longTaskTimer: "LongTaskTimer", timeGauge: "TimeGauge",
        gaugeCollectionSize: "Gauge", gaugeMapSize: "Gauge", functionCounter: "FunctionCounter", functionTimer: "FunctionTimer" })[m[1]]],
    // @Counted("a.b"), @Timed(value = "a.b", histogram = true)
    [new RegExp(String.raw`@(Counted|Timed)\s*\(\s*(?:value\s*=\s*)?${NAME}`, "g"), (m) => (m[1] === "Counted" ? "Counter" : "Timer")],
  ];
  const meters = [];
  const unresolved = [];
  for (const { file, code } of sources) {
    for (const [re, typeOf] of patterns) {
      for (const m of code.matchAll(re)) {
        const arg = m[m.length - 1];
        let type = typeOf(m);
        const names = resolve(arg);
        const statement = code.slice(m.index, statementEnd(code, m.index));
        const line = code.slice(0, m.index).split("\n").length;
        const where = `${path.relative(process.cwd(), file)}:${line}`;
        if (!names) {
          // a method parameter or an expression: the name is not known here (matters only for stancewire meters)
          if (/stancewire/i.test(statement) || re === patterns[0][0]) unresolved.push(`${where}: ${type} named by ${arg}`);
          continue;
        }
        if (type === "Timer" && /\blongTask\s*=\s*true/.test(statement)) type = "LongTaskTimer";
        const histogram = /publishPercentileHistogram\s*\(\s*(true\s*)?\)|serviceLevelObjectives\s*\(|\.sla\s*\(|\bhistogram\s*=\s*true/.test(statement);
        const maximum = /maximumExpectedValue\s*\(|serviceLevelObjectives\s*\(|\.sla\s*\(/.test(statement);
        const unit = /baseUnit\s*\(\s*"(\w+)"/.exec(statement)?.[1] ?? /baseUnit\s*\(\s*BaseUnits\.(\w+)/.exec(statement)?.[1]?.toLowerCase() ?? null;
        for (const name of names) meters.push({ name, type, file: where, histogram, maximum, unit });
      }
    }
  }
  // a MeterFilter elsewhere may switch a histogram on (DistributionStatisticConfig.builder().percentilesHistogram(true))
  const filtered = sources.filter(({ code }) => /\bDistributionStatisticConfig\b/.test(code) && /percentilesHistogram\s*\(\s*true|serviceLevelObjectives\s*\(/.test(code));
  for (const meter of meters.filter((m) => ["Timer", "LongTaskTimer", "DistributionSummary"].includes(m.type))) {
    const named = (code) => code.includes(`"${meter.name}"`) || [...constants].some(([k, v]) => v.includes(meter.name) && new RegExp(`\\b${k}\\b`).test(code));
    if (!meter.histogram && filtered.some(({ code }) => named(code))) meter.histogram = meter.maximum = true;
  }
  const exported = new Map();
  for (const meter of meters) for (const n of prometheusNames(meter)) if (!exported.has(n)) exported.set(n, meter);
  return { meters, exported, unresolved };
}

// The series names Micrometer's Prometheus registry exports for a meter
function prometheusNames({ name, type, histogram, unit }) {
  const base = name.replace(/\./g, "_").replace(/[^a-zA-Z0-9_:]/g, "_");
  const withUnit = (u) => (u && !base.endsWith(`_${u}`) ? `${base}_${u}` : base);
  switch (type) {
    case "Counter":
    case "FunctionCounter": {
      const b = withUnit(unit);
      return [b.endsWith("_total") ? b : `${b}_total`];
    }
    case "Timer": {
      const b = withUnit("seconds");
      return [b, `${b}_count`, `${b}_sum`, `${b}_max`, ...(histogram ? [`${b}_bucket`] : [])];
    }
    case "FunctionTimer": {
      const b = withUnit("seconds");
      return [`${b}_count`, `${b}_sum`];
    }
    case "LongTaskTimer": {
      const b = withUnit("seconds");
      return [b, `${b}_active_count`, `${b}_duration_sum`, `${b}_max`, ...(histogram ? [`${b}_bucket`] : [])];
    }
    case "DistributionSummary": {
      const b = withUnit(unit);
      return [b, `${b}_count`, `${b}_sum`, `${b}_max`, ...(histogram ? [`${b}_bucket`] : [])];
    }
    case "TimeGauge":
      return [withUnit("seconds")];
    default:
      return [withUnit(unit)];
  }
}

// What a series name would need in the Java sources, for messages
function wantedMeter(series) {
  let m = /^(.*?)_seconds(_bucket|_count|_sum|_max)?$/.exec(series);
  if (m) return `a Timer "${m[1].replace(/_/g, ".")}"${m[2] === "_bucket" ? " with a histogram" : ""}`;
  m = /^(.*)_total$/.exec(series);
  if (m) return `a Counter "${m[1].replace(/_/g, ".")}"`;
  m = /^(.*)_(bucket|count|sum|max)$/.exec(series);
  if (m) return `a DistributionSummary "${m[1].replace(/_/g, ".")}"${m[2] === "bucket" ? " with a histogram" : ""}`;
  return `a Gauge "${series.replace(/_/g, ".")}"`;
}

function stripComments(code) {
  let out = "";
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"' && code.startsWith('"""', i)) {
      const end = code.indexOf('"""', i + 3);
      const stop = end < 0 ? code.length : end + 3;
      out += code.slice(i, stop);
      i = stop - 1;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < code.length && code[j] !== c && code[j] !== "\n") j += code[j] === "\\" ? 2 : 1;
      out += code.slice(i, j + 1);
      i = j;
    } else if (c === "/" && code[i + 1] === "/") {
      while (i < code.length && code[i] !== "\n") i++;
      out += "\n";
    } else if (c === "/" && code[i + 1] === "*") {
      const end = code.indexOf("*/", i + 2);
      const stop = end < 0 ? code.length : end + 2;
      out += code.slice(i, stop).replace(/[^\n]/g, " "); // keep the line numbers
      i = stop - 1;
    } else out += c;
  }
  return out;
}

// the end of the statement (or annotation) that starts at `from`: the first ; or { at depth 0, or the closing ) of
// an annotation
function statementEnd(code, from) {
  let depth = 0;
  for (let i = from; i < code.length; i++) {
    const c = code[i];
    if (c === '"') {
      i++;
      while (i < code.length && code[i] !== '"') i += code[i] === "\\" ? 2 : 1;
    } else if (c === "(") depth++;
    else if (c === ")") {
      depth--;
      if (depth === 0 && code[from] === "@") return i + 1;
    } else if ((c === ";" || c === "{" || c === "}") && depth <= 0) return i;
  }
  return code.length;
}

// ---- runbooks -------------------------------------------------------------------------------------------------
// The anchors of a Markdown file's headings, as GitHub makes them
export function markdownAnchors(file) {
  const anchors = new Set();
  const counts = new Map();
  let fenced = false;
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    // the rendered text (link texts, no tags, no code marks), lower case, without punctuation but - and _
    const slug = m[1].replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/<[^>]*>/g, "").replace(/[`*]/g, "")
      .toLowerCase().replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, "").replace(/ /g, "-");
    const n = counts.get(slug) ?? 0;
    counts.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
}

// ---- the checks, per render -----------------------------------------------------------------------------------
// objs: the render's objects; fail(obj, message); options: {metrics (exportedMetrics()), metricsDir, runbooks (file)}.
// Returns the numbers for the summary line.
export function checkMonitoring(objs, fail, warn, options) {
  const stats = { rules: 0, alerts: 0, dashboards: 0, panels: 0, queries: 0, own: new Set() };
  const uses = []; // {obj, series, where}
  const byKind = (kind) => objs.filter((o) => o.kind === kind);
  const serviceMonitors = byKind("ServiceMonitor");
  const anchors = options.runbooks ? markdownAnchors(options.runbooks) : null;
  const recorded = new Set();

  // job label values: the Services the ServiceMonitors scrape (their name, or the value of their jobLabel label)
  const jobs = new Set();
  for (const sm of serviceMonitors) {
    for (const svc of byKind("Service").filter((s) => labelsMatch(sm.spec?.selector ?? {}, s.metadata?.labels ?? {}))) {
      jobs.add(sm.spec?.jobLabel ? svc.metadata?.labels?.[sm.spec.jobLabel] : svc.metadata?.name);
    }
  }

  for (const pr of byKind("PrometheusRule")) {
    for (const sm of serviceMonitors) {
      for (const [k, v] of Object.entries(sm.metadata?.labels ?? {})) {
        if (pr.metadata?.labels?.[k] !== v) {
          fail(pr, `lacks the label ${k}: ${JSON.stringify(v)} of ServiceMonitor ${sm.metadata?.name}: a Prometheus that selects one by its labels would not select the other`);
        }
      }
    }
    const groupNames = new Set();
    for (const group of pr.spec?.groups ?? []) {
      if (groupNames.has(group.name)) fail(pr, `rule group ${group.name} defined twice (Prometheus refuses the file)`);
      groupNames.add(group.name);
      for (const rule of group.rules ?? []) {
        const what = rule.alert ? `alert ${rule.alert}` : `record ${rule.record}`;
        stats.rules++;
        if (rule.record) recorded.add(rule.record);
        if (!rule.alert === !rule.record) fail(pr, `group ${group.name}: a rule needs exactly one of alert and record`);
        if (rule.record && !/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(rule.record)) fail(pr, `${what}: not a valid metric name`);
        const parsed = parsePromQL(String(rule.expr ?? ""));
        for (const e of parsed.errors) fail(pr, `${what}: PromQL: ${e}`);
        for (const s of parsed.selectors) {
          if (s.name) uses.push({ obj: pr, series: s.name, where: what });
          for (const m of s.matchers.filter((x) => x.op === "=")) {
            if (m.label === "namespace" && pr.metadata?.namespace && m.value !== pr.metadata.namespace) {
              fail(pr, `${what}: selects namespace="${m.value}", but the rule is deployed in namespace ${pr.metadata.namespace}`);
            }
            if (m.label === "job" && jobs.size > 0 && !jobs.has(m.value)) {
              fail(pr, `${what}: selects job="${m.value}", but the ServiceMonitor's targets have job ${[...jobs].map((j) => `"${j}"`).join(", ")}`);
            }
          }
        }
        if (!rule.alert) continue;
        stats.alerts++;
        if (!rule.for) fail(pr, `${what}: no 'for': one bad evaluation would page`);
        if (!SEVERITIES.has(rule.labels?.severity)) fail(pr, `${what}: label severity ${JSON.stringify(rule.labels?.severity)} is not one of ${[...SEVERITIES].join(", ")}`);
        for (const a of ["summary", "description", "runbook_url"]) {
          if (!String(rule.annotations?.[a] ?? "").trim()) fail(pr, `${what}: no annotation ${a}`);
        }
        const url = rule.annotations?.runbook_url;
        if (url && anchors) {
          const file = path.basename(options.runbooks);
          const m = new RegExp(`${file.replace(/\./g, "\\.")}#([^#]+)$`).exec(url);
          if (!m) fail(pr, `${what}: runbook_url ${url} is not a section of ${options.runbooks} (…/${file}#anchor)`);
          else if (!anchors.has(decodeURIComponent(m[1]))) fail(pr, `${what}: runbook_url: ${options.runbooks} has no heading with the anchor #${m[1]}`);
        }
      }
    }
  }

  for (const cm of byKind("ConfigMap")) {
    const labelled = "grafana_dashboard" in (cm.metadata?.labels ?? {});
    const size = JSON.stringify(cm).length;
    let dashboards = 0;
    let broken = 0;
    for (const [key, value] of Object.entries(cm.data ?? {})) {
      if (!key.endsWith(".json") && !labelled) continue;
      let d;
      try {
        d = JSON.parse(value);
      } catch (e) {
        if (labelled) fail(cm, `${key}: not JSON: ${e.message}`);
        broken++;
        continue;
      }
      const looksLikeDashboard = isMap(d) && (Array.isArray(d.panels) || "schemaVersion" in d);
      if (!looksLikeDashboard) {
        if (labelled) fail(cm, `${key}: not a Grafana dashboard (no panels, no schemaVersion)`);
        continue;
      }
      dashboards++;
      checkDashboard(cm, key, d);
    }
    if (dashboards === 0) {
      if (labelled && broken === 0) fail(cm, "has the label grafana_dashboard but no dashboard");
      continue;
    }
    stats.dashboards += dashboards;
    if (!labelled) fail(cm, `holds a Grafana dashboard but lacks the label grafana_dashboard ("1"), which Grafana's dashboard sidecar looks for`);
    if (size > ANNOTATION_LIMIT) fail(cm, `${size} bytes: over the 256 KiB that kubectl apply can keep in its last-applied-configuration annotation (split the dashboard)`);
  }

  function checkDashboard(cm, key, d) {
    const where = (s) => `${key}: ${s}`;
    for (const f of ["uid", "title"]) if (typeof d[f] !== "string" || d[f].trim() === "") fail(cm, where(`no ${f}`));
    if (typeof d.uid === "string" && (d.uid.length > 40 || !/^[a-zA-Z0-9_-]+$/.test(d.uid))) fail(cm, where(`uid ${JSON.stringify(d.uid)}: at most 40 letters, digits, - and _`));
    if (typeof d.schemaVersion !== "number") fail(cm, where("no schemaVersion"));
    const templates = Array.isArray(d.templating?.list) ? d.templating.list : [];
    const variables = new Map();
    for (const v of templates) {
      if (!v?.name) {
        fail(cm, where("a template variable without a name"));
        continue;
      }
      const current = v.current?.value;
      variables.set(v.name, typeof current === "string" && current && !current.startsWith("$") ? current : "x");
    }
    const dsVars = templates.filter((v) => v.type === "datasource" && v.query === "prometheus").map((v) => v.name);
    if (dsVars.length === 0) fail(cm, where("no template variable of type datasource with query prometheus (the dashboard must not name a data source of one Grafana)"));
    // without the variable, the per-panel messages would only repeat that one
    const refersToVariable = (ds) => {
      if (dsVars.length === 0) return true;
      const ref = typeof ds === "string" ? ds : ds?.uid;
      const m = typeof ref === "string" && /^\$\{?(\w+)\}?$/.exec(ref);
      return m && dsVars.includes(m[1]);
    };
    const queryExpr = (what, expr, obj) => {
      stats.queries++;
      const { text, unknown } = substituteGrafana(expr, variables);
      for (const u of unknown) fail(cm, where(`${what}: $${u} is no variable of the dashboard`));
      const parsed = parsePromQL(text);
      for (const e of parsed.errors) fail(cm, where(`${what}: PromQL: ${e}`));
      for (const s of parsed.selectors) if (s.name) uses.push({ obj, series: s.name, where: `dashboard ${d.uid ?? key}, ${what}` });
    };
    for (const v of templates.filter((t) => t.type === "query")) {
      if (!refersToVariable(v.datasource)) fail(cm, where(`variable ${v.name}: its datasource must be the data source variable (\${${dsVars[0] ?? "datasource"}})`));
      const q = typeof v.query === "string" ? v.query : v.query?.query;
      const m = /^\s*(?:label_values\(\s*(.*)\s*,\s*\w+\s*\)|query_result\(\s*(.*)\s*\))\s*$/s.exec(q ?? "");
      if (m) queryExpr(`variable ${v.name}`, m[1] ?? m[2], cm);
      else if (!/^\s*(label_values\(\s*\w+\s*\)|label_names\(.*\)|metrics\(.*\))\s*$/.test(q ?? "")) fail(cm, where(`variable ${v.name}: query ${JSON.stringify(q)} is not label_values(), query_result(), label_names() or metrics()`));
    }
    const panels = [];
    const collect = (list) => {
      for (const p of list ?? []) {
        panels.push(p);
        if (Array.isArray(p.panels)) collect(p.panels); // collapsed rows
      }
    };
    collect(d.panels);
    if (panels.length === 0) fail(cm, where("no panels"));
    const ids = new Set();
    for (const p of panels) {
      const title = `panel ${JSON.stringify(p.title ?? p.id)}`;
      if (ids.has(p.id)) fail(cm, where(`${title}: id ${p.id} used twice`));
      ids.add(p.id);
      if (p.type === "row" || p.type === "text") continue;
      stats.panels++;
      if (!refersToVariable(p.datasource)) fail(cm, where(`${title}: datasource ${JSON.stringify(p.datasource)} does not refer to the data source variable (\${${dsVars[0] ?? "datasource"}})`));
      if (!Array.isArray(p.targets) || p.targets.length === 0) fail(cm, where(`${title}: no queries`));
      for (const t of p.targets ?? []) {
        if (t.datasource !== undefined && !refersToVariable(t.datasource)) fail(cm, where(`${title} query ${t.refId}: datasource ${JSON.stringify(t.datasource)} does not refer to the data source variable`));
        if (typeof t.expr !== "string") fail(cm, where(`${title} query ${t.refId}: no expr`));
        else queryExpr(`${title} query ${t.refId}`, t.expr, cm);
      }
    }
    // no data source named by uid anywhere (a uid is one Grafana's)
    JSON.stringify(d, (k, v) => {
      if (k === "datasource" && v && typeof v === "object" && typeof v.uid === "string" && !/^\$\{?\w+\}?$/.test(v.uid)) {
        fail(cm, where(`datasource uid ${JSON.stringify(v.uid)} written into the dashboard: refer to the variable instead`));
      }
      return v;
    });
  }

  // every stancewire_* series is exported by the service
  if (options.metrics) {
    const unknown = new Map(); // obj -> series -> [where]
    for (const u of uses) {
      if (!u.series.startsWith(OWN_PREFIX)) continue;
      stats.own.add(u.series);
      if (options.metrics.exported.has(u.series) || recorded.has(u.series)) continue;
      const perObj = unknown.get(u.obj) ?? new Map();
      perObj.set(u.series, [...new Set([...(perObj.get(u.series) ?? []), u.where])]);
      unknown.set(u.obj, perObj);
    }
    for (const [obj, series] of unknown) {
      for (const [s, wheres] of series) {
        const bucketless = s.endsWith("_bucket") && options.metrics.exported.get(s.replace(/_bucket$/, "_count"));
        const why = bucketless
          ? `${bucketless.type} "${bucketless.name}" (${bucketless.file}) has no histogram (publishPercentileHistogram() or serviceLevelObjectives()), so no _bucket series`
          : `${options.metricsDir} declares no ${wantedMeter(s).replace(/^an? /, "")}`;
        const places = wheres.length > 2 ? `${wheres.slice(0, 2).join("; ")}; and ${wheres.length - 2} more` : wheres.join("; ");
        fail(obj, `${s} is not exported by the service: ${why} (used in ${places})`);
      }
    }
    // a histogram over Micrometer's default timer range (1 ms to 30 s) never gives a quantile above 30 s
    const warned = new Set();
    for (const u of uses.filter((x) => x.obj.kind === "PrometheusRule" && x.series.endsWith("_bucket"))) {
      const meter = options.metrics.exported.get(u.series);
      if (meter && meter.type === "Timer" && !meter.maximum && !warned.has(u.series)) {
        warned.add(u.series);
        warn(`${u.series} (${meter.file}): the Timer sets no maximumExpectedValue or serviceLevelObjectives, so its buckets end at Micrometer's default 30 s and histogram_quantile over it never exceeds 30 s (${u.where})`);
      }
    }
  }

  // a deployment that is scraped has its alerts and its dashboard
  if (serviceMonitors.length > 0) {
    if (byKind("PrometheusRule").length === 0) fail(serviceMonitors[0], "scraped, but this render has no PrometheusRule (alerts)");
    if (stats.dashboards === 0) fail(serviceMonitors[0], "scraped, but this render has no Grafana dashboard ConfigMap");
  }
  return stats;
}

function isMap(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function labelsMatch(selector, labels) {
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = e.key in labels;
    const ok = { In: has && (e.values ?? []).includes(labels[e.key]), NotIn: !has || !(e.values ?? []).includes(labels[e.key]), Exists: has, DoesNotExist: !has }[e.operator];
    if (!ok) return false;
  }
  return true;
}
