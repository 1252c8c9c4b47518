"""new-topic: the reader's own family asked after or wished on ("How are your kids?", "I hope
your wife is feeling better") is private life by that person alone, where the notes do not name
them (003: a follow-up letter sticks to the interview); so is the writer saying what they are
in their spare time ("I'm a keen golfer", "an avid cyclist and swimmer"), politics asked about
or complained of, the reader's new house or puppy, and a tradesman or a restaurant recommended.
Pleasantries to the reader and their family, a company's own children's range or sister
company, "a big fan of tidy pipelines" and the same words about the work (the government's
rules for tenders, a president's memo to the sales team) stay clean. needy: "back on my feet"
after an operation and tears at a film are told of health and leisure, not pleaded. flattery:
photos of the company's works (its fleet, its warehouse) are no praise of the reader's office.
(Found by the lead's session 23 dev sets letters102 and letters103.)"""

from __future__ import annotations

import pytest

from followup.services.dependencies import Dependencies
from followup.services.letters import check_letter

from .voices import voices_deps


@pytest.fixture(scope="module")
def deps() -> Dependencies:
    return voices_deps()


def _rules(deps: Dependencies, opportunity: str, to: str, body: str) -> set[str]:
    first = to.split()[0]
    text = f"Dear {first},\n\n{body}\n\nInes"
    _, found = check_letter(deps, text, opportunity, to, "check_in")
    return {f.rule for f in found if f.rule != "spelling"}


@pytest.mark.parametrize(
    "body",
    [
        "The renewals summary is attached. How are your kids?",
        "I hope your wife is feeling better.",
        "How did your daughter get on in her exams?",
        "I hope your eldest son enjoyed his first week at university.",
        "The renewals summary is attached. Did the children like the show?",
        "Is your husband still commuting from York?",
    ],
)
def test_the_readers_family_asked_after_is_a_new_topic(deps, body):
    assert _rules(deps, "northgate", "Rebecca Holt", body) == {"new-topic"}


@pytest.mark.parametrize(
    "body",
    [
        "Happy Diwali to you and your family!",
        "Please give my regards to your husband.",
        "Your kids' range of analytics courses sold out in Leeds, I hear.",
        "Your sister company in Leeds has the same renewals problem.",
        "Your parent company's renewals in the public sector look strong.",
    ],
)
def test_pleasantries_and_a_companys_family_words_stay_clean(deps, body):
    assert _rules(deps, "northgate", "Rebecca Holt", body) == set()


@pytest.mark.parametrize(
    "body",
    [
        "Is your son nervous about June?",
        "Please wish your son luck from me.",
        "I hope your son's season has gone well so far.",
    ],
)
def test_a_noted_child_asked_after_is_the_readers_own_matter(deps, body):
    # Oksana Petrenko's notes name her son's county cricket trials
    assert _rules(deps, "fernhill", "Oksana Petrenko", body) == set()


def test_what_else_is_said_of_a_noted_child_is_still_read(deps):
    body = "I hope your son's new school is treating him well."
    assert _rules(deps, "fernhill", "Oksana Petrenko", body) == {"new-topic"}


@pytest.mark.parametrize(
    "body",
    [
        "The renewals summary is attached. I'm a keen golfer, by the way.",
        "I'm an avid cyclist and swimmer.",
        "Outside work I'm a passionate rock climber.",
        "I'm also a keen sea kayaker.",
        "I've always been a huge Celtic supporter.",
    ],
)
def test_the_writer_as_a_hobbyist_is_a_new_topic(deps, body):
    assert _rules(deps, "northgate", "Rebecca Holt", body) == {"new-topic"}


