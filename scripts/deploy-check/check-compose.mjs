#!/usr/bin/env node
// Checks docker/compose.yaml beyond its schema (run by scripts/check-deploy after dclint, which validates it
// against the compose-spec schema and its own rules):
//   - strict YAML (no duplicate keys);
//   - the service's build context and Dockerfile exist;
//   - KAFKA_BOOTSTRAP_SERVERS names a service of the file and one of its advertised listeners;
//   - the README's commands work from the host: a Kafka listener advertised as localhost:P is published on the
//     host's port P, and the service's 8080 is published on 8080;
//   - Kafka is the official apache/kafka image, 4.1.x, in KRaft mode with a valid CLUSTER_ID, and has a
//     healthcheck the service waits for;
//   - the service's data directory is a volume and, with a read-only root file system, /tmp is a tmpfs that
//     allows exec (RocksDB loads its native library from there).
//
//   node check-compose.mjs COMPOSE.yaml
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";

const file = process.argv[2];
if (!file) {
  console.error("usage: check-compose.mjs COMPOSE.yaml");
  process.exit(2);
}
const problems = [];
const doc = YAML.parseDocument(fs.readFileSync(file, "utf8"), { uniqueKeys: true, prettyErrors: true });
for (const e of doc.errors) problems.push(`YAML: ${e.message}`);
const compose = doc.errors.length ? {} : doc.toJS();
const services = compose.services ?? {};
const envOf = (svc) => {
  const env = services[svc]?.environment ?? {};
  return Array.isArray(env) ? Object.fromEntries(env.map((e) => [e.split("=")[0], e.slice(e.indexOf("=") + 1)])) : env;
};
// "[ip:]host:container[/proto]" -> {host, container}
const published = (svc) => (services[svc]?.ports ?? []).map((p) => {
  if (typeof p === "object") return { host: String(p.published), container: String(p.target) };
  const parts = String(p).replace(/\/(tcp|udp)$/, "").split(":");
  return { host: parts[parts.length - 2], container: parts[parts.length - 1] };
});

const app = services.stancewire;
if (!app) problems.push("no service named stancewire");
else {
  const dir = path.dirname(file);
  const ctx = path.resolve(dir, app.build?.context ?? ".");
  const dockerfile = path.resolve(ctx, app.build?.dockerfile ?? "Dockerfile");
  if (!fs.existsSync(ctx)) problems.push(`stancewire: build context ${ctx} does not exist`);
  if (!fs.existsSync(dockerfile)) problems.push(`stancewire: Dockerfile ${dockerfile} does not exist`);

  const bootstrap = envOf("stancewire").KAFKA_BOOTSTRAP_SERVERS;
  if (!bootstrap) problems.push("stancewire: no KAFKA_BOOTSTRAP_SERVERS (it would start its embedded broker)");
  else {
    const [host, port] = bootstrap.split(",")[0].split(":");
    const kafkaEnv = envOf(host);
    if (!services[host]) problems.push(`stancewire: KAFKA_BOOTSTRAP_SERVERS ${bootstrap} names no service of this file`);
    else if (!String(kafkaEnv.KAFKA_ADVERTISED_LISTENERS ?? "").split(",").some((l) => l.endsWith(`//${host}:${port}`))) {
      problems.push(`${host}: no listener is advertised as ${host}:${port} (KAFKA_ADVERTISED_LISTENERS)`);
    }
    if (app.depends_on?.[host]?.condition !== "service_healthy") problems.push(`stancewire: should wait for ${host} with depends_on condition service_healthy`);
    if (!services[host]?.healthcheck) problems.push(`${host}: no healthcheck to wait for`);
  }
  if (!published("stancewire").some((p) => p.host === "8080" && p.container === "8080")) problems.push("stancewire: port 8080 is not published on the host's 8080 (the README's curl examples)");
  const dataDir = envOf("stancewire").STANCEWIRE_DATA_DIR ?? "/deployments/data";
  if (!(app.volumes ?? []).some((v) => (typeof v === "string" ? v.split(":")[1] : v.target) === dataDir)) problems.push(`stancewire: no volume on ${dataDir} (the Kafka Streams state)`);
  if (app.read_only) {
    const tmp = (Array.isArray(app.tmpfs) ? app.tmpfs : [app.tmpfs]).find((t) => String(t).split(":")[0] === "/tmp");
    if (!tmp) problems.push("stancewire: read_only without a tmpfs on /tmp");
    else if (!String(tmp).split(":")[1]?.split(",").includes("exec")) problems.push("stancewire: /tmp must be mounted with exec (RocksDB, zstd and snappy load native libraries from it)");
  }
  if (!app.healthcheck) problems.push("stancewire: no healthcheck");
}

const kafka = services.kafka;
if (!kafka) problems.push("no service named kafka");
else {
  if (!/^apache\/kafka:4\.1\.\d+$/.test(kafka.image ?? "")) problems.push(`kafka: image ${kafka.image} is not apache/kafka:4.1.x`);
  const env = envOf("kafka");
  if (!String(env.KAFKA_PROCESS_ROLES ?? "").includes("controller")) problems.push("kafka: not in KRaft combined mode (KAFKA_PROCESS_ROLES)");
  const id = String(env.CLUSTER_ID ?? "");
  if (Buffer.from(id, "base64url").length !== 16 || !/^[A-Za-z0-9_-]{22}$/.test(id)) problems.push(`kafka: CLUSTER_ID ${id} is not a base64 UUID (22 characters, 16 bytes)`);
  const listeners = Object.fromEntries(String(env.KAFKA_LISTENERS ?? "").split(",").map((l) => {
    const m = /^([A-Z_]+):\/\/[^:]*:(\d+)$/.exec(l.trim());
    return m ? [m[1], m[2]] : [l, null];
  }));
  for (const adv of String(env.KAFKA_ADVERTISED_LISTENERS ?? "").split(",")) {
    const m = /^([A-Z_]+):\/\/([^:]+):(\d+)$/.exec(adv.trim());
    if (!m) {
      problems.push(`kafka: cannot read the advertised listener ${adv}`);
      continue;
    }
    const [, name, host, port] = m;
    if (!listeners[name]) problems.push(`kafka: advertised listener ${name} is not in KAFKA_LISTENERS`);
    if (host === "localhost" && !published("kafka").some((p) => p.host === port && p.container === listeners[name])) {
      problems.push(`kafka: ${name} is advertised as localhost:${port} but the host's port ${port} is not published to its port ${listeners[name]}`);
    }
  }
  if (!String(env.KAFKA_ADVERTISED_LISTENERS ?? "").includes("//localhost:9092")) problems.push("kafka: no listener for the host on localhost:9092 (the README's kcat examples)");
}

if (problems.length) {
  console.log(`FAIL  ${file}: ${problems.length} problem(s)`);
  for (const p of problems) console.log(`      ${p}`);
  process.exit(1);
}
console.log(`ok    ${file}: ${Object.keys(services).join(", ")}`);
