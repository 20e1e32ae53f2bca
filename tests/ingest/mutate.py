"""Mutated documents for fuzzing the readers: a generated progress table written in a format
(tests/formats/docgen.py + luoshi.export), then changed a few times at the level where a
change reaches the parser: the text of text-like formats, the XML parts inside a DOCX/XLSX
archive (a flipped byte in a deflate stream only tests zlib), the raw bytes of a PDF, and now
and then the raw bytes of any file (truncation, flipped bytes).

Driven by a ``random.Random`` so the same seed gives the same input: tests/ingest/test_fuzz.py
draws it from hypothesis, benchmarks/fuzz.py from a counter.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from functools import cache

from luoshi.export import write_document
from luoshi.export.pdf import write_pdf
from tests.formats.docgen import seed004_like

FORMATS = ("text", "html", "csv", "json", "docx", "xlsx", "pdf")
_NAMES = {"text": "fuzz.txt", "html": "fuzz.html", "csv": "fuzz.csv", "json": "fuzz.json",
          "docx": "fuzz.docx", "xlsx": "fuzz.xlsx", "pdf": "fuzz.pdf"}
_MAIN_PART = {"docx": "word/document.xml", "xlsx": "xl/worksheets/sheet1.xml"}

# Pieces that mean something to a parser of the format, inserted at random places.
TOKENS = {
    "text": ["序号", "任务内容", "责任单位", "完成情况", "存在问题", "下一步工作", "\n\n", "\n", "|",
             "|\t|", "——", "1.", "2、", "(1)", "一、", "责任单位:", "(牵头单位:", "★", "*", "\t",
             "\r", "\u3000", "附件", "索引号:", "2020年", "前三季度", "   ", "(", ")", "、"],
    "html": ['<td rowspan="999">', '<td colspan="0">', '<td rowspan="-3">', "<td>", "</td>",
             "<tr>", "</tr>", "<table>", "</table>", "<th>序号</th>", "<br>", "<p>", "<!--",
             "-->", "<script>", "&#0;", "&amp;", "<meta charset=gbk>", "<![CDATA[", "<", ">",
             '"', "序号", "责任单位", "\u0000"],
    "csv": ['"', ",", "\n", "\r", "\t", ";", '""', "序号", "1", "——", "\u0000", "\n\n"],
    "json": ["{", "}", "[", "]", ",", ":", '"', "null", "true", "1e999", "-0", '"tasks"',
             '"serial"', '"items"', '"units"', '"kind"', '"q3"', "[]", "{}", '"2020-13-45"',
             "\\u0000", "\\ud800"],
    "xml": ["<w:tc>", "</w:tc>", "<w:tr>", "</w:tr>", '<w:gridSpan w:val="40"/>',
            '<w:gridSpan w:val="-1"/>', '<w:vMerge w:val="restart"/>', "<w:vMerge/>",
            '<w:gridBefore w:val="3"/>', "<w:p>", "</w:p>", "<w:br/>", '<c r="Z9"><v>1</v></c>',
            '<c r="A1" t="s"><v>999</v></c>', '<mergeCell ref="A1:C3"/>',
            '<mergeCell ref="B2:A1"/>', '<row r="0">', "</row>", "<v>", "</v>", 't="s"',
            't="b"', 't="d"', "<", ">", "&amp;", "&#0;", '"'],
    "pdf": ["obj", "endobj", "stream", "endstream", "/Length 0", "/Length 999999", "[", "]",
            "<<", ">>", "/Filter /FlateDecode", "/Type /Page", "/Kids [1 0 R]", "0 0 R",
            "re f", "Tj", "BT", "ET", "(", ")", "\\", "%%EOF", "xref", "trailer"],
}
_NUMBER = re.compile(r"\d+")
_BIG = ["0", "-1", "999999999", "4294967296", "1048576", "16384", "65535", "2", "100"]


@cache
def base_documents(fmt: str) -> tuple[bytes, ...]:
    """A few generated documents in ``fmt`` to start from (sizes 1 to 12 tasks); for text,
    also two in the pipe layout (one row per line, cells between |)."""
    out = []
    for n, seed in ((1, 1), (3, 2), (6, 3), (12, 4)):
        doc = seed004_like(n, seed=seed)
        out.append(write_pdf(doc) if fmt == "pdf" else write_document(doc, fmt))
    if fmt == "text":
        out += [_pipe_text(seed004_like(n, seed=seed)) for n, seed in ((3, 5), (8, 6))]
    return tuple(out)


def _pipe_text(doc) -> bytes:
    lines = [doc.meta.title, "|".join(c.header for c in doc.columns) + "|"]
    for t in doc.tasks:
        for i in t.items:
            cells = [t.serial, t.text, "、".join(t.units), i.done, i.problems, i.next_steps]
            lines.append("|".join(c.replace("\n", " ") for c in cells) + "|")
    return "\n".join(lines).encode()


def file_name(fmt: str) -> str:
    return _NAMES[fmt]


def mutate_text(rng: random.Random, s: str, tokens: list[str]) -> str:
    """One change to ``s``: delete, duplicate, insert a token, change a number, swap or cut."""
    n = len(s)
    op = rng.randrange(8)
    i = rng.randrange(n + 1)
    j = min(n, i + rng.choice([1, 2, 5, 20, 100, 1000]))
    if op == 0:  # delete a slice
        return s[:i] + s[j:]
    if op == 1:  # duplicate a slice, elsewhere or many times in place
        k = rng.randrange(n + 1)
        times = rng.choice([1, 1, 2, 50])
        return s[:k] + s[i:j] * times + s[k:]
    if op in (2, 3):  # insert tokens
        return s[:i] + "".join(rng.choice(tokens) for _ in range(rng.choice([1, 1, 3, 30]))) + s[i:]
    if op == 4:  # change a number
        nums = list(_NUMBER.finditer(s))
        if nums:
            m = rng.choice(nums)
            return s[: m.start()] + rng.choice(_BIG) + s[m.end() :]
        return s
    if op == 5:  # swap two slices
        k = rng.randrange(n + 1)
        a, b = sorted((i, k))
        return s[:a] + s[b : b + (j - i)] + s[a + (j - i) : b] + s[a : a + (j - i)] + s[b + (j - i) :]
    if op == 6:  # a random character
        return s[:i] + chr(rng.choice([rng.randrange(32), rng.randrange(0x4E00, 0x9FFF),
                                       rng.randrange(0x10FFFF)])) + s[i + 1 :]
    return s[: rng.randrange(n + 1)]  # truncate


_ELEMENTS = ("w:tr", "w:tc", "w:p", "w:r", "w:tbl", "w:vMerge", "w:gridSpan", "row", "c",
             "mergeCell", "si", "v")
_TEXT_NODE = re.compile(r"(<(?:w:t|t|v)(?: [^>]*)?>)([^<]*)(<)")


def mutate_xml(rng: random.Random, s: str) -> str:
    """One change that keeps the XML well-formed (mostly), so the reader's own logic runs:
    a number changed, an element duplicated or removed, a text node replaced."""
    op = rng.randrange(4)
    if op == 0:
        return mutate_text(rng, s, []) if not _NUMBER.search(s) else _change_number(rng, s)
    if op in (1, 2):
        tag = rng.choice(_ELEMENTS)
        found = list(re.finditer(rf"<{tag}(?:\s[^>]*)?/>|<{tag}(?:\s[^>]*)?>.*?</{tag}>", s,
                                 re.S))
        if not found:
            return s
        m = rng.choice(found)
        if op == 1:
            return s[: m.end()] + m.group() * rng.choice([1, 1, 2, 30]) + s[m.end() :]
        return s[: m.start()] + s[m.end() :]
    nodes = list(_TEXT_NODE.finditer(s))
    if not nodes:
        return s
    m = rng.choice(nodes)
    text = "".join(rng.choice(TOKENS["text"]) for _ in range(rng.randint(0, 6)))
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return s[: m.start(2)] + text + s[m.end(2) :]


def _change_number(rng: random.Random, s: str) -> str:
    m = rng.choice(list(_NUMBER.finditer(s)))
    return s[: m.start()] + rng.choice(_BIG) + s[m.end() :]


def mutate_bytes(rng: random.Random, b: bytes) -> bytes:
    n = len(b)
    op = rng.randrange(4)
    i = rng.randrange(n + 1)
    if op == 0:
        return b[: rng.randrange(n + 1)]
    if op == 1:
        k = rng.randrange(1, 9)
        return b[:i] + bytes(rng.randrange(256) for _ in range(k)) + b[i + k :]
    if op == 2:
        j = min(n, i + rng.choice([1, 16, 512]))
        return b[:i] + b[j:]
    j = min(n, i + rng.choice([16, 512]))
    return b[:i] + b[i:j] * rng.choice([2, 100]) + b[j:]


def _text_of(data: bytes, fmt: str) -> str:
    return data.decode("utf-8", errors="replace")


def _mutate_zip(rng: random.Random, data: bytes, fmt: str, changes: int) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    names = [i.filename for i in src.infolist()]
    xml_names = [n for n in names if n.endswith((".xml", ".rels"))]
    out = io.BytesIO()
    targets: dict[str, int] = {}
    for _ in range(changes):
        name = _MAIN_PART[fmt] if rng.random() < 0.7 else rng.choice(xml_names)
        targets[name] = targets.get(name, 0) + 1
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in names:
            content = src.read(name)
            if name in targets:
                text = content.decode("utf-8", errors="replace")
                for _ in range(targets[name]):
                    if rng.random() < 0.5:
                        text = mutate_xml(rng, text)
                    else:
                        text = mutate_text(rng, text, TOKENS["xml"])
                content = text.encode("utf-8", errors="replace")  # a lone surrogate from op 6
            if rng.random() < 0.01:
                continue  # a member missing
            dst.writestr(name, content)
    return out.getvalue()


def mutated(rng: random.Random, fmt: str) -> bytes:
    """A mutated document in ``fmt``."""
    data = rng.choice(base_documents(fmt))
    changes = rng.choice([1, 1, 2, 3, 5])
    if fmt in ("docx", "xlsx"):
        data = _mutate_zip(rng, data, fmt, changes)
    elif fmt == "pdf":
        text = data.decode("latin-1")
        for _ in range(changes):
            text = mutate_text(rng, text, TOKENS["pdf"])
        data = text.encode("latin-1", errors="replace")
    else:
        text = _text_of(data, fmt)
        for _ in range(changes):
            text = mutate_text(rng, text, TOKENS[fmt])
        encoding = rng.choice(["utf-8", "utf-8", "utf-8", "gb18030", "utf-16"])
        data = text.encode(encoding, errors="replace")
    if rng.random() < 0.1:
        data = mutate_bytes(rng, data)
    return data
