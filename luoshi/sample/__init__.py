"""Generated sample plans and progress tables (our own wording), for demos, tests, benchmarks.

Pure Python: returns ``luoshi.ingest.model.ParsedDocument`` objects, which feed the importer
(``luoshi.core.services.importing.import_document``) and benchmarks directly.
"""

from luoshi.sample.generator import generate_plan

__all__ = ["generate_plan"]
