"""Whom a letter credits with being at the meeting: credit frames, and what gates them."""

from __future__ import annotations

from followup.domain.letters.addressing import Addressing

FRAME = r"\bmet\s+you\s+and\s+{NAME}\b"


def _credited(data: dict[str, object], text: str) -> list[str]:
    return [w for found in Addressing(data).credited(text, frozenset()) for w in found.words]


def test_a_frame_given_as_a_pattern_credits_the_name_it_frames():
    assert _credited({"credit_frames": [FRAME]}, "It was good to have met you and Jonathan.") == [
        "Jonathan"
    ]


def test_a_frame_with_needs_is_read_when_the_letter_holds_one_of_them_in_any_case():
    data = {"credit_frames": [{"pattern": FRAME, "needs": ["You and "]}]}
    assert _credited(data, "Glad I met YOU AND Jonathan on Monday.") == ["Jonathan"]


def test_a_frame_with_needs_is_not_read_when_the_letter_holds_none_of_them():
    data = {"credit_frames": [{"pattern": FRAME, "needs": ["you & "]}]}
    assert _credited(data, "It was good to have met you and Jonathan.") == []


def test_the_shipped_frames_credit_someone_met_beside_the_recipient_but_not_a_colleague_named():
    from followup.adapters.check_rules import shipped_rules

    data = shipped_rules()["wrong-name"]
    assert _credited(data, "It was a pleasure to be interviewed by you and Natalie.") == ["Natalie"]
    assert _credited(data, "I will send it to you and Helen tomorrow.") == []


def _addressed(text: str) -> list[tuple[str, tuple[str, ...]]]:
    from followup.adapters.check_rules import shipped_rules
    from followup.domain.letters.context import LetterContext

    ctx = LetterContext(kind="check_in", recipient="Graham Fenwick", company="Larkspur Energy")
    found = Addressing(shipped_rules()["wrong-name"]).addressed(text, ctx, frozenset())
    return [(text[a.start : a.end], a.words) for a in found]


def test_a_courtesy_word_after_the_name_is_no_part_of_it_nor_of_its_span():
    assert _addressed("Respected Priscilla Ma'am,\n\nThe map is attached.") == [
        ("Priscilla", ("Priscilla",))
    ]
    assert _addressed("Hi  Priscilla Madam, the map is attached.") == [
        ("Priscilla", ("Priscilla",))
    ]


def test_a_courtesy_word_alone_and_an_interjection_before_a_comma_address_no_one():
    assert _addressed("Respected Sir,\n\nThe map is attached.") == []
    assert _addressed("Dear Graham,\n\nApologies, I gave you the wrong date.") == [
        ("Graham", ("Graham",))
    ]


def test_a_pet_form_of_the_recipients_name_is_theirs_and_another_names_is_not():
    from followup.adapters.check_rules import shipped_rules

    addressing = Addressing(shipped_rules()["wrong-name"])
    assert addressing.is_recipient("Thabs", frozenset({"thabo"}))
    assert addressing.is_recipient("Jonno", frozenset({"jonathan"}))
    assert addressing.is_recipient("Marty", frozenset({"martin"}))
    assert addressing.is_recipient("Becky", frozenset({"rebecca", "holt"}))
    assert not addressing.is_recipient("Vicky", frozenset({"victor"}))
    assert not addressing.is_recipient("Helena", frozenset({"helen"}))
    assert not addressing.is_recipient("Becky", frozenset({"aisha", "rahman"}))


def test_a_frame_is_read_only_where_the_letter_holds_a_string_every_match_of_it_holds():
    frame = r"\b(?:told|showed)\s+{NAME}\b[^.!?\n]{0,40}?\b(?:at|during)\s+the\s+interview\b"
    addressing = Addressing({"credit_frames": [frame]})
    held = addressing._credit[0][2]
    assert held == (
        frozenset({"told ", "showed "}),
        frozenset({"at the interview", "during the interview"}),
    )
    text = "As I told\nMarcus   during the INTERVIEW, I can start in May."
    assert [w for f in addressing.credited(text, frozenset()) for w in f.words] == ["Marcus"]
    # without the frame's words the frame is not run, and with them it finds what it finds
    assert (
        list(addressing.credited("As I told Marcus at lunch, I can start in May.", frozenset()))
        == []
    )


