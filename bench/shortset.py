"""A deterministic set of short everyday Spanish sentences with English references.

The Argos test model is trained on Tatoeba, so the Argos benchmarks use sentences of
that kind: composed from a small parallel vocabulary by templates, each Spanish
sentence paired with the English it means (used as the reference for BLEU/chrF when
choosing the beam size). The same seed always gives the same sentences.

    python bench/shortset.py [--n 2400] [--out bench/data/short]   # writes short.es, short.en
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

# (Spanish, English, person) — person picks the verb form: 1s, 3s, 1p, 3p.
SUBJECTS = [
    ("Yo", "I", "1s"), ("Él", "He", "3s"), ("Ella", "She", "3s"), ("Nosotros", "We", "1p"),
    ("Ellos", "They", "3p"), ("Mi hermano", "My brother", "3s"), ("Mi hermana", "My sister", "3s"),
    ("Mi padre", "My father", "3s"), ("Mi madre", "My mother", "3s"), ("Tom", "Tom", "3s"),
    ("Mary", "Mary", "3s"), ("Mis padres", "My parents", "3p"), ("El niño", "The boy", "3s"),
    ("La niña", "The girl", "3s"), ("Mis amigos", "My friends", "3p"), ("El profesor", "The teacher", "3s"),
]
# Spanish forms 1s/3s/1p/3p, English forms base/3s.
VERBS = [
    (("tengo", "tiene", "tenemos", "tienen"), ("have", "has")),
    (("quiero", "quiere", "queremos", "quieren"), ("want", "wants")),
    (("necesito", "necesita", "necesitamos", "necesitan"), ("need", "needs")),
    (("compro", "compra", "compramos", "compran"), ("buy", "buys")),
    (("veo", "ve", "vemos", "ven"), ("see", "sees")),
    (("busco", "busca", "buscamos", "buscan"), ("am looking for", "is looking for")),
]
OBJECTS = [
    ("un perro", "a dog"), ("un gato", "a cat"), ("una casa", "a house"), ("un coche nuevo", "a new car"),
    ("un libro", "a book"), ("una bicicleta", "a bicycle"), ("agua", "water"), ("dinero", "money"),
    ("una mesa", "a table"), ("un trabajo", "a job"), ("una manzana", "an apple"), ("tiempo", "time"),
    ("un lápiz", "a pencil"), ("una camisa blanca", "a white shirt"), ("un diccionario", "a dictionary"),
    ("un paraguas", "an umbrella"), ("la llave", "the key"), ("el periódico", "the newspaper"),
]
PLACES = [
    ("la estación", "the station"), ("el hospital", "the hospital"), ("la biblioteca", "the library"),
    ("el banco", "the bank"), ("la escuela", "the school"), ("el parque", "the park"),
    ("la playa", "the beach"), ("el museo", "the museum"), ("el aeropuerto", "the airport"),
    ("la cocina", "the kitchen"), ("el baño", "the bathroom"), ("el hotel", "the hotel"),
]
LIKES = [
    ("el café", "coffee"), ("la música", "music"), ("el chocolate", "chocolate"), ("el té", "tea"),
    ("la fruta", "fruit"), ("el fútbol", "soccer"), ("el verano", "summer"), ("el invierno", "winter"),
    ("la leche", "milk"), ("el pescado", "fish"), ("la pizza", "pizza"), ("el arroz", "rice"),
]
ADJECTIVES = [
    ("cansado", "tired"), ("contento", "happy"), ("ocupado", "busy"), ("enfermo", "sick"),
    ("listo", "ready"), ("aburrido", "bored"), ("preocupado", "worried"), ("solo", "alone"),
]
INFINITIVES = [
    ("estudiar", "study"), ("trabajar", "work"), ("dormir", "sleep"), ("comer", "eat"),
    ("nadar", "swim"), ("leer", "read"), ("cocinar", "cook"), ("bailar", "dance"), ("cantar", "sing"),
    ("correr", "run"), ("viajar", "travel"), ("descansar", "rest"),
]
TIMES = [("hoy", "today"), ("mañana", "tomorrow"), ("ahora", "now"), ("esta noche", "tonight")]
NUMBERS = [("dos", "two"), ("tres", "three"), ("cuatro", "four"), ("cinco", "five"), ("diez", "ten")]
PLURALS = [("libros", "books"), ("hermanos", "brothers"), ("gatos", "cats"), ("hijos", "children"),
           ("amigos", "friends"), ("manzanas", "apples"), ("sillas", "chairs"), ("perros", "dogs")]
ESTAR = {"1s": ("estoy", "am"), "3s": ("está", "is"), "1p": ("estamos", "are"), "3p": ("están", "are")}
IR = {"1s": ("voy", "am going"), "3s": ("va", "is going"), "1p": ("vamos", "are going"), "3p": ("van", "are going")}
PERSON = {"1s": 0, "3s": 1, "1p": 2, "3p": 3}


def _adj(es: str, subj_es: str, person: str) -> str:
    plural = person in ("1p", "3p")
    fem = subj_es in ("Ella", "Mi hermana", "Mi madre", "Mary", "La niña")
    if es == "solo":
        return "solos" if plural else ("sola" if fem else "solo")
    if es.endswith("o"):
        return es[:-1] + ("os" if plural else ("a" if fem else "o"))
    return es + ("s" if plural else "")


def _verb_en(forms: tuple[str, str], subj_en: str, person: str) -> str:
    base, third = forms
    if person == "3s":
        return third
    if base.startswith("am ") and person != "1s":
        return "are " + base[3:]
    return base


def _sentence(rng: random.Random) -> tuple[str, str]:
    kind = rng.randrange(9)
    s_es, s_en, person = rng.choice(SUBJECTS)
    if kind == 0:
        v_es, v_en = rng.choice(VERBS)
        o_es, o_en = rng.choice(OBJECTS)
        return f"{s_es} {v_es[PERSON[person]]} {o_es}.", f"{s_en} {_verb_en(v_en, s_en, person)} {o_en}."
    if kind == 1:
        p_es, p_en = rng.choice(PLACES)
        return f"¿Dónde está {p_es}?", f"Where is {p_en}?"
    if kind == 2:
        l_es, l_en = rng.choice(LIKES)
        return f"Me gusta mucho {l_es}.", f"I really like {l_en}."
    if kind == 3:
        a_es, a_en = rng.choice(ADJECTIVES)
        t_es, t_en = rng.choice(TIMES)
        e_es, e_en = ESTAR[person]
        return f"{s_es} {e_es} {_adj(a_es, s_es, person)} {t_es}.", f"{s_en} {e_en} {a_en} {t_en}."
    if kind == 4:
        i_es, i_en = rng.choice(INFINITIVES)
        t_es, t_en = rng.choice(TIMES[1:])
        g_es, g_en = IR[person]
        return f"{s_es} {g_es} a {i_es} {t_es}.", f"{s_en} {g_en} to {i_en} {t_en}."
    if kind == 5:
        n_es, n_en = rng.choice(NUMBERS)
        p_es, p_en = rng.choice(PLURALS)
        v = ("tengo", "tiene", "tenemos", "tienen")[PERSON[person]]
        return f"{s_es} {v} {n_es} {p_es}.", f"{s_en} {'has' if person == '3s' else 'have'} {n_en} {p_en}."
    if kind == 6:
        i_es, i_en = rng.choice(INFINITIVES)
        return f"No quiero {i_es} ahora.", f"I don't want to {i_en} now."
    if kind == 7:
        o_es, o_en = rng.choice(OBJECTS)
        return f"¿Tienes {o_es}?", f"Do you have {o_en}?"
    p_es, p_en = rng.choice(PLACES)
    t_es, t_en = rng.choice(TIMES)
    g_es, g_en = IR[person]
    return f"{s_es} {g_es} a {p_es} {t_es}.".replace(" a el ", " al "), f"{s_en} {g_en} to {p_en} {t_en}."


def sentences(n: int = 2400, seed: int = 7) -> list[tuple[str, str]]:
    """``n`` distinct (Spanish, English) pairs, the same for the same seed."""
    rng = random.Random(seed)
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    while len(out) < n:
        es, en = _sentence(rng)
        if es not in seen:
            seen.add(es)
            out.append((es, en))
    return out


def document(pairs: list[tuple[str, str]], per_paragraph: int = 6) -> str:
    """The Spanish as a plain-text document: paragraphs of a few sentences."""
    paras = [" ".join(es for es, _ in pairs[i: i + per_paragraph]) for i in range(0, len(pairs), per_paragraph)]
    return "\n\n".join(paras) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2400)
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "data" / "short")
    args = ap.parse_args()
    pairs = sentences(args.n)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.with_suffix(".es").write_text("\n".join(es for es, _ in pairs) + "\n", encoding="utf-8")
    args.out.with_suffix(".en").write_text("\n".join(en for _, en in pairs) + "\n", encoding="utf-8")
    print(f"{len(pairs)} pairs → {args.out.with_suffix('.es')}, {args.out.with_suffix('.en')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
