"""The SpkAtt-2023 check (pipeline/eval_spkatt.py) on hand-written SpkAtt-style records: the detokeniser and
its offset map, the mapping of "sentence:token" ids to the Wikinews scorer's items, the gold kinds, and one
record through the real pipeline. No ../shared needed."""
from pipeline import eval_spkatt as E

# A hand-written record in the SpkAtt-2023 format (not from the corpus).
RECORD = {
    "_file": "hand_written.json",
    "Sentences": [
        {"SentenceId": 0, "Tokens": ["Die", "Ministerin", "teilte", "mit", ",", "dass", "die", "Lage", "ernst",
                                     "sei", "."]},
        {"SentenceId": 1, "Tokens": ["Ich", "frage", "mich", ",", "ob", "das", "stimmt", "?"]},
        {"SentenceId": 2, "Tokens": ["Der", "Antrag", "(", "Drucksache", "19/98", ")", "nennt", "„", "Ziele",
                                     "“", "."]},
    ],
    "Annotations": [
        {"Cue": ["0:2"], "PTC": ["0:3"], "Source": ["0:0", "0:1"], "Message": [f"0:{i}" for i in range(5, 10)],
         "Addr": [], "Topic": [], "Medium": [], "Evidence": []},
        {"Cue": ["1:1"], "PTC": [], "Source": ["1:0"], "Message": ["1:4", "1:5", "1:6"],
         "Addr": [], "Topic": [], "Medium": [], "Evidence": []},
        {"Cue": ["2:1"], "PTC": [], "Source": [], "Message": [], "Addr": [], "Topic": [], "Medium": [],
         "Evidence": []},
    ],
}


def test_detokenise_spaces_and_offsets():
    sents = [x["Tokens"] for x in RECORD["Sentences"]]
    text, offsets = E.detokenise(sents)
    assert text == ("Die Ministerin teilte mit, dass die Lage ernst sei. Ich frage mich, ob das stimmt? "
                    "Der Antrag (Drucksache 19/98) nennt „Ziele“.")
    assert len(offsets) == sum(len(s) for s in sents)
    for key, (b, e) in offsets.items():
        s, t = map(int, key.split(":"))
        assert text[b:e] == sents[s][t]
    assert offsets["2:7"] == (text.index("„"), text.index("„") + 1)
    assert text[offsets["2:4"][0]:offsets["2:4"][1] + 1] == "19/98)"


def test_gold_items_map_ids_and_kinds(all_rules_session):
    text, tokens, ids = E.record_tokens(RECORD)
    golds, no_msg = E.gold_items(RECORD, tokens, ids, all_rules_session.get("speech"))
    assert no_msg == 1
    assert len(golds) == 2
    g = golds[0]
    assert sorted(tokens[i]["text"] for i in g["cue"]) == ["mit", "teilte"]      # Cue + PTC
    assert [tokens[i]["text"] for i in sorted(g["speaker"])] == ["Die", "Ministerin"]
    assert [tokens[i]["text"] for i in sorted(g["message"])] == ["dass", "die", "Lage", "ernst", "sei"]
    assert g["type"] == "core"
    assert golds[1]["type"] == "question"


def test_kind_first_person_and_other_cue(all_rules_session):
    speech = all_rules_session.get("speech")
    rec = {"Sentences": [{"SentenceId": 0, "Tokens": ["Ich", "sage", ",", "dass", "es", "gut", "ist", "."]},
                         {"SentenceId": 1, "Tokens": ["Wir", "begrüßen", ",", "dass", "es", "wirkt", "."]}],
           "Annotations": []}
    text, tokens, ids = E.record_tokens(rec)
    ann = {"Cue": ["0:1"], "PTC": [], "Source": ["0:0"], "Message": ["0:3", "0:4", "0:5", "0:6"]}
    assert E.kind_of(ann, tokens, ids, speech) == "first_person"
    ann = {"Cue": ["1:1"], "PTC": [], "Source": ["1:0"], "Message": ["1:3", "1:4", "1:5"]}
    assert E.kind_of(ann, tokens, ids, speech) == "other_cue"          # "begrüßen" is no speech verb of ours
    assert E.kind_of({**ann, "Source": []}, tokens, ids, None) == "no_source"


def test_record_through_the_real_pipeline(de_news, all_rules_session):
    res = E.evaluate([RECORD], de_news, None, all_rules_session, cache_dir=None)
    s = res.scores
    assert (res.speeches, res.annotations, res.no_message) == (1, 3, 1)
    assert s.n["core"] == [1, 1, 1]                  # the Konjunktiv dass-clause: found, paired
    assert s.prf("core", "message") == (1.0, 1.0, 1.0)
    assert s.prf("core", "speaker") == (1.0, 1.0, 1.0)
    assert s.prf("core", "cue") == (1.0, 1.0, 1.0)
    assert s.n["question"][1:] == [1, 0]              # the question is gold, not found
    assert s.n["unpaired"] == [1, 0, 0]               # „Ziele“ after "nennt": a claim where the gold has no message
    assert sum(s.n[k][0] for k in E.KINDS) == 2


def test_missing_data_is_skipped_and_train_is_never_shown(tmp_path, capsys):
    assert E.main(["--data", str(tmp_path)]) == 0
    assert "skipped" in capsys.readouterr().err
    assert E.main(["--split", "train", "--show", "3", "--data", str(tmp_path)]) == 2
