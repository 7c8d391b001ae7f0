"""Résumé files built in memory for tests: a minimal text PDF, a .docx, a JSON Resume."""

import io
import json


def make_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds ``lines`` (ASCII), readable by pypdf."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    stream = (
        "BT /F1 11 Tf 50 750 Td 14 TL "
        + " ".join(f"({escape(line)}) Tj T*" for line in lines)
        + " ET"
    )
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def make_docx(paragraphs: list[str], table: list[list[str]] = ()) -> bytes:
    """A Word document with ``paragraphs`` and an optional table."""
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_json_resume(**sections) -> bytes:
    """A JSON Resume (jsonresume.org) with the given top-level sections."""
    return json.dumps(sections).encode()


def make_odt(paragraphs: list[str]) -> bytes:
    """An OpenDocument text file (.odt) with ``paragraphs``, built by hand as LibreOffice does."""
    import zipfile
    from xml.sax.saxutils import escape

    body = "".join(f"<text:p>{escape(p)}</text:p>" for p in paragraphs)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        f"<office:body><office:text>{body}</office:text></office:body>"
        "</office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return out.getvalue()


def make_rtf(paragraphs: list[str]) -> bytes:
    """An RTF file with ``paragraphs`` (non-ASCII letters as RTF escapes)."""

    def escaped(text: str) -> str:
        text = text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
        return "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in text)

    body = "".join(f"{{\\pard {escaped(p)}\\par}}\n" for p in paragraphs)
    return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Helvetica;}}\n" + body + "}").encode()


def make_latex(paragraphs: list[str]) -> bytes:
    """A LaTeX résumé: a preamble naming packages (not the person's skills), then the lines."""

    def tex(text: str) -> str:
        return text.replace("#", "\\#").replace("&", "\\&")

    body = "\n\n".join(f"\\textbf{{Item}} {tex(p)} % a comment naming Rust" for p in paragraphs)
    return (
        "\\documentclass{article}\n\\usepackage{hyperref} % Ruby styles\n"
        "\\begin{document}\n\\section{Experience}\n" + body + "\n\\end{document}\n"
    ).encode()


def make_html(paragraphs: list[str]) -> bytes:
    """An HTML résumé with a script and a style (never read) and a link."""
    items = "".join(f"<li>{p}</li>" for p in paragraphs)
    return (
        "<!doctype html><html><head><title>CV</title><style>.rust{}</style>"
        "<script>const ruby = 1;</script></head><body><h1>CV</h1>"
        f'<ul>{items}</ul><a href="https://github.com/alex">GitHub</a></body></html>'
    ).encode()
