"""The read model moved to :mod:`rasid.store.queries` (the store owns every SQL
statement); these names stay importable from here for existing callers."""

from rasid.store.queries import (COUNT_CAP, EVENT_SORTS, MAX_INT, MAX_TEXT, PLOVER_TYPES, BadParameter, Database,
                                 EventFilter, actor_ids, int_param, one_of, parse_bbox, precision_class, text_param)

__all__ = ["COUNT_CAP", "EVENT_SORTS", "MAX_INT", "MAX_TEXT", "PLOVER_TYPES", "BadParameter", "Database",
           "EventFilter", "actor_ids", "int_param", "one_of", "parse_bbox", "precision_class", "text_param"]
