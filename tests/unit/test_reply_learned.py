"""The learned model weighed with the rules: each kind scores the log of the model's probability
plus `rules_weight` times its rule evidence's strength; the rules' reading stands unless another
kind scores more than `overrule_margin` above it; a kind no rule reads wins only when the model
gives it `min_probability` (`other` excepted), never a settled kind, never `automatic` from a
person; the evidence is the rule's sentence, or the one that speaks most for the model's kind."""

from __future__ import annotations

from followup.domain.replies.classify import KINDS, ReplyClassifier, shipped_classifier
from followup.domain.replies.learned import LearnedModel, features


def model(weights: dict[str, list[float]], bias: list[float] | None = None) -> LearnedModel:
    return LearnedModel.from_data(
        {
            "kinds": list(KINDS),
            "bias": bias or [0.0] * 6,
            "weights": weights,
            "rules_weight": 1.0,
            "overrule_margin": 1.0,
            "min_probability": 0.6,
        }
    )


REJECTION_WORD = {"wombat": [0.0, 9.0, 0.0, 0.0, 0.0, 0.0]}


def test_features_are_folded_words_pairs_and_a_question_mark():
    assert features("Très bien, Sam?") == {"tres", "bien", "sam", "tres bien", "bien sam", "<q>"}


def test_the_model_reads_what_no_rule_reads_and_names_its_sentence():
    reader = ReplyClassifier(learned=model(REJECTION_WORD))
    found = reader.classify("Hi Sam,\n\nThanks for the chat. The wombat has spoken.\n\nBest,\nAl")
    assert (found.kind, found.evidence, found.rule) == (
        "rejection",
        "The wombat has spoken.",
        "learned",
    )


def test_a_rules_evidence_stands_unless_the_model_is_sure_enough_to_overrule_it():
    said = "The wombat says we would like to invite you to an interview."
    # p(rejection) = e^2.5 / (e^2.5 + 5) = 0.71; log-odds against invitation 2.5 < 3 × 1.0 + 1.0
    fairly_sure = ReplyClassifier(learned=model({"wombat": [0.0, 2.5, 0.0, 0.0, 0.0, 0.0]}))
    found = fairly_sure.classify(said)
    assert (found.kind, found.rule) == ("invitation", "invitation/invite")
    # log-odds 9 > 3 × 1.0 + 1.0: the model overrules the rule (strength 3)
    sure = ReplyClassifier(learned=model(REJECTION_WORD))
    found = sure.classify(said)
    assert (found.kind, found.rule, found.evidence) == ("rejection", "learned", said)


def test_a_kind_no_rule_reads_wins_only_when_the_model_is_sure_enough_of_it():
    unsure = ReplyClassifier(learned=model({"wombat": [0.0, 0.5, 0.0, 0.0, 0.0, 0.0]}))
    assert unsure.classify("The wombat has spoken.").kind == "other"  # p(rejection) 0.25
    sure_other = ReplyClassifier(learned=model({"wombat": [0.0, 0.0, 0.0, 0.0, 0.0, 9.0]}))
    assert sure_other.classify("The wombat has spoken.").kind == "other"


def test_a_header_is_weighed_with_the_model_as_the_rules_evidence_of_automatic():
    # a header says a machine sent the message, not what it says: systems send rejections too
    mail = ("The wombat has spoken.", {"from": "no-reply@x.example"})
    unsure = ReplyClassifier(learned=model({"wombat": [0.0, 0.5, 0.0, 0.0, 0.0, 0.0]}))
    found = unsure.classify(mail[0], headers=mail[1])
    assert (found.kind, found.rule) == ("automatic", "header")
    sure_rejection = ReplyClassifier(learned=model(REJECTION_WORD))
    found = sure_rejection.classify(mail[0], headers=mail[1])
    assert (found.kind, found.rule, found.evidence) == (
        "rejection",
        "learned",
        "The wombat has spoken.",
    )


def test_a_reading_the_subject_decided_stands_whatever_the_model_says():
    sure_other = ReplyClassifier(learned=model({"wombat": [0.0, 0.0, 0.0, 0.0, 0.0, 9.0]}))
    found = sure_other.classify("The wombat has spoken.", subject="Interview invitation")
    assert (found.kind, found.rule) == ("invitation", "invitation/subject")


def test_the_model_calls_a_message_automatic_only_when_a_header_says_a_machine_sent_it():
    sure = ReplyClassifier(learned=model({"wombat": [0.0, 0.0, 0.0, 0.0, 9.0, 0.0]}))
    person = sure.classify("Noted, the wombat has spoken.", headers={"from": "ana@acme.example"})
    assert (person.kind, person.rule) == ("other", "")
    system = sure.classify(
        "Noted, the wombat has spoken.", headers={"from": "no-reply@acme.example"}
    )
    assert (system.kind, system.rule) == ("automatic", "header")
    bulk = sure.classify("The wombat has spoken.", headers={"precedence": "bulk"})
    assert bulk.kind == "other"  # mail sent to many is not a notice about the application


def test_without_the_model_the_rules_read_alone():
    assert ReplyClassifier(learned=False).learned is None


def test_the_shipped_model_covers_every_kind():
    shipped = shipped_classifier().learned
    assert shipped is not None
    assert shipped.kinds == KINDS and len(shipped.weights) > 500
