"""Exports: set → loader → records → writer → stream (docs/formats/exports.md).

records.py      the ORM-free records every writer reads (pure), and their text helpers
loader.py       ORM → records, one batch of articles at a time (load_articles, count_annotations)
native, csv, attributions_csv, w3c, doccano, labelstudio, brat, spacy
                one writer per format: pure functions of records, never touching the ORM
formats.py      FORMATS: name → writer, content type, extension, binary
prepared.py     background exports' files (a Job of kind export, run by interchange.tasks): where
                they are written, and their expiry
"""
