"""Words that say a decision was made and answered before make the evidence of that kind count
less (`rules.json`, `settled`): the act of the new text is what is left."""

from __future__ import annotations

import copy

import pytest

from followup.domain.errors import InvalidField
from followup.domain.replies.classify import KINDS, ReplyClassifier, shipped_classifier
from followup.domain.replies.learned import LearnedModel
from followup.domain.replies.rulebook import merge_rules, shipped_rules


def sure_model(kind: str, word: str | None = None) -> LearnedModel:
    """A learned reader sure of `kind` where the text has `word` (without a word: always)."""
    strong = [9.0 if k == kind else 0.0 for k in KINDS]
    return LearnedModel.from_data(
        {
            "kinds": list(KINDS),
            "bias": [0.0] * 6 if word else strong,
            "weights": {word: strong} if word else {},
            "rules_weight": 1.0,
            "overrule_margin": 1.0,
            "min_probability": 0.6,
        }
    )


def test_after_an_accepted_offer_the_papers_asked_for_are_the_act():
    found = shipped_classifier().classify(
        "Hi Sam,\n\nThank you for accepting! Welcome to the team. Your contract is attached for "
        "your records. Could you send me a copy of your ID?\n\nBest,\nAl"
    )
    assert (found.kind, found.evidence) == ("question", "Could you send me a copy of your ID?")


def test_an_offer_that_asks_for_the_signature_stays_an_offer():
    found = shipped_classifier().classify(
        "Hi Sam,\n\nWe are pleased to offer you the role. Please confirm your acceptance and "
        "send back the signed contract by Friday.\n\nBest,\nAl"
    )
    assert found.kind == "offer"


def test_feedback_asked_for_is_no_new_rejection_but_a_rejection_given_on_request_is():
    classifier = shipped_classifier()
    feedback = classifier.classify(
        "Hi Sam,\n\nYou asked for feedback: the panel preferred a candidate who had sold into "
        "hospitals before. Your discovery was excellent.\n\nTom"
    )
    assert (feedback.kind, feedback.evidence) == ("other", "")
    decision = classifier.classify(
        "Hi Sam,\n\nUnfortunately we have decided not to move forward with your application."
    )
    assert decision.kind == "rejection"


def test_a_settled_kind_is_weakened_by_its_amount_and_the_model_may_not_answer_it():
    data = copy.deepcopy(shipped_rules())
    data["settled"] = [
        {"id": "t/wombat", "kinds": ["rejection"], "by": 2, "patterns": ["\\bwombat\\b"]}
    ]
    sure_rejection = sure_model("rejection", "wombat")
    reader = ReplyClassifier(data, learned=sure_rejection)
    text = "The wombat says: we regret to inform you that the role was filled."
    assert reader.settled(text) == {"rejection": 2}
    unweakened = next(e for e in reader.evidence(text, "", {}) if e.kind == "rejection")
    assert unweakened.strength == 3  # the evidence itself; classify weakens it to 1
    found = reader.classify(text, headers={"from": "no-reply@x.example"})
    # weakened to 1 it still beats the header's 1 by precedence; the model is not asked to
    # answer a kind the text says is settled
    assert (found.kind, found.rule) == ("rejection", "rejection/regret")
    assert reader.classify("The wombat has spoken.").kind == "other"


def test_settled_rules_are_checked_and_the_users_are_added():
    data = copy.deepcopy(shipped_rules())
    data["settled"] = [{"id": "bad", "kinds": ["nonsense"], "patterns": ["x"]}]
    with pytest.raises(InvalidField, match=r"settled\[0\]\.kinds"):
        ReplyClassifier(data)
    extra = {"settled": [{"id": "mine", "kinds": ["offer"], "patterns": ["\\bzebra\\b"]}]}
    merged = ReplyClassifier(merge_rules(shipped_rules(), extra))
    assert merged.settled("A zebra.") == {"offer": 1}


