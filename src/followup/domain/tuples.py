"""`NamedTuple`, written as `typing.NamedTuple` is, without loading `typing`.

The check of one letter loads nothing else of `typing`, whose import is a fortieth of its start-up.
A class declared `class Entry(NamedTuple): ...` (field annotations, defaults, methods, a docstring)
is made by `collections.namedtuple` as `typing` makes it; only its `__annotations__` are left as
they were written (strings, under `from __future__ import annotations`). Type checkers read
`typing.NamedTuple` itself.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    from collections import namedtuple

    # as typing: what a declaration may not set, and what it sets that is not copied
    _PROHIBITED = frozenset(
        {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults"}
        | {"_make", "_replace", "_asdict", "_source"}
    )
    _SPECIAL = frozenset({"__module__", "__name__", "__annotations__"})

    class _NamedTupleMeta(type):
        def __new__(cls, name, bases, namespace):
            if bases == ():  # NamedTuple itself
                return super().__new__(cls, name, bases, namespace)
            if bases != (NamedTuple,):
                raise TypeError("can only inherit from a NamedTuple type")
            fields = dict(namespace.get("__annotations__", {}))
            defaults = []
            for field in fields:
                if field in namespace:
                    defaults.append(field)
                elif defaults:
                    raise TypeError(
                        f"Non-default namedtuple field {field} cannot follow default field"
                        f"{'s' if len(defaults) > 1 else ''} {', '.join(defaults)}"
                    )
            made = namedtuple(
                name,
                list(fields),
                defaults=[namespace[n] for n in defaults],
                module=namespace["__module__"],
            )
            made.__annotations__ = made.__new__.__annotations__ = fields
            for key, value in namespace.items():
                if key in _PROHIBITED:
                    raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
                if key not in _SPECIAL and key not in made._fields:
                    setattr(made, key, value)
            return made

    class NamedTuple(metaclass=_NamedTupleMeta):
        """The base of a class declared as a named tuple (see the module's docstring)."""
