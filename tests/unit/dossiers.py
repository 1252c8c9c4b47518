"""Dossiers written for the drafts, as other people would write them: candidates of several
countries and voices, companies whose names share words with places, people, topics and common
words, topics of every shape (a short noun, a long phrase, a verb, an acronym, another company or
a product, a hobby the interviewer raised), notes of every shape (one word, a long sentence, a
quote, a non-native turn of phrase), promises of several shapes, strengths that fit one topic or
none, people with one topic and with many, no notes at all, courses and other interviews present
or absent. tests/unit/test_drafts_dossiers.py drafts every kind to every decision maker of each."""

from __future__ import annotations

from typing import Any


def _person(name: str, title: str, email: str, minutes: int, dm: bool, *topics: Any) -> dict:
    out: dict[str, Any] = {"name": name, "title": title, "email": email, "minutes": minutes}
    if dm:
        out["decision_maker"] = True
    if topics:
        out["topics"] = list(topics)
    return out


def _t(name: str, said: str = "", bring: str = "", promised: str = "") -> dict | str:
    """A topic with its notes, or its bare name when it has none."""
    notes = {k: v for k, v in (("said", said), ("bring", bring), ("promised", promised)) if v}
    return {"name": name, **notes} if notes else name


def _candidate(
    name: str,
    email: str,
    phone: str,
    tz: str,
    country: str,
    sub: str | None,
    strengths=(),
    courses=(),
    other=0,
) -> dict:
    out: dict[str, Any] = {
        "name": name,
        "email": email,
        "phone": phone,
        "timezone": tz,
        "country": country,
    }
    if sub:
        out["subdivision"] = sub
    if strengths:
        out["strengths"] = list(strengths)
    if courses:
        out["courses"] = list(courses)
    if other:
        out["other_interviews"] = other
    return out


def _opp(
    oid: str,
    company: str,
    role: str,
    date: str,
    people: list,
    policy="persistent",
    prelim="",
    second="",
    strengths=(),
    events=(),
) -> dict:
    out: dict[str, Any] = {"id": oid, "company": company, "role": role, "policy": policy}
    timeline = {
        k: v for k, v in (("preliminary_deadline", prelim), ("second_round_deadline", second)) if v
    }
    if timeline:
        out["timeline"] = timeline
    if strengths:
        out["strengths"] = list(strengths)
    out["interviews"] = [{"id": f"{oid}-1", "date": date, "round": 1, "contacts": people}]
    if events:
        out["events"] = list(events)
    return out


