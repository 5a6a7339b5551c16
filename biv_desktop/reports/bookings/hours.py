"""The hours printout (per interpreter, per agency, per leader) as PDF and XLSX, and the certificate of
volunteer service (intyg) for a leader as PDF."""

import datetime as dt
from pathlib import Path

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from biv_desktop.domain.bookings import LATE_CANCELLATION_HOURS
from biv_desktop.reports.document import Orientation, Printout
from biv_desktop.reports.sheets.cells import grid_style, hint, label, value
from biv_desktop.reports.sheets.shapes import INK, WrappedText, WritingLines
from biv_desktop.reports.table_workbook import Value, write_table_workbook
from biv_desktop.services.bookings import HoursLine, HoursReport, ServiceRecord

HOURS_TITLE = "Timmar och bokningar"
CERTIFICATE_TITLE = "Intyg om ideellt uppdrag"
EXPLANATION = (
    "Bokade: bekräftade tolkbokningar. Genomförda: träffar där personen var närvarande. Sent avbokade: "
    f"avbokade mindre än {LATE_CANCELLATION_HOURS} timmar före start. Timmar: längden på de genomförda träffarna."
)


def _hours_text(hours: float) -> str:
    return f"{hours:.1f}".replace(".", ",")


def _table(
    heading: str, first_column: str, lines: tuple[HoursLine, ...], width: float, late: bool
) -> list[Flowable]:
    heads = [first_column, "Förmedling / organisation", "Bokade", "Genomförda"]
    if late:
        heads.append("Sent avbokade")
    heads.append("Timmar")
    numbers = len(heads) - 2
    widths = [140.0, width - 140.0 - 56.0 * numbers] + [56.0] * numbers
    rows: list[list[object]] = [[label(text, centred=index > 1) for index, text in enumerate(heads)]]
    for line in lines:
        figures = [line.booked, line.held] + ([line.cancelled_late] if late else [])
        cells: list[object] = [value(line.name, 9.5), value(line.detail or "–", 9.0)]
        cells += [label(str(figure), 9.5, bold=False, centred=True) for figure in figures]
        cells.append(label(_hours_text(line.hours), 9.5, bold=True, centred=True))
        rows.append(cells)
    if not lines:
        rows.append([hint("Inga under perioden.")] + [""] * (len(heads) - 1))
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(grid_style()))
    return [label(heading, 11.0), Spacer(0, 4), table, Spacer(0, 12)]


def _period(report: HoursReport) -> str:
    return f"{report.first.isoformat()} – {report.last.isoformat()}"


def write_hours_pdf(path: Path, report: HoursReport, printed_on: dt.date | None = None) -> Path:
    """Save the hours per interpreter, agency and leader as an A4 PDF at path."""
    frame = Printout(
        document_title=HOURS_TITLE,
        heading=HOURS_TITLE,
        subheading=_period(report),
        printed_on=printed_on or dt.date.today(),
        orientation=Orientation.PORTRAIT,
    )
    width = frame.content_width
    story: list[Flowable] = [WrappedText(EXPLANATION, size=8.5, max_lines=3), Spacer(0, 8)]
    story += _table("Per tolk", "Tolk", report.interpreters, width, late=True)
    story += _table("Per förmedling", "Förmedling", report.agencies, width, late=True)
    story += _table("Per gruppledare", "Gruppledare", report.leaders, width, late=False)
    return frame.save(path, story)


def hours_rows(report: HoursReport) -> list[tuple[Value, ...]]:
    """One line per interpreter, agency and leader, with what it is in the first column."""
    rows: list[tuple[Value, ...]] = []
    for kind, lines in (
        ("Tolk", report.interpreters),
        ("Förmedling", report.agencies),
        ("Gruppledare", report.leaders),
    ):
        for line in lines:
            late: Value = line.cancelled_late if kind != "Gruppledare" else None
            rows.append((kind, line.name, line.detail, line.booked, line.held, late, line.hours))
    return rows


def write_hours_xlsx(path: Path, report: HoursReport) -> Path:
    """Save the hours as an XLSX workbook at path."""
    headers = ("Vad", "Namn", "Förmedling / organisation", "Bokade", "Genomförda", "Sent avbokade", "Timmar")
    return write_table_workbook(
        path, HOURS_TITLE, f"{_period(report)}. {EXPLANATION}", headers, hours_rows(report), "Timmar"
    )


def _sessions_text(count: int) -> str:
    return "1 gruppträff" if count == 1 else f"{count} gruppträffar"


def write_certificate(
    path: Path, record: ServiceRecord, printed_on: dt.date | None = None, signer: str = "Samordnande diakon"
) -> Path:
    """Save a leader's certificate of volunteer service for the period as an A4 PDF at path."""
    frame = Printout(
        document_title=CERTIFICATE_TITLE,
        heading=CERTIFICATE_TITLE,
        subheading="Barn i väntan / Barn i start · Svenska kyrkan, Linköpings domkyrkopastorat",
        printed_on=printed_on or dt.date.today(),
        orientation=Orientation.PORTRAIT,
    )
    width = frame.content_width
    body = (
        f"har under perioden {record.first.isoformat()} – {record.last.isoformat()} ideellt lett stödgrupper för "
        f"barn och föräldrar i verksamheten Barn i väntan / Barn i start: {_sessions_text(record.sessions)} om "
        f"sammanlagt {_hours_text(record.hours)} timmar."
    )
    story: list[Flowable] = [
        Spacer(0, 30),
        label("Härmed intygas att", 11.0, bold=False),
        Spacer(0, 8),
        value(record.leader_name, 18.0, bold=True),
        Spacer(0, 10),
        WrappedText(body, size=11.0, max_lines=4, colour=INK),
        Spacer(0, 10),
    ]
    if record.trained_on is not None:
        story += [
            label(
                f"Hen har genomgått gruppledarutbildningen ({record.trained_on.isoformat()}).",
                11.0,
                bold=False,
            ),
            Spacer(0, 10),
        ]
    if record.groups:
        rows: list[list[object]] = [
            [
                label("Grupp"),
                label("Från", centred=True),
                label("Till", centred=True),
                label("Träffar", centred=True),
            ]
        ]
        for group in record.groups:
            rows.append(
                [
                    value(group.name, 10.0),
                    label(group.first.isoformat(), 10.0, bold=False, centred=True),
                    label(group.last.isoformat(), 10.0, bold=False, centred=True),
                    label(str(group.sessions), 10.0, bold=False, centred=True),
                ]
            )
        table = Table(rows, colWidths=[width - 230.0, 85.0, 85.0, 60.0])
        table.setStyle(TableStyle(grid_style()))
        story += [table, Spacer(0, 14)]
    story += [
        WrappedText(
            "Uppdraget innebär att tillsammans med en annan gruppledare och en tolk leda en grupp om cirka sex "
            "barn eller föräldrar, fjorton gånger, med samtal, skapande och lek kring teman.",
            size=10.0,
            max_lines=3,
            colour=INK,
        ),
        Spacer(0, 50),
    ]
    signature: list[Flowable] = [
        label(f"Linköping {frame.printed_on.isoformat()}", 10.5, bold=False),
        Spacer(0, 36),
        WritingLines(1, spacing=4.0),
        label(signer, 10.0, bold=False),
        label("Linköpings domkyrkopastorat", 10.0, bold=False),
    ]
    story.append(KeepTogether(signature))
    return frame.save(path, story)