def test_a_greeting_that_opens_a_scripts_spoken_line_addresses_the_name_after_it():
    assert _addressed('Call: Graham Fenwick\nOpen: "Hi Priscilla, it\'s Ines."') == [
        ("Priscilla", ("Priscilla",))
    ]
    assert _addressed("1. Greeting - 'Good morning Rebecca, Ines here.'") == [
        ("Rebecca", ("Rebecca",))
    ]
    assert _addressed("Say: Hello Victor, it's Ines from Tuesday.") == [("Victor", ("Victor",))]


def test_a_greeting_word_inside_a_run_of_capitals_mid_sentence_addresses_no_one():
    assert _addressed("I liked the clients' Hello Fresh, which you showed me.") == []
    assert _addressed("I read the Welcome Pack, which you sent, on the train.") == []


def test_a_sentence_that_offers_a_referee_is_told_from_one_that_does_not():
    from followup.adapters.check_rules import shipped_rules

    addressing = Addressing(shipped_rules()["wrong-name"])
    assert addressing.offers_referee("You asked for a reference: Nina Bos is happy to help.")
    assert addressing.offers_referee("Oksana is happy to vouch for my work with grocers.")
    assert addressing.offers_referee("For references, Rebecca Holt is happy to be contacted.")
    assert not addressing.offers_referee("For reference, Nina Bos told me about the tender.")
    assert not addressing.offers_referee("As Rebecca said, the route plan matters most.")


def _addressed_to(recipient: str, text: str) -> list[tuple[str, ...]]:
    from followup.adapters.check_rules import shipped_rules
    from followup.domain.letters.context import LetterContext

    ctx = LetterContext(kind="thank_you", recipient=recipient, company="Boğaziçi Yazılım")
    return [
        a.words for a in Addressing(shipped_rules()["wrong-name"]).addressed(text, ctx, frozenset())
    ]


def test_a_name_in_latin_letters_beyond_latin_1_is_read_whole():
    # Turkish ğ ı ş İ, Polish ł, Romanian ș, Vietnamese ễ: none of them ends the name
    assert _addressed_to("Çağrı Öztürk", "Dear Çağrı,\n\nThank you.") == [("Çağrı",)]
    assert _addressed_to("Işıl Şahin", "Dear Işıl Şahin,\n\nThank you.") == [("Işıl", "Şahin")]
    assert _addressed_to("Łukasz Wróbel", "Hi Łukasz, thank you.") == [("Łukasz",)]
    assert _addressed_to("Ștefan Pop", "Dear Ștefan,\n\nThank you.") == [("Ștefan",)]
    assert _addressed_to("Nguyễn Thị Hương", "Dear Hương,\n\nThank you.") == [("Hương",)]


def test_an_honorific_after_the_name_or_joined_to_it_is_no_part_of_it():
    assert _addressed_to("Çağrı Öztürk", "Dear Çağrı Bey,\n\nThank you.") == [("Çağrı",)]
    assert _addressed_to("Işıl Şahin", "Sayın Işıl Hanım,\n\nThank you.") == [("Işıl",)]
    assert _addressed_to("Yoko Nakamura", "Dear Nakamura-san,\n\nThank you.") == [("Nakamura",)]
    assert _addressed_to("Rohit Sharma", "Namaste Sharma-ji,\n\nThank you.") == [("Sharma",)]
    assert _addressed_to("Ana Ruiz", "Estimada Lic. Ruiz:\n\nThank you.") == [("Ruiz",)]


def test_a_word_in_capitals_is_not_read_as_a_name_but_a_capital_inside_a_name_is():
    assert _addressed_to("Ibrahim Güneş", "Dear IBRAHIM GÜNEŞ,\n\nThank you.") == []
    assert _addressed_to("DeShawn Carter", "Dear DeShawn,\n\nThank you.") == [("DeShawn",)]


def test_the_wrong_person_is_still_found_behind_these_forms():
    assert _addressed_to("Çağrı Öztürk", "Dear Işıl Hanım,\n\nThank you.") == [("Işıl",)]
    assert _addressed_to("Çağrı Öztürk", "Dear Şahin-san,\n\nThank you.") == [("Şahin",)]


