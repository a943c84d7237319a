#!/usr/bin/env node
// Validates rendered Kubernetes manifests offline, without a cluster (run by scripts/check-deploy).
//
//   node validate-k8s.mjs [--app-properties FILE] [--java-sources DIR] [--runbooks FILE] [--expect-errors]
//                         [--expect-message GROUP=REGEX ...] GROUP:LABEL=RENDERED.yaml ...
//
// Every RENDERED.yaml is the output of one kustomization (LABEL names it in messages); renders with the same
// GROUP are applied together (an overlay and the topics that go with it) and are checked for consistency
// together. For every object:
//   1. its kind must have a schema: the Kubernetes API (kubernetes-models), Strimzi, KEDA or the Prometheus
//      Operator (@kubernetes-models/*). An unknown kind fails unless UNVALIDATED_KINDS lists it with a reason;
//   2. it must satisfy that schema (types, enums, required fields, formats, patterns);
//   3. it must have no field the schema does not know (the schemas' TypeScript types are walked with the
//      TypeScript checker: a misspelt field fails here as `kubectl apply` with server-side validation would);
//   4. references must resolve within the render (ConfigMaps, Secrets unless optional, volumes, service account,
//      named ports, label selectors of Services, PodDisruptionBudgets, NetworkPolicies, ServiceMonitors, KEDA's
//      scale target, the StatefulSet's governing Service, $(VAR) references in env), workloads must follow the
//      project's security baseline (non-root, read-only root, no privilege escalation, no capabilities,
//      seccomp, resources, probes);
//   5. per group, Stancewire's settings must agree (bootstrap servers, topic names and partitions, KEDA's
//      bounds, broker count) with each other and with src/main/resources/application.properties;
//   6. monitoring (check-monitoring.mjs): every PromQL expression of a PrometheusRule and of a Grafana dashboard
//      parses, alerts have for, severity, summary, description and a runbook_url that is a heading of --runbooks,
//      dashboard ConfigMaps carry the grafana_dashboard label and refer to their data source through a variable,
//      and every stancewire_* series they name is exported by a Micrometer meter of --java-sources.
// With --expect-errors every group must fail (used by the self-test with deliberately broken manifests); with
// --expect-message GROUP=REGEX as well, one of the group's problems must match REGEX (so that a group that fails
// for another reason does not pass the self-test).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import ts from "typescript";
import { checkMonitoring, exportedMetrics } from "./check-monitoring.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));

// Packages with models, tried in this order; each lays its models out as <apiVersion>/<Kind> ("v1/ConfigMap",
// "apps/v1/StatefulSet", "kafka.strimzi.io/v1beta2/KafkaTopic", ...).
const MODEL_PACKAGES = [
  "kubernetes-models",
  "@kubernetes-models/strimzi-kafka-operator",
  "@kubernetes-models/keda",
  "@kubernetes-models/prometheus-operator",
];

// "apiVersion/Kind" -> why it is rendered without a schema. Empty: every kind we render has one.
const UNVALIDATED_KINDS = {};

const WORKLOAD_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob"]);
const CONFIGMAP_LIMIT = 1024 * 1024;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

// ---- arguments ------------------------------------------------------------------------------------------------
const args = process.argv.slice(2);
let appPropertiesFile = null;
let javaSources = null;
let runbooks = null;
let expectErrors = false;
const expectMessages = new Map(); // group -> RegExp
const renders = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--app-properties") appPropertiesFile = args[++i];
  else if (args[i] === "--java-sources") javaSources = args[++i];
  else if (args[i] === "--runbooks") runbooks = args[++i];
  else if (args[i] === "--expect-errors") expectErrors = true;
  else if (args[i] === "--expect-message") {
    const m = /^([^=]+)=(.+)$/.exec(args[++i] ?? "");
    if (!m) usage(`bad --expect-message ${args[i]}`);
    expectMessages.set(m[1], new RegExp(m[2]));
  }
  else {
    const m = /^([^:]+):([^=]+)=(.+)$/.exec(args[i]);
    if (!m) usage(`bad argument ${args[i]}`);
    renders.push({ group: m[1], label: m[2], file: m[3] });
  }
}
if (renders.length === 0) usage("no rendered manifests given");
if (javaSources && !fs.statSync(javaSources, { throwIfNoEntry: false })?.isDirectory()) usage(`--java-sources ${javaSources} is no directory`);
if (runbooks && !fs.existsSync(runbooks)) usage(`--runbooks ${runbooks} does not exist`);

