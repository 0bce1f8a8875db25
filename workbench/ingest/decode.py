"""Bytes → text, refusing what is not text rather than guessing.

Byte-order marks are honoured first, then UTF-8 is tried, then the encoding the file
declares for itself (an HTML page's `<meta charset>`), then detection (charset-normalizer)
for legacy encodings; a file that is binary, UTF-8 damaged in places (more of its bytes
beyond ASCII make valid UTF-8 than not), or whose encoding cannot be told with confidence,
is refused with the reason.

A single-byte code page decodes nearly any bytes, so that a file decodes "cleanly" with one
says little: a German page read as Windows-1250 or CP775 comes out as "Geschõft" and "f³r",
and charset-normalizer, which mostly sees a page's markup, picks such code pages often. A
reading by a single-byte code page is therefore judged as text: its letters must be ones one
language writes, no letter of another script or capital inside a word, no symbol against a
word, no control character; and its letters, in a script, must not be much rarer than
another reading's (Russian read as Greek is Greek letters, but not the common ones). The
code pages the web uses are each judged so, and the one that reads best is taken —
Windows-1252, the web's default as browsers have it, when it reads as well as any. When
none reads as text, or two read as well and neither is the default, the file is refused.
"""

from __future__ import annotations

import codecs
import functools
import io
import re
import unicodedata
from collections import Counter

from workbench.core.errors import WorkbenchError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters other than tab, LF, CR and form feed do not occur in real text.
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}
_CONTROL_CHARACTERS = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CONTROL)) + "]")

