"""Read one résumé file into text, in a process of its own with memory and CPU limits.

Run by ``glossary.resumes.read_resume`` as ``python -I resume_reader.py SUFFIX MEMORY CPU`` with
the file's bytes on standard input; prints one JSON object: ``{"text": "..."}`` or
``{"error": "a message for the person who sent the file"}``. A file that still gets past the
checks below is stopped by the limits (the process is killed) and the parent says so: a web
worker never parses an untrusted file itself.

Deliberately standalone (no Django, nothing from this project): it runs with ``-I``, so only
the standard library and installed packages are importable.
"""

import io
import json
import resource
import sys
import zipfile

MB = 1024 * 1024
MAX_CHARS = 2_100_000  # characters of text a file may give (a 2 MB text file, and some)
MAX_PDF_PAGES = 50
MAX_PDF_STREAM = 5 * MB  # bytes one PDF stream may unpack to
MAX_DOCX_UNPACKED = 20 * MB  # bytes all parts of a Word file may unpack to
MAX_DOCX_PARTS = 500
MAX_DOCX_PARAGRAPHS = 20_000
MAX_DOCX_ROWS = 5_000


class Refused(Exception):
    """The file is refused; the message says why, for the person who sent it."""


def _text_of_pdf(data: bytes) -> str:
    import pypdf
    from pypdf.errors import LimitReachedError, PyPdfError

    pypdf.overwrite_configuration(
        zlib_maximum_output_length=MAX_PDF_STREAM,
        lzw_maximum_output_length=MAX_PDF_STREAM,
        run_length_maximum_output_length=MAX_PDF_STREAM,
        array_based_stream_maximum_output_length=MAX_PDF_STREAM,
        stream_decoding_work_maximum_length=4 * MAX_PDF_STREAM,
        stream_parsing_work_maximum_count=500_000,
    )
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        # The page count the file declares, read before pypdf walks every page.
        declared = reader.trailer["/Root"]["/Pages"].get("/Count", 0)
        pages = int(declared) if isinstance(declared, int) else 0
        pages = pages if pages > MAX_PDF_PAGES else len(reader.pages)
        if pages > MAX_PDF_PAGES:
            raise Refused(
                f"This PDF has {pages:,} pages; the decoder reads résumés of up to "
                f"{MAX_PDF_PAGES} pages. Paste the text instead."
            )
        parts, size = [], 0
        for page in reader.pages:
            text = page.extract_text() or ""
            size += len(text)
            if size > MAX_CHARS:
                raise Refused(_too_much_text())
            parts.append(text)
    except LimitReachedError as exc:
        raise Refused(
            "This PDF could not be read: it holds more data than a résumé would (too much "
            "text or too many parts). Paste the text instead."
        ) from exc
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise Refused(
            "This PDF could not be read: it may be damaged or password-protected."
        ) from exc
    text = "\n".join(parts)
    if not text.strip():
        raise Refused(
            "This PDF has no text layer (it may be a scanned image). Paste the text instead."
        )
    return text


def _count_tags(xml: bytes, tag: bytes) -> int:
    return sum(xml.count(b"<" + tag + end) for end in (b">", b" ", b"/"))