@pytest.mark.parametrize(
    "body",
    [
        "I'm a big fan of tidy pipelines.",
        "I'm a keen student of public-sector renewals.",
        "I'm a passionate seller of analytics to councils.",
        "I am a big fan of your renewals playbook.",
    ],
)
def test_keenness_for_the_work_is_no_hobby(deps, body):
    assert _rules(deps, "northgate", "Rebecca Holt", body) == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("I recovered well from my knee operation and I'm back on my feet.", {"new-topic"}),
        ("I was counting on this job to get me back on my feet.", {"needy"}),
        ("I finally watched the Bake Off final last night and I cried.", {"new-topic"}),
        ("I cried when I read your email.", {"needy"}),
    ],
)
def test_health_and_films_are_told_not_pleaded(deps, body, expected):
    assert _rules(deps, "northgate", "Rebecca Holt", body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("I loved the photos of the new Leeds warehouse.", set()),
        ("I loved the pictures of your fleet on the website.", set()),
        ("I loved the photos of your office.", {"flattery"}),
        ("I loved the pictures of your new desk.", {"flattery"}),
    ],
)
def test_photos_of_the_companys_works_are_no_flattery(deps, body, expected):
    assert _rules(deps, "northgate", "Rebecca Holt", body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "What do you think of the new government in Oslo?",
        "What did you make of the Prime Minister's speech?",
        "The figures are attached. Energy bills are making life unbearable for ordinary people.",
        "I saw the photos of your new house; I hope the move went smoothly.",
        "Congratulations on the new puppy!",
        "If you ever need a good plumber in Leeds, I know one.",
        "I can recommend a great restaurant near King's Cross.",
    ],
)
def test_politics_possessions_and_tradesmen_are_new_topics(deps, body):
    assert _rules(deps, "northgate", "Rebecca Holt", body) == {"new-topic"}


@pytest.mark.parametrize(
    "body",
    [
        "What did you make of the government's new rules for public-sector renewals?",
        "What did you make of the new president's memo to the sales team?",
        "Late payments are making life hard for small suppliers, which is why renewals matter.",
        "Congratulations on the new trucks for the Leeds depot.",
        "If you ever need a caterer for client events, I know a good one.",
    ],
)
def test_the_same_words_about_the_work_stay_clean(deps, body):
    assert _rules(deps, "northgate", "Rebecca Holt", body) == set()


@pytest.mark.parametrize(
    "body",
    [
        "We're having friends round for a barbecue on Saturday; you and Tom would be welcome.",
        "The Wigan Warriors lost again on Sunday. Painful.",
        "The renewals summary is attached. Go Spurs!",
        "I hear you're a fellow hiker; have you walked the Dales Way?",
        "We're both keen sailors, it seems.",
    ],
)
def test_invitations_teams_and_a_fellow_hobbyist_are_new_topics(deps, body):
    assert _rules(deps, "northgate", "Rebecca Holt", body) == {"new-topic"}


@pytest.mark.parametrize(
    "body",
    [
        "The customer breakfast is on the 14th; you would be very welcome to present there.",
        "Harwich Analytics lost again at the council tender on Friday.",
        "The renewals plan is ready. Go Northgate!",
        "The Leeds office opening was a success; we're both keen to see the renewals grow.",
    ],
)
def test_the_same_frames_about_the_work_stay_clean(deps, body):
    assert _rules(deps, "northgate", "Rebecca Holt", body) == set()


def test_a_cheer_closing_a_thank_you_is_not_withdrawn_by_the_learned_reader(deps):
    # beside the contractors, rebates and heat pumps the model was never trained on, it was
    # very sure this letter spoke of no new topic, and withdrew the rules' finding
    text = (
        "Dear Brenda,\n\nThank you for the conversation about contractor accounts in Austin and "
        "heat pump rebates. Go Spurs!\n\nBest,\nInes Carvalho\nines.carvalho@mail.example"
    )
    _, found = check_letter(deps, text, "s23c-lonestar", "Brenda Kowalczyk", "thank_you")
    assert [(f.rule, text[f.start : f.end]) for f in found if f.rule != "spelling"] == [
        ("new-topic", "Go Spurs!")
    ]
