"""Translations of the questionnaires' questions and options, and a group's evaluation form to hand out."""

import datetime as dt
from pathlib import Path

import pytest

from biv_desktop.domain.enums import GroupKind
from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.services.followup import (
    OptionDraft,
    QuestionDraft,
    QuestionnaireDetail,
    QuestionnaireDraft,
    TextKind,
    TranslationDraft,
    evaluation_form,
    get_translation,
    list_questionnaires,
    save_questionnaire,
    save_translation,
    translation_field,
    translation_languages,
)
from biv_desktop.services.register import export_json, import_json
from biv_desktop.store.database import Database
from support import factories
from support.register import language_id, new_register

# Fictional translations, written for these tests.
ARABIC_QUESTION = "كيف كان شعورك في المجموعة؟"
ARABIC_OPTION = "جيد جداً"
UKRAINIAN_QUESTION = "Як тобі було в групі?"
SOMALI_OPTION = "Aad u fiican"


def children(database: Database) -> QuestionnaireDetail:
    return next(q for q in list_questionnaires(database) if q.kind is GroupKind.CHILDREN)


def test_swedish_is_not_offered_and_every_other_language_starts_untranslated(database: Database) -> None:
    questionnaire = children(database)
    languages = translation_languages(database, questionnaire.id)
    names = [language.name for language in languages]
    assert "svenska" not in names
    assert names[:3] == ["amhariska", "arabiska", "dari"]  # Swedish alphabetical order
    texts = sum(1 + len(question.options) for question in questionnaire.questions)
    assert {(language.translated, language.texts) for language in languages} == {(0, texts)}
    arabic = next(language for language in languages if language.name == "arabiska")
    ukrainian = next(language for language in languages if language.name == "ukrainska")
    assert arabic.right_to_left and not ukrainian.right_to_left
    with pytest.raises(ValidationError, match="Svenska"):
        get_translation(database, questionnaire.id, language_id(database, "sv"))


def test_translations_are_saved_edited_and_removed_per_language(database: Database) -> None:
    questionnaire = children(database)
    first = questionnaire.questions[0]
    arabic, ukrainian = language_id(database, "ar"), language_id(database, "uk")

    saved = save_translation(
        database,
        questionnaire.id,
        arabic,
        TranslationDraft({first.id: f"  {ARABIC_QUESTION} "}, {first.options[0].id: ARABIC_OPTION}),
    )
    assert saved.texts[0].kind is TextKind.QUESTION
    assert saved.texts[0].swedish == "Hur har du trivts i gruppen?"
    assert saved.texts[0].translation == ARABIC_QUESTION  # trimmed like every text
    assert saved.texts[1].translation == ARABIC_OPTION
    assert saved.texts[2].translation == ""
    assert saved.language.translated == 2
    save_translation(database, questionnaire.id, ukrainian, TranslationDraft({first.id: UKRAINIAN_QUESTION}))

    # Editing one language leaves the other alone; a text the draft leaves out keeps its translation.
    edited = save_translation(database, questionnaire.id, arabic, TranslationDraft({first.id: "سؤال معدّل"}))
    assert [edited.texts[0].translation, edited.texts[1].translation] == ["سؤال معدّل", ARABIC_OPTION]
    assert get_translation(database, questionnaire.id, ukrainian).texts[0].translation == UKRAINIAN_QUESTION

    # An emptied text loses its translation.
    removed = save_translation(
        database, questionnaire.id, arabic, TranslationDraft({first.id: "  "}, {first.options[0].id: ""})
    )
    assert [text.translation for text in removed.texts[:2]] == ["", ""]
    counts = {row.name: row.translated for row in translation_languages(database, questionnaire.id)}
    assert counts["arabiska"] == 0 and counts["ukrainska"] == 1