def test_settled_says_how_much_less_per_kind_and_checks_the_amounts():
    data = copy.deepcopy(shipped_rules())
    data["settled"] = [
        {"id": "t/otter", "by": {"offer": 1, "invitation": 2}, "patterns": ["\\botter\\b"]}
    ]
    assert ReplyClassifier(data).settled("An otter.") == {"offer": 1, "invitation": 2}
    for wrong in ({"offer": -1}, {"offer": "1"}, {"offer": True}):
        data["settled"][0]["by"] = wrong
        with pytest.raises(InvalidField, match=r"settled\[0\]\.by"):
            ReplyClassifier(data)
    data["settled"][0]["by"] = {"other": 1}
    with pytest.raises(InvalidField, match=r"settled\[0\]\.kinds"):
        ReplyClassifier(data)


def test_a_settled_kind_by_0_keeps_the_rules_evidence_and_only_bars_the_model():
    data = copy.deepcopy(shipped_rules())
    data["settled"] = [{"id": "t/lynx", "by": {"question": 0}, "patterns": ["\\blynx\\b"]}]
    sure_question = sure_model("question", "diploma")
    reader = ReplyClassifier(data, learned=sure_question)
    assert reader.settled("The lynx.") == {"question": 0}
    # the model alone would call it a request; the settled words bar it from that kind
    assert reader.classify("Your diploma arrived.").kind == "question"
    assert reader.classify("The lynx: your diploma arrived.").kind == "other"
    # a request the rules read still decides, at its full strength
    found = reader.classify("The lynx. Could you send me your diploma?")
    assert (found.kind, found.rule, found.evidence) == (
        "question",
        "question/request",
        "Could you send me your diploma?",
    )


def test_other_at_0_bars_the_model_from_other_and_nothing_else():
    data = copy.deepcopy(shipped_rules())
    data["settled"] = [{"id": "t/heron", "by": {"other": 0}, "patterns": ["\\bheron\\b"]}]
    sure_other = sure_model("other", "heron")
    reader = ReplyClassifier(data, learned=sure_other)
    assert reader.settled("A heron.") == {"other": 0}
    # the rules' weak evidence of a notice stands where the model alone would say `other`
    found = reader.classify("A heron. Your application has been received.")
    assert (found.kind, found.rule) == ("automatic", "automatic/received")
    # nothing read by the rules and `other` barred: nothing is decided, still `other`
    assert reader.classify("A heron.").kind == "other"
    data["settled"][0]["by"] = {"other": 1}
    with pytest.raises(InvalidField, match=r"settled\[0\]\.kinds"):
        ReplyClassifier(data)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Hi Sam,\n\nFriendly reminder that your call with our Head of Sales is booked for "
            "Monday at 9. Bring a pen.\n\nPriya",
            "automatic",
        ),
        (
            "Hola Sam:\n\nLe recordamos que su entrevista quedó fijada para el jueves a las 10 "
            "en nuestra oficina. Le rogamos puntualidad.\n\nRRHH",
            "automatic",
        ),
        (
            "Hi Sam,\n\nAs a reminder, the panel enjoyed your pitch. We'd now like to invite you "
            "to a final round on Friday at 2pm.\n\nOwen",
            "invitation",
        ),
    ],
)
def test_a_reminder_of_a_meeting_arranged_is_a_notice_whoever_sends_it(text, kind):
    assert shipped_classifier().classify(text).kind == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("No need to send the diploma after all, I found it in your file.", "other"),
        ("Inutile de m'envoyer le diplôme, je l'ai retrouvé dans votre dossier.", "other"),
        ("No need to send the diploma. Could you send me your passport instead?", "question"),
        ("I've blocked your first morning so we can go through the accounts together.", "other"),
        (
            "I've blocked your first morning for the accounts. Could you tell me which region "
            "you'd like to start with?",
            "question",
        ),
    ],
)
def test_a_need_denied_or_the_first_day_arranged_asks_nothing_but_a_request_beside_it_does(
    text, kind
):
    assert shipped_classifier().classify(f"Hi Sam,\n\n{text}\n\nBest,\nAl").kind == kind


def test_a_settled_rule_stands_down_when_a_sentence_matches_its_unless():
    data = copy.deepcopy(shipped_rules())
    data["settled"] = [
        {
            "id": "t/heron",
            "kinds": ["rejection"],
            "by": 3,
            "patterns": ["\\bheron\\b"],
            "unless": {"en": ["\\bnews today\\b"]},
        }
    ]
    reader = ReplyClassifier(data, learned=False)
    assert reader.settled("The heron again.") == {"rejection": 3}
    assert reader.settled("The heron again. Here is the news today.") == {}
    data["settled"][0]["unless"] = ["("]
    with pytest.raises(InvalidField, match=r"settled\[0\]\.unless"):
        ReplyClassifier(data)


