"""Reading résumé files into plain text: text, Markdown, PDF, Word .docx and JSON Resume.

Text files are decoded here. Every other format is parsed by ``glossary/resume_reader.py`` in a
separate process with a memory limit, a CPU limit and a wall-clock timeout, after checks of
its own (pages, unpacked size, paragraphs, rows): a hostile file can only be refused, never
take down the web worker reading it. Nothing here stores anything; the decoder keeps a résumé
only if the recruiter saves it on a candidate.
"""

import json
import math
import subprocess
import sys
from pathlib import Path, PurePath

from django.conf import settings

MAX_BYTES = 2 * 1024 * 1024  # 2 MB
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
SUPPORTED = (*TEXT_SUFFIXES, ".pdf", ".docx", ".json")
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
            f"“{name}” is not a file type the decoder reads. Use a .txt, .md, .pdf, .docx or "
            "JSON Resume (.json) file, or paste the text."
        )
    text = (_text(data) if suffix in TEXT_SUFFIXES else _read_elsewhere(suffix, data)).strip()
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
