"""Pipeline stage: actors, organisations, outlets and people.

Runs after ``places``. Adds entities of kind actor / organization / outlet /
person (ids actor-N, org-N, outlet-N, person-N) with English and Arabic names,
every mention, and attrs (dictionary id, type, country, parent, PLOVER sector,
ACLED inter code; title and role for people). Sources, in order of trust:
the actor dictionary (data/actors.yaml), descriptive phrases (القوات
الأمريكية), metonyms marked by the places stage (واشنطن), names after titles,
and the CRF NER model for names and organisations not in any list.
"""

from __future__ import annotations

from rasid.actors.annotate import annotate

__all__ = ["annotate"]
