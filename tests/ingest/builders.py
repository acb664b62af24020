"""Builders for the ingest tests: every fixture file is made at test time from our own text."""

from __future__ import annotations

import io
from collections.abc import Sequence

from pypdf import PdfReader, PdfWriter


def _pdf_string(text: str) -> bytes:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("latin-1") + b")"


def build_pdf(
    pages: Sequence[Sequence[str]],
    info: dict[str, str] | None = None,
    *,
    trailer_extra: bytes = b"",
) -> bytes:
    """A minimal PDF with a real text layer: one Helvetica text line per string, per page.

    Written by hand (pypdf cannot lay out text), with a correct cross-reference table.
    """
    count = len(pages)
    page_ids = [4 + 2 * index for index in range(count)]
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % page_id for page_id in page_ids)
        + b"] /Count %d >>" % count,
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    for page_id, lines in zip(page_ids, pages, strict=True):
        ops = [b"BT /F1 12 Tf 72 720 Td"]
        for number, line in enumerate(lines):
            if number:
                ops.append(b"0 -18 Td")
            ops.append(_pdf_string(line) + b" Tj")
        ops.append(b"ET")
        stream = b"\n".join(ops) if lines else b""
        objects[page_id] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (page_id + 1)
        )
        objects[page_id + 1] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
    info_id = None
    if info:
        info_id = 4 + 2 * count
        objects[info_id] = (
            b"<< "
            + b" ".join(
                b"/" + key.encode() + b" " + _pdf_string(value) for key, value in info.items()
            )
            + b" >>"
        )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for object_id in sorted(objects):
        offsets[object_id] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (object_id, objects[object_id])
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for object_id in range(1, size):
        out += b"%010d 00000 n \n" % offsets[object_id]
    trailer = b"<< /Size %d /Root 1 0 R" % size
    if info_id is not None:
        trailer += b" /Info %d 0 R" % info_id
    out += b"trailer\n" + trailer + trailer_extra + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def encrypt_pdf(pdf: bytes, user_password: str, owner_password: str = "owner") -> bytes:
    """The same PDF encrypted with RC4 (pure Python in pypdf: no crypto library needed)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password, owner_password, algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


# An AES-256 (V5/R6) encryption dictionary with made-up keys: pypdf needs the `cryptography`
# package to even check the password, and with it the password check fails. Either way: E403.
FAKE_AES_ENCRYPTION = (
    b" /Encrypt << /Filter /Standard /V 5 /R 6 /Length 256 /P -4"
    b" /O <" + b"11" * 48 + b"> /U <" + b"22" * 48 + b">"
    b" /OE <" + b"33" * 32 + b"> /UE <" + b"44" * 32 + b"> /Perms <" + b"55" * 16 + b">"
    b" /CF << /StdCF << /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >>"
    b" /StmF /StdCF /StrF /StdCF >>"
    b" /ID [<" + b"66" * 16 + b"> <" + b"66" * 16 + b">]"
)