def test_a_kinship_or_respect_title_of_any_region_is_no_part_of_the_name_it_stands_beside():
    # after the name (Hindi, Telugu, Turkish, Chinese, Nigerian English), before it (Ghanaian,
    # Caribbean and Filipino English, Thai, Korean); the name's words are what is compared
    assert _addressed("Namaskar Graham Dada,\n\nThe map is attached.") == [("Graham", ("Graham",))]
    assert _addressed("Dear Graham Garu,\n\nThe map is attached.") == [("Graham", ("Graham",))]
    assert _addressed("Sevgili Graham Hocam,\n\nThe map is attached.") == [("Graham", ("Graham",))]
    assert _addressed("Hi Graham Oga,\n\nThe map is attached.") == [("Graham", ("Graham",))]
    assert _addressed("Dear Uncle Graham,\n\nThe map is attached.")[0][1] == ("Graham",)
    assert _addressed("Dear Kuya Graham,\n\nThe map is attached.")[0][1] == ("Graham",)
    assert _addressed("Khun Graham,\n\nThe map is attached.")[0][1] == ("Graham",)
    assert _addressed("Thanks again, Fenwick Laoshi, for the map.") == [("Fenwick", ("Fenwick",))]


def test_a_title_that_is_also_a_name_is_a_title_only_beside_a_name():
    # "Anna" (Tamil elder brother) and "Jan" (Persian dear) after a name, "Don" and "Nana" before
    # one; alone, each is a name, and another person's
    assert _addressed("Dear Graham Anna,\n\nThe map is attached.") == [("Graham", ("Graham",))]
    assert _addressed("Salaam Graham Jan,\n\nThe map is attached.") == [("Graham", ("Graham",))]
    assert _addressed("Hola Don Graham,\n\nThe map is attached.")[0][1] == ("Graham",)
    assert _addressed("Dear Nana Graham,\n\nThe map is attached.")[0][1] == ("Graham",)
    assert _addressed("Dear Anna,\n\nThe map is attached.") == [("Anna", ("Anna",))]
    assert _addressed("Dear Don,\n\nThe map is attached.") == [("Don", ("Don",))]
    assert _addressed("Dear Anna Kowalska,\n\nThe map is attached.") == [
        ("Anna Kowalska", ("Anna", "Kowalska"))
    ]
    # a surname that is also a title somewhere ("Chan", "Tai") is read as the surname it is
    assert _addressed("Dear Peter Chan,\n\nThe map is attached.") == [
        ("Peter Chan", ("Peter", "Chan"))
    ]
    assert _addressed("Dear Peter Tai,\n\nThe map is attached.") == [
        ("Peter Tai", ("Peter", "Tai"))
    ]


def test_a_greeting_of_a_feast_or_a_blessing_is_no_name_nor_part_of_one():
    for greeting in ("Eid Mubarak", "Eid Saeed", "Ramadan Kareem", "Shubh Deepavali"):
        assert _addressed(f"{greeting}, Graham!\n\nThe map is attached.") == [
            ("Graham", ("Graham",))
        ], greeting
    for greeting in ("Selamat Hari Raya", "Feliz Navidad", "Shana Tova", "Nowruz Mubarak"):
        assert _addressed(f"{greeting}, Graham.\n\nThe map is attached.") == [
            ("Graham", ("Graham",))
        ], greeting
    assert _addressed("The map is attached, and once again, Eid Mubarak!") == []
    # the name after the greeting is still read, another's as well
    assert _addressed("Jumma Mubarak, Karim Bhai.\n\nThe map is attached.") == [
        ("Karim", ("Karim",))
    ]


def test_a_wish_for_any_feast_is_no_name_and_the_name_after_it_is_read():
    assert _addressed("Happy Sallah, Graham!\n\nThe map is attached.") == [("Graham", ("Graham",))]
    assert _addressed("Hayırlı Cumalar, Graham.\n\nThe map is attached.") == [
        ("Graham", ("Graham",))
    ]
    assert _addressed("Happy New Month, Emeka!\n\nThe map is attached.") == [("Emeka", ("Emeka",))]
    assert _addressed(
        "Dear Graham,\n\nThe map is attached. Happy Independence Day, by the way."
    ) == [("Graham", ("Graham",))]


def test_a_title_in_lowercase_after_a_name_in_the_body_is_read_with_it():
    assert _addressed("Dear Graham,\n\nThanks, Rina apa, for the map.") == [
        ("Graham", ("Graham",)),
        ("Rina", ("Rina",)),
    ]
    assert _addressed("Dear Graham,\n\nThank you, Rahul sir, for the map.")[1] == (
        "Rahul",
        ("Rahul",),
    )
    # a lowercase word after a name that is no title leaves it unread, as before
    assert _addressed("Dear Graham,\n\nThanks, Rina team, for the map.") == [
        ("Graham", ("Graham",))
    ]