function usage(msg) {
  console.error(`validate-k8s: ${msg}\nusage: validate-k8s.mjs [--app-properties FILE] [--java-sources DIR] [--runbooks FILE] [--expect-errors] [--expect-message GROUP=REGEX ...] GROUP:LABEL=FILE ...`);
  process.exit(2);
}

// ---- errors ---------------------------------------------------------------------------------------------------
const errorsByGroup = new Map();
const warnings = [];
function fail(render, obj, message) {
  const where = obj ? `${obj.kind ?? "?"} ${obj.metadata?.namespace ? obj.metadata.namespace + "/" : ""}${obj.metadata?.name ?? "?"}` : "";
  const list = errorsByGroup.get(render.group) ?? [];
  list.push(`${render.label}: ${where ? where + ": " : ""}${message}`);
  errorsByGroup.set(render.group, list);
}

// ---- loading --------------------------------------------------------------------------------------------------
for (const r of renders) {
  r.objects = [];
  const text = fs.readFileSync(r.file, "utf8");
  const docs = YAML.parseAllDocuments(text, { uniqueKeys: true, prettyErrors: true });
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      for (const e of doc.errors) fail(r, null, `YAML: ${e.message}`);
      continue;
    }
    const obj = doc.toJS({ maxAliasCount: 0 });
    if (obj === null || obj === undefined) continue;
    r.objects.push(obj);
  }
  if (r.objects.length === 0) fail(r, null, "renders no object");
}

// ---- schemas --------------------------------------------------------------------------------------------------
const models = new Map(); // "apiVersion/Kind" -> {cls, specifier, iface} | null
async function modelFor(apiVersion, kind) {
  const key = `${apiVersion}/${kind}`;
  if (models.has(key)) return models.get(key);
  let found = null;
  for (const pkg of MODEL_PACKAGES) {
    const specifier = `${pkg}/${apiVersion}/${kind}`;
    try {
      const mod = await import(specifier);
      if (typeof mod[kind] === "function") {
        found = { cls: mod[kind], specifier, iface: `I${kind}` };
        break;
      }
    } catch (e) {
      if (!["ERR_PACKAGE_PATH_NOT_EXPORTED", "ERR_MODULE_NOT_FOUND"].includes(e.code)) throw e;
    }
  }
  models.set(key, found);
  return found;
}

const strictTargets = []; // {render, obj, specifier, iface}
for (const r of renders) {
  for (const obj of r.objects) {
    if (!isMap(obj)) {
      fail(r, null, "a document that is not a mapping");
      continue;
    }
    if (typeof obj.apiVersion !== "string" || typeof obj.kind !== "string") {
      fail(r, obj, "apiVersion and kind must be strings");
      continue;
    }
    const name = obj.metadata?.name;
    if (typeof name !== "string" || name.length > 253 || !DNS_SUBDOMAIN.test(name)) {
      fail(r, obj, `metadata.name ${JSON.stringify(name)} is not a valid name (lower-case DNS subdomain)`);
    }
    const key = `${obj.apiVersion}/${obj.kind}`;
    const model = await modelFor(obj.apiVersion, obj.kind);
    if (!model) {
      if (!(key in UNVALIDATED_KINDS)) {
        fail(r, obj, `no schema for ${obj.apiVersion} ${obj.kind}: unknown kind or API version (misspelt, or removed from ` +
          `Kubernetes?). If it is right, add a schema package, or list it in UNVALIDATED_KINDS with the reason.`);
      }
      continue;
    }
    try {
      new model.cls(obj).validate();
    } catch (e) {
      fail(r, obj, `schema: ${e.message}`);
    }
    strictTargets.push({ render: r, obj, specifier: model.specifier, iface: model.iface });
  }
}

