#!/usr/bin/env node
// Checks the Dockerfiles without a container engine (run by scripts/check-deploy).
//
//   node check-dockerfiles.mjs [--app DIR] CONTEXT DOCKERFILE...
//
// For every Dockerfile:
//   1. dockerfile-utils lints it with every rule at severity error: any diagnostic fails;
//   2. its instructions are replayed on the files of the build context (after .dockerignore), when the packaged
//      application (--app, default target/quarkus-app) exists: every COPY source must match files that reach the
//      context, COPY --from must name an earlier stage, and `mkdir`/`mv` in RUN are applied, so that the final
//      image's file tree and its layers are known. Then:
//        - every file of the packaged application is in the image at the same place under /deployments, once;
//        - the ENTRYPOINT runs `java -jar /deployments/quarkus-run.jar`, that jar's Main-Class is Quarkus' entry
//          point and every Class-Path entry of its manifest is in the image;
//        - the CoreNLP models jar is the only file of its layer, which comes before the other dependencies;
//   3. the final stage runs as a non-root numeric USER, EXPOSEs 8080 and has an absolute WORKDIR.
// Without the packaged application, step 2 is skipped and said so (run it after `./mvnw package`).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { DockerfileParser } from "dockerfile-ast";
import { validate, ValidationSeverity } from "dockerfile-utils";

const args = process.argv.slice(2);
let appDir = "target/quarkus-app";
if (args[0] === "--app") {
  appDir = args[1];
  args.splice(0, 2);
}
const [context, ...dockerfiles] = args;
if (!context || dockerfiles.length === 0) {
  console.error("usage: check-dockerfiles.mjs [--app DIR] CONTEXT DOCKERFILE...");
  process.exit(2);
}
const APP = path.join(context, appDir);
const appPresent = fs.existsSync(path.join(APP, "quarkus-run.jar"));
const MODELS_JAR = /stanford-corenlp-[^/]*-models\.jar$/;

let failures = 0;
for (const file of dockerfiles) {
  const problems = [];
  const notes = [];
  checkDockerfile(file, problems, notes);
  if (problems.length === 0) {
    console.log(`ok    ${file}`);
  } else {
    failures++;
    console.log(`FAIL  ${file}: ${problems.length} problem(s)`);
    for (const p of problems) console.log(`      ${p}`);
  }
  for (const n of notes) console.log(`      ${n}`);
}
process.exit(failures === 0 ? 0 : 1);