def _another(recipient: str, text: str, known: frozenset[str] = frozenset()) -> list[str]:
    """The names a letter addresses that the check reads as someone other than the recipient."""
    from followup.adapters.check_rules import shipped_rules
    from followup.domain.letters.context import LetterContext, fold_accents

    ctx = LetterContext(kind="check_in", recipient=recipient, company="Larkspur Energy")
    addressing = Addressing(shipped_rules()["wrong-name"])
    parts = frozenset(fold_accents(p.lower()) for p in recipient.split())
    return [
        text[a.start : a.end]
        for a in addressing.addressed(text, ctx, known)
        if addressing.names_another(a.words, parts, known, text)
    ]


def test_a_word_beside_the_recipients_name_names_another_only_when_it_is_someone_elses_name():
    # a title of respect or kin, a greeting, a father's name, a second family name: not known
    # as anyone's name in the user's data, so the recipient's name beside it is what counts
    assert _another("Otieno Odhiambo", "Dear Jaduong Otieno,\n\nA note.") == []
    assert _another("Oksana Petrenko", "Dear Oksana Mykolaivna,\n\nA note.") == []
    assert _another("Sigrid Haugen", "Tervehdys Sigrid,\n\nA note.") == []
    assert _another("Lucía Quispe", "Estimada Lic. Quispe Mamani:\n\nUna nota.") == []
    # …but a word that is the name of someone else in the user's data is another person
    known = frozenset({"otieno", "odhiambo", "kamau", "wanjiru"})
    assert _another("Otieno Odhiambo", "Dear Otieno Kamau,\n\nA note.", known) == ["Otieno Kamau"]
    # and a name with none of the recipient's words is still someone else, known or not
    assert _another("Rania Haddad", "Dear Ms. Okafor,\n\nA note.") == ["Ms. Okafor"]
    assert _another("Otieno Odhiambo", "Dear Jaduong Kwame,\n\nA note.") == ["Jaduong Kwame"]


def test_a_title_cut_short_with_a_slash_is_no_name():
    assert _another("Meron Tadele", "Dear W/ro Meron,\n\nA note.") == []
    assert _another("Johan Lindqvist", "Dear A/Prof. Lindqvist,\n\nA note.") == []
    assert _another("Johan Lindqvist", "Dear A/Prof. Haugen,\n\nA note.") == ["Haugen"]


def test_the_recipients_name_in_another_spelling_or_a_diminutive_is_theirs():
    from followup.adapters.check_rules import shipped_rules

    addressing = Addressing(shipped_rules()["wrong-name"])
    assert addressing.is_recipient("Viktor", frozenset({"victor"}))
    assert addressing.is_recipient("Khaled", frozenset({"khalid"}))
    assert addressing.is_recipient("Muhammad", frozenset({"mohammed"}))
    assert addressing.is_recipient("Tomek", frozenset({"tomasz"}))
    assert addressing.is_recipient("Dieguito", frozenset({"diego"}))
    assert addressing.is_recipient("Cel", frozenset({"maricel"}))
    # another name that sounds alike is not: another shape, another first vowel, a listed name
    assert not addressing.is_recipient("Petra", frozenset({"peter"}))
    assert not addressing.is_recipient("Hussein", frozenset({"hassan"}))
    assert not addressing.is_recipient("Erika", frozenset({"eric"}))
    assert not addressing.is_recipient("Anika", frozenset({"anil"}))
    assert not addressing.is_recipient("Dana", frozenset({"daniel"}))


def test_a_salutation_to_two_addresses_the_second_unless_both_were_met_together():
    known = frozenset({"sigrid", "haugen", "johan", "lindqvist"})
    assert _another("Sigrid Haugen", "Kjære Sigrid og Johan,\n\nA note.", known) == ["Johan"]
    assert _another("Sigrid Haugen", "Dear Sigrid and team,\n\nA note.", known) == []

    from followup.adapters.check_rules import shipped_rules
    from followup.domain.letters.context import LetterContext

    ctx = LetterContext(
        kind="thank_you",
        recipient="Joy Petersen",
        company="Northgate",
        people=("Joy Petersen", "Sam Okonjo"),
    )
    text = "Good morning Joy and Sam!\n\nThank you both."
    found = Addressing(shipped_rules()["wrong-name"]).addressed(text, ctx, frozenset({"sam"}))
    assert [text[a.start : a.end] for a in found] == ["Joy"]


