"""Make the Spanish versions es__*.docx of three corpus files (run once; the outputs are
committed): the same package and XML, each text run's ``w:t`` given Spanish text of
our own writing (numbers, amounts and glossary terms included), the language marks
es-ES and the title property Spanish. A run keeps its formatting, so the bold,
italic, links and footnote references of the English original now sit on Spanish
words.

    python tests/data/docx-corpus/make_spanish.py   # from the repository root

d2p__example's 776 kB photograph is replaced by pydocx__comments-rich-para's 3 kB
JPEG (same member name), to keep the test data small.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

HERE = Path(__file__).parent
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

#: source file → {part → {paragraph number in the part (every w:p, document order) → the
#: Spanish of each of its w:t, in order}}
SPANISH = {
    "docx4j__sample-docx.docx": {
        "title": "Documento de ejemplo",
        "word/document.xml": {
            0: ["Documento de ejemplo en formato docx"],
            1: ["Este documento muestra las funciones básicas del formato docx.", "  "],
            2: ["Este es el estilo Título 1"],
            4: ["Un poco de texto."],
            5: ["Tablas"],
            7: ["Texto de la celda"],
            9: ["Sombreado gris"],
            10: ["Combinación vertical"],
            12: ["Sombreado gris"],
            17: ["Combinación horizontal"],
            19: ["(Otro documento prueba las tablas con más detalle)"],
            20: ["Propiedades del párrafo"],
            22: ["Sangría izquierda"],
            23: ["Centr", "ado "],
            24: ["Alineado a la derecha"],
            25: ["Texto justificado"],
            27: ["La inversión en centros de datos creció un 12 % en 2024, según el informe anual de la empresa. "
                 "El gobierno prevé otros 4.500 millones de euros para el año que viene. "],
            29: ["Sangría de primera línea, sangría izquierda y sangría francesa: la inteligencia artificial necesita "
                 "mucha energía y los centros de datos consumen cada año más electricidad."],
            32: ["Normal"],
            33: ["Un ", "breve ", "pá", "rrafo con 10 puntos de espacio antes y 20 puntos después."],
            34: ["Propiedades del texto"],
            36: ["La letra de esta frase es ", "Arial Black"],
            37: ["Este texto usa ", "letra de 18 puntos"],
            38: ["La inteligencia artificial ", "transforma la economía"],
            39: ["Los centros de datos ", "consumen mucha energía"],
            40: ["El gobierno aprobó ", "un plan de inversión"],
            41: ["Viñetas y numeración"],
            43: ["Viñetas"],
            44: ["Nivel 1"],
            45: ["Nivel 2"],
            47: ["Numeración"],
            48: ["Nivel 1"],
            49: ["Nivel 2"],
            50: ["Nivel 3"],
            52: ["Imágenes"],
            54: ["Imagen JPEG:"],
            58: ["Imagen GIF (a escala):"],
            62: ["Imagen PNG (de ", "http://davidpritchard.org/images/pacsoc-s1b.png", " )"],
            65: ["(Pendiente: deberíamos tener imágenes de 2003 y de 2007)"],
            68: ["Eso fue un salto de página"],
            70: ["Aquí hay control de cambios. ", "Una inserción", " y después", "."],
            72: ["Esta línea contiene un salto de línea manual", "y aquí continúa el texto"],
        },
        "word/header1.xml": {0: ["Mi encabezado"]},
    },
    "pydocx__comments-rich-para.docx": {
        "word/document.xml": {
            0: ["Texto del documento"],
            2: ["Un texto digno de mención sobre la inteligencia artificial."],
            4: ["Otro", " texto del documento."],
            6: ["Otro texto digno de mención sobre los centros de datos."],
            8: ["Párrafo 5"],
            10: ["Párrafo 6"],
            12: ["Párrafo 7"],
        },
        "word/comments.xml": {
            0: ["Texto con el enlace ", "https://google.com", " incrustado."],
            1: ["Texto con una imagen ", " en el medio."],
            2: ["Texto con ", "estilo de carácter", "."],
            3: ["Párrafo con el estilo de párrafo Título 2."],
        },
    },
    "d2p__example.docx": {
        "media": {"word/media/image2.jpg": ("pydocx__comments-rich-para.docx", "word/media/image1.jpeg")},
        "word/document.xml": {
            0: ["valor esperado I"],
            1: ["valor esperado A"],
            2: ["valor esperado B"],
            3: ["valor esperado 1"],
            4: ["valor esperado a"],
            5: ["valor esperado b"],
            6: ["valor esperado 1"],
            7: ["valor esperado a"],
            8: ["valor esperado ", "i"],
            9: ["valor esperado ii"],
            10: ["Esto debería ser II"],
            11: ["Esto debería ser A), no C)"],
            12: ["viñeta sin sangría"],
            13: ["viñeta con sangría 1"],
            14: ["viñeta con sangría 2"],
            15: ["Negrita"],
            16: ["Cursiva"],
            17: ["Subrayado"],
            18: ["Letra grande"],
            19: ["En color"],
            20: ["Grande y en color"],
            21: ["Grande y en negrita"],
            22: ["Grande, negrita, cursiva y subrayado"],
            23: ["Anidada"],
            24: ["Tabla"],
            28: ["Texto", "separado por", "tabuladores"],
            29: ["10 < 20 y 20 > 10"],
            30: ["Texto fuera de la tabla"],
            31: ["La empresa invirtió ", "$38,000 millones de dólares", " en centros de datos"],
            32: ["Segunda referencia a una ", "nota al pie", " sobre inteligencia artificial"],
            33: ["Referencia a la nota final 1"],
            34: ["Referencia a la nota final 2"],
            35: ["Título 1"],
            36: ["Título 2"],
        },
        "word/footnotes.xml": {2: [" Primera nota al pie: el mercado creció un 15 % en 2023."],
                               3: [" Segunda nota al pie."]},
        "word/endnotes.xml": {2: [" Primera nota final."], 3: [" Segunda nota final."]},
        "word/header2.xml": {0: ["Texto del encabezado"]},
        "word/footer2.xml": {0: ["Texto del pie de página"]},
    },
    "docx4j__toc.docx": {
        "title": "Declaración de las Naciones Unidas sobre la eliminación de todas las formas de discriminación racial",
        "word/document.xml": {
            0: ["Declaración de las Naciones Unidas sobre la eliminación de todas las formas de discriminación racial"],
            1: ["Proclamada por la Asamblea General en su resolución 1904 (XVIII), de 20 de noviembre de 1963"],
            3: ["Índice"],
            **{4 + k: [f"Artículo {k + 1}", page] for k, page in enumerate(
                ["92", "27", "3", "366", "3", "3", "3", "4", "4", "4", "4"])},
            17: ["La Asamblea General,"],
            18: ["Considerando ", "que la Carta de las Naciones Unidas se basa en los principios de la dignidad y la "
                 "igualdad de todos los seres humanos y busca, entre otros objetivos básicos, la cooperación "
                 "internacional para promover el respeto de los derechos humanos sin distinción de raza, sexo, "
                 "idioma o religión, "],
            19: ["Considerando", " que la Declaración Universal de Derechos Humanos proclama que todos los seres "
                 "humanos nacen libres e iguales en dignidad y derechos, sin distinción alguna, en particular de "
                 "raza, color u origen nacional, ", "\xa0 "],
            20: ["Considerando", " que la Declaración Universal proclama además que todos son iguales ante la ley y "
                 "tienen derecho a igual protección contra toda discriminación, "],
            21: ["Considerando ", "que las Naciones Unidas han condenado el colonialismo y todas las prácticas de "
                 "segregación y discriminación, y que la Declaración sobre la concesión de la independencia ",
                 "a los países y pueblos coloniales proclama la necesidad de ponerle fin rápida e incondicionalmente, "],
            22: ["Considerando", " que toda doctrina de diferenciación o superioridad racial es científicamente falsa, "
                 "moralmente condenable y socialmente injusta, "],
            23: ["Teniendo en cuenta", " las demás resoluciones aprobadas por la Asamblea General y los instrumentos "
                 "internacionales aprobados por los organismos especializados, "],
            24: ["Teniendo en cuenta", " que, aunque la acción internacional ha permitido progresos en esa esfera, la "
                 "discriminación por motivos de raza, color u origen étnico sigue siendo motivo de seria "
                 "preocupación, "],
            25: ["Alarmada", " por las manifestaciones de discriminación racial que aún existen en algunas zonas del "
                 "mundo, "],
            26: ["Convencida", " de que todas las formas de discriminación racial ponen en peligro las relaciones "
                 "amistosas entre los pueblos y la paz y la seguridad internacionales, "],
            27: ["Convencida también", " de que la discriminación racial daña no solo a quienes son objeto de ella sino "
                 "también a quienes la practican. "],
            28: ["Convencida además ", "de que construir una sociedad mundial libre de toda forma de segregación y "
                 "discriminación racial es uno de los objetivos fundamentales de las Naciones Unidas, "],
            29: ["1. ", "Afirma solemnemente", " la necesidad de eliminar rápidamente la discriminación racial en todo "
                 "el mundo, en todas sus formas y manifestaciones; "],
            30: ["2. ", "Afirma solemnemente", " la necesidad de adoptar medidas nacionales e internacionales con ese "
                 "fin, incluidas la enseñanza, la educación y la información; "],
            31: ["3. ", "Proclama", " la presente Declaración:"],
            32: ["Artículo 1", " "],
            33: ["La discriminación entre seres humanos por motivos de raza, color u origen étnico es un atentado "
                 "contra la dignidad humana y debe condenarse como una negación de los principios de la Carta de "
                 "las Naciones Unidas. "],
            34: ["Artículo 2", " "],
            35: ["1. Ningún Estado, institución, grupo o individuo establecerá discriminación alguna en materia de "
                 "derechos humanos por motivos de raza, color u origen étnico. "],
            36: ["2. Ningún Estado fomentará, propugnará ni apoyará, con medidas de policía o de cualquier otra "
                 "manera, ninguna discriminación basada en la raza, el color o el origen étnico. "],
        },
    },
}

_LANG = re.compile(rb'(<w:(?:lang|themeFontLang)\b[^>]*?w:val=")en(?:-[A-Za-z]+)?(")')


def spanish_part(data: bytes, paragraphs: dict[int, list[str]], name: str) -> bytes:
    root = etree.fromstring(data)
    ps = list(root.iter(f"{{{W}}}p"))
    for n, pieces in paragraphs.items():
        ts = list(ps[n].iter(f"{{{W}}}t"))
        if len(ts) != len(pieces):
            raise SystemExit(f"{name} paragraph {n}: {len(ts)} text runs, {len(pieces)} Spanish pieces")
        for t, text in zip(ts, pieces):
            t.text = text
            if text != text.strip():
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def make(source: str, spec: dict) -> Path:
    out = HERE / f"es__{source}"
    media = spec.get("media", {})
    with zipfile.ZipFile(HERE / source) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename in spec:
                data = spanish_part(data, spec[info.filename], info.filename)
            if info.filename in media:
                other, member = media[info.filename]
                with zipfile.ZipFile(HERE / other) as z:
                    data = z.read(member)
            if info.filename.endswith(".xml"):
                data = _LANG.sub(rb"\1es-ES\2", data)
            if info.filename == "docProps/core.xml" and spec.get("title"):
                title = b"<dc:title>" + spec["title"].encode() + b"</dc:title>"
                data, n = re.subn(rb"<dc:title>.*?</dc:title>|<dc:title/>", title, data)
                if not n:
                    data = data.replace(b"</cp:coreProperties>", title + b"</cp:coreProperties>")
            zout.writestr(info, data)
    return out


if __name__ == "__main__":
    for source, spec in SPANISH.items():
        print(make(source, spec))
