"""Readers for structured formats (HTML, DOCX, XLSX, PDF): file bytes -> list of expanded Grids.

Each ``read_<format>_grids(data, name=...)`` returns the progress tables of the file with their
preambles; see docs/formats.md for what each reads and the conventions shared with the writers.
"""
