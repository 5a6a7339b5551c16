"""Two printouts for the leaders about the families: a running group's contact list, and the children who
need a call after missing sessions in a row. Both name people and are marked confidential."""

import datetime as dt
from pathlib import Path

from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from biv_desktop.reports.document import CONFIDENTIAL_NOTICE, Orientation, Printout
from biv_desktop.reports.sheets.cells import grid_style, hint, label, name_cell, value
from biv_desktop.services.attendance import ChildToCall, Guardian
from biv_desktop.services.printing import ContactList

CONTACT_TITLE = "Kontaktlista"
CALL_TITLE = "Att ringa"


def _guardian_cell(guardians: tuple[Guardian, ...], phone: str) -> list[Flowable]:
    cell: list[Flowable] = [value(f"{g.name} – {g.phone}" if g.phone else g.name, 9.5) for g in guardians]
    if phone and all(phone != g.phone for g in guardians):
        cell.append(value(phone, 9.5))
    return cell or [hint("ingen uppgift", 9.0)]


def write_contact_list(path: Path, listing: ContactList, printed_on: dt.date | None = None) -> Path:
    """Save the group's contact list as an A4 PDF at path."""
    staff = ", ".join(listing.leader_names) or "inga gruppledare"
    if listing.interpreter_name:
        staff += f" · tolk {listing.interpreter_name}"
    frame = Printout(
        document_title=CONTACT_TITLE,
        heading=f"Kontaktlista – {listing.group_name}",
        subheading=f"{staff} · Konfidentiellt: förvaras oåtkomligt och förstörs när gruppen slutat",
        printed_on=printed_on or listing.today,
        orientation=Orientation.PORTRAIT,
        notice=CONFIDENTIAL_NOTICE,
    )
    width = frame.content_width
    widths = [22.0, 190.0, 40.0, width - 252.0]
    rows: list[list[object]] = [
        [
            label("Nr", centred=True),
            label("Namn"),
            label("Född", centred=True),
            label("Vårdnadshavare och telefon"),
        ]
    ]
    for number, contact in enumerate(listing.contacts, start=1):
        rows.append(
            [
                label(str(number), 9.0, bold=False, centred=True),
                name_cell(contact.name, contact.native_name),
                label(str(contact.birth_year), 9.5, bold=False, centred=True),
                _guardian_cell(contact.guardians, contact.guardian_phone),
            ]
        )
    if not listing.contacts:
        rows.append(["", hint("Ingen deltagare är inskriven i dag."), "", ""])
    table = Table(rows, colWidths=widths, repeatRows=1, minRowHeights=[0.0] + [30.0] * (len(rows) - 1))
    table.setStyle(TableStyle(grid_style()))
    return frame.save(path, [table])


def write_call_list(path: Path, children: tuple[ChildToCall, ...], today: dt.date, misses: int) -> Path:
    """Save the list of children to call as an A4 PDF at path."""
    frame = Printout(
        document_title=CALL_TITLE,
        heading="Att ringa – barn som missat träffar i rad",
        subheading=f"Pågående grupper den {today.isoformat()} · {misses} missade träffar i rad eller fler",
        printed_on=today,
        orientation=Orientation.PORTRAIT,
    )
    width = frame.content_width
    widths = [130.0, 170.0, 44.0, 62.0, width - 406.0]
    rows: list[list[object]] = [
        [
            label("Barn"),
            label("Grupp"),
            label("Missat", centred=True),
            label("Senast där", centred=True),
            label("Vårdnadshavare och telefon"),
        ]
    ]
    for child in children:
        rows.append(
            [
                value(child.name, 9.5),
                value(child.group_name, 8.5),
                label(str(child.misses), 9.5, bold=True, centred=True),
                label(
                    child.last_present.isoformat() if child.last_present else "–",
                    9.0,
                    bold=False,
                    centred=True,
                ),
                _guardian_cell(child.guardians, child.guardian_phone),
            ]
        )
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(grid_style()))
    story: list[Flowable] = [table]
    if not children:
        story = [Spacer(0, 10), value("Inget barn har missat så många träffar i rad just nu.", 11.0)]
    return frame.save(path, story)