def dossiers() -> dict[str, dict]:
    """Every dossier by a short name."""
    d: dict[str, dict] = {}

    # 1. British, terse notes; the company shares a word with a place (Bristol) and a topic.
    d["uk-bristol"] = {
        "candidate": _candidate(
            "Harriet Cole",
            "harriet.cole@example.co.uk",
            "+44 7700 900123",
            "Europe/London",
            "GB",
            "ENG",
            strengths=["grew a Bristol patch from nothing to £1.2m"],
            courses=["a MEDDIC qualification course"],
        ),
        "opportunities": [
            _opp(
                "bristol-ae",
                "Bristol Software",
                "Field Sales Executive",
                "2027-02-03",
                [
                    _person(
                        "Oliver Grant",
                        "Sales Director",
                        "oliver@bristolsoftware.example",
                        50,
                        True,
                        _t(
                            "the South West territory",
                            said="patchy",
                            bring="I know most of the buyers in Bath and Exeter by name",
                        ),
                        _t("pipeline hygiene", said="reps forecast on gut feel"),
                        "team culture",
                    ),
                    _person(
                        "Priya Shah", "Talent Partner", "priya@bristolsoftware.example", 15, False
                    ),
                ],
                prelim="2027-02-17",
                second="2027-03-03",
            ),
            _opp(
                "severn-bdr",
                "Severn Trent Analytics",
                "Business Development Rep",
                "2027-02-05",
                [
                    _person(
                        "Tom Hughes",
                        "Head of Sales",
                        "tom@severn.example",
                        30,
                        True,
                        "outbound cadences",
                    )
                ],
                prelim="2027-02-19",
            ),
        ],
    }

    # 2. German candidate, non-native notes, a promise as a verb phrase.
    d["de-berlin"] = {
        "candidate": _candidate(
            "Jonas Weber",
            "jonas.weber@example.de",
            "+49 30 901820",
            "Europe/Berlin",
            "DE",
            "BE",
            strengths=["I have closed the biggest deal of my team in 2025"],
        ),
        "opportunities": [
            _opp(
                "spree-sdr",
                "Spree Logistics GmbH",
                "Account Manager",
                "2027-03-10",
                [
                    _person(
                        "Katrin Vogel",
                        "VP Sales DACH",
                        "k.vogel@spree.example",
                        60,
                        True,
                        _t(
                            "expansion to Austria",
                            said="they want to be in Vienna before the end of the year",
                            bring="I did already open Austria for my last company",
                            promised="send the deck about my Austria launch",
                        ),
                        _t("SAP integration", said="customers ask always for it"),
                    )
                ],
                prelim="2027-03-24",
                second="2027-04-07",
            )
        ],
    }

    # 3. American, long phrases, a promise with a deadline, a hobby the interviewer raised.
    d["us-hobby"] = {
        "candidate": _candidate(
            "Marcus Bell",
            "marcus.bell@example.com",
            "+1 415 555 0142",
            "America/Los_Angeles",
            "US",
            "CA",
            strengths=[
                "built a partner channel that brought in a third of revenue",
                "coached six SDRs into closing roles",
            ],
            courses=["Sandler's negotiation course"],
            other=1,
        ),
        "opportunities": [
            _opp(
                "golden-gate",
                "Golden Gate Partners",
                "Partner Manager",
                "2027-01-12",
                [
                    _person(
                        "Elena Park",
                        "Chief Revenue Officer",
                        "elena@ggp.example",
                        45,
                        True,
                        _t(
                            "how the partner program should be restructured for mid-market "
                            "resellers",
                            said="half of the resellers have not sold anything in a year",
                            promised="a case study by Friday",
                        ),
                        _t("sailing", said="she races a J/70 on the bay every weekend"),
                        _t(
                            "channel conflict",
                            bring="I wrote the rules of engagement that ended it at my last job",
                        ),
                    ),
                    _person(
                        "Ravi Menon",
                        "Channel Lead",
                        "ravi@ggp.example",
                        30,
                        True,
                        _t("partner enablement", said="Enablement is basically a PDF today."),
                        "co-selling with AWS",
                    ),
                ],
                prelim="2027-01-26",
                second="2027-02-09",
            )
        ],
    }

    # 4. No notes at all, no strengths, no courses.
    d["no-notes"] = {
        "candidate": _candidate(
            "Ana Souza",
            "ana.souza@example.com",
            "+55 11 95555 0101",
            "America/Sao_Paulo",
            "BR",
            None,
        ),
        "opportunities": [
            _opp(
                "paulista",
                "Paulista Tech",
                "Inside Sales Representative",
                "2027-04-06",
                [
                    _person(
                        "Bruno Lima",
                        "Sales Manager",
                        "bruno@paulista.example",
                        40,
                        True,
                        "inbound leads",
                        "Salesforce",
                        "quota",
                    ),
                    _person("Carla Dias", "Recruiter", "carla@paulista.example", 20, False),
                ],
                prelim="2027-04-20",
                second="2027-05-04",
            )
        ],
    }

    # 5. A topic naming another company and a product; a company named after a person.
    d["fr-product"] = {
        "candidate": _candidate(
            "Camille Martin",
            "camille.martin@example.fr",
            "+33 6 12 34 56 78",
            "Europe/Paris",
            "FR",
            None,
            strengths=["migrated two hundred customers from a competitor's product"],
            courses=["a course in value selling"],
            other=3,
        ),
        "opportunities": [
            _opp(
                "dupont-csm",
                "Dupont & Fils",
                "Customer Success Manager",
                "2027-05-11",
                [
                    _person(
                        "Luc Moreau",
                        "Directeur commercial",
                        "luc@dupontfils.example",
                        35,
                        True,
                        _t(
                            "winning customers back from Oracle",
                            said="Oracle took three of their big accounts last year",
                            bring="I migrated two hundred customers off Oracle NetSuite",
                        ),
                        _t("NetSuite", said="the product is strong but the service is not"),
                        _t("churn", said="churn"),
                    )
                ],
                prelim="2027-05-25",
                second="2027-06-08",
            )
        ],
    }

    # 6. A Spanish candidate; a promise of an introduction (third person in the notes).
    d["es-intro"] = {
        "candidate": _candidate(
            "Lucía Fernández",
            "lucia.fernandez@example.es",
            "+34 612 345 678",
            "Europe/Madrid",
            "ES",
            "MD",
            strengths=["opened the Portuguese market for a payments company"],
        ),
        "opportunities": [
            _opp(
                "iberia-pay",
                "Iberia Payments",
                "Country Manager Portugal",
                "2027-03-02",
                [
                    _person(
                        "Javier Ruiz",
                        "CEO",
                        "javier@iberiapay.example",
                        55,
                        True,
                        _t(
                            "entering Portugal",
                            said="the board gives them one year to prove Portugal",
                            bring="I opened Portugal for my last company in nine months",
                            promised="an intro to my former CFO",
                        ),
                        _t("hiring a local team"),
                    ),
                    _person("Marta Gil", "People Lead", "marta@iberiapay.example", 10, False),
                ],
                prelim="2027-03-16",
                second="2027-03-30",
            )
        ],
    }

    # 7. Canada, one topic, quote note, etiquette policy.
    d["ca-quote"] = {
        "candidate": _candidate(
            "Priya Nair",
            "priya.nair@example.ca",
            "+1 416 555 0188",
            "America/Toronto",
            "CA",
            "ON",
            strengths=["ran a book of sixty healthcare accounts"],
        ),
        "opportunities": [
            _opp(
                "maple-health",
                "Maple Health",
                "Account Manager",
                "2027-02-09",
                [
                    _person(
                        "Gordon Blake",
                        "Director of Sales",
                        "gordon@maplehealth.example",
                        40,
                        True,
                        _t(
                            "hospital procurement",
                            said='"Procurement is where our deals go to die."',
                        ),
                    )
                ],
                policy="etiquette",
            )
        ],
    }

    # 8. Australia; many topics, acronyms; strengths fitting one topic.
    d["au-acronyms"] = {
        "candidate": _candidate(
            "Liam O'Connor",
            "liam.oconnor@example.com.au",
            "+61 412 345 678",
            "Australia/Sydney",
            "AU",
            "NSW",
            strengths=["lifted ARR by 40% in one year", "ran QBRs for twenty enterprise accounts"],
            courses=["a course in SaaS metrics"],
            other=2,
        ),
        "opportunities": [
            _opp(
                "harbour-saas",
                "Harbour Cloud",
                "Enterprise Account Executive",
                "2027-03-15",
                [
                    _person(
                        "Sophie Tran",
                        "RVP Sales APAC",
                        "sophie@harbourcloud.example",
                        45,
                        True,
                        "ARR",
                        _t("QBRs", said="nobody runs them properly"),
                        "NRR",
                        "SDR handoff",
                        _t("MEDDPICC", bring="I used it on every deal over 100k"),
                        "APAC expansion",
                    )
                ],
                prelim="2027-03-29",
                second="2027-04-12",
            )
        ],
    }

    # 9. India; notes with an Indian-English turn; a company sharing a word with a topic.
    d["in-pipeline"] = {
        "candidate": _candidate(
            "Arjun Mehta",
            "arjun.mehta@example.in",
            "+91 98765 43210",
            "Asia/Kolkata",
            "IN",
            None,
            strengths=["did the needful to close a 2 crore deal with a state bank"],
        ),
        "opportunities": [
            _opp(
                "pipeline-co",
                "Pipeline Systems",
                "Enterprise Sales Manager",
                "2027-02-15",
                [
                    _person(
                        "Neha Kapoor",
                        "Regional Head",
                        "neha@pipelinesys.example",
                        50,
                        True,
                        _t(
                            "pipeline coverage",
                            said="coverage is only 2x, they need 4x",
                            promised="the BFSI account list I prepared",
                        ),
                        _t("public sector banks", bring="I have sold to four public sector banks"),
                    )
                ],
                prelim="2027-03-01",
                second="2027-03-15",
            )
        ],
    }

    # 10. Ireland; a promise of several items; a decision maker with no topics.
    d["ie-no-topics"] = {
        "candidate": _candidate(
            "Niamh Byrne",
            "niamh.byrne@example.ie",
            "+353 87 123 4567",
            "Europe/Dublin",
            "IE",
            None,
            courses=["a Challenger Sale workshop"],
        ),
        "opportunities": [
            _opp(
                "liffey",
                "Liffey Labs",
                "Sales Development Manager",
                "2027-04-13",
                [
                    _person("Declan Walsh", "Founder", "declan@liffeylabs.example", 60, True),
                    _person(
                        "Aoife Kelly",
                        "COO",
                        "aoife@liffeylabs.example",
                        30,
                        True,
                        _t(
                            "SDR ramp time",
                            said="new SDRs take five months to book a meeting",
                            promised="my onboarding plan and two references",
                        ),
                    ),
                ],
                prelim="2027-04-27",
                second="2027-05-11",
            )
        ],
    }

    # 11. Netherlands; one-word notes everywhere.
    d["nl-one-word"] = {
        "candidate": _candidate(
            "Daan de Vries",
            "daan@example.nl",
            "+31 6 12345678",
            "Europe/Amsterdam",
            "NL",
            None,
            strengths=["outbound"],
            courses=["a cold-calling bootcamp"],
        ),
        "opportunities": [
            _opp(
                "delft",
                "Delft Blue Robotics",
                "Sales Engineer",
                "2027-05-17",
                [
                    _person(
                        "Eva Jansen",
                        "Sales Lead",
                        "eva@delftblue.example",
                        30,
                        True,
                        _t("cold-calling targets", said="ambitious"),
                        _t("demos", bring="hands-on"),
                        _t("pricing", promised="deck"),
                    )
                ],
                prelim="2027-05-31",
                second="2027-06-14",
            )
        ],
    }

    # 12. Mexico; a company named with common words; a verb topic.
    d["mx-verb"] = {
        "candidate": _candidate(
            "Diego Ramírez",
            "diego.ramirez@example.mx",
            "+52 55 1234 5678",
            "America/Mexico_City",
            "MX",
            None,
            strengths=["signed the first three distributors in Monterrey"],
        ),
        "opportunities": [
            _opp(
                "good-people",
                "Good People Staffing",
                "Key Account Manager",
                "2027-06-08",
                [
                    _person(
                        "Sofía Herrera",
                        "Commercial Director",
                        "sofia@goodpeople.example",
                        45,
                        True,
                        _t(
                            "grow the northern region",
                            said="the north is where the factories are moving",
                            bring="I signed the first three distributors in Monterrey",
                        ),
                        _t("retain key accounts", promised="a retention plan by next week"),
                    )
                ],
                prelim="2027-06-22",
                second="2027-07-06",
            )
        ],
    }

    # 13. US, after a rejection: stay-in-touch and check-ins; a quoted question.
    d["us-rejected"] = {
        "candidate": _candidate(
            "Jordan Lee",
            "jordan.lee@example.com",
            "+1 646 555 0199",
            "America/New_York",
            "US",
            "NY",
            strengths=["closed the largest renewal in my region"],
            courses=["a course in executive presence"],
            other=1,
        ),
        "opportunities": [
            _opp(
                "hudson",
                "Hudson & Co",
                "Account Director",
                "2027-01-19",
                [
                    _person(
                        "Rachel Stone",
                        "Managing Director",
                        "rachel@hudsonco.example",
                        60,
                        True,
                        _t(
                            "the renewal book",
                            said="renewals are flat two years running",
                            bring="I closed the largest renewal in my region",
                        ),
                    )
                ],
                prelim="2027-02-02",
                second="2027-02-16",
                events=[{"date": "2027-02-20", "kind": "rejected"}],
            )
        ],
    }

    # 14. South Africa; a person named like a place; the topic a long sentence.
    d["za-long"] = {
        "candidate": _candidate(
            "Thandi Nkosi",
            "thandi.nkosi@example.co.za",
            "+27 82 555 0143",
            "Africa/Johannesburg",
            "ZA",
            None,
            strengths=["rebuilt a distributor network across three provinces"],
            other=2,
        ),
        "opportunities": [
            _opp(
                "cape-ag",
                "Cape Agri Supplies",
                "Regional Sales Manager",
                "2027-03-08",
                [
                    _person(
                        "Paris Naidoo",
                        "National Sales Manager",
                        "paris@capeagri.example",
                        50,
                        True,
                        _t(
                            "why the Western Cape distributors stopped reordering after the "
                            "drought and what it would take to win them back",
                            said="three of the five largest distributors have gone quiet",
                            bring="I rebuilt a distributor network across three provinces",
                        ),
                    )
                ],
                prelim="2027-03-22",
                second="2027-04-05",
            )
        ],
    }

    # 15. UK, a strength that fits no topic, two decision makers with one topic each.
    d["uk-two-dms"] = {
        "candidate": _candidate(
            "Oliver Smith",
            "oliver.smith@example.co.uk",
            "+44 7700 900456",
            "Europe/London",
            "GB",
            "ENG",
            strengths=["won the company's sales award twice"],
        ),
        "opportunities": [
            _opp(
                "thames",
                "Thames Valley Insurance",
                "Broker Sales Executive",
                "2027-04-12",
                [
                    _person(
                        "Fiona Reid",
                        "Head of Broker Sales",
                        "fiona@tvi.example",
                        40,
                        True,
                        _t("broker panels", said="the panel review happens every March"),
                    ),
                    _person(
                        "George Hill",
                        "Regional Director",
                        "george@tvi.example",
                        40,
                        True,
                        _t("Lloyd's market", bring="eight years placing risks at Lloyd's"),
                    ),
                ],
                prelim="2027-04-26",
                second="2027-05-10",
            )
        ],
    }

    # 16. US; the interviewer raised a sport; a promise as a gerund.
    d["us-sport"] = {
        "candidate": _candidate(
            "Kevin Brooks",
            "kevin.brooks@example.com",
            "+1 312 555 0177",
            "America/Chicago",
            "US",
            "IL",
            strengths=["sold into twelve Big Ten athletic departments"],
            courses=["a course in consultative selling"],
        ),
        "opportunities": [
            _opp(
                "windy",
                "Windy City Sports Tech",
                "Account Executive",
                "2027-09-14",
                [
                    _person(
                        "Megan Doyle",
                        "VP Sales",
                        "megan@windycity.example",
                        40,
                        True,
                        _t(
                            "college athletics",
                            said="athletic departments buy in the summer",
                            bring="I sold into twelve Big Ten athletic departments",
                        ),
                        _t("the Cubs", said="she has had season tickets since 2010"),
                        _t("ticketing integrations", promised="sending over the API notes"),
                    )
                ],
                prelim="2027-09-28",
                second="2027-10-12",
            )
        ],
    }

    # 17. Germany; formal voice; a topic in lower case acronym-like product ("kubernetes").
    d["de-formal"] = {
        "candidate": _candidate(
            "Dr. Anja Krüger",
            "anja.krueger@example.de",
            "+49 89 5555 0100",
            "Europe/Berlin",
            "DE",
            "BY",
            strengths=["managed a portfolio of 30 DAX customers"],
            courses=["a certification in Kubernetes for sales engineers"],
            other=1,
        ),
        "opportunities": [
            _opp(
                "isar",
                "Isar Cloud Services",
                "Senior Solutions Consultant",
                "2027-06-07",
                [
                    _person(
                        "Stefan Braun",
                        "Head of Presales",
                        "stefan@isarcloud.example",
                        45,
                        True,
                        _t("kubernetes", said="Most customers are still on virtual machines."),
                        _t(
                            "proof-of-concept process",
                            said="PoCs take eight weeks and half of them fail",
                            bring="I cut PoC time to three weeks with a fixed scope template",
                            promised="my PoC scope template",
                        ),
                    )
                ],
                prelim="2027-06-21",
                second="2027-07-05",
            )
        ],
    }

    # 18. Only the primary contact decides (nobody marked), minutes decide; no timeline.
    d["unmarked"] = {
        "candidate": _candidate(
            "Sam Patel",
            "sam.patel@example.com",
            "+1 206 555 0123",
            "America/Los_Angeles",
            "US",
            "WA",
            strengths=["booked 40 meetings a month for a year"],
        ),
        "opportunities": [
            _opp(
                "rainier",
                "Rainier Outdoor",
                "SDR",
                "2027-03-03",
                [
                    _person(
                        "Chris Young",
                        "SDR Manager",
                        "chris@rainier.example",
                        25,
                        False,
                        _t(
                            "outbound to REI stores",
                            said="they never got a meeting with REI",
                            promised="the sequence I used for retail buyers",
                        ),
                    ),
                    _person("Dana Fox", "Recruiter", "dana@rainier.example", 15, False),
                ],
            )
        ],
    }

    # 19. French candidate writing English, notes in a non-native voice, several opportunities
    #     whose companies share words (a common word and a first name).
    d["fr-shared-words"] = {
        "candidate": _candidate(
            "Julien Petit",
            "julien.petit@example.fr",
            "+33 6 98 76 54 32",
            "Europe/Paris",
            "FR",
            None,
            strengths=["I have signed the biggest retail account of the region"],
            courses=["a formation in negotiation"],
        ),
        "opportunities": [
            _opp(
                "vision-retail",
                "Vision Retail",
                "Key Account Manager Retail",
                "2027-09-06",
                [
                    _person(
                        "Claire Simon",
                        "Directrice des ventes",
                        "claire@visionretail.example",
                        45,
                        True,
                        _t(
                            "the retail vision for 2028",
                            said="she want to double the number of stores in two years",
                            bring="I know very well the buyers of the big chains",
                        ),
                        _t("merchandising"),
                    )
                ],
                prelim="2027-09-20",
                second="2027-10-04",
            ),
            _opp(
                "simon-sa",
                "Simon SA",
                "Business Developer",
                "2027-09-08",
                [
                    _person(
                        "Marc Leroy",
                        "CEO",
                        "marc@simonsa.example",
                        30,
                        True,
                        _t("export to Belgium"),
                    )
                ],
                prelim="2027-09-22",
            ),
        ],
    }

    # 20. Japan; names family-first in email, a promise with "by Friday" shape, many topics.
    d["jp-many"] = {
        "candidate": _candidate(
            "Yuki Tanaka",
            "yuki.tanaka@example.jp",
            "+81 90 1234 5678",
            "Asia/Tokyo",
            "JP",
            None,
            strengths=[
                "opened the Kansai region for a SaaS company",
                "trained partners in three languages",
            ],
            courses=["a course in enterprise negotiation"],
            other=1,
        ),
        "opportunities": [
            _opp(
                "sakura",
                "Sakura Data",
                "Partner Sales Manager",
                "2027-10-05",
                [
                    _person(
                        "Kenji Sato",
                        "Country Manager",
                        "kenji@sakuradata.example",
                        60,
                        True,
                        _t(
                            "Kansai",
                            said="Osaka customers want a local team",
                            bring="I opened the Kansai region for a SaaS company",
                        ),
                        _t("partner training", promised="the training plan by Friday"),
                        _t("pricing in yen"),
                        _t("the NTT partnership", said="NTT resells them since April"),
                        "hiring",
                    )
                ],
                prelim="2027-10-19",
                second="2027-11-02",
            )
        ],
    }

    # 21. US; notes that contain a question and an exclamation.
    d["us-punctuation"] = {
        "candidate": _candidate(
            "Taylor Reed",
            "taylor.reed@example.com",
            "+1 720 555 0110",
            "America/Denver",
            "US",
            "CO",
            strengths=["turned around a territory that was last in the country"],
        ),
        "opportunities": [
            _opp(
                "rockies",
                "Rocky Mountain Energy",
                "Territory Manager",
                "2027-05-04",
                [
                    _person(
                        "Alex Morgan",
                        "Regional VP",
                        "alex@rme.example",
                        50,
                        True,
                        _t("solar for farms", said="why would a farmer trust us?"),
                        _t(
                            "the territory turnaround",
                            said="it's been last for three years!",
                            bring="I turned around a territory that was last in the country!",
                        ),
                    )
                ],
                prelim="2027-05-18",
                second="2027-06-01",
            )
        ],
    }

    # 22. Spain; a promised item already ending in a full stop; bring written in second person.
    d["es-pronouns"] = {
        "candidate": _candidate(
            "Pablo García",
            "pablo.garcia@example.es",
            "+34 699 555 010",
            "Europe/Madrid",
            "ES",
            "CT",
            strengths=["negotiated framework deals with three hospital groups"],
        ),
        "opportunities": [
            _opp(
                "barna-med",
                "Barcelona Medical Devices",
                "Hospital Sales Specialist",
                "2027-10-11",
                [
                    _person(
                        "Núria Puig",
                        "Sales Director",
                        "nuria@barnamed.example",
                        45,
                        True,
                        _t(
                            "framework agreements",
                            said="public tenders take them eighteen months",
                            promised="the summary of the Catalan tender rules.",
                        ),
                        _t(
                            "their surgeons",
                            said="their surgeons choose the device, not procurement",
                        ),
                    )
                ],
                prelim="2027-10-25",
                second="2027-11-08",
            )
        ],
    }

    # 23. A short notes-only-promised person and a non-decision maker with topics.
    d["promise-only"] = {
        "candidate": _candidate(
            "Grace Kim",
            "grace.kim@example.com",
            "+1 617 555 0155",
            "America/New_York",
            "US",
            "MA",
            strengths=["doubled renewals in a biotech territory"],
            courses=[],
            other=0,
        ),
        "opportunities": [
            _opp(
                "charles",
                "Charles River Bio",
                "Account Manager",
                "2027-04-20",
                [
                    _person(
                        "Henry Ford",
                        "Director",
                        "henry@crbio.example",
                        45,
                        True,
                        _t("lab automation", promised="the slides from my talk"),
                    ),
                    _person(
                        "Ivy Chen",
                        "Sales Ops",
                        "ivy@crbio.example",
                        20,
                        False,
                        _t("territory design", said="territories are drawn by zip code"),
                    ),
                ],
                prelim="2027-05-04",
                second="2027-05-18",
            )
        ],
    }

    # 24. New Zealand; the company is a common word; a topic naming a person's hobby and one
    #     naming a rival company that is also one of the candidate's opportunities.
    d["nz-common"] = {
        "candidate": _candidate(
            "Aroha Ngata",
            "aroha.ngata@example.co.nz",
            "+64 21 555 0123",
            "Pacific/Auckland",
            "NZ",
            None,
            strengths=["grew a tourism software book by 60%"],
            courses=["a course in storytelling for sales"],
        ),
        "opportunities": [
            _opp(
                "summit",
                "Summit",
                "Account Executive",
                "2027-08-09",
                [
                    _person(
                        "Mere Walker",
                        "GM Sales",
                        "mere@summit.example",
                        45,
                        True,
                        _t(
                            "tourism operators",
                            said="operators still book by phone",
                            bring="I grew a tourism software book by 60%",
                        ),
                        _t("trail running", said="he runs the Tarawera ultra"),
                        _t("replacing spreadsheets", promised="a short demo video"),
                    )
                ],
                prelim="2027-08-23",
                second="2027-09-06",
            ),
            _opp(
                "kiwi-ops",
                "Kiwi Ops",
                "Sales Manager",
                "2027-08-11",
                [_person("Sam Wood", "CEO", "sam@kiwiops.example", 30, True, "onboarding")],
                prelim="2027-08-25",
            ),
        ],
    }
    # 25. Titles before names, notes in the interviewer's own first person, a promise of an
    #     act written with "to", a second round with the same person, no phone.
    d["eg-titles"] = {
        "candidate": {
            "name": "Omar Farouk",
            "email": "omar.farouk@example.com",
            "timezone": "Africa/Cairo",
            "country": "EG",
            "strengths": ["led a team of twelve in pharmacy sales"],
        },
        "opportunities": [
            {
                "id": "nile-pharma",
                "company": "Nile Pharma",
                "role": "Area Sales Manager",
                "policy": "persistent",
                "timeline": {"preliminary_deadline": "2027-03-18"},
                "interviews": [
                    {
                        "id": "nile-1",
                        "date": "2027-03-04",
                        "round": 1,
                        "contacts": [
                            _person(
                                "Dr. Amira Haddad",
                                "Medical Director",
                                "amira@nilepharma.example",
                                40,
                                True,
                                _t("pharmacy chains", said="I don't trust the big chains"),
                                _t(
                                    "key opinion leaders",
                                    said="we lose doctors when reps change every year",
                                    promised="to connect her with the cardiologist I trained with",
                                ),
                            )
                        ],
                    },
                    {
                        "id": "nile-2",
                        "date": "2027-03-11",
                        "round": 2,
                        "contacts": [
                            _person(
                                "Dr. Amira Haddad",
                                "Medical Director",
                                "amira@nilepharma.example",
                                60,
                                True,
                                _t("territory split", bring="I split Giza into four routes"),
                            )
                        ],
                    },
                ],
            }
        ],
    }

    # 26. No role given; a single-word candidate name; notes with trailing spaces and lines.
    d["no-role"] = {
        "candidate": _candidate(
            "Zanele",
            "zanele@example.com",
            "+27 21 555 0100",
            "Africa/Johannesburg",
            "ZA",
            None,
            strengths=["  sold solar kits to 300 farms.  "],
        ),
        "opportunities": [
            _opp(
                "karoo",
                "Karoo Energy",
                "",
                "2027-06-14",
                [
                    _person(
                        "Pieter Botha",
                        "Founder",
                        "pieter@karoo.example",
                        45,
                        True,
                        _t("farm  financing ", said=" banks   won't lend to small farms "),
                        _t("Our installer network", said="We need twenty installers by March"),
                    )
                ],
                prelim="2027-06-28",
            )
        ],
    }
    from .dossiers_typed import typed_dossiers  # notes as typed right after an interview

    return {**d, **typed_dossiers()}