function checkDockerfile(file, problems, notes) {
  const content = fs.readFileSync(file, "utf8");

  // 1. lint, every rule as an error
  const everything = {};
  for (const key of ["deprecatedMaintainer", "directiveCasing", "emptyContinuationLine", "instructionCasing",
    "instructionCmdMultiple", "instructionEntrypointMultiple", "instructionHealthcheckMultiple",
    "instructionJSONInSingleQuotes", "instructionWorkdirRelative"]) everything[key] = ValidationSeverity.ERROR;
  for (const d of validate(content, everything)) {
    problems.push(`line ${d.range.start.line + 1}: ${d.message} (dockerfile-utils)`);
  }

  // 3. the final stage's user, port and working directory
  const dockerfile = DockerfileParser.parse(content);
  const instructions = dockerfile.getInstructions();
  const froms = instructions.map((ins, i) => [ins, i]).filter(([ins]) => ins.getKeyword() === "FROM");
  if (froms.length === 0) {
    problems.push("no FROM");
    return;
  }
  const finalStart = froms[froms.length - 1][1];
  const final = instructions.slice(finalStart);
  const last = (keyword) => final.filter((ins) => ins.getKeyword() === keyword).pop();
  const user = last("USER")?.getArguments()[0]?.getValue();
  if (!user || !/^[1-9][0-9]*(:[0-9]+)?$/.test(user)) problems.push(`the final stage must end as a numeric non-root USER (Kubernetes runAsNonRoot can check only a number), not ${user ?? "the base image's user"}`);
  const exposed = final.filter((ins) => ins.getKeyword() === "EXPOSE").flatMap((ins) => ins.getArguments().map((a) => a.getValue()));
  if (!exposed.some((p) => p === "8080" || p === "8080/tcp")) problems.push("the final stage does not EXPOSE 8080");
  const workdir = last("WORKDIR")?.getArguments()[0]?.getValue();
  if (!workdir || !workdir.startsWith("/")) problems.push(`WORKDIR ${workdir ?? "(none)"} is not an absolute path`);
  const entrypoint = last("ENTRYPOINT");
  let entry = [];
  try {
    entry = entrypoint ? JSON.parse(entrypoint.getArgumentsContent().replace(/\\\n/g, "")) : [];
  } catch {
    entry = [];
  }
  if (!Array.isArray(entry)) entry = [];
  if (entry.length === 0) problems.push("the final stage needs an ENTRYPOINT in exec (JSON) form, so that java receives SIGTERM");
  const command = entry.join(" ");
  const jarMatch = /java\b.*\s-jar\s+(\S+)/.exec(command);
  if (!jarMatch) problems.push("the ENTRYPOINT does not run `java ... -jar <jar>`");
  if (entry[0]?.endsWith("sh") && !/(^|\s)exec\s+java\b/.test(command)) problems.push("the ENTRYPOINT's shell must `exec java`, or the JVM is not PID 1 and never sees SIGTERM");

  // 2. replay the build on the context
  if (!appPresent) {
    notes.push(`(COPY sources, image layout and entry point not checked: ${APP} does not exist; run after ./mvnw package)`);
    return;
  }
  const ignore = readDockerignore(path.join(context, ".dockerignore"));
  // the context files under the literal part of a COPY source (the whole context may be large)
  const contextFiles = (operand) => {
    const literal = operand.replace(/^\.?\/+/, "").split("/");
    const firstGlob = literal.findIndex((part) => /[*?[]/.test(part));
    const prefix = (firstGlob < 0 ? literal : literal.slice(0, firstGlob)).join("/");
    const full = path.join(context, prefix);
    if (!fs.existsSync(full)) return [];
    const files = fs.statSync(full).isDirectory() ? listFiles(context, prefix) : [prefix];
    return files.filter((f) => !ignore(f));
  };
  const stages = new Map(); // name -> Map(path -> {src, size})
  let fs_ = null;
  let layers = [];
  for (let i = 0; i < instructions.length; i++) {
    const ins = instructions[i];
    const keyword = ins.getKeyword();
    const line = ins.getRange().start.line + 1;
    if (keyword === "FROM") {
      fs_ = new Map();
      layers = [];
      const stage = ins.getBuildStage();
      stages.set(stage ?? `#${stages.size}`, fs_);
      const image = ins.getImageName();
      if (image && stages.has(image)) for (const [k, v] of stages.get(image)) fs_.set(k, v);
      continue;
    }
    if (keyword === "COPY" || keyword === "ADD") {
      const from = ins.getFlags().find((f) => f.getName() === "from")?.getValue() ?? null;
      const operands = ins.getArguments().map((a) => a.getValue());
      const dest = operands.pop();
      const layer = { line, text: `${keyword} ${from ? `--from=${from} ` : ""}${operands.join(" ")} ${dest}`, files: [] };
      if (from && !stages.has(from)) {
        problems.push(`line ${line}: COPY --from=${from}: no earlier stage has that name`);
        continue;
      }
      for (const operand of operands) {
        const source = from ? stages.get(from)
          : new Map(contextFiles(operand).map((f) => [`/${f}`, { src: f, size: fs.statSync(path.join(context, f)).size }]));
        const copied = copy(source, from ? operand : `/${operand.replace(/^\.?\//, "")}`, dest);
        if (copied.length === 0) {
          problems.push(`line ${line}: ${keyword} source ${operand} matches no file${from ? ` of stage ${from}` : " of the build context (missing, or excluded by .dockerignore)"}`);
        }
        for (const [to, entry] of copied) {
          fs_.set(to, entry);
          layer.files.push([to, entry]);
        }
      }
      layers.push(layer);
      continue;
    }
    if (keyword === "RUN") {
      for (const command of ins.getArgumentsContent().replace(/\\\n/g, " ").split(/&&|;/)) {
        const words = command.trim().split(/\s+/);
        if (words[0] !== "mv") continue;
        const operands = words.slice(1).filter((w) => !w.startsWith("-"));
        const dest = operands.pop();
        for (const operand of operands) {
          const moved = [...fs_.keys()].filter((p) => globToRegExp(operand).test(p));
          if (moved.length === 0) problems.push(`line ${line}: mv ${operand} matches no file of this stage`);
          for (const p of moved) {
            const entry = fs_.get(p);
            fs_.delete(p);
            fs_.set(path.posix.join(dest, path.posix.basename(p)), entry);
          }
        }
      }
    }
  }

  // the packaged application, file by file, in the final image
  const image = fs_;
  const appFiles = listFiles(context, appDir).filter((f) => !f.endsWith("quarkus-app-dependencies.txt"));
  const inImage = new Map();
  for (const [, e] of layers.flatMap((l) => l.files)) inImage.set(e.src, (inImage.get(e.src) ?? 0) + 1);
  const missing = [];
  for (const f of appFiles) {
    const rel = path.posix.relative(appDir, f);
    const at = image.get(`/deployments/${rel}`);
    if (!at || at.src !== f) missing.push(`${f} is not at /deployments/${rel} in the image`);
    else if ((inImage.get(f) ?? 0) > 1) problems.push(`${f} is copied by ${inImage.get(f)} layers of the final stage (its bytes ship twice)`);
  }
  problems.push(...missing.slice(0, 5));
  if (missing.length > 5) problems.push(`... and ${missing.length - 5} more files of ${appDir} missing from the image`);

  // the entry point
  if (jarMatch) {
    const jar = jarMatch[1];
    const entry = image.get(jar);
    if (!entry) problems.push(`the ENTRYPOINT runs ${jar}, which is not in the image`);
    else {
      const manifest = readManifest(path.join(context, entry.src));
      if (manifest["Main-Class"] !== "io.quarkus.bootstrap.runner.QuarkusEntryPoint") problems.push(`${entry.src}: Main-Class is ${manifest["Main-Class"]}, not Quarkus' entry point`);
      for (const cp of (manifest["Class-Path"] ?? "").split(/\s+/).filter(Boolean)) {
        if (!image.has(path.posix.join(path.posix.dirname(jar), cp))) problems.push(`${jar} needs ${cp} (its Class-Path), which is not in the image`);
      }
      for (const needed of ["quarkus/quarkus-application.dat"]) {
        if (!image.has(path.posix.join(path.posix.dirname(jar), needed))) problems.push(`the fast-jar needs ${needed} next to ${jar}`);
      }
    }
  }

  // the layers of the final stage
  const models = layers.filter((l) => l.files.some(([to]) => MODELS_JAR.test(to)));
  if (models.length !== 1) problems.push(`the CoreNLP models jar is in ${models.length} layers of the final stage (want exactly one)`);
  else {
    const l = models[0];
    if (l.files.length !== 1) problems.push(`line ${l.line}: the models layer holds ${l.files.length} files; the models jar should be alone in it`);
    const deps = layers.find((x) => x.files.some(([to]) => to.includes("/lib/main/") && !MODELS_JAR.test(to)));
    if (deps && deps.line < l.line) problems.push("the models layer should come before the other dependencies (it changes least often)");
  }
  for (const l of layers) {
    const size = l.files.reduce((n, [, e]) => n + e.size, 0);
    notes.push(`layer (line ${l.line}) ${l.text}: ${l.files.length} file(s), ${(size / 1e6).toFixed(1)} MB`);
  }
}

// Copies `operand` (a file, a directory or a glob) from `source` (path -> entry) to `dest`, as COPY does: a
// directory's contents go into dest; a file goes to dest/<name> when dest ends with "/" (or several sources match).
function copy(source, operand, dest) {
  const out = [];
  const clean = operand.replace(/\/+$/, "") || "/";
  const re = globToRegExp(clean);
  const matched = new Set();
  for (const p of source.keys()) {
    if (re.test(p)) matched.add(p);
    // a directory: every path under it
    const parts = p.split("/");
    for (let n = parts.length - 1; n > 1; n--) {
      const dir = parts.slice(0, n).join("/");
      if (re.test(dir)) matched.add(`${dir}\u0000${p}`);
    }
  }
  const files = [...matched].filter((m) => !m.includes("\u0000"));
  const dirs = [...matched].filter((m) => m.includes("\u0000"));
  const many = files.length + new Set(dirs.map((d) => d.split("\u0000")[0])).size > 1;
  for (const f of files) {
    const to = dest.endsWith("/") || many ? path.posix.join(dest, path.posix.basename(f)) : dest;
    out.push([to, source.get(f)]);
  }
  for (const d of dirs) {
    const [dir, p] = d.split("\u0000");
    out.push([path.posix.join(dest, path.posix.relative(dir, p)), source.get(p)]);
  }
  return out;
}

function globToRegExp(glob) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*" && glob[i + 1] === "*") {
      re += ".*";
      i++;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = glob.indexOf("]", i);
      re += `[${glob.slice(i + 1, end).replace(/^!/, "^")}]`;
      i = end;
    } else re += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

