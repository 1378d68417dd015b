"""Re-export of :mod:`pipeline.extract.roles.lexicon` (the compiled role and organisation lexicons),
kept so that ``pipeline.extract.lexicon`` stays importable."""
from __future__ import annotations

from .roles.lexicon import (ADJ_ENDINGS, CATEGORIES, LOCATION_TYPES, ORG_TYPES, Form, Org, OrgLexicon,  # noqa: F401
                            OrgSpec, RoleLexicon, RolePatterns, Title, TitleSpec, declare_binding,
                            parse_organizations, parse_roles)

__all__ = ["ADJ_ENDINGS", "CATEGORIES", "LOCATION_TYPES", "ORG_TYPES", "Form", "Org", "OrgLexicon", "OrgSpec",
           "RoleLexicon", "RolePatterns", "Title", "TitleSpec", "declare_binding", "parse_organizations",
           "parse_roles"]
