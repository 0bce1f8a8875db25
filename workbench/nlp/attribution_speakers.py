"""Who a pronoun speaker is: the most recent compatible person, organisation or group.

"she said" needs a name the analyst can use. The candidates are the article's noun
phrases that can speak (named people, organisations, countries; role nouns such as "the
minister", "doctors"), in text order. A pronoun takes the most recent one that agrees with
it — he/she: one person, of that gender when an honorific or role noun tells it ("Ms.",
"spokesman"); they: a plural or coordinated phrase; it: one organisation or document — but
a speaker quoted in the same or the previous sentence comes first, since wire copy carries
one speaker across sentences ("X said … He added …"), and then the subject of those
sentences, over names they merely mention. A surname alone is the person named in full
before it ("Mateen" after "Seddique Mir Mateen"). A pronoun inside the content of
another attribution stands for that attribution's speaker ("the ambassador stated that he
believes …"). Names inside quotations are not candidates.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass, field

from workbench.nlp import attribution_lexicon as lex
from workbench.nlp.attribution_grammar import PRONOUNS, SUBJECTS, can_speak, noun_phrase, speaker_kind

# How many paragraphs back a pronoun may reach.
PARAGRAPH_WINDOW = 2


@dataclass
class Mention:
    """A phrase that could be a speaker: [start, end) in the article; `at` is where it was
    last referred to (its own position, or that of a pronoun resolved to it)."""

    start: int
    end: int
    at: int
    kind: str  # person, group, document
    plural: bool
    gender: str | None
    paragraph: int
    sentence: int
    speaker: bool = False
    subject: bool = False  # the subject of its clause: the likelier antecedent


@dataclass
class Discourse:
    """The mentions of one article so far, in reading order."""

    mentions: list[Mention] = field(default_factory=list)  # sorted by `at`
    placed: dict[tuple[int, int, int], Mention] = field(default_factory=dict)  # by (start, end, at)
    genders: dict[str, str] = field(default_factory=dict)  # surname → "m"/"f", from honorifics
    surnames: set[str] = field(default_factory=set)  # last words of people's full names so far

    def add_doc(self, doc, offset: int, paragraph: int, sentence_of: dict[int, int], quotes) -> None:
        """Record the doc's speaker-like noun phrases (outside quotations)."""
        self.surnames.update(
            e[-1].text
            for e in doc.ents
            if e.label_ == "PERSON" and len(e) > 1 and not e[-1].is_upper and e[-1].lower_ not in lex.NOT_SPEAKERS
        )  # not "Tower" of a "Trump Tower" taken for a person
        for token in doc:
            if token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound" or _predicate(token):
                continue
            if not (token.text in self.surnames or can_speak(token)):
                continue  # a surname counts even where NER ran it into a date ("May 23, 2015, Mateen")
            if any(q0 <= token.idx < q1 for q0, q1 in quotes):
                continue
            for coordinated in (True, False) if _has_conj(token) else (False,):
                first, last = noun_phrase(token, coordinated=coordinated)
                tokens = doc[first : last + 1]
                start, end = tokens.start_char + offset, tokens.end_char + offset
                plural = coordinated or (token.tag_ in ("NNS", "NNPS") and token.ent_type_ != "PERSON")
                kind = "person" if token.text in self.surnames else _kind(token)
                gender = self._gender(tokens)
                if kind == "document" and token.dep_ not in ("nsubj", "nsubjpass"):
                    continue  # a document speaks only as a subject: not "In a statement, it said"
                subject = token.dep_ in SUBJECTS
                self.add(
                    Mention(start, end, start, kind, plural, gender, paragraph, sentence_of[token.i], False, subject)
                )

    def add(self, mention: Mention) -> Mention:
        known = self.placed.get((mention.start, mention.end, mention.at))
        if known is not None:
            known.speaker = known.speaker or mention.speaker
            return known
        self.placed[mention.start, mention.end, mention.at] = mention
        insort(self.mentions, mention, key=lambda m: m.at)
        return mention

    def speaker_at(self, start: int, end: int, paragraph: int, sentence: int, *, quoted: bool = False) -> Mention:
        """Mark the phrase at [start, end) as a speaker (adding it if it is new). A speaker
        named inside a quotation is not recorded: no pronoun outside it stands for them."""
        mention = Mention(start, end, start, "group", False, None, paragraph, sentence, speaker=True)
        return mention if quoted else self.add(mention)

    def resolve(self, pronoun, at: int, paragraph: int, sentence: int, holder: Mention | None) -> Mention | None:
        """The mention a pronoun speaker stands for, or None when no candidate agrees."""
        word = PRONOUNS[pronoun.lower_]
        found = (
            holder
            if holder is not None and self._agrees(holder, word)
            else self._antecedent(word, at, paragraph, sentence)
        )
        if found is None:
            return None
        if word in ("he", "she") and found.gender is None:
            found.gender = "m" if word == "he" else "f"
        subject = pronoun.dep_ in SUBJECTS
        moved = Mention(
            found.start, found.end, at, found.kind, found.plural, found.gender, paragraph, sentence, True, subject
        )
        return self.add(moved)

    def _antecedent(self, word: str, at: int, paragraph: int, sentence: int) -> Mention | None:
        """A speaker of the same or the previous sentence; else, of the agreeing mentions in
        those sentences (or in the sentence of the latest one, further back), the latest
        subject ("Engoron took on a more passive role in policing Trump's statements. He
        told …"), else the latest mention."""
        found: list[Mention] = []  # agreeing mentions, latest first
        for mention in reversed(self.mentions[: bisect_left(self.mentions, at, key=lambda m: m.at)]):
            if mention.paragraph < paragraph - PARAGRAPH_WINDOW:
                break
            if found and mention.sentence < min(sentence - 1, found[0].sentence):
                break
            if not self._agrees(mention, word):
                continue
            if mention.speaker and mention.sentence >= sentence - 1:
                return mention
            found.append(mention)
        return next((m for m in found if m.subject), found[0]) if found else None

    @staticmethod
    def _agrees(mention: Mention, word: str) -> bool:
        if word in ("he", "she"):
            return (
                mention.kind == "person"
                and not mention.plural
                and mention.gender in (None, word == "he" and "m" or "f")
            )
        if word == "they":
            return mention.plural
        return not mention.plural and mention.kind in ("group", "document")  # it

    def _gender(self, tokens) -> str | None:
        words = {t.lower_ for t in tokens}
        surname = tokens[-1].lower_ if tokens[-1].pos_ == "PROPN" else None
        gender = "m" if words & lex.MALE_WORDS else "f" if words & lex.FEMALE_WORDS else None
        if surname:
            if gender:
                self.genders[surname] = gender
            gender = gender or self.genders.get(surname)
        return gender


def _predicate(token) -> bool:
    """A noun saying what another is ("He is the president", "declared himself a
    candidate"): it describes a referent, it is none."""
    return token.dep_ in ("attr", "oprd") or any(c.dep_ == "nsubj" for c in token.children)


def _has_conj(token) -> bool:
    return any(c.dep_ == "conj" for c in token.children)


def _kind(token) -> str:
    if token.ent_type_ == "PERSON":
        return "person"
    if token.ent_type_ in ("ORG", "GPE", "NORP"):
        return "group"
    kind = speaker_kind(token)
    if kind:
        return kind
    if token.lemma_.lower() in lex.DOCUMENT_NOUNS:
        return "document"
    return "person" if token.pos_ == "NOUN" else "group"
