"""Hostile résumé files, generated in memory (nothing binary is committed).

Each is small on the wire and expensive to read naively: decompression bombs, huge page or
paragraph counts, malformed structure, pathological JSON.
"""

import io
import json
import struct
import zipfile
import zlib

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PARAGRAPH = "<w:p><w:r><w:t>Python developer, Django and PostgreSQL</w:t></w:r></w:p>"


def _pdf(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def _stream(data: bytes, compress: bool = True) -> bytes:
    if compress:
        data = zlib.compress(data, 9)
        return (
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + (b"\nendstream")
        )
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf_inflating_stream(inflated_bytes: int = 10 * 1024 * 1024) -> bytes:
    """A one-page PDF (about 30 KB) whose content stream inflates to ``inflated_bytes``."""
    op = b"BT /F1 9 Tf 40 700 Td (Python Django PostgreSQL) Tj ET\n"
    content = op * (inflated_bytes // len(op))
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            _stream(content),
            FONT,
        ]
    )


def pdf_many_pages(pages: int = 13_000) -> bytes:
    """A PDF of ``pages`` pages (about 2 MB), each with a line of text."""
    first_page = 5
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        _stream(b"BT /F1 11 Tf 50 750 Td (Python developer with Django) Tj ET", compress=False),
        FONT,
    ]
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
        b"/Resources << /Font << /F1 4 0 R >> >> >>"
    )
    objects += [page] * pages
    return _pdf(objects)


def pdf_huge_array(elements: int = 150_000) -> bytes:
    """A PDF whose page has a /MediaBox-like array past pypdf's element limit."""
    array = b"[" + b" 0" * elements + b"]"
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> /Junk " + array + b" >>",
            _stream(b"BT /F1 11 Tf 50 750 Td (Python developer) Tj ET", compress=False),
            FONT,
        ]
    )


def _docx(document_xml: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", document_xml)
    return out.getvalue()


def _document(body: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}">'
        f"<w:body>{body}</w:body></w:document>"
    )


def docx_many_paragraphs(paragraphs: int = 1_000_000) -> bytes:
    """A Word file (about 30 KB) of ``paragraphs`` paragraphs, nearly all empty."""
    return _docx(_document(PARAGRAPH + "<w:p/>" * paragraphs))


def docx_huge_table(rows: int = 60_000) -> bytes:
    """A Word file (about 10 KB) with one table of ``rows`` rows."""
    row = "<w:tr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr>"
    return _docx(_document(PARAGRAPH + "<w:tbl>" + row * rows + "</w:tbl>"))


def docx_malformed_xml() -> bytes:
    """A Word file whose document.xml is not well-formed XML."""
    return _docx(_document("<w:p><w:r><w:t>Python</w:t></w:r>"))  # unclosed paragraph


def docx_inflating_xml(inflated_bytes: int = 1536 * 1024 * 1024) -> bytes:
    """A Word file of about 1.5 MB whose document.xml inflates to ``inflated_bytes`` (1.5 GB).

    Deflate blocks ending in a full flush are self-contained, so one compressed megabyte of
    padding is repeated instead of compressing 1.5 GB. The zip is written by hand (the
    ``zipfile`` module cannot store precompressed data).
    """
    head = _document("").split("<w:body>")[0].encode() + b"<w:body>"
    tail = b"</w:body></w:document>"
    chunk = b" " * (1024 * 1024)
    repeats = (inflated_bytes - len(head) - len(tail)) // len(chunk)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    last = compressor.compress(tail) + compressor.flush()
    crc = zlib.crc32(head)
    for _ in range(repeats):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc) & 0xFFFFFFFF
    size = len(head) + repeats * len(chunk) + len(tail)
    compressed = first + block * repeats + last

    out = io.BytesIO()
    entries = []
    for name, data in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS)):
        raw = data.encode()
        packed = zlib.compress(raw, 9)[2:-4]
        entries.append((name.encode(), packed, zlib.crc32(raw) & 0xFFFFFFFF, len(raw)))
    entries.append((b"word/document.xml", compressed, crc, size))
    central = io.BytesIO()
    for name, packed, entry_crc, raw_size in entries:
        offset = out.tell()
        fields = (20, 0, 8, 0, 0, entry_crc, len(packed), raw_size, len(name), 0)
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields) + name + packed)
        central.write(
            struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, *fields, 0, 0, 0, 0, offset) + name
        )
    directory = central.getvalue()
    start = out.tell()
    out.write(directory)
    out.write(
        struct.pack(
            "<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory), start, 0
        )
    )
    return out.getvalue()


def json_numbers_for_lists() -> bytes:
    """A JSON Resume with numbers and strings where lists and objects are expected."""
    return json.dumps(
        {
            "basics": 7,
            "work": [{"position": 3, "highlights": 12, "keywords": 5.5, "summary": ["a"]}],
            "skills": [{"name": {"x": 1}, "keywords": 9}],
            "projects": "Django",
        }
    ).encode()


def json_deep_nesting(depth: int = 100_000) -> bytes:
    """Valid JSON nested ``depth`` levels deep (Python's parser recurses)."""
    return b'{"work": ' + b"[" * depth + b"]" * depth + b"}"


def json_huge_number(digits: int = 1_000_000) -> bytes:
    """A JSON Resume with a million-digit integer."""
    return b'{"basics": {"name": "A"}, "work": [{"position": ' + b"9" * digits + b"}]}"


def plain_text_of(size: int, sample: str) -> bytes:
    """An ordinary UTF-8 text of ``size`` bytes made by repeating ``sample``."""
    data = (sample + "\n") * (size // (len(sample.encode()) + 1) + 1)
    return data.encode()[:size]
