#!/usr/bin/env python3
"""Makes the comparison table (and the plot's data) from one run of the suite.

Inputs (in the results directory given as the only argument, as written by run.sh):
  jmh.json      JMH's JSON (-rf json); the secondary score ':items' is ns per item
  go.txt        `go test -bench` output; 'ns/item' if the benchmark reports it, else 'ns/op'
  w5mem.jsonl   one JSON line per W5 memory run (Java: W5Memory, Go: cmd/w5mem)
Outputs (same directory): table.md (Markdown), table.txt (plain, also printed), plot.tsv (for Plot).
The tables: channels (Chanflow, Go, Jox, JDK), W5 memory, and the bridges (Chanflow's Reactor/RxJava
bridges against publishOn/observeOn, flatMap and parallel().runOn(); not plotted).

  report.py RESULTS_DIR --compare BASELINE_DIR
prints instead what changed for Chanflow between two runs (ns/op before, after, after/before), Markdown,
for the "Optimisations done" section of BENCHMARKS.md.
Python 3 standard library only.
"""
import json
import os
import re
import statistics
import sys

# Row order: the workloads, Go's runtime benchmarks in chan_test.go's order, Jox's shapes.
ORDER = [
    "W1PingPong", "W2ProducerConsumer/capacity=16", "W2ProducerConsumer/capacity=1024", "W3ManyToMany",
    "W4SelectLoop/capacity=0", "W4SelectLoop/capacity=128", "W5Spawn",
    "ChanNonblocking", "SelectUncontended", "SelectSyncContended", "SelectAsyncContended", "SelectNonblock",
    "ChanUncontended", "ChanContended", "ChanSync",
    "ChanProdCons0", "ChanProdCons10", "ChanProdCons100",
    "ChanProdConsWork0", "ChanProdConsWork10", "ChanProdConsWork100",
    "SelectProdCons", "ChanCreation", "ChanSem", "ChanPopular", "ChanClosed",
    "JoxPair/capacity=0", "JoxPair/capacity=16", "JoxPair/capacity=100", "JoxChain", "JoxParallel",
    "JoxSelect/clauses=1", "JoxSelect/clauses=2",
]

# Short names for the table (the W-names).
LABELS = {
    "W1PingPong": "W1 ping-pong (unbuffered)",
    "W2ProducerConsumer/capacity=16": "W2 1->1 buffered(16)",
    "W2ProducerConsumer/capacity=1024": "W2 1->1 buffered(1024)",
    "W3ManyToMany": "W3 4->4 buffered(128)",
    "W4SelectLoop/capacity=0": "W4a select loop, unbuffered",
    "W4SelectLoop/capacity=128": "W4b select loop, buffered(128)",
    "W5Spawn": "W5 1M goroutines (time)",
}

# Targets of issue 6: (column the ratio is taken against, maximum ratio).
TARGETS = {
    "W2ProducerConsumer/capacity=16": ("Go", 0.5), "W2ProducerConsumer/capacity=1024": ("Go", 0.5),
    "W3ManyToMany": ("Go", 0.7), "W4SelectLoop/capacity=128": ("Go", 0.7),
    "W1PingPong": ("Go", 1.0), "W4SelectLoop/capacity=0": ("Go", 1.0), "ChanSync": ("Go", 1.0),
    "W5Spawn": ("Go", 1.0),
}
for k in ORDER:
    if k.startswith("Jox"):
        TARGETS[k] = ("Jox", 0.5)

