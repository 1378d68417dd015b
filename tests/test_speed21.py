"""Issue 16, speed21: the parse cache reads a DocBin as spaCy's ``DocBin.from_bytes`` / ``get_docs`` do, faster
(the msgpack decoders looked up once; the strings of lemmas, tags and labels put in the string store, not made
lexemes), and the Docs and their extraction are the same as spaCy's reading gives."""
from pathlib import Path

import pytest

from pipeline.cache import DocCache, docbin_of, docs_of
from pipeline.job.util import blank_vocab

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
TEXT = ("Bundesinnenministerin Nancy Faeser (SPD) sagte am Montag in Berlin, die Polizei habe 1.234 Fälle geprüft. "
        "„Wir werden das nicht hinnehmen“, erklärte der Sprecher des Ministeriums, Max Müller. Die Union forderte "
        "dagegen schärfere Regeln – www.example.de, info@example.de, 3,5 % und 12:30 Uhr.")

LEX = ("orth_", "lower_", "norm_", "shape_", "prefix_", "suffix_", "is_alpha", "is_ascii", "is_digit", "is_lower",
       "is_upper", "is_title", "is_punct", "is_space", "is_stop", "like_num", "like_url", "like_email",
       "is_bracket", "is_quote", "is_left_punct", "is_right_punct", "is_currency", "lang_")
TOK = ("text", "whitespace_", "lemma_", "tag_", "pos_", "dep_", "ent_type_", "ent_iob_", "is_sent_start")


def _token_view(doc) -> list:
    return [tuple(getattr(t, a) for a in TOK + LEX) + (str(t.morph), t.head.i, t.lex.orth_, t.lex.lower_)
            for t in doc]


def _spacy_read(data: bytes, vocab):
    from spacy.tokens import DocBin
    return list(DocBin().from_bytes(data).get_docs(vocab))


def _texts() -> list[str]:
    files = sorted(p for p in CORPUS.iterdir() if p.is_file())[:6]
    return [TEXT] + [p.read_text(encoding="utf-8", errors="replace")[:4000] for p in files]


def _bins(de_news) -> list[bytes]:
    """Cache files as the cache writes them, and spaCy's own DocBin (all columns, span groups, user data)."""
    from spacy.tokens import DocBin

    from pipeline.cache import docbin_bytes
    docs = [de_news(t) for t in _texts()]
    own = [docbin_bytes(d) for d in docs]
    d = de_news(TEXT)
    d.spans["x"] = [d[0:3], d[5:7]]
    d.user_data["k"] = 3
    return own + [DocBin(docs=[d], store_user_data=True).to_bytes(), DocBin(docs=docs[:2]).to_bytes()]


def test_docbin_of_fills_the_docbin_as_spacy(de_news):
    from spacy.tokens import DocBin
    for data in _bins(de_news):
        a, b = DocBin().from_bytes(data), docbin_of(data)
        assert a.attrs == b.attrs and a.strings == b.strings and a.cats == b.cats and a.flags == b.flags
        assert a.span_groups == b.span_groups and a.user_data == b.user_data
        assert all((x == y).all() for x, y in zip(a.tokens, b.tokens)) and len(a.tokens) == len(b.tokens)
        assert all((x == y).all() for x, y in zip(a.spaces, b.spaces))


def test_a_damaged_docbin_raises_as_spacy():
    with pytest.raises(ValueError):
        docbin_of(b"not zlib at all")


def test_docs_read_as_spacy_reads_them(de_news):
    """Every token attribute and every lexical attribute the same, in a fresh vocab and in one that has read
    them before; spans and user data kept; the strings of lemmas and labels in the store, fewer lexemes."""
    mine, theirs = blank_vocab(), blank_vocab()
    for _ in range(2):
        for data in _bins(de_news):
            got, want = list(docs_of(docbin_of(data), mine)), _spacy_read(data, theirs)
            assert [_token_view(d) for d in got] == [_token_view(d) for d in want]
            assert [{k: [(s.start, s.end) for s in g] for k, g in d.spans.items()} for d in got] == \
                   [{k: [(s.start, s.end) for s in g] for k, g in d.spans.items()} for d in want]
            assert [d.user_data for d in got] == [d.user_data for d in want]
    assert len(mine) < len(theirs)
    lemmas = {t.lemma_ for d in _spacy_read(_bins(de_news)[0], theirs) for t in d}
    assert all(lemma in mine.strings for lemma in lemmas)
    assert mine["sagen"].lower_ == theirs["sagen"].lower_ == "sagen"          # a lexeme asked for later


def test_cache_get_extracts_as_spacys_reading(de_news, all_rules_session, tmp_path):
    from pipeline.extract import extract
    cache = DocCache(tmp_path, "m")
    texts = _texts()
    for i, t in enumerate(texts):
        cache.put(f"{i:064d}", de_news(t))
    mine, theirs = blank_vocab(), blank_vocab()
    n = 0
    for i in range(len(texts)):
        a = cache.get(f"{i:064d}", mine)
        b = _spacy_read(cache._payload(cache.path(f"{i:064d}")), theirs)[0]
        assert repr(extract(a, all_rules_session)) == repr(extract(b, all_rules_session))
        n += len(extract(a, all_rules_session).mentions)
    assert n > 10


def test_enrich_files_read_as_safe_load():
    import yaml

    from pipeline import enrich
    for path in (enrich.WORDS_FILE, enrich.PRECISION_FILE):
        if path.exists():
            assert enrich._load_yaml(path) == yaml.safe_load(path.read_text(encoding="utf-8"))


def test_a_damaged_message_leaves_the_garbage_collector_on():
    """The reader switches the GC off while unpacking, as srsly does; an unpacking error must not leave it off."""
    import gc
    import zlib
    assert gc.isenabled()
    with pytest.raises(Exception):
        docbin_of(zlib.compress(b"\xc1 not msgpack"))
    assert gc.isenabled()
