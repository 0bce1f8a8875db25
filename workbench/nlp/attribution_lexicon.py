"""The words that mark attribution in English news copy, by lemma.

A curated lexicon, read together with the dependency parse: a word here only makes an
attribution when the parse gives it a speaker and some content (see attribution_rules).
Stances: "asserts", "denies", "questions", "other" (hedges, worries, refusals).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Cue:
    stance: str = "asserts"
    clause: bool = True  # takes a content clause: "said (that) …", “…,” she said
    noun: bool = False  # a noun phrase can carry the content: "denied the allegations"
    passive_only: bool = False  # an attribution only with a "by" agent: "is seen as … by X"


ASSERT_CLAUSE = Cue()
ASSERT_BOTH = Cue(noun=True)
ASSERT_NOUN = Cue(clause=False, noun=True)
DENY = Cue("denies", noun=True)
QUESTION = Cue("questions", noun=True)
HEDGE = Cue("other")

# Verbs of saying, reporting, believing and evaluating.
VERBS: dict[str, Cue] = {
    **dict.fromkeys(
        (
            "say", "tell", "state", "add", "explain", "argue", "insist", "assert", "maintain", "contend",
            "declare", "announce", "allege", "concede", "caution", "indicate", "reveal", "disclose",
            "believe", "think", "write", "tweet", "reply", "respond", "answer", "retort", "counter",
            "testify", "recall", "observe", "comment", "remark", "conclude", "find", "promise", "vow",
            "pledge", "predict", "complain", "agree", "point", "expect", "assure", "boast", "recount",
            "acknowledge", "admit", "confess", "imply",
        ),
        ASSERT_CLAUSE,
    ),
    **dict.fromkeys(
        (
            "confirm", "report", "affirm", "reaffirm", "reiterate", "stress", "emphasize",
            "emphasise", "underline", "underscore", "highlight", "note", "estimate", "forecast", "warn",
        ),
        ASSERT_BOTH,
    ),
    **dict.fromkeys(("accuse", "blame", "describe", "call", "characterize", "characterise", "label", "brand"), ASSERT_NOUN),
    **dict.fromkeys(("see", "view", "regard", "consider", "deem"), Cue(clause=False, noun=True, passive_only=True)),
    "claim": Cue(noun=True),
    **dict.fromkeys(("deny", "refute", "dismiss", "reject", "rebut", "dispute", "repudiate"), DENY),
    **dict.fromkeys(("question", "doubt"), QUESTION),
    **dict.fromkeys(("ask", "wonder"), Cue("questions")),
    **dict.fromkeys(("suggest", "speculate", "hint", "fear", "worry", "hope"), HEDGE),
}  # fmt: skip

# Verbs whose content is a noun phrase only with one of these prepositions (on the verb or
# its object): "accused X of Y", "described X as Y", "warned of Y".
NOUN_COMPLEMENT_PREPS: dict[str, tuple[str, ...]] = {
    "accuse": ("of",),
    "describe": ("as",),
    "characterize": ("as",),
    "characterise": ("as",),
    "label": ("as",),
    "see": ("as",),
    "view": ("as",),
    "regard": ("as",),
    "warn": ("of", "about", "against"),
}
# Verbs whose noun-phrase content must be one of these: "claimed responsibility", not "claimed the title".
NOUN_OBJECTS: dict[str, frozenset[str]] = {"claim": frozenset({"responsibility", "credit", "victory"})}
# What a denial verb acts on when it refuses or turns down rather than denies a statement:
# "rejected the bid", "dismissed the lawsuit", "denied him bail".
ACT_OBJECTS = frozenset(
    "bid offer proposal plan request application appeal deal demand resignation nomination bill motion "
    "amendment lawsuit suit case petition invitation ultimatum visa entry permission access bail "
    "compensation merger takeover budget candidacy candidate".split()
)
# Object pronouns that stand for people: "questioned him" is no statement questioned.
PERSON_OBJECTS = frozenset({"him", "her", "them", "me", "us", "you"})
# Pronouns in the object case only: the subject of a clause that has no tense ("made them leave").
OBJECT_CASE = PERSON_OBJECTS - {"you"}
# "called the remarks irresponsible": the second complement is a predicate (oprd/xcomp/ccomp).
NEEDS_PREDICATE = frozenset({"call", "brand", "consider", "deem"})

# Objects that only stand for a statement made elsewhere ("he confirmed it").
STAND_IN_OBJECTS = frozenset({"it", "this", "that", "so", "these", "those", "them"})
# "went on to say …", "moved to assure …": an infinitive after these reports what was said.
ONWARD_VERBS = frozenset({"go", "proceed", "continue", "move", "hasten", "rush", "hurry"})
# "asked whether …": an ask/wonder clause must open with one of these (or be a quoted question).
QUESTION_MARKS = frozenset({"whether", "if", "why", "how", "what", "who", "when", "where"})

# "declined to say", "refused to confirm": the speaker withholds the content.
WITHHOLDING_VERBS = frozenset({"decline", "refuse", "fail"})

# Nouns naming a statement. With a possessor or a "by" agent they attribute their content:
# "the minister's claim that …", "reports of …", "accusations by Western officials that …".
ATTRIBUTION_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        (
            "claim", "assertion", "allegation", "accusation", "statement", "warning", "report", "remark",
            "insistence", "belief", "argument", "admission", "announcement", "prediction", "estimate",
            "promise", "pledge", "charge", "assessment", "finding", "conclusion", "testimony", "view",
            "assurance", "contention", "suggestion", "speculation", "rumour", "rumor", "declaration",
        ),
        "asserts",
    ),
    **dict.fromkeys(("denial", "rejection", "rebuttal"), "denies"),
    **dict.fromkeys(("doubt", "question", "skepticism", "scepticism"), "questions"),
    **dict.fromkeys(("concern", "fear", "worry", "alarm", "hope"), "other"),
}  # fmt: skip
# Of these, the ones that stand as their own (unnamed) source: "reports of …", "media reports that …".
SELF_SOURCED_NOUNS = frozenset({"report", "rumour", "rumor"})
# Nouns whose "of"/"over"/"about" complement is the content: "reports of 10,000 troops".
OF_CONTENT_NOUNS = frozenset({"report", "rumour", "rumor", "claim", "allegation", "accusation", "denial"})
OF_CONTENT_PREPS = frozenset({"of", "over", "about", "regarding", "on"})

# "expressed concern over …", "raised doubts about …", "made the claim that …": a light verb
# whose object is an attitude or statement noun. The noun gives the stance.
LIGHT_VERBS = frozenset(
    {"express", "raise", "voice", "cast", "share", "make", "issue", "level", "repeat", "air", "signal"}
)
LIGHT_NOUNS: dict[str, str] = {
    **{noun: stance for noun, stance in ATTRIBUTION_NOUNS.items() if noun not in ("report", "view", "finding")},
    **dict.fromkeys(("desire", "support", "confidence", "willingness", "readiness", "commitment", "intention",
                     "satisfaction", "regret", "gratitude", "determination", "opposition"), "asserts"),
    **dict.fromkeys(("unease", "dismay", "anger", "frustration", "outrage", "disappointment", "reservation"), "other"),
    **dict.fromkeys(("skepticism", "scepticism"), "questions"),
}  # fmt: skip

# Nouns for documents and channels: a source when no author is named, else the author is
# the source ("a report by the agency", "the statement, carried by the state-run agency").
DOCUMENT_NOUNS = frozenset({
    "report", "statement", "study", "survey", "paper", "document", "letter", "filing", "article", "editorial",
    "communique", "communiqué", "post", "message", "memo", "note", "analysis", "assessment", "data", "datum",
    "figure", "estimate", "poll", "census", "release", "bulletin", "notice", "transcript", "record",
    "indictment", "complaint", "lawsuit", "ruling", "verdict", "judgment", "judgement", "order", "decree",
    "resolution", "declaration", "announcement", "readout", "dispatch", "cable", "tweet", "video", "broadcast",
    "interview", "speech", "testimony", "account", "version", "source", "investigation", "inquiry", "review",
})  # fmt: skip

# Heads of noun phrases that can speak: people by role, and organisations. Named entities
# (PERSON, ORG, GPE, NORP) and pronouns are speakers without being listed.
PERSON_NOUNS = frozenset({
    "official", "spokesman", "spokeswoman", "spokesperson", "minister", "president", "leader", "premier",
    "chancellor", "king", "queen", "prince", "princess", "emperor", "pope", "cardinal", "bishop", "priest",
    "imam", "rabbi", "monk", "ambassador", "envoy", "diplomat", "lawmaker", "legislator", "senator",
    "congressman", "congresswoman", "representative", "deputy", "mp", "politician", "candidate", "governor",
    "mayor", "councillor", "councilor", "general", "commander", "officer", "soldier", "colonel", "major",
    "captain", "lieutenant", "admiral", "chief", "head", "director", "secretary", "chairman", "chairwoman",
    "chair", "chairperson", "ceo", "executive", "manager", "coach", "player", "aide", "adviser", "advisor",
    "negotiator", "delegate", "mediator", "analyst", "expert", "economist", "scientist", "researcher",
    "scholar", "academic", "professor", "historian", "doctor", "physician", "nurse", "surgeon", "medic",
    "paramedic", "teacher", "student", "parent", "lawyer", "attorney", "prosecutor", "judge", "magistrate",
    "investigator", "inspector", "detective", "auditor", "witness", "resident", "villager", "citizen",
    "voter", "worker", "employee", "farmer", "fisherman", "driver", "pilot", "passenger", "survivor",
    "victim", "relative", "neighbour", "neighbor", "friend", "activist", "campaigner", "protester",
    "protestor", "demonstrator", "critic", "opponent", "supporter", "observer", "monitor", "journalist",
    "reporter", "correspondent", "editor", "columnist", "commentator", "author", "writer", "source",
    "insider", "people", "person", "man", "woman", "boy", "girl", "child", "mother", "father", "son",
    "daughter", "wife", "husband", "someone", "many", "some", "others", "participant", "organiser",
    "organizer", "founder", "owner", "shareholder", "investor", "trader", "banker", "consumer", "customer",
    "client", "patient", "rebel", "insurgent", "militant", "fighter", "separatist", "gunman", "suspect",
    "defendant", "plaintiff", "accuser", "commissioner", "ombudsman", "speaker", "dean", "rector",
    "principal", "counterpart", "colleague", "partner", "rival", "secretary-general", "member",
    "agent", "consultant", "assistant", "attendant", "migrant", "immigrant", "refugee", "informant",
    "tenant", "applicant", "claimant", "occupant", "inhabitant", "dissident", "respondent", "proponent",
    "advocate", "veteran", "nominee", "appointee", "detainee", "trainee", "retiree", "inmate", "hostage",
    "clerk", "chef", "nun", "cop", "sheriff", "marshal", "guest", "host", "fan", "aunt", "uncle", "cousin",
    "nephew", "niece", "spouse", "graduate", "entrepreneur", "arbitrageur",
})  # fmt: skip
# Nouns of quantity whose "of" phrase names the speakers: "a number of analysts", "dozens of
# witnesses", "the majority of economists".
QUANTITY_NOUNS = frozenset({
    "number", "dozen", "hundred", "thousand", "score", "majority", "minority", "handful", "couple", "lot",
    "half", "third", "quarter", "most", "many", "few", "several", "some", "all", "none", "one", "two",
    "three", "each", "either", "neither", "any", "dozens", "hundreds", "thousands", "scores", "lots",
})  # fmt: skip
GROUP_NOUNS = frozenset({
    "government", "administration", "ministry", "department", "agency", "office", "bureau", "service",
    "commission", "committee", "council", "cabinet", "parliament", "congress", "senate", "assembly",
    "court", "tribunal", "military", "army", "navy", "force", "forces", "police", "coastguard", "guard",
    "company", "firm", "group", "corporation", "business", "bank", "fund", "union", "association",
    "federation", "confederation", "organisation", "organization", "institute", "institution", "foundation",
    "charity", "party", "opposition", "coalition", "alliance", "movement", "campaign", "club", "league",
    "board", "panel", "body", "watchdog", "regulator", "operator", "utility", "airline", "carrier",
    "manufacturer", "maker", "carmaker", "automaker", "drugmaker", "producer", "supplier", "retailer",
    "insurer", "lender", "exchange", "broker", "network", "broadcaster", "channel", "newspaper", "paper",
    "daily", "magazine", "outlet", "wire", "media", "press", "website", "station", "palace", "embassy",
    "consulate", "mission", "delegation", "secretariat", "headquarters", "kremlin", "pentagon", "university",
    "school", "college", "hospital", "clinic", "laboratory", "lab", "center", "centre", "observatory",
    "think-tank", "tank", "regime", "junta", "state", "country", "nation", "side", "camp", "intelligence",
    "leadership", "establishment", "prosecution", "defence", "defense", "team", "squad", "family",
    "authorities", "authority", "staff", "crew", "personnel", "militia", "ally",
})  # fmt: skip

# Suffixes of role nouns not listed above ("lawmaker", "strategist", "historian"), each
# with the letters it needs before it ("artist", not "list", "mist" or "wrist").
SPEAKER_SUFFIXES = (("ist", 3), ("ian", 0), ("man", 0), ("woman", 0), ("person", 0), ("er", 0), ("or", 0))
# Nouns ending so that are not speakers.
NOT_SPEAKERS = frozenset({
    "time", "number", "order", "water", "matter", "border", "power", "weather", "sector", "factor", "error",
    "honour", "honor", "color", "colour", "floor", "door", "terror", "corridor", "other", "summer", "winter",
    "quarter", "layer", "transfer", "disaster", "offer", "answer", "chapter", "cluster", "trigger", "barrier",
    "minor", "mirror", "computer", "chamber", "interior", "manner", "behavior", "behaviour",
    "rumor", "rumour", "humor", "humour", "labor", "labour", "favor", "favour", "tumor", "tumour", "vigor",
    "motor", "reactor", "tractor", "sensor", "vector", "meteor", "cancer", "fever", "shelter", "theater",
    "theatre", "center", "centre", "character", "register", "poster", "finger", "danger", "dinner", "banner",
    "cover", "river", "tower", "server", "corner", "filter", "charter", "horror", "tremor", "flavor", "flavour",
    "harbor", "harbour", "counter",
    "checklist", "playlist", "shortlist", "blacklist", "watchlist", "waitlist", "wishlist",
    "kilometer", "meter", "parameter", "diameter", "perimeter", "container", "helicopter", "trailer",
    "tanker", "launcher", "printer", "folder", "sticker", "cylinder", "thriller", "encounter", "monster",
    "indicator", "generator", "elevator", "ventilator", "calculator", "processor", "median",
})  # fmt: skip
# Honorifics and role nouns that tell a person's gender, for pronoun resolution.
MALE_WORDS = frozenset({"mr", "mr.", "sir", "lord", "king", "prince", "emperor", "spokesman", "chairman",
                        "congressman", "businessman", "father", "son", "husband", "brother", "man", "boy"})  # fmt: skip
FEMALE_WORDS = frozenset({"ms", "ms.", "mrs", "mrs.", "miss", "madam", "dame", "lady", "queen", "princess",
                          "empress", "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "mother",
                          "daughter", "wife", "sister", "woman", "girl"})  # fmt: skip
