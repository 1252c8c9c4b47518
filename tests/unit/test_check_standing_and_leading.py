"""asks-decision, wrong-company and wrong-name on the classes session 17 read in fresh writers'
letters (tests/data/letters_voices, v17b-…, say them in letters): the company's history or place
("grew from a start-up to where it is today", "where it stands in the market") is not the standing
of the hire; another opportunity called by the leading words of a name joined by "&" ("Mahoe
Signs" of Mahoe Signs & Display Ltd) in a frame of a company, a role sought there included; a title
written after a name ("Anna", "Jan", "Ben") is a title only after a name ("Sir Ben" greets a Ben).
Each letter gets exactly the findings listed, read by the rules alone (the learned reader left out)
and by the check as shipped."""

from __future__ import annotations

import pytest

from .voices import found_in

LETTERS = [
    # asks-decision: the company's path or place is not the hire's standing; the hire's
    # standing still asks
    (
        "v17b-001",
        "northgate",
        "Rebecca Holt",
        "check_in",
        (
            "Dear Ms Holt,\n\nIt was inspiring to learn how Northgate went "
            "from a two-desk office in Pune to where it is now, and I have "
            "attached my public-sector renewal notes.\n\nWarm regards,\nInes"
        ),
        [],
    ),
    (
        "v17b-002",
        "northgate",
        "Rebecca Holt",
        "check_in",
        (
            "Rebecca,\n\nThanks again for telling me how the founders took the "
            "firm from one borrowed van to where it stands today. My renewal "
            "plan is attached.\n\nInes"
        ),
        [],
    ),
    (
        "v17b-003",
        "northgate",
        "Rebecca Holt",
        "check_in",
        (
            "Hi Rebecca,\n\nI would love to hear more about how you built the "
            "sales team up to where it is today; the Leeds opening sounds like "
            "the next chapter.\n\nInes"
        ),
        [],
    ),
    (
        "v17b-004",
        "northgate",
        "Rebecca Holt",
        "check_in",
        (
            "Dear Rebecca,\n\nCould you point me to a report showing where it "
            "stands in the analytics market against the bigger vendors? I want "
            "to prepare well for the Leeds conversation.\n\nRegards,\nInes"
        ),
        [],
    ),
    (
        "v17b-005",
        "northgate",
        "Rebecca Holt",
        "check_in",
        (
            "Hello Rebecca,\n\nIt was a joy to hear how the company climbed "
            "from a spare bedroom to where it is at present. The renewal "
            "figures you asked for are attached.\n\nInes"
        ),
        [],
    ),
    (
        "v17b-006",
        "northgate",
        "Rebecca Holt",
        "check_in",
        (
            "Dear Ms Holt,\n\nKindly let me know where things stand at your "
            "end regarding the position.\n\nRegards,\nInes"
        ),
        [
            (
                "asks-decision",
                ("Kindly let me know where things stand at your end regarding the position."),
            )
        ],
    ),
    (
        "v17b-007",
        "northgate",
        "Rebecca Holt",
        "check_in",
        ("Hi Rebecca,\n\nMay I know where you are in the process for the Leeds role?\n\nInes"),
        [("asks-decision", "May I know where you are in the process for the Leeds role?")],
    ),
    (
        "v17b-008",
        "northgate",
        "Rebecca Holt",
        "check_in",
        (
            "Rebecca,\n\nCould you let me know as to where it stands now? I "
            "have another conversation next week.\n\nInes"
        ),
        [("asks-decision", "Could you let me know as to where it stands now?")],
    ),
    (
        "v17b-009",
        "northgate",
        "Rebecca Holt",
        "check_in",
        (
            "Dear Rebecca,\n\nWould you be able to update me on where matters "
            "stand today with the hiring?\n\nKind regards,\nInes"
        ),
        [
            (
                "asks-decision",
                ("Would you be able to update me on where matters stand today with the hiring?"),
            )
        ],
    ),
    (
        "v17b-010",
        "northgate",
        "Rebecca Holt",
        "check_in",
        (
            "Hi Rebecca,\n\nAny chance you could say where the search has got "
            "to? Happy to wait.\n\nInes"
        ),
        [("asks-decision", "Any chance you could say where the search has got to?")],
    ),
    (
        "v17b-011",
        "northgate",
        "Rebecca Holt",
        "check_in",
        (
            "Dear Rebecca,\n\nI am keen to know where we are at with the "
            "selection now that the panel has met.\n\nInes"
        ),
        [("asks-decision", " where we are at with the selection now that the panel has met.")],
    ),
    (
        "v17b-012",
        "northgate",
        "Rebecca Holt",
        "check_in",
        (
            "Hi Rebecca,\n\nWhen we next speak, could you tell me how you took "
            "the business to where it stands today? The Leeds story fascinated "
            "me.\n\nCheers,\nInes"
        ),
        [],
    ),
    (
        "v17b-013",
        "northgate",
        "Rebecca Holt",
        "check_in",
        ("Rebecca,\n\nWhere do I stand against the other candidates at this point?\n\nInes"),
        [("asks-decision", "Where do I stand against the other candidates at this point?")],
    ),
    # wrong-company: another opportunity called by the words before its "&", in a frame of a
    # company (the later stages with it, a role sought there); the same words as a place, a
    # street or common words stay clean
    (
        "v17b-014",
        "northgate",
        "Rebecca Holt",
        "check_in",
        (
            "Hi Rebecca,\n\nIn the spirit of being open, I am also at the "
            "final stage with Mahoe Signs for a territory role, though "
            "Northgate remains my first choice.\n\nInes"
        ),
        [("wrong-company", "Mahoe Signs")],
    ),
    (
        "v17b-015",
        "larkspur",
        "Graham Fenwick",
        "check_in",
        (
            "Dear Mr Fenwick,\n\nKindly note that Mahoe Signs have offered me "
            "a second interview next week; I wanted you to hear it from me "
            "first.\n\nRegards,\nInes"
        ),
        [("wrong-company", "Mahoe Signs")],
    ),
    (
        "v17b-016",
        "northgate",
        "Rebecca Holt",
        "check_in",
        (
            "Kia ora Rebecca,\n\nI've been talking to Mahoe Signs about a rep "
            "job, but your renewals work is the one I want.\n\nInes"
        ),
        [("wrong-company", "Mahoe Signs")],
    ),
    (
        "v17b-017",
        "larkspur",
        "Graham Fenwick",
        "check_in",
        (
            "Graham,\n\nThe Mahoe Signs team rang again yesterday. I would "
            "still rather build your solar tenders pipeline.\n\nInes"
        ),
        [("wrong-company", "Mahoe Signs")],
    ),
    (
        "v17b-018",
        "northgate",
        "Rebecca Holt",
        "check_in",
        (
            "Dear Rebecca,\n\nI am weighing an offer from Brennan & Roe as "
            "well, so a quick word on timing would help me plan.\n\nInes"
        ),
        [("wrong-company", "Brennan & Roe")],
    ),
    (
        "v17b-019",
        "northgate",
        "Rebecca Holt",
        "check_in",
        (
            "Hi Rebecca,\n\nThe Mahoe signs on the motorway were down for "
            "roadworks, so I reached the Leeds briefing late. My renewal notes "
            "are attached.\n\nInes"
        ),
        [],
    ),
    (
        "v17b-020",
        "northgate",
        "Rebecca Holt",
        "check_in",
        (
            "Hi Rebecca,\n\nMy renewal plan for the Leeds office is attached; "
            "the signs and display stands at the launch event were designed by "
            "our old agency.\n\nInes"
        ),
        [],
    ),
    (
        "v17b-021",
        "larkspur",
        "Graham Fenwick",
        "check_in",
        (
            "Dear Graham,\n\nAs promised, the tender notes are attached. I "
            "used to sell for Brennan years ago, so I know that side of "
            "procurement well.\n\nRegards,\nInes"
        ),
        [],
    ),
    (
        "v17b-022",
        "northgate",
        "Rebecca Holt",
        "check_in",
        (
            "Rebecca,\n\nThe churn model is attached; I tested it on data from "
            "a shop chain in Mahoe Street.\n\nInes"
        ),
        [],
    ),
    (
        "v17b-023",
        "mahoe",
        "Aroha Ngata",
        "thank_you",
        (
            "Kia ora Aroha,\n\nThank you for showing me the Hamilton print "
            "floor. At Mahoe Signs I would start with the franchise chains you "
            "named.\n\nNgā mihi,\nInes\n+44 7700 900761"
        ),
        [],
    ),
    (
        "v17b-024",
        "northgate",
        "Rebecca Holt",
        "check_in",
        (
            "Dear Rebecca,\n\nFull disclosure: Szalai & Berger have asked me "
            "to a second round, but Northgate is where I would rather be.\n\n"
            "Best,\nInes"
        ),
        [("wrong-company", "Szalai & Berger")],
    ),
    (
        "v17b-025",
        "larkspur",
        "Graham Fenwick",
        "check_in",
        (
            "Graham,\n\nI've also applied with MAHOE SIGNS, for transparency. "
            "Your tender work remains my first choice.\n\nInes"
        ),
        [("wrong-company", "MAHOE SIGNS")],
    ),
    (
        "v17b-026",
        "northgate",
        "Rebecca Holt",
        "check_in",
        (
            "Hello Rebecca,\n\nTo be upfront, I'm in the closing rounds with "
            "Mahoe Signs for a rep job too. Your renewals team is still where "
            "I want to be.\n\nInes"
        ),
        [("wrong-company", "Mahoe Signs")],
    ),
    (
        "v17b-027",
        "northgate",
        "Rebecca Holt",
        "check_in",
        (
            "Hello Rebecca,\n\nHonestly, I'm two stages in with Mahoe Signs as "
            "well, but Northgate comes first.\n\nInes"
        ),
        [("wrong-company", "Mahoe Signs")],
    ),
    (
        "v17b-028",
        "northgate",
        "Rebecca Holt",
        "check_in",
        (
            "Hello Rebecca,\n\nIn fairness to you, I am also in the final "
            "stages with Mahoe Signs for an area role, yet Northgate is still "
            "my first pick.\n\nInes"
        ),
        [("wrong-company", "Mahoe Signs")],
    ),
    (
        "v17b-029",
        "northgate",
        "Rebecca Holt",
        "check_in",
        (
            "Hello Rebecca,\n\nYou should know I'm further along with Mahoe "
            "Signs for a field sales post, though I'd choose Northgate.\n\nInes"
        ),
        [("wrong-company", "Mahoe Signs")],
    ),
    (
        "v17b-030",
        "northgate",
        "Rebecca Holt",
        "check_in",
        (
            "Hi Rebecca,\n\nFor what it's worth, I would happily move to "
            "Kisumu for the right role one day; the renewal notes are "
            "attached.\n\nInes"
        ),
        [],
    ),
    (
        "v17b-031",
        "northgate",
        "Rebecca Holt",
        "check_in",
        (
            "Hi Rebecca,\n\nI once covered Fernhill for a territory job at my "
            "last firm, so I know the public-sector buyers there.\n\nInes"
        ),
        [],
    ),
    (
        "v17b-032",
        "northgate",
        "Rebecca Holt",
        "check_in",
        (
            "Hi Rebecca,\n\nThe renewal notes are attached. Signs and display "
            "work was my first job, so the Leeds launch stands will be easy "
            "for me.\n\nInes"
        ),
        [],
    ),
    # wrong-name: a title after a name ("Anna", "Jan", "Ben", "Di") only after a name; after a
    # title it is a name
    (
        "v17b-033",
        "dalisay",
        "Alfonso Navarro",
        "check_in",
        "Sir Ben,\n\nThe promoter quiz is attached.\n\nInes",
        [("wrong-name", "Sir Ben")],
    ),
    (
        "v17b-034",
        "dalisay",
        "Alfonso Navarro",
        "check_in",
        "Good morning Sir Ben,\n\nThe promoter quiz is attached.\n\nInes",
        [("wrong-name", "Sir Ben")],
    ),
    (
        "v17b-035",
        "dalisay",
        "Rosita Dimaculangan",
        "check_in",
        "Madam Anna,\n\nMy dealer list is attached.\n\nInes",
        [("wrong-name", "Madam Anna")],
    ),
    (
        "v17b-036",
        "dalisay",
        "Manuelito Ocampo",
        "check_in",
        "Dear Mr Jan,\n\nMy ageing report is attached.\n\nRegards,\nInes",
        [("wrong-name", "Mr Jan")],
    ),
    (
        "v17b-037",
        "dalisay",
        "Alfonso Navarro",
        "check_in",
        "Alfonso Anna,\n\nThe promoter quiz is attached.\n\nInes",
        [],
    ),
    (
        "v17b-038",
        "dalisay",
        "Rosita Dimaculangan",
        "check_in",
        "Rosita Di,\n\nMy dealer list is attached.\n\nInes",
        [],
    ),
    (
        "v17b-039",
        "dalisay",
        "Alfonso Navarro",
        "check_in",
        "Sir Alfonso,\n\nThe promoter quiz is attached.\n\nInes",
        [],
    ),
]


@pytest.mark.parametrize(("case", "opportunity", "to", "kind", "text", "expected"), LETTERS)
def test_session_17_classes(voices, voices_reading, case, opportunity, to, kind, text, expected):
    assert found_in(voices, opportunity, to, text, kind) == sorted(expected), case
