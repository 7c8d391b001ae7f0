"""Reading résumé files into plain text: text, Markdown, PDF, Word .docx, OpenDocument .odt,
RTF, HTML, LaTeX, and JSON Resume or other résumés in JSON or YAML (RenderCV).

Text files are decoded here. Every other format is parsed by ``glossary/resume_reader.py`` in a
separate process with a memory limit, a CPU limit and a wall-clock timeout, after checks of
its own (pages, unpacked size, paragraphs, rows): a hostile file can only be refused, never
take down the web worker reading it. Nothing here stores anything; the decoder keeps a résumé
only if the recruiter saves it on a candidate.
"""

import json
import math
import re
import subprocess
import sys
from pathlib import Path, PurePath

from django.conf import settings

MAX_BYTES = 2 * 1024 * 1024  # 2 MB
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
OTHER_SUFFIXES = (
    ".pdf",
    ".docx",
    ".odt",
    ".rtf",
    ".json",
    ".yaml",
    ".yml",
    ".tex",
    ".html",
    ".htm",
)
SUPPORTED = (*TEXT_SUFFIXES, *OTHER_SUFFIXES)
READER = Path(__file__).with_name("resume_reader.py")
READ_MEMORY = 256 * 1024 * 1024  # bytes of address space for the reading process
READ_SECONDS = 2.0  # default wall-clock budget (settings.RESUME_READ_SECONDS overrides)


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
        ResumeError: too large, an unsupported type, a damaged, hostile or text-less file, or
            one that takes too long or too much memory to read; the message names the limit.
    """
    if len(data) > MAX_BYTES:
        raise ResumeError(
            f"The file is {len(data) / 1024 / 1024:.1f} MB; the limit is 2 MB. "
            "Paste the text instead, or save a smaller file."
        )
    suffix = PurePath(name).suffix.lower()
    if suffix not in SUPPORTED:
        raise ResumeError(
            f"“{name}” is not a file type the decoder reads. Use a .txt, .md, .pdf, .docx, "
            ".odt, .rtf, .html, LaTeX (.tex) or JSON Resume (.json, .yaml) file, or paste "
            "the text."
        )
    if suffix in TEXT_SUFFIXES:
        text = _text(data)
        if suffix != ".txt":
            text = markdown_text(text)
    else:
        text = _read_elsewhere(suffix, data)
    text = text.strip()
    if not text:
        raise ResumeError("The file has no text in it. Paste the résumé's text instead.")
    return text


_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n.{0,5000}?\n---[ \t]*\n", re.DOTALL)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HTML_BLOCK_TAG = re.compile(
    r"</?(?:br|p|div|li|ul|ol|tr|td|th|table|h[1-6]|section)\b[^<>]{0,500}>", re.I
)
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]{0,500}>")


def markdown_text(text: str) -> str:
    """Markdown's text without its front matter (the page settings between ``---`` lines at
    the top) or the HTML it may hold: comments dropped, block tags (``<br>``, ``<li>``) turned
    into line breaks, inline tags (``<small>``, ``<b>``) removed.

    Args:
        text: a Markdown document.

    Returns:
        The same text, its Markdown syntax kept (the matcher reads past ``**`` and ``-``).
    """
    text = _HTML_COMMENT.sub(" ", _FRONT_MATTER.sub("", text, count=1))
    return _HTML_TAG.sub("", _HTML_BLOCK_TAG.sub("\n", text))


def _text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ResumeError("The file is not readable text. Save it as UTF-8 text, or paste the text.")


def _read_elsewhere(suffix: str, data: bytes) -> str:
    """Run the limited reader process on ``data`` and return its text.

    Raises:
        ResumeError: the reader refused the file, ran out of time, or was stopped by a limit.
    """
    seconds = getattr(settings, "RESUME_READ_SECONDS", READ_SECONDS)
    try:
        finished = subprocess.run(
            [sys.executable, "-I", str(READER), suffix, str(READ_MEMORY), str(math.ceil(seconds))],
            input=data,
            capture_output=True,
            timeout=seconds,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise ResumeError(
            f"Reading this file took too long (over {seconds:g} seconds), so it was stopped. "
            "Paste the text instead."
        ) from exc
    try:
        answer = json.loads(finished.stdout) if finished.returncode == 0 else None
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        raise ResumeError(
            f"This file could not be read within the decoder's limits ({READ_MEMORY // 2**20} MB "
            "of memory, a few seconds). Paste the text instead."
        )
    if "error" in answer:
        raise ResumeError(answer["error"])
    return str(answer.get("text", ""))
