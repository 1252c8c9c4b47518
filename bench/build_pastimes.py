"""Build `src/followup/checks/pastimes.txt`, the words of private life the letter check's
new-topic rule reads beside the lexicon of its rule data: dishes and fruit, games and sports,
pets, holidays and feasts, illnesses, films and music, kin, faith, weather, cars and boats
("durian", "handball", "whippets", "shingles", "sitar", "stepdaughter").

Source, shipped inside its package (nothing is downloaded): Princeton WordNet 3.0 (the WordNet
licence, a BSD-like one), through Debian's `wordnet-base` (/usr/share/wordnet). A noun is kept
in the domain of ROOTS below under which its commonest sense falls, by its hypernyms (the
commonest sense is the first WordNet lists, leaving out the plant a fruit grows on), and only
where:
- it is not also a verb, an adjective or an adverb ("back", "cook", "game", "fair": the rule
  reads words, not their part of speech);
- its commonest sense is not a name (an instance: "Thor", "Cagney");
- half its senses or more fall under a root of private life (not "feeder", one in four);
- it is met at least COMMON times in the word frequencies pyspellchecker ships (from
  subtitles: "durian" 170, "whippet" 100; "satay" 71 and "chough" 50 are left out), which keeps
  the words people write and drops the Latin of zoology;
- it is no word of work as the rule's data names them ("course") nor one of SENSES_OF_WORK,
  four letters or more, one word in lowercase letters (a compound, "iced coffee", is read
  word by word).
Its regular plurals are kept beside it ("whippets", "mangoes"), unless WordNet has them as a
word of their own or of another kind ("arms", "goods").

Each line is a domain, a tab and its words split by spaces, sorted, written the same way each
time, so that a rebuild with the same packages changes nothing. The check reads the file when
it first reads a letter for new topics, once (adapters/pastimes.py, domain/letters/personal.py).

Run: .venv/bin/python bench/build_pastimes.py
(needs: apt-get install wordnet-base; pyspellchecker, which the check installs already)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

WORDNET = Path("/usr/share/wordnet")
HERE = Path(__file__).parent
OUT = HERE.parent / "src" / "followup" / "checks" / "pastimes.txt"
RULES = HERE.parent / "src" / "followup" / "checks" / "rules.json"

# the roots of each domain, as "lemma.n.NN" (the NN-th sense WordNet lists for the lemma)
ROOTS: dict[str, tuple[str, ...]] = {
    "food and drink": (
        "food.n.02",
        "dish.n.02",
        "beverage.n.01",
        "edible_fruit.n.01",
        "vegetable.n.01",
        "edible_nut.n.01",
        "meal.n.01",
        "course.n.07",
        "nutriment.n.01",
    ),
    "sport and fitness": (
        "sport.n.01",
        "game.n.01",
        "game.n.03",
        "athletic_contest.n.01",
        "exercise.n.01",
        "athlete.n.01",
        "sports_equipment.n.01",
        "game_equipment.n.01",
        "tournament.n.01",
    ),
    "leisure": ("diversion.n.01", "hobby.n.01", "toy.n.01", "plaything.n.01"),
    "culture": (
        "movie.n.01",
        "concert.n.01",
        "musical_instrument.n.01",
        "dance.n.01",
        "dance.n.02",
        "music_genre.n.01",
        "novel.n.01",
        "play.n.01",
        "musician.n.01",
        "singer.n.01",
        "actor.n.01",
        "dancer.n.01",
        "show.n.03",
    ),
    "pets and animals": ("animal.n.01", "pet.n.01"),
    "celebrations": (
        "holiday.n.02",
        "festival.n.01",
        "festival.n.02",
        "birthday.n.01",
        "anniversary.n.01",
        "wedding.n.01",
        "wedding.n.02",
        "party.n.02",
        "celebration.n.01",
        "celebration.n.02",
        "religious_holiday.n.01",
    ),
    "travel": (
        "vacation.n.01",
        "resort.n.01",
        "resort_area.n.01",
        "beach.n.01",
        "cruise.n.01",
        "sightseeing.n.01",
        "tourist.n.01",
    ),
    "family and home": (
        "relative.n.01",
        "spouse.n.01",
        "child.n.01",
        "child.n.02",
        "baby.n.01",
        "parent.n.01",
        "grandparent.n.01",
        "fiance.n.01",
        "fiancee.n.01",
        "bride.n.01",
        "bridegroom.n.01",
        "wedding_anniversary.n.01",
    ),
    "faith": (
        "religion.n.01",
        "religion.n.02",
        "clergyman.n.01",
        "religious_person.n.01",
        "place_of_worship.n.01",
        "religious_ceremony.n.01",
        "deity.n.01",
        "prayer.n.01",
        "prayer.n.02",
        "scripture.n.01",
        "sacrament.n.01",
    ),
    "health": (
        "illness.n.01",
        "disease.n.01",
        "injury.n.01",
        "ill_health.n.01",
        "surgery.n.01",
        "pregnancy.n.01",
        "symptom.n.01",
        "ache.n.01",
    ),
    "weather": (
        "weather.n.01",
        "atmospheric_phenomenon.n.01",
        "precipitation.n.03",
        "storm.n.01",
        "wind.n.01",
    ),
    "possessions": (
        "car.n.01",
        "motorcycle.n.01",
        "bicycle.n.01",
        "boat.n.01",
        "motor_vehicle.n.01",
        "yacht.n.01",
        "jewelry.n.01",
        "dwelling.n.01",
    ),
}
# the rule's own domain names where they are the same matters
NAMES = {"leisure": "culture", "celebrations": "leisure time", "possessions": "money and ventures"}
# words whose commonest sense is of private life in WordNet but of work in a letter
SENSES_OF_WORK = frozenset({"playing", "toying", "congestion", "pest", "vintage", "gala"})
COMMON = 100  # times a word is met in the frequency list, at least
_KEPT = re.compile(r"^[a-z]+$")


def read_wordnet() -> tuple[
    dict[str, tuple[list[str], bool]], dict[str, list[str]], set[str], set[str]
]:
    """The noun synsets (offset -> hypernym offsets, whether it is an instance), the nouns
    (lemma -> offsets, commonest first), the lemmas of the other parts of speech and the
    synsets of plants."""
    synsets: dict[str, tuple[list[str], bool]] = {}
    plants: set[str] = set()
    for line in (WORDNET / "data.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        parts = line.partition(" | ")[0].split()
        count = int(parts[3], 16)
        at = 4 + 2 * count
        pointers = int(parts[at])
        kinds = [parts[at + 1 + 4 * k] for k in range(pointers)]
        up = [parts[at + 2 + 4 * k] for k in range(pointers) if kinds[k] in ("@", "@i")]
        # an instance ("Thor", "Cagney") is a name, not a word of the domain
        synsets[parts[0]] = (up, "@i" in kinds and "@" not in kinds)
        if parts[1] == "20":  # noun.plant: the tree of a fruit ("durian") says nothing either way
            plants.add(parts[0])
    nouns: dict[str, list[str]] = {}
    for line in (WORDNET / "index.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        parts = line.split()
        senses = int(parts[2])
        nouns[parts[0]] = parts[-senses:]
    others: set[str] = set()
    for pos in ("verb", "adj", "adv"):
        for line in (WORDNET / f"index.{pos}").read_text(encoding="latin-1").splitlines():
            if not line.startswith("  "):
                others.add(line.split()[0])
    return synsets, nouns, others, plants


def above(offset: str, synsets: dict[str, tuple[list[str], bool]]) -> list[str]:
    """The synset and all its hypernyms, the nearest first."""
    seen = [offset]
    at = 0
    while at < len(seen):
        for up in synsets[seen[at]][0]:
            if up not in seen:
                seen.append(up)
        at += 1
    return seen


def domain_of(
    offset: str, synsets: dict[str, tuple[list[str], bool]], roots: dict[str, str]
) -> str:
    """The domain of the root nearest above the synset, or "" where none is."""
    return next((roots[o] for o in above(offset, synsets) if o in roots), "")


def _plurals(word: str) -> list[str]:
    """The regular plurals of a noun ("jars", "peaches", "berries", "mangos" and "mangoes");
    none of a word that ends in "s" already ("hives", "mumps")."""
    if word.endswith("s"):
        return []
    if re.search(r"(?:x|z|ch|sh)$", word):
        return [word + "es"]
    if re.search(r"[^aeiou]y$", word):
        return [word[:-1] + "ies"]
    if re.search(r"[^aeiou]o$", word):
        return [word + "s", word + "es"]
    return [word + "s"]


def build() -> list[str]:
    from spellchecker import SpellChecker  # its word frequencies (the spelling rule's package)

    frequency = SpellChecker().word_frequency
    synsets, nouns, others, plants = read_wordnet()
    roots: dict[str, str] = {}
    for domain, names in ROOTS.items():
        for name in names:
            lemma, _, number = name.rsplit(".", 2)
            roots.setdefault(nouns[lemma][int(number) - 1], NAMES.get(domain, domain))
    rules = json.loads(RULES.read_text())["new-topic"]
    work = {str(w).lower() for w in rules.get("work", [])}
    found: dict[str, str] = {}
    for lemma, offsets in sorted(nouns.items()):
        word = lemma.replace("_", " ")
        parts = [word]
        if (
            word in SENSES_OF_WORK
            or not _KEPT.match(word)
            or len(word) < 4
            or lemma in others
            or work.intersection(parts)
            or any(frequency[part] < COMMON for part in parts)
            or synsets[offsets[0]][1]
        ):
            continue
        senses = [o for o in offsets if o not in plants] or offsets
        domains = [domain_of(o, synsets, roots) for o in senses]
        # its commonest sense and half its senses or more are of private life (not "feeder",
        # one sense in four); the plant a fruit grows on counts neither way
        if domains[0] and 2 * sum(bool(d) for d in domains) >= len(domains):
            found[word] = domains[0]
            for plural in _plurals(word):
                if plural not in others and plural not in work and plural not in nouns:
                    found.setdefault(plural, domains[0])
    by_domain: dict[str, list[str]] = {}
    for word, domain in sorted(found.items()):
        by_domain.setdefault(domain, []).append(word)
    return [f"{d}\t{' '.join(words)}" for d, words in sorted(by_domain.items())]


def main() -> None:
    lines = build()
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {sum(len(line.split()) for line in lines) - 2 * len(lines)} words")


if __name__ == "__main__":
    main()
