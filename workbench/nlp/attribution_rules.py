"""Attributions in one parsed paragraph: who says what, read off the dependency parse.

Each `Frame` pairs a cue (a reporting verb, "according to", a statement noun, a light verb
with an attitude noun) with its content and its speaker, as character offsets in one spaCy
Doc. Pronoun speakers are left for attribution_speakers to resolve across the article.

Claim span rule: where the content is a clause (a "that"/reported clause, a quotation, the
host clause of "according to", the "that" clause of "claims that …"), the span is that
clause, without "that" and without enclosing quotation marks; a quotation that runs over
several sentences is taken whole, and one broken off by its reporting clause (“Well,” she
said, “then …”) runs on to the end of the part that resumes it. Where the content is only a
noun phrase ("denied the allegations", "accused X of Y", "raised concerns over Y"), the span
is the reporting clause itself, speaker and verb included (a passive's "by" agent left out),
since the object alone does not read as a statement. A content never swallows another attribution hung on it after
a comma ("…, adding that …", "…, but X said …").
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from workbench.nlp import attribution_lexicon as lex
from workbench.nlp.attribution_grammar import (
    CIRCUMSTANCE_PREPS,
    SPEAKER_ENTITIES,
    SUBJECTS,
    agent_of,
    as_author,
    can_speak,
    clause_bounds,
    clause_child,
    comma_before,
    is_passive,
    is_pronoun,
    is_time,
    light_noun,
    modifiers_start,
    noun_phrase,
    own_subject,
    reports,
    speaker_kind,
    verb_speaker,
)
from workbench.nlp.attribution_spans import (
    char_bounds,
    quotations,
    quote_around,
    subtree_bounds,
    token_at,
    trim_quotes,
)

# Quotations of at most this many words, none a verb, are not statements (see is_fragment).
FRAGMENT_WORDS = 3
# How a writer's clause hangs on a speaker's content, after a comma.
CLAUSE_DEPS = frozenset({"advcl", "conj", "appos", "relcl", "parataxis", "npadvmod"})


@dataclass
class Frame:
    """One attribution found in a doc; offsets are characters into doc.text."""

    content: tuple[int, int]
    cue: tuple[int, int]
    source: tuple[int, int] | None  # the speaker's noun phrase, unless a pronoun
    pronoun: object | None  # the pronoun token when the speaker is one (resolved later)
    stance: str
    head: object = None  # the cue's token
    quoted: bool = False  # the content is a quotation
    nested_in: Frame | None = None  # a frame whose content holds this frame's pronoun


def find_frames(doc, quotes: list[tuple[int, int]] | None = None) -> list[Frame]:
    """Every attribution in the doc, in text order of their cues (`quotes`: the doc's
    quotations, when already found)."""
    quotes = quotations(doc.text) if quotes is None else quotes
    frames: list[Frame] = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
            frame = _according_to(token, quotes)
        elif token.pos_ in ("VERB", "AUX") and lemma in lex.LIGHT_VERBS and light_noun(token) is not None:
            frame = _light_verb(token)
        elif token.pos_ == "VERB" and lemma in lex.VERBS:
            frame = _reporting_verb(token, quotes)
        elif token.pos_ == "NOUN" and lemma in lex.ATTRIBUTION_NOUNS:
            frame = _statement_noun(token)
        else:
            frame = None
        if frame is not None:
            frame.head = token
            around = quote_around(quotes, *frame.content)
            if around is not None and not around[0] <= frame.cue[0] < around[1]:
                frame.content = trim_quotes(doc.text, *around) or frame.content  # the whole quotation
            frame.quoted = frame.quoted or around is not None
            if frame.quoted:
                frame.content = _resumed(doc.text, quotes, frame) or frame.content
                if is_fragment(doc, frame.content):
                    continue
            frames.append(frame)
    _cut_swallowed(frames)
    _mark_nesting(frames)
    return frames


# ---------------------------------------------------------------------------------------------
# Contents


def is_fragment(doc, content: tuple[int, int]) -> bool:
    """A quotation of a few words and no verb, or of one word, states nothing on its own:
    an answer (“Probably,” Trump said; “Yes, primarily”; “Done”), an interjection, a word
    quoted."""
    span = doc.char_span(*content, alignment_mode="expand")
    words = [t for t in span if not t.is_punct] if span is not None else []
    return len(words) <= 1 or (len(words) <= FRAGMENT_WORDS and not any(t.pos_ in ("VERB", "AUX") for t in words))


def _resumed(text: str, quotes: list[tuple[int, int]], frame: Frame) -> tuple[int, int] | None:
    """A quotation broken off by a comma for its reporting clause and resumed right after
    it: “Well,” Alito countered, “then I don’t understand …” is one statement, from its
    first part to the end of the second. When the first part does not open its sentence,
    it is a word quoted in the writer's sentence (Agee's “soulmates,” Pompeo declared,
    “The one thing …”), and the statement is the second part alone."""
    for (q_start, q_end), (r_start, r_end) in itertools.pairwise(quotes):
        if not (q_start <= frame.content[0] and frame.content[1] <= q_end + 1):
            continue
        broken = text[q_start:q_end].rstrip().endswith(",") or text[q_end + 1 : q_end + 2] == ","
        between = text[q_end + 1 : r_start - 1].lstrip(",")
        if not broken or not q_end < frame.cue[0] < frame.cue[1] < r_start or not between.rstrip().endswith(","):
            return None
        if any(mark in between for mark in '.!?;:\n“”"'):
            return None  # more than a reporting clause comes between
        resumed = trim_quotes(text, r_start, r_end)
        if resumed is None:
            return None
        before = text[: q_start - 1].rstrip(' “"')
        opens_sentence = not before or before[-1] in ".!?:…\n" or before[-2:] in (".”", '."', "?”", '?"')
        return (frame.content[0] if opens_sentence else resumed[0]), resumed[1]
    return None


def _verb_clause(verb):
    """The content clause of a reporting verb: a ccomp (the nearest, on either side for
    “…,” she said), or the infinitive of "claimed to have …", "expects X to …"."""
    ccomps = [c for c in verb.children if c.dep_ == "ccomp" and not _small_clause(c)]
    if ccomps:
        return min(ccomps, key=lambda c: abs(c.i - verb.i))
    if verb.lemma_.lower() in ("claim", "expect", "promise", "vow", "pledge"):
        return next((c for c in verb.children if c.dep_ == "xcomp"), None)
    # "said in a statement that …": the parser hangs the clause on the document noun.
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" and c.i > verb.i):
        for pobj in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in lex.DOCUMENT_NOUNS):
            clause = clause_child(pobj)
            if clause is not None:
                return clause
    return None


def _small_clause(clause) -> bool:
    """A clause with no verb of its own or no tense, and no "that": a noun or an adjective
    with its own subject ("will find us contracts", "declared himself a candidate", "are
    finding it easier to comply"), a participle ("found the boy sitting on a kerb"), a bare
    infinitive ("denied him bail"). It says what someone is, gets, does or was seen doing,
    not what was said. (A "that" clause whose
    verb the tagger took for a noun is still a clause.)"""
    children = list(clause.children)
    if any(c.dep_ == "mark" for c in children):
        return False
    if clause.pos_ in ("NOUN", "PROPN", "PRON"):
        return True
    if clause.pos_ == "ADJ":
        return any(c.dep_ == "nsubj" and c.lower_ == "it" for c in children) and not any(
            c.pos_ == "AUX" for c in children
        )
    if any(c.dep_ in ("aux", "auxpass") for c in children):
        return False
    # A participle in -ing; a bare infinitive whose subject is an object pronoun ("denied him
    # bail", "made them leave": the tagger takes a present tense for an infinitive too often
    # to trust the tag alone). Not a participle in -ed: the tagger takes past tenses for them.
    return clause.tag_ == "VBG" or (
        clause.tag_ == "VB" and any(c.dep_ == "nsubj" and c.lower_ in lex.OBJECT_CASE for c in children)
    )


def _content_of(token, doc, cue_token=None) -> tuple[int, int] | None:
    """A content clause's span, never reaching over its own cue ("a figure that rights
    groups say is inflated": the relative "that" hangs on the content). A finite clause
    the parser left without a subject starts right after the cue: its subject was hung on
    the cue ("believes [including North Korea in such drills] would be appropriate", "warned
    [the bill] would undermine …")."""
    first, last = subtree_bounds(token)
    if cue_token is not None and first <= cue_token.i <= last:
        first = cue_token.i + 1
    if cue_token is not None and cue_token.i < first and _lost_subject(token):
        between = doc[cue_token.i + 1 : first]
        if not any(t.dep_ in ("dative", "punct") or t.lower_ == "that" for t in between):
            first = cue_token.i + 1
    return char_bounds(doc, first, last)


def _lost_subject(clause) -> bool:
    children = list(clause.children)
    finite = clause.tag_ in ("VBZ", "VBD", "VBP", "MD") or any(c.dep_ == "aux" and c.tag_ == "MD" for c in children)
    return finite and not any(c.dep_ in (*SUBJECTS, "csubj", "expl") for c in children)


# ---------------------------------------------------------------------------------------------
# Reporting verbs


def _reporting_verb(verb, quotes) -> Frame | None:
    lemma = verb.lemma_.lower()
    cue = lex.VERBS[lemma]
    doc = verb.doc
    if lemma == "point" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return None
    if cue.passive_only and not (is_passive(verb) and agent_of(verb) is not None):
        return None
    if _purpose(verb):
        return None  # "rang Adventure World to warn them": meant, not made
    speaker = verb_speaker(verb)
    if speaker is None:
        return None
    content = None
    clause = _verb_clause(verb) if cue.clause else None
    if clause is not None:
        content = _content_of(clause, doc, verb)
        if lemma in ("ask", "wonder") and content is not None and not _is_question(doc, clause, content):
            return None
        if cue.stance in ("asserts", "denies") and not _negated(verb) and _embedded_question(clause):
            return None  # "will have to state whether …": no statement yet
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if content is None and cue.noun and obj is not None:
        content = _noun_content(verb, obj)
    if content is None and cue.clause:
        content = _inverted_content(verb) or _adjacent_quote(verb, quotes)
    if content is None and cue.noun and obj is None:
        content = _noun_content(verb, None)
    if content is None and verb.dep_ == "relcl" and verb.head.lemma_.lower() in lex.ATTRIBUTION_NOUNS:
        content = char_bounds(doc, *subtree_bounds(verb.head))  # "a claim the operator denies"
    if content is None:
        return None
    stance = _stance(verb, cue.stance, doc.text[content[0] : content[1]])
    return _frame(content, _cue_bounds(verb), speaker, stance)


def _is_question(doc, clause, content) -> bool:
    first = clause.left_edge
    return (
        first.lower_ in lex.QUESTION_MARKS
        or first.tag_ in ("WP", "WRB")
        or doc.text[content[0] : content[1]].rstrip(' ”"').endswith("?")
    )


def _embedded_question(clause) -> bool:
    """A clause opened by "whether": a question left open ("will have to state whether
    …"). A wh-clause is left alone: "explained why the plant closed" does state a reason."""
    return clause.left_edge.lower_ == "whether"


def _purpose(verb) -> bool:
    """An infinitive of purpose: "called to warn them", "flew to Seoul to announce …" (not
    "went on to blame …", "moved to assure …", which report what was said); or one after
    "added", where the parser read "added" as reporting the clause before it: "…, a
    painkiller added to increase its weight"."""
    if _infinitive(verb) and verb.dep_ == "advcl":
        return verb.head.lemma_.lower() not in lex.ONWARD_VERBS
    return verb.lemma_.lower() == "add" and any(
        c.dep_ in ("xcomp", "advcl") and c.i > verb.i and _infinitive(c) for c in verb.children
    )


def _infinitive(verb) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _inverted_content(verb):
    """…, officials said / “…,” she said, where the parser hung the reporting clause on
    the content: the content is what comes before it. "As Putin said, …": the clause the
    "as" clause hangs on, on whichever side."""
    head = verb.head
    doc = verb.doc
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        first, last = subtree_bounds(head, drop=[verb])
        return char_bounds(doc, first, last) if (first, last) != subtree_bounds(head) else None
    if verb.dep_ not in ("ccomp", "parataxis") or own_subject(verb) is None or head.lemma_.lower() in lex.VERBS:
        return None
    if head.i > verb.i:
        return _around_aside(verb)
    if not comma_before(verb) and doc[verb.left_edge.i - 1].text not in '”"':
        return None
    return char_bounds(doc, head.left_edge.i, verb.left_edge.i - 1)


def _around_aside(verb):
    """ "The attack, officials said, killed 12 people": a reporting clause set off by commas
    inside the content. The span is the whole clause, the aside in it (a span is one
    stretch of text), as for a quotation its reporting clause breaks."""
    doc = verb.doc
    first, last = verb.left_edge.i, verb.right_edge.i
    while first < verb.i and doc[first].is_punct:  # the parser may hang the commas on the aside
        first += 1
    while last > verb.i and doc[last].is_punct:
        last -= 1
    if first == 0 or doc[first - 1].text != "," or last + 1 >= len(doc) or doc[last + 1].text != ",":
        return None
    head = verb.head
    if head.left_edge.i >= first:
        return None  # nothing of the content before the aside
    return char_bounds(doc, *subtree_bounds(head))


def _adjacent_quote(verb, quotes):
    """A quotation that ends right before the reporting clause (“…,” the minister said) or
    starts right after the verb (she said: “…”)."""
    doc = verb.doc
    sent = verb.sent
    subject = own_subject(verb)
    clause_start = doc[subject.left_edge.i if subject is not None and subject.i < verb.i else verb.i].idx
    verb_end = verb.idx + len(verb.text)
    for q_start, q_end in quotes:
        if sent.start_char <= q_start and q_end < clause_start and not doc.text[q_end + 1 : clause_start].strip(" ,"):
            return trim_quotes(doc.text, q_start, q_end)
        between = doc.text[verb_end : q_start - 1]
        if verb_end < q_start <= sent.end_char + 1 and between.strip() in (",", ":"):
            return trim_quotes(doc.text, q_start, q_end)
    return None


def _noun_content(verb, obj):
    """Content of a verb with a noun-phrase object: the "that" clause of a statement noun
    ("rejected claims that …"), the statement noun itself ("dismissed reports of …"), else
    the reporting clause ("denied the allegations", "accused X of Y")."""
    lemma = verb.lemma_.lower()
    doc = verb.doc
    needed = lex.NOUN_COMPLEMENT_PREPS.get(lemma)
    complements = [*verb.children, *(obj.children if obj is not None else ())]
    if needed and not any(c.dep_ == "prep" and c.lower_ in needed for c in complements):
        return None
    if obj is None and not needed:
        return None
    if lemma in lex.NEEDS_PREDICATE and not _has_predicate(verb, obj):
        return None
    if obj is not None and obj.tag_ == "WP":
        return None  # "in what he described as the worst conditions": the writer's phrase
    if obj is not None and lex.VERBS[lemma].stance == "denies" and obj.lemma_.lower() in lex.ACT_OBJECTS:
        return None  # "rejected the bid", "dismissed the lawsuit": turned down, not denied
    if (
        obj is not None
        and obj.lower_ in lex.STAND_IN_OBJECTS
        and not any(obj.children)
        and not _has_predicate(verb, obj)
    ):
        return None  # "he confirmed it", "she denied this": what is meant is said elsewhere
    if obj is not None and not needed and lex.VERBS[lemma].clause and _names_an_actor(obj):
        return None  # "the Senate confirmed Prelogar", "the lawyer who questioned Trump": no statement
    if lemma in lex.NOUN_OBJECTS and (obj is None or obj.lemma_.lower() not in lex.NOUN_OBJECTS[lemma]):
        return None
    if obj is not None and obj.lemma_.lower() in lex.ATTRIBUTION_NOUNS:
        clause = clause_child(obj)
        if clause is not None:
            return _content_of(clause, doc)
        if obj.dep_ == "dobj" and any(c.dep_ == "prep" and c.lower_ in lex.OF_CONTENT_PREPS for c in obj.children):
            return char_bounds(doc, modifiers_start(obj), obj.right_edge.i)
    return char_bounds(doc, *clause_bounds(verb))


def _names_an_actor(token) -> bool:
    """A person or a named group, organisation or country: someone acted on, not something said."""
    if token.ent_type_ == "PERSON" or token.lower_ in lex.PERSON_OBJECTS or speaker_kind(token) == "person":
        return True
    return token.pos_ == "PROPN" and token.ent_type_ in SPEAKER_ENTITIES


def _has_predicate(verb, obj) -> bool:
    """ "called the remarks irresponsible": a second complement, or a quotation after the
    object (the parser often hangs “an unfolding catastrophe” elsewhere)."""
    if any(c.dep_ in ("oprd", "xcomp", "ccomp", "acomp") for c in verb.children):
        return True
    if obj is None or obj.right_edge.i + 1 >= len(verb.doc):
        return False
    after = verb.doc[obj.right_edge.i + 1 :]
    return after[0].text in '“"' or any(t.text in '“"' for t in after[:4] if t.head.i >= obj.i)


def _stance(verb, stance: str, content_text: str) -> str:
    """The cue's stance; "other" when the verb is negated or withheld ("did not confirm",
    "declined to say", "neither confirm nor deny"); "questions" for a quoted question."""
    if _negated(verb):
        return "other"
    if stance == "asserts" and content_text.rstrip(' ”"’').endswith("?"):
        return "questions"
    return stance


def _negated(verb) -> bool:
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in verb.children):
        return True
    if any(c.dep_ == "preconj" and c.lower_ == "neither" for c in verb.children):
        return True
    head = verb.head
    if verb.dep_ == "conj" and any(c.dep_ == "preconj" and c.lower_ == "neither" for c in head.children):
        return True
    return verb.dep_ == "xcomp" and head.lemma_.lower() in lex.WITHHOLDING_VERBS


def _cue_bounds(verb) -> tuple[int, int]:
    """The cue as written: the verb with its particle ("pointed out"), from the negation or
    the withholding verb when there is one ("did not confirm", "declined to say")."""
    first, last = verb.i, verb.i
    for c in verb.children:
        if c.dep_ == "prt" and c.i == verb.i + 1:
            last = c.i
        if c.dep_ in ("neg", "preconj") and c.i < verb.i:
            first = min([first, c.i] + [a.i for a in verb.children if a.dep_ == "aux" and a.i < c.i])
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lex.WITHHOLDING_VERBS and verb.head.i < verb.i:
        first = verb.head.i
    doc = verb.doc
    return doc[first].idx, doc[last].idx + len(doc[last].text)


# ---------------------------------------------------------------------------------------------
# "according to", light verbs, statement nouns


def _according_to(according, quotes) -> Frame | None:
    """ "according to X": the content is the clause it modifies, less the phrase itself
    (the whole clause when the phrase stands in its middle); a quotation that ends right
    before it (“…,” according to X) when there is one."""
    to = next(c for c in according.children if c.lower_ == "to")
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    source = as_author(source)
    if not can_speak(source):
        return None
    doc = according.doc
    host = according.head
    first, last = (host.sent.start, host.sent.end - 1) if host == according else subtree_bounds(host)
    a_first, a_last = subtree_bounds(according)
    if a_first <= first + 1:
        first = a_last + 1
    elif a_last >= last - 1:
        last = a_first - 1
    quoted = _quote_before(doc.text, quotes, according.idx) if according.text[0].islower() else None
    content = quoted or char_bounds(doc, first, last)
    if content is None:
        return None
    return _frame(content, (according.idx, to.idx + len(to.text)), source, "asserts")


def _quote_before(text: str, quotes, at: int) -> tuple[int, int] | None:
    """The quotation that ends right before `at` with a comma (“…,” according to X), when
    it is a statement of its own: it opens a sentence or follows a comma or colon (not a
    phrase quoted in the writer's words, as in 'not given him a “smoking gun,” according to …')."""
    for q_start, q_end in quotes:
        between = text[q_end + 1 : at]
        if q_end < at and not between.strip(" ,") and ("," in between or text[q_start:q_end].rstrip().endswith(",")):
            before = text[:q_start].rstrip(' “"')
            if not before or before[-1] in ".!?:;,\n":
                return trim_quotes(text, q_start, q_end)
    return None


def _light_verb(verb) -> Frame | None:
    """ "expressed concern over …", "raised doubts about …", "cast doubt on …", "this
    declaration was made by …": stance from the noun, content its clause or the clause."""
    noun = light_noun(verb)
    clause = clause_child(noun)
    # "concern over …", "a desire to …" — not "a statement urging …" (a directive)
    complement = clause is not None or any(
        c.dep_ == "prep" or (c.dep_ == "acl" and c.tag_ != "VBG") for c in noun.children
    )
    complement = complement or any(
        c.dep_ == "prep" and c.lower_ not in CIRCUMSTANCE_PREPS - {"on"} and not is_time(c) for c in verb.children
    )
    if not complement and noun.dep_ != "nsubjpass":
        return None
    speaker = verb_speaker(verb)
    if speaker is None:
        return None
    doc = verb.doc
    if clause is not None:
        content = _content_of(clause, doc)
    else:
        content = char_bounds(doc, *clause_bounds(verb))
    if content is None:
        return None
    stance = "other" if _negated(verb) else lex.LIGHT_NOUNS[noun.lemma_.lower()]
    first, last = (verb.i, verb.i) if noun.dep_ == "nsubjpass" else (min(verb.i, noun.i), max(verb.i, noun.i))
    return _frame(content, (doc[first].idx, doc[last].idx + len(doc[last].text)), speaker, stance)


def _statement_noun(noun) -> Frame | None:
    """ "the minister's claim that …", "accusations by X that …", "reports of …"."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return None  # "no reports of casualties"
    doc = noun.doc
    lemma = noun.lemma_.lower()
    clause = clause_child(noun)
    of_content = any(c.dep_ == "prep" and c.lower_ in lex.OF_CONTENT_PREPS for c in noun.children)
    if clause is not None:
        content = _content_of(clause, doc)
    elif of_content and lemma in lex.OF_CONTENT_NOUNS:
        content = char_bounds(doc, modifiers_start(noun), noun.right_edge.i)
    else:
        return None
    if content is None:
        return None
    cue = (noun.idx, noun.idx + len(noun.text))
    speaker = _noun_speaker(noun)
    if speaker is not None:
        return _frame(content, cue, speaker, lex.ATTRIBUTION_NOUNS[lemma])
    named = [c for c in noun.children if c.dep_ == "compound" or c.ent_type_ in SPEAKER_ENTITIES]
    channel = noun.dep_ == "pobj" and noun.head.lower_ == "in" and reports(noun.head.head)
    if lemma not in lex.SELF_SOURCED_NOUNS or (noun.tag_ != "NNS" and not named) or channel:
        return None  # no speaker of its own, or the channel of a verb: "said in a report that …"
    if noun.dep_ in ("dobj", "nsubjpass") and reports(noun.head):
        return None  # the content of a verb: "denied reports of …"
    # "reports of …", "South Korean media reports that …": the reports are the source.
    first = min([noun.i] + [c.left_edge.i for c in named])
    return Frame(content, cue, (doc[first].idx, cue[1]), None, lex.ATTRIBUTION_NOUNS[lemma])


def _noun_speaker(noun):
    """Who made a statement: "the minister's claim", "claims by X", "a Reuters report"."""
    for c in noun.children:
        if c.dep_ == "poss" and can_speak(c):
            return c
        if c.dep_ == "compound" and c.ent_type_ in ("PERSON", "ORG", "GPE"):
            return c
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and can_speak(pobj):
                return pobj
    return None


# ---------------------------------------------------------------------------------------------
# Assembling


def _frame(content, cue, speaker, stance) -> Frame | None:
    if content is None:
        return None
    if is_pronoun(speaker):
        return Frame(content, cue, None, speaker, stance)
    doc = speaker.doc
    first, last = noun_phrase(speaker)
    source = (doc[first].idx, doc[last].idx + len(doc[last].text))
    if source[0] < content[1] and content[0] < source[1] and not (content[0] <= source[0] and source[1] <= content[1]):
        return None  # a speaker cannot straddle its own content
    return Frame(content, cue, source, None, stance)


def _cut_swallowed(frames: list[Frame]) -> None:
    """End a content at the comma before another reporting verb's clause: the parser often
    hangs "…, adding that …", "…, but X said …", "…, and quoted him as …" or "…, a claim
    the operator denies" inside the first content, where they are the writer's words. A
    quotation is the speaker's words throughout (“Well, since the forecast said …, we left
    early,” she said): it is never cut."""
    for frame in frames:
        if frame.head is None or frame.quoted:
            continue
        doc = frame.head.doc
        first, last = token_at(doc, frame.content[0]), token_at(doc, frame.content[1] - 1)
        cuts = [
            _clause_start(token, first) for token in doc[first : last + 1] if token.i != frame.head.i and reports(token)
        ]
        cuts = [c for c in cuts if c is not None]
        if cuts:
            cut = char_bounds(doc, first, min(cuts) - 2)
            if cut is not None and cut[0] == frame.content[0]:
                frame.content = cut


def _clause_start(token, first: int) -> int | None:
    """Where the comma-separated clause holding a reporting verb starts (after the comma
    and any "but"/"and"), if it is hung on what precedes it."""
    doc = token.doc
    while token.i >= first:
        start = token.left_edge.i
        if token.dep_ == "conj":
            start = min([start] + [c.i for c in token.head.children if c.dep_ == "cc" and c.i < token.i])
        if token.dep_ in CLAUSE_DEPS and start > first and doc[start - 1].text == ",":
            return start
        if token.head == token:
            return None
        token = token.head
    return None


def _mark_nesting(frames: list[Frame]) -> None:
    """Link each pronoun-speaker frame to the frame whose content holds its pronoun:
    "the ambassador stated that he believes …" — "he" is most likely the ambassador."""
    for frame in frames:
        if frame.pronoun is None:
            continue
        at = frame.pronoun.idx
        holders = [f for f in frames if f is not frame and f.content[0] <= at < f.content[1]]
        if holders:
            frame.nested_in = min(holders, key=lambda f: f.content[1] - f.content[0])