// ---- unknown fields: walk the schemas' TypeScript types -------------------------------------------------------
if (strictTargets.length > 0) {
  const specs = [...new Map(strictTargets.map((t) => [t.specifier, t])).values()];
  const probeFile = path.join(HERE, "__schema-probe__.ts");
  const source = specs.map((t, i) =>
    `import type { ${t.iface} as T${i} } from "${t.specifier}";\nexport declare const v${i}: T${i};`).join("\n");
  const options = {
    strict: true, noEmit: true, skipLibCheck: true, types: [],
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (f, lang, ...rest) => (f === probeFile ? ts.createSourceFile(f, source, lang) : getSourceFile(f, lang, ...rest));
  host.fileExists = (f) => f === probeFile || fileExists(f);
  const program = ts.createProgram([probeFile], options, host);
  const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (diagnostics.length > 0) {
    for (const d of diagnostics) console.error(`validate-k8s: schema types: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
    process.exit(2);
  }
  const checker = program.getTypeChecker();
  const typeOf = new Map();
  let i = 0;
  program.getSourceFile(probeFile).forEachChild((node) => {
    if (ts.isVariableStatement(node)) {
      for (const decl of node.declarationList.declarations) typeOf.set(specs[i++].specifier, checker.getTypeAtLocation(decl.name));
    }
  });
  for (const t of strictTargets) {
    const found = [];
    walk(t.obj, typeOf.get(t.specifier), "", found);
    for (const f of found) fail(t.render, t.obj, f);
  }

  // Reports every field of `value` that its TypeScript type does not declare. Types that accept anything (any,
  // index signatures, objects without declared properties: x-kubernetes-preserve-unknown-fields) end the walk.
  function walk(value, type, at, found) {
    if (value === null || value === undefined || !type) return;
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return;
    const candidates = (type.isUnion() ? type.types : [type]).filter((c) => !(c.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
    if (Array.isArray(value)) {
      const arrayType = candidates.find((c) => checker.isArrayType(c) || checker.isTupleType(c));
      if (!arrayType) return;
      const element = checker.getTypeArguments(arrayType)[0];
      value.forEach((v, n) => walk(v, element, `${at}[${n}]`, found));
      return;
    }
    if (!isMap(value)) return;
    const objects = candidates.filter((c) => c.flags & ts.TypeFlags.Object && !checker.isArrayType(c));
    if (objects.length === 0) return;
    const properties = new Map();
    for (const o of objects) {
      if (checker.getIndexInfosOfType(o).length > 0) return;
      const declared = checker.getPropertiesOfType(o);
      if (declared.length === 0) return;
      for (const p of declared) if (!properties.has(p.name)) properties.set(p.name, checker.getTypeOfSymbol(p));
    }
    for (const [k, v] of Object.entries(value)) {
      const field = at ? `${at}.${k}` : k;
      if (!properties.has(k)) found.push(`unknown field ${field}`);
      else walk(v, properties.get(k), field, found);
    }
  }
}

// ---- references and policy, per render ------------------------------------------------------------------------
for (const r of renders) checkRender(r);

// ---- monitoring: alerts and dashboards, per render ------------------------------------------------------------
const metrics = javaSources ? exportedMetrics(javaSources) : null;
if (metrics) for (const u of metrics.unresolved) warnings.push(`${u}: the meter's name is no string literal or constant, so its series are unknown to this check`);
const monitoringByGroup = new Map();
for (const r of renders) {
  const objs = r.objects.filter((o) => isMap(o) && typeof o.kind === "string");
  const stats = checkMonitoring(objs, (obj, message) => fail(r, obj, message), (message) => warnings.push(`${r.group}: ${message}`),
    { metrics, metricsDir: javaSources, runbooks });
  const sum = monitoringByGroup.get(r.group) ?? { rules: 0, alerts: 0, dashboards: 0, panels: 0, queries: 0, own: new Set() };
  for (const k of ["rules", "alerts", "dashboards", "panels", "queries"]) sum[k] += stats[k];
  for (const s of stats.own) sum.own.add(s);
  monitoringByGroup.set(r.group, sum);
}

function checkRender(r) {
  const objs = r.objects.filter((o) => isMap(o) && typeof o.kind === "string");
  const byKind = (kind) => objs.filter((o) => o.kind === kind);
  const find = (kind, name) => objs.find((o) => o.kind === kind && o.metadata?.name === name);

  const seen = new Set();
  for (const o of objs) {
    const id = `${o.apiVersion} ${o.kind} ${o.metadata?.namespace ?? ""}/${o.metadata?.name}`;
    if (seen.has(id)) fail(r, o, "defined twice");
    seen.add(id);
  }
  const namespaces = new Set(objs.map((o) => o.metadata?.namespace ?? "(none)"));
  if (namespaces.size > 1) fail(r, null, `objects in several namespaces (${[...namespaces].join(", ")}): one kustomization, one namespace`);

  for (const cm of byKind("ConfigMap")) {
    const size = Object.entries({ ...(cm.data ?? {}), ...(cm.binaryData ?? {}) }).reduce((n, [k, v]) => n + k.length + Buffer.byteLength(String(v)), 0);
    if (size > CONFIGMAP_LIMIT) fail(r, cm, `${size} bytes of data, over the 1 MiB a ConfigMap may hold`);
  }

  const workloads = objs.filter((o) => WORKLOAD_KINDS.has(o.kind));
  for (const w of workloads) checkWorkload(r, w, find);

  const templateLabels = workloads.map((w) => podTemplate(w)?.metadata?.labels ?? {});
  const selectsWorkload = (selector) => templateLabels.some((labels) => matches(selector, labels));

  for (const svc of byKind("Service")) {
    const sel = svc.spec?.selector;
    if (!sel) continue;
    const targets = workloads.filter((w) => matches({ matchLabels: sel }, podTemplate(w)?.metadata?.labels ?? {}));
    if (targets.length === 0) fail(r, svc, "its selector matches no workload of this render");
    for (const p of svc.spec?.ports ?? []) {
      if (typeof p.targetPort !== "string") continue;
      for (const w of targets) {
        if (!containerPorts(w).some((cp) => cp.name === p.targetPort)) fail(r, svc, `targetPort "${p.targetPort}" is no named port of ${w.kind} ${w.metadata.name}`);
      }
    }
  }
  for (const pdb of byKind("PodDisruptionBudget")) {
    if (!selectsWorkload(pdb.spec?.selector ?? {})) fail(r, pdb, "its selector matches no workload of this render");
  }
  for (const np of byKind("NetworkPolicy")) {
    if (!selectsWorkload(np.spec?.podSelector ?? {})) fail(r, np, "its podSelector matches no workload of this render");
  }
  for (const so of byKind("ScaledObject")) {
    const ref = so.spec?.scaleTargetRef ?? {};
    const kind = ref.kind ?? "Deployment";
    const target = find(kind, ref.name);
    if (!target) {
      fail(r, so, `scaleTargetRef ${kind} ${ref.name} is not in this render`);
      continue;
    }
    const min = so.spec?.minReplicaCount ?? 0;
    const max = so.spec?.maxReplicaCount ?? 100;
    if (min > max) fail(r, so, `minReplicaCount ${min} > maxReplicaCount ${max}`);
    const replicas = target.spec?.replicas ?? 1;
    if (replicas < min || replicas > max) fail(r, so, `${kind} ${ref.name} has ${replicas} replicas, outside [${min}, ${max}]`);
  }
  for (const sm of byKind("ServiceMonitor")) {
    if (sm.spec?.namespaceSelector) continue;
    const services = byKind("Service").filter((s) => matches(sm.spec?.selector ?? {}, s.metadata?.labels ?? {}));
    if (services.length !== 1) {
      fail(r, sm, `its selector matches ${services.length} Services of this render (want exactly one, or the pods are scraped twice)`);
      continue;
    }
    for (const ep of sm.spec?.endpoints ?? []) {
      if (ep.port && !(services[0].spec?.ports ?? []).some((p) => p.name === ep.port)) {
        fail(r, sm, `endpoint port "${ep.port}" is no port name of Service ${services[0].metadata.name}`);
      }
    }
  }
  for (const o of objs.filter((x) => ["KafkaTopic", "KafkaNodePool", "KafkaUser"].includes(x.kind))) {
    if (!o.metadata?.labels?.["strimzi.io/cluster"]) fail(r, o, "no strimzi.io/cluster label: no Strimzi operator will pick it up");
  }
  for (const t of byKind("KafkaTopic")) {
    const minIsr = Number(t.spec?.config?.["min.insync.replicas"] ?? 1);
    if (t.spec?.replicas !== undefined && t.spec.replicas < minIsr) fail(r, t, `replicas ${t.spec.replicas} < min.insync.replicas ${minIsr}: no write would ever succeed`);
  }
  const pools = byKind("KafkaNodePool");
  for (const k of byKind("Kafka")) {
    const mine = pools.filter((p) => p.metadata?.labels?.["strimzi.io/cluster"] === k.metadata.name);
    if (!mine.some((p) => (p.spec?.roles ?? []).includes("broker"))) fail(r, k, "no KafkaNodePool with the broker role for this cluster");
    if (!mine.some((p) => (p.spec?.roles ?? []).includes("controller"))) fail(r, k, "no KafkaNodePool with the controller role for this cluster (KRaft)");
  }
  for (const p of pools) {
    if (!byKind("Kafka").some((k) => k.metadata.name === p.metadata?.labels?.["strimzi.io/cluster"])) {
      fail(r, p, `its cluster "${p.metadata?.labels?.["strimzi.io/cluster"]}" is not a Kafka of this render`);
    }
  }
}

function checkWorkload(r, w, find) {
  const tpl = podTemplate(w);
  if (!tpl) {
    fail(r, w, "no pod template");
    return;
  }
  const spec = tpl.spec ?? {};
  const labels = tpl.metadata?.labels ?? {};
  if (w.spec?.selector && !matches(w.spec.selector, labels)) fail(r, w, "spec.selector does not match the pod template's labels");

  const sa = spec.serviceAccountName;
  if (sa && sa !== "default" && !find("ServiceAccount", sa)) fail(r, w, `serviceAccountName ${sa} is not in this render`);

  if (w.kind === "StatefulSet") {
    const svc = find("Service", w.spec?.serviceName);
    if (!svc) fail(r, w, `serviceName ${w.spec?.serviceName} is not a Service of this render`);
    else {
      if (svc.spec?.clusterIP !== "None") fail(r, w, `its governing Service ${svc.metadata.name} is not headless (clusterIP: None)`);
      if (!matches({ matchLabels: svc.spec?.selector ?? {} }, labels)) fail(r, w, `its governing Service ${svc.metadata.name} does not select its pods`);
    }
  }

  const volumes = new Map((spec.volumes ?? []).map((v) => [v.name, v]));
  const claimNames = new Set((w.spec?.volumeClaimTemplates ?? []).map((c) => c.metadata?.name));
  const mounted = new Set();
  const refs = [];
  for (const v of spec.volumes ?? []) {
    if (v.configMap) refs.push(["ConfigMap", v.configMap.name, v.configMap.optional, `volume ${v.name}`]);
    if (v.secret) refs.push(["Secret", v.secret.secretName, v.secret.optional, `volume ${v.name}`]);
    for (const s of v.projected?.sources ?? []) {
      if (s.configMap) refs.push(["ConfigMap", s.configMap.name, s.configMap.optional, `volume ${v.name}`]);
      if (s.secret) refs.push(["Secret", s.secret.name, s.secret.optional, `volume ${v.name}`]);
    }
  }

  const podSec = spec.securityContext ?? {};
  const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  for (const c of containers) {
    const where = `container ${c.name}`;
    const defined = new Set();
    for (const ef of c.envFrom ?? []) {
      if (ef.configMapRef) {
        refs.push(["ConfigMap", ef.configMapRef.name, ef.configMapRef.optional, `${where} envFrom`]);
        const cm = find("ConfigMap", ef.configMapRef.name);
        for (const k of Object.keys(cm?.data ?? {})) defined.add(`${ef.prefix ?? ""}${k}`);
      }
      if (ef.secretRef) refs.push(["Secret", ef.secretRef.name, ef.secretRef.optional, `${where} envFrom`]);
    }
    for (const e of c.env ?? []) {
      const cmKey = e.valueFrom?.configMapKeyRef;
      if (cmKey) {
        refs.push(["ConfigMap", cmKey.name, cmKey.optional, `${where} env ${e.name}`]);
        const cm = find("ConfigMap", cmKey.name);
        if (cm && !cmKey.optional && !(cmKey.key in (cm.data ?? {}))) fail(r, w, `${where} env ${e.name}: ConfigMap ${cmKey.name} has no key ${cmKey.key}`);
      }
      const secKey = e.valueFrom?.secretKeyRef;
      if (secKey) refs.push(["Secret", secKey.name, secKey.optional, `${where} env ${e.name}`]);
      // Kubernetes expands $(NAME) only from variables defined before; anything else stays as written
      for (const m of String(e.value ?? "").matchAll(/(?<!\$)\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g)) {
        if (!defined.has(m[1])) fail(r, w, `${where} env ${e.name} refers to $(${m[1]}), which is not defined before it`);
      }
      defined.add(e.name);
    }
    for (const vm of c.volumeMounts ?? []) {
      mounted.add(vm.name);
      if (!volumes.has(vm.name) && !claimNames.has(vm.name)) fail(r, w, `${where} mounts ${vm.name}, which is no volume or volumeClaimTemplate`);
    }
    const isInit = (spec.initContainers ?? []).includes(c);
    for (const probeName of ["startupProbe", "readinessProbe", "livenessProbe"]) {
      const port = c[probeName]?.httpGet?.port ?? c[probeName]?.tcpSocket?.port;
      if (typeof port === "string" && !(c.ports ?? []).some((p) => p.name === port)) fail(r, w, `${where} ${probeName} uses port "${port}", which the container does not name`);
    }
    // the project's security baseline for every container we deploy
    const sc = c.securityContext ?? {};
    const policy = [
      [sc.runAsNonRoot ?? podSec.runAsNonRoot, true, "runAsNonRoot: true"],
      [sc.allowPrivilegeEscalation, false, "allowPrivilegeEscalation: false"],
      [sc.readOnlyRootFilesystem, true, "readOnlyRootFilesystem: true"],
      [(sc.capabilities?.drop ?? []).includes("ALL"), true, "capabilities.drop: [ALL]"],
      [(sc.seccompProfile ?? podSec.seccompProfile)?.type, "RuntimeDefault", "seccompProfile.type: RuntimeDefault"],
    ];
    for (const [actual, wanted, text] of policy) if (actual !== wanted) fail(r, w, `${where} lacks ${text}`);
    for (const kind of ["requests", "limits"]) {
      if (!c.resources?.[kind]?.memory) fail(r, w, `${where} has no memory ${kind}`);
    }
    if (!c.resources?.requests?.cpu) fail(r, w, `${where} has no cpu request`);
    if (!isInit) for (const p of ["readinessProbe", "livenessProbe"]) if (!c[p]) fail(r, w, `${where} has no ${p}`);
  }
  for (const name of volumes.keys()) if (!mounted.has(name)) fail(r, w, `volume ${name} is mounted by no container`);
  for (const [kind, name, optional, what] of refs) {
    if (!find(kind, name) && optional !== true) fail(r, w, `${what}: ${kind} ${name} is not in this render (mark it optional if it is created separately)`);
  }
}

// ---- consistency, per group -----------------------------------------------------------------------------------
const app = readProperties(appPropertiesFile);
const groups = [...new Set(renders.map((r) => r.group))];
for (const g of groups) checkGroup(g, renders.filter((r) => r.group === g));

function checkGroup(group, rs) {
  const all = rs.flatMap((r) => r.objects.filter(isMap).map((o) => ({ r, o })));
  const of = (kind) => all.filter((x) => x.o.kind === kind);
  const first = rs[0];
  const configs = of("ConfigMap").filter((x) => /^stancewire-config(-|$)/.test(x.o.metadata?.name ?? ""));
  if (configs.length !== 1) {
    fail(first, null, `${configs.length} stancewire-config ConfigMaps in this deployment (want one)`);
    return;
  }
  const env = configs[0].o.data ?? {};
  const bootstrap = env.KAFKA_BOOTSTRAP_SERVERS;
  if (!bootstrap) fail(configs[0].r, configs[0].o, "no KAFKA_BOOTSTRAP_SERVERS: every pod would start its own embedded broker");
  // Quarkus hands Kafka Streams the kafka-streams.* properties it finds by name: a KAFKA_STREAMS_* variable only
  // overrides one that application.properties declares (a warning, not an error: the fix is in the application)
  if (appPropertiesFile) {
    const declared = new Set(Object.keys(app).filter((k) => k.startsWith("kafka-streams.")).map((k) => k.toUpperCase().replace(/[.-]/g, "_")));
    for (const key of Object.keys(env).filter((k) => k.startsWith("KAFKA_STREAMS_"))) {
      if (!declared.has(key)) {
        const property = `kafka-streams.${key.slice("KAFKA_STREAMS_".length).toLowerCase().replace(/_/g, ".")}`;
        warnings.push(`${group}: ${key} has no effect until ${path.basename(appPropertiesFile)} declares ${property} (Quarkus passes only declared kafka-streams.* properties to Kafka Streams)`);
      }
    }
  }
  const partitions = Number(env.STANCEWIRE_TOPICS_PARTITIONS ?? app["stancewire.topics.partitions"]);
  const replicationFactor = Number(env.STANCEWIRE_TOPICS_REPLICATION_FACTOR ?? app["stancewire.topics.replication-factor"] ?? 1);

  const topicNames = {
    articles: app["stancewire.topics.articles"] ?? "articles",
    dlq: app["stancewire.topics.dead-letters"] ?? "articles.dlq",
    analyses: app["stancewire.topics.analyses"] ?? "article-analyses",
    leaderStances: app["stancewire.topics.leader-stances"] ?? "leader-stances",
  };
  const topics = of("KafkaTopic");
  const topicNamed = (n) => topics.find((x) => (x.o.spec?.topicName ?? x.o.metadata?.name) === n);
  if (topics.length > 0) {
    for (const n of Object.values(topicNames)) {
      const t = topicNamed(n);
      if (!t) {
        fail(first, null, `no KafkaTopic for the service's topic ${n}`);
        continue;
      }
      if (t.o.spec?.partitions !== partitions) fail(t.r, t.o, `partitions ${JSON.stringify(t.o.spec?.partitions)} != STANCEWIRE_TOPICS_PARTITIONS ${partitions}`);
    }
    for (const [what, name] of [["analyses", topicNames.analyses], ["leader stances", topicNames.leaderStances]]) {
      const t = topicNamed(name);
      if (t && !String(t.o.spec?.config?.["cleanup.policy"] ?? "").includes("compact")) {
        fail(t.r, t.o, `the ${what} topic must be compacted (cleanup.policy: compact)`);
      }
    }
    for (const t of topics) {
      const declared = Object.values(topicNames).includes(t.o.spec?.topicName ?? t.o.metadata?.name);
      if (!declared) fail(t.r, t.o, "a topic the service does not use");
    }
    // the largest record the service may write to a topic (its producer's max.request.size) must fit the topic
    const producers = {
      [topicNames.articles]: "mp.messaging.outgoing.article-submissions.max.request.size",
      [topicNames.dlq]: "mp.messaging.incoming.articles.dead-letter-queue.max.request.size",
      [topicNames.analyses]: "mp.messaging.outgoing.article-analyses.max.request.size",
    };
    for (const [topic, property] of Object.entries(producers)) {
      const t = topicNamed(topic);
      const request = Number(app[property] ?? 0);
      const limit = Number(t?.o.spec?.config?.["max.message.bytes"] ?? 1048588);
      if (t && request > limit) fail(t.r, t.o, `max.message.bytes ${limit} is below the service's ${property} (${request}): its largest records would be refused`);
    }
  }

  const sts = of("StatefulSet").find((x) => x.o.metadata?.name === "stancewire");
  if (sts) {
    const replicas = sts.o.spec?.replicas ?? 1;
    if (partitions && replicas > partitions) fail(sts.r, sts.o, `${replicas} replicas for ${partitions} partitions: some would sit idle`);
    const container = podTemplate(sts.o)?.spec?.containers?.find((c) => c.name === "stancewire");
    const appServer = container?.env?.find((e) => e.name === "QUARKUS_KAFKA_STREAMS_APPLICATION_SERVER")?.value ?? "";
    if (!appServer.includes(`.${sts.o.spec?.serviceName}.`)) fail(sts.r, sts.o, `QUARKUS_KAFKA_STREAMS_APPLICATION_SERVER "${appServer}" is not the pod's name under its headless Service ${sts.o.spec?.serviceName}`);
  }

  for (const x of of("ScaledObject")) {
    for (const trigger of (x.o.spec?.triggers ?? []).filter((t) => t.type === "kafka")) {
      const m = trigger.metadata ?? {};
      if (m.bootstrapServers !== bootstrap) fail(x.r, x.o, `kafka trigger bootstrapServers ${m.bootstrapServers} != KAFKA_BOOTSTRAP_SERVERS ${bootstrap}`);
      const group = app["mp.messaging.incoming.articles.group.id"];
      if (group && m.consumerGroup !== group) fail(x.r, x.o, `kafka trigger consumerGroup ${m.consumerGroup} != the service's group.id ${group}`);
      if (m.topic !== topicNames.articles) fail(x.r, x.o, `kafka trigger topic ${m.topic} != the service's input topic ${topicNames.articles}`);
    }
    if (partitions && (x.o.spec?.maxReplicaCount ?? 100) > partitions) fail(x.r, x.o, `maxReplicaCount ${x.o.spec?.maxReplicaCount} > ${partitions} partitions: the extra replicas would sit idle`);
  }

  for (const k of of("Kafka")) {
    const name = k.o.metadata.name;
    const listeners = k.o.spec?.kafka?.listeners ?? [];
    const [host, port] = String(bootstrap ?? "").split(",")[0].split(":");
    const listener = listeners.find((l) => String(l.port) === port);
    if (!host.startsWith(`${name}-kafka-bootstrap`) || !listener) fail(k.r, k.o, `KAFKA_BOOTSTRAP_SERVERS ${bootstrap} is not a listener of this cluster (${name}-kafka-bootstrap:<port>)`);
    else if (listener.tls) fail(k.r, k.o, `KAFKA_BOOTSTRAP_SERVERS points at the TLS listener ${listener.name}, but no TLS settings are configured`);
    const brokers = of("KafkaNodePool").filter((p) => p.o.metadata?.labels?.["strimzi.io/cluster"] === name && (p.o.spec?.roles ?? []).includes("broker"))
      .reduce((n, p) => n + (p.o.spec?.replicas ?? 0), 0);
    const config = k.o.spec?.kafka?.config ?? {};
    const needs = [
      ["STANCEWIRE_TOPICS_REPLICATION_FACTOR", replicationFactor],
      ["offsets.topic.replication.factor", Number(config["offsets.topic.replication.factor"] ?? 3)],
      ["transaction.state.log.replication.factor", Number(config["transaction.state.log.replication.factor"] ?? 3)],
      ...topics.filter((t) => t.o.metadata?.labels?.["strimzi.io/cluster"] === name).map((t) => [`replicas of KafkaTopic ${t.o.metadata.name}`, t.o.spec?.replicas ?? 1]),
    ];
    for (const [what, n] of needs) if (n > brokers) fail(k.r, k.o, `${what} is ${n}, but the cluster has ${brokers} broker(s)`);
    for (const t of topics) {
      if (t.o.metadata?.labels?.["strimzi.io/cluster"] !== name) fail(t.r, t.o, `belongs to cluster ${t.o.metadata?.labels?.["strimzi.io/cluster"]}, not to ${name}, the Kafka of this deployment`);
    }
  }
}

// ---- report ---------------------------------------------------------------------------------------------------
let status = 0;
for (const g of groups) {
  const rs = renders.filter((r) => r.group === g);
  const errors = errorsByGroup.get(g) ?? [];
  const counts = {};
  for (const o of rs.flatMap((r) => r.objects)) counts[o?.kind] = (counts[o?.kind] ?? 0) + 1;
  const summary = Object.entries(counts).map(([k, n]) => (n > 1 ? `${n} ${k}` : k)).join(", ");
  const wanted = expectMessages.get(g);
  const shown = wanted ? errors.find((e) => wanted.test(e)) : errors[0];
  if (expectErrors) {
    if (errors.length === 0) {
      console.log(`FAIL  ${g}: expected the validator to reject it, but it passed`);
      status = 1;
    } else if (!shown) {
      console.log(`FAIL  ${g}: rejected, but for other reasons than /${wanted.source}/: ${errors.join("; ")}`);
      status = 1;
    } else {
      console.log(`ok    ${g}: rejected as expected (${shown}${errors.length > 1 ? `; and ${errors.length - 1} more` : ""})`);
    }
  } else if (errors.length === 0) {
    console.log(`ok    ${g} (${rs.map((r) => r.label).join(" + ")}): ${summary}`);
    const m = monitoringByGroup.get(g);
    if (m && m.rules + m.dashboards > 0) {
      const n = (k, one, many) => `${k} ${k === 1 ? one : many}`;
      console.log(`ok    ${g} monitoring: ${n(m.alerts, "alert", "alerts")} (of ${n(m.rules, "rule", "rules")}), ${n(m.dashboards, "dashboard", "dashboards")} ` +
        `(${n(m.panels, "panel", "panels")}); ${m.queries + m.rules} PromQL expressions parse` +
        (metrics ? `; ${m.own.size} stancewire_* series, all exported by ${javaSources}` : ""));
    }
  } else {
    status = 1;
    console.log(`FAIL  ${g} (${rs.map((r) => r.label).join(" + ")}): ${errors.length} problem(s)`);
    for (const e of errors) console.log(`      ${e}`);
  }
}
if (!expectErrors) for (const w of warnings) console.log(`warn  ${w}`);
if (!expectErrors && metrics) {
  const own = metrics.meters.filter((m) => m.name.startsWith("stancewire."));
  console.log(`note  stancewire meters in ${javaSources}: ${own.map((m) => `${m.name} (${m.type}${m.histogram ? ", histogram" : ""})`).join(", ") || "none"}`);
}
process.exit(status);

// ---- helpers --------------------------------------------------------------------------------------------------
function isMap(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function podTemplate(w) {
  return w.kind === "CronJob" ? w.spec?.jobTemplate?.spec?.template : w.spec?.template;
}

function containerPorts(w) {
  return (podTemplate(w)?.spec?.containers ?? []).flatMap((c) => c.ports ?? []);
}

function matches(selector, labels) {
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = e.key in labels;
    const ok = {
      In: () => has && (e.values ?? []).includes(labels[e.key]),
      NotIn: () => !has || !(e.values ?? []).includes(labels[e.key]),
      Exists: () => has,
      DoesNotExist: () => !has,
    }[e.operator];
    if (!ok || !ok()) return false;
  }
  return true;
}

function readProperties(file) {
  const props = {};
  if (!file) return props;
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const m = /^\s*([^#!%\s][^=\s]*)\s*=\s*(.*)$/.exec(line);
    if (m) props[m[1]] = m[2].trim();
  }
  return props;
}