@pytest.mark.parametrize(
    "text",
    [
        "We've now completed our final interviews and picked a candidate who already covers the "
        "region. You asked for feedback after the panel: your account plan was the best we saw.",
        "Ce n'est pas la réponse que vous attendiez : nous avons retenu un autre profil. Vous "
        "m'aviez demandé un retour, le voici : votre étude de cas était très solide.",
    ],
)
def test_feedback_asked_for_beside_a_decision_told_now_is_a_rejection(text):
    found = shipped_classifier().classify(f"Hi Sam,\n\n{text}\n\nBest,\nAl")
    assert found.kind == "rejection"
    assert shipped_classifier().settled(text) == {}


def test_a_call_about_the_start_after_an_accepted_offer_is_a_request_not_an_invitation():
    classifier = shipped_classifier()
    onboarding = classifier.classify(
        "Bonjour Camille,\n\nNous sommes ravis que vous ayez accepté de nous rejoindre !\n\n"
        "Seriez-vous disponible lundi pour un court appel avec notre équipe RH ? L'idée est de "
        "préparer votre arrivée.\n\nAnne"
    )
    assert (onboarding.kind, onboarding.rule) == ("question", "question/asks")
    # the same call before any offer is a step of the selection
    selection = classifier.classify(
        "Bonjour Camille,\n\nSeriez-vous disponible lundi pour un court appel avec notre "
        "équipe RH ?\n\nAnne"
    )
    assert selection.kind == "invitation"


def test_the_signed_offer_mentioned_is_no_new_offer():
    classifier = shipped_classifier()
    chased = classifier.classify(
        "Salut Julien,\n\nPetit suivi : pourrais-tu me retourner la lettre d'offre signée d'ici "
        "vendredi?\n\nMarc"
    )
    assert (chased.kind, chased.rule) == ("question", "question/request")
    received = classifier.classify(
        "Hi Sam,\n\nJust confirming I've received your signed letter - welcome aboard!\n\nHannah"
    )
    assert (received.kind, received.evidence) == ("other", "")
    new = classifier.classify(
        "Hi Sam,\n\nWe are pleased to offer you the position. Please return the signed offer "
        "letter by Friday.\n\nAl"
    )
    assert new.kind == "offer"


@pytest.mark.parametrize(
    "text",
    [
        "I came across your profile and wanted to introduce myself. I don't have a specific role "
        "for you right now, but I partner with several fintech teams.",
        "Je suis tombée sur votre profil et je me permets de me présenter. Je n'ai pas de poste "
        "précis pour l'instant.",
        "Ich bin auf Ihr Profil gestoßen und wollte mich kurz vorstellen. Eine konkrete Stelle "
        "habe ich gerade nicht.",
        "Vi tu perfil y quería presentarme. Ahora mismo no tengo una posición concreta para ti.",
    ],
)
def test_a_recruiters_introduction_with_no_role_is_no_rejection_whatever_the_model_says(text):
    always_rejection = sure_model("rejection")
    reader = ReplyClassifier(learned=always_rejection)
    assert reader.classify(f"Hi Sam,\n\n{text}\n\nTasha").kind == "other"
    # without the introduction the model is asked and answers
    assert reader.classify("Hi Sam,\n\nI partner with several fintech teams.\n\nTasha").kind == (
        "rejection"
    )
    # and a rejection the rules read after an introduction still decides
    stated = f"{text} Unfortunately we will not be moving forward with your application."
    assert shipped_classifier().classify(f"Hi Sam,\n\n{stated}\n\nTasha").kind == "rejection"


