# Type stubs of the C extension module pith._pith (python/pith/_pith.c).
# Use the pith package; this module is its engine.
from typing import Mapping, Optional, Sequence, Tuple, Union
import os

NO_CONTENT: int

class Error(Exception):
    """Base class of every failure pith reports."""
    code: int

class UsageError(Error, ValueError): ...
class InputError(Error): ...
class RulesError(Error): ...
class OutOfMemoryError(Error, MemoryError): ...
class LimitError(Error): ...

_HTML = Union[str, bytes, bytearray, memoryview]

class Core:
    def __new__(cls, rules: Sequence[Union[str, bytes, os.PathLike[str]]], default_rules: bool,
                limits: Mapping[str, int],
                adblock: Sequence[Union[str, bytes, os.PathLike[str], None]] = (),
                adblock_cache: Union[str, bytes, os.PathLike[str], None] = None) -> "Core": ...
    def extract(self, html: _HTML, url: Optional[str], encoding: Optional[str], fmt: int,
                favor: int, links: bool, images: bool, with_title: bool,
                lang: Optional[str] = None, date: Optional[str] = None) -> Optional[str]: ...
    def bare(self, html: _HTML, url: Optional[str], encoding: Optional[str], fmt: int,
             favor: int, links: bool, images: bool, with_title: bool,
             lang: Optional[str] = None,
             date: Optional[str] = None) -> Optional[Tuple[str, str]]: ...

def version() -> str: ...
