"""PDF from a Word document through LibreOffice (``soffice --headless --convert-to pdf``).

Chosen over drawing the PDF again with reportlab because the PDF is then the DOCX itself —
the same 公文 layout, margins, page numbers and tables, one layout to maintain — and
LibreOffice substitutes the 公文 fonts with the installed CJK fonts through fontconfig (Noto
CJK on Debian). reportlab is only a test dependency. Without LibreOffice the call fails with
:class:`OfficeMissing`, naming the Debian package to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT_S = int(os.environ.get("LUOSHI_SOFFICE_TIMEOUT", "180"))


class OfficeMissing(RuntimeError):
    pass


class ConversionFailed(RuntimeError):
    pass


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(data: bytes, name: str = "document") -> bytes:
    """``data`` (a .docx) converted to PDF bytes. Each call has its own LibreOffice profile
    directory, so conversions in parallel (tests, workers) do not lock each other out."""
    if not data.startswith(b"PK\x03\x04"):
        # LibreOffice would happily render any bytes as plain text.
        raise ConversionFailed("不是 Word(.docx)文档,无法转换为 PDF")
    exe = soffice()
    if exe is None:
        raise OfficeMissing("PDF 需要 LibreOffice:apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory(prefix="luoshi-pdf-") as tmp:
        src = Path(tmp) / f"{name}.docx"
        src.write_bytes(data)
        profile = Path(tmp) / "profile"
        try:
            run = subprocess.run(
                [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                 "--convert-to", "pdf", "--outdir", tmp, str(src)],
                capture_output=True, timeout=TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired as exc:
            raise ConversionFailed(f"LibreOffice 转换超时({TIMEOUT_S} 秒)") from exc
        out = Path(tmp) / f"{name}.pdf"
        if run.returncode != 0 or not out.exists():
            raise ConversionFailed(
                f"LibreOffice 转换失败: {run.stderr.decode(errors='replace')[-300:]}")
        return out.read_bytes()
