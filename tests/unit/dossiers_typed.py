"""Dossiers whose notes are typed the way people type them in the car park right after an
interview: fragments, verbs without a subject ("wants someone who can open doors", "runs the
Berlin marathon"), quotes with their attribution, dates inside the notes, abbreviations ("w/",
"re:", "mgr", "+"), other languages' English, promises of many shapes, courses written with
their own date ("MEDDICC, finished in October") and without, other interviews, topics naming a
product or another company, and people with no notes at all. dossiers.py adds them to the
dossiers tests/unit/test_drafts_dossiers.py drafts every kind from."""

from __future__ import annotations

from .dossiers import _candidate, _opp, _person, _t


def typed_dossiers() -> dict[str, dict]:
    """Twenty more dossiers, by a short name (each starts with 't-')."""
    d: dict[str, dict] = {}

    # Poland; verb-first notes about the interviewer; a dated course; another company as a topic.
    d["t-pl-verbs"] = {
        "candidate": _candidate(
            "Agnieszka Nowak",
            "a.nowak@example.pl",
            "+48 601 234 567",
            "Europe/Warsaw",
            "PL",
            None,
            strengths=["opened 14 distributor accounts in Silesia"],
            courses=["Challenger Sale workshop, finished in February 2027"],
        ),
        "opportunities": [
            _opp(
                "vistula",
                "Vistula Foods",
                "Key Account Manager",
                "2027-01-19",
                [
                    _person(
                        "Tomasz Zielinski",
                        "Commercial Director",
                        "tomasz@vistulafoods.example",
                        55,
                        True,
                        _t(
                            "modern trade",
                            said="wants someone who can open doors at Biedronka",
                            bring="know the category buyers at Biedronka and Lidl",
                            promised="send my distributor map",
                        ),
                        _t("running", said="runs the Warsaw marathon every April"),
                    ),
                ],
                prelim="2027-02-02",
                second="2027-02-16",
            )
        ],
    }

    # Sweden; abbreviations everywhere; a promised intro "w/" a former boss; relative date course.
    d["t-se-abbrev"] = {
        "candidate": _candidate(
            "Erik Lindqvist",
            "erik.lindqvist@example.se",
            "+46 70 123 45 67",
            "Europe/Stockholm",
            "SE",
            None,
            strengths=["built the Nordic partner channel at a fintech from zero"],
            courses=["completed MEDDICC cert last month"],
            other=2,
        ),
        "opportunities": [
            _opp(
                "fjord-pay",
                "Fjord Pay",
                "Head of Partnerships",
                "2027-02-08",
                [
                    _person(
                        "Ingrid Berg",
                        "CCO",
                        "ingrid@fjordpay.example",
                        45,
                        True,
                        _t(
                            "Nordic expansion",
                            said="leads the Nordic team since 2024, mgr wants 3x pipeline by Q2",
                            promised="intro w/ my ex-boss at Klarna",
                        ),
                        _t("partner mgmt", bring="ran 30+ partners, QBRs every qtr"),
                    ),
                    _person("Nils Ek", "Recruiter", "nils@fjordpay.example", 15, False),
                ],
                prelim="2027-02-22",
                second="2027-03-08",
            )
        ],
    }

    # US; quotes with their attribution; promises with "asp" and "+"; two other interviews.
    d["t-us-quotes"] = {
        "candidate": _candidate(
            "Jordan Hayes",
            "jordan.hayes@example.com",
            "+1 312 555 0177",
            "America/Chicago",
            "US",
            "IL",
            strengths=["closed three seven-figure logistics deals in 2026"],
            other=2,
        ),
        "opportunities": [
            _opp(
                "lakeshore",
                "Lakeshore Freight",
                "Enterprise AE",
                "2027-03-09",
                [
                    _person(
                        "Monica Alvarez",
                        "VP Sales",
                        "monica@lakeshore.example",
                        50,
                        True,
                        _t(
                            "enterprise shippers",
                            said='"we\'re not a startup anymore" - her words',
                            bring="I sold to Walmart's transport team for three years",
                        ),
                        _t(
                            "ramp time",
                            said="new AEs take 9 months to ramp",
                            promised="my 30-60-90 plan + two references asap",
                        ),
                    )
                ],
                prelim="2027-03-23",
                second="2027-04-06",
            )
        ],
    }

    # Brazil; a Portuguese speaker's English; a course with a month and year; "until friday".
    d["t-br-english"] = {
        "candidate": _candidate(
            "Rafael Costa",
            "rafael.costa@example.com.br",
            "+55 21 98888 0101",
            "America/Sao_Paulo",
            "BR",
            None,
            strengths=["5 years selling to private hospitals in Rio"],
            courses=["Sandler Foundations (Nov 2026)"],
        ),
        "opportunities": [
            _opp(
                "carioca-med",
                "Carioca Medical",
                "Hospital Account Manager",
                "2027-01-26",
                [
                    _person(
                        "Fernanda Rocha",
                        "Diretora Comercial",
                        "fernanda@cariocamed.example",
                        40,
                        True,
                        _t(
                            "expansion to the north east",
                            said="they are needing more people for Recife and Salvador",
                            bring="I have contacts in the big hospital groups of Recife",
                            promised="the proposal until friday",
                        ),
                        _t("after-sales", said="is the main reason clients leave"),
                    )
                ],
                prelim="2027-02-09",
                second="2027-02-23",
            )
        ],
    }

    # Nigeria; dates inside the notes; a reference promised by a date; no course.
    d["t-ng-dates"] = {
        "candidate": _candidate(
            "Chinedu Okafor",
            "chinedu.okafor@example.ng",
            "+234 803 555 0199",
            "Africa/Lagos",
            "NG",
            None,
            strengths=["grew a Lagos FMCG territory by 70% in two years"],
        ),
        "opportunities": [
            _opp(
                "eko-bev",
                "Eko Beverages",
                "Regional Sales Manager",
                "2027-01-12",
                [
                    _person(
                        "Funmi Adeyemi",
                        "Head of Sales",
                        "funmi@ekobev.example",
                        45,
                        True,
                        _t(
                            "the Abuja launch",
                            said="budget approved on 12 Jan, hiring by March",
                            promised="a reference from my current MD by 20 Jan",
                        ),
                        _t("distributor credit", said="distributors owe them 90 days"),
                    )
                ],
                prelim="2027-01-26",
                second="2027-02-09",
            )
        ],
    }

    # Switzerland; a topic naming two products; a promise of a checklist "+ timeline".
    d["t-ch-products"] = {
        "candidate": _candidate(
            "Lea Brunner",
            "lea.brunner@example.ch",
            "+41 79 555 01 23",
            "Europe/Zurich",
            "CH",
            "ZH",
            strengths=["moved 120 customers from Salesforce to HubSpot without losing one"],
            courses=["HubSpot Sales Hub certification, done in September"],
        ),
        "opportunities": [
            _opp(
                "alpen-crm",
                "Alpen CRM Partners",
                "Senior Consultant Sales",
                "2027-02-15",
                [
                    _person(
                        "Urs Meier",
                        "Managing Partner",
                        "urs@alpencrm.example",
                        60,
                        True,
                        _t(
                            "Salesforce to HubSpot migrations",
                            said="half their pipeline is migrations now",
                            promised="my migration checklist + timeline",
                        ),
                        _t("Zoho", said="loses to Zoho on price in the SMB segment"),
                    )
                ],
                prelim="2027-03-01",
                second="2027-03-15",
            )
        ],
    }

    # Korea; promises joined with "&"; a course with "last year"; a second decision maker w/o notes.
    d["t-kr-two"] = {
        "candidate": _candidate(
            "Min-jun Park",
            "minjun.park@example.kr",
            "+82 10 5555 0123",
            "Asia/Seoul",
            "KR",
            None,
            strengths=["sold semiconductor test equipment to Samsung and SK hynix"],
            courses=["took a negotiation course at KAIST last year"],
            other=1,
        ),
        "opportunities": [
            _opp(
                "han-tech",
                "Han River Technologies",
                "Sales Engineer",
                "2027-02-03",
                [
                    _person(
                        "Seo-yeon Kim",
                        "Sales Director",
                        "seoyeon@hanriver.example",
                        50,
                        True,
                        _t(
                            "fab customers",
                            said="Samsung decides in Q1, SK hynix in Q3",
                            promised="pricing one-pager & a case study",
                        ),
                    ),
                    _person(
                        "Ji-ho Lee",
                        "CTO",
                        "jiho@hanriver.example",
                        30,
                        True,
                        "test automation",
                        "yield",
                    ),
                ],
                prelim="2027-02-17",
                second="2027-03-03",
            )
        ],
    }

    # Ireland; everything typed in lower case without punctuation; verb-first bring.
    d["t-ie-lower"] = {
        "candidate": _candidate(
            "ciara walsh",
            "ciara.walsh@example.ie",
            "+353 87 555 0142",
            "Europe/Dublin",
            "IE",
            None,
            strengths=["did 80 dials a day at vodafone for two years"],
        ),
        "opportunities": [
            _opp(
                "liffey",
                "Liffey Telecom",
                "SDR",
                "2027-03-02",
                [
                    _person(
                        "Declan Byrne",
                        "SDR Manager",
                        "declan@liffeytel.example",
                        35,
                        True,
                        _t(
                            "cold calling",
                            said="hates when reps read a script",
                            bring="did 80 dials a day at vodafone",
                            promised="my call recording",
                        ),
                        _t("gaa", said="coaches an under 12 team in Kilkenny"),
                    )
                ],
                prelim="2027-03-16",
            )
        ],
    }

    # South Africa; notes that start with a gerund or an adverb; a promise as an act "to ping".
    d["t-za-gerunds"] = {
        "candidate": _candidate(
            "Thandiwe Dlamini",
            "thandi.dlamini@example.co.za",
            "+27 82 555 0177",
            "Africa/Johannesburg",
            "ZA",
            None,
            strengths=["rebuilt a mining supplies book after a key account left"],
            courses=["Gap Selling online course"],
        ),
        "opportunities": [
            _opp(
                "highveld",
                "Highveld Industrial",
                "Key Account Executive",
                "2027-02-22",
                [
                    _person(
                        "Johan van Wyk",
                        "Sales Manager",
                        "johan@highveld.example",
                        45,
                        True,
                        _t(
                            "mining accounts",
                            said="looking for someone hungry who can handle the mines",
                            bring="rebuilt a mining supplies book after a key account left",
                        ),
                        _t(
                            "the team",
                            said="really thinks the team is too junior",
                            promised="to ping my old colleague at Anglo about the tender",
                        ),
                    )
                ],
                prelim="2027-03-08",
                second="2027-03-22",
            )
        ],
    }

    # Italy; a title before the name; "expects"; a course with a year only; other interviews.
    d["t-it-titles"] = {
        "candidate": _candidate(
            "Giulia Ferrari",
            "giulia.ferrari@example.it",
            "+39 347 555 0123",
            "Europe/Rome",
            "IT",
            None,
            strengths=["I managed the Lombardy pharmacies for Bayer"],
            courses=["Corso di vendita consulenziale, completed in 2026"],
            other=1,
        ),
        "opportunities": [
            _opp(
                "po-pharma",
                "Po Valley Pharma",
                "Area Manager",
                "2027-03-15",
                [
                    _person(
                        "Dott. Marco Rossi",
                        "Direttore Vendite",
                        "marco.rossi@popharma.example",
                        50,
                        True,
                        _t(
                            "pharmacy chains",
                            said="expects to double the chains in 2027",
                            bring="I managed the Lombardy pharmacies for Bayer",
                        ),
                        _t("OTC", said="OTC is 40% of revenue"),
                    )
                ],
                prelim="2027-03-29",
                second="2027-04-12",
            )
        ],
    }

    # Canada; bullet-point notes with dashes and semicolons; a promise "will ping re: availability".
    d["t-ca-bullets"] = {
        "candidate": _candidate(
            "Noah Tremblay",
            "noah.tremblay@example.ca",
            "+1 514 555 0166",
            "America/Toronto",
            "CA",
            "QC",
            strengths=["cut the sales cycle from 120 to 75 days at a SaaS firm"],
        ),
        "opportunities": [
            _opp(
                "laurentian",
                "Laurentian Software",
                "Account Executive",
                "2027-04-06",
                [
                    _person(
                        "Sophie Gagnon",
                        "Directrice des ventes",
                        "sophie@laurentian.example",
                        45,
                        True,
                        _t(
                            "lost deals",
                            said="- 40% of deals lost on price; rest on timing",
                            promised="my win/loss template",
                        ),
                        _t(
                            "sales cycle",
                            said="- cycle is 110 days",
                            bring="- cut a cycle from 120 to 75 days",
                        ),
                    )
                ],
                prelim="2027-04-20",
                second="2027-05-04",
            )
        ],
    }

    # Australia; courses dated every way; several other interviews; one topic without notes.
    d["t-au-courses"] = {
        "candidate": _candidate(
            "Mia Robinson",
            "mia.robinson@example.com.au",
            "+61 400 555 012",
            "Australia/Melbourne",
            "AU",
            "VIC",
            strengths=["won the Victorian state government panel for a print vendor"],
            courses=[
                "finished Solution Selling in March 2027",
                "Gap Selling - completed last month",
            ],
            other=3,
        ),
        "opportunities": [
            _opp(
                "yarra",
                "Yarra Print",
                "Government Account Manager",
                "2027-02-10",
                [
                    _person(
                        "Ben Harris",
                        "State Manager",
                        "ben@yarraprint.example",
                        40,
                        True,
                        _t("state tenders", said="lost the last two panels to Canon"),
                        "fleet renewals",
                    )
                ],
                prelim="2027-02-24",
                second="2027-03-10",
            )
        ],
    }

    # US; many promise shapes; a topic that is a question; an acronym course undated.
    d["t-us-promises"] = {
        "candidate": _candidate(
            "Riley Carter",
            "riley.carter@example.com",
            "+1 404 555 0133",
            "America/New_York",
            "US",
            "GA",
            strengths=["ran the Atlanta territory for a payroll company"],
            courses=["the SPIN Selling course"],
        ),
        "opportunities": [
            _opp(
                "peach",
                "Peachtree Payroll",
                "Territory Manager",
                "2027-03-22",
                [
                    _person(
                        "Dwayne Brooks",
                        "Regional Director",
                        "dwayne@peachtree.example",
                        45,
                        True,
                        _t(
                            "how to win back churned clients?",
                            said="churn doubled after the price change",
                            promised="follow up w/ my portfolio link",
                        ),
                        _t("the 30-60-90", promised="the 30-60-90 plan"),
                        _t("scheduling", promised="will ping re: availability next week"),
                    )
                ],
                prelim="2027-04-05",
                second="2027-04-19",
            )
        ],
    }

    # Germany; "needs a hunter not a farmer"; "says"; a fair name; a promise to call after a fair.
    d["t-de-hunter"] = {
        "candidate": _candidate(
            "Felix Schneider",
            "felix.schneider@example.de",
            "+49 171 555 0199",
            "Europe/Berlin",
            "DE",
            "BY",
            strengths=["won 22 new machine builders as customers in 2025"],
            courses=["Verhandlungstraining (IHK), finished in March"],
        ),
        "opportunities": [
            _opp(
                "isar-mech",
                "Isar Mechatronik",
                "Vertriebsingenieur",
                "2027-04-12",
                [
                    _person(
                        "Sabine Huber",
                        "Vertriebsleiterin",
                        "sabine@isarmech.example",
                        50,
                        True,
                        _t(
                            "new customers",
                            said="needs a hunter not a farmer",
                            bring="won 22 new machine builders in 2025",
                        ),
                        _t(
                            "Hannover Messe",
                            said="says most leads come from the fair",
                            promised="call her after the Hannover Messe",
                        ),
                    )
                ],
                prelim="2027-04-26",
                second="2027-05-10",
            )
        ],
    }

    # France; two decision makers, one with notes, one with none; no strengths, no course.
    d["t-fr-two-deciders"] = {
        "candidate": _candidate(
            "Léa Dubois",
            "lea.dubois@example.fr",
            "+33 6 55 44 33 22",
            "Europe/Paris",
            "FR",
            None,
        ),
        "opportunities": [
            _opp(
                "loire-wine",
                "Loire Vins Export",
                "Export Sales Manager",
                "2027-05-03",
                [
                    _person(
                        "Antoine Girard",
                        "Directeur Export",
                        "antoine@loirevins.example",
                        50,
                        True,
                        _t(
                            "the US market",
                            said="importers in NY want exclusivity",
                            bring="I placed three domaines with New York importers",
                        ),
                    ),
                    _person(
                        "Hélène Roux",
                        "Gérante",
                        "helene@loirevins.example",
                        25,
                        True,
                        "export pricing",
                        "ProWein",
                    ),
                ],
                prelim="2027-05-17",
                second="2027-05-31",
            )
        ],
    }

    # India; a topic written as a question naming another company; notes with "tata's".
    d["t-in-question"] = {
        "candidate": _candidate(
            "Priyanka Iyer",
            "priyanka.iyer@example.in",
            "+91 98200 55501",
            "Asia/Kolkata",
            "IN",
            None,
            strengths=["sold fleet telematics to three large transporters"],
            courses=["Strategic account management, IIM Bangalore, Sept 2026"],
        ),
        "opportunities": [
            _opp(
                "deccan",
                "Deccan Telematics",
                "Key Account Manager",
                "2027-01-18",
                [
                    _person(
                        "Rohit Sharma",
                        "National Sales Head",
                        "rohit@deccantel.example",
                        60,
                        True,
                        _t(
                            "how to get into Tata Motors?",
                            said="Tata's procurement takes 6 months",
                            bring="sold telematics to three large transporters",
                            promised="list of my contacts in fleet procurement",
                        ),
                    )
                ],
                prelim="2027-02-01",
                second="2027-02-15",
            )
        ],
    }

    # Japan; a word of another language quoted; a course in a month; strengths fitting none.
    d["t-jp-nemawashi"] = {
        "candidate": _candidate(
            "Haruto Suzuki",
            "haruto.suzuki@example.jp",
            "+81 80 5555 0123",
            "Asia/Tokyo",
            "JP",
            None,
            strengths=["speak Japanese, English and Mandarin"],
            courses=["a JETRO export course in September"],
        ),
        "opportunities": [
            _opp(
                "kanto-robo",
                "Kanto Robotics",
                "Overseas Sales Manager",
                "2027-04-19",
                [
                    _person(
                        "Aiko Yamamoto",
                        "General Manager",
                        "aiko@kantorobo.example",
                        45,
                        True,
                        _t("nemawashi", said="'nemawashi' matters more than the demo here"),
                        _t("European distributors", promised="a short memo on Germany"),
                    )
                ],
                prelim="2027-05-03",
                second="2027-05-17",
            )
        ],
    }

    # Mexico; a note that is one word plus an emoji-free exclamation; promise of "samples".
    d["t-mx-short"] = {
        "candidate": _candidate(
            "Diego Ramírez",
            "diego.ramirez@example.mx",
            "+52 55 5555 0123",
            "America/Mexico_City",
            "MX",
            None,
            strengths=["grew a Monterrey retail book to 40 stores"],
        ),
        "opportunities": [
            _opp(
                "norte",
                "Norte Retail Supply",
                "Sales Manager",
                "2027-02-01",
                [
                    _person(
                        "Gabriela Torres",
                        "Directora General",
                        "gabriela@norte.example",
                        40,
                        True,
                        _t("Monterrey", said="key!", bring="grew a Monterrey book to 40 stores"),
                        _t("Oxxo", said="Oxxo pays late", promised="samples of my reports"),
                    )
                ],
                prelim="2027-02-15",
            )
        ],
    }

    # Kenya; no notes at all for the decision maker; dated courses; other interviews.
    d["t-ke-no-notes"] = {
        "candidate": _candidate(
            "Wanjiru Kamau",
            "wanjiru.kamau@example.co.ke",
            "+254 712 555 012",
            "Africa/Nairobi",
            "KE",
            None,
            strengths=["signed 60 agro-dealers in the Rift Valley"],
            courses=["completed the Safaricom Business sales course in August"],
            other=2,
        ),
        "opportunities": [
            _opp(
                "rift-agri",
                "Rift Agri Inputs",
                "Territory Sales Lead",
                "2027-03-01",
                [
                    _person(
                        "Peter Otieno",
                        "Country Manager",
                        "peter@riftagri.example",
                        45,
                        True,
                        "agro-dealers",
                        "mobile payments",
                    ),
                    _person("Grace Njeri", "HR", "grace@riftagri.example", 10, False),
                ],
                prelim="2027-03-15",
                second="2027-03-29",
            )
        ],
    }
    # Britain; two opportunities, a topic naming a rival company (not one the candidate applied
    # to: that one the check flags, by DESIGN); many topics typed in a hurry, a promise "by EOW".
    d["t-gb-rival"] = {
        "candidate": _candidate(
            "Oliver Bennett",
            "oliver.bennett@example.co.uk",
            "+44 7700 900456",
            "Europe/London",
            "GB",
            "ENG",
            strengths=["took a data product from 0 to 40 logos in the NHS"],
            courses=["a Winning by Design course"],
        ),
        "opportunities": [
            _opp(
                "thames",
                "Thames Analytics",
                "Enterprise Account Director",
                "2027-03-03",
                [
                    _person(
                        "Rachel Evans",
                        "CRO",
                        "rachel@thames.example",
                        60,
                        True,
                        _t("Kestrel Data", said="Kestrel beat them on the last two NHS deals"),
                        _t("NHS trusts", bring="40 logos in the NHS from zero"),
                        _t("pricing", promised="benchmark sheet by EOW"),
                        "board reporting",
                        _t("the London office", said="moving to Shoreditch in May"),
                    )
                ],
                prelim="2027-03-17",
                second="2027-03-31",
            ),
            _opp(
                "harrier",
                "Harrier Health",
                "Account Director",
                "2027-03-05",
                [_person("Owen Price", "VP Sales", "owen@harrier.example", 40, True, "NHS")],
                prelim="2027-03-19",
            ),
        ],
    }
    return d