@pytest.mark.parametrize(
    ("subject", "kind"),
    [
        ("Talent news: an invitation to our careers webinar", "other"),
        ("Newsletter : invitation à notre webinaire carrières", "other"),
        ("Neuigkeiten: Einladung zum Infoabend am Standort Kassel", "other"),
        ("Einladung zum Vorstellungsgespräch", "invitation"),
        ("Invitation to interview: Sales Lead", "invitation"),
    ],
)
def test_a_subject_inviting_to_a_public_event_invites_to_no_interview(subject, kind):
    text = "Hello Sam,\n\nHere is what is new at Harrow Works this month.\n\nThe careers team"
    assert shipped_classifier().classify(text, subject=subject).kind == kind


SURE_INVITATION = sure_model("invitation", "wombat")


@pytest.mark.parametrize(
    ("text", "settled"),
    [
        # who goes on still to be decided
        ("The wombat panel picks who goes through to the final round on the 9th.", "selection"),
        ("Wombat: wer ins Abschlussgespräch kommt, entscheidet der Vorstand.", "selection"),
        ("Le wombat nous dira d'ici lundi si vous passez au tour suivant.", "selection"),
        # a meeting set before, named as the reason for directions
        ("Now that your interview is booked for Friday, the wombat gate is on Mill Street.", "set"),
        ("Dado que la entrevista quedó fijada, el wombat te espera en recepción.", "set"),
    ],
)
def test_no_decision_yet_and_a_meeting_set_before_are_no_invitation_whatever_the_model_says(
    text, settled
):
    reader = ReplyClassifier(learned=SURE_INVITATION)
    assert reader.settled(text) == {"invitation": 1}
    found = reader.classify(text)
    assert (found.kind, found.evidence, found.rule) == ("other", "", "")
    # the same model answers where nothing is settled
    assert reader.classify("The wombat has spoken.").kind == "invitation"


@pytest.mark.parametrize(
    "text",
    [
        "We've received your email. Sorry we won't work together, but I understand your reasons.",
        "Hemos recibido tu mensaje. Sentimos mucho tu decisión, aunque la respetamos.",
        "Votre réponse nous est bien parvenue. Je regrette votre choix, mais je le comprends.",
        "Ihre Nachricht ist angekommen. Wir bedauern Ihre Entscheidung, können sie aber verstehen.",
    ],
)
def test_a_persons_receipt_of_the_candidates_withdrawal_is_no_portal_receipt(text):
    found = shipped_classifier().classify(f"Hi Sam,\n\n{text}\n\nBest,\nAl")
    assert (found.kind, found.evidence) == ("other", "")
    settled = shipped_classifier().settled(text)
    assert settled == {"rejection": 3, "offer": 3, "automatic": 2}


def test_a_regret_that_explains_a_rejection_is_no_withdrawal_answered():
    text = (
        "I'm sorry this isn't the news you hoped for, but I understand it will be disappointing. "
        "We've decided to move forward with another candidate."
    )
    assert "rejection" not in shipped_classifier().settled(text)
    assert shipped_classifier().classify(text).kind == "rejection"


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        (
            "Your application moved on. As a next step, please take the online logic test. It "
            "must be completed by 2 May and you can pause and resume.",
            "It must be completed by 2 May and you can pause and resume.",
        ),
        (
            "Votre candidature avance. Avant de planifier un entretien, merci de remplir le "
            "questionnaire en ligne via le lien ci-dessous d'ici le 2 mai.",
            "Avant de planifier un entretien, merci de remplir le questionnaire en ligne via le "
            "lien ci-dessous d'ici le 2 mai.",
        ),
    ],
)
def test_a_task_done_alone_by_a_date_is_a_request_though_called_the_next_step(text, asked):
    reader = shipped_classifier()
    assert reader.settled(text) == {"invitation": 3}
    found = reader.classify(f"Hi Sam,\n\n{text}\n\nBest,\nAl")
    assert (found.kind, found.evidence) == ("question", asked)


def test_a_next_step_with_slots_to_choose_stays_an_invitation():
    text = (
        "As a next step we'd like you to meet our sales director. Would Monday at 10:00 or "
        "Wednesday at 14:00 suit you?"
    )
    assert shipped_classifier().settled(text) == {}
    found = shipped_classifier().classify(f"Hi Sam,\n\n{text}\n\nBest,\nAl")
    assert found.kind == "invitation"