# The single-byte encodings of the web (WHATWG's list); Windows-1252 is its default.
_DEFAULT_CODE_PAGE = "cp1252"
_CODE_PAGES = (
    *("cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "cp874"),
    *("iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5", "iso8859-6", "iso8859-7", "iso8859-8", "iso8859-10"),
    *("iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16", "koi8-r", "koi8-u", "cp866", "mac-roman"),
    "mac-cyrillic",
)
_ASCII = frozenset(range(128))
# The encodings that pages declaring a multi-byte one are often really in, as browsers read
# them: its superset, which Windows wrote (a Korean page declaring EUC-KR in CP949).
_SUPERSETS = {"euc_kr": "cp949", "shift_jis": "cp932", "gb2312": "gbk", "gbk": "gb18030", "big5": "big5hkscs"}

# The letters beyond ASCII each language writes, commonest first (letters written for one
# another share a place: Romanian "ș" and "ş"). Where one line serves a script, the script's
# other letters come last.
_LANGUAGES = (
    "ü ä ö ß é",  # German
    "é è à ê ç ô â î û ù ë ï œ ü æ ÿ",  # French
    "ó í á é ñ ú ü",  # Spanish
    "ã ç é á í ó õ ê â à ú ô",  # Portuguese
    "à è é ù ò ì í ó ú î",  # Italian
    "à é è ó í ò ç ú ï ü",  # Catalan
    "é ë ï ö è ü ó ê",  # Dutch
    "ä å ö é",  # Swedish
    "ø å æ é",  # Danish, Norwegian
    "á ð í ó é ú þ æ ö ý",  # Icelandic
    "ä ö å š ž",  # Finnish
    "ä õ ü ö š ž",  # Estonian
    "ë ç",  # Albanian
    "ł ę ą ó ż ś ć ń ź",  # Polish
    "í á é ě ř ý č š ž ů ú ň ť ď ó",  # Czech
    "á í é ý č ž š ú ô ť ľ ň ď ä ó ĺ ŕ",  # Slovak
    "á é ö ő ü í ó ú ű",  # Hungarian
    "č š ž ć đ",  # Croatian, Bosnian, Serbian, Slovenian
    "ă î â șş țţ",  # Romanian
    "ı ş ç ğ ü ö â î û İ",  # Turkish
    "ų ė š į ą ž ū č ę",  # Lithuanian
    "ā ē ī š ū ņ ļ ķ č ž ģ",  # Latvian
    "ż ħ ġ ċ à è ì ò ù",  # Maltese
    "ĝ ĉ ŭ ŝ ĵ ĥ",  # Esperanto
    "о е а и н т с р в л к м д п у я ы ь г з б ч й х ж ш ю ц щ э ф ъ ё",  # Russian
    "о а н и в і т е р с к л у д м п я з ь б г ч х ц й ж ш ю ї є ф щ ґ",  # Ukrainian
    "а о н ы і е р с т в л к д м п у я з ь б г ч ў х ц й ж ш ю э ф ё",  # Belarusian
    "а о е и н т р с в л к д п м з у я б ъ ч г ь ж ц й ш щ х ю ф",  # Bulgarian
    "а и о е н р т ј с в к д у л м п з г б ч ш ц ж х ћ ђ њ љ џ ф",  # Serbian
    "а о е и н т р с в д к л п м у ј з б г ч ш ц ж ф х ќ ѓ њ љ џ ѕ",  # Macedonian
    "α ο ι ε τ σ ν η υ ρ π κ μ λ ά ί ό έ δ γ ς ή ύ χ θ φ β ώ ξ ζ ψ ϊ ϋ ΐ ΰ",  # Greek
    "י ו ה ל א מ ר ב ת ש נ ע ד ק כ ח פ ג צ ס ז ט ם ן ף ך ץ",  # Hebrew
    "ا ل ي م و ن ر ت ب ع ه د ة ف ك ق س ح أ ج إ ش ط ص ى خ ض ز ث ء ذ ظ غ آ ئ ؤ ی ک گ پ چ ژ",  # Arabic script
    "า น ร อ ก เ ง ม ย ล ว ด ท ต ส ป ะ ค ข บ จ ห แ พ ไ ช โ ใ ศ ถ ผ ซ ฉ ธ ษ ภ ญ ณ ฐ ฝ ฟ ฮ ำ",  # Thai
)
_VARIANTS = str.maketrans("șțȘȚ", "şţŞŢ")
_SCRIPT_RANGES = {"י": (0x05D0, 0x05F2), "ا": (0x0620, 0x06D3), "า": (0x0E01, 0x0E4E)}


def _alphabet(line: str) -> dict[str, float]:
    """Letter → how rare it is in the language: from 0 for the commonest to 1/2 for the rarest
    small letter, and from 1/2 to 1 for capitals (rarer than any small letter in real text)."""
    places = line.split()
    script = next((_SCRIPT_RANGES[first] for first in places[:1] if first in _SCRIPT_RANGES), None)
    if script is not None:  # the script's letters not named: rarest
        named = set(line)
        places.append("".join(c for c in map(chr, range(script[0], script[1] + 1)) if c.isalpha() and c not in named))
    rarity = {lower: place / len(places) / 2 for place, letters in enumerate(places) for lower in letters}
    capitals = {lower.upper(): 0.5 + rare for lower, rare in rarity.items() if len(lower.upper()) == 1}
    return {**capitals, **rarity}


_ALPHABETS = tuple(_alphabet(line) for line in _LANGUAGES)
# Scripts whose letters are judged by the alphabets above; those of others (Han, kana,
# Hangul) pass as they are.
_ALPHABETIC_SCRIPTS = frozenset(("LATIN", "CYRILLIC", "GREEK", "HEBREW", "ARABIC", "THAI"))
_CASED_SCRIPTS = frozenset(("LATIN", "CYRILLIC", "GREEK"))
_UNSPACED_SCRIPTS = frozenset(("HAN", "THAI"))
# Names of characters that begin with one of these are of the Han script, as is Japanese kana.
_HAN = ("CJK", "IDEOGRAPHIC", "HIRAGANA", "KATAKANA", "HALFWIDTH", "FULLWIDTH")
# Letters written only at the end of a word (Greek final sigma, Hebrew final forms), and
# Thai vowels written before the consonant they follow in speech.
_WORD_FINAL = frozenset("ςךםןףץ")
_THAI_LEADING_VOWELS = frozenset("เแโใไ")
# Symbols that follow a word in real text, but do not come before one ("Windows™", "m²").
_AFTER_WORDS = frozenset("©®™²³")
# Punctuation inside a word in real text: apostrophes, hyphens and dashes ("l’État", "ca–da"),
# the acute and grave written for an apostrophe ("geht´s"); the middle dot only in Catalan's "l·l".
_WITHIN_WORDS = frozenset("’‘‛ʼ´`‐‑–—")
# Punctuation that opens a sentence, never follows a letter ("¿Qué?").
_OPENING = frozenset("¡¿")
# Letters that behave as symbols: ordinal indicators ("1º", "Nº 5"), the micro sign ("5 µm").
_LETTER_SYMBOLS = frozenset("ªºµ")
# What no real text has: the generic currency sign, accents standing alone (but for the
# acute and grave written for an apostrophe), box drawing and block elements.
_NEVER_IN_TEXT = frozenset("¤¨¯¸˘˙˛˝ˇ" + "".join(chr(c) for c in range(0x2500, 0x25A0)))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_COMBINING_ACCENTS = re.compile("[\u0300-\u036f]")
_JUDGED = 1_000_000  # characters of a reading judged …
_SAMPLE = 5000  # … and of them, characters beyond ASCII
_MOST_ODD = 0.2  # the share of them that may be odd in a reading detected …
_MOST_ODD_DECLARED = 0.33  # … and in the reading of the encoding the file declares (some pages carry mojibake)
_DECLARED_SLACK = 0.05  # how many more odd characters the declared reading may have than the best
_CLEARLY_COMMONER = 0.05  # how much commoner the letters of one reading must be to beat another's


class UndecodableError(WorkbenchError):
    """The bytes are not text we can read with confidence."""


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """The text of `data` and the name of its encoding. The BOM never reaches the text.
    `declared` is the encoding the file names for itself, if any: used when the bytes are
    not UTF-8 and decode cleanly with it (and, for a single-byte code page, read as text)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom) :].decode(encoding)), encoding
            except UnicodeDecodeError as exc:
                raise UndecodableError(f"invalid {encoding} at byte {exc.start + len(bom)}") from None
    if b"\x00" in data[:8192]:
        raise UndecodableError("binary file (contains NUL bytes)")
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # Mostly valid UTF-8 with a bad byte in the middle is a damaged UTF-8 file, not a
    # legacy one: decoding it as Latin-1 would garble every non-ASCII character. A page
    # declaring a multi-byte encoding that decodes it cleanly is believed first (a few of
    # its byte pairs are valid UTF-8); a single-byte code page decodes nearly anything, so
    # its declaration does not outweigh the UTF-8.
    damaged_utf8 = _mostly_utf8(data)
    codec = _codec(declared)
    if codec is not None and not (damaged_utf8 and _single_byte(codec)):
        text = _declared(data, codec)
        if text is None and codec in _SUPERSETS:
            codec = _SUPERSETS[codec]
            text = _declared(data, codec)
        if text is not None:
            return _checked(text), codec
    if damaged_utf8:
        raise UndecodableError(f"invalid UTF-8 at byte {utf8_error.start}")
    return _detected(data)


def open_text(binary: io.BufferedIOBase, newline: str) -> io.TextIOWrapper | None:
    """The text of a seekable binary file as a stream, `newline` as for open(), decoded as
    decode_text would decode the whole when its start tells how: by its byte-order mark
    (which it skips), else as UTF-8. None when the start does not tell (NUL bytes, control
    characters): decode_text, given the whole, says what it is. The stream raises
    UnicodeDecodeError where the bytes are not in that encoding; decode_text, given the
    whole, then tells the encoding, or why none fits."""
    head = binary.read(8192)
    encoding, skip = next(((encoding, len(bom)) for bom, encoding in _BOMS if head.startswith(bom)), ("", 0))
    if not encoding:
        if b"\x00" in head:
            return None
        encoding = "utf-8"
    binary.seek(skip)
    opening = io.TextIOWrapper(binary, encoding, errors="strict", newline=newline)
    try:
        _checked(opening.read(65536))
    except (UnicodeDecodeError, UndecodableError):
        return None
    finally:
        opening.detach()  # NOTE: else closing it closes the binary file
    binary.seek(skip)
    return io.TextIOWrapper(binary, encoding, errors="strict", newline=newline)


def _codec(declared: str | None) -> str | None:
    """Python's codec for a declared encoding name. As browsers do, a page declaring
    Latin-1 or ASCII is read as Windows-1252, which it nearly always is."""
    if not declared:
        return None
    try:
        name = codecs.lookup(declared.strip()).name
    except LookupError:
        return None
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return None if name.startswith(("utf-16", "utf-32")) else name


def _declared(data: bytes, codec: str) -> str | None:
    """The text as the declared encoding reads it; None when the declaration is wrong: the
    bytes do not decode with it, or, for a single-byte code page, it reads them as no text
    reads (a Polish page declaring Latin-1 comes out as "Wroc³aw") or another code page
    reads them with clearly fewer odd characters."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    if _single_byte(codec):
        total, odd, _, _ = _judged(text)
        if odd > _DECLARED_SLACK * total and (
            odd > _MOST_ODD_DECLARED * total
            or odd > min(reading[1] for reading in _readings(data)) + _DECLARED_SLACK * total
        ):
            return None
    return text


def _detected(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # NOTE: lazy, only legacy files need it

    best = from_bytes(data, cp_isolation=None).best()
    if best is None or best.encoding.startswith(("utf_16", "utf_32")) or best.chaos > 0.2:
        raise UndecodableError("unknown text encoding (not UTF-8, and no other encoding fits with confidence)")
    if _single_byte(best.encoding):
        return _read_as_text(data, _readings(data, best.encoding))
    # A multi-byte encoding (GBK, Shift_JIS, …), unless a short Latin text was taken for
    # one ("M嫥a mele maso") and a single-byte code page reads it with fewer odd characters.
    text = str(best)
    readings = _readings(data)
    if min(reading[1] for reading in readings) <= _judged(text)[1]:
        return _read_as_text(data, readings)
    return _checked(text), best.encoding


def _single_byte(encoding: str) -> bool:
    from charset_normalizer.utils import is_multi_byte_encoding

    return not is_multi_byte_encoding(encoding)


def _read_as_text(data: bytes, judged: list[tuple[int, int, float, int, list[str]]]) -> tuple[str, str]:
    """The text of a single-byte file, by the code page that reads it best (see _readings)."""
    total, fewest = min((reading[:2] for reading in judged), key=lambda reading: reading[1])
    if fewest > _MOST_ODD * total:
        raise UndecodableError("unknown text encoding (not UTF-8, and no legacy encoding reads it as text)")
    # The readings with the fewest odd characters whose letters are about as common as the
    # commonest's (or that have none): the web's default if it is among them; else one, or
    # several differing only in letters written for one another (the first in the web's list).
    tied = [(rarity, letters, code_pages) for _, odd, rarity, letters, code_pages in judged if odd == fewest]
    commonest = min((rarity for rarity, letters, _ in tied if letters), default=0.0)
    likely = [
        code_pages for rarity, letters, code_pages in tied if not letters or rarity < commonest + _CLEARLY_COMMONER
    ]
    chosen = next((code_pages for code_pages in likely if _DEFAULT_CODE_PAGE in code_pages), likely[0])
    if _DEFAULT_CODE_PAGE not in chosen and len({data.decode(cps[0]).translate(_VARIANTS) for cps in likely}) > 1:
        raise UndecodableError(f"unknown text encoding (reads as text in {likely[0][0]} and in {likely[1][0]})")
    return _checked(data.decode(chosen[0])), chosen[0]


def _readings(data: bytes, *extra: str) -> list[tuple[int, int, float, int, list[str]]]:
    """Each different reading of the bytes by the web's single-byte code pages and `extra`
    ones, judged (see _judged), with the code pages that read the bytes so."""
    present = bytes(sorted(set(data) - _ASCII))
    readings: dict[str, list[str]] = {}  # what the bytes stand for → the code pages reading them so
    for code_page in (*_CODE_PAGES, *extra):
        try:
            readings.setdefault(present.decode(code_page), []).append(code_page)
        except UnicodeDecodeError:
            continue  # a byte the code page leaves undefined
    return [(*_judged(data.decode(code_pages[0])), code_pages) for code_pages in readings.values()]


def _judged(text: str) -> tuple[int, int, float, int]:
    """How many characters beyond ASCII the text has (up to _SAMPLE); how many of them no
    real text would have there: a letter no one language writes beside the others, a letter
    of another script or a capital inside a word, a symbol against a word, a control
    character, an accent no letter takes; how rare its letters are in the language they are
    of (0 to 1); and how many letters that is told from."""
    text = text[:_JUDGED]
    if _COMBINING_ACCENTS.search(text):  # an accent NFC puts on its letter judged with it
        text = unicodedata.normalize("NFC", text)
    letters: Counter[str] = Counter()
    total = odd = 0
    for match in _NON_ASCII.finditer(text):
        ch, at = match.group(), match.start()
        before = text[at - 1] if at else " "
        after = text[at + 1 : at + 2] or " "
        category = unicodedata.category(ch)
        if category[0] == "M":  # on a letter of its script (NFC has put Latin accents on theirs)
            odd += _script(ch) == "COMBINING" or _script(ch) != _script(before)
            continue
        total += 1
        if _odd(ch, category, before, after):
            odd += 1
        elif category[0] == "L" and ch not in _LETTER_SYMBOLS and _script(ch) in _ALPHABETIC_SCRIPTS:
            letters[ch] += 1
        if total >= _SAMPLE:
            break
    if not letters:
        return total, odd, 0.0, 0
    # The language that has most of the letters, and of those, the one they are commonest in.
    known, rarity = max(_known(letters, alphabet) for alphabet in _ALPHABETS)
    return total, odd + sum(letters.values()) - known, -rarity, known


def _odd(ch: str, category: str, before: str, after: str) -> bool:
    """Whether real text would not have `ch` between `before` and `after`."""
    if category[0] == "L" and ch not in _LETTER_SYMBOLS:
        return _odd_letter(ch, before, after)
    if category in ("Cc", "Co", "Cn", "Cs") or ch in _NEVER_IN_TEXT:
        return True
    # What stands against a word, in scripts that space their words (Chinese and Thai do not).
    word_before, word_after = _in_word(before), _in_word(after)
    inside = word_before and word_after
    if category == "Nd":  # a digit inside a word, but for Chinese and Japanese ("第３回")
        return before.isalpha() and after.isalpha() and not _script(before) == _script(after) == "HAN"
    if ch in _LETTER_SYMBOLS:
        return inside
    if category == "Cf":  # a soft hyphen in any word; a joiner or direction mark not in a Latin word
        return inside and ch != "\xad" and bool({_script(before), _script(after)} & _CASED_SCRIPTS)
    if ch in _AFTER_WORDS:
        return word_after
    if category[0] in "SN":
        return ch != "°" and (word_before or word_after)
    if ch in _OPENING:
        return word_before
    if category[0] == "P":
        return inside and ch not in _WITHIN_WORDS and not (ch == "·" and before in "lL" and after in "lL")
    return False


def _odd_letter(ch: str, before: str, after: str) -> bool:
    """A capital inside a lower-case word, a letter beside one of another script, a final
    form inside a word, a Thai vowel written before its consonant with no consonant after it."""
    if ch.isupper() and before.islower() or _other_script(ch, before) or _other_script(ch, after):
        return True
    if ch in _WORD_FINAL:
        return after.isalpha()
    return ch in _THAI_LEADING_VOWELS and not "ก" <= after <= "ฮ"


def _in_word(ch: str) -> bool:
    """`ch` is a letter of a script that spaces its words."""
    return ch.isalpha() and _script(ch) not in _UNSPACED_SCRIPTS


def _known(letters: Counter[str], alphabet: dict[str, float]) -> tuple[int, float]:
    """How many of the letters the alphabet has, and minus their mean rarity in it."""
    known = {c: n for c, n in letters.items() if c in alphabet}
    count = sum(known.values())
    return count, -sum(alphabet[c] * n for c, n in known.items()) / max(1, count)


def _other_script(letter: str, beside: str) -> bool:
    """`beside` is a letter of another script than `letter` (a Greek letter inside a Latin word)."""
    return beside.isalpha() and _script(beside) != _script(letter)


@functools.lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    if ch < "\x80":
        return "LATIN"
    name = unicodedata.name(ch, "")
    return "HAN" if name.startswith(_HAN) else name.partition(" ")[0]


def _mostly_utf8(data: bytes) -> bool:
    """At least as many valid UTF-8 sequences beyond ASCII as invalid bytes: the file was
    written as UTF-8 and damaged. (The bytes of a legacy encoding make a valid UTF-8
    sequence now and then, far fewer than the invalid ones.)"""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    beyond_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    return beyond_ascii - invalid >= invalid


def _checked(text: str) -> str:
    sample = text[:65536]
    if sample and len(_CONTROL_CHARACTERS.findall(sample)) > max(2, len(sample) // 1000):
        raise UndecodableError("binary file (contains control characters)")
    return text
