"""The partnership agreement and what its follow-up draws on: feedback, communication and meetings."""

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from biv_desktop.domain.enums import Channel, GroupKind, Party
from biv_desktop.store.models.base import Base, enum_type
from biv_desktop.store.models.groups import Group


class Agreement(Base):
    """A period of the partnership agreement (IOP) between the municipality and the parish."""

    __tablename__ = "agreement"

    name: Mapped[str] = mapped_column(String(200))
    starts_on: Mapped[dt.date]
    ends_on: Mapped[dt.date]
    public_party: Mapped[str] = mapped_column(String(200))
    nonprofit_party: Mapped[str] = mapped_column(String(200))
    municipal_amount_sek: Mapped[int]
    parish_amount_per_year_sek: Mapped[int]
    min_groups_per_year: Mapped[int] = mapped_column(default=6)
    training_places_per_year: Mapped[int] = mapped_column(default=4)
    notice_months: Mapped[int] = mapped_column(default=6)
    signed_on: Mapped[dt.date | None]

    funding_parts: Mapped[list["FundingPart"]] = relationship(
        back_populates="agreement", cascade="all, delete-orphan", order_by="FundingPart.id"
    )

    __table_args__ = (
        CheckConstraint("ends_on > starts_on", name="ends_after_start"),
        CheckConstraint("municipal_amount_sek >= 0 AND parish_amount_per_year_sek >= 0", name="amounts"),
        CheckConstraint("min_groups_per_year >= 0 AND training_places_per_year >= 0", name="obligations"),
        CheckConstraint("notice_months >= 0", name="notice"),
    )


class FundingPart(Base):
    """Part of the municipality's amount, e.g. the department budget or the state parenting-support grant."""

    __tablename__ = "funding_part"

    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(200))
    amount_sek: Mapped[int]
    # Money paid for the municipality's places on the group-leader training: what is paid back for the
    # places it leaves unused.
    for_training_places: Mapped[bool] = mapped_column(default=False, server_default=false())

    agreement: Mapped[Agreement] = relationship(back_populates="funding_parts")

    __table_args__ = (CheckConstraint("amount_sek >= 0", name="amount"),)


class Questionnaire(Base):
    """An end-of-group evaluation form, for children's or parents' groups."""

    __tablename__ = "questionnaire"

    name: Mapped[str] = mapped_column(String(160), unique=True)
    kind: Mapped[GroupKind] = mapped_column(enum_type(GroupKind, "kind"))

    questions: Mapped[list["Question"]] = relationship(
        back_populates="questionnaire", cascade="all, delete-orphan", order_by="Question.position"
    )


class Question(Base):
    __tablename__ = "question"

    questionnaire_id: Mapped[int] = mapped_column(
        ForeignKey("questionnaire.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    text: Mapped[str] = mapped_column(String(300))

    questionnaire: Mapped[Questionnaire] = relationship(back_populates="questions")
    options: Mapped[list["AnswerOption"]] = relationship(
        back_populates="question", cascade="all, delete-orphan", order_by="AnswerOption.position"
    )

    __table_args__ = (UniqueConstraint("questionnaire_id", "position"),)


class AnswerOption(Base):
    __tablename__ = "answer_option"

    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    label: Mapped[str] = mapped_column(String(120))

    question: Mapped[Question] = relationship(back_populates="options")

    __table_args__ = (UniqueConstraint("question_id", "position"),)


class FeedbackForm(Base):
    """The anonymous evaluation of one group, as counts: never linked to a participant."""

    __tablename__ = "feedback_form"

    group_id: Mapped[int] = mapped_column(ForeignKey("support_group.id", ondelete="CASCADE"), unique=True)
    questionnaire_id: Mapped[int] = mapped_column(ForeignKey("questionnaire.id", ondelete="RESTRICT"))
    collected_on: Mapped[dt.date]
    respondents: Mapped[int]

    group: Mapped[Group] = relationship()
    questionnaire: Mapped[Questionnaire] = relationship()
    answers: Mapped[list["FeedbackAnswer"]] = relationship(
        back_populates="form", cascade="all, delete-orphan", order_by="FeedbackAnswer.id"
    )
    quotes: Mapped[list["FeedbackQuote"]] = relationship(
        back_populates="form", cascade="all, delete-orphan", order_by="FeedbackQuote.id"
    )

    __table_args__ = (CheckConstraint("respondents >= 0", name="respondents"),)


class FeedbackAnswer(Base):
    """How many in a group chose one answer option."""

    __tablename__ = "feedback_answer"

    form_id: Mapped[int] = mapped_column(ForeignKey("feedback_form.id", ondelete="CASCADE"), index=True)
    option_id: Mapped[int] = mapped_column(ForeignKey("answer_option.id", ondelete="CASCADE"))
    count: Mapped[int]

    form: Mapped[FeedbackForm] = relationship(back_populates="answers")
    option: Mapped[AnswerOption] = relationship()

    __table_args__ = (UniqueConstraint("form_id", "option_id"), CheckConstraint("count >= 0", name="count"))


class FeedbackQuote(Base):
    """Something a participant said in the evaluation, kept without a name."""

    __tablename__ = "feedback_quote"

    form_id: Mapped[int] = mapped_column(ForeignKey("feedback_form.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)

    form: Mapped[FeedbackForm] = relationship(back_populates="quotes")


class CommunicationEffort(Base):
    """Something a party did to make the activity known (the agreement asks both to)."""

    __tablename__ = "communication_effort"

    date: Mapped[dt.date]
    party: Mapped[Party] = mapped_column(enum_type(Party, "party"))
    channel: Mapped[Channel] = mapped_column(enum_type(Channel, "channel"))
    audience: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")


class FollowUpMeeting(Base):
    """A documented follow-up meeting, with the figures of the report it discussed kept as they were."""

    __tablename__ = "follow_up_meeting"

    held_on: Mapped[dt.date]
    attendees: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    decisions: Mapped[str] = mapped_column(Text, default="")
    period_from: Mapped[dt.date | None]
    period_to: Mapped[dt.date | None]
    report_json: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint(
            "period_from IS NULL OR period_to IS NULL OR period_to >= period_from", name="period_order"
        ),
    )


class QuestionTranslation(Base):
    """A question's text in a language the families read, entered by the coordinator (Swedish is the
    question's own text)."""

    __tablename__ = "question_translation"

    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"), index=True)
    language_id: Mapped[int] = mapped_column(ForeignKey("language.id", ondelete="RESTRICT"), index=True)
    text: Mapped[str] = mapped_column(String(400))

    __table_args__ = (
        UniqueConstraint("question_id", "language_id"),
        CheckConstraint("length(trim(text)) > 0", name="text_not_empty"),
    )


class AnswerOptionTranslation(Base):
    """An answer option's label in a language the families read."""

    __tablename__ = "answer_option_translation"

    option_id: Mapped[int] = mapped_column(ForeignKey("answer_option.id", ondelete="CASCADE"), index=True)
    language_id: Mapped[int] = mapped_column(ForeignKey("language.id", ondelete="RESTRICT"), index=True)
    label: Mapped[str] = mapped_column(String(160))

    __table_args__ = (
        UniqueConstraint("option_id", "language_id"),
        CheckConstraint("length(trim(label)) > 0", name="label_not_empty"),
    )