@pytest.mark.parametrize(
    "text",
    [
        "No problem - I've moved your interview with Lena to Thursday at 11:00, as you asked.",
        "À votre demande, j'ai reporté votre entretien avec Lena à jeudi 11h.",
        "Ihr Gespräch mit Frau Lenz ist wie gewünscht auf Donnerstag, 11 Uhr verschoben.",
        "He movido tu entrevista con Lena al jueves a las 11, como me pediste.",
    ],
)
def test_a_meeting_moved_as_the_candidate_asked_is_no_new_invitation(text):
    reader = shipped_classifier()
    assert reader.settled(text)["invitation"] == 3
    found = reader.classify(f"Hi Sam,\n\n{text} The calendar invite is updated.\n\nBest,\nAl")
    assert (found.kind, found.evidence) == ("other", "")


@pytest.mark.parametrize(
    "text",
    [
        "Hi Sam,\n\nYou may have received an email this morning saying that your application was "
        "no longer under consideration. It went out in error; please ignore it. You are still in "
        "the process.\n\nDom",
        "Guten Tag,\n\ngestern haben Sie eine E-Mail erhalten, in der stand, dass wir Ihre "
        "Bewerbung nicht weiter berücksichtigen. Bitte betrachten Sie sie als "
        "gegenstandslos.\n\nPW",
        "Bonjour Sam,\n\nLe message vous informant que votre candidature n'était pas retenue est "
        "parti par erreur : merci de ne pas en tenir compte.\n\nCamille",
        "Hola Sam:\n\nEl correo en el que te decíamos que no seguías en el proceso se envió por "
        "error. Sigues en el proceso.\n\nNerea",
    ],
    ids=["en", "de", "fr", "es"],
)
def test_a_decision_reported_from_an_earlier_message_is_not_this_ones(text):
    found = ReplyClassifier(learned=False).classify(text)
    assert found.kind == "other", found


def test_a_decision_stated_afresh_beside_a_correction_still_decides():
    found = ReplyClassifier(learned=False).classify(
        "Hi Sam,\n\nPlease disregard the automated email saying we would not move forward; it "
        "went out in error. In fact we would like to invite you to a second interview next "
        "Tuesday at 10:00.\n\nHannah"
    )
    assert (found.kind, found.evidence) == (
        "invitation",
        "In fact we would like to invite you to a second interview next Tuesday at 10:00.",
    )


def test_a_persons_receipt_of_papers_is_no_systems_acknowledgement():
    reader = ReplyClassifier(learned=False)
    person = reader.classify(
        "Dear Ms Chanda,\n\nThis is to confirm that we have received your sales summary and "
        "90-day plan. I have shared both with the panel.\n\nGrace"
    )
    assert person.kind == "other"
    system = reader.classify("This is to confirm that we have received your application.")
    assert system.kind == "automatic"


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Prochaine étape : entretien avec la direction",
            "Avant de planifier quoi que ce soit avec notre direction, j'ai besoin de deux "
            "informations. Pourriez-vous me préciser la durée de votre préavis et vos prétentions "
            "salariales ?",
        ),
        (
            "Next step: interview with the leadership team",
            "Before we schedule anything with our leadership team, could you tell me your notice "
            "period and your salary expectations?",
        ),
        (
            "Nächster Schritt: Gespräch mit der Geschäftsführung",
            "Bevor wir einen Termin mit der Geschäftsführung vereinbaren können, benötigen wir "
            "noch Ihre Gehaltsvorstellung und Ihre Kündigungsfrist.",
        ),
        (
            "Siguiente paso: entrevista con la dirección",
            "Antes de agendar nada con la dirección, ¿podrías indicarme tu plazo de preaviso y tu "
            "banda salarial?",
        ),
    ],
)
def test_a_meeting_that_waits_on_a_request_leaves_the_request_the_act(subject, text):
    found = shipped_classifier().classify(f"Hi Kofi,\n\n{text}\n\nBest,\nMarion", subject)
    assert found.kind == "question", found


def test_a_meeting_that_waits_on_nothing_asked_stays_an_invitation():
    found = shipped_classifier().classify(
        "Hi Kofi,\n\nWe'd like to invite you to meet our leadership team on Tuesday at 10:00. "
        "Could you bring your portfolio?\n\nBest,\nMarion",
        "Next step: interview with the leadership team",
    )
    assert found.kind == "invitation", found
