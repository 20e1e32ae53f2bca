"""How large each stream of a PDF becomes once decoded, measured before pdfminer decodes it.

pdfminer decodes a stream whole, in memory, through its /Filter chain. A small file can hold a
stream that decodes to gigabytes: Flate (deflate, ~1000:1), LZW (pdfminer's decoder also keeps
every table entry it builds), run-length (64:1), and chains of them behind ASCII85 or ASCIIHex
(reportlab writes ``[/ASCII85Decode /FlateDecode]``). Each stream here is decoded through the
same chain with bounded decoders that stop once ``cap`` bytes are exceeded; filters that
pdfminer does not expand for text (DCT, JPX, CCITT, JBIG2: images) end the chain.

pdfminer's LZW decoder also copies its whole table for a debug message at every code, so its
time grows with the square of the stream's length: an LZW-coded stream longer than
``max_lzw_bytes`` is refused whatever it decodes to.

Not covered: streams of an encrypted PDF (their bytes are decoded only after decryption).
"""

from __future__ import annotations

import binascii
import re
import zlib
from collections.abc import Iterator

from luoshi.ingest.budgets import check

_STREAM = re.compile(rb"stream\r?\n")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]{0,400}\]|/[A-Za-z0-9]+)")
_NAME = re.compile(rb"/([A-Za-z0-9]+)")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_FLATE = {b"FlateDecode", b"Fl"}
_LZW = {b"LZWDecode", b"LZW"}
_RL = {b"RunLengthDecode", b"RL"}
_A85 = {b"ASCII85Decode", b"A85"}
_AHX = {b"ASCIIHexDecode", b"AHx"}
_DICT_LOOKBACK = 4096


def streams(data: bytes) -> Iterator[tuple[int, list[bytes], bytes]]:
    """(offset, filter names, raw bytes) of each stream of a PDF, found by its keywords, images
    left out (pdfminer does not decode an image to read text)."""
    pos = 0
    for m in _STREAM.finditer(data):
        start = m.end()
        if start < pos:
            continue
        end = data.find(b"endstream", start)
        if end < 0:
            end = len(data)
        pos = end
        head = data[max(0, m.start() - _DICT_LOOKBACK) : m.start()]
        obj = head.rfind(b"obj")
        head = head[obj:] if obj >= 0 else head
        if _IMAGE.search(head):
            continue
        found = _FILTER.search(head)
        names = _NAME.findall(found.group(1)) if found else []
        yield start, names, data[start:end]


def _inflate(raw: bytes, cap: int) -> bytes:
    """Up to cap + 1 bytes of a deflate stream, 1 MB of output at a time; a damaged stream
    gives what came before the damage (pdfminer decodes that far too)."""
    d = zlib.decompressobj()
    parts: list[bytes] = []
    total = 0
    buf = raw
    try:
        while total <= cap:
            out = d.decompress(buf, 1 << 20)
            parts.append(out)
            total += len(out)
            buf = d.unconsumed_tail
            if not buf or d.eof:
                break
    except zlib.error:
        pass
    return b"".join(parts)[: cap + 1]


def _lzw_size(raw: bytes, cap: int) -> int:
    """Bytes an LZW stream decodes to (as pdfminer decodes it: codes of 9 to 12 bits, 256
    clears, the table growing past 4,096 entries), counting lengths only; stops past cap."""
    lengths: list[int] = []
    prev = 0
    nbits = 9
    total = 0
    acc = bits = 0
    for byte in raw:
        acc = (acc << 8) | byte
        bits += 8
        while bits >= nbits:
            bits -= nbits
            code = (acc >> bits) & ((1 << nbits) - 1)
            acc &= (1 << bits) - 1
            if code == 256:
                lengths = [1] * 256 + [0, 0]
                prev, nbits = 0, 9
                continue
            if code == 257 or not lengths:
                continue
            if not prev:
                if code >= len(lengths):
                    return total
                prev = lengths[code]
                total += prev
                continue
            if code < len(lengths):
                x = lengths[code]
            elif code == len(lengths):
                x = prev + 1
            else:
                return total  # pdfminer stops at a corrupt code
            lengths.append(prev + 1)
            n = len(lengths)
            nbits = 10 if n >= 511 else nbits
            nbits = 11 if n >= 1023 else nbits
            nbits = 12 if n >= 2047 else nbits
            prev = x
            total += x
            if total > cap:
                return total
    return total


def _runlength(raw: bytes, cap: int) -> bytes:
    out = bytearray()
    i = 0
    while i < len(raw) and len(out) <= cap:
        n = raw[i]
        if n == 128:
            break
        if n < 128:
            out += raw[i + 1 : i + 2 + n]
            i += n + 2
        else:
            out += raw[i + 1 : i + 2] * (257 - n)
            i += 2
    return bytes(out[: cap + 1])


def decoded_size(names: list[bytes], raw: bytes, cap: int, lzw_cap: int) -> int:
    """Bytes ``raw`` decodes to through the filters ``names``, counted up to about cap.
    Raises LimitExceeded for an LZW-coded stream longer than ``lzw_cap``."""
    buf = raw
    for i, name in enumerate(names):
        try:
            if name in _FLATE:
                buf = _inflate(buf, cap)
            elif name in _LZW:
                check("max_lzw_bytes", len(buf), where="an LZW-coded PDF stream")
                if i == len(names) - 1:
                    return _lzw_size(buf, cap)
                from pdfminer.lzw import lzwdecode  # a later filter needs the bytes

                if _lzw_size(buf, cap) > cap:
                    return cap + 1
                buf = lzwdecode(buf)
            elif name in _RL:
                buf = _runlength(buf, cap)
            elif name in _A85:
                from pdfminer.ascii85 import ascii85decode

                buf = ascii85decode(buf)
            elif name in _AHX:
                from pdfminer.ascii85 import asciihexdecode

                buf = asciihexdecode(buf)
            else:
                break  # an image filter: pdfminer does not expand it for text
        except (ValueError, binascii.Error, IndexError):
            break
        if len(buf) > cap:
            return len(buf)
    return len(buf)
