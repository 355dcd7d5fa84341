"""es2en: offline Spanish → English translation and bilingual publishing.

Importing this package is cheap; heavy libraries (ctranslate2, argostranslate,
python-docx, lxml) are imported by the stage that needs them.
"""

__version__ = "0.1.0"