def test_a_call_that_asks_for_someone_addresses_them_and_a_letter_that_names_them_does_not():
    from followup.adapters.check_rules import shipped_rules
    from followup.domain.letters.context import LetterContext

    addressing = Addressing(shipped_rules()["wrong-name"])
    known = frozenset({"victor", "sam"})
    text = 'Open: "Hello, is this Sam? Ines here."'
    call = LetterContext(kind="call", recipient="Victor Lindgren", company="Northgate")
    assert [text[a.start : a.end] for a in addressing.addressed(text, call, known)] == ["Sam"]
    text = "Could I speak to Sam, please, about the demo?"
    letter = LetterContext(kind="check_in", recipient="Victor Lindgren", company="Northgate")
    assert list(addressing.addressed(text, letter, known)) == []
    assert [text[a.start : a.end] for a in addressing.addressed(text, call, known)] == ["Sam"]


def test_a_postscript_after_a_colon_addresses_the_name_it_opens_with():
    assert _another(
        "Priscilla Wong",
        "Dear Priscilla,\n\nNotes attached.\n\nPS: Mr Fenwick, the tender notes are attached too.",
    ) == ["Mr Fenwick"]


def test_the_pronoun_i_with_its_verb_is_credited_with_nothing():
    from followup.adapters.check_rules import shipped_rules

    data = shipped_rules()["wrong-name"]
    assert _credited(data, "Good to meet you and I'm keen to start.") == []
    assert _credited(data, "Good to meet you and Ingrid on Monday.") == ["Ingrid"]


def test_the_recipients_name_in_a_case_ending_is_theirs_in_a_letter_of_a_language_that_has_one():
    # a vocative ending in a letter that greets, titles or thanks in such a language
    assert _another("Radek Svoboda", "Čau Radku, the list is attached.") == []
    assert _another("Martin Kowalski", "Dobrý den,\n\nMartine, thank you for the call.") == []
    assert _another("Pavel Novák", "Milý Pavle,\n\nthe sheet is attached.") == []
    assert _another("Marek Zieliński", "Cześć Marku,\n\nthe sheet is attached.") == []
    # …but not in an English letter, where the ending makes another name ("Grahame")
    assert _another("Graham Fenwick", "Hello Grahame,\n\nthe sheet is attached.") == ["Grahame"]
    assert _another("Martin Kowalski", "Dear Martine,\n\nThe sheet is attached.") == ["Martine"]
    # …nor where the form is a listed given name, or someone else's in the user's data
    assert _another("Louis Morel", "Ahoj Louise,\n\nthe sheet is attached.") == ["Louise"]
    known = frozenset({"martine"})
    assert _another("Martin Kowalski", "Ahoj Martine,\n\nthe sheet.", known) == ["Martine"]


def test_a_name_at_a_sentences_end_is_spoken_to_only_with_evidence_that_it_is():
    # a common first name, or one word in a sentence that speaks to someone
    assert _another("Graham Fenwick", "Dear Graham,\n\nI hope you had a good weekend, Petra.") == [
        "Petra"
    ]
    assert _another("Graham Fenwick", "Dear Graham,\n\nThanks for the call, Oluwaseun.") == [
        "Oluwaseun"
    ]
    # …not words that rename what the sentence spoke of: a thing, a firm, a person after
    # "him" or "her"
    text = "Dear Graham,\n\nThe buyer is still the co-op, Agrovita."
    assert _another("Graham Fenwick", text) == []
    assert (
        _another("Graham Fenwick", "Dear Graham,\n\nThe one you liked is ours, Baltic Reefers.")
        == []
    )
    assert _another("Graham Fenwick", "Dear Graham,\n\nI think you met him once, Jonas Berg.") == []
    assert _another("Graham Fenwick", "Dear Graham,\n\nDo you remember her, Grace?") == []


def test_a_name_between_commas_that_is_placed_or_described_after_them_is_not_spoken_to():
    text = "Dear Graham,\n\nI met a soil scientist, Dr Anna Berg, at the fair in Leeds."
    assert _another("Graham Fenwick", text) == []
    text = "Dear Graham,\n\nAs you will recall, Dr Berg, we met at the fair."
    assert _another("Graham Fenwick", text) == ["Dr Berg"]


