"""Heavy libraries that medspaCy imports but our pipeline never uses, loaded only on first use.

`import medspacy.context` runs `medspacy/__init__`, whose `medspacy.util` imports QuickUMLS,
whose core does `import nltk` (and nltk imports scipy.stats and scikit-learn): ~2 s of a cold
`casereview extract` for a UMLS matcher we never run. QuickUMLS touches `nltk` only inside
its matcher, so a stand-in module that imports the real nltk on its first attribute access
keeps QuickUMLS working for anyone who builds one, and costs nothing otherwise.
(`importlib.util.LazyLoader` cannot do this: the import system reads `__spec__` on every
`import nltk`, which loads the module at once.)
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from typing import Any

DEFERRED = ("nltk",)


class _Deferred(types.ModuleType):
    """Stands in for a module until an attribute is asked for, then hands over to it."""

    def __getattr__(self, attr: str) -> Any:
        name = self.__name__
        if sys.modules.get(name) is self:
            del sys.modules[name]
        return getattr(importlib.import_module(name), attr)


def defer(name: str) -> None:
    """Register a stand-in for `name` (nothing if it is already imported or not installed)."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None:
        return
    stand_in = _Deferred(name)
    stand_in.__spec__ = spec
    sys.modules[name] = stand_in


for _name in DEFERRED:
    defer(_name)