def test_a_translation_is_cleaned_and_limited_like_other_texts(database: Database) -> None:
    questionnaire = children(database)
    question = questionnaire.questions[1]
    option = question.options[2]
    arabic = language_id(database, "ar")
    with pytest.raises(ValidationError) as too_long:
        save_translation(database, questionnaire.id, arabic, TranslationDraft(options={option.id: "ب" * 161}))
    assert too_long.value.field == translation_field(TextKind.OPTION, option.id)
    assert "fråga 2, alternativ 3" in too_long.value.message and "högst 160" in too_long.value.message
    with pytest.raises(ValidationError, match="styrtecken"):
        save_translation(database, questionnaire.id, arabic, TranslationDraft({question.id: "a\x00b"}))
    # What is not text is dropped, as when typed anywhere else.
    saved = save_translation(database, questionnaire.id, arabic, TranslationDraft({question.id: "نعم\ufffe"}))
    assert saved.texts[5].translation == "نعم"  # question 2 follows question 1's four options
    # Nothing of a refused draft was saved.
    assert all(not text.translation for text in saved.texts if text.id != question.id)


def test_a_draft_naming_a_text_of_another_questionnaire_is_refused(database: Database) -> None:
    children_form, parents_form = list_questionnaires(database)
    with pytest.raises(ValidationError, match="ändrats på annat håll"):
        save_translation(
            database,
            children_form.id,
            language_id(database, "ar"),
            TranslationDraft({parents_form.questions[0].id: ARABIC_QUESTION}),
        )


def test_a_deleted_question_takes_its_translations_along(database: Database) -> None:
    questionnaire = children(database)
    kept, dropped = questionnaire.questions[0], questionnaire.questions[1]
    arabic = language_id(database, "ar")
    save_translation(
        database,
        questionnaire.id,
        arabic,
        TranslationDraft({kept.id: ARABIC_QUESTION, dropped.id: "سؤال"}, {dropped.options[0].id: "نعم"}),
    )
    draft = QuestionnaireDraft(
        questionnaire.name,
        tuple(
            QuestionDraft(q.text, tuple(OptionDraft(o.label, o.id) for o in q.options), q.id)
            for q in questionnaire.questions
            if q.id != dropped.id
        ),
    )
    save_questionnaire(database, questionnaire.id, draft)
    after = get_translation(database, questionnaire.id, arabic)
    assert after.texts[0].translation == ARABIC_QUESTION
    assert after.language.translated == 1
    assert dropped.id not in {text.id for text in after.texts if text.kind is TextKind.QUESTION}


def test_translations_travel_through_export_and_import(database: Database, tmp_path: Path) -> None:
    questionnaire = children(database)
    first = questionnaire.questions[0]
    save_translation(
        database,
        questionnaire.id,
        language_id(database, "ar"),
        TranslationDraft({first.id: ARABIC_QUESTION}, {first.options[0].id: ARABIC_OPTION}),
    )
    save_translation(
        database,
        questionnaire.id,
        language_id(database, "so"),
        TranslationDraft(options={first.options[0].id: SOMALI_OPTION}),
    )
    exported = export_json(database, tmp_path / "export.json")
    assert dict(exported.counts)["question_translation"] == 1
    assert dict(exported.counts)["answer_option_translation"] == 2

    other = new_register(tmp_path / "other")
    try:
        import_json(other, exported.path)
        imported = children(other)
        arabic = get_translation(other, imported.id, language_id(other, "ar"))
        assert [arabic.texts[0].translation, arabic.texts[1].translation] == [ARABIC_QUESTION, ARABIC_OPTION]
        somali = get_translation(other, imported.id, language_id(other, "so"))
        assert somali.texts[1].translation == SOMALI_OPTION
    finally:
        other.close()


def test_an_export_from_before_translations_still_imports(database: Database, tmp_path: Path) -> None:
    import json

    exported = export_json(database, tmp_path / "export.json")
    document = json.loads(exported.path.read_text(encoding="utf-8"))
    del document["tables"]["question_translation"]
    del document["tables"]["answer_option_translation"]
    older = tmp_path / "older.json"
    older.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    other = new_register(tmp_path / "other")
    try:
        import_json(other, older)
        imported = children(other)
        assert get_translation(other, imported.id, language_id(other, "ar")).language.translated == 0
    finally:
        other.close()


def test_a_groups_form_has_the_groups_language_beside_swedish_and_a_copy_per_participant(
    database: Database,
) -> None:
    premises = factories.premises(database, name="Skäggetorps kyrka")
    group = factories.group(database, premises_id=premises, language="ar", start=dt.date(2026, 2, 3))
    factories.participants_in(database, group.id, ["Amal", "Bilal", "Celine"])
    questionnaire = children(database)
    first = questionnaire.questions[0]
    save_translation(
        database,
        questionnaire.id,
        language_id(database, "ar"),
        TranslationDraft({first.id: ARABIC_QUESTION}, {first.options[0].id: ARABIC_OPTION}),
    )
    form = evaluation_form(database, group.id)
    assert form.participants == 3
    assert form.premises == "Skäggetorps kyrka" and form.language_name == "arabiska"
    assert form.translated and form.right_to_left
    assert form.first == dt.date(2026, 2, 3) and form.last is not None and form.last > form.first
    assert form.questions[0].swedish == "Hur har du trivts i gruppen?"
    assert form.questions[0].translation == ARABIC_QUESTION
    assert form.questions[0].options[0].translation == ARABIC_OPTION
    assert form.missing == form.texts - 2
    # The form names no one: nothing of the participants is in it.
    assert "Amal" not in repr(form) and "Testsson" not in repr(form)


def test_a_swedish_speaking_group_gets_a_swedish_form(database: Database) -> None:
    premises = factories.premises(database)
    group = factories.group(database, premises_id=premises, language="sv", kind=GroupKind.PARENTS)
    form = evaluation_form(database, group.id)
    assert not form.translated and not form.right_to_left and form.missing == 0
    assert form.questions[0].swedish == "Hur nöjd är du med föräldragruppen som helhet?"
    assert form.participants == 0


def test_rewording_a_translated_text_asks_first_and_keeps_the_translation(database: Database) -> None:
    questionnaire = children(database)
    first = questionnaire.questions[0]
    for iso, text in (("ar", ARABIC_QUESTION), ("uk", UKRAINIAN_QUESTION)):
        save_translation(
            database, questionnaire.id, language_id(database, iso), TranslationDraft({first.id: text})
        )
    save_translation(
        database,
        questionnaire.id,
        language_id(database, "so"),
        TranslationDraft(options={first.options[1].id: SOMALI_OPTION}),
    )

    def reworded(texts: dict[int, str], labels: dict[int, str]) -> QuestionnaireDraft:
        return QuestionnaireDraft(
            questionnaire.name,
            tuple(
                QuestionDraft(
                    texts.get(q.id, q.text),
                    tuple(OptionDraft(labels.get(o.id, o.label), o.id) for o in q.options),
                    q.id,
                )
                for q in questionnaire.questions
            ),
        )

    translated = reworded({first.id: "Hur har du haft det i gruppen?"}, {first.options[1].id: "Bra"})
    with pytest.raises(NeedsConfirmation) as asked:
        save_questionnaire(database, questionnaire.id, translated)
    assert asked.value.warnings == (
        "Frågan ”Hur har du trivts i gruppen?” är översatt till arabiska och ukrainska; översättningen ändras "
        "inte av sig själv. Se över den under Översättningar…",
        "Alternativet ”Ganska bra” är översatt till somaliska; översättningen ändras inte av sig själv. Se över "
        "den under Översättningar…",
    )
    # An untranslated text rewords without a question; going on keeps the translations as they were.
    second = questionnaire.questions[1]
    save_questionnaire(
        database, questionnaire.id, reworded({second.id: "Fick du prata om det du ville?"}, {})
    )
    save_questionnaire(database, questionnaire.id, translated, override=True)
    after = get_translation(database, questionnaire.id, language_id(database, "ar"))
    assert (after.texts[0].swedish, after.texts[0].translation) == (
        "Hur har du haft det i gruppen?",
        ARABIC_QUESTION,
    )
