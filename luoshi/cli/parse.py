"""`luoshi parse FILE [--format json]`: print what a published table holds, without a database.

The JSON shape is a public contract (docs/parse-json.md). Bad input exits with status 2 and a
"file:line: reason" message on stderr; warnings are in the JSON and, one per line, on stderr,
after one line saying which structure was inferred and how sure (luoshi.ingest.inference).
(``--analyze``, adding what luoshi.extract derives, is registered by that package's author.)
"""

from __future__ import annotations

import argparse
import json
import sys

from luoshi.cli import _
from luoshi.ingest import IngestError, formats, read_document

EXIT_BAD_INPUT = 2
EXIT_WARNINGS = 3  # only with --strict


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "parse",
        help="read a published progress table and print it as JSON",
        description="Read a published progress table (text flattened from a page, …) and print "
        "its metadata, columns, tasks and warnings. No database is used.",
    )
    p.add_argument("file", help="the document to read ('-' reads standard input)")
    p.add_argument("--format", choices=["json"], default="json", help="output format (json)")
    p.add_argument(
        "--input-format",
        choices=formats(),
        default=None,
        help="reader to use instead of detecting it from the content",
    )
    p.add_argument("--compact", action="store_true", help="one-line JSON instead of indented")
    p.add_argument(
        "--analyze",
        action="store_true",
        help="add to each task the targets, measurements and status derived by luoshi.extract",
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help=f"exit with status {EXIT_WARNINGS} when there are warnings",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        if args.file == "-":
            doc = read_document(sys.stdin.buffer.read(), name="<stdin>", format=args.input_format)
        else:
            doc = read_document(args.file, format=args.input_format)
    except IngestError as exc:
        from luoshi.cli.importer import refusal_line

        print(refusal_line(exc), file=sys.stderr)  # "file:line: reason"
        return EXIT_BAD_INPUT
    data = doc.to_dict()
    if args.analyze:
        from luoshi.extract import analyze_document

        for task_dict, analysis in zip(data["tasks"], analyze_document(doc), strict=True):
            task_dict.update(analysis.to_dict())
    indent = None if args.compact else 2
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=indent) + "\n")
    if doc.inference is not None:  # what was inferred and how sure: not in the JSON contract
        print(_("结构:%(summary)s") % {"summary": doc.inference.summary()}, file=sys.stderr)
    for w in doc.warnings:
        place = f"{doc.source_name}:{w.line}" if w.line is not None else doc.source_name
        print(_("警告:%(place)s:%(message)s") % {"place": place, "message": w.message},
              file=sys.stderr)
    if args.strict and doc.warnings:
        return EXIT_WARNINGS
    return 0