def test_a_name_that_opens_a_clause_after_and_or_a_semicolon_is_spoken_to():
    text = "Dear Graham,\n\nThe list is attached, and Priscilla, I will send you the rest."
    assert _another("Graham Fenwick", text) == ["Priscilla"]
    text = "Dear Graham,\n\nThe list is attached; Joy, please tell me if it works for you."
    assert _another("Graham Fenwick", text) == ["Joy"]
    # …not a place that opens it, nor a name described after its comma
    text = "Dear Graham,\n\nWe cover Leeds and York; Bradford, I think, comes next year."
    assert _another("Graham Fenwick", text) == []
    text = "Dear Graham,\n\nThanks for the call, and Priya, my colleague, will send the file."
    assert _another("Graham Fenwick", text) == []


def _addressed_as(kind: str, text: str) -> list[str]:
    """The names a letter of `kind` to Graham Fenwick addresses, Priscilla Wong having been met
    with him."""
    from followup.adapters.check_rules import shipped_rules
    from followup.domain.letters.context import LetterContext

    ctx = LetterContext(
        kind=kind,
        recipient="Graham Fenwick",
        company="Larkspur Energy",
        people=("Graham Fenwick", "Priscilla Wong"),
    )
    found = Addressing(shipped_rules()["wrong-name"]).addressed(text, ctx, ctx.people_parts)
    return [text[a.start : a.end] for a in found]


def test_two_people_met_together_are_greeted_together_in_a_thank_you_or_a_letter_to_both():
    greeting = "Dear Graham and Priscilla,\n\n"
    assert _addressed_as("thank_you", greeting + "Thank you for Tuesday.") == ["Graham"]
    assert _addressed_as("check_in", greeting + "A note for you both: the tenders are out.") == [
        "Graham"
    ]
    assert _addressed_as("check_in", greeting + "Each of you asked for the list.") == ["Graham"]
    # …a letter written to one greets the other as well: someone other than the recipient
    assert _addressed_as("check_in", greeting + "The tenders are out.") == ["Graham", "Priscilla"]
    assert _addressed_as("check_in", "Morning Graham & Priscilla -\n\nThe tenders are out.") == [
        "Graham",
        "Priscilla",
    ]


def test_a_name_in_apposition_to_a_noun_of_a_person_is_a_third_party_not_addressed():
    assert _addressed("Dear Graham,\n\nThe best advice came from an old colleague, Tariq.") == [
        ("Graham", ("Graham",))
    ]
    assert _addressed("Dear Graham,\n\nI met your colleague in Leeds, Tariq, at the fair.") == [
        ("Graham", ("Graham",))
    ]
    # …a wish at a sentence's end speaks to the name after it
    assert _addressed("Dear Graham,\n\nThe map is attached. Have a lovely weekend, Tariq!") == [
        ("Graham", ("Graham",)),
        ("Tariq", ("Tariq",)),
    ]


def test_a_call_scripts_heading_in_another_language_is_no_salutation_and_its_bullet_greets():
    # one word for a call before a dash or a colon heads the script: the greeting is read after
    assert _addressed_to("Ana Ruiz", "Anruf – Ana Ruiz, Talvane\n\n- Hi Ana, Ines here.") == [
        ("Ana",)
    ]
    assert _addressed_to("Ana Ruiz", "Llamada: Ana Ruiz\n• Hello Ana, it is Ines.") == [("Ana",)]
    # …and the greeting of the bullet after a heading speaks to whom it names
    assert _addressed_to("Ana Ruiz", "Call notes\n\n- Bonjour Madame Okafor, Ines here.") == [
        ("Okafor",)
    ]
    assert _addressed_to("Ana Ruiz", "Script\n* Guten Tag Frau Wei, Ines hier.") == [("Wei",)]


def test_a_name_with_a_job_title_set_off_by_commas_on_its_line_is_given_not_addressed():
    text = "My referee:\n\nMr Tobias Renner, Head of Finance, Halcyon Freight, +44 20 7946 0321."
    assert _addressed_to("Ana Ruiz", text) == []
    text = "Here you are:\nDr Amara Nwosu, Senior Lecturer, Leeds."
    assert _addressed_to("Ana Ruiz", text) == []
    # a name spoken to at a line's start still is
    assert _addressed_to("Ana Ruiz", "Thanks for Tuesday.\nSara, thank you again.") == [("Sara",)]
