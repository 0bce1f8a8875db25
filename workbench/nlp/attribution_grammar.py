"""The grammar of attribution in the dependency parse: who can speak, a speaker's name as
an analyst would write it, the speaker of a reporting verb, reporting and content clauses.

Functions take spaCy tokens and return tokens or token indices; compare tokens with `==`
(spaCy makes a new Token object on every access).
"""

from __future__ import annotations

from workbench.nlp import attribution_lexicon as lex

SPEAKER_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
SUBJECTS = ("nsubj", "nsubjpass")
RELATIVE_WORDS = frozenset({"who", "which", "that", "whom"})
# Third-person pronouns that may stand for a speaker, by their subject form.
PRONOUNS = {"he": "he", "him": "he", "his": "he", "she": "she", "her": "she", "they": "they", "them": "they",
            "their": "they", "it": "it", "its": "it"}  # fmt: skip
QUANTIFIERS = frozenset({"both", "all", "each", "either", "neither"})
# Prepositions of time and place that hang on a speaker but are not part of the name.
CIRCUMSTANCE_PREPS = frozenset({"on", "in", "at", "during", "after", "before"})
# Prepositions that give the channel a speaker spoke through ("over email", "via a spokesman").
CHANNEL_PREPS = frozenset({"over", "via"})


def is_pronoun(token) -> bool:
    return token.pos_ == "PRON" and token.lower_ in PRONOUNS


def speaker_kind(token) -> str | None:
    """ "person" or "group" for a noun that names one by its role; None otherwise."""
    lemma, word = token.lemma_.lower(), token.lower_
    if lemma in lex.PERSON_NOUNS or word in lex.PERSON_NOUNS:
        return "person"
    if lemma in lex.GROUP_NOUNS or word in lex.GROUP_NOUNS:
        return "group"
    return None


def can_speak(token) -> bool:
    """Whether a noun phrase headed by `token` can be a speaker: a person, an organisation,
    a country or group, a document, or a pronoun that may stand for one."""
    if token.pos_ == "PRON":
        return token.lower_ in PRONOUNS  # not "some argue": a speaker the analyst cannot use
    if token.ent_type_ in SPEAKER_ENTITIES or token.pos_ == "PROPN" or _capitalised_inside(token):
        return token.ent_type_ not in ("DATE", "TIME")
    if any(c.dep_ in ("compound", "amod") and c.ent_type_ in ("PERSON", "ORG") for c in token.children):
        return True
    lemma = token.lemma_.lower()
    if speaker_kind(token) is not None or lemma in lex.DOCUMENT_NOUNS:
        return True
    if lemma in lex.QUANTITY_NOUNS:  # "a number of analysts", "dozens of witnesses", "one of them"
        return any(
            c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and _people(o) for o in c.children)
            for c in token.children
        )
    if lemma in lex.NOT_SPEAKERS or token.pos_ != "NOUN":
        return False
    return any(lemma.endswith(suffix) and len(lemma) - len(suffix) >= stem for suffix, stem in lex.SPEAKER_SUFFIXES)


def _people(token) -> bool:
    """People by name, nationality, role or pronoun (not "a number of posts")."""
    return token.ent_type_ in ("PERSON", "NORP") or speaker_kind(token) == "person" or is_pronoun(token)


def _capitalised_inside(token) -> bool:
    """A capitalised noun inside a sentence is a name the tagger took for a common noun
    ("Coombes says", a surname the recogniser missed)."""
    return token.pos_ == "NOUN" and token.text[:1].isupper() and not token.is_sent_start


