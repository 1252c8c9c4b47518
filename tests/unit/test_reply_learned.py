"""The learned fallback: asked only when no rule gives clear evidence, it answers only when it is
sure enough of a kind other than `other`, and its evidence is the sentence that speaks most for
that kind."""

from __future__ import annotations

from followup.domain.replies.classify import KINDS, ReplyClassifier, shipped_classifier
from followup.domain.replies.learned import LearnedModel, features


def model(weights: dict[str, list[float]], bias: list[float] | None = None) -> LearnedModel:
    return LearnedModel.from_data(
        {
            "kinds": list(KINDS),
            "bias": bias or [0.0] * 6,
            "weights": weights,
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


def test_clear_evidence_from_a_rule_wins_over_the_model():
    reader = ReplyClassifier(learned=model(REJECTION_WORD))
    found = reader.classify("The wombat says we would like to invite you to an interview.")
    assert (found.kind, found.rule) == ("invitation", "invitation/invite")


def test_an_unsure_model_or_one_that_says_other_leaves_the_rules_reading():
    unsure = ReplyClassifier(learned=model({"wombat": [0.0, 0.5, 0.0, 0.0, 0.0, 0.0]}))
    assert unsure.classify("The wombat has spoken.").kind == "other"
    other = ReplyClassifier(learned=model({"wombat": [0.0, 0.0, 0.0, 0.0, 0.0, 9.0]}))
    assert other.classify("The wombat has spoken.").kind == "other"
    weak_rule = other.classify("Thanks for applying.", headers={"from": "no-reply@x.example"})
    assert weak_rule.kind == "automatic"  # the model may overrule only what it is sure of


def test_the_model_calls_a_message_automatic_only_when_a_header_says_a_machine_sent_it():
    sure = ReplyClassifier(learned=model({"wombat": [0.0, 0.0, 0.0, 0.0, 9.0, 0.0]}))
    person = sure.classify("Noted, the wombat has spoken.", headers={"from": "ana@acme.example"})
    assert (person.kind, person.rule) == ("other", "")
    system = sure.classify(
        "Noted, the wombat has spoken.", headers={"from": "no-reply@acme.example"}
    )
    assert (system.kind, system.rule) == ("automatic", "learned")
    bulk = sure.classify("The wombat has spoken.", headers={"precedence": "bulk"})
    assert bulk.kind == "other"  # mail sent to many is not a notice about the application


def test_without_the_model_the_rules_read_alone():
    assert ReplyClassifier(learned=False).learned is None


def test_the_shipped_model_covers_every_kind():
    shipped = shipped_classifier().learned
    assert shipped is not None
    assert shipped.kinds == KINDS and len(shipped.weights) > 500
