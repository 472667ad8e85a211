"""A batch of certificates as every caller prints it (the window, the command line): checked, then
numbered in the register, drawn, delivered (written to a file or sent to a printer) and recorded as
printed, all in one transaction, so a batch that fails or is cancelled leaves no number issued and
nothing recorded."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from fest_desktop.certificates.drawing import paint_pdf
from fest_desktop.certificates.fonts import check_glyphs, font_notes, missing_values
from fest_desktop.certificates.items import Sheet
from fest_desktop.certificates.jobs import CertificateJob
from fest_desktop.certificates.layout import fit_problems, lay_out_certificates
from fest_desktop.certificates.register import issue_numbers, record_printed
from fest_desktop.certificates.templates import TemplateInfo
from fest_desktop.errors import ValidationError
from fest_desktop.files.saving import write_bytes
from fest_desktop.storage.database import Database

Progress = Callable[[int, int], bool]
# Paints the laid-out sheets somewhere (a PDF file, a printer), calling progress as it goes; raises
# FestError when they did not get out (a file that cannot be written, a printer that refused the job).
Deliver = Callable[[Sequence[Sheet], Progress], None]


@dataclass(frozen=True)
class PrintedBatch:
    """The certificates of a finished batch, with their numbers, and how many sheets they took."""

    jobs: list[CertificateJob]
    sheets: int

    @property
    def first_number(self) -> str:
        return self.jobs[0].number if self.jobs else ""


def batch_notes(template: TemplateInfo, jobs: Sequence[CertificateJob]) -> list[str]:
    """What to tell before a batch is printed: fonts this PC lacks, characters drawn with a fallback
    font or none, fields that will print empty, and text too long for its place."""
    return [
        *font_notes(template),
        *(str(problem) for problem in check_glyphs(template, jobs)),
        *missing_values(template, jobs),
        *fit_problems(template, jobs),
    ]


def print_batch(
    db: Database,
    festival_id: int,
    template: TemplateInfo,
    jobs: Sequence[CertificateJob],
    deliver: Deliver,
    *,
    overprint: bool = False,
    start_slot: int = 1,
    progress: Progress | None = None,
) -> PrintedBatch:
    """Number, draw, deliver and record the certificates in one transaction. overprint (套打) leaves
    the template's background out; start_slot is the first slot used on the first sheet; progress
    (done, total) cancels the batch by returning False."""
    if not jobs:
        raise ValidationError("没有要打印的证书。")
    with db.session() as session:
        numbered = issue_numbers(session, festival_id, jobs)
        sheets = lay_out_certificates(
            template, numbered, with_background=False if overprint else None, start_slot=start_slot
        )
        deliver(sheets, progress or _carry_on)
        record_printed(session, [job.certificate_id for job in numbered if job.certificate_id is not None])
        return PrintedBatch(numbered, len(sheets))


def _carry_on(_done: int, _total: int) -> bool:
    return True


def to_file(path: Path) -> Deliver:
    """Deliver a batch as one PDF file, written whole or not at all."""

    def write(sheets: Sequence[Sheet], progress: Progress) -> None:
        pdf = io.BytesIO()
        paint_pdf(pdf, sheets, title="证书", progress=progress)
        write_bytes(path, pdf.getvalue())

    return write
