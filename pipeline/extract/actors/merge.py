"""Cross-article person merges: the condition as a pure function (the merge itself runs in
:func:`pipeline.job.publish.corpus_person_merges`)."""
from __future__ import annotations

import re
from collections.abc import Iterable

# words in a surface form that make it an organisation, not a person: "Merkel Jagd- und Sportwaffen",
# "Blaser GmbH", "Thyssenkrupp AG"
_ORG_MARKERS = re.compile(r"(?:^|[\s-])(?:GmbH|AG|SE|KG|KGaA|e\.V\.|Inc\.?|Ltd\.?|LLC|plc|Konzern|Holding|Werke?|"
                          r"Jagd|Waffen|Sportwaffen|Verlag|Bank|Group|Gruppe|Stiftung|Verein)(?=$|[\s.,-])")
_ORG_LABELS = frozenset({"ORG", "LOC", "MISC"})


def _org_evidence(name: str, evidence: Iterable[str]) -> bool:
    return bool(_ORG_MARKERS.search(name)) or any(
        e in _ORG_LABELS or (len(e) > 4 and _ORG_MARKERS.search(e)) for e in evidence)


def may_merge(name_a: str, type_a: str, evidence_a: Iterable[str],
              name_b: str, type_b: str, evidence_b: Iterable[str]) -> bool:
    """May actor A (known by one name in its article, e.g. "Merkel") be merged into actor B of another
    article ("Angela Merkel")?

    ``evidence_*``: the actor's mention labels and surface forms in its article (the ``label`` and
    ``text`` columns of its rows in the mentions table). Merged only when both are persons, A's name is
    B's surname, and neither side shows organisation evidence (an ORG/LOC/MISC label or a form like
    "Merkel Jagd- und Sportwaffen" / "Blaser GmbH")."""
    if type_a != "person" or type_b != "person":
        return False
    parts_b = name_b.split()
    if len(name_a.split()) != 1 or len(parts_b) < 2 or name_a.casefold() != parts_b[-1].casefold():
        return False
    return not (_org_evidence(name_a, evidence_a) or _org_evidence(name_b, evidence_b))