# The bridge workloads of issue 6 (BridgeThroughput, StageVsFlatMap): Chanflow's Reactive Streams bridges
# against Reactor's and RxJava's own operators. They get a table of their own, since their baseline is a
# reactive operator, not a channel: one row per (workload, baseline), the ratio as throughput.
BRIDGE_CLASSES = ("BridgeThroughput", "StageVsFlatMap")
BRIDGE_ORDER = [
    "BridgeThroughput/lib=reactor/source=sync", "BridgeThroughput/lib=reactor/source=async",
    "BridgeThroughput/lib=rx/source=sync", "BridgeThroughput/lib=rx/source=async",
    "StageVsFlatMap/lib=reactor", "StageVsFlatMap/lib=rx",
]
LABELS.update({
    "BridgeThroughput/lib=reactor/source=sync": "Flux->chan(256)->Flux, range pulled",
    "BridgeThroughput/lib=reactor/source=async": "Flux->chan(256)->Flux, range on own thread",
    "BridgeThroughput/lib=rx/source=sync": "Flowable->chan(256)->Flowable, range pulled",
    "BridgeThroughput/lib=rx/source=async": "Flowable->chan(256)->Flowable, range on own thread",
    "StageVsFlatMap/lib=reactor": "stage(4) on Flux, ~200 ns work/value",
    "StageVsFlatMap/lib=rx": "stage(4) on Flowable, ~200 ns work/value",
})
# (class, lib, JMH method) -> what the baseline is.
BASELINES = {
    ("BridgeThroughput", "reactor", "baseline"): "Reactor publishOn(single, 256)",
    ("BridgeThroughput", "rx", "baseline"): "RxJava observeOn(single, 256)",
    ("StageVsFlatMap", "reactor", "flatMap"): "Reactor flatMap(subscribeOn(parallel), 4)",
    ("StageVsFlatMap", "reactor", "parallel"): "Reactor parallel(4).runOn(parallel)",
    ("StageVsFlatMap", "rx", "flatMap"): "RxJava flatMap(subscribeOn(computation), 4)",
    ("StageVsFlatMap", "rx", "parallel"): "RxJava parallel(4).runOn(computation)",
}
# Issue 6: the channel bridge >= 1.0x the throughput of publishOn(256) (observeOn(256) likewise).
BRIDGE_TARGETS = {"BridgeThroughput": 1.0}


def is_bridge(key):
    return key.split("/")[0] in BRIDGE_CLASSES


def jmh_key(bench, params):
    cls, method = bench.rsplit(".", 2)[-2:]
    if cls == "ChanProdCons":
        size, work = params["chanSize"], params["work"]
        return ("ChanProdConsWork" if work != "0" else "ChanProdCons") + size, method
    key = cls + "".join("/%s=%s" % (p, params[p]) for p in sorted(params))
    return key, method


def load_jmh(path):
    """{key: {method: (ns_per_item, relative_error)}}"""
    out = {}
    if not os.path.exists(path):
        return out
    for r in json.load(open(path)):
        items = r.get("secondaryMetrics", {}).get("items")
        if not items:
            continue
        key, method = jmh_key(r["benchmark"], r.get("params", {}))
        score = items["score"]
        err = items.get("scoreError")
        rel = err / score if isinstance(err, (int, float)) and score else None
        out.setdefault(key, {})[method] = (score, rel)
    return out


GO_LINE = re.compile(r"^Benchmark(\S+)\s+(\d+)\s+([\d.]+) ns/op(.*)$")


def load_go(path):
    """{key: ns} (median over -count repetitions)"""
    runs = {}
    if not os.path.exists(path):
        return {}
    for line in open(path):
        m = GO_LINE.match(line.strip())
        if not m:
            continue
        name = re.sub(r"-\d+$", "", m.group(1))
        ns = float(m.group(3))
        item = re.search(r"([\d.]+) ns/item", m.group(4))
        if item:
            ns = float(item.group(1))
        runs.setdefault(name, []).append(ns)
    return {k: statistics.median(v) for k, v in runs.items()}


def load_mem(path):
    out = {}
    if os.path.exists(path):
        for line in open(path):
            line = line.strip()
            if line.startswith("{"):
                r = json.loads(line)
                out[r["impl"]] = r
    return out


def jdk_name(key, method):
    """PipeBench.jdkQueue is a SynchronousQueue for an unbuffered shape, else an ArrayBlockingQueue."""
    if method == "jdkQueue":
        unbuffered = key in ("W1PingPong", "ChanSync", "JoxChain", "JoxParallel") \
            or re.search(r"(capacity=0|ProdCons(Work)?0)$", key)
        return "SynchronousQueue" if unbuffered else "ArrayBlockingQueue"
    return method[3:]