def _text_of_docx(data: bytes) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import LxmlError

    damaged = "This Word file could not be read: it may be damaged."
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            unpacked = sum(part.file_size for part in parts)
            if len(parts) > MAX_DOCX_PARTS or unpacked > MAX_DOCX_UNPACKED:
                raise Refused(
                    f"This Word file unpacks to {unpacked / MB:,.0f} MB in {len(parts)} parts; "
                    f"the decoder reads files that unpack to at most {MAX_DOCX_UNPACKED // MB} MB. "
                    "Save it again from Word, or paste the text."
                )
            body = archive.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise Refused(damaged) from exc
    paragraphs, rows = _count_tags(body, b"w:p"), _count_tags(body, b"w:tr")
    if rows > MAX_DOCX_ROWS:
        raise Refused(
            f"This Word file has {rows:,} table rows; the decoder reads up to "
            f"{MAX_DOCX_ROWS:,}. Paste the text instead."
        )
    if paragraphs > MAX_DOCX_PARAGRAPHS:
        raise Refused(
            f"This Word file has {paragraphs:,} paragraphs; the decoder reads up to "
            f"{MAX_DOCX_PARAGRAPHS:,}. Paste the text instead."
        )
    try:
        document = docx.Document(io.BytesIO(data))
        lines = [paragraph.text for paragraph in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                lines.append("  ".join(cell.text for cell in row.cells))
    except (PackageNotFoundError, LxmlError, KeyError, ValueError, AttributeError) as exc:
        raise Refused(damaged) from exc
    return "\n".join(lines)


def _strings(value: object) -> list[str]:
    """The text in a JSON value that should be text or a list of texts (anything else: none)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [str(value)]
    if isinstance(value, list):
        return [item for entry in value if not isinstance(entry, list) for item in _strings(entry)]
    return []


def _dicts(value: object) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _text_of_json_resume(data: bytes) -> str:
    """The text of a JSON Resume (jsonresume.org): summary, work, projects, skills and keywords.

    Values of the wrong type (a number where a list should be) are read where they make sense
    and skipped otherwise.
    """
    try:
        resume = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise Refused("This JSON is not UTF-8 text.") from exc
    except json.JSONDecodeError as exc:
        raise Refused(f"This is not valid JSON (line {exc.lineno}: {exc.msg}).") from exc
    except RecursionError as exc:
        raise Refused("This JSON is nested too deeply to be a résumé.") from exc
    except ValueError as exc:
        raise Refused(f"This JSON could not be read: {exc}.") from exc
    if not isinstance(resume, dict) or not any(
        key in resume for key in ("basics", "work", "skills", "projects")
    ):
        raise Refused(
            "This JSON is not a JSON Resume: it has none of basics, work, skills or projects."
        )
    lines: list[str] = []
    basics = resume.get("basics")
    if isinstance(basics, dict):
        for key in ("name", "label", "summary"):
            lines += _strings(basics.get(key))
    for section in ("work", "volunteer", "projects", "education", "awards", "publications"):
        lines += _strings(resume.get(section))
        for entry in _dicts(resume.get(section)):
            for key in ("position", "name", "area", "studyType", "summary", "description"):
                lines += _strings(entry.get(key))
            for key in ("highlights", "keywords", "courses"):
                lines += _strings(entry.get(key))
    for section in ("skills", "interests"):
        for entry in _dicts(resume.get(section)):
            name = " ".join(_strings(entry.get("name")))
            keywords = ", ".join(_strings(entry.get("keywords")))
            lines.append(f"{name}: {keywords}".strip(": "))
    return "\n".join(line for line in lines if line.strip())


def _too_much_text() -> str:
    return (
        f"This file holds too much text for a résumé (over {MAX_CHARS:,} characters). "
        "Paste the part that matters instead."
    )


READERS = {".pdf": _text_of_pdf, ".docx": _text_of_docx, ".json": _text_of_json_resume}


def main() -> None:
    """Apply the limits, read standard input as the file, print the JSON answer."""
    suffix, memory, cpu = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    sys.setrecursionlimit(2000)
    data = sys.stdin.buffer.read()
    try:
        text = READERS[suffix](data)
        answer = {"text": text} if len(text) <= MAX_CHARS else {"error": _too_much_text()}
    except Refused as exc:
        answer = {"error": str(exc)}
    except MemoryError:
        answer = {
            "error": "This file needs more memory to read than a résumé should. "
            "Paste the text instead."
        }
    except RecursionError:
        answer = {"error": "This file is nested too deeply to be a résumé. Paste the text."}
    sys.stdout.write(json.dumps(answer))


if __name__ == "__main__":
    main()
