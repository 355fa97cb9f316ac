"""The registry: one place that knows every activation function."""

from __future__ import annotations

from ._spec import Activation

_REGISTRY: dict[str, Activation] = {}


def register(spec: Activation) -> Activation:
    """Add ``spec`` to the registry; each function module calls this once."""
    if spec.name in _REGISTRY:
        raise ValueError(f"activation {spec.name!r} is registered twice")
    _REGISTRY[spec.name] = spec
    return spec


def get(name: str) -> Activation:
    """Return the spec of the activation function called ``name``.

    Raises
    ------
    KeyError
        If no function of that name is registered; the message lists the known names.
    """
    try:
        return _REGISTRY[name]
    except (KeyError, TypeError):
        raise KeyError(f"unknown activation {name!r}; known: {', '.join(names())}") from None


def names() -> list[str]:
    """The registered names, in the handbook's order."""
    return [s.name for s in sorted(_REGISTRY.values(), key=lambda s: s.order)]


def specs() -> list[Activation]:
    """The registered specs, in the handbook's order."""
    return [_REGISTRY[n] for n in names()]