def noun_phrase(token, coordinated: bool = True) -> tuple[int, int]:
    """Token bounds of the speaker's name as an analyst would write it: the whole noun
    phrase with titles, appositions ("Russia's Ambassador to North Korea, Alexander
    Matsegora") and coordinated names ("Russia and North Korea"; only the first with
    coordinated=False), without relative or participial clauses, time phrases, the channel
    ("over email"), phrases a person's name does not take ("Morales in English"), a leading
    "both", or "the" before a name ("the Kremlin" → "Kremlin")."""
    doc = token.doc
    cut = [
        d
        for d in token.subtree
        if d != token
        and (
            d.dep_ in ("relcl", "advcl", "parataxis", "ccomp")
            or (d.dep_ == "acl" and (d.tag_ == "VBG" or comma_before(d)))
            or (d.dep_ == "prep" and d.lower_ in CIRCUMSTANCE_PREPS and is_time(d))
            or (d.dep_ == "prep" and any(g.dep_ == "pcomp" for g in d.children))
            or (d.dep_ == "prep" and d.lower_ in CHANNEL_PREPS)  # "…, a climate scientist, over email"
            or (d.dep_ == "prep" and d.head == token and token.ent_type_ == "PERSON" and not _names_a_body(d))
            or (d.head == token and d.dep_ == "preconj")
            or (not coordinated and d.head == token and d.dep_ in ("conj", "cc"))
        )
    ]
    # the phrase's own words, in one stretch: a parse that crosses itself ("As scores of
    # farmers went into hiding, a senior official called …" with the official hung on
    # "scores") leaves words of other phrases between the subtree's edges
    inside = {t.i for t in token.subtree} - {t.i for d in cut for t in d.subtree}
    first = last = token.i
    while first - 1 in inside:
        first -= 1
    while last + 1 in inside:
        last += 1
    first = _name_start(doc, first)
    while first < last and (doc[first].is_punct or doc[first].lower_ in ("both", "either", "neither")):
        first += 1
    while last > first and (doc[last].is_punct or doc[last].dep_ == "cc" or _possessive_mark(doc[last], token)):
        last -= 1
    words = [t.text for t in doc[first : last + 1]]
    if words.count("(") > words.count(")") and last + 1 < len(doc) and doc[last + 1].text == ")":
        last += 1  # "Bill Shorten of the Australian Workers Union (AWU)": the bracket closes
    if doc[first].lower_ == "the" and first < last and token.pos_ == "PROPN":
        first += 1
    return first, last


def _possessive_mark(word, head) -> bool:
    """The "'s" of a possessor ("Russia's" in "Russia's claim"), not of a name that ends in
    one ("Moody's said", "McDonald's")."""
    return word.tag_ == "POS" and not (word.head == head and head.dep_ in SUBJECTS)


def _names_a_body(prep) -> bool:
    """ "Jane Smith of Reuters", "Kim of North Korea": a person's affiliation, kept with the
    name; "said Martinez of the visit", "Morales in English" are the sentence's, not the name's."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("ORG", "GPE", "NORP", "FAC") for c in prep.children)


def _name_start(doc, first: int) -> int:
    """Names with particles ("Erik ten Hag") can split in the parse: take back the proper
    nouns and title compounds right before the phrase."""
    sent_start = doc[first].sent.start
    while first > sent_start:
        before = doc[first - 1]
        if before.ent_type_ in ("DATE", "TIME") or before.dep_ in ("pobj", "nsubj", "dobj", "poss"):
            break
        if not (before.pos_ == "PROPN" or (before.dep_ == "compound" and before.pos_ == "NOUN")):
            break
        first -= 1
    return first


def comma_before(token) -> bool:
    i = token.left_edge.i
    return i > 0 and token.doc[i - 1].text == ","


def is_time(prep) -> bool:
    return any(c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def own_subject(verb):
    """The verb's subject; of two ("both, Russia and North Korea have …"), the one that is
    not a quantifier, and the name of a description and name the parser split ("The
    coroner for that case, Sherrif Payne, told …")."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    named = [c for c in subjects if c.lower_ not in QUANTIFIERS]
    if len(named) == 2 and named[1].pos_ == "PROPN" and verb.doc[named[1].left_edge.i - 1].text == ",":
        return named[1]
    return (named or subjects or [None])[0]


def is_passive(verb) -> bool:
    """A passive subject, or a passive auxiliary right before the verb (the parser also
    hangs a fronted quoted question's "Is" on the reporting verb as one)."""
    doc = verb.doc
    return any(
        c.dep_ == "nsubjpass"
        or (
            c.dep_ == "auxpass"
            and c.i < verb.i
            and all(t.pos_ in ("ADV", "PART", "AUX") for t in doc[c.i + 1 : verb.i])
        )
        for c in verb.children
    )


def agent_of(verb):
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def speaker_of(verb, depth: int = 0):
    """The token heading the speaker of a reporting verb: its subject, the agent of a
    passive ("was denied by the ministry"), the noun a relative clause hangs on ("the
    ministry, which said …"), or the speaker it shares with the verb it depends on
    ("declined to say", "confirmed and added", "…, saying …"; a participle after a comma
    goes to the nearest reporting verb above it, where the parser hung it on the content)."""
    if depth > 4:
        return None
    if is_passive(verb):
        agent = agent_of(verb)
        if agent is not None or verb.lemma_.lower() in lex.VERBS:
            return agent
    subject = own_subject(verb)
    if subject is not None:
        return verb.head if subject.lower_ in RELATIVE_WORDS and verb.dep_ == "relcl" else subject
    stolen = _stolen_subject(verb)
    if stolen is not None:
        return stolen
    head = verb.head
    if head == verb:
        return None
    if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN"):
        # a past participle with no "has" is passive: "Miller, when asked if …" was asked
        return None if verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children) else head
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and comma_before(verb):
        above = head
        while above.head != above and not reports(above):
            above = above.head
        if reports(above):
            head = above
    if verb.dep_ == "conj" or (verb.dep_ in ("xcomp", "advcl", "pcomp") and verb.tag_ in ("VBG", "VB")):
        if head.pos_ == "ADP":  # "was quoted as saying": the one quoted says it
            head = head.head
            if is_passive(head):
                return own_subject(head)
        if head.pos_ in ("VERB", "AUX"):
            return speaker_of(head, depth + 1)
    return None


