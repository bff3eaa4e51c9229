"""Rasid's exceptions.

Tree::

    RasidError
      InputError            an input cannot be read or is not an article
        EmptyInputError     nothing to analyse (empty file, empty text)
        BinaryInputError    binary data, not text
        EncodingError       bytes that no supported encoding decodes
        InputTooLargeError  larger than the ``max_input_bytes`` setting
        MalformedInputError a broken JSONL line, a feed that does not parse
        FetchError          a URL or feed could not be fetched
      StoreError            the database cannot be opened, migrated or written
      ModelDataError        a shipped data file or model is missing or invalid

The CLI prints ``rasid: <input>: <message>`` for these and goes on with the
next input; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class RasidError(Exception):
    """Base class of every error Rasid raises on purpose."""


class InputError(RasidError):
    def __init__(self, message: str, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source

    def __str__(self) -> str:
        msg = super().__str__()
        return f"{self.source}: {msg}" if self.source else msg


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class EncodingError(InputError):
    pass


class InputTooLargeError(InputError):
    pass


class MalformedInputError(InputError):
    pass


class FetchError(InputError):
    pass


class StoreError(RasidError):
    pass


class ModelDataError(RasidError):
    pass
