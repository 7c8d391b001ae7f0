"""Reading résumé files into plain text: text, Markdown, PDF, Word .docx and JSON Resume.

Nothing here stores anything; the decoder keeps a résumé only if the recruiter saves it on a
candidate.
"""

import io
import json
from pathlib import PurePath

MAX_BYTES = 2 * 1024 * 1024  # 2 MB
SUPPORTED = (".txt", ".md", ".markdown", ".pdf", ".docx", ".json")


class ResumeError(ValueError):
    """The file cannot be read as a résumé; the message says why, for the person who sent it."""


def read_resume(name: str, data: bytes) -> str:
    """Extract the text of an uploaded résumé.

    Args:
        name: the file's name; its extension picks the reader.
        data: the file's bytes.

    Returns:
        The résumé's text (not empty).

    Raises:
        ResumeError: too large, an unsupported type, a damaged or text-less PDF or .docx,
            invalid JSON or JSON that is not a JSON Resume, or no text at all.
    """
    if len(data) > MAX_BYTES:
        raise ResumeError(
            f"The file is {len(data) / 1024 / 1024:.1f} MB; the limit is 2 MB. "
            "Paste the text instead, or save a smaller file."
        )
    suffix = PurePath(name).suffix.lower()
    if suffix not in SUPPORTED:
        raise ResumeError(
            f"“{name}” is not a file type the decoder reads. Use a .txt, .md, .pdf, .docx or "
            "JSON Resume (.json) file, or paste the text."
        )
    reader = {".pdf": _pdf, ".docx": _docx, ".json": _json_resume}.get(suffix, _text)
    text = reader(data).strip()
    if not text:
        raise ResumeError("The file has no text in it. Paste the résumé's text instead.")
    return text


def _text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ResumeError("The file is not readable text. Save it as UTF-8 text, or paste the text.")


def _pdf(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ResumeError(
            "This PDF could not be read: it may be damaged or password-protected."
        ) from exc
    if not text.strip():
        raise ResumeError(
            "This PDF has no text layer (it may be a scanned image). Paste the text instead."
        )
    return text


def _docx(data: bytes) -> str:
    from zipfile import BadZipFile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise ResumeError("This Word file could not be read: it may be damaged.") from exc
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("  ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _json_resume(data: bytes) -> str:
    """The text of a JSON Resume (jsonresume.org): summary, work, projects, skills and keywords."""
    try:
        resume = json.loads(_text(data))
    except json.JSONDecodeError as exc:
        raise ResumeError(f"This is not valid JSON (line {exc.lineno}: {exc.msg}).") from exc
    if not isinstance(resume, dict) or not any(
        key in resume for key in ("basics", "work", "skills", "projects")
    ):
        raise ResumeError(
            "This JSON is not a JSON Resume: it has none of basics, work, skills or projects."
        )
    lines: list[str] = []
    basics = resume.get("basics") or {}
    if isinstance(basics, dict):
        lines += [str(basics.get(key) or "") for key in ("name", "label", "summary")]
    for section in ("work", "volunteer", "projects", "education", "awards", "publications"):
        for entry in _dicts(resume.get(section)):
            lines += [
                str(entry.get(key) or "")
                for key in ("position", "name", "area", "studyType", "summary", "description")
            ]
            lines += [str(item) for item in entry.get("highlights") or [] if item]
            lines += [str(item) for item in entry.get("keywords") or [] if item]
            lines += [str(item) for item in entry.get("courses") or [] if item]
    for section in ("skills", "interests"):
        for entry in _dicts(resume.get(section)):
            keywords = ", ".join(str(k) for k in entry.get("keywords") or [] if k)
            lines.append(f"{entry.get('name') or ''}: {keywords}".strip(": "))
    return "\n".join(line for line in lines if line.strip())


def _dicts(value: object) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []
