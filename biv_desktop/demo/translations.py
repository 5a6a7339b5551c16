"""The demo's translations of the children's questionnaire into Arabic and Ukrainian, so a group's evaluation
form prints in two languages. Written for the demo; the parents' questionnaire is left untranslated, as a
coordinator may not have got to it yet."""

from biv_desktop.demo.world import World
from biv_desktop.domain.enums import GroupKind
from biv_desktop.store.models import AnswerOptionTranslation, QuestionTranslation

# By the Swedish question: its translation, then its options' translations in order.
CHILDREN_TRANSLATIONS: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "ar": {
        "Hur har du trivts i gruppen?": (
            "كيف كان شعورك في المجموعة؟",
            ("جيد جداً", "جيد إلى حد ما", "ليس جيداً جداً", "سيئ"),
        ),
        "Har du fått prata om det du ville?": ("هل استطعت أن تتحدث عما أردت؟", ("نعم", "جزئياً", "لا")),
        "Känner du dig tryggare nu än när gruppen började?": (
            "هل تشعر بأمان أكثر الآن مما كنت عليه عندما بدأت المجموعة؟",
            ("نعم", "قليلاً", "لا", "لا أعرف"),
        ),
        "Skulle du tipsa en kompis om gruppen?": ("هل تنصح صديقاً بالمجموعة؟", ("نعم", "ربما", "لا")),
    },
    "uk": {
        "Hur har du trivts i gruppen?": (
            "Як тобі було в групі?",
            ("Дуже добре", "Досить добре", "Не дуже добре", "Погано"),
        ),
        "Har du fått prata om det du ville?": (
            "Чи міг ти говорити про те, що хотів?",
            ("Так", "Частково", "Ні"),
        ),
        "Känner du dig tryggare nu än när gruppen började?": (
            "Чи почуваєшся ти зараз безпечніше, ніж на початку групи?",
            ("Так", "Трохи", "Ні", "Не знаю"),
        ),
        "Skulle du tipsa en kompis om gruppen?": (
            "Чи порадив би ти групу другові?",
            ("Так", "Можливо", "Ні"),
        ),
    },
}


def build_translations(world: World) -> None:
    """Translate the children's questionnaire's questions and options that still read as seeded."""
    questionnaire = world.defaults.questionnaires.get(GroupKind.CHILDREN)
    if questionnaire is None:
        return
    for iso_code, by_question in CHILDREN_TRANSLATIONS.items():
        language = world.defaults.languages.get(iso_code)
        if language is None:
            continue
        for question in questionnaire.questions:
            found = by_question.get(question.text)
            if found is None:
                continue
            text, labels = found
            world.add(QuestionTranslation(question_id=question.id, language_id=language.id, text=text))
            for option, label in zip(question.options, labels, strict=False):
                world.add(AnswerOptionTranslation(option_id=option.id, language_id=language.id, label=label))
