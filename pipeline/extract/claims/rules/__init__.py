"""The named rules of the claims extractor, one module per family; importing this package
registers them all (see :mod:`..registry`; order and switches: ``rules/speech.yaml``).

- :mod:`.quote`: a quotation and its frame (``quote_*``), and the document-stage rules for
  quotations no sentence rule claimed (``partial_quote``, ``quote_in_frame``);
- :mod:`.sentence`: the per-sentence driver and the rules that start from a word of the sentence
  (source prepositions, ", so X", noun cues, "wonach", "heißt es", anaphoric frames, source adverbs);
- :mod:`.verb`: rules started by a speech or cognition verb (``verb_*``, ``wie_verb``, ``speech_act``);
- :mod:`.continuation`: sentences without a cue that continue reported speech;
- :mod:`.speaker`: the Actor a speaker span refers to (``speaker_*``);
- :mod:`.interview`: interview turns ("Name: answer") and answers after a question paragraph;
- :mod:`.filters`: what looks like a claim but is none (``filter`` stage);
- :mod:`.conventions`: filters for the classes the Wikinews and the modern-news golds count differently (off by default).
"""
from . import continuation, conventions, filters, interview, quote, sentence, speaker, verb  # noqa: F401  (register the rules)
from . import speaker_anaphor  # noqa: F401  (spk16: speaker_person_noun)
from . import speaker_entity  # noqa: F401  (spk16c: speaker_policy_area, speaker_org_source_kind, speaker_court_body)
from . import speaker_named  # noqa: F401  (spk17: speaker_named_spokesperson)
from . import speaker_orgname  # noqa: F401  (spk19: speaker_org_name_noun, speaker_court_panel)
from . import speaker_place  # noqa: F401  (spk20: speaker_np_place)
from . import colon_konj  # noqa: F401  (clm21: konj_colon_frame)
from . import result_frame  # noqa: F401  (clm21: result_frame)
