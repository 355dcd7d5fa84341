"""The number stage on real Spanish: tests/data/numbers_real/*.jsonl through the real pipeline.

Every sentence of the real development set (news, central banks, statistics offices,
budgets of eight or more countries; see tests/data/numbers_real/README.md) goes through
es2en's own text path with the Apertium engine: the sentences of one page (same ``url``)
form one document, each sentence a paragraph, so the locale is inferred from the page as
a user's file would be; then segment → protect (numbers, glossary) → Apertium →
restore → QA.

A figure is **right** when the English output states it by value and scale: either the
English a careful desk prints (the record's ``en``) stands in the output, or a value the
QA's English reader finds in the output (``parse_english_numbers``) equals the
expected ``value`` in the expected unit (the same ISO currency; %; percentage points;
ordinal) — "$14.5 billion" and "14.5 billion Mexican pesos" are then both right for
14500000000 MXN only if the currency is MXN. A figure is **flagged** when the
sentence's segments carry a numbers finding (the protect stage's ambiguity warning or
a QA numbers.* check). **Silent wrong** = not right and not flagged: the product's worst
outcome, which must be 0.

    .venv/bin/python bench/numbers_real.py [--data DIR] [--json OUT] [--show-wrong]

Prints the score overall, per class and per country, with the targets (≥ 95% right,
0 silent wrong).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
DATA = ROOT / "tests" / "data" / "numbers_real"

TARGET_RIGHT = 0.95
TARGET_SILENT = 0

_PESOS = {"MXN", "COP", "CLP", "ARS", "UYU", "DOP", "CUP", "PHP"}
_UNITS = {"%": "percent", "percent": "percent", "pp": "percentage_point", "percentage_point": "percentage_point",
          "bp": "basis_point", "basis_point": "basis_point", "ordinal": "ordinal"}


class DataError(ValueError):
    pass


def load(data: Path = DATA) -> list[dict]:
    """Every record of ``data``/*.jsonl (sorted by file), checked for the fields the
    evaluation needs; a bad line raises DataError naming the file and line."""
    records = []
    for path in sorted(Path(data).glob("*.jsonl")):
        for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DataError(f"{path}:{no}: not JSON: {exc}") from None
            for key in ("id", "sentence", "figures"):
                if key not in rec:
                    raise DataError(f"{path}:{no}: no {key!r}")
            for fig in rec["figures"]:
                if not isinstance(fig, dict) or "es" not in fig or "en" not in fig:
                    raise DataError(f"{path}:{no}: a figure without 'es'/'en'")
            rec.setdefault("country", path.stem.upper())
            rec["_file"] = f"{path.name}:{no}"
            records.append(rec)
    return records


@dataclass
class Outcome:
    rec: dict
    fig: dict
    english: str
    right: bool
    flagged: bool
    flags: list[str] = field(default_factory=list)

    @property
    def silent_wrong(self) -> bool:
        return not self.right and not self.flagged


def _norm(s: str) -> str:
    s = s.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    return re.sub(r"\s+", " ", s).strip().casefold()


def _decimal(v) -> Decimal | None:
    if v is None or v == "":
        return None
    try:
        return Decimal(str(v).replace(",", "").replace("_", ""))
    except InvalidOperation:
        return None


#: English number words (AP spells out one to nine, and engines write small counts so):
#: a count of 5 is stated by "five games" as much as by "5 games".
_EN_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_EN_WORDS.update({"dozen": 12, "twice": 2, "hundred": 100, "thousand": 1000})
_EN_ORDINALS = {w: i for i, w in enumerate(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth".split())}


def _worded(english: str, want: Decimal, unit: str) -> bool:
    words = re.findall(r"[a-z]+", english.lower())
    table = _EN_ORDINALS if unit == "ordinal" else _EN_WORDS
    return any(table.get(w) == want for w in words)


def figure_right(fig: dict, english: str) -> bool:
    """Does ``english`` state the figure (see the module docstring)?"""
    en = fig.get("en") or ""
    if en and _norm(en) in _norm(english):
        return True
    from pipeline.numbers import Quantity, parse_english_numbers
    from pipeline.numbers.values import TimeValue

    unit = (fig.get("unit") or "").strip()
    if unit == "time":
        m = re.fullmatch(r"(\d{1,2}):(\d{2})", str(fig.get("value") or ""))
        want_t = TimeValue(int(m.group(1)), int(m.group(2))) if m else None
        return any(s.value == want_t for s in parse_english_numbers(english))
    want = _decimal(fig.get("value"))
    if want is None:
        return False
    if want == want.to_integral_value() and 0 <= want <= 1000 and not re.fullmatch(r"[A-Z]{3}|%|pp|bp", unit) \
            and _worded(english, want, unit):
        return True
    for span in parse_english_numbers(english):
        vals = [span.value.low, span.value.high] if hasattr(span.value, "low") else [span.value]
        for v in vals:
            if not isinstance(v, Quantity) or v.amount is None or v.amount != want:
                continue
            if re.fullmatch(r"[A-Z]{3}", unit):
                if v.unit == "currency" and v.currency == unit:
                    return True
                if v.unit == "currency" and v.currency is None and unit in _PESOS and "peso" in span.text.lower():
                    return True  # "1,292.50 pesos": the desk's own style names the peso, not its country
            elif unit in _UNITS:
                if v.unit == _UNITS[unit]:
                    return True
            elif v.unit in (None, "ordinal") or not unit:
                return True
    return False


def evaluate(records: list[dict], engine_name: str = "apertium") -> list[Outcome]:
    """Run the records through the pipeline (one document per page) and judge each figure."""
    from pipeline.engines import select_engine
    from pipeline.model import Block, BlockKind, Document
    from pipeline.run import SpanFinders, TranslateOptions, run_qa, segment_document
    from pipeline.translate import translate_segments

    pages: dict[str, list[dict]] = defaultdict(list)
    for rec in records:
        pages[rec.get("url") or rec["id"]].append(rec)
    options = TranslateOptions(engine=engine_name)
    finders = SpanFinders.prepare(options)
    docs = []
    for n, (url, recs) in enumerate(pages.items()):
        doc = Document(path=Path(f"page{n}.txt"), id=f"page{n}", format="txt",
                       blocks=[Block(BlockKind.PARAGRAPH, " ".join(r["sentence"].split())) for r in recs])
        segment_document(doc)
        finders.apply(doc)
        docs.append((doc, recs))
    choice = select_engine(engine_name, "cpu")
    try:
        translate_segments([s for d, _ in docs for s in d.segments], choice.engine)
    finally:
        choice.engine.close()
    out: list[Outcome] = []
    for doc, recs in docs:
        run_qa(doc, finders)
        for block, rec in zip(doc.blocks, recs):
            flags = [f"{f.check}: {f.message}" for s in block.segments for f in s.flags
                     if f.check.startswith("numbers")]
            english = block.target
            for fig in rec["figures"]:
                out.append(Outcome(rec, fig, english, figure_right(fig, english), bool(flags), flags))
    return out


def score(outcomes: list[Outcome]) -> dict:
    def tally(items: list[Outcome]) -> dict:
        n = len(items)
        right = sum(o.right for o in items)
        return {"figures": n, "right": right, "rate": round(right / n, 4) if n else None,
                "wrong_flagged": sum((not o.right) and o.flagged for o in items),
                "silent_wrong": sum(o.silent_wrong for o in items)}

    by_class: dict[str, list] = defaultdict(list)
    by_country: dict[str, list] = defaultdict(list)
    for o in outcomes:
        by_class[o.fig.get("class") or "?"].append(o)
        by_country[o.rec.get("country") or "?"].append(o)
    return {
        "all": tally(outcomes),
        "sentences": len({o.rec["id"] for o in outcomes}),
        "pages": len({o.rec.get("url") for o in outcomes}),
        "countries": len(by_country),
        "by_class": {k: tally(v) for k, v in sorted(by_class.items())},
        "by_country": {k: tally(v) for k, v in sorted(by_country.items())},
    }


def table(name: str, rows: dict) -> str:
    lines = [f"| {name} | figures | right | rate | wrong, flagged | silent wrong |", "|---|---:|---:|---:|---:|---:|"]
    for k, t in rows.items():
        rate = f"{t['rate']:.1%}" if t["rate"] is not None else "-"
        lines.append(f"| {k} | {t['figures']} | {t['right']} | {rate} | {t['wrong_flagged']} | {t['silent_wrong']} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--json", type=Path, help="write the scores as JSON here")
    ap.add_argument("--show-wrong", action="store_true", help="list every figure not right")
    args = ap.parse_args(argv)
    try:
        records = load(args.data)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not records:
        print(f"error: no records in {args.data}/*.jsonl", file=sys.stderr)
        return 2
    t = time.perf_counter()
    outcomes = evaluate(records)
    secs = time.perf_counter() - t
    s = score(outcomes)
    a = s["all"]
    print(f"numbers_real: {s['sentences']} sentences, {s['pages']} pages, {s['countries']} countries, "
          f"{a['figures']} figures in {secs:.1f}s")
    print(f"  right {a['right']}/{a['figures']} = {a['rate']:.1%} (target ≥ {TARGET_RIGHT:.0%}); "
          f"wrong but flagged {a['wrong_flagged']}; silent wrong {a['silent_wrong']} (target {TARGET_SILENT})")
    print()
    print(table("class", s["by_class"]))
    print()
    print(table("country", s["by_country"]))
    if args.show_wrong:
        print()
        for o in outcomes:
            if not o.right:
                tag = "SILENT" if o.silent_wrong else "flagged"
                print(f"[{tag}] {o.rec['id']} ({o.fig.get('class')}) {o.fig['es']!r} → want {o.fig['en']!r}\n"
                      f"    es: {o.rec['sentence']}\n    en: {o.english}")
                for f in o.flags[:2]:
                    print(f"    flag: {f[:200]}")
    if args.json:
        args.json.write_text(json.dumps(s, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    ok = a["rate"] >= TARGET_RIGHT and a["silent_wrong"] <= TARGET_SILENT
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