// .dockerignore as Docker reads it: patterns in order, the last that matches a path or one of its parents wins.
function readDockerignore(file) {
  if (!fs.existsSync(file)) return () => false;
  const patterns = fs.readFileSync(file, "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"))
    .map((l) => {
      const negate = l.startsWith("!");
      const p = path.posix.normalize((negate ? l.slice(1) : l).trim()).replace(/^\/+/, "");
      return { negate, re: globToRegExp(p) };
    });
  return (f) => {
    let excluded = false;
    const parts = f.split("/");
    for (const { negate, re } of patterns) {
      for (let n = 1; n <= parts.length; n++) {
        if (re.test(parts.slice(0, n).join("/"))) {
          excluded = !negate;
          break;
        }
      }
    }
    return excluded;
  };
}

function listFiles(root, dir) {
  const out = [];
  const walk = (rel) => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const r = path.posix.join(rel, e.name);
      if (e.isDirectory()) walk(r);
      else out.push(r);
    }
  };
  if (fs.existsSync(path.join(root, dir))) walk(dir);
  return out;
}

// META-INF/MANIFEST.MF of a jar, as a map (a minimal zip reader: central directory, then the local entry).
function readManifest(jar) {
  const buf = fs.readFileSync(jar);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return {};
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    if (name === "META-INF/MANIFEST.MF") {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      const text = (method === 8 ? zlib.inflateRawSync(data) : data).toString("utf8").replace(/\r?\n /g, "");
      return Object.fromEntries(text.split(/\r?\n/).filter((l) => l.includes(": ")).map((l) => [l.slice(0, l.indexOf(": ")), l.slice(l.indexOf(": ") + 2)]));
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return {};
}