def fmt_ns(x):
    if x is None:
        return "-"
    if x >= 100:
        return "{:,.0f}".format(x)
    if x >= 10:
        return "%.1f" % x
    return "%.2f" % x


def fmt_ratio(x):
    return "-" if x is None else "%.2f" % x


def fmt_err(rel):
    return "" if rel is None else "%.0f%%" % (100 * rel)


def bridge_table(jmh):
    """Rows of the bridge table: Chanflow against each reactive baseline, throughput ratio and target."""
    keys = [k for k in BRIDGE_ORDER if k in jmh] + sorted(k for k in jmh if is_bridge(k) and k not in BRIDGE_ORDER)
    rows = []
    for key in keys:
        cls = key.split("/")[0]
        lib_param = re.search(r"lib=(\w+)", key)
        lib = lib_param.group(1) if lib_param else ""
        cf = jmh[key].get("chanflow")
        for method in sorted(m for m in jmh[key] if m != "chanflow"):
            base = jmh[key][method]
            ratio = base[0] / cf[0] if cf and base[0] else None
            target, met = "", ""
            if cls in BRIDGE_TARGETS:
                target = ">= %.2fx" % BRIDGE_TARGETS[cls]
                met = "-" if ratio is None else ("yes" if ratio >= BRIDGE_TARGETS[cls] else "NO")
            rows.append([LABELS.get(key, key), fmt_ns(cf[0] if cf else None), fmt_err(cf[1] if cf else None),
                         BASELINES.get((cls, lib, method), method), fmt_ns(base[0]), fmt_err(base[1]),
                         "-" if ratio is None else "%.2fx" % ratio, target, met])
    return rows


