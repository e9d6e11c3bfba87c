"""Untrusted web pages are read with bounded resources: counted first, then parsed in a child.

Reading a page (html.read_page) builds three trees of it (nh3's, lxml's, trafilatura's copy):
a 28 MB page of 500,000 paragraphs took about 1 GB, and Python's allocator kept most of it
after the import. So, per page:

1. `scan` counts the page's elements and their nesting with libxml2's HTML tokenizer in SAX
   mode (a parser target: no tree is built; implied end tags such as an unclosed <p> are
   closed as a browser closes them), fed a chunk at a time while the page is read. It stops
   at the first element over IMPORT_MAX_HTML_ELEMENTS or deeper than IMPORT_MAX_HTML_DEPTH:
   the page is refused with a file:line error before anything else is spent on it.
2. The page is read by `html.read_page` in a child process (`PageReader`) started with the
   'spawn' method, whose address space is held to IMPORT_HTML_MEMORY_BYTES (RLIMIT_AS, set after
   its imports). A page that needs more is an error for that file (MemoryError in the child, or
   the child killed), and the next page gets a new child. The worker's own memory holds only
   the page's bytes, so it returns when the import ends; the child exits then too.
3. Starting a child costs its interpreter and imports (bench/bench_import_memory.py measures
   it), so one child reads up to IMPORT_HTML_PAGES_PER_CHILD pages (an archive of saved pages),
   then is replaced, so that whatever a page leaves behind in it does not accumulate.

IMPORT_HTML_MEMORY_BYTES = 0 reads pages in the calling process (the element and depth caps
still apply).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import resource
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection
from typing import Any

from lxml import etree

from .limits import Limits, size_text
from .records import ArticleRecord, RecordError


class _TooBig(Exception):
    """Raised inside the tokenizer's callbacks to stop it at the first element over a cap."""


class _Counter:
    """A parser target: counts start tags and the open depth, stops past either cap."""

    def __init__(self, max_elements: int, max_depth: int) -> None:
        self.max_elements = max_elements
        self.max_depth = max_depth
        self.elements = 0
        self.depth = 0
        self.deepest = 0

    def start(self, tag: str | bytes, attrib: Any) -> None:
        self.elements += 1
        self.depth += 1
        self.deepest = max(self.deepest, self.depth)
        if self.elements > self.max_elements or self.depth > self.max_depth:
            raise _TooBig

    def end(self, tag: str | bytes) -> None:
        self.depth -= 1

    def data(self, data: str | bytes) -> None:
        pass

    def comment(self, text: str | bytes) -> None:
        pass

    def close(self) -> None:
        return None


def scan(lines: Iterable[str], filename: str, limits: Limits) -> bytes | RecordError:
    """The page as UTF-8 bytes, or the RecordError of the cap it passes (at the line where it
    passes it; the rest of the page is then not read)."""
    counter = _Counter(limits.max_html_elements, limits.max_html_depth)
    parser = etree.HTMLParser(target=counter, huge_tree=True, recover=True)
    page = bytearray()
    number = 0
    try:
        # Line by line, so that the line of the element over a cap is the line reported.
        for line in lines:
            number += 1
            text = line + "\n"
            page += text.encode("utf-8", "surrogatepass")
            parser.feed(text)
        parser.close()
    except _TooBig:
        return RecordError(filename, max(number, 1), _over_message(counter))
    except etree.LxmlError:
        pass  # the tokenizer recovers from anything; html.read_page judges what is left
    return bytes(page)


def _over_message(counter: _Counter) -> str:
    if counter.depth > counter.max_depth:
        return (
            f"elements nested more than {counter.max_depth:,} deep, over the limit "
            "(IMPORT_MAX_HTML_DEPTH): the page is not read"
        )
    return (
        f"the page has more than {counter.max_elements:,} elements, over the limit of "
        f"{counter.max_elements:,} (IMPORT_MAX_HTML_ELEMENTS): the page is not read"
    )


def parse(
    lines: Iterable[str], filename: str, *, limits: Limits, reader: PageReader | None = None
) -> Iterator[ArticleRecord | RecordError]:
    """The page's article or a RecordError, as html.parse, within the limits above."""
    page = scan(lines, filename, limits)
    if isinstance(page, RecordError):
        yield page
        return
    if reader is None:
        with PageReader(limits) as own:
            yield own.read(page, filename)
    else:
        yield reader.read(page, filename)


class PageReader:
    """A child process that reads pages (see the module doc); started at the first page, ended
    by `close` (or leaving a `with` block)."""

    def __init__(self, limits: Limits) -> None:
        self.memory = limits.html_memory_bytes
        self.pages_per_child = max(1, limits.html_pages_per_child)
        self.process: Any = None
        self.connection: Connection | None = None
        self.pages = 0  # read by the current child

    def __enter__(self) -> PageReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def read(self, page: bytes, filename: str) -> ArticleRecord | RecordError:
        if self.memory <= 0:
            from . import html

            return html.read_page(page.decode("utf-8", "surrogatepass"), filename)
        if self.connection is None or self.pages >= self.pages_per_child:
            self.close()
            self._start()
        assert self.connection is not None
        self.pages += 1
        try:
            self.connection.send_bytes(filename.encode("utf-8", "surrogatepass"))
            self.connection.send_bytes(page)
            del page
            result: ArticleRecord | RecordError | None = self.connection.recv()
        except (EOFError, OSError):
            result = None
        if result is None:  # the child died (killed past its memory, or crashed)
            self.close()
            return RecordError(filename, 0, self._memory_message())
        if isinstance(result, _ChildMemoryError):
            self.close()  # a child that ran out of memory is not reused
            return RecordError(filename, 0, self._memory_message())
        return result

    def close(self) -> None:
        if self.connection is not None:
            with contextlib.suppress(OSError):
                self.connection.close()
            self.connection = None
        if self.process is not None:
            self.process.join(timeout=5)
            if self.process.is_alive():
                self.process.kill()
                self.process.join()
            self.process.close()
            self.process = None
        self.pages = 0

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        self.process = context.Process(
            target=_child, args=(theirs, self.memory), name="newsroom-page-reader", daemon=True
        )
        self.process.start()
        theirs.close()
        self.connection = ours

    def _memory_message(self) -> str:
        return (
            f"reading the page needs more than {size_text(self.memory)} of memory, over the "
            "limit (IMPORT_HTML_MEMORY_BYTES): the page is not read"
        )


class _ChildMemoryError:
    """What the child sends back when a page raised MemoryError."""


def _child(connection: Connection, memory: int) -> None:
    """The child's loop: a file name and a page in, an ArticleRecord or RecordError out, until
    the parent closes the pipe."""
    from . import html

    html.warm_up()
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    while True:
        try:
            filename = connection.recv_bytes().decode("utf-8", "surrogatepass")
            page = connection.recv_bytes()
        except (EOFError, OSError):
            return
        try:
            result: object = html.read_page(page.decode("utf-8", "surrogatepass"), filename)
        except MemoryError:
            result = _ChildMemoryError()
        del page
        try:
            connection.send(result)
        except MemoryError:
            return
