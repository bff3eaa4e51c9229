"""Fetching http(s) URLs with a size limit and a timeout (httpx).

The ``fetch_timeout`` setting bounds the whole fetch (connect, headers and body):
a server trickling one byte at a time is cut off at the deadline, not only when
it pauses longer than the timeout between two reads.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from rasid import __version__ as _version
from rasid import settings
from rasid.errors import FetchError, InputTooLargeError

USER_AGENT = f"rasid/{_version} (+https://github.com/rasid; Arabic news analysis)"
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)


@dataclass
class Response:
    url: str
    data: bytes
    content_type: str
    charset: str | None


def is_url(s: str) -> bool:
    return s.startswith(("http://", "https://"))


def fetch(url: str, client=None) -> Response:
    """GET ``url``; raises :class:`FetchError` or :class:`InputTooLargeError`."""
    import httpx

    limit = settings.get("max_input_bytes")
    timeout = float(settings.get("fetch_timeout"))
    deadline = time.monotonic() + timeout
    own = client is None
    if own:
        client = httpx.Client(
            timeout=settings.get("fetch_timeout"),
            follow_redirects=True,
            headers={"User-Agent": USER_AGENT},
        )
    try:
        with client.stream("GET", url, timeout=httpx.Timeout(max(0.001, deadline - time.monotonic()))) as r:
            if r.status_code >= 400:
                raise FetchError(f"HTTP {r.status_code} {r.reason_phrase}".strip(), url)
            length = r.headers.get("content-length")
            if length and length.isdigit() and int(length) > limit:
                raise InputTooLargeError(
                    f"response too large ({int(length)} bytes; setting max_input_bytes is {limit})", url
                )
            chunks: list[bytes] = []
            size = 0
            for chunk in r.iter_bytes():
                if time.monotonic() > deadline:
                    raise FetchError(f"timed out after {timeout:g} s (setting fetch_timeout)", url)
                size += len(chunk)
                if size > limit:
                    raise InputTooLargeError(f"response too large (over {limit} bytes, setting max_input_bytes)", url)
                chunks.append(chunk)
            ctype = r.headers.get("content-type", "")
            m = _CHARSET.search(ctype)
            return Response(str(r.url), b"".join(chunks), ctype.split(";")[0].strip().lower(), m.group(1) if m else None)
    except httpx.TimeoutException:
        raise FetchError(f"timed out after {settings.get('fetch_timeout')} s", url) from None
    except httpx.HTTPError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise FetchError(f"cannot fetch ({reason})", url) from None
    finally:
        if own:
            client.close()
