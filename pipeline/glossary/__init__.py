"""Glossaries: enforced terminology from TSV/CSV/TBX files.

>>> g = load_glossaries(default_glossary_paths())
>>> spans = g.matcher().find("Los centros de datos de la IA")
>>> [(s.text, s.target) for s in spans]
[('centros de datos', 'data centers'), ('IA', 'AI')]
"""

from __future__ import annotations

from .entry import COLUMNS, Entry, GlossaryFile
from .matcher import Matcher
from .model import (
    DEFAULT_GLOSSARY_DIR,
    Glossary,
    default_glossary_dir,
    default_glossary_paths,
    load_default_glossaries,
    load_glossaries,
    read_glossary_file,
    write_glossary_file,
)

__all__ = [
    "COLUMNS",
    "DEFAULT_GLOSSARY_DIR",
    "Entry",
    "Glossary",
    "GlossaryFile",
    "Matcher",
    "default_glossary_dir",
    "default_glossary_paths",
    "load_default_glossaries",
    "load_glossaries",
    "read_glossary_file",
    "write_glossary_file",
]