def main(results):
    jmh = load_jmh(os.path.join(results, "jmh.json"))
    go = load_go(os.path.join(results, "go.txt"))
    mem = load_mem(os.path.join(results, "w5mem.jsonl"))

    keys = [k for k in ORDER if k in jmh or k in go] + sorted(k for k in set(jmh) | set(go)
                                                             if k not in ORDER and not is_bridge(k))
    rows = []
    for key in keys:
        impls = jmh.get(key, {})
        base = impls.get("chanflow")
        jdk = {m: v for m, v in impls.items() if m.startswith("jdk")}
        jdk_best = min(jdk.items(), key=lambda kv: kv[1][0]) if jdk else None
        jox = impls.get("jox")
        variants = [("", base)] + sorted((m[len("chanflow"):], v) for m, v in impls.items()
                                          if m.startswith("chanflow") and m != "chanflow")
        for suffix, cf in variants:
            rows.append({
                "key": key, "variant": suffix,
                "label": LABELS.get(key, key) + (" [%s]" % suffix if suffix else ""),
                "chanflow": cf[0] if cf else None, "err": cf[1] if cf else None,
                "go": go.get(key), "jox": jox[0] if jox else None,
                "jdk": jdk_best[1][0] if jdk_best and not suffix else None,
                "jdk_name": jdk_name(key, jdk_best[0]) if jdk_best and not suffix else "",
            })

    header = ["workload", "Chanflow ns/op", "±", "Go ns/op", "Jox ns/op", "JDK ns/op", "JDK queue",
              "Chanflow/Go", "Chanflow/Jox", "target", "met"]
    table = []
    for r in rows:
        cg = r["chanflow"] / r["go"] if r["chanflow"] and r["go"] else None
        cj = r["chanflow"] / r["jox"] if r["chanflow"] and r["jox"] else None
        target, met = "", ""
        if r["key"] in TARGETS and not r["variant"]:
            col, limit = TARGETS[r["key"]]
            ratio = cg if col == "Go" else cj
            target = "<= %.2fx %s" % (limit, col)
            met = "-" if ratio is None else ("yes" if ratio <= limit else "NO")
        table.append([r["label"], fmt_ns(r["chanflow"]),
                      fmt_err(r["err"]),
                      fmt_ns(r["go"]), fmt_ns(r["jox"]), fmt_ns(r["jdk"]), r["jdk_name"],
                      fmt_ratio(cg), fmt_ratio(cj), target, met])

    # W5 memory
    mem_header = ["W5 memory (1 run each)", "goroutines", "peak RSS added (MB)", "live after GC (MB)",
                  "bytes/goroutine (live)", "peak vs Go", "target", "met"]
    mem_rows = []
    go_peak = mem.get("go", {}).get("peak_rss_mb")
    for impl in ["chanflow", "chanflowPlainThreads", "go", "jox", "jdk"]:
        r = mem.get(impl)
        if not r:
            continue
        ratio = r["peak_rss_mb"] / go_peak if go_peak else None
        target = "<= 0.25x Go" if impl == "chanflow" else ""
        met = ("yes" if ratio is not None and ratio <= 0.25 else "NO") if target and ratio is not None else ""
        mem_rows.append([impl, str(r["n"]), "%.0f" % r["peak_rss_mb"], "%.0f" % r["live_heap_mb"],
                         "%.0f" % r["live_bytes_per_goroutine"], fmt_ratio(ratio), target, met])

    bridge_header = ["bridge workload", "Chanflow ns/op", "±", "baseline", "baseline ns/op", "±",
                     "Chanflow throughput / baseline", "target", "met"]
    bridge_rows = bridge_table(jmh)

    # Every table that has rows (a --filter may leave only some); the channel table at least.
    tables = [(h, t) for h, t in ((header, table), (mem_header, mem_rows), (bridge_header, bridge_rows)) if t]
    md = [markdown(h, t) for h, t in tables or [(header, table)]]
    txt = [plain(h, t) for h, t in tables or [(header, table)]]
    notes = ("ns/op: ns per item (JMH ':items'; Go 'ns/item' or Go's own ns/op). '±': JMH's 99.9% "
             "confidence half-width of the Chanflow score. JDK: the fastest JDK queue for that shape.")
    if bridge_rows:
        notes += (" Bridges: one item = one value; throughput = baseline ns / Chanflow ns (above 1: Chanflow "
                  "moves more values per second); '±' after each score is its own half-width.")
    open(os.path.join(results, "table.md"), "w").write("\n\n".join(md) + "\n\n" + notes + "\n")
    open(os.path.join(results, "table.txt"), "w").write("\n\n".join(txt) + "\n")
    print("\n\n".join(txt))
    print("\n" + notes)

    with open(os.path.join(results, "plot.tsv"), "w") as f:
        f.write("workload\tChanflow\tGo\tJox\tJDK\n")
        for r in rows:
            if r["variant"]:
                continue
            f.write("\t".join([r["label"]] + ["" if r[c] is None else "%.3f" % r[c]
                                              for c in ("chanflow", "go", "jox", "jdk")]) + "\n")


def compare(results, baseline):
    new = load_jmh(os.path.join(results, "jmh.json"))
    old = load_jmh(os.path.join(baseline, "jmh.json"))
    rows = []
    keys = [k for k in ORDER if k in new] + sorted(k for k in new if k not in ORDER)
    for key in keys:
        for method in sorted(m for m in new[key] if m.startswith("chanflow")):
            before, after = old.get(key, {}).get(method), new[key][method]
            label = LABELS.get(key, key) + (" [%s]" % method[len("chanflow"):] if method != "chanflow" else "")
            ratio = after[0] / before[0] if before else None
            rows.append([label, fmt_ns(before[0] if before else None), fmt_ns(after[0]), fmt_ratio(ratio)])
    print(markdown(["workload", "Chanflow before", "Chanflow after", "after/before"], rows))


def markdown(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def plain(header, rows):
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    line = lambda r: "  ".join(str(x).ljust(w) if i == 0 else str(x).rjust(w)
                               for i, (x, w) in enumerate(zip(r, widths)))
    return "\n".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in rows])


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[2] == "--compare":
        compare(sys.argv[1], sys.argv[3])
    elif len(sys.argv) == 2:
        main(sys.argv[1])
    else:
        sys.exit("usage: report.py RESULTS_DIR [--compare BASELINE_DIR]")
