"""The half-yearly follow-up the agreement asks for: what every figure of the report means, and computing them.

The report covers any period (first to last day, both included); by default the halves of the current
agreement year (``followup_period.default_halves``). It is aggregate: counts only, never a name. The figures are computed from plain records (``followup_records``) into a
frozen tree (``followup_figures``) that the PDF and XLSX renderers draw and a follow-up meeting stores.

Sessions
    A session counts in the period when its date is in the period. Held = status "held"; planned = status
    still "planned" (not yet held, or not yet recorded). Cancelled = status "cancelled" in a group that
    went on. The sessions of a group that was called off, from the day it stopped (see Cancelled below),
    are counted apart, as sessions of cancelled groups: a group cancelled before it started held no
    session and cancelled none, so its fourteen sessions do not swell the cancelled sessions.

Groups (each group is counted at most once in each column)
    Started: its first held session (over its whole life) is in the period.
    With sessions in the period ("held"): at least one held session in the period. A group spanning the
        period's boundary counts here in both periods, but as started only in the first.
    Finished: its status is "finished" and its last held session is in the period.
    Cancelled: its status is "cancelled" and the day it stopped is in the period: its first session not
        held after the last one that was (its first session, if none was held; its start date, if it has
        no sessions at all). Of these, cancelled before start: it held no session at all.
    Planned: not cancelled, no session held yet, and its start date in the period.
    A group's programme, kind, language and premises are the group's own.

The agreement's minimum
    At least ``min_groups_per_year`` groups ("minst sex stödgrupper BIV/BIS per år"). Whether parents'
    groups count toward it is a setting (``parents_groups_count``, yes by default), since the agreement
    does not say; the report states which next to the figure. It is compared with the groups started in
    the period that count, since those add up over the halves to the year without counting a group twice. The minimum is pro-rated to the period
    day by day over each agreement year it overlaps (six a year over 1 April – 30 September: 6 × 183/365
    ≈ 3.0). The municipality's training places are pro-rated the same way.

Attendance
    Only marks taken at sessions held in the period count; marks at cancelled or planned sessions do not.
    Participant-sessions ("deltagartillfällen") = present marks. Unique participants = people present at
    least once. A person in two groups counts once among the unique participants and at every session
    in the participant-sessions. Attendance rate = present marks / all marks (present, absent, notified
    absence). In a breakdown (programme, kind, language, premises) the group of the session decides the
    row, so a person can count once in each of two rows: rows of unique participants may add up to more
    than the total, while participant-sessions always add up. District is the participant's home
    district. Anonymised participants count like any other: the figures use only birth year, gender,
    role, district and attendance.

Age
    A child's age is the age reached during the calendar year of the session (that year minus the birth
    year). A participant-session (and any mark) counts in the band of the age reached in its session's
    year; a unique participant counts once, in the band of the age reached in the year of their first
    attended session in the period. Why: the agreement year runs April to March, so one age for the whole
    period (the year it starts) put the spring's seven-year-olds of 7–9 groups outside every band, and
    over long periods most people outside the bands; by the session's year a child is counted at the age
    the group was planned for. The birth year is the one age fact the register always keeps (a birth
    date is optional and gone after anonymisation), so a report gives the same figures before and after
    anonymisation. Unique participants still fall in exactly one band each, so the bands add up to the
    total, and so do participant-sessions; a child whose sessions straddle the new year may count among
    the participant-sessions of two bands but among the unique participants of one. Parents and
    guardians form their own row, whatever their age. Children outside every age band get a row of their
    own when there are any. Figures stored with the earlier rule (the age reached in the year the period
    starts) say so and are printed with that rule's explanation.

Completion
    For each group that finished in the period, a participant completed it when present at no fewer
    sessions than the share ``completion_sessions`` of ``sessions_per_group`` (10 of 14 by default) of
    the sessions the group held, rounded up: 10 of 14 held, 10 of 13. Sessions before the period count,
    since completion is about the whole group. Completed = people who completed at least one such group,
    out of the people present at least once in them.

Staff and training
    Leaders and interpreters engaged = distinct people booked for a session held in the period and not
    recorded as absent (substitutes included). Trained leaders added = leaders whose training was
    completed in the period. Training places = places on courses that start in the period; the
    municipality's are those with organisation "municipality".

Feedback and communication
    Evaluations collected in the period, summed per questionnaire (children's and parents' apart), with
    their quotes. Communication efforts dated in the period, by party and channel.

Small counts
    In the breakdowns of people (by age band, gender, programme, kind of group, language, premises and home
    district) a count from 1 up to ``small_count_limit`` (a setting, 2 by default) is shown as a range,
    "1–2", since one or two people in a district or a band can point to a child. Zeros and every total
    ("Alla") stay exact. The figures themselves keep the exact counts; only what is shown is a range.

Demand
    The waiting list on the period's last day, by the person's mother tongue and age group (a child's age
    reached in that day's year; parents apart), small counts as in the other breakdowns. The program keeps
    no history of the list: read after the period ended, it shows those still waiting who were put on it
    by the period's end, and the report says so; read during the period, it is the list on that day.

Collaboration
    The follow-up meetings held in the period (their date in it), earliest first, with the period each
    followed up and its decisions as written; who attended and the notes stay in the program.

Funding
    Each agreement period the report's period overlaps, with its funding as agreed.

Training places and the money at stake
    The municipality is guaranteed ``training_places_per_year`` places on the group-leader training each
    agreement year; if it does not use them, the parish pays back the money paid for that purpose. For
    each agreement, the agreement year holding the period's last day (or the agreement's last day, if
    earlier): the municipality's places on courses starting in that year up to the period's end (used),
    the quota less those (unused, at least 0), the money for the places (the funding parts the coordinator
    marked as being for them) and its share for the unused places (money × unused / quota, rounded to
    whole kronor): what would be paid back if no more places were used that year.
"""

import datetime as dt

from biv_desktop.domain.followup.agreement import agreement_figures, staff_figures
from biv_desktop.domain.followup.feedback import communication_figures, feedback_summaries
from biv_desktop.domain.followup.figures import FollowUpFigures
from biv_desktop.domain.followup.groups import group_figures, session_figures
from biv_desktop.domain.followup.participants import participant_figures
from biv_desktop.domain.followup.period import Period
from biv_desktop.domain.followup.records import FollowUpRecords
from biv_desktop.domain.followup.waiting import waiting_figures


def compute_follow_up(records: FollowUpRecords, period: Period, compiled_on: dt.date) -> FollowUpFigures:
    """Every figure of the follow-up report for the period, from the register's plain records."""
    agreements = agreement_figures(records.agreements, records.trainees, period)
    return FollowUpFigures(
        period=period,
        compiled_on=compiled_on,
        agreements=agreements,
        min_groups_for_period=float(sum(agreement.min_groups_for_period for agreement in agreements)),
        training_places_for_period=float(
            sum(agreement.training_places_for_period for agreement in agreements)
        ),
        groups=group_figures(records.groups, records.sessions, period),
        sessions=session_figures(records.groups, records.sessions, records.attendance, period),
        participants=participant_figures(records, period),
        staff=staff_figures(records, period),
        feedback=feedback_summaries(records.questionnaires, records.feedback_forms, period),
        communication=communication_figures(records.efforts, period),
        small_count_limit=records.rules.small_count_limit,
        parents_groups_count=records.rules.parents_groups_count,
        waiting=waiting_figures(records, period),
        meetings=tuple(
            sorted(
                (meeting for meeting in records.meetings if meeting.held_on in period),
                key=lambda m: m.held_on,
            )
        ),
    )
