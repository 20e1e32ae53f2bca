"""Bytes to text for text-like inputs: UTF-8 (with or without BOM), UTF-16 with BOM, GBK/GB18030.

Chinese government pages and their saved copies come in UTF-8 or GB18030 (of which GBK and
GB2312 are subsets). We try the strict decoders in that order and only then ask
charset-normalizer; binary content is refused rather than decoded into noise.
"""

from __future__ import annotations

import codecs

from luoshi.ingest.errors import IngestError

# Bytes that never occur in text (C0 controls other than tab/newline/CR/form feed/escape).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def looks_binary(data: bytes) -> str | None:
    """Why ``data`` is not text (e.g. "NUL byte at offset 4"), or None."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    head = data[:65536]
    nul = head.find(b"\x00")
    if nul >= 0:
        return f"binary content (NUL byte at offset {nul})"
    controls = len(head) - len(head.translate(None, _CONTROL))  # one pass, not one per byte
    if head and controls / len(head) > 0.01:
        return f"binary content ({controls} control bytes in the first {len(head)} bytes)"
    return None


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode_text(data: bytes, source: str) -> tuple[str, str]:
    """(text, encoding name). Raises IngestError for binary or undecodable bytes."""
    if not data.strip():
        raise IngestError(source, "empty file: no text to read", line=1 if data else None)
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            off = exc.start + 3
            raise IngestError(
                source, f"invalid UTF-8 after a UTF-8 BOM (byte {off})", line=_line_of(data, off)
            ) from None
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[2:].decode(enc), "utf-16"
            except UnicodeDecodeError:
                raise IngestError(source, "invalid UTF-16 after a UTF-16 byte-order mark") from None
    why = looks_binary(data)
    if why:
        raise IngestError(source, why + "; expected text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        # GB18030 is a superset of GBK and GB2312: one strict decoder covers the three.
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    # Other encodings (Big5 for traditional characters, UTF-16 without BOM) only when the
    # result reads as Chinese: a wrong single-byte guess would pass junk on silently.
    best = from_bytes(data).best()
    if best is not None and best.encoding not in ("utf_8", "gb18030"):
        text = str(best)
        visible = [c for c in text if not c.isspace()]
        cjk = sum("\u4e00" <= c <= "\u9fff" for c in visible)
        if visible and cjk / len(visible) >= 0.3:
            return text, best.encoding
    off = utf8_error.start
    raise IngestError(
        source,
        f"cannot decode the text: not UTF-8 (bad byte 0x{data[off]:02x} at offset {off}), "
        "nor GBK/GB18030, nor another encoding recognised with confidence",
        line=_line_of(data, off),
    )