def verb_speaker(verb):
    """The speaker of a reporting verb if it can speak (a document standing for its
    author), else None."""
    speaker = speaker_of(verb)
    if speaker is None:
        return None
    speaker = as_author(speaker)
    return speaker if can_speak(speaker) else None


def _stolen_subject(verb):
    """ "The spokesman, asked about the reports, said …": the parser may read "asked" as the
    spokesman's verb and leave "said" without a subject."""
    doc = verb.doc
    for clause in verb.lefts:
        subject = own_subject(clause) if clause.dep_ in ("advcl", "parataxis", "ccomp") else None
        if subject is not None and subject.i < clause.i and doc[clause.i - 1].text == ",":
            return subject
    return None


def as_author(token):
    """A document stands for its author when the text names one: "a report by X", "X's
    statement", "the statement, carried by X", "the ministry issued a statement saying …"."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in lex.DOCUMENT_NOUNS:
        return token
    for c in token.children:
        if c.dep_ == "poss" and can_speak(c):
            return c
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and c.lower_ == "from" and token.tag_ == "NNS" and pobj.ent_type_ in ("GPE", "LOC"):
                return token  # "reports from London": where they come from, not who wrote them
            if pobj is not None and can_speak(pobj):
                return pobj
        if c.dep_ == "acl" and c.tag_ == "VBN":
            agent = agent_of(c)
            if agent is not None and can_speak(agent):
                return agent
    if token.dep_ == "dobj" and token.head.pos_ == "VERB":
        subject = own_subject(token.head)
        if subject is not None and can_speak(subject):
            return subject
    return token


def clause_bounds(verb) -> tuple[int, int]:
    """The reporting clause around a verb whose content is a noun phrase: its subject, the
    verb and its complements; not what precedes the subject ("However, …", "In a
    statement, …"), a passive's "by" agent, coordinated verbs, or what follows a comma
    after the verb ("…, saying …", "…, a charge it denies")."""
    subject = own_subject(verb)
    kept = [
        c
        for c in verb.children
        if c.dep_ not in ("punct", "cc", "conj", "mark", "parataxis", "relcl", "agent")
        and c.lower_ != "according"
        and not (c.i > verb.i and comma_before(c))
        and not (subject is not None and c.i < subject.i)
    ]
    first = min([verb.i] + [c.left_edge.i for c in kept])
    last = max([verb.i] + [c.right_edge.i for c in kept])
    return first, last


def clause_child(token):
    """A content clause on a verb or noun: a ccomp after it, or a "that" clause on a noun
    ("claims that …")."""
    for c in token.children:
        if c.dep_ == "ccomp" and c.i > token.i:
            return c
    for c in token.children:
        if c.dep_ == "acl" and c.left_edge.lower_ == "that" and c.tag_ not in ("VBG", "VBN", "TO"):
            return c
        if c.dep_ == "acl" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            return c
    return None


def modifiers_start(noun) -> int:
    """Where a noun starts with its adjectives and compounds, without its determiner."""
    return min([noun.i] + [c.left_edge.i for c in noun.children if c.dep_ in ("amod", "compound")])


def light_noun(verb):
    """The attitude or statement noun of a light verb: "expressed concern", "raised doubts"."""
    return next(
        (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in lex.LIGHT_NOUNS), None
    )


def reports(token) -> bool:
    """A reporting verb, "quote", or a light verb with an attitude noun ("voiced concern")."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB":
        return False
    return lemma in lex.VERBS or lemma == "quote" or (lemma in lex.LIGHT_VERBS and light_noun(token) is not None)
