"""Validate dev.jsonl / test.jsonl and print per-level and per-category counts."""
import json, sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
LEVELS = ["none", "low", "moderate", "high", "imminent"]
CAT_LEVEL = {
    "everyday": "none", "hard_idiom": "none", "hard_negation": "none",
    "hard_third_person": "none", "hard_fiction_news": "none", "hard_technical": "none",
    "hard_plans": "none",
    "distress": "low", "history": "low",
    "passive_ideation": "moderate", "active_ideation": "moderate", "self_harm": "moderate",
    "method": "high", "plan": "high",
    "intent": "imminent", "preparatory": "imminent", "attempt": "imminent",
}
HARD = [c for c in CAT_LEVEL if c.startswith("hard_")]
MIN_TOTAL = {"dev": 220, "test": 320}
MIN_PER_HARD = {"dev": 10, "test": 15}
# none rose from .35 to .41 when the everyday-plans hard negatives (hard_plans) were added.
TARGET = {"none": .41, "low": .13, "moderate": .18, "high": .14, "imminent": .14}

def load(split):
    rows, errors = [], []
    for n, line in enumerate((HERE / f"{split}.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        try:
            o = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"{split}:{n}: invalid JSON ({e})"); continue
        extra = set(o) - {"id", "text", "level", "category", "note"}
        missing = {"id", "text", "level", "category"} - set(o)
        if extra or missing:
            errors.append(f"{split}:{n}: keys extra={extra} missing={missing}")
        if not str(o.get("id", "")).startswith(f"{split}-"):
            errors.append(f"{split}:{n}: id {o.get('id')!r} lacks prefix {split}-")
        if o.get("level") not in LEVELS:
            errors.append(f"{split}:{n}: bad level {o.get('level')!r}")
        if o.get("category") not in CAT_LEVEL:
            errors.append(f"{split}:{n}: bad category {o.get('category')!r}")
        elif CAT_LEVEL[o["category"]] != o.get("level"):
            errors.append(f"{split}:{n}: category {o['category']} implies level {CAT_LEVEL[o['category']]}, got {o.get('level')}")
        if not isinstance(o.get("text"), str) or not o["text"].strip():
            errors.append(f"{split}:{n}: empty text")
        rows.append(o)
    return rows, errors

def main():
    all_errors, data = [], {}
    for split in ("dev", "test"):
        rows, errors = load(split)
        data[split] = rows
        all_errors += errors
        ids = Counter(r["id"] for r in rows)
        all_errors += [f"{split}: duplicate id {i}" for i, c in ids.items() if c > 1]
        texts = Counter(r["text"].lower() for r in rows)
        all_errors += [f"{split}: duplicate text {t!r}" for t, c in texts.items() if c > 1]
        if len(rows) < MIN_TOTAL[split]:
            all_errors.append(f"{split}: {len(rows)} rows < {MIN_TOTAL[split]}")
        cats = Counter(r["category"] for r in rows)
        for h in HARD:
            if cats[h] < MIN_PER_HARD[split]:
                all_errors.append(f"{split}: {h} has {cats[h]} < {MIN_PER_HARD[split]}")
        none = sum(1 for r in rows if r["level"] == "none")
        hard = sum(cats[h] for h in HARD)
        if hard * 3 < none * 2:
            all_errors.append(f"{split}: hard negatives {hard} < 2/3 of none {none}")
        levels = Counter(r["level"] for r in rows)
        for lv, share in TARGET.items():
            if abs(levels[lv] / len(rows) - share) > 0.03:
                all_errors.append(f"{split}: level {lv} share {levels[lv]/len(rows):.2f} far from {share}")
    overlap = {r["text"].lower() for r in data["dev"]} & {r["text"].lower() for r in data["test"]}
    all_errors += [f"text in both dev and test: {t!r}" for t in overlap]
    ids = Counter(r["id"] for s in data.values() for r in s)
    all_errors += [f"id in both files: {i}" for i, c in ids.items() if c > 1]

    # counts table (markdown)
    d, t = data["dev"], data["test"]
    lv = lambda rows: Counter(r["level"] for r in rows)
    ct = lambda rows: Counter(r["category"] for r in rows)
    print("| level | dev | test |\n|---|---:|---:|")
    for l in LEVELS:
        print(f"| {l} | {lv(d)[l]} ({lv(d)[l]/len(d):.0%}) | {lv(t)[l]} ({lv(t)[l]/len(t):.0%}) |")
    print(f"| **total** | **{len(d)}** | **{len(t)}** |\n")
    print("| category | level | dev | test |\n|---|---|---:|---:|")
    for c, l in CAT_LEVEL.items():
        print(f"| {c} | {l} | {ct(d)[c]} | {ct(t)[c]} |")
    print()
    if all_errors:
        print("ERRORS:", *all_errors, sep="\n  ")
        sys.exit(1)
    print("OK: all checks passed")

if __name__ == "__main__":
    main()
